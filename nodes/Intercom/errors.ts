import type { VendorError } from '../shared/errors';

interface IntercomErrorEntry {
	code?: unknown;
	message?: unknown;
	field?: unknown;
}

const text = (value: unknown): string | undefined =>
	typeof value === 'string' && value.trim() !== '' ? value : undefined;

function describeEntry(entry: IntercomErrorEntry): string {
	const summary = [text(entry.code), text(entry.message)].filter(Boolean).join(': ');
	return text(entry.field) ? `${summary} (field ${entry.field as string})` : summary;
}

/**
 * Intercom's `error.list`: `{ type, request_id, errors: [{ code, message?, field? }] }`. The first
 * error becomes the message; the others are listed. On a 409 the existing contact's id is only in
 * the message text ("... already exists with id=5da6f18e3d7cf967e4582d05").
 */
export function parseIntercomError(body: unknown): VendorError | undefined {
	if (!body || typeof body !== 'object' || Array.isArray(body)) return undefined;
	const { errors, request_id: requestId, message, error } = body as {
		errors?: unknown;
		request_id?: unknown;
		message?: unknown;
		error?: unknown;
	};
	const entries = Array.isArray(errors)
		? (errors.filter((entry) => entry && typeof entry === 'object') as IntercomErrorEntry[])
		: [];
	if (entries.length === 0) {
		const plain = text(message) ?? text(error);
		return plain ? { message: plain, requestId: text(requestId) } : undefined;
	}
	const [first, ...rest] = entries;
	const firstMessage = text(first.message) ?? text(first.code) ?? 'Intercom returned an error';
	return {
		message: firstMessage,
		code: text(first.code),
		field: text(first.field),
		requestId: text(requestId),
		existingId: /\bid=([A-Za-z0-9]+)/.exec(firstMessage)?.[1],
		others: rest.map(describeEntry),
	};
}
