import { createHmac } from 'crypto';

import { checkStandardWebhookSecret, verifyHubSignature, verifyStandardWebhook } from '../nodes/shared/webhookSignatures';
import { loopsEventOutput } from '../nodes/Loops/webhookEvents';
import { intercomEventOutput } from '../nodes/Intercom/webhookTopics';
import { voyadoEventOutput } from '../nodes/VoyadoEngage/webhookEvents';

// A Standard Webhooks secret: whsec_ and base64 of 32 bytes.
const KEY = Buffer.alloc(32, 7);
const SECRET = `whsec_${KEY.toString('base64')}`;
const NOW = 1_765_000_000;
const sign = (id: string, timestamp: number, body: string, key = KEY) => createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest('base64');

describe('Standard Webhooks signatures (Loops; Svix for Voyado)', () => {
	const body = '{"eventName":"contact.created","contactIdentity":{"id":"c1","email":"ada@example.com"}}';

	test('a delivery signed with the secret, now, is accepted; one of several v1 signatures is enough (secret rotation)', () => {
		const signature = sign('msg_1', NOW, body);

		expect(verifyStandardWebhook(SECRET, { id: 'msg_1', timestamp: String(NOW), signature: `v1,${signature}` }, body, 300, NOW)).toEqual({ ok: true });
		expect(verifyStandardWebhook(SECRET, { id: 'msg_1', timestamp: String(NOW), signature: `v1,bm90IGl0 v1,${signature}` }, body, 300, NOW)).toEqual({ ok: true });
	});

	test.each([
		['another secret', { id: 'msg_1', timestamp: String(NOW), signature: `v1,${sign('msg_1', NOW, body, Buffer.alloc(32, 8))}` }, body, /does not match/],
		['a body changed after signing', { id: 'msg_1', timestamp: String(NOW), signature: `v1,${sign('msg_1', NOW, body)}` }, body.replace('ada', 'eve'), /does not match/],
		['another delivery id', { id: 'msg_2', timestamp: String(NOW), signature: `v1,${sign('msg_1', NOW, body)}` }, body, /does not match/],
		['a signature of another version', { id: 'msg_1', timestamp: String(NOW), signature: `v2,${sign('msg_1', NOW, body)}` }, body, /does not match/],
		['no signature header', { id: 'msg_1', timestamp: String(NOW) }, body, /header is missing/],
		['signed 301 seconds ago', { id: 'msg_1', timestamp: String(NOW - 301), signature: `v1,${sign('msg_1', NOW - 301, body)}` }, body, /more than 300 seconds away/],
		['signed 301 seconds ahead', { id: 'msg_1', timestamp: String(NOW + 301), signature: `v1,${sign('msg_1', NOW + 301, body)}` }, body, /more than 300 seconds away/],
		['a timestamp that is not seconds', { id: 'msg_1', timestamp: '2026-12-06T10:00:00Z', signature: `v1,${sign('msg_1', NOW, body)}` }, body, /not a number of seconds/],
	])('refused: %s', (_name, headers, received, reason) => {
		const verdict = verifyStandardWebhook(SECRET, headers, received, 300, NOW);

		expect(verdict.ok).toBe(false);
		expect(verdict.ok ? '' : verdict.reason).toMatch(reason);
	});

	test("the credential test checks the secret's form", () => {
		expect(checkStandardWebhookSecret(SECRET).status).toBe('OK');
		expect(checkStandardWebhookSecret(KEY.toString('base64')).message).toMatch(/starts with whsec_/);
		expect(checkStandardWebhookSecret('whsec_short').message).toMatch(/base64 of at least 24 bytes/);
	});
});

