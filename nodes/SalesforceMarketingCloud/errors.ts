import type { VendorError } from '../shared/errors';

const text = (value: unknown): string | undefined =>
	typeof value === 'string' && value.trim() !== '' ? value : undefined;

interface ResultMessage {
	resultType?: unknown;
	resultClass?: unknown;
	resultCode?: unknown;
	message?: unknown;
	messageFormatString?: unknown;
}

function describeResult(result: ResultMessage): string {
	return text(result.message) ?? text(result.messageFormatString) ?? text(result.resultCode) ?? 'Unknown result';
}

/** The contacts envelope's resultMessages, as an error (used for 200 + hasErrors and for 4xx). */
export function parseResultMessages(body: {
	resultMessages?: unknown;
	requestServiceMessageID?: unknown;
	serviceMessageID?: unknown;
}): VendorError | undefined {
	const results = Array.isArray(body.resultMessages)
		? (body.resultMessages.filter((entry) => entry && typeof entry === 'object') as ResultMessage[])
		: [];
	if (results.length === 0) return undefined;
	const errors = results.filter((result) => /error/i.test(String(result.resultClass ?? result.resultType ?? '')));
	const [first, ...rest] = errors.length > 0 ? errors : results;
	return {
		message: describeResult(first),
		code: text(first.resultCode) ?? (typeof first.resultCode === 'number' ? String(first.resultCode) : undefined),
		requestId: text(body.requestServiceMessageID) ?? text(body.serviceMessageID),
		others: rest.map(describeResult),
	};
}

/**
 * Marketing Cloud answers in three shapes: OAuth errors from /v2/token (`error`,
 * `error_description`), platform errors (`message`, `errorcode`, `documentation`, and
 * `additionalErrors` for 10006), and the contacts envelope (`resultMessages`). In that order.
 */
export function parseSfmcError(body: unknown): VendorError | undefined {
	if (!body || typeof body !== 'object' || Array.isArray(body)) return undefined;
	const data = body as Record<string, unknown>;
	if (text(data.error) || text(data.error_description)) {
		return { message: text(data.error_description) ?? (data.error as string), code: text(data.error) };
	}
	if (text(data.message)) {
		const additional = Array.isArray(data.additionalErrors)
			? data.additionalErrors.map((entry) => text((entry as { message?: unknown })?.message)).filter((m): m is string => !!m)
			: [];
		return {
			message: data.message as string,
			code: data.errorcode !== undefined && data.errorcode !== null ? String(data.errorcode) : undefined,
			others: additional,
		};
	}
	return parseResultMessages(data);
}
