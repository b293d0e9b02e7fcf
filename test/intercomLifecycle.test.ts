import type { IDataObject, INodeParameters } from 'n8n-workflow';

import type { BadInput } from './harness/badInputs';
import { refusedBeforeSending } from './harness/badInputs';
import { intercomUnderTest, useVendor } from './harness/vendors';
import type { IntercomContact } from './mocks/intercom';

const intercom = useVendor(intercomUnderTest());
const { mock, engine } = intercom;

const run = async (operation: string, parameters: INodeParameters, items: IDataObject[] = [{}], onError?: 'continueRegularOutput') =>
	await engine.run({ parameters: { resource: 'contact', operation, ...parameters }, items, onError });
const requests = () => mock.requests().map(({ method, path, body }) => ({ method, path, body }));
const seed = (contact: Partial<IntercomContact>): IntercomContact => {
	const stored = { type: 'contact', id: `seed${mock.contacts.length}`, role: 'user', created_at: 1, ...contact } as IntercomContact;
	mock.contacts.push(stored);
	return stored;
};
const errorListFor = (code: string) => ({ type: 'error.list', request_id: 'mock', errors: [{ code, message: code }] });
const byEmailAndRole = (email: string, role: string) => ({
	query: { operator: 'AND', value: [{ field: 'email', operator: '=', value: email }, { field: 'role', operator: '=', value: role }] },
	pagination: { per_page: 50 },
});

describe('Intercom > Create or Update', () => {
	test('not found: searched by email and role, then created; the output says "created"', async () => {
		const result = await run('upsert', { role: 'user', email: 'ada@example.com', additionalFields: { name: 'Ada', phone: '' } });

		expect(requests()).toEqual([
			{ method: 'POST', path: '/contacts/search', body: byEmailAndRole('ada@example.com', 'user') },
			// No user: does a lead have the email? (Options > If a Lead Has the Email)
			{ method: 'POST', path: '/contacts/search', body: byEmailAndRole('ada@example.com', 'lead') },
			{ method: 'POST', path: '/contacts', body: { role: 'user', email: 'ada@example.com', name: 'Ada' } },
		]);
		expect(result.items[0].json).toEqual({
			id: mock.contacts[0].id,
			external_id: null,
			role: 'user',
			email: 'ada@example.com',
			phone: null,
			name: 'Ada',
			owner_id: null,
			unsubscribed_from_emails: false,
			custom_attributes: {},
			outcome: 'created',
		});
	});

	test('run twice: one contact, created then updated by PUT; the external ID is the key when given', async () => {
		const first = await run('upsert', { role: 'user', external_id: 'u-1', email: 'ada@example.com', additionalFields: { name: 'Ada' } });
		mock.server.clear();
		const second = await run('upsert', { role: 'user', external_id: 'u-1', email: 'ada@example.com', additionalFields: { name: 'Augusta' } });

		const id = mock.contacts[0].id;
		expect(requests()).toEqual([
			{
				method: 'POST',
				path: '/contacts/search',
				body: { query: { operator: 'AND', value: [{ field: 'external_id', operator: '=', value: 'u-1' }, { field: 'role', operator: '=', value: 'user' }] }, pagination: { per_page: 50 } },
			},
			{ method: 'PUT', path: `/contacts/${id}`, body: { role: 'user', external_id: 'u-1', email: 'ada@example.com', name: 'Augusta' } },
		]);
		expect([first.items[0].json.outcome, second.items[0].json.outcome]).toEqual(['created', 'updated']);
		expect(mock.contacts).toHaveLength(1);
		expect(mock.contacts[0].name).toBe('Augusta');
	});

	test('search has not caught up: the create meets a 409 naming the contact, which is PUT', async () => {
		seed({ email: 'ada@example.com', created_at: Math.floor(Date.now() / 1000) });
		mock.searchLagMs = 60_000;

		const result = await run('upsert', { role: 'user', email: 'ada@example.com', fieldsToClear: ['phone'] });

		expect(requests().map((request) => `${request.method} ${request.path}`)).toEqual(['POST /contacts/search', 'POST /contacts/search', 'POST /contacts', 'PUT /contacts/seed0']);
		expect(mock.requests('PUT')[0].body).toEqual({ role: 'user', email: 'ada@example.com', phone: null });
		expect(result.items[0].json).toMatchObject({ id: 'seed0', outcome: 'updated', phone: null });
	});

	test('several users with the key are an error naming them; nothing is changed', async () => {
		mock.searchLagMs = 0;
		seed({ email: 'twin@example.com' });
		seed({ email: 'twin@example.com' });

		const result = await run('upsert', { role: 'user', email: 'twin@example.com', additionalFields: { name: 'x' } });

		expect(result.error?.message).toBe('Email: 2 users match "twin@example.com" (ids seed0, seed1) [item 0]');
		expect(mock.requests('PUT')).toEqual([]);
	});
});

