import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import {
	fieldsToClearField,
	fieldsOrJsonModeField,
	findByField,
	ifContactExistsOption,
	optionsFieldWith,
	showFor,
	sortedByDisplayName,
	transportOptionFields,
} from '../../../shared/commonFields';
import { simplifyField } from '../../../shared/output';
import { voyadoApi } from '../../api';
import type { ItemChecks } from '../../../shared/validation';
import type { VoyadoContacts } from '../../contacts';
import type { KeyField, VoyadoContactInput } from '../../mapping';
import { checkedKeyValue, KEY_FIELDS } from '../../mapping';

/** The contact type: what create uses, and what a lookup by key is narrowed to. */
export function contactTypeField(operations: string[]): INodeProperties {
	return {
		displayName: 'Contact Type',
		name: 'contactType',
		type: 'options',
		options: [
			{ name: 'Member', value: 'Member' },
			{ name: 'Contact', value: 'Contact' },
		],
		default: 'Member',
		description:
			'The contact type in your Engage configuration; each has its own key and mandatory fields. For another type, enter its name as an expression.',
		displayOptions: showFor(operations),
	};
}

/** Create, Create or Update: which field is this contact type's key. */
export function keyFieldField(operations: string[]): INodeProperties {
	return {
		displayName: 'Key Field',
		name: 'keyField',
		type: 'options',
		// A fixed choice: n8n shows (and requires) every key field when this is an expression.
		noDataExpression: true,
		options: Object.entries(KEY_FIELDS).map(([value, { label }]) => ({ name: label, value })),
		default: 'email',
		description:
			'The key your Engage configuration uses for this contact type. It must be filled in, and it is what Check If Contact Exists First looks up.',
		displayOptions: showFor(operations),
	};
}

/** The four key fields, as Engage names them. */
function keyValueFieldList(): INodeProperties[] {
	return [
		{
			displayName: 'Email',
			name: 'email',
			type: 'string',
			placeholder: 'e.g. nathan@example.com',
			default: '',
		},
		{
			displayName: 'Mobile Phone',
			name: 'mobilePhone',
			type: 'string',
			placeholder: 'e.g. +46701234567',
			default: '',
			description: 'With the country calling code, e.g. +46701234567',
		},
		{
			displayName: 'External ID',
			name: 'externalId',
			type: 'string',
			default: '',
			description: 'The contact\'s ID in your own system',
		},
		{
			displayName: 'Social Security Number',
			name: 'socialSecurityNumber',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description: 'Swedish or Finnish personal identity number',
		},
	];
}

/** The one key field at the top: the Key Field chosen (Create, Create or Update) or the one found by (Update, Get). Required. */
function keyValueFields(showFor: (field: string) => INodeProperties['displayOptions']): INodeProperties[] {
	return keyValueFieldList().map((field) => ({ ...field, required: true, displayOptions: showFor(field.name) }));
}

/** Create, Create or Update: only the chosen Key Field's value at the top; the other keys are Additional Fields. */
export function chosenKeyField(operations: string[]): INodeProperties[] {
	return keyValueFields((name) => showFor(operations, { keyField: [name] }));
}

export const FIND_BY = [...(Object.keys(KEY_FIELDS) as KeyField[]), 'contactId'] as const;
export type FindBy = (typeof FIND_BY)[number];

/** Update and Get: how the contact is found (a key field, or Engage's contact ID), and that one value. */
export function findByFields(operations: string[]): INodeProperties[] {
	return [
		findByField(operations, [
			{ name: 'Contact ID', value: 'contactId', description: "Engage's own ID of the contact (a GUID)" },
			{ name: 'Email', value: 'email' },
			{ name: 'External ID', value: 'externalId' },
			{ name: 'Mobile Phone', value: 'mobilePhone' },
			{ name: 'Social Security Number', value: 'socialSecurityNumber' },
		], 'email'),
		{
			displayName: 'Contact ID',
			name: 'contactId',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. 2e40b702-2767-4abe-ae99-aa510108e22b',
			description: "Engage's ID of the contact",
			displayOptions: showFor(operations, { findBy: ['contactId'] }),
		},
		...keyValueFields((name) => showFor(operations, { findBy: [name] })),
	];
}

