import type { VendorError } from '../shared/errors';

const text = (value: unknown): string | undefined =>
	typeof value === 'string' && value.trim() !== '' ? value : undefined;

/** The codes the create doc gives per status, for bodies that do not name one. */
const DOCUMENTED_CODES: Record<number, string> = { 400: 'NoData', 422: 'ValidationError', 504: 'RequestTimeOut' };

interface FieldProblem {
	field: string;
	message: string;
}

/** Validation details in the shapes seen: a list of {field|property|name, message} or a map field -> message(s). */
function fieldProblems(details: unknown): FieldProblem[] {
	if (!details || typeof details !== 'object') return [];
	if (Array.isArray(details)) {
		return details
			.map((entry) => entry as Record<string, unknown>)
			.map((entry) => ({
				field: text(entry?.field) ?? text(entry?.property) ?? text(entry?.propertyName) ?? text(entry?.name) ?? '',
				message: text(entry?.message) ?? text(entry?.errorMessage) ?? text(entry?.error) ?? '',
			}))
			.filter((problem) => problem.field !== '' || problem.message !== '');
	}
	const record = details as Record<string, unknown>;
	for (const nested of ['validationErrors', 'errors', 'fieldErrors']) {
		if (record[nested] !== undefined) return fieldProblems(record[nested]);
	}
	return Object.entries(record)
		.filter(([, value]) => typeof value === 'string' || Array.isArray(value))
		.map(([field, value]) => ({ field, message: Array.isArray(value) ? value.join('; ') : String(value) }));
}

/**
 * Voyado's error body is not documented; bodies seen carry `errorCode`/`code`, `message`,
 * `detail` or `title` (RFC 7807 style) and `messageDetails` or `errors`. The status gives the
 * documented code when the body names none (400 NoData, 422 ValidationError, 504 RequestTimeOut).
 */
export function parseVoyadoError(body: unknown, httpCode: number | undefined): VendorError | undefined {
	const fallbackCode = httpCode !== undefined ? DOCUMENTED_CODES[httpCode] : undefined;
	if (typeof body === 'string' && body.trim() !== '' && !/^\s*</.test(body)) {
		return { message: body.trim(), code: fallbackCode };
	}
	if (!body || typeof body !== 'object' || Array.isArray(body)) {
		return fallbackCode ? { message: fallbackCode, code: fallbackCode } : undefined;
	}
	const data = body as Record<string, unknown>;
	const code = text(data.errorCode) ?? text(data.code) ?? fallbackCode ?? text(data.title);
	const problems = fieldProblems(data.messageDetails ?? data.errors);
	const message =
		text(data.message) ?? text(data.detail) ?? text(data.title) ?? problems[0]?.message ?? code ?? 'Voyado returned an error';
	const ids = (data.messageDetails as { multipleMatchesFound?: unknown } | undefined)?.multipleMatchesFound;
	return {
		message,
		code,
		field: problems[0]?.field || undefined,
		existingId: Array.isArray(ids) && typeof ids[0] === 'string' ? ids[0] : undefined,
		others: problems.map((problem) => (problem.field ? `${problem.field}: ${problem.message}` : problem.message)),
	};
}
