// Stop in real n8n: a published webhook workflow sends 300 contacts to Loops at its default pace
// (10 a second, so about 30 s of work) with Continue On Fail on; the execution is stopped through
// n8n's own REST API, as the editor's Stop button does. Then: n8n reports it canceled within 1 s,
// the mock receives no request after the stop, and the n8n process goes idle (under 300 ms of CPU
// over the next 3 s, where items still taken in the background would each evaluate a busy
// expression): no work goes on after Stop.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { N8N_LINE, n8nOk, restSession, VENDOR_NODES } from './lib.mjs';

const WORKFLOW_ID = 'stopLoopsWebhook';
const PATH = 'stop-loops';
const CONTACTS = 300;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function stopWorkflow() {
	const node = VENDOR_NODES.loops;
	// Each item evaluates an expression with some work in it, so an item taken after Stop would show as CPU.
	const busyFirstName = '={{ Array.from({ length: 100000 }, (_, i) => i).reduce((a, b) => a + b, 0) > 0 ? $json.first : "" }}';
	return {
		id: WORKFLOW_ID,
		name: 'Stop: 300 contacts to Loops from a webhook',
		active: false,
		settings: { executionOrder: 'v1' },
		nodes: [
			{
				id: `${WORKFLOW_ID}-webhook`,
				name: 'Webhook',
				type: 'n8n-nodes-base.webhook',
				typeVersion: 2,
				position: [0, 0],
				webhookId: randomUUID(),
				parameters: { httpMethod: 'POST', path: PATH, responseMode: 'onReceived', options: {} },
			},
			{ id: `${WORKFLOW_ID}-split`, name: 'Contacts', type: 'n8n-nodes-base.splitOut', typeVersion: 1, position: [220, 0], parameters: { fieldToSplitOut: 'body.contacts', options: {} } },
			{
				id: `${WORKFLOW_ID}-node`,
				name: node.name,
				type: node.type,
				typeVersion: 1,
				position: [440, 0],
				onError: 'continueRegularOutput',
				parameters: { resource: 'contact', operation: 'create', email: '={{ $json.email }}', additionalFields: { firstName: busyFirstName } },
				credentials: node.credential,
			},
		],
		connections: {
			Webhook: { main: [[{ node: 'Contacts', type: 'main', index: 0 }]] },
			Contacts: { main: [[{ node: node.name, type: 'main', index: 0 }]] },
		},
		pinData: {},
	};
}

/** Imports and publishes the workflow (before `n8n start`, which then registers its webhook). */
export async function importStopWorkflow(userFolder) {
	const dir = mkdtempSync(join(tmpdir(), 'contacts-stop-'));
	writeFileSync(join(dir, 'stop.json'), JSON.stringify([stopWorkflow()]));
	await n8nOk(userFolder, ['import:workflow', `--input=${join(dir, 'stop.json')}`]);
	// 2.x publishes a workflow; 1.x activates it.
	await n8nOk(userFolder, N8N_LINE === '1' ? ['update:workflow', `--id=${WORKFLOW_ID}`, '--active=true'] : ['publish:workflow', `--id=${WORKFLOW_ID}`]);
	rmSync(dir, { recursive: true, force: true });
}

/** User plus system CPU time of a process, in ms (Linux /proc). */
function cpuMs(pid) {
	const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
	return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime, stime in clock ticks (100 Hz)
}

/** All of n8n's processes: the main one and its children (the task runner). */
function processTree(pid) {
	const children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
	return [pid, ...children.flatMap(processTree)];
}
const treeCpuMs = (pid) => processTree(pid).reduce((sum, id) => sum + (() => { try { return cpuMs(id); } catch { return 0; } })(), 0);

async function cpuOver(pid, ms) {
	const before = treeCpuMs(pid);
	await sleep(ms);
	return treeCpuMs(pid) - before;
}

/** Runs the stop story against a running n8n (`n8nPid` its process); resolves with named results. */
export async function stopCheck(baseUrl, n8nPid, mocks) {
	const results = [];
	const check = (name, ok, detail = '') => results.push({ name, ok, detail });
	const rest = await restSession(baseUrl);
	const idleCpu = await cpuOver(n8nPid, 3000);

	const contacts = Array.from({ length: CONTACTS }, (_, i) => ({ email: `stop${i}@example.com`, first: 'Stop' }));
	const accepted = await fetch(`${baseUrl}/webhook/${PATH}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ contacts }) });
	check('stop: the webhook starts the run', accepted.ok, `HTTP ${accepted.status}`);
	const busyCpu = await cpuOver(n8nPid, 3000);

	const list = await rest('GET', `/executions?filter=${encodeURIComponent(JSON.stringify({ workflowId: WORKFLOW_ID }))}`);
	const executions = list.data?.results ?? list.data ?? [];
	const running = executions.find((execution) => execution.status === 'running');
	const sentBefore = mocks.loops.server.requests.filter((request) => /stop\d+@/.test(JSON.stringify(request.body ?? {}))).length;
	check('stop: the run is under way, sending contacts', running !== undefined && sentBefore > 5 && sentBefore < CONTACTS, `${sentBefore} sent, execution ${running?.id} ${running?.status}`);
	if (!running) return results;

	const stoppedAt = Date.now();
	await rest('POST', `/executions/${running.id}/stop`);
	let status = 'running';
	while (Date.now() - stoppedAt < 5000) {
		status = (await rest('GET', `/executions/${running.id}`)).data?.status;
		if (status !== 'running' && status !== 'new') break;
		await sleep(100);
	}
	const reportedInMs = Date.now() - stoppedAt;
	check('stop: n8n reports the execution canceled within 1 s of Stop', status === 'canceled' && reportedInMs < 1000, `${status} after ${reportedInMs} ms`);

	const afterCpu = await cpuOver(n8nPid, 3000);
	const sentAfter = mocks.loops.server.requests.filter((request) => request.receivedAt > stoppedAt + 100 && /stop\d+@/.test(JSON.stringify(request.body ?? {}))).length;
	check('stop: no request reaches the vendor after Stop', sentAfter === 0, `${sentAfter} after, ${sentBefore} before`);
	check(
		'stop: the n8n process goes idle after Stop (under 300 ms of CPU in the next 3 s)',
		afterCpu < 300,
		`${Math.round(afterCpu)} ms of CPU in the 3 s after Stop; ${Math.round(busyCpu)} ms in 3 s while it ran; ${Math.round(idleCpu)} ms in 3 s before`,
	);
	return results;
}
