// The polling triggers (Intercom Contacts Polling Trigger, Voyado Engage Trigger) in real n8n, on
// every n8n line of the matrix, with published workflows and n8n restarted between polls: each
// change reaches its workflow once, in order; a restart loses nothing and repeats nothing. n8n
// polls when it activates a workflow (each start) and then every minute, so each phase waits for
// its items up to 75 s.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { N8N_LINE, n8nOk, PACKAGE_OF, startN8n, startSink, VENDOR_NODES } from './lib.mjs';

const SINK_PORT = 5698;
// Intercom change times far ahead of every contact the other checks made, so only these are in the window.
const BASE = Math.floor(Date.now() / 1000) + 100_000;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Trigger -> HTTP Request posting each item to the sink at `/<sinkPath>`. */
function pollingWorkflow(id, name, trigger, sinkPath) {
	return {
		id,
		name,
		active: false,
		settings: { executionOrder: 'v1' },
		nodes: [
			{ id: `${id}-trigger`, name: 'Trigger', typeVersion: 1, position: [0, 0], ...trigger },
			{
				id: `${id}-sink`,
				name: 'Sink',
				type: 'n8n-nodes-base.httpRequest',
				typeVersion: 4.2,
				position: [220, 0],
				parameters: { method: 'POST', url: `http://127.0.0.1:${SINK_PORT}/${sinkPath}`, sendBody: true, specifyBody: 'json', jsonBody: '={{ JSON.stringify($json) }}', options: {} },
			},
		],
		connections: { Trigger: { main: [[{ node: 'Sink', type: 'main', index: 0 }]] } },
		pinData: {},
	};
}

const everyMinute = { item: [{ mode: 'everyMinute' }] };
const workflows = () => [
	pollingWorkflow(
		'pollingIntercom',
		'Polling: Intercom contacts created or changed',
		{
			type: `${PACKAGE_OF.intercom}.intercomPollingTrigger`,
			parameters: { pollTimes: everyMinute, watch: 'updated_at', options: { startFrom: new Date((BASE - 1000) * 1000).toISOString(), lagSeconds: 120 } },
			credentials: VENDOR_NODES.intercom.credential,
		},
		'intercom',
	),
	// Starts from when it is imported: after every change the other checks made.
	pollingWorkflow(
		'pollingVoyado',
		'Polling: Voyado Engage contacts created, updated or deleted',
		{
			type: `${PACKAGE_OF.voyado}.voyadoEngageTrigger`,
			parameters: { pollTimes: everyMinute, changeTypes: ['Created', 'Updated', 'Deleted'], options: { startFrom: new Date().toISOString(), delaySeconds: 0 } },
			credentials: VENDOR_NODES.voyado.credential,
		},
		'voyado',
	),
];


async function stopN8n(child) {
	if (child.exitCode !== null) return;
	const exited = new Promise((resolve) => child.once('exit', resolve));
	child.kill('SIGTERM');
	await exited;
}

/**
 * Runs the polling story with its own n8n starts (no other n8n may run on the user folder): changes,
 * then n8n started; more changes, then a restart; then a restart and a minute with no change.
 * Resolves with named results.
 */
export async function pollingChecks(userFolder, mocks) {
	const dir = mkdtempSync(join(tmpdir(), 'contacts-polling-'));
	const list = workflows();
	writeFileSync(join(dir, 'workflows.json'), JSON.stringify(list));
	await n8nOk(userFolder, ['import:workflow', `--input=${join(dir, 'workflows.json')}`]);
	for (const workflow of list) await n8nOk(userFolder, N8N_LINE === '1' ? ['update:workflow', `--id=${workflow.id}`, '--active=true'] : ['publish:workflow', `--id=${workflow.id}`]);
	rmSync(dir, { recursive: true, force: true });

	const results = [];
	const check = (name, ok, detail = '') => results.push({ name, ok, detail });
	const { intercom, voyado } = mocks;
	const intercomContact = (id, updatedAt) => ({ type: 'contact', id, role: 'user', email: `${id}@example.com`, created_at: BASE - 5000, updated_at: updatedAt, custom_attributes: {} });
	const sink = await startSink(SINK_PORT);
	const intercomIds = () => sink.received.filter((entry) => entry.path === '/intercom').map((entry) => entry.body?.id);
	const voyadoChanges = () => sink.received.filter((entry) => entry.path === '/voyado').map((entry) => `${entry.body?.changeType} ${entry.body?.contact?.email ?? entry.body?.contactId}`);
	const waitFor = async (intercomCount, voyadoCount) => {
		for (let waited = 0; waited < 75_000 && (intercomIds().length < intercomCount || voyadoChanges().length < voyadoCount); waited += 500) await sleep(500);
		await sleep(2000); // and no more than that
	};
	try {
		// Before the first start: Intercom A and B changed after Start From, one before it; Engage creates two contacts.
		intercom.contacts.push(intercomContact('pollold', BASE - 2000), intercomContact('polla', BASE + 10), intercomContact('pollb', BASE + 20));
		const v1 = voyado.addContact({ email: 'poll-v1@example.com' });
		voyado.recordChange('Created', v1.id);
		const v2 = voyado.addContact({ email: 'poll-v2@example.com' });
		voyado.recordChange('Created', v2.id);
		let n8n = await startN8n(userFolder);
		await waitFor(2, 2);
		await stopN8n(n8n);
		check('polling: intercom: the first poll gives the two contacts changed since Start From, oldest first, and not the one before it', intercomIds().join(',') === 'polla,pollb', intercomIds().join(','));
		check('polling: voyado: the first poll gives the two contacts Engage created, read', voyadoChanges().join(',') === 'Created poll-v1@example.com,Created poll-v2@example.com', voyadoChanges().join(','));

		// n8n is down: A changes again, C is new; Engage updates v1 and deletes v2.
		intercom.contacts.find((stored) => stored.id === 'polla').updated_at = BASE + 40;
		intercom.contacts.push(intercomContact('pollc', BASE + 30));
		v1.attributes.firstName = 'Polled';
		voyado.recordChange('Updated', v1.id);
		voyado.contacts.splice(voyado.contacts.indexOf(v2), 1);
		voyado.recordChange('Deleted', v2.id);
		n8n = await startN8n(userFolder);
		await waitFor(4, 4);
		await stopN8n(n8n);
		check('polling: intercom: after a restart, the next poll gives the new contact and the one changed again, and nothing it gave before', intercomIds().slice(2).join(',') === 'pollc,polla', intercomIds().slice(2).join(','));
		check('polling: voyado: after a restart, the next poll gives the update (read again) and the deletion, and nothing it gave before', voyadoChanges().slice(2).join(',') === `Updated poll-v1@example.com,Deleted ${v2.id}`, voyadoChanges().slice(2).join(','));

		n8n = await startN8n(userFolder);
		// n8n polls on activation and then every minute: wait past one scheduled poll.
		await sleep(70_000);
		await stopN8n(n8n);
		check('polling: a restart and a minute with no change give nothing more', intercomIds().length === 4 && voyadoChanges().length === 4, `intercom ${intercomIds().join(', ')}; voyado ${voyadoChanges().join(', ')}`);
	} finally {
		await sink.stop();
	}
	return results;
}
