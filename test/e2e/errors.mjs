// Errors and lost answers in real n8n, on every n8n line of the matrix: the vendor's own message and
// code reach the user (Loops 409, Intercom 400 and 401, Voyado 409), and a create whose connection
// is closed after the vendor stored the contact ends as one contact. The request layer beneath
// n8n's helpers differs between 1.x and 2.x; these are the checks that show the transport reads both.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { rowWorkflow } from './integrity.mjs';
import { n8nOk, VENDOR_NODES } from './lib.mjs';

const WRONG_INTERCOM = { id: 'intercomWrongCred', name: 'Intercom (sandbox mock, wrong token)' };

/** Start -> Row -> the vendor's node, with Continue On Fail (errors become output items). */
const errorWorkflow = (id, vendor, rows, parameters, credential = VENDOR_NODES[vendor].credential) =>
	rowWorkflow(id, vendor, rows, parameters, {}, { onError: 'continueRegularOutput', credentials: credential });

const create = (vendor, email) => {
	const { parameters } = VENDOR_NODES[vendor];
	// The vendor's sandbox create, failing on an existing contact (the default) and sent without a lookup first.
	const options = vendor === 'voyado' ? { checkExistsFirst: false } : {};
	return { ...parameters, ...(vendor === 'sfmc' ? {} : { email: '={{ $json.email }}' }), options: { ...options, concurrency: 1 } };
};

const CREATE_PATH = { loops: '/api/v1/contacts/create', intercom: '/contacts', sfmc: '/contacts/v1/contacts', voyado: '/api/v3/contacts' };

const STORED = {
	loops: (mocks, email) => mocks.loops.contacts.filter((contact) => contact.email === email).length,
	intercom: (mocks, email) => mocks.intercom.contacts.filter((contact) => contact.email === email).length,
	sfmc: (mocks, email) => mocks.sfmc.contacts.filter((contact) => contact.contactKey === email).length,
	voyado: (mocks, email) => mocks.voyado.contacts.filter((contact) => contact.attributes.email === email).length,
};

const WORKFLOWS = [
	// The same email twice, one at a time: the second create is Loops' 409.
	errorWorkflow('errorsLoops409', 'loops', [{ email: 'twice@example.com' }, { email: 'twice@example.com' }], create('loops')),
	errorWorkflow('errorsIntercom400', 'intercom', [{ email: 'owner400@example.com' }], { ...create('intercom'), additionalFields: { owner_id: '999999' } }),
	errorWorkflow('errorsIntercom401', 'intercom', [{ email: 'token401@example.com' }], create('intercom'), { intercomContactsApi: WRONG_INTERCOM }),
	errorWorkflow('errorsVoyado409', 'voyado', [{ email: 'taken409@example.com' }], create('voyado')),
	errorWorkflow('errorsLoops429', 'loops', [{ email: 'paced429@example.com' }], create('loops')),
	...Object.keys(VENDOR_NODES).map((vendor) => errorWorkflow(`errorsLost${vendor}`, vendor, [{ email: `lost-${vendor}@example.com`, first: 'Lost', last: 'Answer' }], create(vendor))),
];

export async function importErrorWorkflows(userFolder, mocks) {
	const dir = mkdtempSync(join(tmpdir(), 'contacts-errors-'));
	writeFileSync(
		join(dir, 'credentials.json'),
		JSON.stringify([{ ...WRONG_INTERCOM, type: 'intercomContactsApi', data: { accessToken: 'not-the-intercom-token', region: 'eu', baseUrl: mocks.intercom.baseUrl } }]),
	);
	await n8nOk(userFolder, ['import:credentials', `--input=${join(dir, 'credentials.json')}`]);
	writeFileSync(join(dir, 'workflows.json'), JSON.stringify(WORKFLOWS));
	await n8nOk(userFolder, ['import:workflow', `--input=${join(dir, 'workflows.json')}`]);
	rmSync(dir, { recursive: true, force: true });
}

