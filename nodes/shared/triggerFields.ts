import type { INodeProperties } from 'n8n-workflow';

/** The steps a trigger needs outside n8n (the vendor's dashboard, a feed to activate), said at the top. */
export function setupNotice(text: string): INodeProperties {
	return { displayName: text, name: 'setupNotice', type: 'notice', default: '' };
}

/** A trigger's Options collection. */
export function triggerOptionsField(options: INodeProperties[]): INodeProperties {
	return { displayName: 'Options', name: 'options', type: 'collection', placeholder: 'Add Option', default: {}, options };
}

/** Options > Max Delivery Age (Seconds), for the webhook triggers: older deliveries are refused as stale. */
export function maxDeliveryAgeOption(name: string, minValue: number, defaultSeconds: number, description: string): INodeProperties {
	return { displayName: 'Max Delivery Age (Seconds)', name, type: 'number', typeOptions: { minValue }, default: defaultSeconds, description };
}

/** Options > Start From, for the polling triggers: where the very first check starts. */
export const startFromOption: INodeProperties = {
	displayName: 'Start From',
	name: 'startFrom',
	type: 'dateTime',
	default: '',
	description: 'Where the first check starts, for changes made before the workflow was published. Empty: from the first check on.',
};

/** Simplify on a polling trigger's items, n8n's wording. */
export const triggerSimplifyField: INodeProperties = {
	displayName: 'Simplify',
	name: 'simplify',
	type: 'boolean',
	default: true,
	description: 'Whether to return a simplified version of the response instead of the raw data',
};

/** Standard Webhooks' default tolerance for a delivery's signed timestamp: 5 minutes. */
export const STANDARD_WEBHOOK_TOLERANCE_SECONDS = 300;

/** Options > Max Delivery Age of a Standard Webhooks trigger (Loops, Voyado's Svix). */
export const standardWebhookToleranceOption = maxDeliveryAgeOption(
	'toleranceSeconds',
	30,
	STANDARD_WEBHOOK_TOLERANCE_SECONDS,
	"A delivery signed longer ago than this (or ahead of this machine's clock by more) is refused as stale, so it cannot be replayed",
);

/** A webhook credential's one field: the Standard Webhooks signing secret (whsec_...). */
export function signingSecretField(description: string): INodeProperties {
	return {
		displayName: 'Signing Secret',
		name: 'signingSecret',
		type: 'string',
		typeOptions: { password: true },
		required: true,
		default: '',
		placeholder: 'whsec_...',
		description,
	};
}
