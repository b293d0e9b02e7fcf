import type { IDataObject, IExecuteFunctions, ILoadOptionsFunctions } from 'n8n-workflow';

import type { AccountTypes } from '../shared/accountTypes';
import { accountTypeName } from '../shared/accountTypes';
import type { ItemRun } from '../shared/execute';
import type { SendOptions } from '../shared/transport';
import { sendVendorRequest } from '../shared/transport';
import { intercomApi } from './api';

export interface IntercomDataAttribute {
	name?: string;
	label?: string;
	full_name?: string;
	description?: string;
	data_type?: string;
	custom?: boolean;
	api_writable?: boolean;
	archived?: boolean;
}

/** Intercom's data types by the names the Type dropdown and the attribute dropdown both show. */
const TYPE_NAMES: Record<string, string> = {
	string: 'Text',
	integer: 'Whole Number',
	float: 'Decimal Number',
	boolean: 'Boolean',
	date: 'Date',
};

export function attributeTypeName(type: string | undefined): string {
	return accountTypeName(TYPE_NAMES, type);
}

/** Contact attributes the API may write (GET /data_attributes?model=contact): custom, API writable, not archived. */
export async function fetchWritableAttributes(
	this: IExecuteFunctions | ILoadOptionsFunctions,
	itemIndex?: number,
	send?: SendOptions,
	headers?: IDataObject,
): Promise<IntercomDataAttribute[]> {
	const { body } = await sendVendorRequest.call(
		this,
		intercomApi,
		{ method: 'GET', url: '/data_attributes', qs: { model: 'contact' }, ...(headers ? { headers } : {}) },
		itemIndex,
		send,
	);
	const attributes = (body as { data?: IntercomDataAttribute[] })?.data ?? [];
	return attributes.filter((attribute) => attribute.custom && attribute.api_writable && !attribute.archived && attribute.name);
}

/** Each writable custom attribute's data type, by name: read once per execution, when an item first needs it. */
export async function accountAttributeTypes(
	this: IExecuteFunctions,
	run: ItemRun,
	itemIndex: number,
	send: SendOptions,
	headers: IDataObject,
): Promise<AccountTypes> {
	return await run.memo.once('intercom.attributeTypes', async () => {
		const attributes = await fetchWritableAttributes.call(this, itemIndex, send, headers);
		return Object.fromEntries(
			attributes.filter((attribute) => typeof attribute.data_type === 'string').map((attribute) => [attribute.name as string, attribute.data_type as string]),
		);
	});
}
