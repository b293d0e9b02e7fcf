import { checkBaseUrl } from '../shared/baseUrl';

/** "Your subdomain is a 28-character string that begins with the letters mc" (SFMC docs). */
const SUBDOMAIN = /^mc[a-z0-9-]{26}$/;
const TENANT_URL = /^https:\/\/([a-z0-9-]+)\.(auth|rest|soap)\.marketingcloudapis\.com(\/.*)?$/;

/**
 * The tenant subdomain from what the user typed: the subdomain itself, or a pasted Authentication,
 * REST or SOAP base URI of the tenant, reduced to it. Anything else is refused, so the client
 * secret and tokens only ever go to the tenant's own marketingcloudapis.com hosts.
 */
export function normalizeSubdomain(input: unknown): string {
	const text = typeof input === 'string' ? input.trim().toLowerCase() : '';
	const subdomain = TENANT_URL.exec(text)?.[1] ?? text;
	if (!SUBDOMAIN.test(subdomain)) {
		throw new Error(
			`Subdomain "${typeof input === 'string' ? input : ''}" is not a Marketing Cloud subdomain: expected the 28-character value starting with "mc" (Setup > Installed Packages > API Integration), or one of its base URIs`,
		);
	}
	return subdomain;
}

export interface SfmcHosts {
	auth: string;
	rest: string;
	/** The tenant's SOAP host (custom API calls only; the node itself uses REST). */
	soap: string;
}

/** The auth and REST hosts: the tenant's own, or the advanced overrides (https, or http on loopback). */
export function sfmcHosts(credentials: { subdomain?: unknown; authBaseUrl?: unknown; restBaseUrl?: unknown }): SfmcHosts {
	const subdomain = normalizeSubdomain(credentials.subdomain);
	return {
		auth: credentials.authBaseUrl
			? checkBaseUrl(credentials.authBaseUrl, 'Auth Base URL Override')
			: `https://${subdomain}.auth.marketingcloudapis.com`,
		rest: credentials.restBaseUrl
			? checkBaseUrl(credentials.restBaseUrl, 'REST Base URL Override')
			: `https://${subdomain}.rest.marketingcloudapis.com`,
		soap: `https://${subdomain}.soap.marketingcloudapis.com`,
	};
}
