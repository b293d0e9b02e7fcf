import type { IDataObject, IExecuteFunctions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import type { ExecutionSettings, ItemRun } from './execute';

import type { SendOptions, VendorApi } from './transport';
import { ItemChecks } from './validation';
import { WaitBudget } from './waitBudget';

/** One entry of the Operation dropdown, as it appears in the node panel and to AI agents. */
export interface OperationOption {
	name: string;
	value: string;
	action: string;
	description: string;
}

/** The Contact operations, worded the n8n way; each vendor passes those it offers. */
export const CONTACT_OPERATIONS = {
	create: (description: string): OperationOption => ({ name: 'Create', value: 'create', action: 'Create a contact', description }),
	upsert: (): OperationOption => ({
		name: 'Create or Update',
		value: 'upsert',
		action: 'Create or update a contact',
		description: 'Create a new record, or update the current one if it already exists (upsert)',
	}),
	get: (description: string): OperationOption => ({ name: 'Get', value: 'get', action: 'Get a contact', description }),
	update: (description: string): OperationOption => ({ name: 'Update', value: 'update', action: 'Update a contact', description }),
	delete: (description: string): OperationOption => ({ name: 'Delete', value: 'delete', action: 'Delete a contact', description }),
};

/** Resource "Contact" and its Operation dropdown (options in the editor's alphabetical order). */
export function contactResourceFields(operations: OperationOption[]): INodeProperties[] {
	return [
		{
			displayName: 'Resource',
			name: 'resource',
			type: 'options',
			noDataExpression: true,
			options: [{ name: 'Contact', value: 'contact' }],
			default: 'contact',
		},
		{
			displayName: 'Operation',
			name: 'operation',
			type: 'options',
			noDataExpression: true,
			displayOptions: { show: { resource: ['contact'] } },
			options: [...operations].sort((a, b) => a.name.localeCompare(b.name)),
			default: 'create',
		},
	];
}

/** displayOptions for fields of the given Contact operations, with further conditions if any. */
export function showFor(operations: string[], also: Record<string, Array<string | boolean>> = {}): INodeProperties['displayOptions'] {
	return { show: { resource: ['contact'], operation: operations, ...also } };
}

/** Update and Get: how the contact is found (a Find Contact By dropdown with the vendor's keys). */
export function findByField(operations: string[], keys: INodePropertyOptions[], defaultKey: string): INodeProperties {
	return {
		displayName: 'Find Contact By',
		name: 'findBy',
		type: 'options',
		noDataExpression: true,
		options: keys,
		default: defaultKey,
		description: 'Which value identifies the contact',
		displayOptions: showFor(operations),
	};
}

/** Update and Create or Update: the fields to empty (sent as null). A field left blank is never sent. */
export function fieldsToClearField(operations: string[], fields: INodePropertyOptions[], vendor: string, note = ''): INodeProperties {
	const description = `Fields to empty in ${vendor} (sent as null).${note} Fields left blank above are not sent and keep their value.`;
	return {
		displayName: 'Fields to Clear',
		name: 'fieldsToClear',
		type: 'multiOptions',
		options: fields,
		default: [],
		description,
		displayOptions: showFor(operations),
	};
}

/** A vendor's Options field for any of its operations: the operation's own choices and the vendor's settings, sorted. */
export type OptionsField = (operations: string[], own?: INodeProperties[]) => INodeProperties;

export function optionsFieldWith(vendorOptions: INodeProperties[]): OptionsField {
	return (operations, own = []) => ({
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: showFor(operations),
		options: sortedByDisplayName([...own, ...vendorOptions]),
	});
}

/** Options > If Not Found, for Get. */
export const ifNotFoundOption: INodeProperties = {
	displayName: 'If Not Found',
	name: 'ifNotFound',
	type: 'options',
	options: [
		{ name: 'Fail', value: 'fail', description: 'Stop with an error (or give an error item with Continue On Fail)' },
		{ name: 'Return an Empty Item', value: 'empty', description: 'Output an item with no fields, so the workflow goes on' },
	],
	default: 'fail',
	description: 'What to do when no contact matches',
};

/**
 * The Value fields of a typed name/value row (custom properties, custom attributes): one per
 * type, shown by the row's Type. `numberTypes` are the type values that take a number.
 */
export function typedValueFields(numberTypes: string[], dateDescription?: string): INodeProperties[] {
	return [
		{ displayName: 'Value', name: 'stringValue', type: 'string', default: '', displayOptions: { show: { type: ['string'] } } },
		{
			displayName: 'Value',
			name: 'numberValue',
			type: 'number',
			// No numberPrecision: n8n would pad what was typed to that many decimals (5.0000000000).
			default: 0,
			displayOptions: { show: { type: numberTypes } },
		},
		{
			displayName: 'Value',
			name: 'booleanValue',
			type: 'boolean',
			default: false,
			description: 'Whether the value is true',
			displayOptions: { show: { type: ['boolean'] } },
		},
		{
			displayName: 'Value',
			name: 'dateValue',
			type: 'dateTime',
			default: '',
			...(dateDescription ? { description: dateDescription } : {}),
			displayOptions: { show: { type: ['date'] } },
		},
	];
}

/**
 * The Automatic choice of a custom row's Type, where the account reports each field's type
 * (`thing`: property, attribute): the Automatic option's and the Type's descriptions, and the row's text Value.
 */
export function automaticType(thing: string, vendor: string): { optionDescription: string; description: string; valueField: INodeProperties } {
	return {
		optionDescription: `The ${thing}'s own type in ${vendor}: the value is converted to it before sending`,
		description: `The ${thing}'s type in ${vendor}, shown after each name in the list above. Automatic follows it; a Type that differs from it is an error before sending.`,
		valueField: {
			displayName: 'Value',
			name: 'value',
			type: 'string',
			default: '',
			placeholder: 'e.g. 12',
			description: `Converted to the ${thing}'s type in ${vendor}: a number, true or false, a date such as 2024-01-31, or text. Left empty, nothing is sent and the stored value is kept.`,
			displayOptions: { show: { type: ['auto'] } },
		},
	};
}

/** A None / Using Fields Below / Using JSON switch for the vendor's own extra fields. */
export function fieldsOrJsonModeField(
	displayName: string,
	name: string,
	description: string,
	displayOptions: INodeProperties['displayOptions'],
): INodeProperties {
	return {
		displayName,
		name,
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'None', value: 'none' },
			{ name: 'Using Fields Below', value: 'fields' },
			{ name: 'Using JSON', value: 'json' },
		],
		default: 'none',
		description,
		displayOptions,
	};
}