describe('Intercom > Create or Update: a lead has the email of the user asked for (a visitor who became a customer)', () => {
	const userItem = { role: 'user', email: 'ada@example.com', external_id: 'cust-1', additionalFields: { name: 'Ada' } };
	beforeEach(() => {
		mock.searchLagMs = 0;
		seed({ id: 'lead1', role: 'lead', email: 'ada@example.com', custom_attributes: { source_page: '/pricing' } });
	});

	test('by default the lead is converted: the same contact becomes the user, and no second contact is made', async () => {
		const result = await run('upsert', userItem);

		expect(mock.requests('PUT')).toHaveLength(1);
		expect(mock.requests('PUT')[0]).toMatchObject({ path: '/contacts/lead1', body: { role: 'user', email: 'ada@example.com', external_id: 'cust-1', name: 'Ada' } });
		expect(mock.requests('POST', '/contacts')).toEqual([]);
		expect(mock.contacts).toHaveLength(1);
		expect(mock.contacts[0]).toMatchObject({ id: 'lead1', role: 'user', external_id: 'cust-1' });
		expect(result.items[0].json).toMatchObject({ id: 'lead1', role: 'user', outcome: 'updated' });
	});

	test('Merge the Lead Into a New User: the user is created, then the lead merged into it', async () => {
		const result = await run('upsert', { ...userItem, options: { ifLeadHasEmail: 'merge' } });

		expect(mock.requests().map((request) => `${request.method} ${request.path}`)).toEqual([
			'POST /contacts/search',
			'POST /contacts/search',
			'POST /contacts',
			'POST /contacts/merge',
		]);
		const user = mock.contacts[0];
		expect(mock.requests('POST', '/contacts/merge')[0].body).toEqual({ from: 'lead1', into: user.id });
		expect(mock.merged).toEqual(['lead1']);
		expect(mock.contacts).toEqual([expect.objectContaining({ role: 'user', email: 'ada@example.com', custom_attributes: { source_page: '/pricing' } })]);
		expect(result.items[0].json).toMatchObject({ id: user.id, role: 'user', outcome: 'created' });
	});

	test('Create a Separate User: a new user, the lead left as it is (the old behaviour, now a choice)', async () => {
		const result = await run('upsert', { ...userItem, options: { ifLeadHasEmail: 'separate' } });

		expect(mock.contacts.map((contact) => contact.role)).toEqual(['lead', 'user']);
		expect(mock.requests('POST', '/contacts/search')).toHaveLength(1);
		expect(result.items[0].json).toMatchObject({ role: 'user', outcome: 'created' });
	});

	test('two leads with the email: an error naming them, nothing changed', async () => {
		seed({ id: 'lead2', role: 'lead', email: 'ada@example.com' });

		const result = await run('upsert', userItem);

		expect(result.error?.message).toBe('Email: 2 leads have "ada@example.com" (ids lead1, lead2), so which one becomes the user is not clear [item 0]');
		expect(mock.requests('PUT')).toEqual([]);
		expect(mock.requests('POST', '/contacts')).toEqual([]);
	});
});

