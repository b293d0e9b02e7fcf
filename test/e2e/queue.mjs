// Queue mode end to end: n8n 2.41.1 as its own distributed engine (a main process, two workers,
// Redis for the Bull queue, PostgreSQL for everything else), with the packed package installed
// where n8n installs community packages. Each vendor gets a webhook workflow (Webhook -> Split Out
// -> the vendor's node, published, production URL); 20 calls of 100 contacts each are sent at
// once. Then a worker is killed in the middle of a Create or Update run, and the inputs of the
// executions it held are sent again. Every process and service started here is stopped by its own
// process id. Redis and PostgreSQL come from the environment (see services.mjs): without them the
// test says what it needs and is skipped, or fails with CI=true. Run with `npm run test:queue`
// (after `npm run setup`).
import { spawn } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';

import { checkInstalled, credentialsFor, installPackedPackage, N8N_BIN, n8nEnv, n8nOk, NODE24_BIN, startMocks, startN8n, stopMocks, unavailable, VENDOR_NODES } from './lib.mjs';
import { findServices, freePort, SERVICES_HELP, startServices, stopProcess } from './services.mjs';

const CALLS = 20;
const CONTACTS_PER_CALL = 100;
const started = Date.now();
const seconds = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;
const log = (message) => console.log(`[${seconds()}] ${message}`);
const results = [];
const check = (name, ok, detail = '') => {
	results.push({ name, ok });
	console.log(`${ok ? 'PASS' : 'FAIL'}  ${name}${detail ? `  (${detail})` : ''}`);
};

/** Webhook (production URL) -> Split Out (the call's contacts) -> the vendor's node. */
function queueWorkflow(vendor, operation) {
	const node = VENDOR_NODES[vendor];
	const path = `queue-${vendor}-${operation}`;
	const id = `queue${vendor[0].toUpperCase()}${vendor.slice(1)}${operation === 'upsert' ? 'Upsert' : ''}`;
	const parameters = { ...node.parameters, operation, options: { ...(operation === 'create' ? node.parameters.options : {}), requestsPerSecond: 0 } };
	return {
		id,
		name: `${node.name} ${operation} from a webhook (queue mode)`,
		active: false,
		settings: { executionOrder: 'v1' },
		nodes: [
			{
				id: `${id}-webhook`,
				name: 'Webhook',
				type: 'n8n-nodes-base.webhook',
				typeVersion: 2,
				position: [0, 0],
				webhookId: randomUUID(),
				parameters: { httpMethod: 'POST', path, responseMode: 'lastNode', responseData: 'noData', options: {} },
			},
			{ id: `${id}-split`, name: 'Contacts', type: 'n8n-nodes-base.splitOut', typeVersion: 1, position: [220, 0], parameters: { fieldToSplitOut: 'body.contacts', options: {} } },
			{ id: `${id}-node`, name: node.name, type: node.type, typeVersion: 1, position: [440, 0], parameters, credentials: node.credential },
		],
		connections: {
			Webhook: { main: [[{ node: 'Contacts', type: 'main', index: 0 }]] },
			Contacts: { main: [[{ node: node.name, type: 'main', index: 0 }]] },
		},
		pinData: {},
	};
}

const contactsOf = (vendor, tag, call) =>
	Array.from({ length: CONTACTS_PER_CALL }, (_, i) => ({ email: `${tag}-${call}-${i}@${vendor}.example.com`, first: 'Queue', last: `Call${call}` }));

/** Sends the calls at once; resolves with each call's HTTP status (0: no answer). */
async function sendCalls(url, bodies) {
	return await Promise.all(
		bodies.map(async (body) => {
			try {
				const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body), signal: AbortSignal.timeout(300_000) });
				await response.text();
				return response.status;
			} catch {
				return 0;
			}
		}),
	);
}

/** The emails each mock holds, counted. */
const storedEmails = {
	loops: (mock) => mock.contacts.map((contact) => contact.email),
	intercom: (mock) => mock.contacts.map((contact) => contact.email),
	sfmc: (mock) => mock.contacts.map((contact) => contact.attributes['Email Addresses']?.['Email Address']),
	voyado: (mock) => mock.contacts.map((contact) => contact.attributes.email),
};

function countsOf(emails) {
	const counts = new Map();
	for (const email of emails) counts.set(email, (counts.get(email) ?? 0) + 1);
	return counts;
}