/** The contact's attributes, preferences, consents and extra attributes (never sent empty). */
export function contactDataFields(operations: string[]): INodeProperties[] {
	return [
		{
			displayName: 'Additional Fields',
			name: 'additionalFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			displayOptions: showFor(operations),
			// The key fields other than the one at the top: the chosen Key Field is hidden here (Create,
			// Create or Update); on Update, a new value for the one found by.
			options: sortedByDisplayName([
				...keyValueFieldList().map((field) => ({ ...field, displayOptions: { hide: { '/keyField': [field.name] } } })),
				{
					displayName: 'Birthday',
					name: 'birthDay',
					type: 'string',
					default: '',
					placeholder: 'e.g. 1966-06-26',
					description: 'A day such as 1966-06-26 (19660626 and the other date forms work too; sent as YYYY-MM-DD). Engage calculates the age from it.',
				},
				{ displayName: 'Care Of', name: 'careOf', type: 'string', default: '' },
				{ displayName: 'City', name: 'city', type: 'string', default: '' },
				{
					displayName: 'Country Code',
					name: 'countryCode',
					type: 'string',
					default: '',
					placeholder: 'e.g. SE',
					description:
						'Two-letter ISO country code. Engage fills in the country from it and uses it to pick the language of messages.',
				},
				{ displayName: 'First Name', name: 'firstName', type: 'string', default: '' },
				{
					displayName: 'Gender',
					name: 'gender',
					type: 'options',
					options: [
						{ name: 'Female', value: 'Female' },
						{ name: 'Male', value: 'Male' },
						{ name: 'Other', value: 'Other' },
					],
					default: 'Female',
				},
				{
					displayName: 'Language',
					name: 'lang',
					type: 'string',
					default: '',
					placeholder: 'e.g. en',
					description: 'For countries using several languages, e.g. en or sv',
				},
				{ displayName: 'Last Name', name: 'lastName', type: 'string', default: '' },
				{ displayName: 'Street', name: 'street', type: 'string', default: '' },
				{ displayName: 'Zip Code', name: 'zipCode', type: 'string', default: '' },
			]),
		},
		{
			displayName: 'Preferences',
			name: 'preferences',
			type: 'collection',
			placeholder: 'Add Preference',
			default: {},
			description: 'Only the preferences you add are sent',
			displayOptions: showFor(operations),
			options: [
				{ displayName: 'Accepts Email', name: 'acceptsEmail', type: 'boolean', default: true, description: 'Whether the contact accepts email' },
				{ displayName: 'Accepts Postal', name: 'acceptsPostal', type: 'boolean', default: true, description: 'Whether the contact accepts postal mail' },
				{ displayName: 'Accepts SMS', name: 'acceptsSms', type: 'boolean', default: true, description: 'Whether the contact accepts SMS' },
			],
		},
		{
			displayName: 'Consents',
			name: 'consents',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true },
			placeholder: 'Add Consent',
			default: {},
			displayOptions: showFor(operations),
			options: [
				{
					displayName: 'Consent',
					name: 'consent',
					values: [
						{
							displayName: 'Consent Name or ID',
							name: 'id',
							type: 'options',
							typeOptions: { loadOptionsMethod: 'getConsents' },
							required: true,
							default: '',
							description: 'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
						},
						{
							displayName: 'Date',
							name: 'date',
							type: 'dateTime',
							default: '',
							description: 'When the consent was given',
						},
						{
							// Engage's "comment"; labelled so that the consent itself stays first in the row (n8n's lint sorts row fields).
							displayName: 'Note (Comment)',
							name: 'comment',
							type: 'string',
							default: '',
							description: "Engage's comment on the consent, e.g. how it was given",
						},
						{
							displayName: 'Source',
							name: 'source',
							type: 'string',
							default: '',
							placeholder: 'e.g. ECOM',
							description: 'Where it was given',
						},
						{
							displayName: 'Value',
							name: 'value',
							type: 'boolean',
							required: true,
							default: true,
							description: 'Whether the contact gave the consent',
						},
					],
				},
			],
		},
		fieldsOrJsonModeField(
			'Extra Attributes',
			'extraAttributesMode',
			'Attributes specific to your Engage tenant (Config Hub > Contact attributes), sent by their exact name',
			showFor(operations),
		),
		{
			displayName: 'Attributes',
			name: 'extraAttributes',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true },
			placeholder: 'Add Attribute',
			default: {},
			displayOptions: showFor(operations, { extraAttributesMode: ['fields'] }),
			options: [
				{
					displayName: 'Attribute',
					name: 'attribute',
					values: [
						{ displayName: 'Name', name: 'name', type: 'string', default: '', description: 'The attribute name exactly as in Engage' },
						{
							displayName: 'Value',
							name: 'value',
							type: 'string',
							default: '',
							description: 'Empty values are not sent, as Engage would overwrite data with them. Use an expression such as {{ 3 }} or {{ true }} for numbers and booleans.',
						},
					],
				},
			],
		},
		{
			displayName: 'Attributes (JSON)',
			name: 'extraAttributesJson',
			type: 'json',
			default: '{\n  "favoriteStore": "444"\n}',
			description: 'A flat JSON object of attribute names and values (no nulls or empty text: Engage would overwrite data with them)',
			displayOptions: showFor(operations, { extraAttributesMode: ['json'] }),
		},
	];
}

