import type { IExecuteFunctions, ILoadOptionsFunctions } from 'n8n-workflow';

import type { AccountTypes } from '../shared/accountTypes';
import { accountTypeName } from '../shared/accountTypes';
import type { ItemRun } from '../shared/execute';
import type { SendOptions } from '../shared/transport';
import { sendVendorRequest } from '../shared/transport';
import { loopsApi } from './api';

export interface LoopsContactProperty {
	key: string;
	label?: string;
	type?: string;
}

/** Loops' property types by the names the Type dropdown and the property dropdown both show. */
const TYPE_NAMES: Record<string, string> = { string: 'String', number: 'Number', boolean: 'Boolean', date: 'Date' };

export function propertyTypeName(type: string | undefined): string {
	return accountTypeName(TYPE_NAMES, type);
}

/** The team's custom contact properties (GET /contacts/properties?list=custom). */
export async function fetchCustomProperties(
	this: IExecuteFunctions | ILoadOptionsFunctions,
	itemIndex?: number,
	send?: SendOptions,
): Promise<LoopsContactProperty[]> {
	const { body } = await sendVendorRequest.call(this, loopsApi, { method: 'GET', url: '/contacts/properties', qs: { list: 'custom' } }, itemIndex, send);
	return (Array.isArray(body) ? (body as LoopsContactProperty[]) : []).filter((property) => typeof property?.key === 'string');
}

/** Each custom property's type in Loops, by API name: read once per execution, when an item first needs it. */
export async function accountPropertyTypes(
	this: IExecuteFunctions,
	run: ItemRun,
	itemIndex: number,
	send: SendOptions,
): Promise<AccountTypes> {
	return await run.memo.once('loops.propertyTypes', async () => {
		const properties = await fetchCustomProperties.call(this, itemIndex, send);
		return Object.fromEntries(properties.filter((property) => typeof property.type === 'string').map((property) => [property.key, property.type as string]));
	});
}
