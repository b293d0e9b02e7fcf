import type { ICredentialType, Icon, INodeProperties } from 'n8n-workflow';

/** The client secret of the Intercom app whose webhooks the Intercom Trigger verifies (X-Hub-Signature). */
export class IntercomWebhookApi implements ICredentialType {
	name = 'intercomWebhookApi';

	displayName = 'Intercom Webhook API';

	icon: Icon = { light: 'file:../nodes/Intercom/intercom.svg', dark: 'file:../nodes/Intercom/intercom.dark.svg' };

	documentationUrl = 'https://developers.intercom.com/docs/webhooks/setting-up-webhooks';

	properties: INodeProperties[] = [
		{
			displayName: 'Client Secret',
			name: 'clientSecret',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			description: "Your app's client secret: Intercom Developer Hub > your app > Basic information. Intercom signs every webhook delivery with it.",
		},
	];
}
