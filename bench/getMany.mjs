// npm run bench:getmany: Intercom Get Many of BENCH_GET_MANY (10,000) contacts in real n8n 2.41.1
// (Node 24, `n8n execute`), against the Intercom mock in a process of its own serving cursor pages
// of 150, side by side with what a user would do instead: n8n's HTTP Request node with its
// pagination and the same credential, and a bare Node http client walking the same pages. Each
// case is its own execution, so its peak memory is its own; an empty workflow gives n8n's own.
// Prints figures; nothing passes or fails.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import bareClient from './bareClient.cjs';
import table from './table.cjs';
import { checkInstalled, installPackedPackage, N8N_VERSION, n8nOk, VENDOR_NODES } from '../test/e2e/lib.mjs';
import { credential, execute, MOCK_CLASSES, startMockProcess } from './n8nRun.mjs';

const CONTACTS = Number(process.env.BENCH_GET_MANY ?? 10_000);
const PAGE = 150;
const SLOW_MS = 100;
const TOKEN = MOCK_CLASSES.intercom.args[0];
const node = VENDOR_NODES.intercom;
const credentialType = Object.keys(node.credential)[0];

/** One workflow per case: Start -> the case's node (none for n8n's own baseline). */
function caseWorkflow(id, caseNode) {
	const nodes = [{ id: 'start', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} }];
	const connections = {};
	if (caseNode) {
		nodes.push({ id: 'case', name: 'Case', position: [220, 0], ...caseNode });
		connections.Start = { main: [[{ node: 'Case', type: 'main', index: 0 }]] };
	}
	return { id, name: `Bench get many ${id}`, active: false, settings: { executionOrder: 'v1' }, nodes, connections, pinData: {} };
}

const credentialOf = (mock) => ({ [credentialType]: { id: `intercom-${mock}`, name: `intercom intercom-${mock}` } });

const getManyNode = (mock, simplify) => ({
	type: node.type,
	typeVersion: 1,
	parameters: { resource: 'contact', operation: 'getAll', returnAll: true, simplify, options: {} },
	credentials: credentialOf(mock),
});

/** The HTTP Request node walking the same pages with its own pagination (one output item per page). */
const httpRequestNode = (mock, baseUrl) => ({
	type: 'n8n-nodes-base.httpRequest',
	typeVersion: 4.2,
	parameters: {
		method: 'GET',
		url: `${baseUrl}/contacts`,
		authentication: 'predefinedCredentialType',
		nodeCredentialType: credentialType,
		sendQuery: true,
		queryParameters: { parameters: [{ name: 'per_page', value: String(PAGE) }] },
		options: {
			pagination: {
				pagination: {
					paginationMode: 'updateAParameterInEachRequest',
					parameters: { parameters: [{ type: 'qs', name: 'starting_after', value: '={{ $response.body.pages.next.starting_after }}' }] },
					paginationCompleteWhen: 'other',
					completeExpression: '={{ !$response.body.pages.next }}',
				},
			},
		},
	},
	credentials: credentialOf(mock),
});

checkInstalled();
const userFolder = mkdtempSync(join(tmpdir(), 'contacts-bench-getmany-'));
installPackedPackage(userFolder, undefined, ['intercom']);
const mockProcess = startMockProcess();
const baseUrls = {};
const emails = Array.from({ length: CONTACTS }, (_, index) => `many${index}@example.com`);
for (const [mock, latencyMs] of [['fast', 0], ['slow', SLOW_MS]]) {
	baseUrls[mock] = await mockProcess.send('start', { name: `intercom-${mock}`, ...MOCK_CLASSES.intercom, latencyMs });
	await mockProcess.send('call', { name: `intercom-${mock}`, method: 'seedContacts', args: [emails] });
}

const CASES = [
	{ id: 'baseline', name: "n8n's own (an empty workflow)", latency: 0 },
	{ id: 'nodeFast', name: 'node, Return All, Simplify', latency: 0, mock: 'fast', node: getManyNode('fast', true) },
	{ id: 'nodeSlow', name: 'node, Return All, Simplify', latency: SLOW_MS, mock: 'slow', node: getManyNode('slow', true) },
	{ id: 'nodeSlowRaw', name: 'node, Return All, Simplify off', latency: SLOW_MS, mock: 'slow', node: getManyNode('slow', false) },
	{ id: 'httpSlow', name: 'HTTP Request, pagination, same credential', latency: SLOW_MS, mock: 'slow', node: httpRequestNode('slow', baseUrls.slow) },
];

const importDir = mkdtempSync(join(tmpdir(), 'contacts-bench-getmany-import-'));
writeFileSync(join(importDir, 'credentials.json'), JSON.stringify(['fast', 'slow'].map((mock) => credential('intercom', `intercom-${mock}`, baseUrls[mock]))));
await n8nOk(userFolder, ['import:credentials', `--input=${join(importDir, 'credentials.json')}`]);
writeFileSync(join(importDir, 'workflows.json'), JSON.stringify(CASES.map((spec) => caseWorkflow(`getMany${spec.id}`, spec.node))));
await n8nOk(userFolder, ['import:workflow', `--input=${join(importDir, 'workflows.json')}`]);

const rows = [];
let baselineMb = 0;
for (const spec of CASES) {
	const { run, peakMb } = await execute(userFolder, `getMany${spec.id}`, join(importDir, `${spec.id}-output.json`));
	if (!spec.node) {
		baselineMb = peakMb;
		rows.push({ case: spec.name, 'latency ms': '', contacts: '', pages: '', 'node ms': '', 'pages x latency ms': '', 'bare client ms': '', 'ratio to bare client': '', 'n8n peak RSS MB': peakMb, 'over n8n\'s own MB': 0 });
		continue;
	}
	const task = run.data?.resultData?.runData?.Case?.[0];
	const output = task?.data?.main?.[0] ?? [];
	const contacts = spec.id.startsWith('http') ? output.reduce((sum, item) => sum + (item.json?.data?.length ?? 0), 0) : output.length;
	const pages = Math.ceil(CONTACTS / PAGE);
	const walk = await bareClient.bareClientWalk(baseUrls[spec.mock], { Authorization: `Bearer ${TOKEN}`, Accept: 'application/json' }, PAGE);
	const ms = task?.executionTime ?? NaN;
	rows.push({
		case: spec.name + (task?.error ? ` (error: ${task.error.message})` : ''),
		'latency ms': spec.latency,
		contacts,
		pages,
		'node ms': ms,
		'pages x latency ms': pages * spec.latency,
		'bare client ms': Math.round(walk.ms),
		'ratio to bare client': (ms / walk.ms).toFixed(2),
		'n8n peak RSS MB': peakMb,
		'over n8n\'s own MB': peakMb - baselineMb,
	});
}
await mockProcess.send('stop').catch(() => undefined);
rmSync(importDir, { recursive: true, force: true });
rmSync(userFolder, { recursive: true, force: true });

console.log(`Get Many of ${CONTACTS} Intercom contacts in real n8n ${N8N_VERSION} (n8n execute, Node 24); the mock in its own process serves pages of ${PAGE}.`);
console.log("node ms = the node's execution time in n8n's run data; bare client = a bare Node http client walking the same pages of the same mock, one after another, measured right after;");
console.log("n8n peak RSS = the n8n process's VmHWM during that execution (each case its own process); over n8n's own = minus an empty workflow's peak.");
table.printTable(rows);
process.exit(0);
