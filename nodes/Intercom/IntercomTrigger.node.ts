import type {
	ICredentialTestFunctions,
	ICredentialsDecrypted,
	IDataObject,
	INodeCredentialTestResult,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { acknowledgeDelivery, endpointSetInDashboard, rawBodyOf, refuseDelivery, seenBefore } from '../shared/webhookDeliveries';
import { maxDeliveryAgeOption, setupNotice, triggerOptionsField } from '../shared/triggerFields';
import { verifyHubSignature } from '../shared/webhookSignatures';
import { firstSentAt, INTERCOM_CONTACT_TOPICS, intercomEventOutput } from './webhookTopics';

const DEFAULT_MAX_AGE_SECONDS = 3600;

export class IntercomTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Intercom Contacts Trigger',
		name: 'intercomTrigger',
		icon: { light: 'file:intercom.svg', dark: 'file:intercom.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{($parameter["topics"] || []).join(", ")}}',
		description: "Starts the workflow when Intercom sends a signed webhook about a contact (created, updated, deleted, archived, unsubscribed, tagged...)",
		defaults: { name: 'Intercom Contacts Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'intercomWebhookApi', required: true, testedBy: 'intercomClientSecret' }],
		webhooks: [{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'webhook' }],
		properties: [
			setupNotice(
				"Intercom sends webhooks to the URL set in your app: publish this workflow, then in Intercom's Developer Hub open your app > Webhooks, paste the Production URL above as the endpoint, and pick the same topics there. The credential holds the app's client secret, which signs every delivery. Without an app, use the Intercom Contacts Polling Trigger, which needs only the access token.",
			),
			{
				displayName: 'Topics',
				name: 'topics',
				type: 'multiOptions',
				options: INTERCOM_CONTACT_TOPICS,
				required: true,
				default: ['contact.user.created', 'contact.user.updated'],
				description: 'The topics that start the workflow. Others that Intercom sends (and its ping) are answered and ignored.',
			},
			triggerOptionsField([
				maxDeliveryAgeOption(
					'maxAgeSeconds',
					60,
					DEFAULT_MAX_AGE_SECONDS,
					"A notification Intercom first sent longer ago than this is refused as stale (its time is inside the signed body), so an old delivery cannot be replayed. Intercom's retries of a failed delivery within this time are accepted once.",
				),
			]),
		],
	};

	// Intercom's webhooks are set in the app's Developer Hub, not through the REST API.
	webhookMethods = { default: endpointSetInDashboard };

	methods = {
		credentialTest: {
			/** Intercom cannot be asked whether a client secret is right: its form is checked. */
			async intercomClientSecret(this: ICredentialTestFunctions, credential: ICredentialsDecrypted): Promise<INodeCredentialTestResult> {
				const secret = String(credential.data?.clientSecret ?? '');
				if (secret.trim() === '' || /\s/.test(secret.trim())) return { status: 'Error', message: "Paste the app's client secret, in one piece, from the Developer Hub (Basic information)" };
				return { status: 'OK', message: 'The client secret is set. Deliveries signed with another secret will be refused (401).' };
			},
		},
	};

	/**
	 * One delivery: a missing or wrong X-Hub-Signature is answered 401, and so is a notification
	 * first sent longer ago than the max age; a notification id seen before (Intercom retrying, or
	 * a replay) is answered 200 and starts nothing; a topic not chosen (and ping) is answered 200
	 * and ignored. Otherwise one item, the notification's contact.
	 */
	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const credentials = await this.getCredentials('intercomWebhookApi');
		const options = this.getNodeParameter('options', {}) as IDataObject;
		const maxAge = Number(options.maxAgeSeconds ?? DEFAULT_MAX_AGE_SECONDS) || DEFAULT_MAX_AGE_SECONDS;
		const header = this.getHeaderData()['x-hub-signature'];
		const verdict = verifyHubSignature(String(credentials.clientSecret ?? ''), typeof header === 'string' ? header : undefined, rawBodyOf(this));
		if (!verdict.ok) return refuseDelivery(this, 401, `Refused: ${verdict.reason}.`);

		const body = this.getBodyData();
		const sentAt = firstSentAt(body);
		if (sentAt !== undefined && Math.floor(Date.now() / 1000) - sentAt > maxAge) {
			return refuseDelivery(this, 401, `Refused: the notification was first sent more than ${maxAge} seconds ago (stale or replayed).`);
		}
		const id = typeof body.id === 'string' && body.id !== '' ? body.id : undefined;
		if (id !== undefined && seenBefore(this, id, maxAge * 2)) return acknowledgeDelivery(this, `Notification ${id} was received before; ignored.`);
		const topics = this.getNodeParameter('topics', []) as string[];
		if (typeof body.topic !== 'string' || !topics.includes(body.topic)) {
			return acknowledgeDelivery(this, `Topic ${String(body.topic)} is not one this trigger listens to; ignored.`);
		}
		return { workflowData: [[{ json: intercomEventOutput(body) }]] };
	}
}
