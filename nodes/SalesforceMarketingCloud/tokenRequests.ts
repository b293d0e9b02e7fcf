import { createHash } from 'crypto';
import type { IDataObject } from 'n8n-workflow';

const pending = new Map<string, Promise<IDataObject>>();

/**
 * One token request at a time per credential. n8n calls `preAuthentication` for every request that
 * finds no token, so requests that start together (the HTTP Request node's items, or two nodes)
 * would each fetch one; they share the one in flight instead. Only the pending request is kept,
 * under a hash of the credential's values; once it settles it is forgotten, and n8n stores the
 * token with the credential as usual.
 */
export async function oneTokenRequestAtATime(
	credentialValues: unknown[],
	fetchToken: () => Promise<IDataObject>,
): Promise<IDataObject> {
	const key = createHash('sha256').update(JSON.stringify(credentialValues)).digest('hex');
	const inFlight = pending.get(key);
	if (inFlight) return await inFlight;
	const request = fetchToken().finally(() => pending.delete(key));
	pending.set(key, request);
	return await request;
}