export type IfNotFound = 'fail' | 'empty';

/** Options > If Not Found, checked before anything is sent. */
export function ifNotFoundFrom(check: ItemChecks, options: IDataObject): IfNotFound {
	return check.oneOf('Options > If Not Found', options.ifNotFound ?? 'fail', ['fail', 'empty'] as const);
}

/** What Get outputs when nothing matched: an empty item if the user chose it, else the error. */
export function notFound(check: ItemChecks, ifNotFound: IfNotFound, field: string, what: string): IDataObject {
	if (ifNotFound === 'empty') return {};
	return check.fail(field, `no contact found with ${what}`, 'Check the value, or set Options > If Not Found to Return an Empty Item.');
}

export const IF_EXISTS_CHOICES = ['fail', 'returnExisting'] as const;
export type IfExists = (typeof IF_EXISTS_CHOICES)[number];

/** Options > If Contact Already Exists, worded for the vendor. */
export function ifContactExistsOption(returnExistingDescription: string, conflictDescription: string): INodeProperties {
	return {
		displayName: 'If Contact Already Exists',
		name: 'ifContactExists',
		type: 'options',
		options: [
			{
				name: 'Fail',
				value: 'fail',
				description: 'Stop with an error (or give an error item with Continue On Fail)',
			},
			{
				name: 'Return Existing Contact',
				value: 'returnExisting',
				description: returnExistingDescription,
			},
		],
		default: 'fail',
		description: conflictDescription,
	};
}

/** Options > Retry Attempts and Max Retry Wait, the bounds of the shared transport. */
export function retryOptionFields(service: string): INodeProperties[] {
	return [
		{
			displayName: 'Max Retry Wait (Seconds)',
			name: 'maxRetryWaitSeconds',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: 60,
			description:
				'The longest time one item may spend waiting, across all its requests: between retries, and while the rate limit pauses every request. Past it the item fails.',
		},
		{
			displayName: 'Retry Attempts',
			name: 'maxAttempts',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 10 },
			default: 4,
			description: `Attempts per item in all when ${service} says it is busy, has a server error, or the connection breaks. Other errors are never retried.`,
		},
	];
}

export function ifExistsFrom(check: ItemChecks, options: IDataObject): IfExists {
	return check.oneOf('Options > If Contact Already Exists', options.ifContactExists ?? 'fail', IF_EXISTS_CHOICES);
}

/** Options > First Retry Delay, for vendors whose retry policy asks for long waits (Voyado). */
export function firstRetryDelayField(defaultSeconds: number, policy: string): INodeProperties {
	const description = `The first wait before a retry; each further wait doubles. ${policy}`;
	return {
		displayName: 'First Retry Delay (Seconds)',
		name: 'firstRetryDelaySeconds',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: defaultSeconds,
		description,
	};
}

/** Options > Timeout, for vendors with a documented endpoint timeout (Voyado). */
export function timeoutField(defaultSeconds: number, note: string): INodeProperties {
	const description = `How long to wait for an answer before treating the request as failed. ${note}`;
	return {
		displayName: 'Timeout (Seconds)',
		name: 'timeoutSeconds',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: defaultSeconds,
		description,
	};
}

