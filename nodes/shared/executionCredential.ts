import type {
	IAdditionalCredentialOptions,
	ICredentialDataDecryptedObject,
	IExecuteFunctions,
} from 'n8n-workflow';

/** The credential options of one request, and the copy of the credential it was sent with. */
export interface CredentialForRequest {
	options: IAdditionalCredentialOptions;
	/** The credential as it was when the request started (to see what n8n changed in it). */
	sentWith: ICredentialDataDecryptedObject;
	/** This request carries an empty token, so n8n fetches one for it (the others wait). */
	fetchesToken: boolean;
}

/**
 * The node's credential, read once per execution and handed to `httpRequestWithAuthentication`
 * as `credentialsDecrypted`. Without it, n8n reads, decrypts and fills in the credential again
 * for every request (a few milliseconds of CPU each, which queue behind the network at 10 in
 * parallel). n8n still runs the credential's own `preAuthentication` and `authenticate`.
 *
 * Each request gets its own copy; what n8n writes into it (a fresh token) is brought back for
 * every later request. Expressions in credential fields resolve once, against the first item,
 * exactly as n8n resolves them when the node does not pass the credential.
 *
 * A credential with an expiring token (`tokenField`, SFMC) gets one token request per expiry,
 * however many requests were in flight: a 401 empties the token only if no one replaced it yet,
 * the next request fetches a new one through n8n's `preAuthentication` (which also stores it),
 * and every other request waits for that one instead of fetching its own.
 */
export class ExecutionCredential {
	private loading?: Promise<ICredentialDataDecryptedObject>;

	private shared?: ICredentialDataDecryptedObject;

	/**
	 * The vendor refused a token fetched just now: not an expiry but a real auth problem (a wrong
	 * scope, a disabled package). Every later request fails at once with it: no token per item.
	 */
	private refusedFresh?: Error;

	/** Settles when the request that is fetching a token is done. */
	private tokenFetch?: { done: Promise<void>; settle: () => void };

	constructor(
		private readonly context: IExecuteFunctions,
		private readonly type: string,
		private readonly tokenField?: string,
	) {}

	async forRequest(): Promise<CredentialForRequest> {
		if (this.refusedFresh) throw this.refusedFresh;
		if (!this.loading) {
			const loading = this.context.getCredentials(this.type);
			this.loading = loading;
			// A failure is not kept: the next item tries again and reports its own error.
			loading.catch(() => {
				if (this.loading === loading) this.loading = undefined;
			});
		}
		this.shared = await this.loading;
		while (this.tokenFetch) await this.tokenFetch.done;
		const fetchesToken = this.tokenField !== undefined && !this.shared[this.tokenField];
		if (fetchesToken) {
			let settle = () => {};
			const done = new Promise<void>((resolve) => (settle = resolve));
			this.tokenFetch = { done, settle };
		}
		const sentWith = { ...this.shared };
		const details = this.context.getNode().credentials?.[this.type];
		const options: IAdditionalCredentialOptions = {
			credentialsDecrypted: { id: details?.id ?? '', name: details?.name ?? '', type: this.type, data: { ...sentWith } },
		};
		// A 401 comes back to the transport, which calls tokenRejected: n8n's own retry on 401 would
		// fetch a token for every request in flight.
		if (this.tokenField !== undefined) options.preAuthenticationRetryStatusCode = [];
		return { sentWith, options, fetchesToken };
	}

	/** Keeps what n8n changed in the request's copy (a refreshed token) for the requests after it. */
	settle(request: CredentialForRequest): void {
		const updated = request.options.credentialsDecrypted?.data;
		if (updated && this.shared) {
			for (const [key, value] of Object.entries(updated)) {
				if (value !== request.sentWith[key]) this.shared[key] = value;
			}
		}
		if (request.fetchesToken && this.tokenFetch) {
			this.tokenFetch.settle();
			this.tokenFetch = undefined;
		}
	}

	/**
	 * The vendor answered 401 to this request. True when sending it again with a new token may
	 * help: its token was not fetched just now (a fresh token refused is a real auth problem).
	 */
	tokenRejected(request: CredentialForRequest): boolean {
		if (this.tokenField === undefined || !this.shared) return false;
		if (request.fetchesToken) return false;
		// Only the first 401 for a token empties it; a later one finds it already replaced.
		if (this.shared[this.tokenField] === request.sentWith[this.tokenField]) this.shared[this.tokenField] = '';
		return true;
	}

	/** A token fetched for this request was refused (401): the rest of the run fails with `error`, nothing sent. */
	freshTokenRefused(request: CredentialForRequest, error: Error): void {
		if (this.tokenField !== undefined && request.fetchesToken) this.refusedFresh = error;
	}
}