checkInstalled();
const offered = findServices();
const missing = Object.entries(offered).filter(([, service]) => service.missing).map(([name, service]) => `${name}: ${service.missing}`);
if (missing.length > 0) unavailable(`queue mode in real n8n (${missing.join('; ')})`, SERVICES_HELP);
const dir = mkdtempSync(join(tmpdir(), 'contacts-queue-'));
// PostgreSQL runs as its own user (never root): it must reach its folder inside this one.
chmodSync(dir, 0o755);
const userFolder = join(dir, 'n8n');
mkdirSync(userFolder);
const processes = {};
const logFiles = {};
let mocks;
let services;
let exitCode = 1;
try {
	services = await startServices(offered, dir);
	const { postgres, redis } = services;
	log(services.describe);
	// One query's rows as 'a|b' lines, as psql -At printed them.
	const psql = async (sql) => (await postgres.query(sql)).map((row) => row.join('|')).join('\n');

	installPackedPackage(userFolder);
	mocks = await startMocks();
	// Limits off: this test is about the engine, not pacing (the pace has its own tests and bench).
	mocks.loops.rateLimitPerSecond = 1_000_000;
	mocks.intercom.windowLimit = 1_000_000;
	mocks.voyado.rateLimitPerSecond = 1_000_000;

	const port = await freePort();
	const queueEnv = {
		DB_TYPE: 'postgresdb',
		DB_POSTGRESDB_HOST: postgres.host,
		DB_POSTGRESDB_PORT: String(postgres.port),
		DB_POSTGRESDB_USER: postgres.user,
		DB_POSTGRESDB_PASSWORD: postgres.password,
		DB_POSTGRESDB_DATABASE: postgres.database,
		EXECUTIONS_MODE: 'queue',
		QUEUE_BULL_REDIS_HOST: redis.host,
		QUEUE_BULL_REDIS_PORT: String(redis.port),
		...(redis.password ? { QUEUE_BULL_REDIS_PASSWORD: redis.password } : {}),
		QUEUE_BULL_PREFIX: services.bullPrefix,
		// A worker that stops is noticed in seconds rather than the default 30.
		QUEUE_WORKER_STALLED_INTERVAL: '5000',
		QUEUE_WORKER_LOCK_DURATION: '5000',
		WEBHOOK_URL: `http://127.0.0.1:${port}/`,
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_PORT: String(port),
		N8N_LOG_LEVEL: 'info',
	};

	const importDir = join(dir, 'import');
	mkdirSync(join(importDir, 'workflows'), { recursive: true });
	writeFileSync(join(importDir, 'credentials.json'), JSON.stringify(credentialsFor(mocks)));
	const workflows = Object.keys(VENDOR_NODES).map((vendor) => queueWorkflow(vendor, 'create'));
	workflows.push(queueWorkflow('loops', 'upsert'));
	for (const workflow of workflows) writeFileSync(join(importDir, 'workflows', `${workflow.id}.json`), JSON.stringify(workflow));
	await n8nOk(userFolder, ['import:credentials', `--input=${join(importDir, 'credentials.json')}`], queueEnv);
	await n8nOk(userFolder, ['import:workflow', '--separate', `--input=${join(importDir, 'workflows')}`], queueEnv);
	for (const workflow of workflows) await n8nOk(userFolder, ['publish:workflow', `--id=${workflow.id}`], queueEnv);
	log('imported the credentials and published the webhook workflows into PostgreSQL');

	// Each process writes straight into its own log file, which the checks read.
	const logTo = (name) => {
		logFiles[name] = join(dir, `${name}.log`);
		return openSync(logFiles[name], 'a');
	};
	const logOf = (name) => readFileSync(logFiles[name], 'utf8');
	const waitForLog = async (name, pattern, timeoutMs = 120_000) => {
		const deadline = Date.now() + timeoutMs;
		while (!pattern.test(logOf(name))) {
			if (processes[name].exitCode !== null) throw new Error(`${name} exited with ${processes[name].exitCode}:\n${logOf(name).slice(-3000)}`);
			if (Date.now() > deadline) throw new Error(`${name}: no ${pattern} within ${timeoutMs / 1000} s:\n${logOf(name).slice(-3000)}`);
			await new Promise((resolve) => setTimeout(resolve, 500));
		}
	};

	processes.main = await startN8n(userFolder, port, {
		extraEnv: { ...queueEnv, N8N_RUNNERS_BROKER_PORT: String(await freePort()) },
		output: logTo('main'),
		timeoutMs: 180_000,
	});
	for (const worker of ['worker1', 'worker2']) {
		const env = n8nEnv(userFolder, { ...queueEnv, N8N_RUNNERS_BROKER_PORT: String(await freePort()), QUEUE_HEALTH_CHECK_PORT: String(await freePort()) });
		const output = logTo(worker);
		processes[worker] = spawn(join(NODE24_BIN, 'node'), [N8N_BIN, 'worker', '--concurrency=5'], { env, stdio: ['ignore', output, output] });
	}
	for (const worker of ['worker1', 'worker2']) await waitForLog(worker, /n8n worker is now ready|Worker ready|ready to receive/i);
	log(`main (pid ${processes.main.pid}) and two workers (pids ${processes.worker1.pid}, ${processes.worker2.pid}) are ready`);

	// 1. Every vendor: 20 calls of 100 contacts at once.
	const executionsBefore = async () => Number((await psql('select count(*) from execution_entity')).trim());
	for (const vendor of Object.keys(VENDOR_NODES)) {
		const before = Date.now();
		const firstExecution = await executionsBefore();
		const bodies = Array.from({ length: CALLS }, (_, call) => ({ contacts: contactsOf(vendor, 'queue', call) }));
		const url = `http://127.0.0.1:${port}/webhook/queue-${vendor}-create`;
		// Marketing Cloud: the first call goes alone and fetches the token (n8n stores it in PostgreSQL);
		// the other 19 then run at once on both workers, which must reuse it. Two workers starting cold at
		// the same instant would each fetch one: there is no lock across processes.
		const statuses = vendor === 'sfmc' ? [...(await sendCalls(url, bodies.slice(0, 1))), ...(await sendCalls(url, bodies.slice(1)))] : await sendCalls(url, bodies);
		const tookMs = Date.now() - before;
		const counts = countsOf(storedEmails[vendor](mocks[vendor]));
		const sent = bodies.flatMap((body) => body.contacts.map((contact) => contact.email));
		const once = sent.filter((email) => counts.get(email) === 1).length;
		check(`${vendor}: ${CALLS} webhook calls of ${CONTACTS_PER_CALL} contacts each are answered 200`, statuses.every((status) => status === 200), `${statuses.filter((s) => s === 200).length}/${CALLS} in ${(tookMs / 1000).toFixed(1)} s`);
		check(`${vendor}: every contact reached the mock exactly once`, once === sent.length && counts.size === sent.length, `${once}/${sent.length} once, ${counts.size} stored`);
		const rows = (await psql(`select status from execution_entity where "workflowId" = '${queueWorkflow(vendor, 'create').id}'`)).trim().split('\n');
		check(`${vendor}: every execution ended successful`, rows.length === CALLS && rows.every((status) => status === 'success'), `${rows.length} executions: ${[...countsOf(rows)].map(([s, n]) => `${n} ${s}`).join(', ')}; ${(await executionsBefore()) - firstExecution} new`);
	}
	const startedBy = (worker) => [...logOf(worker).matchAll(/Worker started execution (\d+)/g)].map((match) => match[1]);
	const perWorker = { worker1: startedBy('worker1').length, worker2: startedBy('worker2').length };
	check('executions ran on both workers', perWorker.worker1 > 0 && perWorker.worker2 > 0, `worker1 ${perWorker.worker1}, worker2 ${perWorker.worker2}`);
	const sfmcExecutions = new Set((await psql(`select id from execution_entity where "workflowId" = '${queueWorkflow('sfmc', 'create').id}'`)).trim().split('\n'));
	const sfmcPerWorker = ['worker1', 'worker2'].map((worker) => startedBy(worker).filter((id) => sfmcExecutions.has(id)).length);
	check(
		'sfmc: one token request for the whole run, though both workers ran its executions (the token is read back from PostgreSQL)',
		mocks.sfmc.tokenRequests === 1 && sfmcPerWorker.every((count) => count > 0),
		`${mocks.sfmc.tokenRequests} token request(s); executions: worker1 ${sfmcPerWorker[0]}, worker2 ${sfmcPerWorker[1]}`,
	);

	// 2. A worker stops (killed by its own pid) in the middle of a Create or Update run.
	const upsertUrl = `http://127.0.0.1:${port}/webhook/queue-loops-upsert`;
	const bodies = Array.from({ length: CALLS }, (_, call) => ({ contacts: contactsOf('loops', 'crash', call) }));
	const startedBeforeKill = new Set(startedBy('worker1'));
	const upsertRun = sendCalls(upsertUrl, bodies);
	const killDeadline = Date.now() + 60_000;
	while (startedBy('worker1').filter((id) => !startedBeforeKill.has(id)).length === 0 && Date.now() < killDeadline) await new Promise((resolve) => setTimeout(resolve, 50));
	const finishedBy = (worker) => new Set([...logOf(worker).matchAll(/Worker finished execution (\d+)/g)].map((match) => match[1]));
	await stopProcess(processes.worker1, 'SIGKILL');
	log(`killed worker1 (pid ${processes.worker1.pid}) in the middle of the run`);
	const upsertStatuses = await upsertRun;
	// n8n notices the lost worker through Bull's stalled-job check, then marks its executions. What it
	// held is read from n8n's own record in PostgreSQL: the run's executions that did not succeed, none
	// of them started by the worker still running, and all those its log shows unfinished.
	const upsertId = queueWorkflow('loops', 'upsert').id;
	let rows = [];
	for (let attempt = 0; attempt < 60; attempt += 1) {
		rows = (await psql(`select id, status from execution_entity where "workflowId" = '${upsertId}' order by id`)).trim().split('\n').filter(Boolean);
		if (rows.every((row) => !/\|(running|new)$/.test(row))) break;
		await new Promise((resolve) => setTimeout(resolve, 1_000));
	}
	const notSucceeded = rows.filter((row) => !row.endsWith('|success'));
	const heldIds = notSucceeded.map((row) => row.split('|')[0]);
	const loggedHeld = startedBy('worker1').filter((id) => !startedBeforeKill.has(id) && !finishedBy('worker1').has(id));
	const survivor = new Set(startedBy('worker2'));
	check(
		'the executions the killed worker held are reported as crashed or failed, never as success',
		heldIds.length > 0 &&
			notSucceeded.every((row) => /\|(crashed|error)$/.test(row)) &&
			heldIds.every((id) => !survivor.has(id)) &&
			loggedHeld.every((id) => heldIds.includes(id)),
		`${notSucceeded.join('; ')} (of ${rows.length}); its log still shows ${loggedHeld.length} of them`,
	);
	check(
		'every call whose execution the killed worker did not hold was answered 200',
		upsertStatuses.filter((status) => status === 200).length === CALLS - heldIds.length,
		`${upsertStatuses.filter((status) => status === 200).length} answered 200, ${heldIds.length} held by the killed worker`,
	);
	// Send the inputs of every call again (Create or Update): one contact per input, whatever ran before.
	const rerun = await sendCalls(upsertUrl, bodies);
	const counts = countsOf(storedEmails.loops(mocks.loops));
	const inputs = bodies.flatMap((body) => body.contacts.map((contact) => contact.email));
	check('re-run with Create or Update: every call answered by the remaining worker', rerun.every((status) => status === 200), rerun.join(','));
	check('re-run with Create or Update: one contact per input', inputs.every((email) => counts.get(email) === 1), `${inputs.filter((email) => counts.get(email) === 1).length}/${inputs.length}`);

	// 3. No credential value in any log of main or worker, nor in PostgreSQL in plain text.
	const secrets = ['sandbox-loops-key', 'sandbox-intercom-token', 'sandbox-client-secret', 'sandbox-voyado-key', 'not-the-secret', ...Array.from({ length: mocks.sfmc.tokenRequests + 2 }, (_, i) => `mock-token-${i + 1}`)];
	const haystacks = { ...Object.fromEntries(Object.keys(logFiles).map((name) => [`${name} log`, logOf(name)])), 'PostgreSQL dump': await postgres.dump() };
	const found = Object.entries(haystacks).flatMap(([where, text]) => secrets.filter((secret) => text.includes(secret)).map((secret) => `${secret} in ${where}`));
	check('no credential value in the logs of main and workers, nor in PostgreSQL in plain text', found.length === 0, found.join(', ') || `${secrets.length} values, ${Object.keys(haystacks).length} places`);
	exitCode = results.every((result) => result.ok) ? 0 : 1;
} catch (error) {
	console.error(error);
} finally {
	for (const name of ['worker2', 'worker1', 'main']) await stopProcess(processes[name]).catch(() => undefined);
	await services?.redis.stop().catch(() => undefined);
	await services?.postgres.stop().catch(() => undefined);
	if (mocks) await stopMocks(mocks);
	const failed = results.filter((result) => !result.ok).length;
	console.log(`\nQueue mode in real n8n (main, 2 workers, Redis, PostgreSQL): ${results.length - failed} passed, ${failed} failed, ${seconds()}`);
	if (exitCode !== 0) for (const [name, file] of Object.entries(logFiles)) console.log(`--- last lines of ${name}:\n${readFileSync(file, 'utf8').slice(-1500)}`);
	rmSync(dir, { recursive: true, force: true });
	process.exit(exitCode);
}
