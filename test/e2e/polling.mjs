// The Intercom Contacts Polling Trigger in real n8n, on every n8n line of the matrix, with a
// published workflow and n8n restarted between polls: each contact change reaches the workflow
// once, in order; a restart loses nothing and repeats nothing. n8n polls when it activates the
// workflow (each start) and then every minute, so each phase waits for its items up to 75 s.
import { createServer } from 'node:http';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { N8N_LINE, n8nOk, PACKAGE_OF, startN8n, VENDOR_NODES } from './lib.mjs';

const WORKFLOW_ID = 'pollingIntercom';
const SINK_PORT = 5698;
// Change times far ahead of every contact the other checks made, so only these are in the window.
const BASE = Math.floor(Date.now() / 1000) + 100_000;

function pollingWorkflow() {
	return {
		id: WORKFLOW_ID,
		name: 'Polling: Intercom contacts created or changed',
		active: false,
		settings: { executionOrder: 'v1' },
		nodes: [
			{
				id: `${WORKFLOW_ID}-trigger`,
				name: 'Trigger',
				type: `${PACKAGE_OF.intercom}.intercomPollingTrigger`,
				typeVersion: 1,
				position: [0, 0],
				parameters: { pollTimes: { item: [{ mode: 'everyMinute' }] }, watch: 'updated_at', options: { startFrom: new Date((BASE - 1000) * 1000).toISOString(), lagSeconds: 120 } },
				credentials: VENDOR_NODES.intercom.credential,
			},
			{
				id: `${WORKFLOW_ID}-sink`,
				name: 'Sink',
				type: 'n8n-nodes-base.httpRequest',
				typeVersion: 4.2,
				position: [220, 0],
				parameters: { method: 'POST', url: `http://127.0.0.1:${SINK_PORT}/polled`, sendBody: true, specifyBody: 'json', jsonBody: '={{ JSON.stringify($json) }}', options: {} },
			},
		],
		connections: { Trigger: { main: [[{ node: 'Sink', type: 'main', index: 0 }]] } },
		pinData: {},
	};
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function startSink() {
	const received = [];
	const server = createServer((request, response) => {
		let raw = '';
		request.on('data', (chunk) => (raw += chunk));
		request.on('end', () => {
			received.push(raw ? JSON.parse(raw) : undefined);
			response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
		});
	});
	await new Promise((resolve) => server.listen(SINK_PORT, '127.0.0.1', resolve));
	return { received, stop: async () => await new Promise((resolve) => server.close(resolve)) };
}

async function stopN8n(child) {
	if (child.exitCode !== null) return;
	const exited = new Promise((resolve) => child.once('exit', resolve));
	child.kill('SIGTERM');
	await exited;
}

/**
 * Runs the polling story with its own n8n starts (no other n8n may run on the user folder): two
 * contacts changed, then n8n started; one changed again and one new, then a restart; then a
 * restart with no change. Resolves with named results.
 */
export async function pollingChecks(userFolder, mocks) {
	const dir = mkdtempSync(join(tmpdir(), 'contacts-polling-'));
	writeFileSync(join(dir, 'workflow.json'), JSON.stringify([pollingWorkflow()]));
	await n8nOk(userFolder, ['import:workflow', `--input=${join(dir, 'workflow.json')}`]);
	await n8nOk(userFolder, N8N_LINE === '1' ? ['update:workflow', `--id=${WORKFLOW_ID}`, '--active=true'] : ['publish:workflow', `--id=${WORKFLOW_ID}`]);
	rmSync(dir, { recursive: true, force: true });

	const results = [];
	const check = (name, ok, detail = '') => results.push({ name, ok, detail });
	const intercom = mocks.intercom;
	const contact = (id, updatedAt) => ({ type: 'contact', id, role: 'user', email: `${id}@example.com`, created_at: BASE - 5000, updated_at: updatedAt, custom_attributes: {} });
	const sink = await startSink();
	const emitted = () => sink.received.map((item) => `${item?.id}@${intercom.contacts.find((stored) => stored.id === item?.id) ? '' : '?'}`);
	const ids = () => sink.received.map((item) => item?.id);
	const waitFor = async (count, atMostMs) => {
		for (let waited = 0; waited < atMostMs && sink.received.length < count; waited += 500) await sleep(500);
	};
	try {
		intercom.contacts.push(contact('pollold', BASE - 2000), contact('polla', BASE + 10), contact('pollb', BASE + 20));
		let n8n = await startN8n(userFolder);
		await waitFor(2, 75_000);
		await sleep(2000);
		await stopN8n(n8n);
		const first = ids();
		check('polling: intercom: the first poll gives the two contacts changed since Start From, oldest first, and not the one before it', first.join(',') === 'polla,pollb', first.join(','));

		intercom.contacts.find((stored) => stored.id === 'polla').updated_at = BASE + 40;
		intercom.contacts.push(contact('pollc', BASE + 30));
		n8n = await startN8n(userFolder);
		await waitFor(4, 75_000);
		await sleep(2000);
		await stopN8n(n8n);
		const second = ids().slice(2);
		check('polling: intercom: after a restart, the next poll gives the new contact and the one changed again, and nothing it gave before', second.join(',') === 'pollc,polla', second.join(','));

		n8n = await startN8n(userFolder);
		// n8n polls on activation and then every minute: wait past one scheduled poll.
		await sleep(70_000);
		await stopN8n(n8n);
		check('polling: intercom: a restart and a minute with no change give nothing', sink.received.length === 4, `${sink.received.length} items in all: ${emitted().join(', ')}`);
	} finally {
		await sink.stop();
	}
	return results;
}
