// The triggers in real n8n, on every n8n line of the matrix, with published (active) workflows:
// a delivery signed as the vendor signs it starts exactly one execution, whose output reaches a
// loopback sink; a wrongly signed, stale or replayed delivery, and an event not chosen, start none
// and get the documented status.
import { createHmac, randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { N8N_LINE, n8nOk, PACKAGE_OF } from './lib.mjs';

const LOOPS_KEY = Buffer.alloc(32, 11);
const LOOPS_SECRET = `whsec_${LOOPS_KEY.toString('base64')}`;
const LOOPS_WEBHOOK_ID = randomUUID();
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
];

/** Imports the credentials and workflows and publishes them (before `n8n start`, which registers their webhooks). */
export async function importTriggerWorkflows(userFolder) {
	const dir = mkdtempSync(join(tmpdir(), 'contacts-triggers-'));
	writeFileSync(join(dir, 'credentials.json'), JSON.stringify([{ id: 'loopsWebhookCred', name: 'Loops webhook (e2e)', type: 'loopsWebhookApi', data: { signingSecret: LOOPS_SECRET } }]));
	await n8nOk(userFolder, ['import:credentials', `--input=${join(dir, 'credentials.json')}`]);
	writeFileSync(join(dir, 'workflows.json'), JSON.stringify(WORKFLOWS));
	await n8nOk(userFolder, ['import:workflow', `--input=${join(dir, 'workflows.json')}`]);
	for (const workflow of WORKFLOWS) {
		await n8nOk(userFolder, N8N_LINE === '1' ? ['update:workflow', `--id=${workflow.id}`, '--active=true'] : ['publish:workflow', `--id=${workflow.id}`]);
	}
	rmSync(dir, { recursive: true, force: true });
}

/** A loopback server keeping what each workflow's Sink posted, by path. */
async function startSink() {
	const received = [];
	const server = createServer((request, response) => {
		let raw = '';
		request.on('data', (chunk) => (raw += chunk));
		request.on('end', () => {
			received.push({ path: request.url, body: raw ? JSON.parse(raw) : undefined });
			response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
		});
	});
	await new Promise((resolve) => server.listen(SINK_PORT, '127.0.0.1', resolve));
	return { received, stop: async () => await new Promise((resolve) => server.close(resolve)) };
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** A Loops delivery as Loops sends it: Standard Webhooks headers, signed `at` (Unix seconds) with `key`. */
function loopsDelivery(body, { id = `msg_${randomUUID()}`, at = Math.floor(Date.now() / 1000), key = LOOPS_KEY } = {}) {
	const raw = JSON.stringify(body);
	const signature = createHmac('sha256', key).update(`${id}.${at}.${raw}`).digest('base64');
	return { id, raw, headers: { 'content-type': 'application/json', 'webhook-id': id, 'webhook-timestamp': String(at), 'webhook-signature': `v1,${signature}` } };
}

/** Runs the trigger stories against a running n8n; resolves with named results. */
export async function triggerChecks(baseUrl) {
	const results = [];
	const check = (name, ok, detail = '') => results.push({ name, ok, detail });
	const sink = await startSink();
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
		let first;
		let signed;
		for (let waited = 0; waited < 60_000; waited += 500) {
			signed = loopsDelivery(created);
			first = await post(signed);
			if (first.status !== 404) break;
			await sleep(500);
		}
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
	} finally {
		await sink.stop();
	}
	return results;
}
