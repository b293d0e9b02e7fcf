import type { IDataObject, INodePropertyOptions } from 'n8n-workflow';

/** Intercom's contact webhook topics (two-way-sync.md), as the Topics list shows them. */
export const INTERCOM_CONTACT_TOPICS: INodePropertyOptions[] = [
	{ name: 'Contact Archived', value: 'contact.archived' },
	{ name: 'Contact Deleted', value: 'contact.deleted' },
	{ name: 'Contact Email Updated', value: 'contact.email.updated' },
	{ name: 'Contact Merged', value: 'contact.merged' },
	{ name: 'Contact Tag Added', value: 'contact.tag.created' },
	{ name: 'Contact Tag Removed', value: 'contact.tag.deleted' },
	{ name: 'Contact Unarchived', value: 'contact.unarchived' },
	{ name: 'Contact Unsubscribed', value: 'contact.unsubscribed' },
	{ name: 'Lead Created', value: 'contact.lead.created' },
	{ name: 'Lead Updated', value: 'contact.lead.updated' },
	{ name: 'User Created', value: 'contact.user.created' },
	{ name: 'User Updated', value: 'contact.user.updated' },
];

const objectOrNull = (value: unknown): IDataObject | null => (value && typeof value === 'object' && !Array.isArray(value) ? (value as IDataObject) : null);

/**
 * Every Intercom Trigger item: `{ topic, notificationId, createdAt, contact, payload }`. `contact`
 * is the contact the notification is about: `data.item` when it is a contact, else its `contact`
 * (tag topics send the tag with the contact); `createdAt` is ISO 8601; `payload` is the
 * notification as Intercom sent it.
 */
export function intercomEventOutput(body: IDataObject): IDataObject {
	const item = objectOrNull(objectOrNull(body.data)?.item);
	const contact = item && item.type !== 'contact' && objectOrNull(item.contact) ? objectOrNull(item.contact) : item;
	const seconds = Number(body.created_at);
	return {
		topic: body.topic,
		notificationId: body.id,
		createdAt: Number.isFinite(seconds) && seconds > 0 ? new Date(seconds * 1000).toISOString() : null,
		contact,
		payload: body,
	};
}

/** When Intercom first sent the notification (Unix seconds, inside the signed body), for the age check. */
export function firstSentAt(body: IDataObject): number | undefined {
	const seconds = Number(body.first_sent_at ?? body.created_at);
	return Number.isFinite(seconds) && seconds > 0 ? seconds : undefined;
}
