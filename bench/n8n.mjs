// npm run bench:n8n: the packed package in real n8n 2.41.1 (Node 24, `n8n execute`), against the
// loopback mocks running in a process of their own, side by side with n8n's HTTP Request node
// using the same credential against the same mock. Figures are node execution times from n8n's
// run data. Not a test: nothing here passes or fails.
// BENCH_N8N_ITEMS (1000) sizes each case; BENCH_ONLY=loops,sfmc runs a subset. BENCH_PROFILE=1
// runs only each node at 0 ms, 10 parallel, under the V8 profiler, and says where n8n's CPU went
// (BENCH_PROFILE=slow: at 100 ms, 20 parallel, where idle time shows what the event loop had spare).
// BENCH_PACKAGE_DIR=<checkout> benches another version of the package with the same cases.
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { join } from 'node:path';

import bareClient from './bareClient.cjs';
import table from './table.cjs';
import { summarize } from './cpuProfile.mjs';
import { checkInstalled, installPackedPackage, N8N_VERSION, n8nOk, ROOT, VENDOR_NODES } from '../test/e2e/lib.mjs';
import { credential, execute, MOCK_CLASSES, startMockProcess } from './n8nRun.mjs';

const ITEMS = Number(process.env.BENCH_N8N_ITEMS ?? 1000);
// Each node's defaults (Parallel Requests, pace), from the built package.
const built = (path) => createRequire(import.meta.url)(join(ROOT, 'dist', 'nodes', path));
const DEFAULTS = {
	loops: built('Loops/api.js').loopsApi,
	intercom: built('Intercom/api.js').intercomApi,
	sfmc: built('SalesforceMarketingCloud/api.js').sfmcApi,
	voyado: built('VoyadoEngage/api.js').voyadoApi,
};
const PROFILE = Boolean(process.env.BENCH_PROFILE);
const PROFILE_SLOW = process.env.BENCH_PROFILE === 'slow';
const SLOW_MS = 100;
const vendors = Object.keys(VENDOR_NODES).filter((name) => !process.env.BENCH_ONLY || process.env.BENCH_ONLY.split(',').includes(name));

/** What the HTTP Request node posts: the same create the vendor node sends, written by hand. */
const HTTP_CREATE = {
	loops: { path: '/contacts/create', body: "{ email: $json.email, firstName: $json.first, lastName: $json.last, source: 'n8n bench' }" },
	intercom: { path: '/contacts', body: "{ role: 'user', email: $json.email, name: $json.first + ' ' + $json.last }", headers: { 'Intercom-Version': '2.14' } },
	sfmc: {
		path: '/contacts/v1/contacts',
		body: "{ contactKey: $json.email, attributeSets: [{ name: 'Email Addresses', items: [{ values: [{ name: 'Email Address', value: $json.email }, { name: 'HTML Enabled', value: true }] }] }, { name: 'Email Demographics', items: [{ values: [{ name: 'First Name', value: $json.first }, { name: 'Last Name', value: $json.last }] }] }] }",
	},
	voyado: { path: '/api/v3/contacts', body: "{ email: $json.email, firstName: $json.first, lastName: $json.last, countryCode: 'SE' }" },
};

/**
 * The cases of one vendor: its node at 0 ms (one at a time, 10 parallel) and at 100 ms (10 and
 * 20 parallel), and n8n's HTTP Request node with the same credential at 0 and 100 ms. Loops also
 * gets the HTTP Request node without a credential (the key typed in as a header); SFMC a run in
 * which the token expires after 500 requests.
 */
function casesFor(vendor, mocks) {
	const node = (concurrency) => ({ kind: 'node', concurrency });
	const cases = [
		{ name: 'node, one at a time', mock: 'fast', ...node(1) },
		{ name: 'node, 10 parallel', mock: 'fast', ...node(10) },
		{ name: 'HTTP Request, same credential', mock: 'fast', kind: 'http' },
		{ name: 'node, 10 parallel', mock: 'slow', ...node(10) },
		{ name: 'node, 20 parallel', mock: 'slow', ...node(20) },
		{ name: 'node, default settings (paced)', mock: 'slow', kind: 'node', concurrency: DEFAULTS[vendor].defaultConcurrency, paced: true },
		{ name: 'HTTP Request, same credential', mock: 'slow', kind: 'http' },
	];
	if (vendor === 'loops') cases.splice(3, 0, { name: 'HTTP Request, no credential', mock: 'fast', kind: 'httpPlain' });
	if (vendor === 'sfmc') cases.push({ name: 'node, 10 parallel, token expires mid-run', mock: 'expiring', ...node(10) });
	if (PROFILE) {
		const profiled = PROFILE_SLOW ? { name: 'node, 20 parallel (profiled)', mock: 'slow', ...node(20) } : { name: 'node, 10 parallel (profiled)', mock: 'fast', ...node(10) };
		cases.splice(0, cases.length, profiled);
	}
	return cases.map((spec, index) => ({ ...spec, index, label: `${index + 1}`, mockName: `${vendor}-${spec.mock}`, baseUrl: mocks[`${vendor}-${spec.mock}`] }));
}

