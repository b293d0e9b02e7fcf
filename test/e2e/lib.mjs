// Shared by the end-to-end test and the sandbox: where Node 24 and n8n live, the environment n8n
// runs with, the packed package installed as n8n installs community packages, the four mocks,
// and one credential and workflow per vendor pointing at them.
import { execFileSync, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { accessSync, constants, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { basename, delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const E2E = dirname(fileURLToPath(import.meta.url));
export const ROOT = join(E2E, '..', '..');
/** Where the e2e tools are installed: outside test/ so jest, tsc and eslint never crawl them. */
export const TOOLS = join(ROOT, '.e2e');
/**
 * Node 24 for n8n: the Node running this script when it is 24 or newer, else Node 24 from the npm
 * registry (`node-linux-<arch>`, which install.mjs puts under .e2e/node24; the registry has no
 * macOS or Windows build of it, so there a contributor runs the e2e with their own Node 24).
 */
export const NODE_PACKAGE = `node-${process.platform}-${process.arch}`;
const OWN_NODE_IS_24 = Number(process.versions.node.split('.')[0]) >= 24;
export const NODE24_DIR = OWN_NODE_IS_24 ? join(dirname(process.execPath), '..') : join(TOOLS, 'node24', 'node_modules', NODE_PACKAGE);
export const NODE24_BIN = OWN_NODE_IS_24 ? dirname(process.execPath) : join(NODE24_DIR, 'bin');

/**
 * The n8n lines the e2e runs on, each installed in its own folder from its own pinned manifest
 * (test/e2e/<folder>/package.json): the newest 1.123.x and the newest 2.41.x. The 2.x folder also
 * holds the tools (playwright-core, the community package scanner, pg).
 */
export const N8N_LINES = {
	2: { folder: 'runtime', version: '2.41.1' },
	1: { folder: 'runtime-1x', version: '1.123.81' },
};
/** The line this process drives: `--n8n=1` or `--n8n=2` (the default). */
export const N8N_LINE = process.argv.find((arg) => arg.startsWith('--n8n='))?.slice('--n8n='.length) ?? '2';
if (!N8N_LINES[N8N_LINE]) throw new Error(`--n8n=${N8N_LINE}: the lines are ${Object.keys(N8N_LINES).join(', ')}`);
export const RUNTIME = join(TOOLS, N8N_LINES[2].folder);
export const N8N_RUNTIME = join(TOOLS, N8N_LINES[N8N_LINE].folder);
export const N8N_BIN = join(N8N_RUNTIME, 'node_modules', 'n8n', 'bin', 'n8n');
export const N8N_VERSION = N8N_LINES[N8N_LINE].version;

const require = createRequire(import.meta.url);
require(join(ROOT, 'bench', 'register-ts.cjs'));

/** Runs a command, showing its output, and fails loudly. */
export function sh(command, args, options = {}) {
	execFileSync(command, args, { stdio: 'inherit', ...options });
}

/** The environment of every n8n process: Node 24 first on PATH, its own user folder, no phoning home. */
export function n8nEnv(userFolder, extra = {}) {
	return {
		...process.env,
		PATH: `${NODE24_BIN}:${process.env.PATH}`,
		N8N_USER_FOLDER: userFolder,
		N8N_ENCRYPTION_KEY: 'e2e-only-encryption-key',
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_HIRING_BANNER_ENABLED: 'false',
		// 2.x only: 1.x refuses a module name it does not know.
		...(N8N_LINE === '2' ? { N8N_DISABLED_MODULES: 'mcp-registry' } : {}),
		N8N_RUNNERS_ENABLED: 'true',
		DB_SQLITE_POOL_SIZE: '2',
		// info: `n8n execute` prints its result through the logger at this level.
		N8N_LOG_LEVEL: 'info',
		...extra,
	};
}

/**
 * Runs the n8n CLI and resolves with its exit code and stdout. Asynchronous on purpose: the mocks
 * answer from this same process, so its event loop must stay free while n8n runs.
 */
export function n8n(userFolder, args, extraEnv = {}) {
	return new Promise((resolve, reject) => {
		const child = spawn(join(NODE24_BIN, 'node'), [N8N_BIN, ...args], {
			env: n8nEnv(userFolder, extraEnv),
			stdio: ['ignore', 'pipe', 'inherit'],
		});
		const chunks = [];
		child.stdout.on('data', (chunk) => chunks.push(chunk));
		child.on('error', reject);
		child.on('close', (code) => resolve({ code, stdout: Buffer.concat(chunks).toString('utf8') }));
	});
}

/**
 * The run `n8n execute --rawOutput` printed: n8n prints it as JSON, then, if the workflow failed,
 * a few lines about the error. Undefined when there is no JSON.
 */
export function runFromExecuteOutput(stdout) {
	const start = stdout.search(/^\{/m);
	const end = stdout.search(/^\}$/m);
	return start >= 0 && end > start ? JSON.parse(stdout.slice(start, end + 1)) : undefined;
}

/** Runs the n8n CLI and fails unless it exits 0. */
export async function n8nOk(userFolder, args, extraEnv = {}) {
	const { code, stdout } = await n8n(userFolder, args, extraEnv);
	if (code !== 0) throw new Error(`n8n ${args.join(' ')} exited with ${code}:\n${stdout}`);
	return stdout;
}

/**
 * `n8n start` in the background; resolves when /healthz/readiness answers 200. `extraEnv` adds to
 * its environment (queue mode); `output` is where it writes (a file descriptor), else this terminal.
 */
export async function startN8n(userFolder, port = 5678, { extraEnv = {}, output = 'inherit', timeoutMs = 120_000 } = {}) {
	const child = spawn(join(NODE24_BIN, 'node'), [N8N_BIN, 'start'], {
		env: n8nEnv(userFolder, { N8N_LISTEN_ADDRESS: '127.0.0.1', N8N_PORT: String(port), N8N_SECURE_COOKIE: 'false', N8N_LOG_LEVEL: 'warn', ...extraEnv }),
		stdio: ['ignore', output, output],
	});
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		if (child.exitCode !== null) throw new Error(`n8n start exited with ${child.exitCode}`);
		try {
			const response = await fetch(`http://127.0.0.1:${port}/healthz/readiness`);
			if (response.status === 200) return child;
		} catch {
			// not listening yet
		}
		if (Date.now() > deadline) throw new Error(`n8n did not become ready within ${timeoutMs / 1000} s`);
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
}

export function checkInstalled() {
	if (!existsSync(join(NODE24_BIN, 'node')) && process.platform !== 'linux') {
		unavailable('real n8n (it needs Node 24)', 'The npm registry has Node 24 only for Linux: run this with your own Node 24 (e.g. `nvm install 24`, then `npm run setup`). `npm test` needs only Node 20.');
	}
	if (!existsSync(join(NODE24_BIN, 'node')) || !existsSync(N8N_BIN)) {
		throw new Error(`Real n8n ${N8N_VERSION} is not installed: run \`npm run setup\` (or \`node test/e2e/install.mjs\`) first.`);
	}
}

/** The package of each vendor: its npm name (gulpfile.js PACKAGES), also the prefix of its node type. */
const { PACKAGES } = require(join(ROOT, 'gulpfile.js'));
const packageIn = (folder) => PACKAGES.find((spec) => spec.folder === folder).name;
export const PACKAGE_OF = {
	loops: packageIn('Loops'),
	intercom: packageIn('Intercom'),
	sfmc: packageIn('SalesforceMarketingCloud'),
	voyado: packageIn('VoyadoEngage'),
};

const packedIn = new Map();

/** `npm run pack` of this repository (`root`: another checkout of it), once per process: the four tarballs. */
export function packPackages(root = ROOT) {
	if (!packedIn.has(root)) {
		sh('npm', ['run', 'pack', '--silent'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
		const dir = join(root, 'dist-packages');
		packedIn.set(root, Object.fromEntries(Object.entries(PACKAGE_OF).map(([vendor, name]) => [vendor, join(dir, readdirSync(dir).find((file) => file.startsWith(`${name}-`) && /-\d+\.\d+\.\d+\.tgz$/.test(file)))])));
	}
	return packedIn.get(root);
}

/**
 * Packs the four packages and unpacks the tarballs of `vendors` (all four by default) where n8n
 * looks for installed community packages: <user folder>/.n8n/nodes/node_modules/<name>.
 */
export function installPackedPackage(userFolder, root = ROOT, vendors = Object.keys(PACKAGE_OF)) {
	const tarballs = packPackages(root);
	const unpacked = {};
	for (const vendor of vendors) {
		const target = join(userFolder, '.n8n', 'nodes', 'node_modules', PACKAGE_OF[vendor]);
		rmSync(target, { recursive: true, force: true });
		mkdirSync(target, { recursive: true });
		sh('tar', ['-xzf', tarballs[vendor], '-C', target, '--strip-components=1']);
		unpacked[vendor] = target;
	}
	return { tarballs, unpacked };
}

/** The four loopback mocks, in this process. */
export async function startMocks() {
	const { LoopsMock } = require(join(ROOT, 'test', 'mocks', 'loops.ts'));
	const { IntercomMock } = require(join(ROOT, 'test', 'mocks', 'intercom.ts'));
	const { SfmcMock } = require(join(ROOT, 'test', 'mocks', 'sfmc.ts'));
	const { VoyadoMock } = require(join(ROOT, 'test', 'mocks', 'voyado.ts'));
	const mocks = {
		loops: new LoopsMock('sandbox-loops-key'),
		intercom: new IntercomMock('sandbox-intercom-token'),
		sfmc: new SfmcMock('sandbox-client', 'sandbox-client-secret'),
		voyado: new VoyadoMock('sandbox-voyado-key'),
	};
	for (const mock of Object.values(mocks)) await mock.start();
	return mocks;
}

export async function stopMocks(mocks) {
	for (const mock of Object.values(mocks)) await mock.stop();
}

/** One credential per vendor, pointing at its mock (plaintext; n8n encrypts on import). */
export function credentialsFor(mocks) {
	return [
		{ id: 'loopsCred', name: 'Loops (sandbox mock)', type: 'loopsApi', data: { apiKey: 'sandbox-loops-key', baseUrl: mocks.loops.baseUrl } },
		{ id: 'intercomCred', name: 'Intercom (sandbox mock)', type: 'intercomContactsApi', data: { accessToken: 'sandbox-intercom-token', region: 'eu', baseUrl: mocks.intercom.baseUrl } },
		{
			id: 'sfmcCred',
			name: 'Marketing Cloud (sandbox mock)',
			type: 'salesforceMarketingCloudApi',
			data: { subdomain: 'mc563885gzs27c5t9-63k636ttgm', clientId: 'sandbox-client', clientSecret: 'sandbox-client-secret', authBaseUrl: mocks.sfmc.baseUrl, accessToken: '', restInstanceUrl: '' },
		},
		{ id: 'voyadoCred', name: 'Voyado (sandbox mock)', type: 'voyadoEngageApi', data: { tenant: 'sandbox', apiKey: 'sandbox-voyado-key', baseUrlOverride: mocks.voyado.baseUrl } },
	];
}

/**
 * For the browser check only: opening it shows what the credential test says about a wrong client
 * secret. Not in the sandbox: with one credential of a type, n8n gives a new node that one.
 */
export function wrongSecretCredentialFor(mocks) {
	return {
		id: 'sfmcWrongCred',
		name: 'Marketing Cloud (sandbox mock, wrong secret)',
		type: 'salesforceMarketingCloudApi',
		data: { subdomain: 'mc563885gzs27c5t9-63k636ttgm', clientId: 'sandbox-client', clientSecret: 'not-the-secret', authBaseUrl: mocks.sfmc.baseUrl, accessToken: '', restInstanceUrl: '' },
	};
}

const people = [
	{ email: 'ada@example.com', first: 'Ada', last: 'Lovelace' },
	{ email: 'grace@example.com', first: 'Grace', last: 'Hopper' },
	{ email: 'katherine@example.com', first: 'Katherine', last: 'Johnson' },
];

/** The node of each vendor's example workflow, as a user would fill it in. */
export const VENDOR_NODES = {
	loops: {
		name: 'Loops',
		type: `${PACKAGE_OF.loops}.loops`,
		credential: { loopsApi: { id: 'loopsCred', name: 'Loops (sandbox mock)' } },
		parameters: {
			resource: 'contact',
			operation: 'create',
			email: '={{ $json.email }}',
			additionalFields: { firstName: '={{ $json.first }}', lastName: '={{ $json.last }}', source: 'n8n sandbox' },
			// The sandbox workflow can run again: the second time the contacts exist.
			options: { ifContactExists: 'returnExisting' },
		},
	},
	intercom: {
		name: 'Intercom Contacts',
		type: `${PACKAGE_OF.intercom}.intercom`,
		credential: { intercomContactsApi: { id: 'intercomCred', name: 'Intercom (sandbox mock)' } },
		parameters: {
			resource: 'contact',
			operation: 'create',
			role: 'user',
			email: '={{ $json.email }}',
			additionalFields: { name: '={{ $json.first + " " + $json.last }}' },
			options: { ifContactExists: 'returnExisting' },
		},
	},
	sfmc: {
		name: 'Salesforce Marketing Cloud',
		type: `${PACKAGE_OF.sfmc}.salesforceMarketingCloud`,
		credential: { salesforceMarketingCloudApi: { id: 'sfmcCred', name: 'Marketing Cloud (sandbox mock)' } },
		parameters: {
			resource: 'contact',
			operation: 'create',
			contactKey: '={{ $json.email }}',
			attributeSets: {
				emailAddresses: [{ emailAddress: '={{ $json.email }}', htmlEnabled: true }],
				emailDemographics: [{ lastName: '={{ $json.last }}', firstName: '={{ $json.first }}' }],
			},
			// The sandbox workflow can run again: the second time the contacts exist.
			options: { ifContactExists: 'returnExisting' },
		},
	},
	voyado: {
		name: 'Voyado Engage',
		type: `${PACKAGE_OF.voyado}.voyadoEngage`,
		credential: { voyadoEngageApi: { id: 'voyadoCred', name: 'Voyado (sandbox mock)' } },
		parameters: {
			resource: 'contact',
			operation: 'create',
			email: '={{ $json.email }}',
			additionalFields: { firstName: '={{ $json.first }}', lastName: '={{ $json.last }}', countryCode: 'SE' },
			options: { ifContactExists: 'returnExisting' },
		},
	},
};

export const PEOPLE = people;

/** Manual Trigger -> Code (three people) -> the vendor's node. */
export function workflowFor(vendor) {
	const node = VENDOR_NODES[vendor];
	return {
		id: `wf${vendor[0].toUpperCase()}${vendor.slice(1)}`,
		name: `Create contacts in ${node.name} (sandbox)`,
		active: false,
		settings: { executionOrder: 'v1' },
		nodes: [
			{ id: `${vendor}-start`, name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
			{
				id: `${vendor}-people`,
				name: 'People',
				type: 'n8n-nodes-base.code',
				typeVersion: 2,
				position: [220, 0],
				parameters: { jsCode: `return ${JSON.stringify(people)}.map((json) => ({ json }));` },
			},
			{ id: `${vendor}-node`, name: node.name, type: node.type, typeVersion: 1, position: [440, 0], parameters: node.parameters, credentials: node.credential },
		],
		connections: {
			Start: { main: [[{ node: 'People', type: 'main', index: 0 }]] },
			People: { main: [[{ node: node.name, type: 'main', index: 0 }]] },
		},
		pinData: {},
	};
}

/**
 * Every dropdown that loads from the account, per vendor: the node parameters that make it show
 * (an empty row of its collection), its label, and options the mock serves that it must list.
 */
export const DROPDOWNS = {
	loops: {
		parameters: {
			additionalFields: { addToMailingLists: [], removeFromMailingLists: [] },
			customPropertiesMode: 'fields',
			// No Type chosen: it starts as Automatic, following the property picked.
			customProperties: { property: [{ key: 'seats', value: '12' }] },
		},
		fields: [
			{ label: 'Add to List Names or IDs', options: ['Beta testers', 'Newsletter'] },
			{ label: 'Remove From List Names or IDs', options: ['Beta testers', 'Newsletter'] },
			{ label: 'Name or ID', options: ['Plan name (String)', 'Seats (Number)'] },
		],
	},
	intercom: {
		parameters: {
			additionalFields: { owner_id: '' },
			customAttributesMode: 'fields',
			customAttributes: { attribute: [{ name: 'seats', value: '12' }] },
		},
		fields: [
			{ label: 'Owner Name or ID', options: ['Ada Admin'] },
			{ label: 'Name or ID', options: ['Plan (Text)', 'Seats (Whole Number)'] },
		],
	},
	sfmc: {
		parameters: { profileAttributes: { attribute: [{ setName: 'Loyalty' }] } },
		fields: [
			{ label: 'Attribute Set Name or ID', options: ['Email Demographics', 'Loyalty'] },
			{ label: 'Attribute Name or ID', options: ['Points', 'Tier'] },
		],
	},
	voyado: {
		parameters: { consents: { consent: [{ value: true }] }, queryParameters: { storeExternalId: '' } },
		fields: [
			{ label: 'Consent Name or ID', options: ['Member terms', 'SMS marketing'] },
			{ label: 'Store Name or ID', options: ['Megashop Gothenburg (600)'] },
		],
	},
};

/** The vendor's create workflow with more parameters on its node, under its own id and name (opened, not run). */
function createWorkflowWith(vendor, idSuffix, what, parameters) {
	const workflow = workflowFor(vendor);
	const node = workflow.nodes.at(-1);
	return {
		...workflow,
		id: `${workflow.id}${idSuffix}`,
		name: `${VENDOR_NODES[vendor].name}: ${what} (sandbox)`,
		nodes: [...workflow.nodes.slice(0, -1), { ...node, parameters: { ...node.parameters, ...parameters } }],
	};
}

/** A workflow with the vendor's node showing every dropdown that loads from the account (not run). */
export function dropdownWorkflowFor(vendor) {
	return createWorkflowWith(vendor, 'Dropdowns', 'every dropdown', DROPDOWNS[vendor].parameters);
}

/**
 * Per vendor, a node whose required fields are left empty (imported, never run): the labels n8n
 * must mark with its "required" issue, and a notice it must show.
 */
export const REQUIRED = {
	loops: { parameters: { email: '' }, labels: ['Email'] },
	intercom: { parameters: {}, labels: [], notice: 'A user needs an Email or an External ID (or both); a lead needs neither' },
	sfmc: { parameters: { contactKey: '', attributeSets: { emailAddresses: [{ htmlEnabled: true }] } }, labels: ['Contact Key', 'Email Address'] },
	voyado: { parameters: { keyField: 'mobilePhone', mobilePhone: '', consents: { consent: [{ value: true }] } }, labels: ['Mobile Phone', 'Consent Name or ID'] },
};

/** The columns n8n's table view shows for each vendor's Create, whatever the outcome (README's shapes). */
export const OUTPUT_COLUMNS = {
	loops: ['id', 'email', 'firstName', 'lastName', 'source', 'subscribed', 'userGroup', 'userId', 'mailingLists', 'customProperties', 'outcome'],
	intercom: ['id', 'external_id', 'role', 'email', 'phone', 'name', 'owner_id', 'unsubscribed_from_emails', 'custom_attributes', 'outcome'],
	sfmc: ['contactKey', 'contactId', 'outcome', 'attributes'],
	voyado: ['id', 'contactType', 'email', 'mobilePhone', 'firstName', 'lastName', 'externalId', 'memberNumber', 'acceptsEmail', 'outcome'],
};

/** A workflow whose vendor node leaves its required fields empty (not run). */
export function requiredWorkflowFor(vendor) {
	return createWorkflowWith(vendor, 'Required', 'required fields left empty', REQUIRED[vendor].parameters);
}

/** The sync story per vendor: Create or Update twice on one person (the second time changed), then Get. */
export const SYNC = {
	loops: {
		upsert: { operation: 'upsert', email: '={{ $json.email }}', additionalFields: { firstName: '={{ $json.first }}' } },
		get: { operation: 'get', findBy: 'email', email: 'sync@example.com' },
		firstNameOf: (json) => json.firstName,
	},
	intercom: {
		upsert: { operation: 'upsert', role: 'user', email: '={{ $json.email }}', additionalFields: { name: '={{ $json.first }}' } },
		get: { operation: 'get', findBy: 'email', email: 'sync@example.com' },
		firstNameOf: (json) => json.name,
	},
	sfmc: {
		upsert: {
			operation: 'upsert',
			contactKey: '={{ $json.email }}',
			attributeSets: { emailAddresses: [{ emailAddress: '={{ $json.email }}', htmlEnabled: true }], emailDemographics: [{ firstName: '={{ $json.first }}' }] },
		},
		get: { operation: 'get', findBy: 'contactKey', contactKey: 'sync@example.com' },
		firstNameOf: (json) => json.attributes?.['Email Demographics']?.['First Name'],
	},
	voyado: {
		upsert: { operation: 'upsert', email: '={{ $json.email }}', additionalFields: { firstName: '={{ $json.first }}' } },
		get: { operation: 'get', findBy: 'email', email: 'sync@example.com' },
		firstNameOf: (json) => json.firstName,
	},
};

/** Manual Trigger -> Person -> Create or Update -> Changed -> Create or Update Again -> Get: can run again and again. */
export function syncWorkflowFor(vendor) {
	const node = VENDOR_NODES[vendor];
	const code = (name, first, x) => ({
		id: `${vendor}-${name}`,
		name,
		type: 'n8n-nodes-base.code',
		typeVersion: 2,
		position: [x, 0],
		parameters: { jsCode: `return [{ json: { email: 'sync@example.com', first: '${first}' } }];` },
	});
	const vendorNode = (name, parameters, x) => ({
		id: `${vendor}-${name.replace(/\W/g, '')}`,
		name,
		type: node.type,
		typeVersion: 1,
		position: [x, 0],
		parameters: { resource: 'contact', ...parameters },
		credentials: node.credential,
	});
	const chain = ['Start', 'Person', 'Create or Update', 'Changed', 'Create or Update Again', 'Get'];
	return {
		id: `${workflowFor(vendor).id}Sync`,
		name: `Sync a contact to ${node.name}: create or update, twice, then get (sandbox)`,
		active: false,
		settings: { executionOrder: 'v1' },
		nodes: [
			{ id: `${vendor}-sync-start`, name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
			code('Person', 'Ada', 200),
			vendorNode('Create or Update', SYNC[vendor].upsert, 400),
			code('Changed', 'Augusta', 600),
			vendorNode('Create or Update Again', SYNC[vendor].upsert, 800),
			vendorNode('Get', SYNC[vendor].get, 1000),
		],
		connections: Object.fromEntries(chain.slice(0, -1).map((from, i) => [from, { main: [[{ node: chain[i + 1], type: 'main', index: 0 }]] }])),
		pinData: {},
	};
}

/**
 * Imports the credentials and, per vendor, the create, dropdown, sync and required-fields
 * workflows; `withWrongSecret` adds the browser check's wrong-secret Marketing Cloud credential.
 */
export async function importSandbox(userFolder, mocks, { withWrongSecret = false } = {}) {
	const dir = mkdtempSync(join(tmpdir(), 'contacts-import-'));
	const credentials = [...credentialsFor(mocks), ...(withWrongSecret ? [wrongSecretCredentialFor(mocks)] : [])];
	writeFileSync(join(dir, 'credentials.json'), JSON.stringify(credentials));
	await n8nOk(userFolder, ['import:credentials', `--input=${join(dir, 'credentials.json')}`]);
	mkdirSync(join(dir, 'workflows'));
	for (const vendor of Object.keys(VENDOR_NODES)) {
		writeFileSync(join(dir, 'workflows', `${vendor}.json`), JSON.stringify(workflowFor(vendor)));
		writeFileSync(join(dir, 'workflows', `${vendor}-dropdowns.json`), JSON.stringify(dropdownWorkflowFor(vendor)));
		writeFileSync(join(dir, 'workflows', `${vendor}-sync.json`), JSON.stringify(syncWorkflowFor(vendor)));
		writeFileSync(join(dir, 'workflows', `${vendor}-required.json`), JSON.stringify(requiredWorkflowFor(vendor)));
	}
	await n8nOk(userFolder, ['import:workflow', '--separate', `--input=${join(dir, 'workflows')}`]);
	rmSync(dir, { recursive: true, force: true });
}

/** Whether this run is CI's (CI=true, as GitHub Actions and `.ci/run` set it): there nothing may be skipped. */
export const IN_CI = /^(1|true)$/i.test(process.env.CI ?? '');

/**
 * A check that cannot run here because the machine lacks what it needs: locally it is skipped
 * with `help` (exit 0), in CI it fails (exit 1), so CI never passes without having run it.
 */
export function unavailable(what, help) {
	if (IN_CI) {
		console.error(`FAIL  ${what}: not available in CI, where it must run.\n${help}`);
		process.exit(1);
	}
	console.log(`SKIPPED  ${what}\n${help}\n(With CI=true this is a failure.)`);
	process.exit(0);
}

/**
 * The Chromium (or Chrome) the browser check drives: CHROMIUM_PATH if set, else the first of the
 * usual names on PATH, else the usual macOS place. Nothing is downloaded or installed.
 */
export function findChromium() {
	if (process.env.CHROMIUM_PATH) return findExecutable(basename(process.env.CHROMIUM_PATH), [], [dirname(process.env.CHROMIUM_PATH)]);
	for (const name of ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'chrome']) {
		const found = findExecutable(name);
		if (found) return found;
	}
	return findExecutable('Google Chrome', [], ['/Applications/Google Chrome.app/Contents/MacOS']);
}

export const CHROMIUM_HELP =
	'The browser check needs Chromium or Chrome and installs none: set CHROMIUM_PATH, or have chromium on PATH (Debian/Ubuntu: apt-get install chromium; macOS: install Google Chrome).';

/** The sandbox's owner account (n8n's first user), for the editor and the REST API. */
export const OWNER = { email: 'owner@example.com', firstName: 'Sandbox', lastName: 'Owner', password: 'Sandbox-Owner-1' };

/** n8n's REST API as the owner: its cookie, and the browser id n8n 2.x ties the cookie to. */
export async function restSession(baseUrl) {
	const headers = { 'content-type': 'application/json', 'browser-id': randomUUID() };
	// n8n 1.x answers its readiness check before its REST routes are mounted (404 until then).
	let response;
	for (let waited = 0; waited < 60_000; waited += 500) {
		response = await fetch(`${baseUrl}/rest/owner/setup`, { method: 'POST', headers, body: JSON.stringify(OWNER) });
		if (response.status !== 404) break;
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
	if (!response.ok) {
		response = await fetch(`${baseUrl}/rest/login`, { method: 'POST', headers, body: JSON.stringify({ emailOrLdapLoginId: OWNER.email, email: OWNER.email, password: OWNER.password }) });
	}
	if (!response.ok) throw new Error(`Could not sign in: ${response.status} ${await response.text()}`);
	const cookie = response.headers.getSetCookie().map((line) => line.split(';')[0]).join('; ');
	return async (method, path, body) => {
		const answer = await fetch(`${baseUrl}/rest${path}`, { method, headers: { ...headers, cookie }, body: body === undefined ? undefined : JSON.stringify(body) });
		const text = await answer.text();
		if (!answer.ok) throw new Error(`${method} ${path}: ${answer.status} ${text}`);
		return JSON.parse(text);
	};
}

/** Where an executable named `name` is: PATH first, then `extraDirs` (or only `onlyDirs`, when given). */
export function findExecutable(name, extraDirs = [], onlyDirs = undefined) {
	const dirs = (onlyDirs ?? [...(process.env.PATH ?? '').split(delimiter), ...extraDirs]).filter(Boolean);
	for (const dir of dirs) {
		const candidate = join(dir, name);
		try {
			accessSync(candidate, constants.X_OK);
			return candidate;
		} catch {
			// not here
		}
	}
	return undefined;
}


/** A loopback server on `port` keeping what workflows post to it ({ path, body }), to see each execution's items. */
export async function startSink(port) {
	const received = [];
	const server = createServer((request, response) => {
		let raw = '';
		request.on('data', (chunk) => (raw += chunk));
		request.on('end', () => {
			received.push({ path: request.url, body: raw ? JSON.parse(raw) : undefined });
			response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
		});
	});
	await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
	return { received, stop: async () => await new Promise((resolve) => server.close(resolve)) };
}
