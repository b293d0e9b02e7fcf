// The end-to-end test, on every n8n line of the matrix (the newest 1.123.x and 2.41.x, each with
// Node 24): the packed tarball installed into real n8n (as n8n installs community packages), one
// credential and workflow per vendor imported headlessly, executed with `n8n execute`, and checked
// on both sides: the requests the loopback mocks received and the contacts in n8n's output. Then
// the vendors' errors and lost answers, the credentials in n8n's HTTP Request node, n8n's
// community package scanner, the credential tests through n8n's REST API, and a browser check of
// the editor with a Chromium found on this machine (skip it with --no-browser).
// `--n8n=1` or `--n8n=2` runs one line; without it, each line runs in its own process, in turn.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

import { checkInstalled, CHROMIUM_HELP, E2E, findChromium, IN_CI, importSandbox, installPackedPackage, n8n, N8N_LINE, PACKAGE_OF, N8N_LINES, N8N_VERSION, PEOPLE, ROOT, RUNTIME, runFromExecuteOutput, startMocks, startN8n, stopMocks, SYNC, syncWorkflowFor, VENDOR_NODES, workflowFor } from './lib.mjs';

if (!process.argv.some((arg) => arg.startsWith('--n8n='))) {
	const lines = Object.keys(N8N_LINES).sort().reverse();
	const outcomes = lines.map((line) => {
		console.log(`\n=== n8n ${N8N_LINES[line].version} (the ${line}.x line) ===`);
		const run = spawnSync(process.execPath, [fileURLToPath(import.meta.url), `--n8n=${line}`, ...process.argv.slice(2)], { stdio: 'inherit' });
		return { line, ok: run.status === 0 };
	});
	console.log(`\nEnd-to-end matrix: ${outcomes.map(({ line, ok }) => `n8n ${N8N_LINES[line].version} ${ok ? 'passed' : 'FAILED'}`).join(', ')}`);
	process.exit(outcomes.every(({ ok }) => ok) ? 0 : 1);
}

const started = Date.now();
const seconds = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;
const results = [];
function check(name, ok, detail = '') {
	results.push({ name, ok });
	console.log(`${ok ? 'PASS' : 'FAIL'}  ${name}${detail ? `  (${detail})` : ''}`);
}

// --only=stop (or integrity, browser): the install, the import and those checks alone, for working on them.
const only = process.argv.find((arg) => arg.startsWith('--only='))?.slice('--only='.length).split(',');
const runs = (part) => !only || only.includes(part);

checkInstalled();
const userFolder = mkdtempSync(join(tmpdir(), 'contacts-e2e-n8n-'));
const { tarballs, unpacked } = installPackedPackage(userFolder);
console.log(`[${seconds()}] installed the four packages together: ${Object.values(tarballs).map((tarball) => basename(tarball)).join(', ')}`);

// n8n's community package scanner, offline: its exported analysis on each unpacked tarball (once, on the 2.x line).
if (runs('scanner') && N8N_LINE === '2') {
	const scanner = await import(pathToFileURL(join(RUNTIME, 'node_modules', '@n8n', 'scan-community-package', 'scanner', 'scanner.mjs')).href);
	for (const [vendor, folder] of Object.entries(unpacked)) {
		const scan = await scanner.analyzePackage(folder, ['**/*.js', 'package.json']);
		check(`community package scanner passes on ${PACKAGE_OF[vendor]}'s tarball`, scan.passed, scan.passed ? '' : `${scan.message} ${scan.details ?? ''}`);
	}
}

/** `n8n execute` of one workflow, and its run. */
async function execute(workflowId) {
	const { stdout } = await n8n(userFolder, ['execute', `--id=${workflowId}`, '--rawOutput']);
	const json = runFromExecuteOutput(stdout) ?? { status: 'no JSON output', stdout };
	return { json, runData: json.data?.resultData?.runData ?? {} };
}

