import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { sendVendorRequest } from '../shared/transport';
import { loopsApi } from './api';
import { fetchCustomProperties, propertyTypeName } from './properties';

interface LoopsMailingList {
	id: string;
	name?: string;
	description?: string | null;
	isPublic?: boolean;
}

function asArray<T>(body: unknown): T[] {
	return Array.isArray(body) ? (body as T[]) : [];
}

/** Mailing lists of the team (GET /lists), labelled by name, valued by list ID. */
export async function getMailingLists(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const { body } = await sendVendorRequest.call(this, loopsApi, { method: 'GET', url: '/lists' });
	return asArray<LoopsMailingList>(body)
		.filter((list) => typeof list.id === 'string')
		.map((list) => ({
			name: list.name || list.id,
			value: list.id,
			description: list.description || (list.isPublic ? 'Public list' : 'Private list'),
		}))
		.sort((a, b) => a.name.localeCompare(b.name));
}

/** Custom contact properties: "Label (Type)", the type named as the Type dropdown names it; valued by API name. */
export async function getCustomProperties(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return (await fetchCustomProperties.call(this))
		.map((property) => ({
			name: `${property.label || property.key} (${propertyTypeName(property.type)})`,
			value: property.key,
			description: `API name: ${property.key}`,
		}))
		.sort((a, b) => a.name.localeCompare(b.name));
}
