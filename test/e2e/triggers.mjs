// The triggers in real n8n, on every n8n line of the matrix, with published (active) workflows:
// a delivery signed as the vendor signs it starts exactly one execution, whose output reaches a
// loopback sink; a wrongly signed, stale or replayed delivery, and an event not chosen, start none
// and get the documented status.
import { createHmac, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { N8N_LINE, n8nOk, PACKAGE_OF, startSink } from './lib.mjs';

const LOOPS_KEY = Buffer.alloc(32, 11);
const LOOPS_SECRET = `whsec_${LOOPS_KEY.toString('base64')}`;
const LOOPS_WEBHOOK_ID = randomUUID();
const INTERCOM_SECRET = 'e2e-intercom-client-secret';
const INTERCOM_WEBHOOK_ID = randomUUID();
const VOYADO_KEY = Buffer.alloc(32, 21);
const VOYADO_WEBHOOK_ID = randomUUID();
const SINK_PORT = 5699;

/** Trigger -> HTTP Request posting the trigger's item to the sink, so each execution's output is seen. */
function triggerWorkflow(id, trigger) {
	return {
		id,
		name: `Trigger: ${id}`,
		active: false,
		settings: { executionOrder: 'v1' },
		nodes: [
			{ id: `${id}-trigger`, name: 'Trigger', position: [0, 0], ...trigger },
			{
				id: `${id}-sink`,
				name: 'Sink',
				type: 'n8n-nodes-base.httpRequest',
				typeVersion: 4.2,
				position: [220, 0],
				parameters: { method: 'POST', url: `http://127.0.0.1:${SINK_PORT}/${id}`, sendBody: true, specifyBody: 'json', jsonBody: '={{ JSON.stringify($json) }}', options: {} },
			},
		],
		connections: { Trigger: { main: [[{ node: 'Sink', type: 'main', index: 0 }]] } },
		pinData: {},
	};
}

const WORKFLOWS = [
	triggerWorkflow('triggerLoops', {
		type: `${PACKAGE_OF.loops}.loopsTrigger`,
		typeVersion: 1,
		webhookId: LOOPS_WEBHOOK_ID,
		parameters: { events: ['contact.created', 'contact.unsubscribed'], options: {} },
		credentials: { loopsWebhookApi: { id: 'loopsWebhookCred', name: 'Loops webhook (e2e)' } },
	}),
	triggerWorkflow('triggerIntercom', {
		type: `${PACKAGE_OF.intercom}.intercomTrigger`,
		typeVersion: 1,
		webhookId: INTERCOM_WEBHOOK_ID,
		parameters: { topics: ['contact.user.created', 'contact.deleted'], options: {} },
		credentials: { intercomWebhookApi: { id: 'intercomWebhookCred', name: 'Intercom webhook (e2e)' } },
	}),
	triggerWorkflow('triggerVoyado', {
		type: `${PACKAGE_OF.voyado}.voyadoEngageWebhookTrigger`,
		typeVersion: 1,
		webhookId: VOYADO_WEBHOOK_ID,
		parameters: { events: ['contact.acceptsEmail.changed'], options: {} },
		credentials: { voyadoEngageWebhookApi: { id: 'voyadoWebhookCred', name: 'Voyado webhook (e2e)' } },
	}),
];

/** Imports the credentials and workflows and publishes them (before `n8n start`, which registers their webhooks). */
export async function importTriggerWorkflows(userFolder) {
	const dir = mkdtempSync(join(tmpdir(), 'contacts-triggers-'));
	writeFileSync(
		join(dir, 'credentials.json'),
		JSON.stringify([
			{ id: 'loopsWebhookCred', name: 'Loops webhook (e2e)', type: 'loopsWebhookApi', data: { signingSecret: LOOPS_SECRET } },
			{ id: 'intercomWebhookCred', name: 'Intercom webhook (e2e)', type: 'intercomWebhookApi', data: { clientSecret: INTERCOM_SECRET } },
			{ id: 'voyadoWebhookCred', name: 'Voyado webhook (e2e)', type: 'voyadoEngageWebhookApi', data: { signingSecret: `whsec_${VOYADO_KEY.toString('base64')}` } },
		]),
	);
	await n8nOk(userFolder, ['import:credentials', `--input=${join(dir, 'credentials.json')}`]);
	writeFileSync(join(dir, 'workflows.json'), JSON.stringify(WORKFLOWS));
	await n8nOk(userFolder, ['import:workflow', `--input=${join(dir, 'workflows.json')}`]);
	for (const workflow of WORKFLOWS) {
		await n8nOk(userFolder, N8N_LINE === '1' ? ['update:workflow', `--id=${workflow.id}`, '--active=true'] : ['publish:workflow', `--id=${workflow.id}`]);
	}
	rmSync(dir, { recursive: true, force: true });
}


const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** A Loops delivery as Loops sends it: Standard Webhooks headers, signed `at` (Unix seconds) with `key`. */
function loopsDelivery(body, { id = `msg_${randomUUID()}`, at = Math.floor(Date.now() / 1000), key = LOOPS_KEY, prefix = 'webhook' } = {}) {
	const raw = JSON.stringify(body);
	const signature = createHmac('sha256', key).update(`${id}.${at}.${raw}`).digest('base64');
	return { id, raw, headers: { 'content-type': 'application/json', [`${prefix}-id`]: id, [`${prefix}-timestamp`]: String(at), [`${prefix}-signature`]: `v1,${signature}` } };
}

/** An Engage delivery as Svix sends it: the same scheme with svix-* headers. */
const svixDelivery = (body, options = {}) => loopsDelivery(body, { key: VOYADO_KEY, prefix: 'svix', ...options });

/** An Intercom notification as Intercom sends it: the raw body signed with X-Hub-Signature (HMAC-SHA1, hex). */
function intercomDelivery(body, secret = INTERCOM_SECRET) {
	const raw = JSON.stringify(body);
	return { raw, headers: { 'content-type': 'application/json', 'x-hub-signature': `sha1=${createHmac('sha1', secret).update(raw).digest('hex')}` } };
}

/** Posts deliveries until n8n has registered the webhook (404 before), then returns the first real answer. */
async function postWhenRegistered(url, makeDelivery) {
	let answer;
	let delivery;
	for (let waited = 0; waited < 60_000; waited += 500) {
		delivery = makeDelivery();
		const response = await fetch(url, { method: 'POST', headers: delivery.headers, body: delivery.raw });
		answer = { status: response.status, text: await response.text() };
		if (answer.status !== 404) break;
		await sleep(500);
	}
	return { answer, delivery };
}

/** Runs the trigger stories against a running n8n; resolves with named results. */
export async function triggerChecks(baseUrl) {
	const results = [];
	const check = (name, ok, detail = '') => results.push({ name, ok, detail });
	const sink = await startSink(SINK_PORT);
	try {
		const url = `${baseUrl}/webhook/${LOOPS_WEBHOOK_ID}/webhook`;
		const post = async (delivery) => {
			const response = await fetch(url, { method: 'POST', headers: delivery.headers, body: delivery.raw });
			return { status: response.status, text: await response.text() };
		};
		const runs = () => sink.received.filter((entry) => entry.path === '/triggerLoops');
		const settle = async (count) => {
			for (let waited = 0; waited < 10_000 && runs().length < count; waited += 200) await sleep(200);
			await sleep(500); // and no more than that
		};
		const created = { eventName: 'contact.created', eventTime: Math.floor(Date.now() / 1000), webhookSchemaVersion: '1.0.0', contactIdentity: { id: 'cmloops1', email: 'hook@example.com', userId: null }, contact: { id: 'cmloops1', email: 'hook@example.com', firstName: 'Hook' } };

		// n8n registers the published workflows' webhooks as it starts: until then their URLs answer 404.
		const { answer: first, delivery: signed } = await postWhenRegistered(url, () => loopsDelivery(created));
		await settle(1);
		const item = runs()[0]?.body;
		check(
			'loops trigger: a signed delivery is answered 200 and starts one execution, whose item is the event in the documented shape',
			first.status === 200 && runs().length === 1 && item?.event === 'contact.created' && item?.deliveryId === signed.id && item?.contact?.email === 'hook@example.com' && item?.contact?.firstName === 'Hook' && item?.mailingList === null && item?.payload?.eventName === 'contact.created',
			`HTTP ${first.status}; ${runs().length} executions; ${JSON.stringify(item ?? {}).slice(0, 200)}`,
		);

		const replay = await post(signed);
		const wrong = await post(loopsDelivery(created, { key: Buffer.alloc(32, 12) }));
		const tampered = { ...signed, raw: signed.raw.replace('hook@', 'evil@') };
		const changed = await post(tampered);
		const stale = await post(loopsDelivery(created, { at: Math.floor(Date.now() / 1000) - 600 }));
		const unsigned = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(created) });
		const notChosen = await post(loopsDelivery({ ...created, eventName: 'email.opened' }));
		await settle(2);
		check('loops trigger: the same delivery again (webhook-id seen) is answered 200 and starts nothing', replay.status === 200 && /received before/.test(replay.text), `HTTP ${replay.status} ${replay.text}`);
		check('loops trigger: a delivery signed with another secret is answered 401', wrong.status === 401 && /signature does not match/.test(wrong.text), `HTTP ${wrong.status} ${wrong.text}`);
		check('loops trigger: a body changed after signing is answered 401', changed.status === 401, `HTTP ${changed.status}`);
		check('loops trigger: a delivery signed 10 minutes ago is answered 401 as stale', stale.status === 401 && /seconds away from now/.test(stale.text), `HTTP ${stale.status} ${stale.text}`);
		check('loops trigger: an unsigned delivery is answered 401', unsigned.status === 401, `HTTP ${unsigned.status}`);
		check('loops trigger: an event not chosen (email.opened) is answered 200 and ignored', notChosen.status === 200 && /not one this trigger listens to/.test(notChosen.text), `HTTP ${notChosen.status} ${notChosen.text}`);
		check('loops trigger: after all of these, still exactly one execution', runs().length === 1, `${runs().length} executions`);
		check('loops trigger: no answer gives the signing secret away', ![first, replay, wrong, changed, stale, notChosen].some((answer) => answer.text.includes(LOOPS_KEY.toString('base64'))));

		// Intercom: X-Hub-Signature over the raw body; the notification's id and first_sent_at are inside it.
		const intercomUrl = `${baseUrl}/webhook/${INTERCOM_WEBHOOK_ID}/webhook`;
		const intercomRuns = () => sink.received.filter((entry) => entry.path === '/triggerIntercom');
		const now = Math.floor(Date.now() / 1000);
		const contact = { type: 'contact', id: 'icuser1', role: 'user', email: 'hook@example.com', external_id: 'u-hook' };
		const notification = (extra = {}) => ({ type: 'notification_event', app_id: 'abc123', id: `notif_${randomUUID()}`, topic: 'contact.user.created', data: { type: 'notification_event_data', item: contact }, delivery_attempts: 1, first_sent_at: now, created_at: now, ...extra });
		const postIntercom = async (delivery) => {
			const response = await fetch(intercomUrl, { method: 'POST', headers: delivery.headers, body: delivery.raw });
			return { status: response.status, text: await response.text() };
		};
		const { answer: accepted, delivery: original } = await postWhenRegistered(intercomUrl, () => intercomDelivery(notification()));
		for (let waited = 0; waited < 10_000 && intercomRuns().length < 1; waited += 200) await sleep(200);
		const intercomItem = intercomRuns()[0]?.body;
		check(
			'intercom trigger: a signed notification is answered 200 and starts one execution, whose item is the contact in the documented shape',
			accepted.status === 200 && intercomRuns().length === 1 && intercomItem?.topic === 'contact.user.created' && intercomItem?.contact?.email === 'hook@example.com' && intercomItem?.notificationId === JSON.parse(original.raw).id,
			`HTTP ${accepted.status}; ${intercomRuns().length} executions; ${JSON.stringify(intercomItem ?? {}).slice(0, 200)}`,
		);
		const intercomReplay = await postIntercom(original);
		const intercomWrong = await postIntercom(intercomDelivery(notification(), 'another-secret'));
		const intercomStale = await postIntercom(intercomDelivery(notification({ first_sent_at: now - 7200, created_at: now - 7200 })));
		const intercomUnsigned = await postIntercom({ raw: JSON.stringify(notification()), headers: { 'content-type': 'application/json' } });
		const ping = await postIntercom(intercomDelivery(notification({ topic: 'ping', data: { item: { type: 'ping', message: 'hello' } } })));
		await sleep(1500);
		check('intercom trigger: the same notification again is answered 200 and starts nothing', intercomReplay.status === 200 && /received before/.test(intercomReplay.text), `HTTP ${intercomReplay.status} ${intercomReplay.text}`);
		check('intercom trigger: a notification signed with another secret is answered 401', intercomWrong.status === 401, `HTTP ${intercomWrong.status} ${intercomWrong.text}`);
		check('intercom trigger: a notification first sent two hours ago is answered 401 as stale', intercomStale.status === 401 && /stale/.test(intercomStale.text), `HTTP ${intercomStale.status} ${intercomStale.text}`);
		check('intercom trigger: an unsigned notification is answered 401', intercomUnsigned.status === 401, `HTTP ${intercomUnsigned.status}`);
		check("intercom trigger: Intercom's ping (a topic not chosen) is answered 200 and ignored", ping.status === 200 && /not one this trigger listens to/.test(ping.text), `HTTP ${ping.status} ${ping.text}`);
		check('intercom trigger: after all of these, still exactly one execution', intercomRuns().length === 1, `${intercomRuns().length} executions`);

		// Voyado Engage through Svix: Standard Webhooks with svix-* headers.
		const voyadoUrl = `${baseUrl}/webhook/${VOYADO_WEBHOOK_ID}/webhook`;
		const voyadoRuns = () => sink.received.filter((entry) => entry.path === '/triggerVoyado');
		const change = { type: 'contact.acceptsEmail.changed', timestamp: new Date().toISOString(), data: { contactId: '2e40b702-2767-4abe-ae99-aa510108e22b', acceptsEmail: false } };
		const { answer: voyadoAccepted, delivery: voyadoSigned } = await postWhenRegistered(voyadoUrl, () => svixDelivery(change));
		for (let waited = 0; waited < 10_000 && voyadoRuns().length < 1; waited += 200) await sleep(200);
		const postVoyado = async (delivery) => {
			const response = await fetch(voyadoUrl, { method: 'POST', headers: delivery.headers, body: delivery.raw });
			return { status: response.status, text: await response.text() };
		};
		const voyadoReplay = await postVoyado(voyadoSigned);
		const voyadoWrong = await postVoyado(svixDelivery(change, { key: Buffer.alloc(32, 22) }));
		const voyadoStale = await postVoyado(svixDelivery(change, { at: Math.floor(Date.now() / 1000) - 600 }));
		const voyadoOther = await postVoyado(svixDelivery({ ...change, type: 'loyalty.addPoints' }));
		await sleep(1500);
		const voyadoItem = voyadoRuns()[0]?.body;
		check(
			'voyado webhook trigger: a delivery signed as Svix signs starts one execution with the event and its contact id',
			voyadoAccepted.status === 200 && voyadoItem?.event === 'contact.acceptsEmail.changed' && voyadoItem?.contactId === change.data.contactId && voyadoItem?.deliveryId === voyadoSigned.id,
			`HTTP ${voyadoAccepted.status}; ${JSON.stringify(voyadoItem ?? {}).slice(0, 200)}`,
		);
		check(
			'voyado webhook trigger: replayed (200), wrongly signed (401), stale (401) and an event not chosen (200) start nothing: still one execution',
			voyadoReplay.status === 200 && voyadoWrong.status === 401 && voyadoStale.status === 401 && voyadoOther.status === 200 && voyadoRuns().length === 1,
			`HTTP ${voyadoReplay.status}, ${voyadoWrong.status}, ${voyadoStale.status}, ${voyadoOther.status}; ${voyadoRuns().length} executions`,
		);
	} finally {
		await sink.stop();
	}
	return results;
}
