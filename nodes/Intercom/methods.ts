import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { sendVendorRequest } from '../shared/transport';
import { intercomApi } from './api';
import { attributeTypeName, fetchWritableAttributes } from './attributes';

interface IntercomAdmin {
	id?: string | number;
	name?: string;
	email?: string;
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

/** Writable custom attributes: "Label (Type)", the type named as the Type dropdown names it. */
export async function getCustomAttributes(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return (await fetchWritableAttributes.call(this))
		.map((attribute) => ({
			name: `${attribute.label || attribute.name} (${attributeTypeName(attribute.data_type)})`,
			value: attribute.name as string,
			description: attribute.description || attribute.full_name,
		}))
		.sort(byName);
}
