import type { HttpFailure } from '../shared/errors';
import type { VendorApi } from '../shared/transport';
import { DEFAULT_RETRY } from '../shared/transport';
import { parseSfmcError } from './errors';

export const SFMC_CREDENTIAL_TYPE = 'salesforceMarketingCloudApi';

function documentationOf(body: unknown): string | undefined {
	const link = (body as { documentation?: unknown } | undefined)?.documentation;
	return typeof link === 'string' && link.startsWith('https://') ? link : undefined;
}

function sfmcHint(failure: HttpFailure): string | undefined {
	const documentation = documentationOf(failure.body);
	const see = documentation ? ` See ${documentation}` : '';
	switch (failure.httpCode) {
		case 401:
			return `Check the Subdomain, Client ID and Client Secret, and that the installed package is enabled. n8n fetched a new token once before giving up.${see}`;
		case 403:
			return `The package lacks a permission (scope) this call needs, e.g. List and Subscribers: Read and Write.${see}`;
		case 429:
			return `Marketing Cloud throttled the requests; the node waited as it asked before each retry.${see}`;
		default:
			return documentation ? `See ${documentation}` : undefined;
	}
}

/** 429 bodies carry `retryAfter` (seconds) as well as, or instead of, the Retry-After header. */
function sfmcRetryAfterMs({ body }: HttpFailure): number | undefined {
	const seconds = Number((body as { retryAfter?: unknown } | undefined)?.retryAfter);
	return Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : undefined;
}

/** Marketing Cloud publishes no rate numbers; back off on 429 as told, else exponentially. */
export const sfmcApi: VendorApi = {
	service: 'Salesforce Marketing Cloud',
	credentialType: SFMC_CREDENTIAL_TYPE,
	tokenField: 'accessToken',
	parseError: parseSfmcError,
	retry: { ...DEFAULT_RETRY, baseDelayMs: 1_000 },
	timeoutMs: 30_000,
	rateLimitResetMs: sfmcRetryAfterMs,
	hintFor: sfmcHint,
	headers: { 'Content-Type': 'application/json' },
	// Marketing Cloud publishes no numbers: no fixed pace, everyone backs off on a 429.
	rateLimit: {},
	defaultConcurrency: 5,
	// The contact key is what the user knows it by; contactID is Marketing Cloud's own number.
	contactIdOf: (output) => output.contactKey,
};
