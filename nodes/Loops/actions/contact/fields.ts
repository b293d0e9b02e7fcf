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
import { includeVendorResponseOption } from '../../../shared/output';
import type { ItemRun } from '../../../shared/execute';
import type { SendOptions } from '../../../shared/transport';
import { buildWithAccountTypes } from '../../../shared/accountTypes';
import { loopsApi } from '../../api';
import { accountPropertyTypes } from '../../properties';
import type { LoopsContactInput } from '../../mapping';
import type { ItemChecks } from '../../../shared/validation';
import type { LoopsKey } from '../../find';
import { checkedEmail, CLEARABLE_FIELD_NAMES } from '../../mapping';

/** The Type row's Automatic choice, worded for this vendor. */
const AUTOMATIC = automaticType('property', 'Loops');

/** The contact's email, the key Loops matches on (Create, Create or Update). */
export function emailField(operations: string[], description: string): INodeProperties {
	return {
		displayName: 'Email',
		name: 'email',
		type: 'string',
		placeholder: 'e.g. nathan@example.com',
		required: true,
		default: '',
		description,
		displayOptions: showFor(operations),
	};
}

export const FIND_BY = ['email', 'userId'] as const;

/** How Update and Get find the contact: by email or by user ID, Loops' two unique keys. */
export function findByFields(operations: string[]): INodeProperties[] {
	return [
		findByField(operations, [
			{ name: 'Email', value: 'email' },
			{ name: 'User ID', value: 'userId' },
		], 'email'),
		{
			displayName: 'Email',
			name: 'email',
			type: 'string',
			placeholder: 'e.g. nathan@example.com',
			required: true,
			default: '',
			description: "The contact's email address",
			displayOptions: showFor(operations, { findBy: ['email'] }),
		},
		{
			displayName: 'User ID',
			name: 'userId',
			type: 'string',
			required: true,
			default: '',
			description: "The contact's user ID, as set in Loops",
			displayOptions: showFor(operations, { findBy: ['userId'] }),
		},
	];
}

const CLEARABLE_LABELS: Record<(typeof CLEARABLE_FIELD_NAMES)[number], string> = {
	firstName: 'First Name',
	lastName: 'Last Name',
	source: 'Source',
	userGroup: 'User Group',
};

/** The contact's data: standard fields, mailing lists and custom properties, for Create, Create or Update and Update. */
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
					displayName: 'Add to List Names or IDs',
					name: 'addToMailingLists',
					type: 'multiOptions',
					typeOptions: { loadOptionsMethod: 'getMailingLists' },
					default: [],
					description:
						'Mailing lists to subscribe the contact to (by expression: a list of IDs or IDs separated by commas). Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
				},
				{
					displayName: 'First Name',
					name: 'firstName',
					type: 'string',
					default: '',
					description: "The contact's first name",
				},
				{
					displayName: 'Last Name',
					name: 'lastName',
					type: 'string',
					default: '',
					description: "The contact's last name",
				},
				{
					displayName: 'Remove From List Names or IDs',
					name: 'removeFromMailingLists',
					type: 'multiOptions',
					typeOptions: { loadOptionsMethod: 'getMailingLists' },
					default: [],
					description:
						'Mailing lists to unsubscribe the contact from. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
				},
				{
					displayName: 'Source',
					name: 'source',
					type: 'string',
					default: '',
					description: 'Where the contact came from, shown in Loops instead of the default "API"',
				},
				{
					displayName: 'Subscribed',
					name: 'subscribed',
					type: 'options',
					options: [
						{
							name: 'Leave Unchanged',
							value: 'unchanged',
							description: 'Do not send it: Loops subscribes new contacts by default',
						},
						{
							name: 'Subscribe',
							value: 'subscribe',
							description: 'Send subscribed = true',
						},
						{
							name: 'Unsubscribe',
							value: 'unsubscribe',
							description: 'Send subscribed = false: the contact gets no campaign or workflow emails',
						},
					],
					default: 'unchanged',
					description:
						'Whether the contact receives campaign and workflow emails. Loops recommends leaving this out unless you mean to unsubscribe or re-subscribe.',
				},
				{
					displayName: 'User Group',
					name: 'userGroup',
					type: 'string',
					default: '',
					description: 'A group to segment users when sending emails. A contact can be in one group only.',
				},
				{
					displayName: 'User ID',
					name: 'userId',
					type: 'string',
					default: '',
					description: 'A unique user ID, for example from your own application',
				},
			],
		},
		fieldsOrJsonModeField(
			'Custom Properties',
			'customPropertiesMode',
			'Custom contact properties to set. They must already exist in Loops (Audience > Contact properties).',
			showFor(operations),
		),
		{
			displayName: 'Properties',
			name: 'customProperties',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true },
			placeholder: 'Add Property',
			default: {},
			displayOptions: showFor(operations, { customPropertiesMode: ['fields'] }),
			options: [
				{
					displayName: 'Property',
					name: 'property',
					values: [
						{
							displayName: 'Name or ID',
							name: 'key',
							type: 'options',
							typeOptions: { loadOptionsMethod: 'getCustomProperties' },
							default: '',
							description:
								'The property\'s API name (e.g. planName). Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
						},
						{
							displayName: 'Type',
							name: 'type',
							type: 'options',
							options: [
								// Kept here, not in AUTOMATIC: n8n's lint reads the options to check the default.
								{ name: 'Automatic', value: 'auto', description: AUTOMATIC.optionDescription },
								{ name: 'Boolean', value: 'boolean' },
								{ name: 'Date', value: 'date' },
								{
									name: 'Empty (Reset to No Value)',
									value: 'null',
									description: 'Send null, which clears the property in Loops',
								},
								{ name: 'Number', value: 'number' },
								{ name: 'String', value: 'string' },
							],
							default: 'auto',
							description: AUTOMATIC.description,
						},
						AUTOMATIC.valueField,
						...typedValueFields(
							['number'],
							'Sent as YYYY-MM-DD for a date without time, otherwise as an ISO date-time in UTC (YYYY-MM-DDTHH:MM:SS.sssZ). Unix timestamps in seconds or milliseconds are converted.',
						),
					],
				},
			],
		},
		{
			displayName: 'Properties (JSON)',
			name: 'customPropertiesJson',
			type: 'json',
			default: '{\n  "planName": "pro"\n}',
			description:
				'A flat JSON object of property API names and values (text, number, true/false, or null to clear; empty text is not sent). Dates as YYYY-MM-DD, ISO date-time strings or Unix milliseconds.',
			displayOptions: showFor(operations, { customPropertiesMode: ['json'] }),
		},
	];
}