const mocks = await startMocks();
let exitCode = 1;
try {
	await importSandbox(userFolder, mocks, { withWrongSecret: true });
	console.log(`[${seconds()}] imported the credentials and workflows`);

	if (runs('workflows')) await workflowChecks();

	// The nodes as tools of n8n's AI agent (Create, Delete, Get Many), with a loopback stand-in for the language model.
	if (runs('agent')) {
		const { agentCheck, agentOperationChecks } = await import('./agent.mjs');
		for (const result of await agentCheck(userFolder, mocks, join(E2E, 'screenshots'))) check(result.name, result.ok, result.detail);
		for (const result of await agentOperationChecks(userFolder, mocks, join(E2E, 'screenshots'))) check(result.name, result.ok, result.detail);
	}

	// Get Many (Intercom): Return All over more than three pages, Limit, a filter.
	if (runs('getmany')) {
		const { getManyChecks } = await import('./getMany.mjs');
		for (const result of await getManyChecks(userFolder, mocks, execute)) check(result.name, result.ok, result.detail);
	}

	// Each package alone in a fresh n8n: its node and credential load, and its create workflow runs.
	if (runs('alone')) {
		const { aloneChecks } = await import('./alone.mjs');
		for (const result of await aloneChecks(mocks)) check(result.name, result.ok, result.detail);
	}

	// Ordinary rows: blank cells and digit dates, as n8n evaluates them.
	if (runs('integrity')) {
		const { integrityCheck } = await import('./integrity.mjs');
		for (const result of await integrityCheck(userFolder, mocks, execute)) check(result.name, result.ok, result.detail);
	}

	// The vendors' own errors, and answers lost after the vendor acted.
	if (runs('errors')) {
		const { errorChecks } = await import('./errors.mjs');
		for (const result of await errorChecks(userFolder, mocks, execute)) check(result.name, result.ok, result.detail);
	}

	// Delete on every node: Continue On Fail, already gone, bad input, a lost answer.
	if (runs('delete')) {
		const { deletionChecks } = await import('./deletion.mjs');
		for (const result of await deletionChecks(userFolder, mocks, execute)) check(result.name, result.ok, result.detail);
	}

	// The credentials in n8n's HTTP Request node (Predefined Credential Type).
	if (runs('customapi')) {
		const { customApiChecks } = await import('./customApi.mjs');
		for (const result of await customApiChecks(userFolder, mocks, execute)) check(result.name, result.ok, result.detail);
	}

	// On one running n8n: the credential tests through n8n's REST API, the editor (browser check), then Stop.
	const { importStopWorkflow, stopCheck } = await import('./stop.mjs');
	if (runs('stop')) await importStopWorkflow(userFolder);
	const { importTriggerWorkflows, triggerChecks } = await import('./triggers.mjs');
	if (runs('triggers')) await importTriggerWorkflows(userFolder);
	const n8nProcess = await startN8n(userFolder);
	const baseUrl = 'http://127.0.0.1:5678';
	try {
		if (runs('triggers')) for (const result of await triggerChecks(baseUrl)) check(result.name, result.ok, result.detail);
		if (runs('credentials')) {
			const { credentialTestChecks } = await import('./credentialTests.mjs');
			for (const result of await credentialTestChecks(baseUrl)) check(result.name, result.ok, result.detail);
		}
		if (runs('browser') && !process.argv.includes('--no-browser') && !findChromium()) {
			if (IN_CI) check('browser check: a Chromium to drive', false, CHROMIUM_HELP);
			else console.log(`SKIPPED  the browser check. ${CHROMIUM_HELP} (With CI=true this is a failure.)`);
		} else if (runs('browser') && !process.argv.includes('--no-browser')) {
			const { browserCheck, customApiBrowserCheck, getManyBrowserCheck, syncBrowserCheck } = await import('./browser.mjs');
			const screenshots = join(E2E, 'screenshots', `n8n-${N8N_LINE}.x`);
			mkdirSync(screenshots, { recursive: true });
			for (const result of await browserCheck(baseUrl, screenshots)) check(result.name, result.ok, result.detail);
			for (const result of await customApiBrowserCheck(baseUrl, screenshots, mocks)) check(result.name, result.ok, result.detail);
			if (runs('delete') && runs('triggers')) for (const result of await syncBrowserCheck(baseUrl, screenshots)) check(result.name, result.ok, result.detail);
			if (runs('getmany')) for (const result of await getManyBrowserCheck(baseUrl, screenshots)) check(result.name, result.ok, result.detail);
		}
		if (runs('stop')) for (const result of await stopCheck(baseUrl, n8nProcess.pid, mocks)) check(result.name, result.ok, result.detail);
	} finally {
		const exited = new Promise((resolve) => (n8nProcess.exitCode !== null ? resolve() : n8nProcess.once('exit', resolve)));
		n8nProcess.kill('SIGTERM');
		await exited;
	}
	// The polling trigger, with n8n started and stopped between polls (on the same user folder, so after the n8n above).
	if (runs('polling')) {
		const { pollingChecks } = await import('./polling.mjs');
		for (const result of await pollingChecks(userFolder, mocks)) check(result.name, result.ok, result.detail);
	}
	exitCode = results.every((result) => result.ok) ? 0 : 1;
} finally {
	await stopMocks(mocks);
}

