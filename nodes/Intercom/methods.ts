import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { sendVendorRequest } from '../shared/transport';
import { intercomApi } from './api';

interface IntercomAdmin {
	id?: string | number;
	name?: string;
	email?: string;
}

interface IntercomDataAttribute {
	name?: string;
	label?: string;
	full_name?: string;
	description?: string;
	data_type?: string;
	custom?: boolean;
	api_writable?: boolean;
	archived?: boolean;
}

const byName = (a: INodePropertyOptions, b: INodePropertyOptions) => a.name.localeCompare(b.name);

/** Teammates who can own a contact (GET /admins): labelled by name, then email, then id. */
export async function getOwners(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const { body } = await sendVendorRequest.call(this, intercomApi, { method: 'GET', url: '/admins' });
	const admins = ((body as { admins?: IntercomAdmin[] })?.admins ?? []).filter((admin) => admin.id !== undefined);
	return admins
		.map((admin) => ({
			name: admin.name || admin.email || String(admin.id),
			value: String(admin.id),
			description: admin.email,
		}))
		.sort(byName);
}

/**
 * Contact attributes the API may write (GET /data_attributes?model=contact): custom, API
 * writable and not archived, labelled with their data type.
 */
export async function getCustomAttributes(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const { body } = await sendVendorRequest.call(this, intercomApi, {
		method: 'GET',
		url: '/data_attributes',
		qs: { model: 'contact' },
	});
	const attributes = (body as { data?: IntercomDataAttribute[] })?.data ?? [];
	return attributes
		.filter((attribute) => attribute.custom && attribute.api_writable && !attribute.archived && attribute.name)
		.map((attribute) => ({
			name: `${attribute.label || attribute.name} (${attribute.data_type ?? 'unknown type'})`,
			value: attribute.name as string,
			description: attribute.description || attribute.full_name,
		}))
		.sort(byName);
}
