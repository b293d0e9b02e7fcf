// Delete in real n8n, per vendor, on every n8n line of the matrix: three rows (two stored contacts
// around one that does not exist) with Continue On Fail give three items in order, the missing one
// as its error; "already gone" gives the same columns; a bad email is refused before anything is
// sent; and a delete whose connection closed after the vendor acted ends as deleted, looked up first.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { rowWorkflow } from './integrity.mjs';
import { n8nOk, VENDOR_NODES } from './lib.mjs';

/** The Delete fields of each vendor, finding the contact by the row's email (Marketing Cloud: its contact key). */
const DELETE = {
	loops: { operation: 'delete', findBy: 'email', email: '={{ $json.email }}' },
	intercom: { operation: 'delete', findBy: 'email', email: '={{ $json.email }}' },
	voyado: { operation: 'delete', findBy: 'email', email: '={{ $json.email }}' },
	// Waits for the operation, so the output says deleted once the mock has run it.
	sfmc: { operation: 'delete', findBy: 'contactKey', contactKey: '={{ $json.email }}', options: { waitSeconds: 10, checkEverySeconds: 0.2 } },
};
const NOT_FOUND_FIELD = { loops: 'Email', intercom: 'Email', voyado: 'Email', sfmc: 'Contact Key' };

/** A stored contact with this email, in each mock's own shape. */
const SEED = {
	loops: (mocks, email) => mocks.loops.contacts.push({ id: `cldel-${email}`, email }),
	intercom: (mocks, email) => mocks.intercom.contacts.push({ type: 'contact', id: `del${mocks.intercom.contacts.length}x${email.length}`, role: 'user', email, created_at: 1 }),
	voyado: (mocks, email) => mocks.voyado.addContact({ email }),
	sfmc: (mocks, email) => mocks.sfmc.contacts.push({ contactKey: email, contactId: 7000 + mocks.sfmc.contacts.length, attributes: { 'Email Addresses': { 'Email Address': email } } }),
};
const STORED = {
	loops: (mocks, email) => mocks.loops.contacts.some((contact) => contact.email === email),
	intercom: (mocks, email) => mocks.intercom.contacts.some((contact) => contact.email === email),
	voyado: (mocks, email) => mocks.voyado.contacts.some((contact) => contact.attributes.email === email),
	sfmc: (mocks, email) => mocks.sfmc.contacts.some((contact) => contact.contactKey === email),
};
/** Which requests delete, at each mock. */
const IS_DELETE = {
	loops: (request) => request.method === 'POST' && request.path === '/api/v1/contacts/delete',
	intercom: (request) => request.method === 'DELETE',
	voyado: (request) => request.method === 'DELETE',
	sfmc: (request) => request.method === 'POST' && request.path === '/contacts/v1/contacts/actions/delete',
};
const deletesAt = (mocks, vendor) => mocks[vendor].server.requests.filter(IS_DELETE[vendor]).length;

const rowsOf = (vendor) => ['a', 'missing', 'c'].map((name) => ({ email: `del-${name}-${vendor}@example.com` }));
const continueOnFail = { onError: 'continueRegularOutput' };

const workflows = () =>
	Object.keys(VENDOR_NODES).flatMap((vendor) => [
		rowWorkflow(`delete${vendor}`, vendor, rowsOf(vendor), DELETE[vendor], {}, continueOnFail),
		rowWorkflow(`deleteGone${vendor}`, vendor, rowsOf(vendor), { ...DELETE[vendor], options: { ...DELETE[vendor].options, ifNotFound: 'alreadyGone' } }, {}, continueOnFail),
		rowWorkflow(`deleteBad${vendor}`, vendor, [{ email: 'not-an-email' }], vendor === 'sfmc' ? { ...DELETE.sfmc, findBy: 'email', emailAddress: '={{ $json.email }}' } : DELETE[vendor]),
		rowWorkflow(`deleteLost${vendor}`, vendor, [{ email: `del-lost-${vendor}@example.com` }], DELETE[vendor], {}, continueOnFail),
	]);