/** Create, Create or Update: the create call's query parameters. */
export function queryParametersField(operations: string[]): INodeProperties {
	return {
		displayName: 'Sign-Up Details',
		name: 'queryParameters',
		type: 'collection',
		placeholder: 'Add Detail',
		default: {},
		description: 'How and where the contact signed up',
		displayOptions: showFor(operations),
		options: [
			{
				displayName: 'Create As Unapproved',
				name: 'createAsUnapproved',
				type: 'boolean',
				default: false,
				description:
					'Whether to create an unverified contact that another process must approve (e.g. a link in an email). Unapproved contacts are left out of reports and segments.',
			},
			{
				displayName: 'Source',
				name: 'source',
				type: 'string',
				default: '',
				placeholder: 'e.g. e-com',
				description: 'How the contact was created, e.g. POS or e-com. Highly recommended by Voyado.',
			},
			{
				displayName: 'Store Name or ID',
				name: 'storeExternalId',
				type: 'options',
				typeOptions: { loadOptionsMethod: 'getStores' },
				default: '',
				description:
					'The store or market where the contact signed up (the recruited-by store), e.g. 600. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			},
		],
	};
}

/** Options: the vendor's settings, and the operation's own choices. */
export const optionsField = optionsFieldWith([
	...transportOptionFields(voyadoApi, {
		retry: "Voyado's retry policy asks for late retries (10 s, 30 s, 60 s...); interactive flows may use less.",
		pace: 'Voyado asks for fewer than 50 requests per second per key, and refuses bursts of four times that.',
		timeout: 'Engage gives up on a create itself within 10 seconds (and says so), so keep this above 10.',
	}),
]);

/** Create Contact: POST /api/v3/contacts, named as the Engage doc names it. */
export const createContactFields: INodeProperties[] = [
	contactTypeField(['create']),
	keyFieldField(['create']),
	...chosenKeyField(['create']),
	...contactDataFields(['create']),
	queryParametersField(['create']),
	simplifyField(['create']),
	optionsField(
		['create'],
		[
		{
			displayName: 'Check If Contact Exists First',
			name: 'checkExistsFirst',
			type: 'boolean',
			default: true,
			description:
				'Whether to look the contact up by its key before creating, as Voyado recommends. If found, nothing is created and If Contact Already Exists decides the output.',
		},
		ifContactExistsOption(
			'Output the contact Engage already has, with outcome "existing"',
			'What to do when the contact is found first, or Engage answers ApprovedContactWithKeyExists',
		),
		],
	),
];

/** The contact fields of one item, as n8n resolved them (a field another operation shows reads as unset). */
export function readContactInput(context: IExecuteFunctions, itemIndex: number): VoyadoContactInput {
	const parameter = (name: string, fallback: unknown) => context.getNodeParameter(name, itemIndex, fallback);
	const mode = parameter('extraAttributesMode', 'none') as string;
	const additionalFields = parameter('additionalFields', {}) as IDataObject;
	return {
		contactType: parameter('contactType', 'Member'),
		keyField: parameter('keyField', 'email'),
		topKeys: {
			email: parameter('email', ''),
			mobilePhone: parameter('mobilePhone', ''),
			externalId: parameter('externalId', ''),
			socialSecurityNumber: parameter('socialSecurityNumber', ''),
		},
		additionalFields,
		preferences: parameter('preferences', {}) as IDataObject,
		consents: parameter('consents', {}) as VoyadoContactInput['consents'],
		extraAttributesMode: mode,
		extraAttributes: mode === 'fields' ? (parameter('extraAttributes', {}) as VoyadoContactInput['extraAttributes']) : {},
		extraAttributesJson: mode === 'json' ? parameter('extraAttributesJson', '{}') : undefined,
		queryParameters: parameter('queryParameters', {}) as IDataObject,
		fieldsToClear: parameter('fieldsToClear', []),
	};
}

/** Update: the attributes to empty. Engage overwrites a stored value with null, so this is the only way one is sent. */
export function clearFieldsField(operations: string[]): INodeProperties {
	const fields = [
		{ name: 'Birthday', value: 'birthDay' },
		{ name: 'Care Of', value: 'careOf' },
		{ name: 'City', value: 'city' },
		{ name: 'Country Code', value: 'countryCode' },
		{ name: 'First Name', value: 'firstName' },
		{ name: 'Gender', value: 'gender' },
		{ name: 'Language', value: 'lang' },
		{ name: 'Last Name', value: 'lastName' },
		{ name: 'Street', value: 'street' },
		{ name: 'Zip Code', value: 'zipCode' },
	];
	return fieldsToClearField(operations, fields, 'Voyado Engage', ' Key fields (email, mobile phone, external ID) cannot be cleared here.');
}

/** How Update and Get find the contact, checked before anything is sent. */
export interface ContactLookup {
	findBy: FindBy;
	/** The field named in errors, and the value, worded for them. */
	field: string;
	what: string;
	/** Set when found by contact ID; else the key field's value and the contact type. */
	contactId?: string;
	keyValue?: string;
	contactType?: string;
}

export function readContactLookup(context: IExecuteFunctions, check: ItemChecks, input: VoyadoContactInput, itemIndex: number): ContactLookup {
	const findBy = check.oneOf('Find Contact By', context.getNodeParameter('findBy', itemIndex, 'email'), FIND_BY);
	if (findBy === 'contactId') {
		const id = check.requiredString('Contact ID', context.getNodeParameter('contactId', itemIndex, '')).trim();
		if (!CONTACT_ID.test(id)) check.fail('Contact ID', `"${id}" is not an Engage contact ID (a GUID such as 2e40b702-2767-4abe-ae99-aa510108e22b)`);
		return { findBy, field: 'Contact ID', what: `ID ${id}`, contactId: id };
	}
	const { label } = KEY_FIELDS[findBy];
	const keyValue = check.requiredString(label, checkedKeyValue(check, findBy, input.topKeys[findBy]));
	const contactType = check.requiredString('Contact Type', input.contactType ?? 'Member').trim();
	return { findBy, field: label, what: `${label.toLowerCase()} "${keyValue}"`, keyValue, contactType };
}

/** The contact's ID: given, or looked up by the key field (narrowed to the contact type). */
export async function resolveContactId(contacts: VoyadoContacts, lookup: ContactLookup): Promise<string | undefined> {
	if (lookup.contactId) return lookup.contactId;
	return await contacts.findId(lookup.findBy as KeyField, lookup.keyValue as string, lookup.contactType);
}

const CONTACT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
