import type {
	IDataObject,
	IExecuteFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IN8nHttpFullResponse,
} from 'n8n-workflow';
import { NodeApiError, NodeOperationError, sleep } from 'n8n-workflow';

import type { HttpFailure, VendorErrorParser } from './errors';
import { buildVendorApiError, readHttpFailure } from './errors';
import type { RateLimiter, RateLimitPolicy } from './rateLimiter';

export interface RetryOptions {
	/** Attempts in all, the first one included. */
	maxAttempts: number;
	/** Upper bound on the time spent waiting between attempts, per request. */
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
}

export interface VendorRequest {
	method: IHttpRequestMethods;
	url: string;
	body?: IDataObject;
	qs?: IDataObject;
	headers?: IDataObject;
}

/** Per-call settings: the retry bounds, the timeout, and a guard run before each retry. */
export interface SendOptions extends Partial<RetryOptions> {
	timeoutMs?: number;
	/**
	 * Runs before a retry. A create whose outcome is unknown (timeout, reset, 5xx) may have gone
	 * through: the guard can look the contact up and return it instead, so no duplicate is made.
	 */
	beforeRetry?: (failure: HttpFailure) => Promise<VendorResponse | undefined>;
	/** The execution's shared pacer: every attempt waits for it and reports headers to it. */
	limiter?: RateLimiter;
}

export interface VendorResponse {
	statusCode: number;
	headers: Record<string, string>;
	body: unknown;
	attempts: number;
}

export type RequestContext = IExecuteFunctions | ILoadOptionsFunctions;

const RETRYABLE_NETWORK_CODES = new Set([
	'ECONNRESET',
	'ECONNREFUSED',
	'ECONNABORTED',
	'ETIMEDOUT',
	'EPIPE',
	'EAI_AGAIN',
	'ERR_SOCKET_CONNECTION_TIMEOUT',
]);

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
	const { timeoutMs, beforeRetry, limiter, ...retryOverrides } = sendOptions;
	const retry = { ...api.retry, ...retryOverrides };
	let waitedMs = 0;
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
		let failure: HttpFailure;
		await limiter?.acquire();
		try {
			const response = (await this.helpers.httpRequestWithAuthentication.call(
				this,
				api.credentialType,
				options,
			)) as IN8nHttpFullResponse;
			const headers = response.headers as Record<string, string>;
			limiter?.observe(headers);
			return { statusCode: response.statusCode, headers, body: response.body, attempts: attempt };
		} catch (error) {
			failure = readHttpFailure(error);
		}
		limiter?.observe(failure.headers);
		if (failure.httpCode === undefined && failure.networkCode === undefined) {
			// Nothing reached the vendor: the credential refused the request (e.g. the base-URL rule).
			throw new NodeOperationError(this.getNode(), failure.message, { itemIndex });
		}
		const delay = isRetryable(failure)
			? retryDelayMs(attempt, failure, api, retry, Date.now())
			: undefined;
		if (delay === undefined || attempt >= retry.maxAttempts || waitedMs + delay > retry.maxTotalWaitMs) {
			throw vendorError(this, api, failure, itemIndex, attempt);
		}
		// A 429 concerns every parallel request: hold them all back, not just this one.
		if (failure.httpCode === 429) limiter?.pause(delay);
		this.logger.debug(`${api.service}: attempt ${attempt} failed, retrying`, {
			httpCode: failure.httpCode,
			networkCode: failure.networkCode,
			delayMs: delay,
		});
		await sleep(delay);
		waitedMs += delay;
		const settled = await beforeRetry?.(failure);
		if (settled) return { ...settled, attempts: attempt };
	}
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
