import type { INodeProperties } from 'n8n-workflow';

import {
	fieldsOrJsonModeField,
	ifContactExistsOption,
	showForCreate,
	sortedByDisplayName,
	transportOptionFields,
	typedValueFields,
} from '../../../shared/commonFields';
import { intercomApi } from '../../api';
import { DEFAULT_INTERCOM_VERSION, INTERCOM_API_VERSIONS } from '../../regions';

const showFor = (mode: string) => ({
	show: { ...showForCreate.show, customAttributesMode: [mode] },
});

/** Create Contact: the body of POST /contacts (Intercom API 2.15), named as Intercom names it. */
export const createContactFields: INodeProperties[] = [
	{
		displayName: 'Role',
		name: 'role',
		type: 'options',
		options: [
			{ name: 'Lead', value: 'lead', description: 'A visitor or prospect who has not signed up' },
			{ name: 'User', value: 'user', description: 'Someone who signed up; needs an Email or an External ID' },
		],
		default: 'user',
		description: 'The role of the contact',
		displayOptions: showForCreate,
	},
	{
		displayName: 'Email',
		name: 'email',
		type: 'string',
		placeholder: 'e.g. nathan@example.com',
		default: '',
		description: "The contact's email. Intercom refuses a second user with the same email.",
		displayOptions: showForCreate,
	},
	{
		displayName: 'External ID',
		name: 'external_id',
		type: 'string',
		default: '',
		description: 'A unique identifier for the contact from your own system',
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
				displayName: 'Avatar',
				name: 'avatar',
				type: 'string',
				default: '',
				placeholder: 'https://example.org/avatar.jpg',
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
				placeholder: '+353871234567',
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
	),
	{
		displayName: 'Attributes',
		name: 'customAttributes',
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
							{ name: 'Boolean', value: 'boolean' },
							{ name: 'Date', value: 'date', description: 'Sent as a Unix timestamp in seconds' },
							{ name: 'Decimal Number', value: 'float' },
							{ name: 'Text', value: 'string' },
							{ name: 'Whole Number', value: 'integer' },
						],
						default: 'string',
						description: "The attribute's data type in Intercom (the dropdown shows it after each name)",
					},
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
		description: 'A flat JSON object of attribute names and values (text, numbers, true/false)',
		displayOptions: showFor('json'),
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
				displayName: 'API Version',
				name: 'apiVersion',
				type: 'options',
				options: INTERCOM_API_VERSIONS.map((version) => ({ name: version, value: version })),
				default: DEFAULT_INTERCOM_VERSION,
				description:
					'Sent as the Intercom-Version header on every request, so the body means the same whatever your app\'s default version is',
			},
			ifContactExistsOption(
				'Output the existing contact (read with GET /contacts/{id}) with alreadyExists = true',
				'What to do when Intercom answers that a contact with this email or external ID exists',
			),
			...transportOptionFields(intercomApi, {
				retry: 'A 429 waits for X-RateLimit-Reset instead.',
				pace: 'By default the X-RateLimit-* headers set the pace: the node pauses before the window runs out.',
				timeout: 'Intercom clients use 20 seconds.',
			}),
		]),
	},
];