describe('Intercom > Update', () => {
	test('by email: searched (any role), then PUT with only the changes, not the email it was found by', async () => {
		const stored = seed({ email: 'ada@example.com', name: 'Ada' });

		const result = await run('update', { findBy: 'email', email: 'ada@example.com', additionalFields: { name: 'Augusta', phone: '' } });

		expect(requests()).toEqual([
			{ method: 'POST', path: '/contacts/search', body: { query: { field: 'email', operator: '=', value: 'ada@example.com' }, pagination: { per_page: 50 } } },
			{ method: 'PUT', path: `/contacts/${stored.id}`, body: { name: 'Augusta' } },
		]);
		expect(result.items[0].json).toMatchObject({ id: stored.id, name: 'Augusta' });
	});

	test('by Intercom ID: read, then PUT; a lead can become a user', async () => {
		const lead = seed({ role: 'lead', email: 'lead@example.com' });

		const result = await run('update', { findBy: 'id', contactId: lead.id, role: 'user', external_id: 'u-9' });

		expect(requests().map((request) => `${request.method} ${request.path}`)).toEqual([`GET /contacts/${lead.id}`, `PUT /contacts/${lead.id}`]);
		expect(result.items[0].json).toMatchObject({ role: 'user', external_id: 'u-9' });
	});

	test('a user cannot become a lead: refused before the PUT, with a clear message', async () => {
		const user = seed({ email: 'ada@example.com' });

		const result = await run('update', { findBy: 'id', contactId: user.id, role: 'lead' });

		expect(result.error?.message).toBe(`Role: contact ${user.id} is a user, and Intercom cannot turn a user into a lead; nothing was sent [item 0]`);
		expect(mock.requests('PUT')).toEqual([]);
	});

	test('not found (by ID: 404; by external ID: empty search) is an error, and nothing is created', async () => {
		const byId = await run('update', { findBy: 'id', contactId: 'nosuchid', additionalFields: { name: 'x' } });
		const byExternal = await run('update', { findBy: 'externalId', external_id: 'u-404', additionalFields: { name: 'x' } });

		expect(byId.error?.message).toBe('Contact ID: no contact found with contact id "nosuchid"; nothing was updated or created [item 0]');
		expect(byExternal.error?.message).toBe('External ID: no contact found with external id "u-404"; nothing was updated or created [item 0]');
		expect(mock.contacts).toEqual([]);
	});

	test("a 409 on update (the new email is another user's) is Intercom's error, with the other id", async () => {
		const ada = seed({ email: 'ada@example.com' });
		seed({ email: 'grace@example.com' });

		const result = await run('update', { findBy: 'id', contactId: ada.id, email: 'grace@example.com' });

		expect(result.error?.httpCode).toBe('409');
		expect(result.error?.description).toContain('existing contact id: seed1');
	});

	test('Continue On Fail: one output per input, in order', async () => {
		seed({ email: 'a@example.com' });

		const result = await run(
			'update',
			{ findBy: 'email', email: '={{ $json.email }}', additionalFields: { name: 'x' } },
			[{ email: 'a@example.com' }, { email: 'b@example.com' }],
			'continueRegularOutput',
		);

		expect(result.items.map((item) => [item.pairedItem, item.json.outcome ?? item.json.error])).toEqual([
			[{ item: 0 }, 'updated'],
			[{ item: 1 }, 'Email: no contact found with email "b@example.com"; nothing was updated or created [item 1]'],
		]);
	});
});

