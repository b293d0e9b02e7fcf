import type { IAuthenticateRuleResponseCode, IDataObject, IHttpRequestOptions } from 'n8n-workflow';

/**
 * The rule for a credential's "Base URL" override: https anywhere, plain http only to this machine
 * (localhost, 127.0.0.0/8, ::1), so an API key never travels unencrypted over a network while a
 * loopback mock or local proxy can still be used for testing.
 */
const LOOPBACK_HOSTS = new Set(['localhost', '[::1]', '::1']);

export function isLoopbackHost(hostname: string): boolean {
	return LOOPBACK_HOSTS.has(hostname.toLowerCase()) || /^127(\.\d{1,3}){3}$/.test(hostname);
}

export function parseUrl(text: string): URL | undefined {
	try {
		return new URL(text);
	} catch {
		return undefined;
	}
}

/** Returns the URL without a trailing slash, or throws an Error saying why it is refused. */
export function checkBaseUrl(raw: unknown, fieldName = 'Base URL'): string {
	if (typeof raw !== 'string' || raw.trim() === '') {
		throw new Error(`${fieldName} is empty: enter the API address, e.g. https://app.loops.so/api/v1`);
	}
	const url = parseUrl(raw.trim());
	if (!url) throw new Error(`${fieldName} "${raw}" is not a valid URL`);
	if (url.username || url.password) {
		throw new Error(`${fieldName} must not contain a user name or password`);
	}
	const loopback = isLoopbackHost(url.hostname);
	if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
		throw new Error(
			`${fieldName} must start with https:// (plain http is only allowed for localhost test servers)`,
		);
	}
	return url.toString().replace(/\/+$/, '');
}

/**
 * The base URL a credential may attach its secret to, for one request: an absolute request URL
 * and a request's own baseURL must pass the rule too, else the credential's `fallback` is used
 * (called only then, so a bad stored value is not reported for requests that do not use it).
 */
export function checkedRequestBaseUrl(
	requestOptions: { url: string; baseURL?: string },
	fallback: () => string,
): string {
	if (/^[a-z][a-z0-9+.-]*:/i.test(requestOptions.url)) checkBaseUrl(requestOptions.url, 'Request URL');
	return requestOptions.baseURL ? checkBaseUrl(requestOptions.baseURL) : fallback();
}

/**
 * What every credential's `authenticate` returns: the checked base URL, the secret's headers, and
 * no redirect following. n8n's request layer would otherwise follow a 3xx to any host with the
 * headers intact, so a redirect could carry the key elsewhere; the transport reports the 3xx.
 */
export function credentialRequest(
	requestOptions: IHttpRequestOptions,
	baseURL: string,
	secretHeaders: IDataObject,
): IHttpRequestOptions {
	return {
		...requestOptions,
		baseURL,
		headers: { ...requestOptions.headers, ...secretHeaders },
		disableFollowRedirect: true,
	};
}

/**
 * The credential Test button's answer to a redirect. n8n's tester maps a status code to a fixed
 * message, so it cannot name the host; a node run does (see errors.ts redirectTarget).
 */
export const REDIRECT_TEST_RULES: IAuthenticateRuleResponseCode[] = [301, 302, 303, 307, 308].map((value) => ({
	type: 'responseCode',
	properties: {
		value,
		message: `The address answered with a redirect (HTTP ${value}), which is not followed so your key is not sent elsewhere. Check the base URL or region.`,
	},
}));
