import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { sendVendorRequest } from '../shared/transport';
import { sfmcApi } from './api';
import { DOCUMENTED_SETS } from './attributeSets';

interface NamedValue {
	value?: string;
}

interface AttributeDefinitionEntry {
	name?: NamedValue | string;
	isHidden?: boolean;
	isReadOnly?: boolean;
	isUpdateable?: boolean;
	dataType?: string;
}

interface AttributeSetEntry {
	name?: NamedValue | string;
	attributes?: AttributeDefinitionEntry[];
}

const nameOf = (name: NamedValue | string | undefined): string | undefined =>
	typeof name === 'string' ? name : name?.value;

const PAGE_SIZE = 200;
const MAX_PAGES = 20;

/** Every attribute set definition of the account (GET /contacts/v1/attributeSetDefinitions, paged). */
async function loadDefinitions(context: ILoadOptionsFunctions): Promise<AttributeSetEntry[]> {
	const sets: AttributeSetEntry[] = [];
	for (let page = 1; page <= MAX_PAGES; page++) {
		const { body } = await sendVendorRequest.call(context, sfmcApi, {
			method: 'GET',
			url: '/contacts/v1/attributeSetDefinitions',
			qs: { $page: page, $pageSize: PAGE_SIZE },
		});
		const { items, count } = (body ?? {}) as { items?: AttributeSetEntry[]; count?: number };
		sets.push(...(items ?? []));
		if (!items || items.length < PAGE_SIZE || (typeof count === 'number' && sets.length >= count)) break;
	}
	return sets;
}

/** Attribute sets: the documented ones first, then the account's own. */
export async function getAttributeSetNames(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const documented = DOCUMENTED_SETS.map((set) => set.name);
	const account = (await loadDefinitions(this))
		.map((set) => nameOf(set.name))
		.filter((name): name is string => !!name && !documented.includes(name))
		.sort((a, b) => a.localeCompare(b));
	return [...documented, ...account].map((name) => ({ name, value: name }));
}

/** Writable attributes of the chosen set (all sets when none is chosen), with their data type. */
export async function getAttributeNames(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const chosen = this.getCurrentNodeParameter('&setName');
	const setName = typeof chosen === 'string' && chosen !== '' ? chosen : undefined;
	const options: INodePropertyOptions[] = [];
	for (const set of await loadDefinitions(this)) {
		const name = nameOf(set.name);
		if (!name || (setName && name !== setName)) continue;
		for (const attribute of set.attributes ?? []) {
			const attributeName = nameOf(attribute.name);
			if (!attributeName || attribute.isHidden || attribute.isReadOnly || attribute.isUpdateable === false) continue;
			options.push({
				name: setName ? attributeName : `${name}: ${attributeName}`,
				value: attributeName,
				description: attribute.dataType ? `Type: ${attribute.dataType}` : undefined,
			});
		}
	}
	return options.sort((a, b) => a.name.localeCompare(b.name));
}