function vendorNode(vendor, spec, position) {
	const base = VENDOR_NODES[vendor];
	if (spec.kind === 'node') {
		return {
			type: base.type,
			// Default settings: the node's own Parallel Requests and pace (no options set).
			parameters: { ...base.parameters, options: spec.paced ? { ...base.parameters.options } : { ...base.parameters.options, concurrency: spec.concurrency, requestsPerSecond: 0 } },
			credentials: { [Object.keys(base.credential)[0]]: { id: `${vendor}-${spec.mock}`, name: `${vendor} ${vendor}-${spec.mock}` } },
			position,
		};
	}
	const http = HTTP_CREATE[vendor];
	const headers = { ...(http.headers ?? {}), ...(spec.kind === 'httpPlain' ? { Authorization: 'Bearer bench-loops-key' } : {}) };
	return {
		type: 'n8n-nodes-base.httpRequest',
		typeVersion: 4.2,
		parameters: {
			method: 'POST',
			url: `${spec.baseUrl}${http.path}`,
			...(spec.kind === 'http' ? { authentication: 'predefinedCredentialType', nodeCredentialType: Object.keys(base.credential)[0] } : {}),
			sendHeaders: Object.keys(headers).length > 0,
			headerParameters: { parameters: Object.entries(headers).map(([name, value]) => ({ name, value })) },
			sendBody: true,
			specifyBody: 'json',
			jsonBody: `={{ JSON.stringify(${http.body}) }}`,
			options: {},
		},
		credentials: spec.kind === 'http' ? { [Object.keys(base.credential)[0]]: { id: `${vendor}-${spec.mock}`, name: `${vendor} ${vendor}-${spec.mock}` } } : undefined,
		position,
	};
}

/** Start -> (Items k -> Case k) for every case, run top to bottom, one case at a time. */
function benchWorkflow(vendor, cases) {
	const nodes = [{ id: 'start', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} }];
	const connections = { Start: { main: [[]] } };
	for (const spec of cases) {
		const y = spec.index * 200;
		const items = `Items ${spec.label}`;
		const caseName = `Case ${spec.label}`;
		const jsCode = `return Array.from({ length: ${ITEMS} }, (_, i) => ({ json: { email: 'case${spec.label}-' + i + '@example.com', first: 'Ada', last: 'Lovelace ' + i } }));`;
		nodes.push({ id: `items-${spec.label}`, name: items, type: 'n8n-nodes-base.code', typeVersion: 2, position: [220, y], parameters: { jsCode } });
		const node = vendorNode(vendor, spec, [440, y]);
		nodes.push({ id: `case-${spec.label}`, name: caseName, typeVersion: 1, ...node });
		connections.Start.main[0].push({ node: items, type: 'main', index: 0 });
		connections[items] = { main: [[{ node: caseName, type: 'main', index: 0 }]] };
	}
	return { id: `bench${vendor}`, name: `Bench ${vendor}`, active: false, settings: { executionOrder: 'v1' }, nodes, connections, pinData: {} };
}

/** Where the n8n process's CPU went while the profiled node ran. */
function printProfile(vendor, profileDir, spawnedAt, task) {
	const file = readdirSync(profileDir).filter((name) => name.endsWith('.cpuprofile')).map((name) => join(profileDir, name)).sort((a, b) => statSync(b).size - statSync(a).size)[0];
	const { totalMs, parts, functions } = summarize(file, spawnedAt, task.startTime, task.startTime + task.executionTime);
	const perItem = (ms) => `${((ms * 1000) / ITEMS).toFixed(0)} µs/item`;
	console.log(`\n${VENDOR_NODES[vendor].name}: ${ITEMS} items, ${PROFILE_SLOW ? '100 ms, 20' : '0 ms, 10'} parallel: node ${task.executionTime} ms; CPU samples in that window ${totalMs.toFixed(0)} ms (${file})`);
	table.printTable(parts.map(([part, ms]) => ({ part, ms: ms.toFixed(0), share: `${((ms / totalMs) * 100).toFixed(1)}%`, 'per item': perItem(ms) })));
	console.log('busiest functions (self time):');
	table.printTable(functions.slice(0, 30).map(([fn, ms]) => ({ function: fn.slice(0, 140), ms: ms.toFixed(0), 'per item': perItem(ms) })));
}

checkInstalled();
const userFolder = mkdtempSync(join(tmpdir(), 'contacts-bench-n8n-'));
// BENCH_PACKAGE_DIR: bench another checkout of this package (e.g. an older commit) with this script.
installPackedPackage(userFolder, process.env.BENCH_PACKAGE_DIR ?? ROOT);
const mockProcess = startMockProcess();
const mocks = {};
for (const vendor of vendors) {
	for (const [kind, latencyMs] of [['fast', 0], ['slow', SLOW_MS], ...(vendor === 'sfmc' ? [['expiring', SLOW_MS]] : [])]) {
		mocks[`${vendor}-${kind}`] = await mockProcess.send('start', { name: `${vendor}-${kind}`, ...MOCK_CLASSES[vendor], latencyMs });
	}
}
if (mocks['sfmc-expiring']) await mockProcess.send('call', { name: 'sfmc-expiring', method: 'expireTokensAfter', args: [ITEMS / 2] });