/** Runs the Delete workflows with `execute(id)` against the mocks; resolves with check results. */
export async function deletionChecks(userFolder, mocks, execute) {
	const dir = mkdtempSync(join(tmpdir(), 'contacts-delete-'));
	writeFileSync(join(dir, 'workflows.json'), JSON.stringify(workflows()));
	await n8nOk(userFolder, ['import:workflow', `--input=${join(dir, 'workflows.json')}`]);
	rmSync(dir, { recursive: true, force: true });

	const results = [];
	const check = (name, ok, detail = '') => results.push({ name, ok, detail });
	const run = async (id, vendor) => {
		const { json, runData } = await execute(id);
		const task = runData[VENDOR_NODES[vendor].name]?.[0];
		return { status: json.status, items: task?.data?.main?.[0] ?? [], error: task?.error ?? json.data?.resultData?.error };
	};
	const columns = (items) => [...new Set(items.filter((item) => item.json.error === undefined).map((item) => Object.keys(item.json).join(',')))];

	for (const vendor of Object.keys(VENDOR_NODES)) {
		const [a, missing, c] = rowsOf(vendor).map((row) => row.email);
		SEED[vendor](mocks, a);
		SEED[vendor](mocks, c);
		const deleted = await run(`delete${vendor}`, vendor);
		const shown = deleted.items.map((item) => item.json.outcome ?? item.json.error);
		const expectedError = `${NOT_FOUND_FIELD[vendor]}: no contact found with ${NOT_FOUND_FIELD[vendor].toLowerCase()} "${missing}"; nothing was deleted [item 1]`;
		check(
			`delete: ${vendor}: three rows with Continue On Fail give three items in order (deleted, its error, deleted), and the two contacts are gone`,
			deleted.status === 'success' &&
				shown.join('|') === `deleted|${expectedError}|deleted` &&
				deleted.items.every((item, index) => item.pairedItem?.item === index) &&
				!STORED[vendor](mocks, a) &&
				!STORED[vendor](mocks, c),
			`status ${deleted.status}; ${shown.join(' | ')}`,
		);

		const gone = await run(`deleteGone${vendor}`, vendor);
		check(
			`delete: ${vendor}: run again with If Not Found = Treat as Already Gone: three items "alreadyGone", in the same columns as the deleted ones`,
			gone.status === 'success' &&
				gone.items.length === 3 &&
				gone.items.every((item) => item.json.outcome === 'alreadyGone') &&
				columns(gone.items).join('|') === columns(deleted.items).join('|'),
			`${gone.items.map((item) => item.json.outcome ?? item.json.error).join(', ')}; columns ${columns(gone.items).join(' | ')} vs ${columns(deleted.items).join(' | ')}`,
		);

		const deletesBefore = deletesAt(mocks, vendor);
		const bad = await run(`deleteBad${vendor}`, vendor);
		const badField = vendor === 'sfmc' ? 'Email Address' : 'Email';
		check(
			`delete: ${vendor}: an email that is not one stops the node with an error naming the field, and nothing is deleted`,
			bad.status === 'error' && bad.error?.message === `${badField}: "not-an-email" is not a valid email address [item 0]` && deletesAt(mocks, vendor) === deletesBefore,
			`status ${bad.status}, ${bad.error?.message}`,
		);

		const lost = `del-lost-${vendor}@example.com`;
		SEED[vendor](mocks, lost);
		const deletesBeforeLost = deletesAt(mocks, vendor);
		mocks[vendor].server.injectFault({ status: 0, reset: true, afterActing: true }, { when: IS_DELETE[vendor] });
		const lostRun = await run(`deleteLost${vendor}`, vendor);
		const sent = deletesAt(mocks, vendor) - deletesBeforeLost;
		// Marketing Cloud's delete is queued: the contact is still there when it is looked up, so the request goes again.
		const expectedSends = vendor === 'sfmc' ? 2 : 1;
		check(
			`delete: ${vendor}: the connection closes after the vendor acted: looked up, ${expectedSends === 1 ? 'not sent again' : 'still there, so sent again'}, and the output says deleted`,
			lostRun.items.length === 1 && lostRun.items[0].json.outcome === 'deleted' && sent === expectedSends && !STORED[vendor](mocks, lost),
			`${lostRun.items[0]?.json.outcome ?? lostRun.items[0]?.json.error}; ${sent} delete requests`,
		);
	}
	return results;
}
