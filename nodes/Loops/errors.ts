import type { VendorError } from '../shared/errors';

/**
 * Loops answers `{ success: false, message }`; /api-key also carries a deprecated `error` string,
 * and some SDKs see `error: { message }`. Anything else (HTML from a load balancer, plain text)
 * is left to the shared fallback.
 */
export function parseLoopsError(body: unknown): VendorError | undefined {
	if (!body || typeof body !== 'object' || Array.isArray(body)) return undefined;
	const { message, error } = body as { message?: unknown; error?: unknown };
	if (typeof message === 'string' && message.trim() !== '') return { message };
	if (typeof error === 'string' && error.trim() !== '') return { message: error };
	if (error && typeof error === 'object') {
		const nested = (error as { message?: unknown }).message;
		if (typeof nested === 'string' && nested.trim() !== '') return { message: nested };
	}
	return undefined;
}
