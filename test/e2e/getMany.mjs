// Get Many in real n8n (Intercom), on every n8n line of the matrix: Return All walks every cursor
// page of a mock holding more than three pages, each contact once; Limit stops early; a filter
// searches; a page that fails once is asked again without losing or doubling a contact.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { rowWorkflow } from './integrity.mjs';
import { n8nOk, VENDOR_NODES } from './lib.mjs';

const MANY = 700;

const WORKFLOWS = [
	rowWorkflow('getManyAll', 'intercom', [{}], { operation: 'getAll', returnAll: true, options: { firstRetryDelaySeconds: 0.1 } }),
	rowWorkflow('getManyLimit', 'intercom', [{}], { operation: 'getAll', returnAll: false, limit: 20 }),
	rowWorkflow('getManyFilter', 'intercom', [{ email: 'many-7@example.com' }, { email: 'many-8@example.com' }], { operation: 'getAll', returnAll: true, filters: { email: '={{ $json.email }}' } }),
];

export async function getManyChecks(userFolder, mocks, execute) {
	const dir = mkdtempSync(join(tmpdir(), 'contacts-getmany-'));
	writeFileSync(join(dir, 'workflows.json'), JSON.stringify(WORKFLOWS));
	await n8nOk(userFolder, ['import:workflow', `--input=${join(dir, 'workflows.json')}`]);
	rmSync(dir, { recursive: true, force: true });

	const intercom = mocks.intercom;
	for (let index = 0; index < MANY; index++) {
		intercom.contacts.push({ type: 'contact', id: `many${String(index).padStart(4, '0')}`, role: 'user', email: `many-${index}@example.com`, created_at: 1 });
	}
	const results = [];
	const check = (name, ok, detail = '') => results.push({ name, ok, detail });
	const output = async (id) => {
		const { json, runData } = await execute(id);
		return { status: json.status, items: runData[VENDOR_NODES.intercom.name]?.[0]?.data?.main?.[0] ?? [] };
	};

	const stored = intercom.contacts.map((contact) => contact.id);
	const pagesBefore = intercom.pagesServed;
	// One page fails once in the middle of the walk.
	intercom.server.injectFault({ status: 503, body: { type: 'error.list', errors: [{ code: 'service_unavailable', message: 'Service unavailable' }] } }, { when: (request) => request.path === '/contacts' && request.query.starting_after !== undefined });
	const all = await output('getManyAll');
	const ids = all.items.map((item) => item.json.id);
	const pages = intercom.pagesServed - pagesBefore;
	check(
		`get many: intercom: Return All walks every page (${stored.length} contacts, ${Math.ceil(stored.length / 150)} pages of 150, one of them failing once): each contact once, in order`,
		all.status === 'success' && ids.length === stored.length && ids.every((id, index) => id === stored[index]) && pages === Math.ceil(stored.length / 150),
		`status ${all.status}, ${ids.length} items, ${new Set(ids).size} distinct, ${pages} pages`,
	);

	const limited = await output('getManyLimit');
	const lastList = intercom.server.requestsTo('GET', '/contacts').at(-1);
	check('get many: intercom: Limit 20 asks for one page of 20 and outputs 20', limited.items.length === 20 && lastList?.query.per_page === '20', `${limited.items.length} items, per_page ${lastList?.query.per_page}`);

	const filtered = await output('getManyFilter');
	check(
		'get many: intercom: a filter per row searches, and each found contact is paired with its row',
		filtered.items.map((item) => `${item.pairedItem?.item}:${item.json.email}`).join(',') === '0:many-7@example.com,1:many-8@example.com',
		filtered.items.map((item) => `${item.pairedItem?.item}:${item.json.email}`).join(','),
	);
	return results;
}
