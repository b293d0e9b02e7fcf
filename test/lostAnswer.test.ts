import type { INodeParameters } from 'n8n-workflow';

import { intercomUnderTest, loopsUnderTest, sfmcUnderTest, useVendor, voyadoUnderTest, loopsOutput } from './harness/vendors';
import type { RecordedRequest } from './mocks/server';

// The vendor stores the contact, then the answer never arrives (a gateway's 504 after the fact).
const STORED_THEN_504 = { status: 504, body: { message: 'Gateway timeout' }, afterActing: true };
// Quick retries, so each story runs in well under a second.
const FAST = { firstRetryDelaySeconds: 0.05, maxAttempts: 3 };

/** Calls the n-th request that `pick` matches, counting from 1. */
function nth(n: number, pick: (request: RecordedRequest) => boolean) {
	let seen = 0;
	return (request: RecordedRequest) => pick(request) && ++seen === n;
}

describe('Loops: a create whose answer was lost', () => {
	const { mock, engine, parameters } = useVendor(loopsUnderTest());
	const run = async (options: INodeParameters = {}) =>
		await engine.run({ parameters: parameters({ options: { ...FAST, ...options } }), items: [{ email: 'lost@example.com' }] });

	test('with "Return Existing Contact", the contact it just created is output as created, not as existing', async () => {
		mock.server.injectFault(STORED_THEN_504, { path: '/api/v1/contacts/create' });

		const result = await run({ ifContactExists: 'returnExisting' });

		expect(mock.contacts).toHaveLength(1);
		expect(mock.requests('GET', '/contacts/find').map((request) => request.query)).toEqual([{ email: 'lost@example.com' }]);
		expect(mock.requests('POST', '/contacts/create')).toHaveLength(1);
		expect(result.items.map((item) => item.json)).toEqual([loopsOutput({ id: mock.contacts[0].id, email: 'lost@example.com', outcome: 'created' })]);
	});

	test('a 409 to the re-send (the lookup missed it) is this item\'s own contact, not a failure', async () => {
		mock.server.injectFault(STORED_THEN_504, { path: '/api/v1/contacts/create' });
		// The lookup before the re-send does not see it yet.
		mock.server.injectFault({ status: 200, body: [] }, { path: '/api/v1/contacts/find' });

		const result = await run();

		expect(mock.contacts).toHaveLength(1);
		expect(mock.requests('POST', '/contacts/create')).toHaveLength(2);
		expect(result.status).toBe('success');
		expect(result.items.map((item) => item.json)).toEqual([loopsOutput({ id: mock.contacts[0].id, email: 'lost@example.com', outcome: 'created' })]);
	});

	test('after a 429 (the vendor did not act) nothing is looked up, and a 409 is a real conflict', async () => {
		mock.server.injectFault({ status: 429, body: { success: false, message: 'Rate limit exceeded' } }, { path: '/api/v1/contacts/create' });
		mock.contacts.push({ id: 'clexisting', email: 'lost@example.com' });

		const result = await run();

		expect(mock.requests('GET', '/contacts/find')).toEqual([]);
		expect(result.status).toBe('error');
		expect(result.error?.httpCode).toBe('409');
	});
});

