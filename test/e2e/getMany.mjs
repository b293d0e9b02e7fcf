// Get Many in real n8n (Intercom and Marketing Cloud), on every n8n line of the matrix: Return All
// walks every page of a mock holding more than three pages, each contact once; Limit stops early;
// a filter searches; a page that fails once is asked again without losing or doubling a contact.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { rowWorkflow } from './integrity.mjs';
import { n8nOk, VENDOR_NODES } from './lib.mjs';

const MANY = 700;
/** Marketing Cloud contacts: with every third one's mobile number, 240 addresses, 5 pages of 50. */
const MANY_SFMC = 180;

const WORKFLOWS = [
	rowWorkflow('getManyAll', 'intercom', [{}], { operation: 'getAll', returnAll: true, options: { firstRetryDelaySeconds: 0.1 } }),
	rowWorkflow('getManyLimit', 'intercom', [{}], { operation: 'getAll', returnAll: false, limit: 20 }),
	rowWorkflow('getManySfmcAll', 'sfmc', [{}], { operation: 'getAll', returnAll: true, options: { firstRetryDelaySeconds: 0.1 } }),
	rowWorkflow('getManySfmcLimit', 'sfmc', [{}], { operation: 'getAll', returnAll: false, limit: 20 }),
	rowWorkflow('getManySfmcMobile', 'sfmc', [{}], { operation: 'getAll', returnAll: true, filterBy: 'channel', channel: 'MOBILE' }),
	rowWorkflow('getManySfmcBad', 'sfmc', [{}], { operation: 'getAll', returnAll: true, filterBy: 'contactKey', contactKey: '={{ $json.missing }}' }),
	rowWorkflow('getManyBad', 'intercom', [{}], { operation: 'getAll', returnAll: true, filters: { email: 'not-an-email' } }),
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
	const output = async (id, vendor = 'intercom') => {
		const { json, runData } = await execute(id);
		const task = runData[VENDOR_NODES[vendor].name]?.[0];
		return { status: json.status, items: task?.data?.main?.[0] ?? [], error: task?.error ?? json.data?.resultData?.error };
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
	const searchesBefore = intercom.server.requestsTo('POST', '/contacts/search').length;
	const bad = await output('getManyBad');
	check(
		'get many: intercom: a filter email that is not one stops the node with an error naming the field, and nothing is searched',
		bad.status === 'error' && bad.error?.message === 'Filters > Email: "not-an-email" is not a valid email address [item 0]' && intercom.server.requestsTo('POST', '/contacts/search').length === searchesBefore,
		`status ${bad.status}, ${bad.error?.message}`,
	);

	results.push(...(await sfmcGetManyChecks(mocks.sfmc, output)));
	return results;
}

/**
 * Marketing Cloud pages addresses, not contacts: a contact with an email address and a mobile
 * number is two addresses, which can fall on two pages, and comes out as one item.
 */
async function sfmcGetManyChecks(sfmc, output) {
	const results = [];
	const check = (name, ok, detail = '') => results.push({ name, ok, detail });
	for (let index = 0; index < MANY_SFMC; index++) {
		const attributes = { 'Email Addresses': { 'Email Address': `sfmc-many-${index}@example.com`, 'HTML Enabled': true } };
		if (index % 3 === 1) attributes['MobileConnect Demographics'] = { 'Mobile Number': `3175550${String(index).padStart(3, '0')}`, Locale: 'US' };
		sfmc.contacts.push({ contactKey: `sfmc-many-${index}`, contactId: 7_000_000 + index, attributes });
	}
	const stored = sfmc.contacts.map((contact) => contact.contactKey);
	const addresses = sfmc.contacts.reduce((sum, contact) => sum + 1 + (contact.attributes['MobileConnect Demographics'] ? 1 : 0), 0);
	const pagesBefore = sfmc.addressPagesServed;
	sfmc.server.injectFault({ status: 503, body: { message: 'Service Unavailable', errorcode: 0 } }, { when: (request) => request.path === '/contacts/v1/addresses/search' && request.query.$page === '3' });
	const all = await output('getManySfmcAll', 'sfmc');
	const keys = all.items.map((item) => item.json.contactKey);
	const pages = sfmc.addressPagesServed - pagesBefore;
	const merged = all.items.find((item) => item.json.contactKey === 'sfmc-many-37')?.json.attributes ?? {};
	check(
		`get many: marketing cloud: Return All walks every page (${stored.length} contacts, ${addresses} addresses, pages of 50, one failing once): each contact once, in order, its addresses merged`,
		all.status === 'success' && keys.length === stored.length && keys.every((key, index) => key === stored[index]) && pages === Math.floor(addresses / 50) + 1 && Boolean(merged['Email Addresses'] && merged['MobileConnect Demographics']),
		`status ${all.status}, ${keys.length} items, ${new Set(keys).size} distinct, ${pages} pages, sfmc-many-37 has ${Object.keys(merged).join(' + ')}`,
	);
	const limited = await output('getManySfmcLimit', 'sfmc');
	const lastPage = sfmc.server.requestsTo('POST', '/contacts/v1/addresses/search').at(-1);
	check('get many: marketing cloud: Limit 20 reads one page and outputs 20', limited.items.length === 20 && lastPage?.query.$page === '1', `${limited.items.length} items, last page ${lastPage?.query.$page}`);
	const searchesBefore = sfmc.addressPagesServed;
	const bad = await output('getManySfmcBad', 'sfmc');
	check(
		'get many: marketing cloud: Filter By Contact Key left empty stops the node with an error naming the field, and nothing is searched',
		bad.status === 'error' && bad.error?.message === 'Contact Key: is required but empty [item 0]' && sfmc.addressPagesServed === searchesBefore,
		`status ${bad.status}, ${bad.error?.message}`,
	);
	const mobile = await output('getManySfmcMobile', 'sfmc');
	const withMobile = sfmc.contacts.filter((contact) => contact.attributes['MobileConnect Demographics']).map((contact) => contact.contactKey);
	check(
		'get many: marketing cloud: Filter By Channel Mobile lists the contacts with a mobile number',
		mobile.items.length === withMobile.length && mobile.items.every((item, index) => item.json.contactKey === withMobile[index]),
		`${mobile.items.length} items for ${withMobile.length} contacts with a mobile number`,
	);
	return results;
}