/** Runs each workflow with `execute(id)`; resolves with check results. */
export async function errorChecks(userFolder, mocks, execute) {
	await importErrorWorkflows(userFolder, mocks);
	const results = [];
	const check = (name, ok, detail = '') => results.push({ name, ok, detail });
	const outputOf = async (id, vendor) => {
		const { runData } = await execute(id);
		return (runData[VENDOR_NODES[vendor].name]?.[0]?.data?.main?.[0] ?? []).map((item) => item.json);
	};
	const shown = (json) => `${json?.error} | ${JSON.stringify(json?.details ?? {})}`;

	const loops = await outputOf('errorsLoops409', 'loops');
	check(
		"errors: Loops 409 shows Loops' message and the status",
		loops.length === 2 && loops[0].error === undefined && loops[1].error === 'Email or userId is already on list.' && loops[1].details?.httpCode === '409',
		shown(loops[1]),
	);

	const owner = await outputOf('errorsIntercom400', 'intercom');
	check(
		"errors: Intercom 400 shows Intercom's message, code and field",
		owner[0]?.error === 'The owner specified is not a member of the workspace' && owner[0]?.details?.httpCode === '400' && owner[0]?.details?.code === 'parameter_invalid' && owner[0]?.details?.field === 'owner_id',
		shown(owner[0]),
	);

	const unauthorized = await outputOf('errorsIntercom401', 'intercom');
	check(
		"errors: Intercom 401 shows Intercom's message and code",
		unauthorized[0]?.error === 'Access Token Invalid' && unauthorized[0]?.details?.httpCode === '401' && unauthorized[0]?.details?.code === 'unauthorized',
		shown(unauthorized[0]),
	);

	mocks.voyado.addContact({ email: 'taken409@example.com' });
	const voyado = await outputOf('errorsVoyado409', 'voyado');
	check(
		"errors: Voyado 409 shows Voyado's message and its code ApprovedContactWithKeyExists",
		voyado[0]?.error === 'An approved contact with the same key already exists' && voyado[0]?.details?.httpCode === '409' && voyado[0]?.details?.code === 'ApprovedContactWithKeyExists',
		shown(voyado[0]),
	);

	// A 429 with Retry-After: waited out and sent again (on 1.x the header does not reach the node, so
	// its own backoff stands in), one contact.
	mocks.loops.server.injectFault(
		{ status: 429, headers: { 'retry-after': '1' }, body: { success: false, message: 'Rate limit exceeded.' } },
		{ method: 'POST', path: CREATE_PATH.loops, times: 1 },
	);
	const paced = await outputOf('errorsLoops429', 'loops');
	const pacedSends = mocks.loops.server.requestsTo('POST', CREATE_PATH.loops).filter((request) => JSON.stringify(request.body).includes('paced429@'));
	check(
		'errors: a Loops 429 is waited out and sent again: one contact',
		paced.length === 1 && paced[0].error === undefined && pacedSends.length === 2 && STORED.loops(mocks, 'paced429@example.com') === 1,
		`${paced[0]?.error ? shown(paced[0]) : `outcome ${paced[0]?.outcome}`}; ${pacedSends.length} creates sent, ${pacedSends.length === 2 ? pacedSends[1].receivedAt - pacedSends[0].receivedAt : '?'} ms apart`,
	);

	// The vendor stores the contact, then the connection closes without an answer.
	for (const vendor of Object.keys(VENDOR_NODES)) {
		const email = `lost-${vendor}@example.com`;
		mocks[vendor].server.injectFault({ status: 0, reset: true, afterActing: true }, { method: 'POST', path: CREATE_PATH[vendor], times: 1 });
		const sent = () => mocks[vendor].server.requestsTo('POST', CREATE_PATH[vendor]).filter((request) => JSON.stringify(request.body).includes(email)).length;
		const output = await outputOf(`errorsLost${vendor}`, vendor);
		check(
			`lost answer: ${vendor}: a create whose connection closed after the vendor stored it ends as one contact`,
			output.length === 1 && output[0].error === undefined && STORED[vendor](mocks, email) === 1,
			`${output[0]?.error ? shown(output[0]) : `outcome ${output[0]?.outcome}`}; ${STORED[vendor](mocks, email)} stored, ${sent()} creates sent`,
		);
	}
	return results;
}
