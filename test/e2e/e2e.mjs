// The end-to-end test: the packed tarball installed into real n8n 2.41.1 (as n8n installs
// community packages), one credential and workflow per vendor imported headlessly, executed with
// `n8n execute`, and checked on both sides: the requests the loopback mocks received and the
// contacts in n8n's output. Then n8n's community package scanner on the unpacked tarball, and a
// browser check of the editor with Debian's chromium (skip it with --no-browser).
import { mkdtempSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

import { checkInstalled, E2E, importSandbox, installPackedPackage, n8n, PEOPLE, ROOT, RUNTIME, runFromExecuteOutput, startMocks, startN8n, stopMocks, SYNC, syncWorkflowFor, VENDOR_NODES, workflowFor } from './lib.mjs';

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
const { tarball, unpacked } = installPackedPackage(userFolder);
console.log(`[${seconds()}] installed ${tarball} into ${unpacked}`);

// n8n's community package scanner, offline: its exported analysis on the unpacked tarball.
const scanner = await import(pathToFileURL(join(RUNTIME, 'node_modules', '@n8n', 'scan-community-package', 'scanner', 'scanner.mjs')).href);
if (runs('scanner')) {
	const scan = await scanner.analyzePackage(unpacked, ['**/*.js', 'package.json']);
	check('community package scanner passes on the packed tarball', scan.passed, scan.passed ? '' : `${scan.message} ${scan.details ?? ''}`);
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

	// Ordinary rows: blank cells and digit dates, as n8n evaluates them.
	if (runs('integrity')) {
		const { integrityCheck } = await import('./integrity.mjs');
		for (const result of await integrityCheck(userFolder, mocks, execute)) check(result.name, result.ok, result.detail);
	}

	// The editor (browser check), then Stop through n8n's own API, on one running n8n.
	const { importStopWorkflow, stopCheck } = await import('./stop.mjs');
	await importStopWorkflow(userFolder);
	const n8nProcess = await startN8n(userFolder);
	try {
		if (runs('browser') && !process.argv.includes('--no-browser')) {
			const { browserCheck } = await import('./browser.mjs');
			const screenshots = join(E2E, 'screenshots');
			mkdirSync(screenshots, { recursive: true });
			for (const result of await browserCheck('http://127.0.0.1:5678', screenshots)) check(result.name, result.ok, result.detail);
		}
		if (runs('stop')) for (const result of await stopCheck('http://127.0.0.1:5678', n8nProcess.pid, mocks)) check(result.name, result.ok, result.detail);
	} finally {
		n8nProcess.kill('SIGTERM');
	}
	exitCode = results.every((result) => result.ok) ? 0 : 1;
} finally {
	await stopMocks(mocks);
}

/** The vendors' workflows: create (twice), sync, and the nodes as tools of n8n's AI agent. */
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

	// The nodes as tools of n8n's AI agent, with a loopback stand-in for the language model.
	const { agentCheck } = await import('./agent.mjs');
	for (const result of await agentCheck(userFolder, mocks, join(E2E, 'screenshots'))) check(result.name, result.ok, result.detail);
}

const failed = results.filter((result) => !result.ok).length;
console.log(`\nEnd-to-end in real n8n ${(await import(pathToFileURL(join(RUNTIME, 'node_modules', 'n8n', 'package.json')).href, { with: { type: 'json' } })).default.version}: ${results.length - failed} passed, ${failed} failed, ${seconds()} (package from ${ROOT})`);
process.exit(exitCode);
