import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { findByField, ifContactExistsOption, optionsFieldWith, showFor, transportOptionFields } from '../../../shared/commonFields';
import { includeVendorResponseOption } from '../../../shared/output';
import { sfmcApi } from '../../api';
import type { AttributeDefinition } from '../../attributeSets';
import { DOCUMENTED_SETS, REQUIRED_SETS_RULE } from '../../attributeSets';
import type { SfmcContactInput } from '../../mapping';

function attributeField(attribute: AttributeDefinition): INodeProperties {
	if (attribute.type === 'boolean') {
		return { displayName: attribute.name, name: attribute.parameter, type: 'boolean', default: true, description: attribute.description };
	}
	return {
		displayName: attribute.name,
		name: attribute.parameter,
		type: 'string',
		default: '',
		description:
			attribute.type === 'scalar'
				? `${attribute.description}. Sent as typed; use an expression such as {{ 1 }} to send a number.`
				: attribute.type === 'numeric'
					? `${attribute.description}. Sent as a number when it is one, as Marketing Cloud's doc shows; other text is sent as text.`
					: attribute.description,
		...(attribute.placeholder ? { placeholder: attribute.placeholder } : {}),
		...(attribute.required ? { required: true } : {}),
	};
}

/** The contact key, the attribute sets (fields or JSON) and the contact ID: what Create, Create or Update and Update send. */
export function contactFields(operations: string[]): INodeProperties[] {
	return [
		{
			displayName: 'Contact Key',
			name: 'contactKey',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. nathan@example.com',
			description:
				'Primary address for the contact: the unique key that identifies it in Marketing Cloud (often the email address or a CRM ID)',
			displayOptions: showFor(operations),
		},
		{
			displayName: 'Attribute Sets',
			name: 'attributeSetsMode',
			type: 'options',
			noDataExpression: true,
			options: [
				{ name: 'Using Fields Below', value: 'fields' },
				{ name: 'Using JSON', value: 'json', description: 'The whole attributeSets array as JSON' },
			],
			default: 'fields',
			description: 'Give the attributes as the set fields below, or the whole attributeSets array as JSON',
			displayOptions: showFor(operations),
		},
		...(operations.includes('update')
			? []
			: [
					{
						displayName: `A new contact needs ${REQUIRED_SETS_RULE}`,
						name: 'requiredSetsNotice',
						type: 'notice',
						default: '',
						displayOptions: showFor(operations),
					} as INodeProperties,
				]),
		{
			displayName: 'Sets',
			name: 'attributeSets',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true },
			placeholder: 'Add Attribute Set',
			default: {},
			description: 'Each set may be added once',
			displayOptions: showFor(operations, { attributeSetsMode: ['fields'] }),
			options: DOCUMENTED_SETS.map((set) => ({
				displayName: set.name,
				name: set.key,
				values: set.attributes.map(attributeField),
			})),
		},
		{
			displayName: 'Profile Attributes',
			name: 'profileAttributes',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true },
			placeholder: 'Add Attribute',
			default: {},
			description:
				'Further attributes of any set, including your own attribute sets, e.g. a custom profile attribute in Email Demographics',
			displayOptions: showFor(operations, { attributeSetsMode: ['fields'] }),
			options: [
				{
					displayName: 'Attribute',
					name: 'attribute',
					values: [
						{
							displayName: 'Attribute Set Name or ID',
							name: 'setName',
							type: 'options',
							typeOptions: { loadOptionsMethod: 'getAttributeSetNames' },
							default: '',
							description:
								'The attribute set (attribute group) it belongs to. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
						},
						{
							displayName: 'Attribute Name or ID',
							name: 'name',
							type: 'options',
							typeOptions: { loadOptionsMethod: 'getAttributeNames', loadOptionsDependsOn: ['&setName'] },
							default: '',
							description:
								'The attribute, as named in Contact Builder. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
						},
						{
							displayName: 'Value',
							name: 'value',
							type: 'string',
							default: '',
							description: 'Sent as typed; use an expression such as {{ 12345 }} or {{ true }} to send a number or a boolean',
						},
					],
				},
			],
		},
		{
			displayName: 'Attribute Sets (JSON)',
			name: 'attributeSetsJson',
			type: 'json',
			default:
				'[\n  {\n    "name": "Email Addresses",\n    "items": [{ "values": [\n      { "name": "Email Address", "value": "nathan@example.com" },\n      { "name": "HTML Enabled", "value": true }\n    ] }]\n  }\n]',
			description:
				'The attributeSets array as in the Marketing Cloud docs: [{ "name", "items": [{ "values": [{ "name", "value" }] }] }]. The same rules are checked as for fields.',
			displayOptions: showFor(operations, { attributeSetsMode: ['json'] }),
		},
		{
			displayName: 'Additional Fields',
			name: 'additionalFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			displayOptions: showFor(operations),
			options: [
				{
					displayName: 'Contact ID',
					name: 'contactID',
					type: 'string',
					default: '',
					description: "Unique ID for the contact (Marketing Cloud's own number). Sent together with the Contact Key.",
				},
			],
		},
	];
}

