/** Intercom's three data-hosting regions and their API hosts (Intercom OpenAPI 2.15 `servers`). */
export const INTERCOM_REGIONS = {
	us: 'https://api.intercom.io',
	eu: 'https://api.eu.intercom.io',
	au: 'https://api.au.intercom.io',
} as const;

export type IntercomRegion = keyof typeof INTERCOM_REGIONS;

export function intercomRegionUrl(region: unknown): string {
	return INTERCOM_REGIONS[(region as IntercomRegion) in INTERCOM_REGIONS ? (region as IntercomRegion) : 'us'];
}

/**
 * Intercom-Version values for the Contacts API. The vendor doc lists 1.0-2.14 and names 2.15 as
 * its version; the 1.x versions have no Contacts API (POST /contacts answers 404 there), so only
 * 2.x is offered. 2.15 is the default and is always sent, which fixes the body schema.
 */
export const INTERCOM_API_VERSIONS = [
	'2.0', '2.1', '2.2', '2.3', '2.4', '2.5', '2.6', '2.7', '2.8', '2.9', '2.10', '2.11', '2.12', '2.13', '2.14', '2.15',
] as const;
export const DEFAULT_INTERCOM_VERSION = '2.15';