/** The transport settings the user chose under Options (only those present). */
export function retryOptionsFrom(check: ItemChecks, options: IDataObject): SendOptions {
	const retry: SendOptions = {};
	if (options.maxAttempts !== undefined) {
		retry.maxAttempts = Math.max(1, check.integer('Options > Retry Attempts', options.maxAttempts));
	}
	if (options.maxRetryWaitSeconds !== undefined) {
		const seconds = check.finiteNumber('Options > Max Retry Wait (Seconds)', options.maxRetryWaitSeconds);
		retry.maxTotalWaitMs = Math.max(0, seconds) * 1000;
	}
	if (options.firstRetryDelaySeconds !== undefined) {
		const seconds = check.finiteNumber('Options > First Retry Delay (Seconds)', options.firstRetryDelaySeconds);
		retry.baseDelayMs = Math.max(0, seconds) * 1000;
	}
	if (options.timeoutSeconds !== undefined) {
		const seconds = check.finiteNumber('Options > Timeout (Seconds)', options.timeoutSeconds);
		retry.timeoutMs = Math.max(1, seconds) * 1000;
	}
	return retry;
}

/**
 * Everything one item's requests share: the user's retry bounds, the execution's pacer, and one
 * waiting budget (Max Retry Wait) for all of the item's requests together.
 */
export function itemSendOptions(check: ItemChecks, options: IDataObject, run: ItemRun, api: VendorApi): SendOptions {
	const retry = retryOptionsFrom(check, options);
	return {
		...retry,
		limiter: run.limiter,
		credential: run.credential,
		signal: run.signal,
		budget: new WaitBudget(retry.maxTotalWaitMs ?? api.retry.maxTotalWaitMs),
	};
}

/** Options > Parallel Requests and Max Requests per Second: how fast a bulk run may go. */
export function concurrencyOptionFields(api: VendorApi, paceNote: string): INodeProperties[] {
	const paceDescription = `At most this many requests start per second (0 = no fixed pace). ${paceNote}`;
	const defaultPace = api.rateLimit.requestsPerSecond ?? 0;
	const defaultConcurrency = api.defaultConcurrency;
	return [
		{
			displayName: 'Max Requests per Second',
			name: 'requestsPerSecond',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: defaultPace,
			description: paceDescription,
		},
		{
			displayName: 'Parallel Requests',
			name: 'concurrency',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 50 },
			default: defaultConcurrency,
			description:
				'How many items are sent at the same time. Output keeps the input order either way; without Continue On Fail, items already in flight when one fails still complete.',
		},
	];
}

/** Every transport option of a vendor, in the editor's alphabetical order. */
export function transportOptionFields(api: VendorApi, notes: { retry: string; pace: string; timeout: string }): INodeProperties[] {
	return [
		firstRetryDelayField(api.retry.baseDelayMs / 1000, notes.retry),
		...concurrencyOptionFields(api, notes.pace),
		...retryOptionFields(api.service),
		timeoutField(api.timeoutMs / 1000, notes.timeout),
	];
}

/** Options collections list their fields alphabetically, as n8n's editor expects. */
export function sortedByDisplayName(fields: INodeProperties[]): INodeProperties[] {
	return [...fields].sort((a, b) => a.displayName.localeCompare(b.displayName));
}

/** Concurrency and pace for one execution, read from Options of the first item. */
export function executionSettingsFrom(context: IExecuteFunctions, api: VendorApi): ExecutionSettings {
	// Only these two are read here (from the first item, as n8n's own nodes read batch settings):
	// every other option is evaluated by its item, once.
	// (n8n throws for a path that is not set unless given a fallback: null stands for "not set".)
	const option = (name: string) => context.getNodeParameter(`options.${name}`, 0, null) ?? undefined;
	const options: IDataObject = { concurrency: option('concurrency'), requestsPerSecond: option('requestsPerSecond') } as IDataObject;
	const check = new ItemChecks(context.getNode(), 0);
	const concurrency =
		options.concurrency === undefined ? api.defaultConcurrency : check.integer('Options > Parallel Requests', options.concurrency);
	if (concurrency < 1 || concurrency > 50) check.fail('Options > Parallel Requests', `must be between 1 and 50, but is ${concurrency}`);
	const requestsPerSecond =
		options.requestsPerSecond === undefined
			? api.rateLimit.requestsPerSecond
			: check.finiteNumber('Options > Max Requests per Second', options.requestsPerSecond);
	return {
		concurrency,
		rateLimit: { ...api.rateLimit, requestsPerSecond: Math.max(0, requestsPerSecond ?? 0) },
		credentialType: api.credentialType,
		tokenField: api.tokenField,
		contactIdOf: api.contactIdOf,
	};
}