export const FIND_BY = ['contactKey', 'email'] as const;

/** Get: by the contact key, or by an email address (Marketing Cloud looks up its contact key). */
export function findByFields(operations: string[]): INodeProperties[] {
	return [
		findByField(operations, [
			{ name: 'Contact Key', value: 'contactKey' },
			{ name: 'Email Address', value: 'email', description: 'Marketing Cloud looks up the contact key of the address' },
		], 'contactKey'),
		{
			displayName: 'Contact Key',
			name: 'contactKey',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. nathan@example.com',
			description: 'The unique key that identifies the contact in Marketing Cloud',
			displayOptions: showFor(operations, { findBy: ['contactKey'] }),
		},
		{
			displayName: 'Email Address',
			name: 'emailAddress',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. nathan@example.com',
			description: 'The email channel address of the contact',
			displayOptions: showFor(operations, { findBy: ['email'] }),
		},
	];
}

/** Options: the vendor's settings, and the operation's own choices. */
export const optionsField = optionsFieldWith([
	...transportOptionFields(sfmcApi, {
		retry: 'When Marketing Cloud says it is busy, the node waits as long as it asks instead.',
		pace: 'Marketing Cloud publishes no limit; when it says it is busy, every parallel request waits.',
		timeout: 'Marketing Cloud may take several seconds per contact.',
	}),
]);

/** Options of the writes (Create, Create or Update, Update): the vendor's settings and Include Vendor Response. */
export function writeOptionsField(operations: string[], own: INodeProperties[] = []): INodeProperties {
	return optionsField(operations, [...own, includeVendorResponseOption('Marketing Cloud')]);
}

/**
 * Create Contact: POST /contacts/v1/contacts, named as the Marketing Cloud doc names it. That call
 * merges into a contact with the same key, so Create looks the key up first: If Contact Already
 * Exists then means what it means on the other nodes (merging is Create or Update).
 */
export const createContactFields: INodeProperties[] = [
	...contactFields(['create']),
	writeOptionsField(['create'], [
		ifContactExistsOption(
			'Output the existing contact, with outcome "existing"; nothing is sent',
			'What to do when a contact with this Contact Key already exists. The key is looked up first; to merge into an existing contact, use Create or Update.',
		),
	]),
];

/** The contact fields of one item, as n8n resolved them. */
export function readContactInput(context: IExecuteFunctions, itemIndex: number): SfmcContactInput {
	const mode = context.getNodeParameter('attributeSetsMode', itemIndex, 'fields') as string;
	const additional = context.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	return {
		contactKey: context.getNodeParameter('contactKey', itemIndex, ''),
		contactID: additional.contactID,
		attributeSetsMode: mode,
		attributeSets:
			mode === 'fields' ? (context.getNodeParameter('attributeSets', itemIndex, {}) as SfmcContactInput['attributeSets']) : {},
		profileAttributes:
			mode === 'fields'
				? (context.getNodeParameter('profileAttributes', itemIndex, {}) as SfmcContactInput['profileAttributes'])
				: {},
		attributeSetsJson: mode === 'json' ? context.getNodeParameter('attributeSetsJson', itemIndex, '[]') : undefined,
	};
}
