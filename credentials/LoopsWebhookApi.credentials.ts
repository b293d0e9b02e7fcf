import type { ICredentialType, Icon, INodeProperties } from 'n8n-workflow';

import { signingSecretField } from '../nodes/shared/triggerFields';

/** The signing secret of the Loops account's webhook endpoint, which the Loops Trigger verifies deliveries with. */
export class LoopsWebhookApi implements ICredentialType {
	name = 'loopsWebhookApi';

	displayName = 'Loops Webhook API';

	icon: Icon = { light: 'file:../nodes/Loops/loops.svg', dark: 'file:../nodes/Loops/loops.dark.svg' };

	documentationUrl = 'https://loops.so/docs/webhooks';

	properties: INodeProperties[] = [signingSecretField('Shown in Loops under Settings > Webhooks once the endpoint URL is saved; it starts with whsec_')];
}