describe('Intercom > Get', () => {
	test('by ID, by email and by external ID: the contact (Simplify off), or its simplified columns', async () => {
		const stored = seed({ email: 'ada@example.com', external_id: 'u-1' });

		const results = [
			await run('get', { findBy: 'id', contactId: stored.id, simplify: false }),
			await run('get', { findBy: 'email', email: 'ada@example.com', simplify: false }),
			await run('get', { findBy: 'externalId', external_id: 'u-1', simplify: false }),
		];
		const simplified = await run('get', { findBy: 'id', contactId: stored.id });

		expect(results.map((result) => result.items[0].json)).toEqual([stored, stored, stored]);
		expect(simplified.items[0].json).toEqual({
			id: stored.id,
			external_id: 'u-1',
			role: 'user',
			email: 'ada@example.com',
			phone: null,
			name: null,
			owner_id: null,
			unsubscribed_from_emails: null,
			custom_attributes: null,
		});
	});

	test('not found: an error by default, or an empty item when chosen; leads sharing an email are an error', async () => {
		const failing = await run('get', { findBy: 'id', contactId: 'nosuchid' });
		const empty = await run('get', { findBy: 'email', email: 'nobody@example.com', options: { ifNotFound: 'empty' } });
		seed({ role: 'lead', email: 'lead@example.com' });
		seed({ role: 'lead', email: 'lead@example.com' });
		const several = await run('get', { findBy: 'email', email: 'lead@example.com' });

		expect(failing.error?.message).toBe('Contact ID: no contact found with contact id "nosuchid" [item 0]');
		expect(empty.items).toEqual([{ json: {}, pairedItem: { item: 0 } }]);
		expect(several.error?.message).toBe('Email: 2 contacts match "lead@example.com" (ids seed0, seed1); find it by its Intercom ID instead [item 0]');
	});
});

