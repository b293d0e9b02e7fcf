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

/** X-RateLimit-Reset is the Unix second at which the window reopens; add a little slack. */
function intercomResetMs({ headers }: HttpFailure, nowMs: number): number | undefined {
	const reset = Number(headers['x-ratelimit-reset']);
	if (!headers['x-ratelimit-reset'] || !Number.isFinite(reset)) return undefined;
	return Math.max(0, reset * 1000 - nowMs) + 100;
}

export const intercomApi: VendorApi = {
	service: 'Intercom',
	credentialType: INTERCOM_CREDENTIAL_TYPE,
	parseError: parseIntercomError,
	retry: { ...DEFAULT_RETRY, baseDelayMs: 1_000 },
	timeoutMs: 30_000,
	rateLimitResetMs: intercomResetMs,
	hintFor: intercomHint,
	headers: { 'Content-Type': 'application/json', 'Intercom-Version': DEFAULT_INTERCOM_VERSION },
	// No fixed pace: the limits vary by app and workspace, so the X-RateLimit-* headers drive it.
	rateLimit: {
		readHeaders: (headers) => {
			const reset = headerNumber(headers, 'x-ratelimit-reset');
			return {
				remaining: headerNumber(headers, 'x-ratelimit-remaining'),
				limit: headerNumber(headers, 'x-ratelimit-limit'),
				resetAtMs: reset === undefined ? undefined : reset * 1000 + 100,
			};
		},
	},
	defaultConcurrency: 5,
};