/** Update and Create or Update: standard fields to empty (Loops resets a value sent as null). */
export function clearFieldsField(operations: string[]): INodeProperties {
	const fields = CLEARABLE_FIELD_NAMES.map((value) => ({ name: CLEARABLE_LABELS[value], value }));
	return fieldsToClearField(operations, fields, 'Loops', ' To empty a custom property, give it the type Empty.');
}

/** Options: the vendor's settings, and the operation's own choices. */
export const optionsField = optionsFieldWith([
	...transportOptionFields(loopsApi, {
		retry: 'Loops sends no reset time, so waits double from here.',
		pace: 'Loops allows 10 requests per second per team, shared by everything using your key.',
		timeout: 'Loops answers within a few seconds normally.',
	}),
]);

/** Create Contact: the fields of POST /contacts/create, named as Loops names them. */
export const createContactFields: INodeProperties[] = [
	emailField(['create'], "The contact's email address. Loops refuses a second contact with the same email."),
	...contactDataFields(['create']),
	optionsField(
		['create'],
		[
			ifContactExistsOption(
				'Output the existing contact, with outcome "existing"',
				'What to do when Loops answers that the email or user ID is already taken',
			),
			includeVendorResponseOption('Loops'),
		],
	),
];

/**
 * Builds the item's body from its fields (`build` is the operation's mapping): every rule is
 * checked before anything is sent; with custom property rows, the team's property types are read
 * (once per execution) and applied.
 */
export async function buildWithPropertyTypes<T>(
	context: IExecuteFunctions,
	input: LoopsContactInput,
	run: ItemRun,
	itemIndex: number,
	send: SendOptions,
	build: (input: LoopsContactInput) => T,
): Promise<T> {
	return await buildWithAccountTypes(
		(input.customProperties.property ?? []).length > 0,
		async () => await accountPropertyTypes.call(context, run, itemIndex, send),
		(propertyTypes) => build({ ...input, propertyTypes }),
	);
}

/** The contact fields of one item, as n8n resolved them (a field another operation shows reads as unset). */
export function readContactInput(context: IExecuteFunctions, itemIndex: number): LoopsContactInput {
	const mode = context.getNodeParameter('customPropertiesMode', itemIndex, 'none') as string;
	return {
		email: context.getNodeParameter('email', itemIndex, ''),
		additionalFields: context.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject,
		customPropertiesMode: mode,
		customProperties:
			mode === 'fields'
				? (context.getNodeParameter('customProperties', itemIndex, {}) as LoopsContactInput['customProperties'])
				: {},
		customPropertiesJson: mode === 'json' ? context.getNodeParameter('customPropertiesJson', itemIndex, '{}') : undefined,
		fieldsToClear: context.getNodeParameter('fieldsToClear', itemIndex, []),
	};
}

/** The key Update and Get find the contact by, checked. */
export function readContactKey(
	context: IExecuteFunctions,
	check: ItemChecks,
	itemIndex: number,
): { key: LoopsKey; field: string; value: string } {
	const key = check.oneOf('Find Contact By', context.getNodeParameter('findBy', itemIndex, 'email'), FIND_BY);
	if (key === 'email') return { key, field: 'Email', value: checkedEmail(check, 'Email', context.getNodeParameter('email', itemIndex, '')) };
	return { key, field: 'User ID', value: check.requiredString('User ID', context.getNodeParameter('userId', itemIndex, '')).trim() };
}
