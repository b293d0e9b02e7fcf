import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { itemSendOptions, showFor } from '../../../shared/commonFields';
import type { ItemRun } from '../../../shared/execute';
import type { CollectLimit } from '../../../shared/pagination';
import { collectLimitFrom, returnAllFields } from '../../../shared/pagination';
import { ItemChecks } from '../../../shared/validation';
import { sfmcApi } from '../../api';
import { SfmcContacts } from '../../contacts';
import { optionsField } from './fields';

const OPERATION = ['getAll'];
/**
 * The page size asked for, the same on every page: pages are numbered, so a size that changed
 * between pages would skip or repeat addresses. 50 is the size Marketing Cloud's examples show.
 */
const PAGE_SIZE = 50;
const FILTER_BY = ['none', 'contactKey', 'channel'] as const;
const CHANNELS = ['EMAIL', 'MOBILE', 'PUSH', 'LINE'] as const;
/** The search's customerDataDefinitionID of each filter (fetchContactsAddressesCountSearchCriteria). */
const DEFINITION_ID = { contactKey: 101, channel: 104 } as const;

const filterFields: INodeProperties[] = [
	{
		displayName: 'Filter By',
		name: 'filterBy',
		type: 'options',
		options: [
			{ name: 'None (Every Contact)', value: 'none' },
			{ name: 'Channel', value: 'channel', description: 'Only contacts with an address on this channel' },
			{ name: 'Contact Key', value: 'contactKey', description: 'Only the contact with this key' },
		],
		default: 'none',
		description: "Marketing Cloud's address search takes one filter at most",
		displayOptions: showFor(OPERATION),
	},
	{
		displayName: 'Channel',
		name: 'channel',
		type: 'options',
		options: [
			{ name: 'Email', value: 'EMAIL' },
			{ name: 'LINE', value: 'LINE' },
			{ name: 'Mobile (SMS)', value: 'MOBILE' },
			{ name: 'Push', value: 'PUSH' },
		],
		default: 'EMAIL',
		description: 'The channel the contacts have an address on',
		displayOptions: showFor(OPERATION, { filterBy: ['channel'] }),
	},
	{
		displayName: 'Contact Key',
		name: 'contactKey',
		type: 'string',
		required: true,
		default: '',
		description: 'The key of the contact to list',
		displayOptions: showFor(OPERATION, { filterBy: ['contactKey'] }),
	},
];

/** Get Many: POST /contacts/v1/addresses/search, page by page, one item per contact. */
export const description = [...returnAllFields(OPERATION), ...filterFields, optionsField(OPERATION)];

/** The search's queryFilter: one Equal expression, or hasCriteria false for every contact. */
function queryFilter(check: ItemChecks, context: IExecuteFunctions, itemIndex: number): IDataObject {
	const filterBy = check.oneOf('Filter By', context.getNodeParameter('filterBy', itemIndex, 'none'), FILTER_BY);
	if (filterBy === 'none') return { hasCriteria: false };
	const value =
		filterBy === 'channel'
			? check.oneOf('Channel', context.getNodeParameter('channel', itemIndex, 'EMAIL'), CHANNELS)
			: check.requiredString('Contact Key', context.getNodeParameter('contactKey', itemIndex, '')).trim();
	return { hasCriteria: true, rootExpressionSet: { expressions: [{ customerDataDefinitionID: DEFINITION_ID[filterBy], operator: 'Equal', values: [value] }] } };
}

/** A type-value field ({ value }) or a bare value, as the doc and peers show them. */
function plain(field: unknown): unknown {
	return field && typeof field === 'object' && 'value' in field ? (field as IDataObject).value : field;
}

function nameOf(entry: IDataObject): string | undefined {
	const name = plain(entry.definitionName) ?? entry.definitionKey;
	return typeof name === 'string' && name !== '' ? name : undefined;
}

/** Adds an address's value sets to the contact's attributes, grouped by set as Get outputs them. */
function mergeValueSets(attributes: IDataObject, address: IDataObject): void {
	for (const set of (Array.isArray(address.valueSets) ? address.valueSets : []) as IDataObject[]) {
		const setName = set && typeof set === 'object' ? nameOf(set) : undefined;
		if (!setName) continue;
		const values = (attributes[setName] ??= {}) as IDataObject;
		for (const entry of (Array.isArray(set.values) ? set.values : []) as IDataObject[]) {
			const name = entry && typeof entry === 'object' ? nameOf(entry) : undefined;
			const value = entry?.innerValue ?? entry?.value;
			if (name && value !== undefined && value !== null) values[name] = value as IDataObject[string];
		}
	}
}

/** What identifies an address on a page, to notice a page served twice. */
const addressId = (address: IDataObject) => `${String(plain(address.contactKey))}/${String(plain(address.addressKey) ?? plain(address.addressID))}`;

/**
 * Reads pages until one is short, merging each contact's addresses (email, mobile, ...) into one
 * item `{ contactKey, contactId, attributes }` in the order Marketing Cloud lists them. A page
 * the same as the one before means the search ignores the page number: an error, not a loop.
 */
async function collectContacts(check: ItemChecks, contacts: SfmcContacts, filter: IDataObject, want: CollectLimit): Promise<IDataObject[]> {
	const byKey = new Map<string, IDataObject>();
	let previous = '';
	for (let page = 1; ; page++) {
		const { addresses, pageSize } = await contacts.addressPage(filter, page, PAGE_SIZE);
		const ids = addresses.map(addressId).join('\n');
		if (addresses.length > 0 && ids === previous) {
			check.fail('Return All', `Marketing Cloud answered page ${page} with the addresses of page ${page - 1}, so the listing would not end; nothing more was read`);
		}
		previous = ids;
		for (const address of addresses) {
			const key = plain(address.contactKey);
			if (typeof key !== 'string' || key === '') continue;
			let contact = byKey.get(key);
			if (!contact) {
				if (byKey.size >= want.limit) continue;
				contact = { contactKey: key, contactId: plain(address.contactID) ?? null, attributes: {} };
				byKey.set(key, contact);
			}
			mergeValueSets(contact.attributes as IDataObject, address);
		}
		if (addresses.length < pageSize || byKey.size >= want.limit) return [...byKey.values()];
	}
}

/** One item: every contact (Return All) or the first Limit, each one output item. */
export async function execute(this: IExecuteFunctions, itemIndex: number, run: ItemRun): Promise<IDataObject[]> {
	const check = ItemChecks.forItem(this, itemIndex);
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const want = collectLimitFrom(check, this.getNodeParameter('returnAll', itemIndex, false), this.getNodeParameter('limit', itemIndex, 50));
	const filter = queryFilter(check, this, itemIndex);
	const contacts = new SfmcContacts(this, itemIndex, itemSendOptions(check, options, run, sfmcApi));
	return await collectContacts(check, contacts, filter, want);
}
