import type { INodeProperties } from 'n8n-workflow';

import {
	fieldsOrJsonModeField,
	ifContactExistsOption,
	showForCreate,
	sortedByDisplayName,
	transportOptionFields,
} from '../../../shared/commonFields';
import { voyadoApi } from '../../api';
import { KEY_FIELDS } from '../../mapping';

const showFor = (mode: string) => ({ show: { ...showForCreate.show, extraAttributesMode: [mode] } });

/** Create Contact: POST /api/v3/contacts, named as the Engage doc names it. */
export const createContactFields: INodeProperties[] = [
	{
		displayName: 'Contact Type',
		name: 'contactType',
		type: 'string',
		default: 'Member',
		description:
			'A contact type that exists in your Engage configuration, e.g. Member or Contact. Each type has its own key and mandatory fields.',
		displayOptions: showForCreate,
	},
	{
		displayName: 'Key Field',
		name: 'keyField',
		type: 'options',
		options: Object.entries(KEY_FIELDS).map(([value, { label }]) => ({ name: label, value })),
		default: 'email',
		description:
			'The key your Engage configuration uses for this contact type. It must be filled in, and it is what Check If Contact Exists First looks up.',
		displayOptions: showForCreate,
	},
	{
		displayName: 'Email',
		name: 'email',
		type: 'string',
		placeholder: 'e.g. nathan@example.com',
		default: '',
		displayOptions: showForCreate,
	},
	{
		displayName: 'Mobile Phone',
		name: 'mobilePhone',
		type: 'string',
		placeholder: '+46701234567',
		default: '',
		description: 'With the country calling code, e.g. +46701234567',
		displayOptions: showForCreate,
	},
	{
		displayName: 'External ID',
		name: 'externalId',
		type: 'string',
		default: '',
		description: 'The contact\'s ID in your own system',
		displayOptions: showForCreate,
	},
	{
		displayName: 'Social Security Number',
		name: 'socialSecurityNumber',
		type: 'string',
		typeOptions: { password: true },
		default: '',
		description: 'Swedish or Finnish personal identity number',
		displayOptions: showForCreate,
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: showForCreate,
		options: [
			{
				displayName: 'Birthday',
				name: 'birthDay',
				type: 'string',
				default: '',
				placeholder: '1966-06-26',
				description: 'In the format YYYY-MM-DD. Engage calculates the age from it.',
			},
			{ displayName: 'Care Of', name: 'careOf', type: 'string', default: '' },
			{ displayName: 'City', name: 'city', type: 'string', default: '' },
			{
				displayName: 'Country Code',
				name: 'countryCode',
				type: 'string',
				default: '',
				placeholder: 'SE',
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
				placeholder: 'en',
				description: 'For countries using several languages, e.g. en or sv',
			},
			{ displayName: 'Last Name', name: 'lastName', type: 'string', default: '' },
			{ displayName: 'Street', name: 'street', type: 'string', default: '' },
			{ displayName: 'Zip Code', name: 'zipCode', type: 'string', default: '' },
		],
	},
	{
		displayName: 'Preferences',
		name: 'preferences',
		type: 'collection',
		placeholder: 'Add Preference',
		default: {},
		description: 'Only the preferences you add are sent',
		displayOptions: showForCreate,
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
		displayOptions: showForCreate,
		options: [
			{
				displayName: 'Consent',
				name: 'consent',
				values: [
					{
						displayName: 'Comment',
						name: 'comment',
						type: 'string',
						default: '',
						description: 'Optional',
					},
					{
						displayName: 'Consent Name or ID',
						name: 'id',
						type: 'options',
						typeOptions: { loadOptionsMethod: 'getConsents' },
						default: '',
						description: 'Required. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
					},
					{
						displayName: 'Date',
						name: 'date',
						type: 'dateTime',
						default: '',
						description: 'When the consent was given (optional)',
					},
					{
						displayName: 'Source',
						name: 'source',
						type: 'string',
						default: '',
						placeholder: 'ECOM',
						description: 'Where it was given (optional)',
					},
					{
						displayName: 'Value',
						name: 'value',
						type: 'boolean',
						default: true,
						description: 'Whether the contact gave the consent (required)',
					},
				],
			},
		],
	},
	fieldsOrJsonModeField(
		'Extra Attributes',
		'extraAttributesMode',
		'Attributes specific to your Engage tenant (Config Hub > Contact attributes), sent by their exact name',
	),
	{
		displayName: 'Attributes',
		name: 'extraAttributes',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Attribute',
		default: {},
		displayOptions: showFor('fields'),
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
		displayOptions: showFor('json'),
	},
	{
		displayName: 'Query Parameters',
		name: 'queryParameters',
		type: 'collection',
		placeholder: 'Add Parameter',
		default: {},
		description: 'Sent in the query string, as API v3 requires (Engage ignores them in headers)',
		displayOptions: showForCreate,
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
				placeholder: 'e-com',
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
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: showForCreate,
		options: sortedByDisplayName([
			{
				displayName: 'Check If Contact Exists First',
				name: 'checkExistsFirst',
				type: 'boolean',
				default: true,
				description:
					'Whether to look the contact up by its key before creating, as Voyado recommends. If found, nothing is created and If Contact Already Exists decides the output.',
			},
			ifContactExistsOption(
				'Output the existing contact (GET /api/v3/contacts/{id}) with alreadyExists = true',
				'What to do when the contact is found first, or Engage answers ApprovedContactWithKeyExists',
			),
			...transportOptionFields(voyadoApi, {
				retry: "Voyado's retry policy asks for late retries (10 s, 30 s, 60 s...); interactive flows may use less.",
				pace: 'Voyado asks for fewer than 50 requests per second per key (429 above 200).',
				timeout: 'Engage answers 504 RequestTimeOut itself within 10 seconds, so keep this above 10.',
			}),
		]),
	},
];