describe('Intercom > Delete and Archive', () => {
	const FAST = { firstRetryDelaySeconds: 0.05, maxAttempts: 3 };
	const LOST_AFTER_ACTING = { status: 504, body: { message: 'Gateway timeout' }, afterActing: true };

	test('Delete by email, external ID and ID: found, then DELETE /contacts/{id}; gone from Intercom; one documented shape', async () => {
		const ada = seed({ email: 'ada@example.com', external_id: 'u-1' });
		const bo = seed({ email: 'bo@example.com', external_id: 'u-2', role: 'lead' });
		const cy = seed({ email: 'cy@example.com' });

		const results = [
			await run('delete', { findBy: 'email', email: 'ada@example.com' }),
			await run('delete', { findBy: 'externalId', external_id: 'u-2' }),
			await run('delete', { findBy: 'id', contactId: cy.id }),
		];

		expect(mock.requests('DELETE').map((request) => request.path)).toEqual([`/contacts/${ada.id}`, `/contacts/${bo.id}`, `/contacts/${cy.id}`]);
		expect(mock.contacts).toEqual([]);
		expect(results.map((result) => result.items[0].json)).toEqual([
			{ id: ada.id, email: 'ada@example.com', external_id: 'u-1', role: 'user', outcome: 'deleted' },
			{ id: bo.id, email: 'bo@example.com', external_id: 'u-2', role: 'lead', outcome: 'deleted' },
			{ id: cy.id, email: 'cy@example.com', external_id: null, role: 'user', outcome: 'deleted' },
		]);
	});

	test('not found: an error by default and nothing deleted; "already gone" when chosen; leads sharing an email are an error', async () => {
		const failing = await run('delete', { findBy: 'externalId', external_id: 'nobody' });
		const gone = await run('delete', { findBy: 'id', contactId: 'nosuchid', options: { ifNotFound: 'alreadyGone' } });
		seed({ role: 'lead', email: 'lead@example.com' });
		seed({ role: 'lead', email: 'lead@example.com' });
		const several = await run('delete', { findBy: 'email', email: 'lead@example.com' });

		expect(failing.error?.message).toBe('External ID: no contact found with external id "nobody"; nothing was deleted [item 0]');
		expect(gone.items[0].json).toEqual({ id: 'nosuchid', email: null, external_id: null, role: null, outcome: 'alreadyGone' });
		expect(several.error?.message).toBe('Email: 2 contacts match "lead@example.com" (ids seed0, seed1); find it by its Intercom ID instead [item 0]');
		expect(mock.requests('DELETE')).toEqual([]);
		expect(mock.contacts).toHaveLength(2);
	});

	test('Continue On Fail: three items, the middle one missing: three outputs in order, one of them its error', async () => {
		seed({ email: 'a@example.com' });
		seed({ email: 'c@example.com' });

		const result = await run('delete', { findBy: 'email', email: '={{ $json.email }}' }, [{ email: 'a@example.com' }, { email: 'b@example.com' }, { email: 'c@example.com' }], 'continueRegularOutput');

		expect(result.items.map((item) => [item.pairedItem, item.json.outcome ?? item.json.error])).toEqual([
			[{ item: 0 }, 'deleted'],
			[{ item: 1 }, 'Email: no contact found with email "b@example.com"; nothing was deleted [item 1]'],
			[{ item: 2 }, 'deleted'],
		]);
	});

	test('the answer was lost after Intercom deleted it: looked up by ID, gone, so not sent again', async () => {
		const ada = seed({ email: 'ada@example.com' });
		mock.server.injectFault(LOST_AFTER_ACTING, { method: 'DELETE' });

		const result = await run('delete', { findBy: 'id', contactId: ada.id, options: FAST });

		expect(requests().map((request) => `${request.method} ${request.path}`)).toEqual([`GET /contacts/${ada.id}`, `DELETE /contacts/${ada.id}`, `GET /contacts/${ada.id}`]);
		expect(result.items[0].json.outcome).toBe('deleted');
	});

	test('a reset before Intercom acted: looked up, still there, sent again; a 404 to the re-send is this item\'s own delete', async () => {
		const ada = seed({ email: 'ada@example.com' });
		mock.server.injectFault({ status: 0, reset: true }, { method: 'DELETE' });
		const still = await run('delete', { findBy: 'id', contactId: ada.id, options: FAST });
		const bo = seed({ email: 'bo@example.com' });
		mock.server.clear();
		// Deleted, the answer lost; the lookup does not see it gone yet (a stale read), so it is sent again: 404.
		mock.server.injectFault(LOST_AFTER_ACTING, { method: 'DELETE' });
		mock.server.injectFault({ status: 200, body: bo }, { method: 'GET', when: (request) => request.path === `/contacts/${bo.id}` && mock.contacts.length === 0 });
		const resent = await run('delete', { findBy: 'email', email: 'bo@example.com', options: FAST });

		expect(still.items[0].json.outcome).toBe('deleted');
		expect(mock.requests('DELETE')).toHaveLength(2);
		expect(resent.status).toBe('success');
		expect(resent.items[0].json).toMatchObject({ id: bo.id, outcome: 'deleted' });
	});

	test('Archive: found, then POST /contacts/{id}/archive; Intercom keeps the contact, archived', async () => {
		const ada = seed({ email: 'ada@example.com', external_id: 'u-1' });

		const result = await run('archive', { findBy: 'externalId', external_id: 'u-1' });
		const missing = await run('archive', { findBy: 'email', email: 'nobody@example.com' });

		expect(mock.requests('POST').map((request) => request.path)).toEqual(['/contacts/search', `/contacts/${ada.id}/archive`, '/contacts/search']);
		expect(mock.contacts[0].archived).toBe(true);
		expect(result.items[0].json).toEqual({ id: ada.id, email: 'ada@example.com', external_id: 'u-1', role: 'user', outcome: 'archived' });
		expect(missing.error?.message).toBe('Email: no contact found with email "nobody@example.com"; nothing was deleted [item 0]');
	});
});

