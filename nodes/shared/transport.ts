import type {
	IDataObject,
	IExecuteFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IN8nHttpFullResponse,
	IPollFunctions,
} from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import type { HttpFailure, VendorErrorParser } from './errors';
import { buildVendorApiError, readHttpFailure } from './errors';
import type { CredentialForRequest, ExecutionCredential } from './executionCredential';
import type { RateLimiter, RateLimitPolicy } from './rateLimiter';
import { ExecutionStoppedError, waitUnlessStopped } from './stop';
import { WaitBudget } from './waitBudget';

export interface RetryOptions {
	/** Attempts in all, the first one included. */
	maxAttempts: number;
	/** Upper bound on the time one item spends waiting (see WaitBudget). */
	maxTotalWaitMs: number;
	/** First backoff step when the vendor says nothing about when to come back. */
	baseDelayMs: number;
	/** Cap on one backoff step. */
	maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryOptions = {
	maxAttempts: 4,
	maxTotalWaitMs: 60_000,
	baseDelayMs: 1_000,
	maxDelayMs: 30_000,
};

/** What the transport needs to know about one vendor; each vendor folder exports one. */
export interface VendorApi {
	service: string;
	credentialType: string;
	/** The credential's hidden, expirable token, fetched by its preAuthentication (SFMC). */
	tokenField?: string;
	parseError: VendorErrorParser;
	retry: RetryOptions;
	timeoutMs: number;
	/**
	 * Milliseconds until the vendor's rate limit lets a 429 through again, from its own reset
	 * header or body (X-RateLimit-Reset, SFMC's `retryAfter`). Used on 429 only.
	 */
	rateLimitResetMs?: (failure: HttpFailure, nowMs: number) => number | undefined;
	/** Extra advice for the user, e.g. "check the API key" on a 401. */
	hintFor?: (failure: HttpFailure) => string | undefined;
	/** Headers every call to this vendor carries (never the secret: the credential adds that). */
	headers?: IDataObject;
	/** The vendor's documented pace and rate-limit headers, for parallel runs. */
	rateLimit: RateLimitPolicy;
	/** Parallel requests by default: safe for the vendor's limits. */
	defaultConcurrency: number;
	/** The contact's id in this vendor's output (default: `id`), to name contacts in errors. */
	contactIdOf?: (output: IDataObject) => unknown;
}

export interface VendorRequest {
	method: IHttpRequestMethods;
	url: string;
	body?: IDataObject;
	qs?: IDataObject;
	headers?: IDataObject;
}

/** Per-call settings: the retry bounds, the timeout, and a guard run before a risky retry. */
export interface SendOptions extends Partial<RetryOptions> {
	timeoutMs?: number;
	/**
	 * Runs before re-sending a request whose outcome is unknown (timeout, reset, 5xx): a create
	 * may have gone through. The guard looks the contact up and returns it instead, so no
	 * duplicate is made. Not run after a 429, which the vendor did not act on.
	 */
	beforeRetry?: (failure: HttpFailure) => Promise<VendorResponse | undefined>;
	/** The execution's shared pacer: every attempt waits for it and reports headers to it. */
	limiter?: RateLimiter;
	/** The item's waiting budget, shared by all its requests; without one, each call gets its own. */
	budget?: WaitBudget;
	/** The execution's credential, read once; without it, n8n reads it again for every request. */
	credential?: ExecutionCredential;
	/** n8n's cancel signal: on Stop, no attempt starts, every wait ends, the request is aborted. */
	signal?: AbortSignal;
}

export interface VendorResponse {
	statusCode: number;
	headers: Record<string, string>;
	body: unknown;
	attempts: number;
}

/** Who may send: a node's execute, its dropdowns, and a polling trigger's poll. */
export type RequestContext = IExecuteFunctions | ILoadOptionsFunctions | IPollFunctions;

const RETRYABLE_NETWORK_CODES = new Set([
	'ECONNRESET',
	'ECONNREFUSED',
	'ECONNABORTED',
	'ETIMEDOUT',
	'EPIPE',
	'EAI_AGAIN',
	'ERR_SOCKET_CONNECTION_TIMEOUT',
]);

/**
 * A failure after which the vendor may or may not have acted: no answer, or a 5xx (a gateway can
 * time out after the vendor stored the contact). A 429 or another 4xx means it did not.
 */
export function outcomeUnknown(failure: HttpFailure): boolean {
	return failure.httpCode === undefined || failure.httpCode >= 500;
}

/** 429, 5xx and network failures may succeed later; any other 4xx will not. */
export function isRetryable(failure: HttpFailure): boolean {
	if (failure.httpCode !== undefined) return failure.httpCode === 429 || failure.httpCode >= 500;
	return failure.networkCode !== undefined && RETRYABLE_NETWORK_CODES.has(failure.networkCode);
}

/** Retry-After as seconds or an HTTP date, in milliseconds from now. */
export function retryAfterMs(headers: Record<string, string>, nowMs: number): number | undefined {
	const value = headers['retry-after']?.trim();
	if (!value) return undefined;
	if (/^\d+(\.\d+)?$/.test(value)) return Math.round(Number(value) * 1000);
	const at = Date.parse(value);
	return Number.isNaN(at) ? undefined : Math.max(0, at - nowMs);
}

/**
 * How long to wait before attempt `attempt + 1`: the vendor's Retry-After, else its rate-limit
 * reset header, else capped exponential backoff with jitter (half fixed, half random, so parallel
 * runs spread out instead of retrying in step).
 */
export function retryDelayMs(
	attempt: number,
	failure: HttpFailure,
	api: Pick<VendorApi, 'rateLimitResetMs'>,
	retry: RetryOptions,
	nowMs: number,
	random: () => number = Math.random,
): number {
	// A rate-limit reset time only says when a 429 will clear; a 5xx gets backoff instead.
	const reset = failure.httpCode === 429 ? api.rateLimitResetMs?.(failure, nowMs) : undefined;
	const told = retryAfterMs(failure.headers, nowMs) ?? reset;
	if (told !== undefined) return Math.max(0, told);
	const step = Math.min(retry.maxDelayMs, retry.baseDelayMs * 2 ** (attempt - 1));
	return Math.round(step / 2 + (random() * step) / 2);
}

/**
 * The one way every node talks to a vendor: through n8n's `httpRequestWithAuthentication` (so the
 * credential adds the key and n8n refreshes expiring tokens), retrying only what may succeed
 * later, within the attempt and wait bounds. Failures come back as NodeApiError in the vendor's
 * words, with the item index.
 */
export async function sendVendorRequest(
	this: RequestContext,
	api: VendorApi,
	request: VendorRequest,
	itemIndex?: number,
	sendOptions: SendOptions = {},
): Promise<VendorResponse> {
	const { timeoutMs, beforeRetry, limiter, budget: itemBudget, credential, signal, ...retryOverrides } = sendOptions;
	const retry = { ...api.retry, ...retryOverrides };
	const budget = itemBudget ?? new WaitBudget(retry.maxTotalWaitMs);
	let resentAfterUnknownOutcome = false;
	let resentWithNewToken = false;
	for (let attempt = 1; ; attempt++) {
		const options: IHttpRequestOptions = {
			method: request.method,
			url: request.url,
			headers: { ...api.headers, ...request.headers },
			json: true,
			returnFullResponse: true,
			timeout: timeoutMs ?? api.timeoutMs,
		};
		if (request.body !== undefined) options.body = request.body;
		if (request.qs !== undefined) options.qs = request.qs;
		// n8n 2.x's helper sets this itself; set here, older versions abort on Stop too.
		if (signal) options.abortSignal = signal;
		let failure: HttpFailure;
		if (signal?.aborted) throw new ExecutionStoppedError();
		if (limiter && !(await limiter.acquire(budget, signal))) throw pausedTooLong(this, api, limiter, budget, itemIndex);
		let sentWith: CredentialForRequest | undefined;
		let credentialRead = false;
		try {
			sentWith = await credential?.forRequest();
			credentialRead = true;
		} finally {
			// The credential could not be read, so nothing went out: the pacer must not count it as in flight.
			if (!credentialRead) limiter?.release();
		}
		try {
			const response = (await this.helpers.httpRequestWithAuthentication.call(
				this,
				api.credentialType,
				options,
				sentWith?.options,
			)) as IN8nHttpFullResponse;
			const headers = response.headers as Record<string, string>;
			limiter?.observe(headers);
			return { statusCode: response.statusCode, headers, body: response.body, attempts: attempt };
		} catch (error) {
			failure = readHttpFailure(error);
		} finally {
			if (sentWith) credential?.settle(sentWith);
		}
		limiter?.observe(failure.headers);
		if (signal?.aborted) throw new ExecutionStoppedError(); // aborted by Stop: not the vendor's failure
		if (failure.httpCode === 401 && sentWith && credential?.tokenRejected(sentWith) && !resentWithNewToken) {
			// The token expired: send again at once with a new one (not an attempt: nothing was done).
			resentWithNewToken = true;
			attempt--;
			continue;
		}
		if (failure.httpCode === undefined && failure.networkCode === undefined) {
			// Nothing reached the vendor: the credential refused the request (e.g. the base-URL rule).
			throw new NodeOperationError(this.getNode(), failure.message, { itemIndex });
		}
		const delay = isRetryable(failure)
			? retryDelayMs(attempt, failure, api, retry, Date.now())
			: undefined;
		// A 429 concerns every parallel request: hold them all back, even if this one gives up.
		if (failure.httpCode === 429 && delay !== undefined) limiter?.pause(delay);
		if (delay === undefined || attempt >= retry.maxAttempts || !budget.take(delay)) {
			const error = vendorError(this, api, failure, itemIndex, attempt);
			if (resentAfterUnknownOutcome) error.context.resentAfterUnknownOutcome = true;
			if (failure.httpCode === 401 && sentWith) credential?.freshTokenRefused(sentWith, error);
			throw error;
		}
		this.logger.debug(`${api.service}: attempt ${attempt} failed, retrying`, {
			httpCode: failure.httpCode,
			networkCode: failure.networkCode,
			delayMs: delay,
		});
		await waitUnlessStopped(delay, signal);
		if (outcomeUnknown(failure)) {
			const settled = await beforeRetry?.(failure);
			if (settled) return { ...settled, attempts: attempt };
			resentAfterUnknownOutcome = true;
		}
	}
}

/** A contact a lookup found before a re-send, standing in for the create's lost answer. */
export function answerFromLookup(body: IDataObject): VendorResponse {
	return { statusCode: 200, headers: {}, body, attempts: 0 };
}

/**
 * True when this error answered a request that had been sent before with an unknown outcome: a
 * 409 then most likely names the contact the first attempt created.
 */
export function wasResentAfterUnknownOutcome(error: unknown): boolean {
	return error instanceof NodeApiError && error.context.resentAfterUnknownOutcome === true;
}

function pausedTooLong(
	context: RequestContext,
	api: VendorApi,
	limiter: RateLimiter,
	budget: WaitBudget,
	itemIndex: number | undefined,
): NodeOperationError {
	const seconds = (ms: number) => Math.ceil(ms / 100) / 10;
	return new NodeOperationError(
		context.getNode(),
		`${api.service} asked to pause for ${seconds(limiter.pausedForMs())} s, longer than this item may still wait (${seconds(budget.remainingMs)} s)`,
		{
			itemIndex,
			description:
				"Nothing was sent for this item. The vendor's rate limit was reached; raise Options > Max Retry Wait, or lower Parallel Requests or Max Requests per Second.",
		},
	);
}

function vendorError(
	context: RequestContext,
	api: VendorApi,
	failure: HttpFailure,
	itemIndex: number | undefined,
	attempts: number,
): NodeApiError {
	return buildVendorApiError(
		context.getNode(),
		failure,
		failure.httpCode !== undefined ? api.parseError(failure.body, failure.httpCode) : undefined,
		{ service: api.service, itemIndex, hint: api.hintFor?.(failure), attempts },
	);
}

/**
 * A success answer must be a JSON object to become an item; an HTML page or plain text behind a
 * 200 (a proxy, a maintenance page) is an error, not a contact.
 */
export function expectJsonObject(
	context: RequestContext,
	api: VendorApi,
	response: VendorResponse,
	itemIndex?: number,
): IDataObject {
	const { body } = response;
	if (body && typeof body === 'object' && !Array.isArray(body)) return body as IDataObject;
	throw buildVendorApiError(
		context.getNode(),
		{ httpCode: response.statusCode, body, headers: response.headers, message: '' },
		{ message: `${api.service} answered HTTP ${response.statusCode} without the expected JSON object` },
		{ service: api.service, itemIndex, attempts: response.attempts },
	);
}

/** The HTTP status of an error thrown by sendVendorRequest, for status-based decisions (409). */
export function httpStatusOf(error: unknown): number | undefined {
	if (!(error instanceof NodeApiError) || !error.httpCode) return undefined;
	const status = Number(error.httpCode);
	return Number.isFinite(status) ? status : undefined;
}
