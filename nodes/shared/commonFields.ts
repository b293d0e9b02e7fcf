import type { IDataObject, INodeProperties } from 'n8n-workflow';

import type { SendOptions } from './transport';
import type { ItemChecks } from './validation';

/** Resource "Contact", operation "Create": room for more operations later. */
export function contactResourceFields(createDescription: string): INodeProperties[] {
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
			options: [{ name: 'Create', value: 'create', action: 'Create a contact', description: createDescription }],
			default: 'create',
		},
	];
}

/** displayOptions for the fields of Contact > Create. */
export const showForCreate = { show: { resource: ['contact'], operation: ['create'] } };

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
			description: 'The longest time to spend waiting between retries for one item before giving up',
		},
		{
			displayName: 'Retry Attempts',
			name: 'maxAttempts',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 10 },
			default: 4,
			description: `Attempts per item in all when ${service} is busy (429), fails (5xx) or the connection breaks. Other errors are never retried.`,
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
		typeOptions: { minValue: 0, numberPrecision: 2 },
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