describe("Intercom's X-Hub-Signature", () => {
	const body = '{"type":"notification_event","topic":"contact.user.created","id":"notif_1"}';
	const hub = (secret: string, text: string) => `sha1=${createHmac('sha1', secret).update(text).digest('hex')}`;

	test('the HMAC-SHA1 of the raw body with the client secret is accepted; anything else is refused', () => {
		expect(verifyHubSignature('client-secret', hub('client-secret', body), body)).toEqual({ ok: true });
		expect(verifyHubSignature('client-secret', hub('client-secret', body).toUpperCase().replace('SHA1=', 'sha1='), body)).toEqual({ ok: true });
		expect(verifyHubSignature('client-secret', hub('other-secret', body), body)).toEqual({ ok: false, reason: 'the signature does not match' });
		expect(verifyHubSignature('client-secret', hub('client-secret', body), `${body} `)).toEqual({ ok: false, reason: 'the signature does not match' });
		expect(verifyHubSignature('client-secret', undefined, body)).toEqual({ ok: false, reason: 'the X-Hub-Signature header is missing' });
	});
});

describe('Loops Trigger output', () => {
	test('one shape for every event: the contact (identity, and the full contact where Loops sends one), the list or message, the raw payload', () => {
		const created = { eventName: 'contact.created', eventTime: 1734425918, webhookSchemaVersion: '1.0.0', contactIdentity: { id: 'c1', email: 'ada@example.com', userId: null }, contact: { id: 'c1', email: 'ada@example.com', firstName: 'Ada' } };
		const listed = { eventName: 'contact.mailingList.subscribed', eventTime: 1734425918, contactIdentity: { id: 'c1', email: 'ada@example.com', userId: 'u1' }, mailingList: { id: 'l1', name: 'News' } };

		expect(loopsEventOutput(created, 'msg_1')).toEqual({
			event: 'contact.created',
			eventTime: '2024-12-17T08:58:38.000Z',
			deliveryId: 'msg_1',
			contact: { id: 'c1', email: 'ada@example.com', userId: null, firstName: 'Ada' },
			mailingList: null,
			email: null,
			payload: created,
		});
		expect(Object.keys(loopsEventOutput(listed, 'msg_2'))).toEqual(Object.keys(loopsEventOutput(created, 'msg_1')));
		expect(loopsEventOutput(listed, 'msg_2')).toMatchObject({ contact: { id: 'c1', email: 'ada@example.com', userId: 'u1' }, mailingList: { id: 'l1', name: 'News' } });
	});
});

describe('Intercom Contacts Trigger output', () => {
	test("one shape for every topic: the notification's contact (a tag topic's contact too), and the raw notification", () => {
		const contact = { type: 'contact', id: 'c1', email: 'ada@example.com', role: 'user' };
		const created = { type: 'notification_event', id: 'notif_1', topic: 'contact.user.created', created_at: 1734425918, data: { type: 'notification_event_data', item: contact } };
		const tagged = { type: 'notification_event', id: 'notif_2', topic: 'contact.tag.created', created_at: 1734425918, data: { item: { type: 'contact_tag', tag: { id: 't1', name: 'VIP' }, contact } } };

		expect(intercomEventOutput(created)).toEqual({ topic: 'contact.user.created', notificationId: 'notif_1', createdAt: '2024-12-17T08:58:38.000Z', contact, payload: created });
		expect(intercomEventOutput(tagged)).toMatchObject({ topic: 'contact.tag.created', contact });
		expect(Object.keys(intercomEventOutput(tagged))).toEqual(Object.keys(intercomEventOutput(created)));
	});
});

describe('Voyado Engage Webhook Trigger output', () => {
	test("one shape whatever the tenant's Svix payload: the event, the contact id where it is found, the data, the raw payload", () => {
		const nested = { type: 'contact.acceptsEmail.changed', timestamp: '2026-12-06T10:00:00Z', data: { contactId: '2e40b702-2767-4abe-ae99-aa510108e22b', acceptsEmail: false } };
		const flat = { eventType: 'contact.deleted', contactId: '2e40b702-2767-4abe-ae99-aa510108e22b' };

		expect(voyadoEventOutput(nested, 'msg_1')).toEqual({ event: 'contact.acceptsEmail.changed', deliveryId: 'msg_1', contactId: '2e40b702-2767-4abe-ae99-aa510108e22b', data: nested.data, payload: nested });
		expect(voyadoEventOutput(flat, 'msg_2')).toEqual({ event: 'contact.deleted', deliveryId: 'msg_2', contactId: '2e40b702-2767-4abe-ae99-aa510108e22b', data: flat, payload: flat });
	});
});
