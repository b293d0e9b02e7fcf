import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { sendVendorRequest } from '../shared/transport';
import { voyadoApi } from './api';

interface Consent {
	id?: string;
	name?: string;
}

interface Store {
	externalId?: string;
	name?: string;
	city?: string;
	active?: boolean;
}

const byName = (a: INodePropertyOptions, b: INodePropertyOptions) => a.name.localeCompare(b.name);

/** Consent definitions of the tenant (GET /api/v2/consents; Engage has no v3 listing). */
export async function getConsents(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const { body } = await sendVendorRequest.call(this, voyadoApi, { method: 'GET', url: '/api/v2/consents' });
	return (Array.isArray(body) ? (body as Consent[]) : [])
		.filter((consent) => typeof consent.id === 'string')
		.map((consent) => ({ name: consent.name || (consent.id as string), value: consent.id as string, description: consent.id }))
		.sort(byName);
}

/** Active stores (GET /api/v2/stores), valued by their external ID as the create call expects. */
export async function getStores(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const { body } = await sendVendorRequest.call(this, voyadoApi, { method: 'GET', url: '/api/v2/stores' });
	return (Array.isArray(body) ? (body as Store[]) : [])
		.filter((store) => typeof store.externalId === 'string' && store.active !== false)
		.map((store) => ({
			name: `${store.name || store.externalId} (${store.externalId})`,
			value: store.externalId as string,
			description: store.city,
		}))
		.sort(byName);
}
