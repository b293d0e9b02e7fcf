import type { HttpFailure } from '../shared/errors';
import type { VendorApi } from '../shared/transport';
import { DEFAULT_RETRY } from '../shared/transport';
import { headerNumber } from '../shared/rateLimiter';
import { parseIntercomError } from './errors';
import { DEFAULT_INTERCOM_VERSION } from './regions';

export const INTERCOM_CREDENTIAL_TYPE = 'intercomContactsApi';

function intercomHint(failure: HttpFailure): string | undefined {
	switch (failure.httpCode) {
		case 401:
			return 'Check the access token and the region in the credential: a token only works in its own region.';
		case 404:
			return 'Intercom answered "not found". The Contacts API needs API version 2.0 or later (Options > API Version).';
		case 406:
			return 'Intercom could not answer in JSON for this request; check Options > API Version.';
		case 409:
			return 'To output the existing contact instead of failing, set Options > If Contact Already Exists.';
		case 429:
			return "Intercom's rate limit was reached; the node waited for X-RateLimit-Reset between attempts.";
		default:
			return undefined;
	}
}

/**
 * Milliseconds until X-RateLimit-Reset, a Unix second on Intercom's clock: measured against the
 * answer's Date header (same clock), so a skewed clock here neither stalls nor floods. Without a
 * Date header, this machine's clock. A little slack covers the whole-second rounding.
 */
function intercomResetInMs(headers: Record<string, string>, nowMs: number): number | undefined {
	const reset = headerNumber(headers, 'x-ratelimit-reset');
	if (reset === undefined) return undefined;
	const serverNow = Date.parse(headers.date ?? '');
	return Math.max(0, reset * 1000 - (Number.isNaN(serverNow) ? nowMs : serverNow)) + 100;
}

export const intercomApi: VendorApi = {
	service: 'Intercom',
	credentialType: INTERCOM_CREDENTIAL_TYPE,
	parseError: parseIntercomError,
	retry: { ...DEFAULT_RETRY, baseDelayMs: 1_000 },
	timeoutMs: 30_000,
	rateLimitResetMs: ({ headers }, nowMs) => intercomResetInMs(headers, nowMs),
	hintFor: intercomHint,
	headers: { 'Content-Type': 'application/json', 'Intercom-Version': DEFAULT_INTERCOM_VERSION },
	// No fixed pace: the limits vary by app and workspace, so the X-RateLimit-* headers drive it.
	rateLimit: {
		readHeaders: (headers, nowMs) => {
			const resetInMs = intercomResetInMs(headers, nowMs);
			return {
				remaining: headerNumber(headers, 'x-ratelimit-remaining'),
				resetAtMs: resetInMs === undefined ? undefined : nowMs + resetInMs,
			};
		},
	},
	defaultConcurrency: 5,
};