describe('Intercom > Get Many', () => {
	const FAST = { firstRetryDelaySeconds: 0.05, maxAttempts: 3 };
	const seedMany = (count: number, extra: (index: number) => Partial<IntercomContact> = () => ({})) => {
		for (let index = 0; index < count; index++) seed({ email: `p${index}@example.com`, updated_at: 1_700_000_000 + index, ...extra(index) });
	};
	const pageRequests = () => mock.requests().map((request) => (request.method === 'GET' ? `GET per_page=${request.query.per_page}${request.query.starting_after ? ' +cursor' : ''}` : `POST ${JSON.stringify((request.body as IDataObject).pagination)}`));

	test('Return All walks every page of 150 (5 pages for 700 contacts): each contact once, in order, simplified, paired with the item', async () => {
		seedMany(700);

		const result = await run('getAll', { returnAll: true });

		expect(pageRequests()).toEqual(['GET per_page=150', 'GET per_page=150 +cursor', 'GET per_page=150 +cursor', 'GET per_page=150 +cursor', 'GET per_page=150 +cursor']);
		expect(result.items).toHaveLength(700);
		expect(new Set(result.items.map((item) => item.json.id)).size).toBe(700);
		expect(result.items.map((item) => item.json.email)).toEqual(mock.contacts.map((contact) => contact.email));
		expect(result.items.every((item) => (item.pairedItem as { item: number }).item === 0)).toBe(true);
		expect(Object.keys(result.items[0].json)).toEqual(['id', 'external_id', 'role', 'email', 'phone', 'name', 'owner_id', 'unsubscribed_from_emails', 'custom_attributes']);
	});

	test('Limit asks only for what it needs: 20 is one page of 20; 200 is 150 then 50', async () => {
		seedMany(400);

		const twenty = await run('getAll', { returnAll: false, limit: 20 });
		const twentyPages = pageRequests();
		mock.server.clear();
		const twoHundred = await run('getAll', { returnAll: false, limit: 200 });

		expect(twentyPages).toEqual(['GET per_page=20']);
		expect(pageRequests()).toEqual(['GET per_page=150', 'GET per_page=50 +cursor']);
		expect([twenty.items.length, twoHundred.items.length]).toEqual([20, 200]);
		expect(twoHundred.items[199].json.email).toBe('p199@example.com');
	});

	test('filters search: role and updated since go as one AND query, paged; only matching contacts come out (Simplify off: as Intercom sent them)', async () => {
		seedMany(10, (index) => ({ role: index % 2 === 0 ? 'user' : 'lead' }));

		const result = await run('getAll', { returnAll: true, filters: { role: 'lead', updatedSince: '2023-11-14T22:13:25Z' }, simplify: false });

		const since = Date.parse('2023-11-14T22:13:25Z') / 1000;
		expect(mock.requests('POST', '/contacts/search').map((request) => request.body)).toEqual([
			{ query: { operator: 'AND', value: [{ field: 'role', operator: '=', value: 'lead' }, { field: 'updated_at', operator: '>', value: since }] }, pagination: { per_page: 150 } },
		]);
		const expected = mock.contacts.filter((contact) => contact.role === 'lead' && Number(contact.updated_at) > since);
		expect(expected.length).toBeGreaterThan(0);
		expect(result.items.map((item) => item.json)).toEqual(expected);
	});

	test('one filter is sent alone; no match is no item, and the next input item still gets its own', async () => {
		seed({ email: 'ada@example.com', external_id: 'u-1' });

		const result = await run('getAll', { returnAll: true, filters: { external_id: '={{ $json.key }}' } }, [{ key: 'nobody' }, { key: 'u-1' }]);

		expect(mock.requests('POST', '/contacts/search').map((request) => (request.body as IDataObject).query)).toEqual([
			{ field: 'external_id', operator: '=', value: 'nobody' },
			{ field: 'external_id', operator: '=', value: 'u-1' },
		]);
		expect(result.items.map((item) => [item.pairedItem, item.json.email])).toEqual([[{ item: 1 }, 'ada@example.com']]);
	});

	test('Continue On Fail: an item whose filter is refused gives its one error item; the other item gives everything it found', async () => {
		seedMany(3);

		const result = await run('getAll', { returnAll: true, filters: { email: '={{ $json.email }}' } }, [{ email: 'broken' }, { email: 'p1@example.com' }], 'continueRegularOutput');

		expect(result.items.map((item) => [item.pairedItem, item.json.email ?? item.json.error])).toEqual([
			[{ item: 0 }, 'Filters > Email: "broken" is not a valid email address [item 0]'],
			[{ item: 1 }, 'p1@example.com'],
		]);
	});

	test('a 503 in the middle of the walk: that page is asked again; no contact is lost or doubled', async () => {
		seedMany(320);
		mock.server.injectFault({ status: 503, body: errorListFor('service_unavailable') }, { when: (request) => request.path === '/contacts' && request.query.starting_after !== undefined });

		const result = await run('getAll', { returnAll: true, options: FAST });

		expect(pageRequests()).toEqual(['GET per_page=150', 'GET per_page=150 +cursor', 'GET per_page=150 +cursor', 'GET per_page=150 +cursor']);
		expect(result.items.map((item) => item.json.email)).toEqual(mock.contacts.map((contact) => contact.email));
	});

	test('a cursor Intercom repeats would never end: an error, and the walk stops', async () => {
		seedMany(3);
		const looping = { type: 'list', data: [{ type: 'contact', id: 'x1', role: 'user' }], pages: { type: 'pages', next: { page: 2, starting_after: 'c2FtZQ==' } } };
		mock.server.injectFault({ status: 200, body: looping }, { path: '/contacts', times: 5 });

		const result = await run('getAll', { returnAll: true });

		expect(result.error?.message).toMatch(/^Return All: Intercom gave the same page cursor twice/);
		expect(mock.requests('GET', '/contacts')).toHaveLength(2);
	});
});

