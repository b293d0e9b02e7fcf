import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { buildVendorApiError } from '../shared/errors';
import type { SendOptions, VendorResponse } from '../shared/transport';
import { expectJsonObject, sendVendorRequest } from '../shared/transport';
import type { ItemChecks } from '../shared/validation';
import { sfmcApi } from './api';
import { DOCUMENTED_SETS } from './attributeSets';
import { parseResultMessages } from './errors';

/**
 * Marketing Cloud's answer to a write, once it is known to be a success. A 200 is not always one:
 * `hasErrors: true` or an operationStatus other than OK carries the failure in resultMessages.
 */
export function successfulAnswer(context: IExecuteFunctions, response: VendorResponse, itemIndex: number): IDataObject {
	const body = expectJsonObject(context, sfmcApi, response, itemIndex);
	const status = typeof body.operationStatus === 'string' ? body.operationStatus : undefined;
	if (body.hasErrors === true || (status !== undefined && status.toUpperCase() !== 'OK')) {
		const parsed = parseResultMessages(body) ?? {
			message: `Marketing Cloud reported operationStatus ${status ?? 'unknown'} without result messages`,
		};
		throw buildVendorApiError(
			context.getNode(),
			{ httpCode: response.statusCode, body, headers: response.headers, message: parsed.message },
			{ ...parsed, code: parsed.code ?? status },
			{ service: sfmcApi.service, itemIndex, attempts: response.attempts },
		);
	}
	return body;
}

const CONTACT_KEY = 'Contact.Contact Key';
/** What Get reads: the contact key and every attribute of the documented sets. */
const READ_ATTRIBUTES = [CONTACT_KEY, ...DOCUMENTED_SETS.flatMap((set) => set.attributes.map((attribute) => `${set.name}.${attribute.name}`))];

/** Marketing Cloud's contact lookups for one item, sharing its transport options. */
export class SfmcContacts {
	constructor(
		private readonly context: IExecuteFunctions,
		private readonly itemIndex: number,
		private readonly send: SendOptions,
	) {}

	private async post(url: string, body: IDataObject): Promise<IDataObject> {
		const response = await sendVendorRequest.call(this.context, sfmcApi, { method: 'POST', url, body }, this.itemIndex, this.send);
		return expectJsonObject(this.context, sfmcApi, response, this.itemIndex);
	}

	/**
	 * One page of POST /contacts/v1/addresses/search: the channel addresses matching the filter
	 * (all of them when there is none), with the page size Marketing Cloud actually used.
	 */
	async addressPage(queryFilter: IDataObject, page: number, pageSize: number): Promise<{ addresses: IDataObject[]; pageSize: number }> {
		// A search that failed can still answer 200, with hasErrors and its resultMessages.
		const response = await sendVendorRequest.call(
			this.context,
			sfmcApi,
			{ method: 'POST', url: '/contacts/v1/addresses/search', body: { queryFilter }, qs: { $page: page, $pageSize: pageSize } },
			this.itemIndex,
			this.send,
		);
		const answer = successfulAnswer(this.context, response, this.itemIndex);
		const addresses = Array.isArray(answer.addresses) ? (answer.addresses.filter((entry) => entry && typeof entry === 'object') as IDataObject[]) : [];
		const served = Number(answer.pageSize);
		return { addresses, pageSize: Number.isInteger(served) && served > 0 ? served : pageSize };
	}

	/**
	 * The contact key of an email address (POST /contacts/v1/addresses/email/search), or undefined.
	 * "Not found" is documented both as [] and as [{}], and an entry may lack contactKey: all are
	 * none. Two keys for one address are an error naming them.
	 */
	async keyOfEmail(check: ItemChecks, field: string, email: string): Promise<string | undefined> {
		const answer = await this.post('/contacts/v1/addresses/email/search', { channelAddressList: [email], maximumCount: 2 });
		const entities = Array.isArray(answer.channelAddressResponseEntities) ? (answer.channelAddressResponseEntities as IDataObject[]) : [];
		const keys = entities
			.flatMap((entity) => (Array.isArray(entity?.contactKeyDetails) ? (entity.contactKeyDetails as IDataObject[]) : []))
			.map((details) => details?.contactKey)
			.filter((key): key is string => typeof key === 'string' && key !== '');
		if (keys.length > 1) check.fail(field, `${keys.length} contacts have the address "${email}" (contact keys ${keys.join(', ')})`);
		return keys[0];
	}

	/**
	 * The contact with this key, read with POST /contacts/v1/attributes/search (the documented sets'
	 * attributes), as { contactKey, attributes: { set: { attribute: value } } }; undefined when none.
	 * Values are matched by their key where the answer names it, else by position.
	 */
	async read(contactKey: string): Promise<IDataObject | undefined> {
		const answer = await this.post('/contacts/v1/attributes/search', {
			request: { attributes: READ_ATTRIBUTES.map((key) => ({ key })) },
			conditionSet: {
				operator: 'And',
				conditionSets: [],
				conditions: [{ attribute: { key: CONTACT_KEY }, operator: 'Equals', value: { items: [contactKey] } }],
			},
		});
		const [item] = Array.isArray(answer.items) ? (answer.items as IDataObject[]) : [];
		const values = Array.isArray(item?.values) ? (item.values as IDataObject[]) : [];
		if (values.length === 0) return undefined;
		const attributes: Record<string, IDataObject> = {};
		values.forEach((entry, index) => {
			const key = typeof entry?.key === 'string' ? entry.key : READ_ATTRIBUTES[index];
			if (!key || key === CONTACT_KEY || entry?.value === undefined || entry.value === null) return;
			const [set, ...name] = key.split('.');
			(attributes[set] ??= {})[name.join('.')] = entry.value;
		});
		return { contactKey, attributes };
	}
}
