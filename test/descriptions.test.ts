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
});
