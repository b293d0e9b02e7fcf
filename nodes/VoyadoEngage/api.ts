import type { HttpFailure } from '../shared/errors';
import type { VendorApi } from '../shared/transport';
import { parseVoyadoError } from './errors';

export const VOYADO_CREDENTIAL_TYPE = 'voyadoEngageApi';

function voyadoHint(failure: HttpFailure): string | undefined {
	const code = parseVoyadoError(failure.body, failure.httpCode)?.code;
	switch (code) {
		case 'ApprovedContactWithKeyExists':
			return 'An approved contact already has this key. Use Options > Check If Contact Exists First, or If Contact Already Exists: Return Existing Contact.';
		case 'ContactWithKeyIsBeingCreated':
			return 'Another request is creating a contact with this key right now; run this item again in a moment.';
		case 'ValidationError':
			return 'Engage refused a value: check the field named, the contact type and its mandatory fields.';
		case 'NoData':
			return 'Engage received no contact data.';
		default:
			if (failure.httpCode === 401 || failure.httpCode === 403) {
				return "Check the API key and that this machine's IP address is allowed for it (Config Hub > API connections).";
			}
			return failure.httpCode === 429
				? 'Voyado allows up to 200 requests per second per key and recommends staying below 50.'
				: undefined;
	}
}

/**
 * Voyado's retry policy asks for late retries with growing waits (10 s, 30 s, 60 s ...); a 504
 * RequestTimeOut on create means nothing was created. The create endpoint enforces its own
 * timeout of under 10 seconds, so the client waits longer than that.
 */
export const voyadoApi: VendorApi = {
	service: 'Voyado Engage',
	credentialType: VOYADO_CREDENTIAL_TYPE,
	parseError: parseVoyadoError,
	retry: { maxAttempts: 4, maxTotalWaitMs: 120_000, baseDelayMs: 10_000, maxDelayMs: 60_000 },
	timeoutMs: 30_000,
	hintFor: voyadoHint,
	// "Keep the frequency of your requests below 50 per second"; 429 comes above 200 per second.
	rateLimit: { requestsPerSecond: 40 },
	defaultConcurrency: 10,
};
