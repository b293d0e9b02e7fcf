import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import {
	fieldsOrJsonModeField,
	fieldsToClearField,
	findByField,
	ifContactExistsOption,
	automaticType,
	optionsFieldWith,
	showFor,
	transportOptionFields,
	typedValueFields,
} from '../../../shared/commonFields';
import { buildWithAccountTypes } from '../../../shared/accountTypes';
import type { ItemRun } from '../../../shared/execute';
import type { SendOptions } from '../../../shared/transport';
import { accountAttributeTypes } from '../../attributes';
import { simplifyField } from '../../../shared/output';
import { intercomApi } from '../../api';
import type { IntercomContactInput } from '../../mapping';
import { DEFAULT_INTERCOM_VERSION, INTERCOM_API_VERSIONS } from '../../regions';

/** The roles a listing can be narrowed to ('' for any), as Get Many and the polling trigger offer them. */
export const ROLE_FILTERS = ['', 'user', 'lead'] as const;

export const roleFilterField: INodeProperties = {
	displayName: 'Role',
	name: 'role',
	type: 'options',
	options: [
		{ name: 'Any', value: '' },
		{ name: 'Lead', value: 'lead' },
		{ name: 'User', value: 'user' },
	],
	default: '',
	description: 'Only users, or only leads',
};

/** The Type row's Automatic choice, worded for this vendor. */
const AUTOMATIC = automaticType('attribute', 'Intercom');

/** Role, as Create and Create or Update set it (a contact is a user unless it is a lead). */
export function roleField(operations: string[]): INodeProperties {
	return {
		displayName: 'Role',
		name: 'role',
		type: 'options',
		options: [
			{ name: 'Lead', value: 'lead', description: 'A visitor or prospect who has not signed up' },
			{ name: 'User', value: 'user', description: 'Someone who signed up; needs an Email or an External ID' },
		],
		default: 'user',
		description: 'The role of the contact',
		displayOptions: showFor(operations),
	};
}

/** Create, Create or Update: Intercom's one-of rule for users, said where the two fields are. */
export function userIdentityNotice(operations: string[]): INodeProperties {
	return {
		displayName: 'A user needs an Email or an External ID (or both); a lead needs neither',
		name: 'userIdentityNotice',
		type: 'notice',
		default: '',
		displayOptions: showFor(operations, { role: ['user'] }),
	};
}

/** The email; `show` says when it appears and `required` whether it is the key being found by. */
export function emailField(displayOptions: INodeProperties['displayOptions'], description: string, required = false): INodeProperties {
	return {
		displayName: 'Email',
		name: 'email',
		type: 'string',
		placeholder: 'e.g. nathan@example.com',
		default: '',
		description,
		displayOptions,
		...(required ? { required } : {}),
	};
}

/** The external ID; `show` says when it appears and `required` whether it is the key being found by. */
export function externalIdField(displayOptions: INodeProperties['displayOptions'], required = false): INodeProperties {
	return {
		displayName: 'External ID',
		name: 'external_id',
		type: 'string',
		default: '',
		description: 'A unique identifier for the contact from your own system',
		displayOptions,
		...(required ? { required } : {}),
	};
}

/** The contact's data: additional fields and custom attributes. */
export function contactDataFields(operations: string[]): INodeProperties[] {
	return [
		{
			displayName: 'Additional Fields',
			name: 'additionalFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			displayOptions: showFor(operations),
			options: [
				{
					displayName: 'Avatar',
					name: 'avatar',
					type: 'string',
					default: '',
					placeholder: 'e.g. https://example.org/avatar.jpg',
					description: 'An image URL containing the avatar of the contact',
				},
				{
					displayName: 'Last Seen At',
					name: 'last_seen_at',
					type: 'dateTime',
					default: '',
					description: 'When the contact was last seen. Sent as a Unix timestamp in seconds.',
				},
				{
					displayName: 'Name',
					name: 'name',
					type: 'string',
					default: '',
					description: "The contact's name",
				},
				{
					displayName: 'Owner Name or ID',
					name: 'owner_id',
					type: 'options',
					typeOptions: { loadOptionsMethod: 'getOwners' },
					default: '',
					description:
						'The teammate (admin) who owns the contact, sent as a number. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
				},
				{
					displayName: 'Phone',
					name: 'phone',
					type: 'string',
					default: '',
					placeholder: 'e.g. +353871234567',
					description: "The contact's phone number",
				},
				{
					displayName: 'Signed Up At',
					name: 'signed_up_at',
					type: 'dateTime',
					default: '',
					description: 'When the contact signed up. Sent as a Unix timestamp in seconds.',
				},
				{
					displayName: 'Unsubscribed From Emails',
					name: 'unsubscribed_from_emails',
					type: 'boolean',
					default: false,
					description: 'Whether the contact is unsubscribed from emails',
				},
			],
		},
		fieldsOrJsonModeField(
			'Custom Attributes',
			'customAttributesMode',
			'Custom data attributes to set. They must already exist in Intercom (Settings > Data > People).',
			showFor(operations),
		),
		{
			displayName: 'Attributes',
			name: 'customAttributes',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true },
			placeholder: 'Add Attribute',
			default: {},
			displayOptions: showFor(operations, { customAttributesMode: ['fields'] }),
			options: [
				{
					displayName: 'Attribute',
					name: 'attribute',
					values: [
						{
							displayName: 'Name or ID',
							name: 'name',
							type: 'options',
							typeOptions: { loadOptionsMethod: 'getCustomAttributes' },
							default: '',
							description:
								'The attribute\'s name in Intercom. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
						},
						{
							displayName: 'Type',
							name: 'type',
							type: 'options',
							options: [
								// Kept here, not in AUTOMATIC: n8n's lint reads the options to check the default.
								{ name: 'Automatic', value: 'auto', description: AUTOMATIC.optionDescription },
								{ name: 'Boolean', value: 'boolean' },
								{ name: 'Date', value: 'date', description: 'Sent as a Unix timestamp in seconds' },
								{ name: 'Decimal Number', value: 'float' },
								{
									name: 'Empty (Clear Stored Value)',
									value: 'clear',
									description: 'Send null, which clears the attribute in Intercom',
								},
								{ name: 'Text', value: 'string' },
								{ name: 'Whole Number', value: 'integer' },
							],
							default: 'auto',
							description: AUTOMATIC.description,
						},
						AUTOMATIC.valueField,
						...typedValueFields(['integer', 'float']),
					],
				},
			],
		},
		{
			displayName: 'Attributes (JSON)',
			name: 'customAttributesJson',
			type: 'json',
			default: '{\n  "paid_subscriber": true,\n  "monthly_spend": 155.5\n}',
			description: 'A flat JSON object of attribute names and values (text, numbers, true/false, or null to clear). Empty text is not sent.',
			displayOptions: showFor(operations, { customAttributesMode: ['json'] }),
		},
	];
}