const badUpsert: BadInput[] = [
	['a user without email or external ID', { role: 'user', email: '={{ $json.missing }}' }, /^Email: a contact with the role User needs an Email or an External ID/],
	['an invalid email', { role: 'user', email: 'ada-at-example' }, /^Email: "ada-at-example" is not a valid email address/],
	['an unknown role', { role: '={{ "admin" }}', email: 'a@example.com' }, /^Role: must be one of user, lead/],
	['an owner that is not a whole number', { role: 'user', email: 'a@example.com', additionalFields: { owner_id: '={{ 1.5 }}' } }, /^Owner: must be a whole number/],
	['an avatar that is not a web address', { role: 'user', email: 'a@example.com', additionalFields: { avatar: 'ftp://x' } }, /^Avatar: "ftp:\/\/x" is not a web address/],
	['a date that does not exist', { role: 'user', email: 'a@example.com', additionalFields: { signed_up_at: '2026-02-30' } }, /^Signed Up At: "2026-02-30" is not a date/],
	['custom attributes JSON with a list', { role: 'user', email: 'a@example.com', customAttributesMode: 'json', customAttributesJson: '{"tags": [1]}' }, /^Attributes \(JSON\): "tags" is a list/],
	['a field both set and cleared', { role: 'user', email: 'a@example.com', additionalFields: { name: 'x' }, fieldsToClear: ['name'] }, /^Fields to Clear: "name" is both given a value and cleared/],
	['an unknown field to clear', { role: 'user', email: 'a@example.com', fieldsToClear: ['email'] }, /^Fields to Clear: must be one of/],
	['an unknown API version', { role: 'user', email: 'a@example.com', options: { apiVersion: '1.4' } }, /^Options > API Version: must be one of/],
];
const badUpdate: BadInput[] = [
	['nothing to update', { findBy: 'email', email: 'a@example.com' }, /^Fields: nothing to update/],
	['no email to find by', { findBy: 'email', email: '={{ $json.missing }}', additionalFields: { name: 'x' } }, /^Email: is required but empty/],
	['no external ID to find by', { findBy: 'externalId', external_id: '={{ "" }}', additionalFields: { name: 'x' } }, /^External ID: is required but empty/],
	['no contact ID', { findBy: 'id', contactId: '={{ $json.missing }}', additionalFields: { name: 'x' } }, /^Contact ID: is required but empty/],
	['a contact ID with a slash', { findBy: 'id', contactId: '../admins', additionalFields: { name: 'x' } }, /^Contact ID: "..\/admins" is not an Intercom contact ID/],
	['an unknown way to find', { findBy: 'phone', additionalFields: { name: 'x' } }, /^Find Contact By: must be one of id, email, externalId/],
	['an unknown role', { findBy: 'id', contactId: 'abc', role: '={{ "visitor" }}' }, /^Role: must be one of user, lead/],
	['an owner of zero', { findBy: 'id', contactId: 'abc', additionalFields: { owner_id: 0 } }, /^Owner: must be a positive admin ID/],
	['an invalid new email', { findBy: 'id', contactId: 'abc', email: 'nope' }, /^Email: "nope" is not a valid email address/],
	['a custom attribute given twice', { findBy: 'id', contactId: 'abc', customAttributesMode: 'fields', customAttributes: { attribute: [{ name: 'plan', type: 'string', stringValue: 'a' }, { name: 'plan', type: 'string', stringValue: 'b' }] } }, /given more than once/],
];
const badGet: BadInput[] = [
	['no email', { findBy: 'email', email: '={{ "" }}' }, /^Email: is required but empty/],
	['an invalid email', { findBy: 'email', email: 'a@b' }, /^Email: "a@b" is not a valid email address/],
	['an email that is an object', { findBy: 'email', email: '={{ { a: 1 } }}' }, /^Email: must be text, but the value is an object/],
	['no external ID', { findBy: 'externalId', external_id: '={{ $json.missing }}' }, /^External ID: is required but empty/],
	['an external ID that is a list', { findBy: 'externalId', external_id: '={{ [1] }}' }, /^External ID: must be text, but the value is a list/],
	['no contact ID', { findBy: 'id', contactId: '={{ "" }}' }, /^Contact ID: is required but empty/],
	['a contact ID with spaces', { findBy: 'id', contactId: 'a b' }, /^Contact ID: "a b" is not an Intercom contact ID/],
	['an unknown way to find', { findBy: 'name' }, /^Find Contact By: must be one of id, email, externalId/],
	['an unknown If Not Found choice', { findBy: 'id', contactId: 'abc', options: { ifNotFound: 'skip' } }, /^Options > If Not Found: must be one of fail, empty/],
	['an unknown API version', { findBy: 'id', contactId: 'abc', options: { apiVersion: '3.0' } }, /^Options > API Version: must be one of/],
];

