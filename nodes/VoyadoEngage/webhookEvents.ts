import type { IDataObject, INodePropertyOptions } from 'n8n-workflow';

/** Engage's contact webhooks (developer.voyado.com, Webhooks), as the Events list shows them. */
export const VOYADO_CONTACT_EVENTS: INodePropertyOptions[] = [
	{ name: 'Contact Consent Changed', value: 'contact.consent.changed' },
	{ name: 'Contact Created', value: 'contact.created' },
	{ name: 'Contact Deleted', value: 'contact.deleted' },
	{ name: 'Contact Email Preference Changed', value: 'contact.acceptsEmail.changed' },
	{ name: 'Contact Postal Preference Changed', value: 'contact.acceptsPostal.changed' },
	{ name: 'Contact SMS Preference Changed', value: 'contact.acceptsSms.changed' },
	{ name: 'Contact Updated', value: 'contact.updated' },
];

const objectOrNull = (value: unknown): IDataObject | null => (value && typeof value === 'object' && !Array.isArray(value) ? (value as IDataObject) : null);

/** The event's name: Svix's `type` as its payloads usually carry it, else `eventType` or `event` (the payload is set per tenant). */
export function voyadoEventName(body: IDataObject): string | undefined {
	const name = body.type ?? body.eventType ?? body.event;
	return typeof name === 'string' ? name : undefined;
}

/**
 * Every Voyado Engage Webhook Trigger item: `{ event, deliveryId, contactId, data, payload }`.
 * Engage's payloads are specified per tenant in its Svix portal, so the contact id is read where
 * it is found (`data.contactId`, `data.id`, `contactId`), else null; `data` is the payload's
 * `data` object (else the payload); `payload` is the delivery as sent.
 */
export function voyadoEventOutput(body: IDataObject, deliveryId: string): IDataObject {
	const data = objectOrNull(body.data);
	const contactId = data?.contactId ?? data?.id ?? body.contactId ?? null;
	return { event: voyadoEventName(body) ?? null, deliveryId, contactId, data: data ?? body, payload: body };
}