/** Update and Create or Update: nullable fields to empty (sent as null). */
export function clearFieldsField(operations: string[]): INodeProperties {
	const fields = [
		{ name: 'Avatar', value: 'avatar' },
		{ name: 'Last Seen At', value: 'last_seen_at' },
		{ name: 'Name', value: 'name' },
		{ name: 'Owner', value: 'owner_id' },
		{ name: 'Phone', value: 'phone' },
		{ name: 'Signed Up At', value: 'signed_up_at' },
		{ name: 'Unsubscribed From Emails', value: 'unsubscribed_from_emails' },
	];
	return fieldsToClearField(operations, fields, 'Intercom', ' To empty a custom attribute, give it the type Empty (Clear Stored Value).');
}

export const FIND_BY = ['id', 'email', 'externalId'] as const;
export type FindBy = (typeof FIND_BY)[number];

/** Update and Get: how the contact is found. */
export function findByFields(operations: string[]): INodeProperties[] {
	return [
		findByField(operations, [
			{ name: 'Email', value: 'email', description: 'Searched; several contacts with it are an error' },
			{ name: 'External ID', value: 'externalId' },
			{ name: 'Intercom ID', value: 'id' },
		], 'email'),
		{
			displayName: 'Contact ID',
			name: 'contactId',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. 6762f0dd1bb69f9f21930001',
			description: "Intercom's ID of the contact",
			displayOptions: showFor(operations, { findBy: ['id'] }),
		},
	];
}

/** Options: the vendor's settings, and the operation's own choices. */
export const optionsField = optionsFieldWith([
	{
		displayName: 'API Version',
		name: 'apiVersion',
		type: 'options',
		options: INTERCOM_API_VERSIONS.map((version) => ({ name: version, value: version })),
		default: DEFAULT_INTERCOM_VERSION,
		description:
			'Sent as the Intercom-Version header on every request, so the body means the same whatever your app\'s default version is',
	},
	...transportOptionFields(intercomApi, {
		retry: 'When Intercom says its rate limit is used up, the node waits until Intercom says it resets instead.',
		pace: 'By default Intercom\'s own rate-limit figures set the pace: the node pauses before the limit runs out.',
		timeout: 'Intercom clients use 20 seconds.',
	}),
]);

/** Create Contact: the body of POST /contacts (Intercom API 2.15), named as Intercom names it. */
export const createContactFields: INodeProperties[] = [
	roleField(['create']),
	userIdentityNotice(['create']),
	emailField(showFor(['create']), "The contact's email. Intercom refuses a second user with the same email."),
	externalIdField(showFor(['create'])),
	...contactDataFields(['create']),
	simplifyField(['create']),
	optionsField(
		['create'],
		[
			ifContactExistsOption(
				'Output the contact Intercom already has, with outcome "existing"',
				'What to do when Intercom answers that a contact with this email or external ID exists',
			),
		],
	),
];

/**
 * Builds the item's body from its fields (`build` is the operation's mapping): every rule is
 * checked before anything is sent; with custom attribute rows, the workspace's attribute types are
 * read (once per execution) and applied.
 */
export async function buildWithAttributeTypes<T>(
	context: IExecuteFunctions,
	input: IntercomContactInput,
	run: ItemRun,
	itemIndex: number,
	send: SendOptions,
	headers: IDataObject,
	build: (input: IntercomContactInput) => T,
): Promise<T> {
	return await buildWithAccountTypes(
		(input.customAttributes.attribute ?? []).length > 0,
		async () => await accountAttributeTypes.call(context, run, itemIndex, send, headers),
		(attributeTypes) => build({ ...input, attributeTypes }),
	);
}

/** The contact fields of one item, as n8n resolved them (a field another operation shows reads as unset). */
export function readContactInput(context: IExecuteFunctions, itemIndex: number): IntercomContactInput {
	const mode = context.getNodeParameter('customAttributesMode', itemIndex, 'none') as string;
	return {
		role: context.getNodeParameter('role', itemIndex, ''),
		email: context.getNodeParameter('email', itemIndex, ''),
		externalId: context.getNodeParameter('external_id', itemIndex, ''),
		additionalFields: context.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject,
		customAttributesMode: mode,
		customAttributes:
			mode === 'fields'
				? (context.getNodeParameter('customAttributes', itemIndex, {}) as IntercomContactInput['customAttributes'])
				: {},
		customAttributesJson: mode === 'json' ? context.getNodeParameter('customAttributesJson', itemIndex, '{}') : undefined,
		fieldsToClear: context.getNodeParameter('fieldsToClear', itemIndex, []),
	};
}