const importDir = mkdtempSync(join(tmpdir(), 'contacts-bench-import-'));
const credentials = Object.entries(mocks).map(([name, baseUrl]) => credential(name.split('-')[0], name, baseUrl));
writeFileSync(join(importDir, 'credentials.json'), JSON.stringify(credentials));
await n8nOk(userFolder, ['import:credentials', `--input=${join(importDir, 'credentials.json')}`]);
const casesByVendor = Object.fromEntries(vendors.map((vendor) => [vendor, casesFor(vendor, mocks)]));
for (const vendor of vendors) {
	writeFileSync(join(importDir, `${vendor}.json`), JSON.stringify(benchWorkflow(vendor, casesByVendor[vendor])));
	await n8nOk(userFolder, ['import:workflow', `--input=${join(importDir, `${vendor}.json`)}`]);
}

const rows = [];
const memory = [];
for (const vendor of vendors) {
	const cases = casesByVendor[vendor];
	const started = Date.now();
	const profileDir = PROFILE ? mkdtempSync(join(tmpdir(), `contacts-profile-${vendor}-`)) : undefined;
	const { run, peakMb, spawnedAt } = await execute(userFolder, `bench${vendor}`, join(importDir, `${vendor}-output.json`), profileDir);
	const runData = run.data?.resultData?.runData ?? {};
	if (profileDir) printProfile(vendor, profileDir, spawnedAt, runData['Case 1']?.[0]);
	const windows = cases.map((spec) => {
		const task = runData[`Case ${spec.label}`]?.[0];
		return { name: spec.mockName, from: task?.startTime ?? 0, to: (task?.startTime ?? 0) + (task?.executionTime ?? 0) };
	});
	const counts = await mockProcess.send('count', { windows });
	const roundMs = {};
	for (const parallel of [10, 20, DEFAULTS[vendor].defaultConcurrency]) roundMs[parallel] = await bareClient.bareClientRoundMs(mocks[`${vendor}-slow`], parallel, Math.max(10, Math.ceil(ITEMS / parallel / 2)));
	for (const spec of cases) {
		const task = runData[`Case ${spec.label}`]?.[0];
		const output = task?.data?.main?.[0] ?? [];
		const ms = task?.executionTime ?? NaN;
		const { requests, refused } = counts[spec.index];
		const latency = spec.mock === 'fast' ? 0 : SLOW_MS;
		// The HTTP Request node sends every item at once: no floor to compare with.
		const rounds = Math.ceil(requests / (spec.concurrency ?? 1));
		// Paced: no faster than the vendor's documented pace either.
		const paceMs = spec.paced ? (requests / (DEFAULTS[vendor].rateLimit.requestsPerSecond || Infinity)) * 1000 : 0;
		const floor = latency > 0 && spec.kind === 'node' ? Math.max(rounds * latency, paceMs) : 0;
		const measuredFloor = floor && roundMs[spec.concurrency] ? Math.max(rounds * roundMs[spec.concurrency], paceMs) : 0;
		rows.push({
			node: VENDOR_NODES[vendor].name,
			case: spec.name,
			'latency ms': latency,
			items: ITEMS,
			'out items': output.length,
			failed: output.filter((item) => item.json?.error !== undefined).length + (task?.error ? ITEMS : 0),
			'node ms': ms,
			'ms/item': (ms / ITEMS).toFixed(2),
			requests,
			refused,
			'floor ms': floor || '',
			ratio: floor ? (ms / floor).toFixed(2) : '',
			'bare client ms': measuredFloor ? Math.round(measuredFloor) : '',
			'ratio to bare client': measuredFloor ? (ms / measuredFloor).toFixed(2) : '',
		});
	}
	const tokens = {};
	if (vendor === 'sfmc') {
		for (const kind of ['fast', 'slow', 'expiring']) tokens[`tokens (${kind})`] = await mockProcess.send('tokens', { name: `sfmc-${kind}` });
	}
	memory.push({ workflow: `Bench ${vendor}`, cases: cases.length, 'n8n peak RSS MB': peakMb, 'wall s': ((Date.now() - started) / 1000).toFixed(1), status: run.status ?? '', ...tokens });
}
await mockProcess.send('stop').catch(() => undefined);
if (!process.env.BENCH_KEEP) rmSync(importDir, { recursive: true, force: true });
rmSync(userFolder, { recursive: true, force: true });

console.log(`Real n8n ${N8N_VERSION} (n8n execute, Node 24), ${ITEMS} items per case, mocks in their own process.`);
console.log('node ms = the node\'s execution time in n8n\'s run data; floor = ceil(requests / parallel) x latency (every request the case made, token requests included);');
console.log('bare client = the same number of rounds by a bare Node http client against the same mock, measured in this run: what this machine allows at all.');
table.printTable(rows);
console.log('');
table.printTable(memory);
if (existsSync(importDir)) console.log(`\nn8n output kept in ${importDir}`);
process.exit(0);
