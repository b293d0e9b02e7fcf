import type { INodeProperties, INodePropertyCollection, INodeType } from 'n8n-workflow';

import { Intercom } from '../nodes/Intercom/Intercom.node';
import { Loops } from '../nodes/Loops/Loops.node';
import { SalesforceMarketingCloud } from '../nodes/SalesforceMarketingCloud/SalesforceMarketingCloud.node';
import { VoyadoEngage } from '../nodes/VoyadoEngage/VoyadoEngage.node';
import { IntercomContactsApi } from '../credentials/IntercomContactsApi.credentials';
import { LoopsApi } from '../credentials/LoopsApi.credentials';
import { SalesforceMarketingCloudApi } from '../credentials/SalesforceMarketingCloudApi.credentials';
import { VoyadoEngageApi } from '../credentials/VoyadoEngageApi.credentials';

interface Dropdown {
	path: string;
	property: INodeProperties;
}

/** Every field of a node of one of these types, at any depth (collections and fixed collections). */
function fieldsOf(properties: INodeProperties[], types: string[], path = ''): Dropdown[] {
	const found: Dropdown[] = [];
	for (const property of properties) {
		const here = `${path}${property.displayName}`;
		if (types.includes(property.type)) found.push({ path: here, property });
		for (const option of property.options ?? []) {
			if ('values' in option) found.push(...fieldsOf((option as INodePropertyCollection).values, types, `${here} > `));
			else if ('type' in option) found.push(...fieldsOf([option as INodeProperties], types, `${here} > `));
		}
	}
	return found;
}

/** Every options/multiOptions field of a node, at any depth. */
const dropdownsOf = (properties: INodeProperties[]) => fieldsOf(properties, ['options', 'multiOptions']);

const nodes: Array<[string, INodeType]> = [
	['Loops', new Loops()],
	['Intercom', new Intercom()],
	['Salesforce Marketing Cloud', new SalesforceMarketingCloud()],
	['Voyado Engage', new VoyadoEngage()],
];

describe.each(nodes)('%s node description: every dropdown is wired', (_name, node) => {
	const registered = Object.keys(node.methods?.loadOptions ?? {});
	const dropdowns = dropdownsOf(node.description.properties);

	test('every dropdown has fixed options or a loadOptions method the node registers', () => {
		const unwired = dropdowns
			.filter(({ property }) => {
				const method = property.typeOptions?.loadOptionsMethod;
				if (method !== undefined) return !registered.includes(method);
				return !Array.isArray(property.options) || property.options.length === 0;
			})
			.map(({ path }) => path);

		expect(unwired).toEqual([]);
	});

	test('every registered loadOptions method feeds some field', () => {
		const used = new Set(dropdowns.map(({ property }) => property.typeOptions?.loadOptionsMethod));

		expect(registered.filter((method) => !used.has(method))).toEqual([]);
	});
});

describe.each(nodes)('%s node description: numbers', (_name, node) => {
	test('number fields show what was typed: none pads it to a fixed number of decimals', () => {
		const padded = fieldsOf(node.description.properties, ['number'])
			.filter(({ property }) => property.typeOptions?.numberPrecision !== undefined)
			.map(({ path }) => path);
		expect(padded).toEqual([]);
	});
});

