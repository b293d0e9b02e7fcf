import type {
	IAuthenticateRuleResponseCode,
	ICredentialDataDecryptedObject,
	IDataObject,
	IHttpRequestOptions,
} from 'n8n-workflow';

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

/** A credential's `authenticate` as a function (n8n's IAuthenticate also allows the generic object form). */
export type AuthenticateFunction = (
	credentials: ICredentialDataDecryptedObject,
	requestOptions: IHttpRequestOptions,
) => Promise<IHttpRequestOptions>;

/** A request as a credential's `authenticate` receives it: n8n's own (url) or the HTTP Request node's legacy one (uri). */
export type CredentialRequestOptions = IHttpRequestOptions & {
	uri?: string;
	followRedirect?: boolean;
	followAllRedirects?: boolean;
};

const ABSOLUTE_URL = /^[a-z][a-z0-9+.-]*:/i;

function absoluteTarget(requestOptions: CredentialRequestOptions): string | undefined {
	for (const target of [requestOptions.uri, requestOptions.url]) {
		if (typeof target === 'string' && ABSOLUTE_URL.test(target)) return target;
	}
	return undefined;
}

/**
 * What every credential's `authenticate` returns: the request with the secret's headers, sent only
 * where this credential belongs, and never redirected.
 * - A relative request (the nodes' own) goes to the credential's base URL (`credentialBase`, called
 *   only then, so a bad stored value is not reported for requests that do not use it), or to the
 *   request's own baseURL (the credential test), which must pass the https rule.
 * - An absolute URL (the HTTP Request node with this credential) must pass the https rule and be on
 *   the credential's own origin (or one of `otherOrigins`): the key is never sent to another host.
 * - Redirects are not followed: n8n's request layer would follow a 3xx to any host with the headers
 *   intact. `disableFollowRedirect` is n8n's option; `followRedirect`/`followAllRedirects` the
 *   HTTP Request node's. The transport reports the 3xx.
 */
export function authenticatedRequest(
	requestOptions: CredentialRequestOptions,
	credentialBase: () => string,
	secretHeaders: IDataObject,
	otherOrigins: () => string[] = () => [],
): CredentialRequestOptions {
	const absolute = absoluteTarget(requestOptions);
	let baseURL: string;
	if (absolute !== undefined) {
		const target = new URL(checkBaseUrl(absolute, 'Request URL'));
		baseURL = credentialBase();
		const allowed = [baseURL, ...otherOrigins()].map((url) => new URL(url).origin);
		if (!allowed.includes(target.origin)) {
			throw new Error(
				`This credential sends its key only to ${[...new Set(allowed)].join(' or ')}, not to ${target.origin}: use a URL on that host, or another credential`,
			);
		}
	} else {
		baseURL = requestOptions.baseURL ? checkBaseUrl(requestOptions.baseURL) : credentialBase();
	}
	const legacy = requestOptions.uri !== undefined ? { followRedirect: false, followAllRedirects: false } : {};
	return {
		...requestOptions,
		baseURL,
		headers: { ...requestOptions.headers, ...secretHeaders },
		disableFollowRedirect: true,
		...legacy,
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
