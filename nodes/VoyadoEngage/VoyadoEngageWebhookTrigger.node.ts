import type { INodeType, INodeTypeDescription, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { setupNotice, STANDARD_WEBHOOK_TOLERANCE_SECONDS, standardWebhookToleranceOption, triggerOptionsField } from '../shared/triggerFields';
import { endpointSetInDashboard, receiveStandardWebhook } from '../shared/webhookDeliveries';
import { testStandardWebhookSecret } from '../shared/webhookSignatures';
import { VOYADO_CONTACT_EVENTS, voyadoEventName, voyadoEventOutput } from './webhookEvents';

export class VoyadoEngageWebhookTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Voyado Engage Webhook Trigger',
		name: 'voyadoEngageWebhookTrigger',
		icon: { light: 'file:voyadoEngage.svg', dark: 'file:voyadoEngage.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{($parameter["events"] || []).join(", ")}}',
		description: "Starts the workflow when Engage sends a signed webhook about a contact (through Svix, where Voyado has enabled webhooks for the tenant)",
		defaults: { name: 'Voyado Engage Webhook Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'voyadoEngageWebhookApi', required: true, testedBy: 'voyadoSigningSecret' }],
		webhooks: [{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'webhook' }],
		properties: [
			setupNotice(
				"Engage's webhooks go through Svix, which Voyado must approve and enable for your tenant. Publish this workflow, add the Production URL above as an endpoint in your Svix portal with the same events, and put the endpoint's signing secret into the credential. Without webhooks, use the Voyado Engage Trigger, which polls the changes feed.",
			),
			{
				displayName: 'Events',
				name: 'events',
				type: 'multiOptions',
				options: VOYADO_CONTACT_EVENTS,
				required: true,
				default: ['contact.created', 'contact.updated'],
				description: 'The events that start the workflow. Others are answered and ignored.',
			},
			triggerOptionsField([standardWebhookToleranceOption]),
		],
	};

	// Engage's endpoints are set in the tenant's Svix portal, not through the Engage API.
	webhookMethods = { default: endpointSetInDashboard };

	// Svix cannot be asked whether a secret is right here: its form is checked.
	methods = { credentialTest: { voyadoSigningSecret: testStandardWebhookSecret } };

	/**
	 * One delivery, signed the Standard Webhooks way Svix signs (svix-id, svix-timestamp,
	 * svix-signature; the webhook-* names too): a missing or wrong signature, or a stale timestamp,
	 * is answered 401 and starts nothing; an id seen before is answered 200 and starts nothing; an
	 * event not chosen is answered 200 and ignored. Otherwise one item, the event.
	 */
	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await receiveStandardWebhook(this, {
			credentialType: 'voyadoEngageWebhookApi',
			headerPrefixes: ['svix', 'webhook'],
			defaultToleranceSeconds: STANDARD_WEBHOOK_TOLERANCE_SECONDS,
			eventOf: voyadoEventName,
			outputOf: voyadoEventOutput,
		});
	}
}