describe('Intercom: a create whose answer was lost', () => {
	const { mock, engine, parameters } = useVendor(intercomUnderTest());
	const run = async (fields: INodeParameters) =>
		await engine.run({ parameters: parameters({ options: FAST, email: '', ...fields }), items: [{}], onError: 'continueRegularOutput' });

	test('a lead (leads are not unique) is searched for by email and role, found, and not created twice', async () => {
		mock.server.injectFault(STORED_THEN_504, { path: '/contacts', method: 'POST' });

		const result = await run({ role: 'lead', email: 'lead@example.com' });

		expect(mock.contacts).toHaveLength(1);
		expect(mock.requests('POST', '/contacts/search').map((request) => request.body)).toEqual([
			{
				query: {
					operator: 'AND',
					value: [
						{ field: 'email', operator: '=', value: 'lead@example.com' },
						{ field: 'role', operator: '=', value: 'lead' },
					],
				},
				pagination: { per_page: 50 },
			},
		]);
		expect(result.items.map((item) => item.json)).toEqual([expect.objectContaining({ id: mock.contacts[0].id, outcome: 'created' })]);
	});

	test("a lead that search does not show yet is not sent again; the error says why", async () => {
		mock.searchLagMs = 60_000;
		mock.server.injectFault(STORED_THEN_504, { path: '/contacts', method: 'POST' });

		const result = await run({ role: 'lead', email: 'lead@example.com' });

		expect(mock.contacts).toHaveLength(1);
		expect(mock.requests('POST', '/contacts')).toHaveLength(1);
		expect(result.items[0].json.error).toBe(
			"Intercom did not answer, and the lead may have been created: Intercom's search does not show it yet (it can lag minutes behind)",
		);
	});

	test('an older lead with the same email is not taken for the one this item created', async () => {
		mock.contacts.push({ type: 'contact', id: 'old-lead', role: 'lead', email: 'lead@example.com', created_at: Math.floor(Date.now() / 1000) - 86_400 });
		mock.server.injectFault({ status: 502, raw: '<html>502</html>' }, { path: '/contacts', method: 'POST' });

		const result = await run({ role: 'lead', email: 'lead@example.com' });

		expect(result.items[0].json.error).toContain('the lead may have been created');
		expect(mock.contacts.map((contact) => contact.id)).toEqual(['old-lead']);
	});

	test('a user that search does not show yet is re-sent; the 409 names it, and it is output as created', async () => {
		mock.searchLagMs = 60_000;
		mock.server.injectFault(STORED_THEN_504, { path: '/contacts', method: 'POST' });

		const result = await run({ role: 'user', external_id: 'u-42', email: 'user@example.com' });

		expect(mock.contacts).toHaveLength(1);
		expect(mock.requests('POST', '/contacts/search')[0].body).toMatchObject({
			query: { value: [{ field: 'external_id', value: 'u-42' }, { field: 'role', value: 'user' }] },
		});
		expect(mock.requests('POST', '/contacts')).toHaveLength(2);
		expect(result.items.map((item) => item.json)).toEqual([expect.objectContaining({ id: mock.contacts[0].id, outcome: 'created' })]);
	});
});

describe('Marketing Cloud: a create whose answer was lost', () => {
	const sfmc = useVendor(sfmcUnderTest());

	test('is re-sent as it was, and merges into the same contact', async () => {
		sfmc.server.injectFault(STORED_THEN_504, { path: sfmc.createPath, method: 'POST' });

		const result = await sfmc.engine.run({ parameters: sfmc.parameters({ options: FAST }), items: [{ email: 'merge@example.com' }] });

		const creates = sfmc.server.requestsTo('POST', sfmc.createPath);
		expect(creates).toHaveLength(2);
		expect(creates[1].rawBody).toBe(creates[0].rawBody);
		expect(sfmc.contacts()).toBe(1);
		expect(result.items.map((item) => item.json.contactKey)).toEqual(['merge@example.com']);
	});
});

describe('Voyado Engage: a create whose answer was lost', () => {
	const { mock, engine, parameters } = useVendor(voyadoUnderTest());

	test('a 409 to the re-send (the lookup missed it) is this item\'s own contact, output as created', async () => {
		mock.server.injectFault(STORED_THEN_504, { path: '/api/v3/contacts', method: 'POST' });
		// The check-first lookup finds nothing (true); the lookup before the re-send misses it.
		mock.server.injectFault(
			{ status: 404, body: { statusCode: 404, errorCode: 'ContactNotFound', message: 'Contact not found' } },
			{ when: nth(2, (request) => request.path === '/api/v3/contacts/id') },
		);

		const result = await engine.run({ parameters: parameters({ options: FAST }), items: [{ email: 'voyado@example.com' }] });

		expect(mock.contacts).toHaveLength(1);
		expect(mock.requests('POST', '/api/v3/contacts')).toHaveLength(2);
		expect(result.status).toBe('success');
		expect(result.items.map((item) => item.json)).toEqual([expect.objectContaining({ id: mock.contacts[0].id, outcome: 'created' })]);
	});
});