describe("n8n's copy rules", () => {
	const VALUE_TYPES = ['string', 'number', 'dateTime', 'json'];
	const everything: Array<[string, INodeProperties[]]> = [
		...nodes.map(([name, node]): [string, INodeProperties[]] => [name, node.description.properties]),
		...[new LoopsApi(), new IntercomContactsApi(), new SalesforceMarketingCloudApi(), new VoyadoEngageApi()].map(
			(credential): [string, INodeProperties[]] => [credential.displayName, credential.properties],
		),
	];

	test.each(everything)('%s: every example placeholder starts with "e.g."', (_name, properties) => {
		const bare = fieldsOf(properties, VALUE_TYPES)
			.filter(({ property }) => property.placeholder !== undefined && property.placeholder !== '' && !property.placeholder.startsWith('e.g. '))
			.map(({ path, property }) => `${path}: ${property.placeholder}`);
		expect(bare).toEqual([]);
	});

	const allFields = (properties: INodeProperties[]) => fieldsOf(properties, ['string', 'number', 'dateTime', 'json', 'boolean', 'options', 'multiOptions', 'collection', 'fixedCollection', 'notice']);
	// What a user reads: the link n8n asks for in "Name or ID" fields is not part of the text.
	const readable = (text = '') => text.replace(/<a href="[^"]*">/g, '').replace(/<\/a>/g, '');

	test.each(everything)('%s: every true/false field says "Whether ..."', (_name, properties) => {
		const wrong = fieldsOf(properties, ['boolean'])
			.filter(({ property }) => !(property.description ?? '').startsWith('Whether'))
			.map(({ path, property }) => `${path}: ${property.description}`);
		expect(wrong).toEqual([]);
	});

	test.each(everything)('%s: descriptions say what the user sees, not HTTP paths or status codes', (_name, properties) => {
		const technical = allFields(properties)
			.map(({ path, property }) => [path, readable(property.description)])
			.filter(([, text]) => /(^|\s)\/[a-z]|\b[1-5]\d\d\b|\b[1-5]xx\b|X-RateLimit|Retry-After/i.test(text))
			.map(([path, text]) => `${path}: ${text}`);
		expect(technical).toEqual([]);
	});

	test.each(everything)('%s: "required" is a flag, not a word in the description', (_name, properties) => {
		const worded = allFields(properties)
			.filter(({ property }) => /(^|\. )(Required|Optional)\b|\(required/i.test(property.description ?? ''))
			.map(({ path, property }) => `${path}: ${property.description}`);
		expect(worded).toEqual([]);
	});

	test.each(everything)('%s: labels are short enough not to be cut in the panel (31 characters at most)', (_name, properties) => {
		// A notice is a sentence across the panel, not a label.
		const long = allFields(properties)
			.filter(({ property }) => property.type !== 'notice')
			.map(({ path }) => path.split(' > ').pop() as string)
			.filter((label) => label.length > 31);
		expect(long).toEqual([]);
	});
});

describe('required marks: what a vendor needs shows as required in the panel', () => {
	const field = (node: INodeType, name: string, operation: string) =>
		node.description.properties.find((property) => property.name === name && property.displayOptions?.show?.operation?.includes(operation));
	const setAttribute = (set: string, attribute: string) => {
		const sets = field(new SalesforceMarketingCloud(), 'attributeSets', 'create');
		const values = (sets?.options as INodePropertyCollection[] | undefined)?.find((option) => option.name === set)?.values ?? [];
		return values.find((value) => value.name === attribute);
	};

	test.each(['create', 'upsert'])('Loops %s: Email', (operation) => {
		expect(field(new Loops(), 'email', operation)?.required).toBe(true);
	});

	test.each(['create', 'upsert', 'update'])('Marketing Cloud %s: Contact Key', (operation) => {
		expect(field(new SalesforceMarketingCloud(), 'contactKey', operation)?.required).toBe(true);
	});

	test.each([
		['emailAddresses', 'emailAddress'],
		['mobileConnectDemographics', 'locale'],
		['mobilePushDemographics', 'application'],
	])('Marketing Cloud: once the %s set is added, its %s', (set, attribute) => {
		expect(setAttribute(set, attribute)?.required).toBe(true);
	});

	test('Voyado: a consent row starts with the consent, and it and its value are required', () => {
		const consents = field(new VoyadoEngage(), 'consents', 'create');
		const row = (consents?.options as INodePropertyCollection[] | undefined)?.[0]?.values ?? [];
		expect(row[0]?.name).toBe('id');
		expect(row.filter((value) => value.required).map((value) => value.name)).toEqual(['id', 'value']);
	});

	test.each(['create', 'upsert'])('Intercom %s: the Email-or-External-ID rule is a notice next to the fields, for users', (operation) => {
		const notice = field(new Intercom(), 'userIdentityNotice', operation);
		expect(notice?.type).toBe('notice');
		expect(notice?.displayOptions?.show?.role).toEqual(['user']);
	});
});
