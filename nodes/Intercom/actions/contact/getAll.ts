import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { itemSendOptions, showFor } from '../../../shared/commonFields';
import type { ItemRun } from '../../../shared/execute';
import { toUnixSeconds } from '../../../shared/mapping';
import type { CursorPage } from '../../../shared/pagination';
import { collectLimitFrom, collectPages, returnAllFields } from '../../../shared/pagination';
import { simplifyField } from '../../../shared/output';
import { ItemChecks } from '../../../shared/validation';
import { intercomApi } from '../../api';
import { IntercomContacts, versionHeaders } from '../../contacts';
import { intercomOutput } from '../../output';
import { optionsField, ROLE_FILTERS, roleFilterField } from './fields';

const OPERATION = ['getAll'];
/** Intercom's largest page, for both the list and the search. */
const MAX_PAGE_SIZE = 150;

const filtersField: INodeProperties = {
	displayName: 'Filters',
	name: 'filters',
	type: 'collection',
	placeholder: 'Add Filter',
	default: {},
	description: 'Without filters, every contact is listed; with any, Intercom searches for contacts matching all of them',
	displayOptions: showFor(OPERATION),
	options: [
		{ displayName: 'Email', name: 'email', type: 'string', placeholder: 'e.g. nathan@example.com', default: '', description: 'Only contacts with this email' },
		{ displayName: 'External ID', name: 'external_id', type: 'string', default: '', description: 'Only the contact with this ID from your own system' },
		roleFilterField,
		{
			displayName: 'Updated Since',
			name: 'updatedSince',
			type: 'dateTime',
			default: '',
			description: 'Only contacts changed after this moment (Intercom compares whole seconds)',
		},
	],
};

/** Get Many: GET /contacts (every contact), or POST /contacts/search with the filters; cursor pages either way. */
export const description = [...returnAllFields(OPERATION), filtersField, simplifyField(OPERATION), optionsField(OPERATION)];

/** The search query for the filters given, or undefined for none (then the list is read). */
function searchQuery(check: ItemChecks, filters: IDataObject): IDataObject | undefined {
	const conditions: IDataObject[] = [];
	const email = check.optionalString('Filters > Email', filters.email)?.trim();
	if (email) {
		check.email('Filters > Email', email);
		conditions.push({ field: 'email', operator: '=', value: email });
	}
	const externalId = check.optionalString('Filters > External ID', filters.external_id)?.trim();
	if (externalId) conditions.push({ field: 'external_id', operator: '=', value: externalId });
	const role = check.oneOf('Filters > Role', filters.role ?? '', ROLE_FILTERS);
	if (role) conditions.push({ field: 'role', operator: '=', value: role });
	if (filters.updatedSince !== undefined && filters.updatedSince !== null && filters.updatedSince !== '') {
		conditions.push({ field: 'updated_at', operator: '>', value: toUnixSeconds(check.date('Filters > Updated Since', filters.updatedSince)) });
	}
	if (conditions.length === 0) return undefined;
	return conditions.length === 1 ? conditions[0] : { operator: 'AND', value: conditions };
}

/** The next page's cursor: `pages.next.starting_after`, or (older answers) the one in a next-page URL. */
function nextCursor(answer: IDataObject): string | undefined {
	const next = (answer.pages as IDataObject | undefined)?.next;
	if (next && typeof next === 'object' && typeof (next as IDataObject).starting_after === 'string') return (next as IDataObject).starting_after as string;
	if (typeof next === 'string') return new URL(next, 'https://api.intercom.io').searchParams.get('starting_after') ?? undefined;
	return undefined;
}

/**
 * One item: every page (Return All) or pages until Limit, each entry one output item (Simplify as
 * on Get), in Intercom's order. Reading twice reads the same, so a lost answer is simply asked again.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number, run: ItemRun): Promise<IDataObject[]> {
	const check = ItemChecks.forItem(this, itemIndex);
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const want = collectLimitFrom(check, this.getNodeParameter('returnAll', itemIndex, false), this.getNodeParameter('limit', itemIndex, 50));
	const query = searchQuery(check, this.getNodeParameter('filters', itemIndex, {}) as IDataObject);
	const contacts = new IntercomContacts(this, itemIndex, versionHeaders(check, options), itemSendOptions(check, options, run, intercomApi));

	const fetchPage = async (cursor: string | undefined, pageSize: number): Promise<CursorPage> => {
		const answer = contacts.object(
			await contacts.call(
				query
					? { method: 'POST', url: '/contacts/search', body: { query, pagination: { per_page: pageSize, ...(cursor ? { starting_after: cursor } : {}) } } }
					: { method: 'GET', url: '/contacts', qs: { per_page: pageSize, ...(cursor ? { starting_after: cursor } : {}) } },
			),
		);
		const entries = Array.isArray(answer.data) ? (answer.data.filter((entry) => entry && typeof entry === 'object') as IDataObject[]) : [];
		return { entries, next: entries.length > 0 ? nextCursor(answer) : undefined };
	};
	const found = await collectPages(fetchPage, want, MAX_PAGE_SIZE, (cursor) =>
		check.fail('Return All', `Intercom gave the same page cursor twice ("${cursor.slice(0, 40)}"), so the listing would not end; nothing more was read`),
	);
	return found.map((contact) => intercomOutput(this, itemIndex, contact));
}