const badDelete: BadInput[] = [
	['no email', { findBy: 'email', email: '={{ $json.missing }}' }, /^Email: is required but empty/],
	['an invalid email', { findBy: 'email', email: 'ada' }, /^Email: "ada" is not a valid email address/],
	['no external ID', { findBy: 'externalId', external_id: '={{ "" }}' }, /^External ID: is required but empty/],
	['a contact ID with a slash', { findBy: 'id', contactId: '../admins' }, /^Contact ID: "..\/admins" is not an Intercom contact ID/],
	['an unknown way to find', { findBy: 'name' }, /^Find Contact By: must be one of id, email, externalId/],
	['an unknown If Not Found choice', { findBy: 'id', contactId: 'abc', options: { ifNotFound: 'empty' } }, /^Options > If Not Found: must be one of fail, alreadyGone/],
];

const badGetAll: BadInput[] = [
	['a limit of 0', { returnAll: false, limit: 0 }, /^Limit: must be at least 1, but is 0/],
	['a limit that is not a whole number', { returnAll: false, limit: '={{ 2.5 }}' }, /^Limit: must be a whole number/],
	['an invalid email filter', { returnAll: true, filters: { email: 'ada-at-example' } }, /^Filters > Email: "ada-at-example" is not a valid email address/],
	['updated since that is not a date', { returnAll: true, filters: { updatedSince: '2024' } }, /^Filters > Updated Since: "2024" is not a date/],
	['an unknown role filter', { returnAll: true, filters: { role: '={{ "admin" }}' } }, /^Filters > Role: must be one of/],
	['an unknown API version', { returnAll: true, options: { apiVersion: '1.0' } }, /^Options > API Version: must be one of/],
];

refusedBeforeSending('Intercom', async (operation, parameters) => await run(operation, parameters), mock.server, [
	['upsert', badUpsert],
	['update', badUpdate],
	['get', badGet],
	['delete', badDelete],
	['archive', badDelete],
	['getAll', badGetAll],
]);