/** The vendors' workflows: create (twice), then sync. */
async function workflowChecks() {
	const idOf = { loops: 'id', intercom: 'id', sfmc: 'contactKey', voyado: 'id' };
	const expectedSuccess = Object.fromEntries(
		Object.entries(idOf).map(([vendor, id]) => [vendor, (json) => typeof json[id] === 'string' && json.outcome === 'created']),
	);
	// The columns n8n's table view shows: one set per run, whatever each item's outcome.
	const columnsOf = (output) => [...new Set(output.map((item) => Object.keys(item.json).join(',')))];
	const firstColumns = {};
	const createPath = { loops: '/api/v1/contacts/create', intercom: '/contacts', sfmc: '/contacts/v1/contacts', voyado: '/api/v3/contacts' };
	for (const vendor of Object.keys(VENDOR_NODES)) {
		const before = Date.now();
		const { json, runData } = await execute(workflowFor(vendor).id);
		const output = runData[VENDOR_NODES[vendor].name]?.[0]?.data?.main?.[0] ?? [];
		const creates = mocks[vendor].server.requestsTo('POST', createPath[vendor]);
		const sentEmails = creates.map((request) => JSON.stringify(request.body)).filter((body) => PEOPLE.some((p) => body.includes(p.email)));
		check(`${vendor}: n8n ran the workflow`, json.status === 'success' || json.finished === true, `status ${json.status}, ${Date.now() - before} ms`);
		check(`${vendor}: output holds 3 contacts in input order`, output.length === 3 && output.every((item) => expectedSuccess[vendor](item.json)) && output.every((item, i) => item.pairedItem?.item === i));
		check(`${vendor}: the mock received the 3 creates`, creates.length === 3 && sentEmails.length === 3, `${creates.length} creates`);
		firstColumns[vendor] = columnsOf(output);
	}
	check('sfmc: one token request for the run', mocks.sfmc.tokenRequests === 1, `${mocks.sfmc.tokenRequests}`);

	// The sandbox's create workflows run again and again: the people exist now, and
	// Options > If Contact Already Exists returns them.
	for (const vendor of Object.keys(VENDOR_NODES)) {
		const { json, runData } = await execute(workflowFor(vendor).id);
		const output = runData[VENDOR_NODES[vendor].name]?.[0]?.data?.main?.[0] ?? [];
		check(
			`${vendor}: the create workflow runs a second time without failing`,
			json.status === 'success' && output.length === 3 && output.every((item) => item.json.error === undefined),
			`status ${json.status}, ${output.length} items`,
		);
		const again = 'existing';
		const columns = columnsOf(output);
		check(
			`${vendor}: the second run's contacts say "${again}", in the same columns as the created ones`,
			output.every((item) => item.json.outcome === again) && columns.length === 1 && columns[0] === firstColumns[vendor][0] && firstColumns[vendor].length === 1,
			`${output.map((item) => item.json.outcome).join(', ')}; columns ${columns.join(' | ')}`,
		);
	}

	// The sync story: Create or Update twice on the same person (changed the second time), then Get.
	const storedSync = {
		loops: () => mocks.loops.contacts.filter((contact) => contact.email === 'sync@example.com').length,
		intercom: () => mocks.intercom.contacts.filter((contact) => contact.email === 'sync@example.com').length,
		sfmc: () => mocks.sfmc.contacts.filter((contact) => contact.contactKey === 'sync@example.com').length,
		voyado: () => mocks.voyado.contacts.filter((contact) => contact.attributes.email === 'sync@example.com').length,
	};
	for (const vendor of Object.keys(VENDOR_NODES)) {
		const { json, runData } = await execute(syncWorkflowFor(vendor).id);
		const first = (name) => runData[name]?.[0]?.data?.main?.[0]?.[0]?.json ?? {};
		const outcomes = [first('Create or Update').outcome, first('Create or Update Again').outcome];
		const gotFirstName = SYNC[vendor].firstNameOf(first('Get'));
		check(`${vendor}: sync workflow ran in n8n`, json.status === 'success' || json.finished === true, `status ${json.status}`);
		check(`${vendor}: Create or Update twice says created, then updated`, outcomes.join(',') === 'created,updated', outcomes.join(', '));
		check(`${vendor}: one contact at the mock, and Get returns the updated value`, storedSync[vendor]() === 1 && gotFirstName === 'Augusta', `${storedSync[vendor]()} stored, first name ${gotFirstName}`);
	}
	const loopsBody = mocks.loops.server.requestsTo('POST', createPath.loops)[0]?.body;
	check('loops: the body is exactly what the fields say', JSON.stringify(loopsBody) === JSON.stringify({ email: 'ada@example.com', firstName: 'Ada', lastName: 'Lovelace', source: 'n8n sandbox' }), JSON.stringify(loopsBody));
}

const failed = results.filter((result) => !result.ok).length;
console.log(`\nEnd-to-end in real n8n ${N8N_VERSION}: ${results.length - failed} passed, ${failed} failed, ${seconds()} (package from ${ROOT})`);
process.exit(exitCode);
