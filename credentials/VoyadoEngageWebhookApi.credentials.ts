import type { ICredentialType, Icon, INodeProperties } from 'n8n-workflow';

import { signingSecretField } from '../nodes/shared/triggerFields';

/** The signing secret of the Svix endpoint Voyado sends Engage's webhooks to, which the webhook trigger verifies deliveries with. */
export class VoyadoEngageWebhookApi implements ICredentialType {
	name = 'voyadoEngageWebhookApi';

	displayName = 'Voyado Engage Webhook API';

	icon: Icon = { light: 'file:../nodes/VoyadoEngage/voyadoEngage.svg', dark: 'file:../nodes/VoyadoEngage/voyadoEngage.dark.svg' };

	documentationUrl = 'https://developer.voyado.com/docs/webhooks/webhooks';

	properties: INodeProperties[] = [signingSecretField("The endpoint's signing secret in Voyado's Svix portal (it starts with whsec_)")];
}
