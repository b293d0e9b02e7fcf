import type { ICredentialType, Icon, INodeProperties } from 'n8n-workflow';

/** The signing secret of the Svix endpoint Voyado sends Engage's webhooks to, which the webhook trigger verifies deliveries with. */
export class VoyadoEngageWebhookApi implements ICredentialType {
	name = 'voyadoEngageWebhookApi';

	displayName = 'Voyado Engage Webhook API';

	icon: Icon = { light: 'file:../nodes/VoyadoEngage/voyadoEngage.svg', dark: 'file:../nodes/VoyadoEngage/voyadoEngage.dark.svg' };

	documentationUrl = 'https://developer.voyado.com/docs/webhooks/webhooks';

	properties: INodeProperties[] = [
		{
			displayName: 'Signing Secret',
			name: 'signingSecret',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			placeholder: 'whsec_...',
			description: "The endpoint's signing secret in Voyado's Svix portal (it starts with whsec_)",
		},
	];
}
