import { checkBaseUrl } from '../shared/baseUrl';

const TENANT = /^[a-z0-9][a-z0-9-]*$/;

/**
 * The tenant's API address from what the user typed: `acme`, `acme.staging`, or
 * `https://acme.voyado.com` / `https://acme.staging.voyado.com` (with or without a path). Only
 * https and Voyado's own hosts are accepted, so the API key goes nowhere else.
 */
export function voyadoTenantUrl(input: unknown): string {
	const text = typeof input === 'string' ? input.trim().toLowerCase().replace(/\/+$/, '') : '';
	const fromUrl = /^https:\/\/([a-z0-9-]+)(\.staging)?\.voyado\.com(\/.*)?$/.exec(text);
	const bare = /^([a-z0-9-]+)(\.staging)?$/.exec(text);
	const match = fromUrl ?? bare;
	if (!match || !TENANT.test(match[1])) {
		throw new Error(
			`Tenant "${typeof input === 'string' ? input : ''}" is not a Voyado Engage address: use https://{tenant}.voyado.com, https://{tenant}.staging.voyado.com, or just the tenant name`,
		);
	}
	return `https://${match[1]}${match[2] ?? ''}.voyado.com`;
}

/** The base URL: the override when set (https, or http on localhost), else the tenant's host. */
export function voyadoBaseUrl(credentials: { tenant?: unknown; baseUrlOverride?: unknown }): string {
	return credentials.baseUrlOverride
		? checkBaseUrl(credentials.baseUrlOverride, 'Base URL Override')
		: voyadoTenantUrl(credentials.tenant);
}
