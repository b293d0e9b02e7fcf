// Integrity in real n8n: ordinary rows (a blank column, a date typed as digits) as n8n itself
// evaluates them. A blank-mapped custom row leaves the stored value alone; 20240131 is that day in
// the workflow's time zone; 2024 is an error naming the field, and nothing is sent.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { n8nOk, VENDOR_NODES } from './lib.mjs';

/**
 * Manual Trigger -> Row (a Code node emitting `rows`) -> the vendor's node with `parameters`;
 * `node` adds to that node (On Error, other credentials).
 */
export function rowWorkflow(id, vendor, rows, parameters, settings = {}, extra = {}) {
	const node = VENDOR_NODES[vendor];
	return {
		id,
		name: `Integrity: ${id}`,
		active: false,
		settings: { executionOrder: 'v1', ...settings },
		nodes: [
			{ id: `${id}-start`, name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
			{ id: `${id}-row`, name: 'Row', type: 'n8n-nodes-base.code', typeVersion: 2, position: [220, 0], parameters: { jsCode: `return ${JSON.stringify(rows)}.map((json) => ({ json }));` } },
			{ id: `${id}-node`, name: node.name, type: node.type, typeVersion: 1, position: [440, 0], parameters: { resource: 'contact', ...parameters }, credentials: node.credential, ...extra },
		],
		connections: {
			Start: { main: [[{ node: 'Row', type: 'main', index: 0 }]] },
			Row: { main: [[{ node: node.name, type: 'main', index: 0 }]] },
		},
		pinData: {},
	};
}

/** Intercom Create with Signed Up At typed as `signedUp`, in Stockholm's time zone. */
function signedUpWorkflow(id, email, signedUp) {
	const parameters = { operation: 'create', role: 'user', email: '={{ $json.email }}', additionalFields: { signed_up_at: '={{ $json.signedUp }}' } };
	return rowWorkflow(id, 'intercom', [{ email, signedUp }], parameters, { timezone: 'Europe/Stockholm' });
}

// A CSV row whose plan and seats cells are blank.
const BLANK = [{ email: 'blank@example.com', plan: '', seats: null }];

const WORKFLOWS = [
	rowWorkflow('integrityLoopsBlank', 'loops', BLANK, {
		operation: 'update',
		findBy: 'email',
		email: '={{ $json.email }}',
		customPropertiesMode: 'fields',
		customProperties: { property: [{ key: 'planName', value: '={{ $json.plan }}' }, { key: 'seats', type: 'number', numberValue: '={{ $json.seats }}' }] },
	}),
	rowWorkflow('integrityIntercomBlank', 'intercom', BLANK, {
		operation: 'upsert',
		role: 'user',
		email: '={{ $json.email }}',
		customAttributesMode: 'fields',
		customAttributes: { attribute: [{ name: 'plan', value: '={{ $json.plan }}' }, { name: 'seats', type: 'integer', numberValue: '={{ $json.seats }}' }] },
	}),
	signedUpWorkflow('integrityIntercomDate', 'digits@example.com', '20240131'),
	signedUpWorkflow('integrityIntercomYear', 'year@example.com', '2024'),
	rowWorkflow('integrityLoopsDate', 'loops', [{ email: 'digits@example.com', joined: '20240131' }], {
		operation: 'create',
		email: '={{ $json.email }}',
		customPropertiesMode: 'fields',
		customProperties: { property: [{ key: 'dateJoined', value: '={{ $json.joined }}' }] },
	}),
];

/**
 * Runs each workflow with `execute` (n8n execute --id) against the mocks, after seeding the stored
 * contacts the blank rows must not damage. Resolves with named results.
 */
export async function integrityCheck(userFolder, mocks, execute) {
	const dir = mkdtempSync(join(tmpdir(), 'contacts-integrity-'));
	for (const workflow of WORKFLOWS) writeFileSync(join(dir, `${workflow.id}.json`), JSON.stringify(workflow));
	await n8nOk(userFolder, ['import:workflow', '--separate', `--input=${dir}`]);
	rmSync(dir, { recursive: true, force: true });

	mocks.loops.contacts.push({ id: 'clblank', email: 'blank@example.com', planName: 'pro', seats: 12 });
	mocks.intercom.contacts.push({ type: 'contact', id: 'blank1', role: 'user', email: 'blank@example.com', created_at: 1, custom_attributes: { plan: 'pro', seats: 12 } });
	const results = [];
	const check = (name, ok, detail = '') => results.push({ name, ok, detail });
	const sent = (mock, method, path, email) => mock.server.requests.filter((request) => request.method === method && request.path === path && JSON.stringify(request.body ?? {}).includes(email));

	const loopsBlank = await execute('integrityLoopsBlank');
	const loopsPut = sent(mocks.loops, 'PUT', '/api/v1/contacts/update', 'blank@example.com')[0]?.body;
	const loopsStored = mocks.loops.contacts.find((contact) => contact.email === 'blank@example.com');
	check(
		'integrity: Loops Update with custom rows mapped to blank cells sends no property, and Loops keeps plan pro and 12 seats',
		loopsBlank.json.status === 'success' && JSON.stringify(loopsPut) === JSON.stringify({ email: 'blank@example.com' }) && loopsStored?.planName === 'pro' && loopsStored?.seats === 12,
		`status ${loopsBlank.json.status}, sent ${JSON.stringify(loopsPut)}`,
	);

	const intercomBlank = await execute('integrityIntercomBlank');
	const intercomPut = mocks.intercom.server.requests.find((request) => request.method === 'PUT' && request.path === '/contacts/blank1')?.body;
	const intercomStored = mocks.intercom.contacts.find((contact) => contact.id === 'blank1');
	check(
		'integrity: Intercom Create or Update with attribute rows mapped to blank cells sends no attribute, and Intercom keeps plan pro and 12 seats',
		intercomBlank.json.status === 'success' && intercomPut !== undefined && !('custom_attributes' in intercomPut) && JSON.stringify(intercomStored?.custom_attributes) === JSON.stringify({ plan: 'pro', seats: 12 }),
		`status ${intercomBlank.json.status}, sent ${JSON.stringify(intercomPut)}`,
	);

	const digits = await execute('integrityIntercomDate');
	const signedUp = sent(mocks.intercom, 'POST', '/contacts', 'digits@example.com')[0]?.body?.signed_up_at;
	// 2024-01-31 00:00 in Stockholm (UTC+1): 2024-01-30T23:00:00Z.
	check('integrity: Signed Up At typed 20240131 is that day in the workflow\'s zone (Europe/Stockholm)', digits.json.status === 'success' && signedUp === Date.UTC(2024, 0, 30, 23) / 1000, `sent ${signedUp}`);

	const year = await execute('integrityIntercomYear');
	const yearError = year.runData[VENDOR_NODES.intercom.name]?.[0]?.error?.message ?? year.json.data?.resultData?.error?.message;
	check(
		'integrity: Signed Up At typed 2024 is an error naming the field, and nothing is sent',
		year.json.status === 'error' && yearError === 'Signed Up At: "2024" is not a date [item 0]' && sent(mocks.intercom, 'POST', '/contacts', 'year@example.com').length === 0,
		`status ${year.json.status}, error ${yearError}`,
	);

	const loopsDate = await execute('integrityLoopsDate');
	const dateJoined = sent(mocks.loops, 'POST', '/api/v1/contacts/create', 'digits@example.com')[0]?.body?.dateJoined;
	check('integrity: a Loops date property typed 20240131 goes as the day 2024-01-31', loopsDate.json.status === 'success' && dateJoined === '2024-01-31', `sent ${dateJoined}`);
	return results;
}
