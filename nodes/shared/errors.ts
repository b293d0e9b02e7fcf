import type { IDataObject, INode, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { parseUrl } from './baseUrl';

/** What a vendor's error body says, in one shape for every vendor. */
export interface VendorError {
	message: string;
	code?: string;
	field?: string;
	requestId?: string;
	/** On a conflict: the id of the contact that already exists, where the vendor gives it. */
	existingId?: string;
	/** Further errors when the vendor lists several. */
	others?: string[];
}

/** Reads a vendor's error body; returns undefined when the body is not the vendor's error shape. */
export type VendorErrorParser = (body: unknown, httpCode: number | undefined) => VendorError | undefined;

/** A failed request as n8n's request helper reported it, reduced to what is safe to show. */
export interface HttpFailure {
	httpCode?: number;
	body?: unknown;
	/** Response headers only (lower-case names); request headers, which hold the key, never. */
	headers: Record<string, string>;
	/** Set when no HTTP answer arrived: ECONNRESET, ECONNREFUSED, ECONNABORTED (timeout)... */
	networkCode?: string;
	message: string;
}

interface RequestHelperError {
	message?: string;
	httpCode?: string | null;
	cause?: {
		code?: string;
		message?: string;
		response?: { status?: number; data?: unknown; headers?: unknown };
	};
	/** NodeApiError's copy of an object body (the only place n8n 1.x keeps it). */
	context?: { data?: unknown };
	/** NodeApiError's earlier messages: n8n 1.x keeps the request layer's own message here. */
	messages?: unknown;
}

function plainHeaders(headers: unknown): Record<string, string> {
	const result: Record<string, string> = {};
	if (!headers || typeof headers !== 'object') return result;
	const source =
		typeof (headers as { toJSON?: unknown }).toJSON === 'function'
			? (headers as { toJSON: () => Record<string, unknown> }).toJSON()
			: (headers as Record<string, unknown>);
	for (const [name, value] of Object.entries(source)) {
		if (value !== undefined && value !== null) result[name.toLowerCase()] = String(value);
	}
	return result;
}

/**
 * The network code of a failure whose request-layer error is gone, from the messages NodeApiError
 * kept: "read ECONNRESET", "connect ECONNREFUSED 127.0.0.1:443", "socket hang up" (a connection
 * closed before the answer), "timeout of 30000ms exceeded".
 */
function networkCodeFromMessages(messages: unknown): string | undefined {
	if (!Array.isArray(messages)) return undefined;
	for (const text of messages) {
		if (typeof text !== 'string') continue;
		const code = /\b(E[A-Z]{2,}(?:_[A-Z]+)*)\b/.exec(text)?.[1];
		if (code && code in NETWORK_MESSAGES) return code;
		if (/socket hang up/i.test(text)) return 'ECONNRESET';
		if (/timeout of \d+ms exceeded/i.test(text)) return 'ECONNABORTED';
	}
	return undefined;
}

/**
 * Reads the error thrown by `httpRequestWithAuthentication`, in the shape of either n8n line:
 * - n8n 2.x: a NodeApiError whose `cause` is the request layer's error (status, body, headers,
 *   network code);
 * - n8n 1.x: a NodeApiError without `cause` (its class field resets it), holding the status in
 *   `httpCode`, an object body in `context.data`, and the request layer's message in `messages`;
 *   response headers (Retry-After) are not kept there, so backoff stands in for them;
 * - or the request layer's own error, thrown as it is.
 */
export function readHttpFailure(error: unknown): HttpFailure {
	const failure = (error ?? {}) as RequestHelperError;
	const cause = failure.cause ?? (failure as RequestHelperError['cause']) ?? {};
	const response = cause?.response;
	const status = response?.status ?? (failure.httpCode ? Number(failure.httpCode) : undefined);
	const httpCode = typeof status === 'number' && Number.isFinite(status) ? status : undefined;
	const causeLost = failure.cause === undefined;
	const networkCode =
		httpCode !== undefined
			? undefined
			: cause?.code
				? String(cause.code)
				: causeLost
					? networkCodeFromMessages(failure.messages)
					: undefined;
	return {
		httpCode,
		body: response?.data ?? (causeLost && httpCode !== undefined ? failure.context?.data : undefined),
		headers: plainHeaders(response?.headers),
		networkCode,
		message: cause?.message ?? failure.message ?? 'Unknown error',
	};
}

const NETWORK_MESSAGES: Record<string, string> = {
	ECONNRESET: 'The connection was closed before an answer arrived',
	ECONNREFUSED: 'The connection was refused',
	ECONNABORTED: 'No answer arrived in time (the request timed out)',
	ETIMEDOUT: 'No answer arrived in time (the request timed out)',
	ENOTFOUND: 'The host name could not be found',
	EAI_AGAIN: 'The host name could not be looked up',
	EPIPE: 'The connection was closed while sending',
};

/** A readable message for a body that is not the vendor's JSON error shape. */
export function describeUnparsedBody(body: unknown, httpCode: number | undefined): string {
	const status = httpCode === undefined ? '' : ` (HTTP ${httpCode})`;
	if (body === undefined || body === null || body === '') return `Empty answer${status}`;
	if (typeof body === 'string') {
		const text = body.trim();
		if (/^<(!doctype|html|\?xml)/i.test(text)) return `The service answered with an HTML page${status}`;
		return `${text.length > 300 ? `${text.slice(0, 300)}…` : text}${status}`;
	}
	return `Unexpected answer${status}`;
}

/** A 3xx: where it pointed, as host (or the path, when the Location is relative). */
export function redirectTarget(failure: HttpFailure): string | undefined {
	if (failure.httpCode === undefined || failure.httpCode < 300 || failure.httpCode > 399) return undefined;
	const location = failure.headers.location?.trim();
	if (!location) return 'an address it did not give';
	const url = parseUrl(location);
	return url ? `${url.protocol}//${url.host}` : location;
}

export interface VendorErrorOptions {
	service: string;
	itemIndex?: number;
	hint?: string;
	attempts?: number;
}

/**
 * A fresh NodeApiError from the vendor's own words (never a re-wrap of the helper's error, which
 * would keep the helper's generic message and drop the item index). It carries the status, code,
 * field and request id in `context` and nothing from the request, so no header or key.
 */
export function buildVendorApiError(
	node: INode,
	failure: HttpFailure,
	vendorError: VendorError | undefined,
	options: VendorErrorOptions,
): NodeApiError {
	const { service, itemIndex, attempts } = options;
	const redirect = redirectTarget(failure);
	const hint = redirect
		? 'Requests that carry your credential never follow a redirect, so the key was not sent on. Check the base URL or region in the credential: the API may have moved, or a proxy is redirecting.'
		: options.hint;
	const message = failure.networkCode
		? `${NETWORK_MESSAGES[failure.networkCode] ?? `Network error ${failure.networkCode}`} (${service})`
		: redirect
			? `${service} answered with a redirect to ${redirect}, which was not followed`
			: vendorError?.message ?? describeUnparsedBody(failure.body, failure.httpCode);
	const facts = [
		failure.httpCode !== undefined ? `${service} answered HTTP ${failure.httpCode}` : undefined,
		failure.networkCode ? `network error ${failure.networkCode}` : undefined,
		vendorError?.code ? `code: ${vendorError.code}` : undefined,
		vendorError?.field ? `field: ${vendorError.field}` : undefined,
		vendorError?.requestId ? `request id: ${vendorError.requestId}` : undefined,
		vendorError?.existingId ? `existing contact id: ${vendorError.existingId}` : undefined,
		attempts && attempts > 1 ? `after ${attempts} attempts` : undefined,
	].filter((fact) => fact !== undefined);
	const others = vendorError?.others?.length ? ` Also: ${vendorError.others.join('; ')}.` : '';
	const description = `${facts.join(', ')}.${others}${hint ? ` ${hint}` : ''}`;
	const vendorFacts: IDataObject = {};
	if (failure.httpCode !== undefined) vendorFacts.httpCode = String(failure.httpCode);
	if (failure.networkCode) vendorFacts.networkCode = failure.networkCode;
	if (vendorError?.code) vendorFacts.code = vendorError.code;
	if (vendorError?.field) vendorFacts.field = vendorError.field;
	if (vendorError?.requestId) vendorFacts.requestId = vendorError.requestId;
	if (vendorError?.existingId) vendorFacts.existingId = vendorError.existingId;
	const error = new NodeApiError(node, { message, ...vendorFacts } as JsonObject, {
		message,
		description,
		httpCode: failure.httpCode !== undefined ? String(failure.httpCode) : undefined,
		itemIndex,
	});
	Object.assign(error.context, vendorFacts);
	if (failure.body !== undefined && typeof failure.body === 'object') error.context.data = failure.body as IDataObject;
	return error;
}

/**
 * The JSON of a Continue On Fail item: `error` (the message) and `details` (status, vendor code,
 * field, request id, item). Only these two keys, because n8n sends an item to the error output
 * when its JSON holds nothing but error/message/details, and it replaces the JSON of any item
 * that carries `item.error` with the bare message, which would drop the vendor facts.
 */
export function errorItemJson(error: NodeApiError | NodeOperationError): IDataObject {
	const details: IDataObject = {};
	if (error.description) details.description = error.description;
	for (const key of ['httpCode', 'networkCode', 'code', 'field', 'requestId', 'existingId', 'itemIndex'] as const) {
		const value = error.context[key];
		if (value !== undefined) details[key] = value;
	}
	return { error: error.message, details };
}
