import type { HttpFailure } from '../shared/errors';
import type { VendorApi } from '../shared/transport';
import { DEFAULT_RETRY } from '../shared/transport';
import { headerNumber } from '../shared/rateLimiter';
import { parseLoopsError } from './errors';

export const LOOPS_CREDENTIAL_TYPE = 'loopsApi';

function loopsHint(failure: HttpFailure): string | undefined {
	switch (failure.httpCode) {
		case 401:
			return 'Check the API key in the Loops credential (Loops: Settings > API).';
		case 409:
			return 'A contact with this email or user ID already exists. To return it instead of failing, set Options > If Contact Already Exists.';
		case 429:
			return 'Loops allows 10 requests per second per team. Lower the number of parallel runs or raise Options > Retry Attempts.';
		default:
			return undefined;
	}
}

/**
 * Loops documents 10 requests/second per team and sends x-ratelimit-limit/-remaining, but no
 * reset time or Retry-After, so a 429 is retried with exponential backoff from one second.
 */
export const loopsApi: VendorApi = {
	service: 'Loops',
	credentialType: LOOPS_CREDENTIAL_TYPE,
	parseError: parseLoopsError,
	retry: { ...DEFAULT_RETRY, baseDelayMs: 1_000 },
	timeoutMs: 30_000,
	hintFor: loopsHint,
	headers: { 'Content-Type': 'application/json' },
	// 10 requests per second per team; the window is one second and has no reset header.
	rateLimit: {
		requestsPerSecond: 10,
		windowMs: 1_000,
		readHeaders: (headers) => ({ remaining: headerNumber(headers, 'x-ratelimit-remaining') }),
	},
	defaultConcurrency: 5,
};
