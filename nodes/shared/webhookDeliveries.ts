import type { IDataObject, IHookFunctions, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import { verifyStandardWebhook } from './webhookSignatures';

/**
 * Refuses a delivery: answers `status` with a short reason and starts no execution. The reason
 * says what failed, never the secret or the expected signature.
 */
export function refuseDelivery(context: IWebhookFunctions, status: number, reason: string): IWebhookResponseData {
	const response = context.getResponseObject();
	response.status(status).json({ accepted: false, reason });
	return { noWebhookResponse: true };
}

/** Answers 200 and starts no execution: a delivery the node ignores on purpose (an event not chosen, a repeat). */
export function acknowledgeDelivery(context: IWebhookFunctions, reason: string): IWebhookResponseData {
	const response = context.getResponseObject();
	response.status(200).json({ accepted: false, reason });
	return { noWebhookResponse: true };
}

/** The raw request body as the vendor signed it (n8n keeps it as rawBody), else the parsed body re-serialised. */
export function rawBodyOf(context: IWebhookFunctions): string {
	const request = context.getRequestObject() as { rawBody?: Buffer | string; body?: unknown };
	if (Buffer.isBuffer(request.rawBody)) return request.rawBody.toString('utf8');
	if (typeof request.rawBody === 'string') return request.rawBody;
	return JSON.stringify(request.body ?? {});
}

/**
 * Delivery ids already received, kept in the workflow's static data for `keepSeconds` (longer
 * than the signature's tolerance, after which a repeat is refused as stale anyway), so the list
 * stays small. Returns true when `id` was seen before; records it otherwise.
 */
export function seenBefore(context: IWebhookFunctions, id: string, keepSeconds: number, nowSeconds = Math.floor(Date.now() / 1000)): boolean {
	const data = context.getWorkflowStaticData('node');
	const seen = (data.deliveries as IDataObject | undefined) ?? {};
	for (const [known, at] of Object.entries(seen)) if (nowSeconds - Number(at) > keepSeconds) delete seen[known];
	const repeated = Object.prototype.hasOwnProperty.call(seen, id);
	if (!repeated) seen[id] = nowSeconds;
	data.deliveries = seen;
	return repeated;
}

/**
 * webhookMethods for a vendor whose endpoint is set in its dashboard, not through an API (Loops,
 * Intercom, Voyado): nothing to register or remove, so n8n activates the trigger as it is.
 */
export const endpointSetInDashboard = {
	async checkExists(this: IHookFunctions): Promise<boolean> {
		return true;
	},
	async create(this: IHookFunctions): Promise<boolean> {
		return true;
	},
	async delete(this: IHookFunctions): Promise<boolean> {
		return true;
	},
};

/** What a Standard Webhooks trigger (Loops, Voyado through Svix) says about its own deliveries. */
export interface StandardWebhookTrigger {
	credentialType: string;
	/** Header prefixes to read the id, timestamp and signature under, first found wins (`webhook`, `svix`). */
	headerPrefixes: string[];
	defaultToleranceSeconds: number;
	/** The event named in the delivery's body, if any. */
	eventOf: (body: IDataObject) => string | undefined;
	/** The item a chosen event gives. */
	outputOf: (body: IDataObject, deliveryId: string) => IDataObject;
}

/**
 * One Standard Webhooks delivery: a missing or wrong signature, or a stale timestamp, is answered
 * 401 and starts nothing; an id seen before is answered 200 and starts nothing; an event not in the
 * node's Events is answered 200 and ignored. Otherwise one item.
 */
export async function receiveStandardWebhook(context: IWebhookFunctions, trigger: StandardWebhookTrigger): Promise<IWebhookResponseData> {
	const credentials = await context.getCredentials(trigger.credentialType);
	const options = context.getNodeParameter('options', {}) as IDataObject;
	const tolerance = Number(options.toleranceSeconds ?? trigger.defaultToleranceSeconds) || trigger.defaultToleranceSeconds;
	const headers = context.getHeaderData();
	const header = (name: string) => {
		const value = trigger.headerPrefixes.map((prefix) => headers[`${prefix}-${name}`]).find((found) => found !== undefined);
		return typeof value === 'string' ? value : undefined;
	};
	const id = header('id');
	const verdict = verifyStandardWebhook(String(credentials.signingSecret ?? ''), { id, timestamp: header('timestamp'), signature: header('signature') }, rawBodyOf(context), tolerance);
	if (!verdict.ok) return refuseDelivery(context, 401, `Refused: ${verdict.reason}.`);
	if (seenBefore(context, id as string, tolerance * 2)) return acknowledgeDelivery(context, `Delivery ${id} was received before; ignored.`);

	const body = context.getBodyData();
	const events = context.getNodeParameter('events', []) as string[];
	const event = trigger.eventOf(body);
	if (event === undefined || !events.includes(event)) return acknowledgeDelivery(context, `Event ${String(event)} is not one this trigger listens to; ignored.`);
	return { workflowData: [[{ json: trigger.outputOf(body, id as string) }]] };
}
