import type { INodeType, INodeTypeDescription, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { endpointSetInDashboard, receiveStandardWebhook } from '../shared/webhookDeliveries';
import { setupNotice, STANDARD_WEBHOOK_TOLERANCE_SECONDS, standardWebhookToleranceOption, triggerOptionsField } from '../shared/triggerFields';
import { testStandardWebhookSecret } from '../shared/webhookSignatures';
import { LOOPS_EVENTS, loopsEventOutput } from './webhookEvents';

export class LoopsTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Loops Trigger',
		name: 'loopsTrigger',
		icon: { light: 'file:loops.svg', dark: 'file:loops.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{($parameter["events"] || []).join(", ")}}',
		description: 'Starts the workflow when Loops sends a signed webhook event: contact created, unsubscribed or deleted, list changes, email events',
		defaults: { name: 'Loops Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'loopsWebhookApi', required: true, testedBy: 'loopsSigningSecret' }],
		webhooks: [{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'webhook' }],
		properties: [
			setupNotice(
				'Loops has one webhook endpoint per account, set in its dashboard: publish this workflow, copy the Production URL above into Loops under Settings > Webhooks, turn on the events there, and put the signing secret Loops shows into the credential.',
			),
			{
				displayName: 'Events',
				name: 'events',
				type: 'multiOptions',
				options: LOOPS_EVENTS,
				required: true,
				default: ['contact.created'],
				description: 'The events that start the workflow. Others that Loops sends are answered and ignored. Loops has no "contact updated" event.',
			},
			triggerOptionsField([standardWebhookToleranceOption]),
		],
	};

	// Loops has no API to register an endpoint: the user pastes the URL into its dashboard.
	webhookMethods = { default: endpointSetInDashboard };

	// Loops cannot be asked whether a secret is right: its form is checked.
	methods = { credentialTest: { loopsSigningSecret: testStandardWebhookSecret } };

	/**
	 * One delivery: a missing or wrong signature, or a stale timestamp, is answered 401 and starts
	 * nothing; a webhook-id seen before (Loops retrying, or a replay) is answered 200 and starts
	 * nothing; an event not chosen is answered 200 and ignored. Otherwise one item, the event.
	 */
	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await receiveStandardWebhook(this, {
			credentialType: 'loopsWebhookApi',
			headerPrefixes: ['webhook'],
			defaultToleranceSeconds: STANDARD_WEBHOOK_TOLERANCE_SECONDS,
			eventOf: (body) => (typeof body.eventName === 'string' ? body.eventName : undefined),
			outputOf: loopsEventOutput,
		});
	}
}
