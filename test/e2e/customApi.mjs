// Custom API calls in real n8n: n8n's own HTTP Request node with Authentication > Predefined
// Credential Type and each of our credentials. Each request reaches the mock authenticated;
// Marketing Cloud's token is fetched once for two requests; a URL on another host is refused before
// anything is sent, so a key never leaves its vendor.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { credentialsFor, n8nOk, VENDOR_NODES } from './lib.mjs';

/** Per vendor: the credential type, a GET the mock answers, and how the mock sees the key. */
export const CUSTOM_CALLS = {
	loops: { type: 'loopsApi', path: (mocks) => `${mocks.loops.baseUrl}/api-key`, authorized: (request) => request.headers.authorization === 'Bearer sandbox-loops-key' },
	intercom: { type: 'intercomContactsApi', path: (mocks) => `${mocks.intercom.baseUrl}/me`, authorized: (request) => request.headers.authorization === 'Bearer sandbox-intercom-token' },
	sfmc: {
		type: 'salesforceMarketingCloudApi',
		path: (mocks) => `${mocks.sfmc.baseUrl}/contacts/v1/attributeSetDefinitions`,
		authorized: (request) => /^Bearer mock-token-\d+$/.test(request.headers.authorization ?? ''),
	},
	voyado: { type: 'voyadoEngageApi', path: (mocks) => `${mocks.voyado.baseUrl}/api/v2/contacts/count`, authorized: (request) => request.headers.apikey === 'sandbox-voyado-key' },
};

/** Manual Trigger -> two rows -> HTTP Request (GET `url`, the vendor's credential). */
export function customCallWorkflow(id, vendor, url) {
	const { type } = CUSTOM_CALLS[vendor];
	return {
		id,
		name: `Custom API call: ${VENDOR_NODES[vendor].name} credential in the HTTP Request node`,
		active: false,
		settings: { executionOrder: 'v1' },
		nodes: [
			{ id: `${id}-start`, name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
			{ id: `${id}-rows`, name: 'Rows', type: 'n8n-nodes-base.code', typeVersion: 2, position: [220, 0], parameters: { jsCode: 'return [{ json: { n: 1 } }, { json: { n: 2 } }];' } },
			{
				id: `${id}-http`,
				name: 'HTTP Request',
				type: 'n8n-nodes-base.httpRequest',
				typeVersion: 4.2,
				position: [440, 0],
				onError: 'continueRegularOutput',
				parameters: { method: 'GET', url, authentication: 'predefinedCredentialType', nodeCredentialType: type, options: {} },
				credentials: VENDOR_NODES[vendor].credential,
			},
		],
		connections: {
			Start: { main: [[{ node: 'Rows', type: 'main', index: 0 }]] },
			Rows: { main: [[{ node: 'HTTP Request', type: 'main', index: 0 }]] },
		},
		pinData: {},
	};
}

const idOf = (vendor, what) => `customApi${what}${vendor[0].toUpperCase()}${vendor.slice(1)}`;

export async function customApiChecks(userFolder, mocks, execute) {
	const vendors = Object.keys(CUSTOM_CALLS);
	// Another vendor's mock stands for "another host": it must receive nothing.
	const elsewhere = (vendor) => (vendor === 'loops' ? mocks.intercom : mocks.loops);
	const workflows = vendors.flatMap((vendor) => [
		customCallWorkflow(idOf(vendor, 'Call'), vendor, CUSTOM_CALLS[vendor].path(mocks)),
		customCallWorkflow(idOf(vendor, 'Elsewhere'), vendor, `${elsewhere(vendor).server.url}/somewhere-else`),
	]);
	const dir = mkdtempSync(join(tmpdir(), 'contacts-custom-'));
	writeFileSync(join(dir, 'workflows.json'), JSON.stringify(workflows));
	await n8nOk(userFolder, ['import:workflow', `--input=${join(dir, 'workflows.json')}`]);

	const results = [];
	const check = (name, ok, detail = '') => results.push({ name, ok, detail });
	for (const vendor of vendors) {
		const mock = mocks[vendor];
		const url = new URL(CUSTOM_CALLS[vendor].path(mocks));
		if (vendor === 'sfmc') {
			// The stored token emptied (imported again with the same id), so the credential must fetch one.
			writeFileSync(join(dir, 'sfmc.json'), JSON.stringify(credentialsFor(mocks).filter((credential) => credential.id === 'sfmcCred')));
			await n8nOk(userFolder, ['import:credentials', `--input=${join(dir, 'sfmc.json')}`]);
		}
		const before = mock.server.requests.length;
		const tokensBefore = mocks.sfmc.tokenRequests;
		const { runData } = await execute(idOf(vendor, 'Call'));
		const output = (runData['HTTP Request']?.[0]?.data?.main?.[0] ?? []).map((item) => item.json);
		const calls = mock.server.requests.slice(before).filter((request) => request.path === url.pathname);
		check(
			`custom API call: ${vendor}: the HTTP Request node with the ${CUSTOM_CALLS[vendor].type} credential reaches the mock authenticated`,
			output.length === 2 && output.every((json) => json.error === undefined) && calls.length === 2 && calls.every(CUSTOM_CALLS[vendor].authorized),
			`${calls.length} requests, ${calls.filter(CUSTOM_CALLS[vendor].authorized).length} authenticated; ${output.map((json) => json.error ?? 'ok').join(', ')}`,
		);
		if (vendor === 'sfmc') {
			// Requests that start together share one token request; an item that read the credential
			// before n8n stored the new token may still fetch one (on loopback the first fetch settles
			// before the second item asks). The next run uses the stored token.
			const firstRun = mocks.sfmc.tokenRequests - tokensBefore;
			const beforeSecond = mocks.sfmc.tokenRequests;
			const { runData: again } = await execute(idOf(vendor, 'Call'));
			const secondOk = (again['HTTP Request']?.[0]?.data?.main?.[0] ?? []).every((item) => item.json.error === undefined);
			check(
				'custom API call: sfmc: the token is fetched by the credential (at most one per item of the first run) and the next run reuses it',
				firstRun >= 1 && firstRun <= 2 && mocks.sfmc.tokenRequests === beforeSecond && secondOk,
				`first run ${firstRun} token request(s), second run ${mocks.sfmc.tokenRequests - beforeSecond}`,
			);
		}
		const other = elsewhere(vendor).server;
		const otherBefore = other.requests.length;
		const { runData: refusedRun } = await execute(idOf(vendor, 'Elsewhere'));
		const refused = (refusedRun['HTTP Request']?.[0]?.data?.main?.[0] ?? []).map((item) => item.json);
		check(
			`custom API call: ${vendor}: a URL on another host is refused and nothing is sent there`,
			refused.length === 2 && refused.every((json) => /sends its key only to/.test(JSON.stringify(json.error ?? ''))) && other.requests.length === otherBefore,
			`${other.requests.length - otherBefore} requests elsewhere; ${JSON.stringify(refused[0]?.error ?? refused[0]).slice(0, 160)}`,
		);
	}
	rmSync(dir, { recursive: true, force: true });
	return results;
}
