import type { IDataObject, INodePropertyOptions } from 'n8n-workflow';

/** Loops' webhook events (loops.so/docs/webhooks), as the Events list shows them. */
export const LOOPS_EVENTS: INodePropertyOptions[] = [
	{ name: 'Campaign Email Sent', value: 'campaign.email.sent' },
	{ name: 'Contact Created', value: 'contact.created' },
	{ name: 'Contact Deleted', value: 'contact.deleted' },
	{ name: 'Contact Subscribed to a Mailing List', value: 'contact.mailingList.subscribed' },
	{ name: 'Contact Unsubscribed', value: 'contact.unsubscribed' },
	{ name: 'Contact Unsubscribed From a Mailing List', value: 'contact.mailingList.unsubscribed' },
	{ name: 'Email Clicked', value: 'email.clicked' },
	{ name: 'Email Delivered', value: 'email.delivered' },
	{ name: 'Email Hard Bounced', value: 'email.hardBounced' },
	{ name: 'Email Opened', value: 'email.opened' },
	{ name: 'Email Resubscribed', value: 'email.resubscribed' },
	{ name: 'Email Soft Bounced', value: 'email.softBounced' },
	{ name: 'Email Spam Reported', value: 'email.spamReported' },
	{ name: 'Email Unsubscribed', value: 'email.unsubscribed' },
	{ name: 'Loop Email Sent', value: 'loop.email.sent' },
	{ name: 'Test Event (From the Loops Dashboard)', value: 'testing.testEvent' },
	{ name: 'Transactional Email Sent', value: 'transactional.email.sent' },
];

const objectOrNull = (value: unknown): IDataObject | null => (value && typeof value === 'object' && !Array.isArray(value) ? (value as IDataObject) : null);

/**
 * Every Loops Trigger item: `{ event, eventTime, deliveryId, contact, mailingList, email, payload }`.
 * `contact` is the event's contact: Loops' contactIdentity (id, email, userId), with the full
 * contact merged in where the event carries one (contact.created); `mailingList` and `email` are
 * the list or the message the event is about, null when it is about neither; `eventTime` is ISO
 * 8601; `payload` is the delivery as Loops sent it.
 */
export function loopsEventOutput(body: IDataObject, deliveryId: string): IDataObject {
	const identity = objectOrNull(body.contactIdentity) ?? {};
	const full = objectOrNull(body.contact) ?? {};
	const seconds = Number(body.eventTime);
	return {
		event: body.eventName,
		eventTime: Number.isFinite(seconds) && seconds > 0 ? new Date(seconds * 1000).toISOString() : null,
		deliveryId,
		contact: { id: identity.id ?? full.id ?? null, email: identity.email ?? full.email ?? null, userId: identity.userId ?? full.userId ?? null, ...full },
		mailingList: objectOrNull(body.mailingList),
		email: objectOrNull(body.email),
		payload: body,
	};
}
