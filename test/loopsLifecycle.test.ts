import type { IDataObject, INodeParameters } from 'n8n-workflow';

import type { BadInput } from './harness/badInputs';
import { refusedBeforeSending } from './harness/badInputs';
import { loopsUnderTest, useVendor, loopsOutput } from './harness/vendors';

const loops = useVendor(loopsUnderTest());
const { mock, engine } = loops;

const run = async (operation: string, parameters: INodeParameters, items: IDataObject[], onError?: 'continueRegularOutput') =>
	await engine.run({ parameters: { resource: 'contact', operation, ...parameters }, items, onError });
const requests = () => mock.requests().map(({ method, path, query, body }) => ({ method, path, query, body }));
const seed = (contact: IDataObject) => mock.contacts.push({ id: `clseed${mock.contacts.length}`, email: String(contact.email), ...contact });

describe('Loops > Create or Update', () => {
	const upsert = (extra: INodeParameters = {}) => ({ email: '={{ $json.email }}', ...extra });

	test('a new contact: looked up, then PUT /contacts/update creates it; the output says "created"', async () => {
		const result = await run('upsert', upsert({ additionalFields: { firstName: 'Ada', lastName: '' } }), [{ email: 'ada@example.com' }]);

		expect(requests()).toEqual([
			{ method: 'GET', path: '/contacts/find', query: { email: 'ada@example.com' }, body: undefined },
			{ method: 'PUT', path: '/contacts/update', query: {}, body: { email: 'ada@example.com', firstName: 'Ada' } },
		]);
		expect(result.items.map((item) => item.json)).toEqual([loopsOutput({ id: mock.contacts[0].id, email: 'ada@example.com', firstName: 'Ada', outcome: 'created' })]);
	});

	test('run twice on the same input: one contact, created then updated, blank fields keep their value', async () => {
		const first = await run('upsert', upsert({ additionalFields: { firstName: 'Ada', userGroup: 'Founders' } }), [{ email: 'ada@example.com' }]);
		const second = await run('upsert', upsert({ additionalFields: { firstName: 'Augusta', userGroup: '' } }), [{ email: 'ada@example.com' }]);

		expect(mock.contacts).toHaveLength(1);
		expect([first.items[0].json.outcome, second.items[0].json.outcome]).toEqual(['created', 'updated']);
		expect(mock.contacts[0]).toMatchObject({ email: 'ada@example.com', firstName: 'Augusta', userGroup: 'Founders' });
	});

	test('Fields to Clear are sent as null and reset the value; a field both set and cleared is refused', async () => {
		seed({ email: 'ada@example.com', firstName: 'Ada', userGroup: 'Founders' });

		await run('upsert', upsert({ fieldsToClear: ['userGroup'] }), [{ email: 'ada@example.com' }]);
		expect(mock.requests('PUT', '/contacts/update')[0].body).toEqual({ email: 'ada@example.com', userGroup: null });
		expect(mock.contacts[0]).toEqual({ id: 'clseed0', email: 'ada@example.com', firstName: 'Ada' });

		mock.server.clear();
		const both = await run('upsert', upsert({ additionalFields: { userGroup: 'X' }, fieldsToClear: ['userGroup'] }), [{ email: 'ada@example.com' }]);
		expect(both.error?.message).toBe('Fields to Clear: "userGroup" is both given a value and cleared [item 0]');
		expect(mock.server.requests).toEqual([]);
	});

	test('found by user ID when the email is new: updated, and the new email is set', async () => {
		seed({ email: 'old@example.com', userId: 'u-1' });

		const result = await run('upsert', upsert({ additionalFields: { userId: 'u-1' } }), [{ email: 'new@example.com' }]);

		expect(mock.requests('GET', '/contacts/find').map((request) => request.query)).toEqual([{ email: 'new@example.com' }, { userId: 'u-1' }]);
		expect(result.items[0].json.outcome).toBe('updated');
		expect(mock.contacts).toEqual([{ id: 'clseed0', email: 'new@example.com', userId: 'u-1' }]);
	});

	test('a lost answer to the PUT is re-sent as it is: it matches the same contact, no second one', async () => {
		mock.server.injectFault({ status: 504, body: { message: 'Gateway timeout' }, afterActing: true }, { path: '/api/v1/contacts/update' });

		const result = await run('upsert', upsert({ options: { firstRetryDelaySeconds: 0.05 } }), [{ email: 'ada@example.com' }]);

		expect(mock.requests('PUT', '/contacts/update')).toHaveLength(2);
		expect(mock.contacts).toHaveLength(1);
		expect(result.items[0].json).toEqual(loopsOutput({ id: mock.contacts[0].id, email: 'ada@example.com', outcome: 'created' }));
	});

	test('a 409 (the email and the user ID belong to different contacts) is the vendor\'s error, with its status', async () => {
		seed({ email: 'ada@example.com', userId: 'u-1' });
		seed({ email: 'grace@example.com', userId: 'u-2' });

		const clash = await run('upsert', { email: 'ada@example.com', additionalFields: { userId: 'u-2' } }, [{}]);

		expect(clash.error?.httpCode).toBe('409');
		expect(clash.error?.message).toBe('Email or userId is already on list.');
		expect(mock.contacts.map((contact) => [contact.email, contact.userId])).toEqual([['ada@example.com', 'u-1'], ['grace@example.com', 'u-2']]);
	});

	test('20 items, 5 in parallel, paced to Loops\' 10/s: no 429, two requests per item, in order', async () => {
		const items = Array.from({ length: 20 }, (_, i) => ({ email: `p${i}@example.com` }));

		const result = await run('upsert', upsert({ options: { concurrency: 5 } }), items);

		expect(mock.requests().filter((request) => request.answeredWith === 429)).toEqual([]);
		expect(mock.requests()).toHaveLength(40);
		expect(result.items.map((item) => item.pairedItem)).toEqual(items.map((_, item) => ({ item })));
		expect(mock.contacts).toHaveLength(20);
	}, 20000);
});

describe('Loops > Update', () => {
	test('by email: found, then PUT with only the given fields', async () => {
		seed({ email: 'ada@example.com', firstName: 'Ada', lastName: 'Lovelace' });

		const result = await run('update', { findBy: 'email', email: '={{ $json.email }}', additionalFields: { firstName: 'Augusta', lastName: '' } }, [{ email: 'ada@example.com' }]);

		expect(requests()).toEqual([
			{ method: 'GET', path: '/contacts/find', query: { email: 'ada@example.com' }, body: undefined },
			{ method: 'PUT', path: '/contacts/update', query: {}, body: { firstName: 'Augusta', email: 'ada@example.com' } },
		]);
		expect(result.items.map((item) => item.json)).toEqual([loopsOutput({ id: 'clseed0', firstName: 'Augusta', email: 'ada@example.com', outcome: 'updated' })]);
		expect(mock.contacts[0]).toEqual({ id: 'clseed0', email: 'ada@example.com', firstName: 'Augusta', lastName: 'Lovelace' });
	});

	test('by user ID: the key goes in the body, and a contact that does not exist is an error, never created', async () => {
		seed({ email: 'ada@example.com', userId: 'u-1' });

		await run('update', { findBy: 'userId', userId: 'u-1', additionalFields: { source: 'CRM' } }, [{}]);
		expect(mock.requests('PUT', '/contacts/update')[0].body).toEqual({ source: 'CRM', userId: 'u-1' });

		mock.server.clear();
		const missing = await run('update', { findBy: 'userId', userId: 'u-404', additionalFields: { source: 'CRM' } }, [{}]);
		expect(missing.error?.message).toBe('User ID: no contact found with user id "u-404"; nothing was updated or created [item 0]');
		expect(mock.requests('PUT', '/contacts/update')).toEqual([]);
		expect(mock.contacts).toHaveLength(1);
	});

	test('Continue On Fail: one output per input, in order, the missing contact as an error item', async () => {
		seed({ email: 'a@example.com' });
		seed({ email: 'c@example.com' });

		const result = await run(
			'update',
			{ findBy: 'email', email: '={{ $json.email }}', additionalFields: { source: 'sync' } },
			[{ email: 'a@example.com' }, { email: 'b@example.com' }, { email: 'c@example.com' }],
			'continueRegularOutput',
		);

		expect(result.items.map((item) => [item.pairedItem, item.json.id ?? item.json.error])).toEqual([
			[{ item: 0 }, 'clseed0'],
			[{ item: 1 }, 'Email: no contact found with email "b@example.com"; nothing was updated or created [item 1]'],
			[{ item: 2 }, 'clseed1'],
		]);
	});
});

describe('Loops > Get', () => {
	test('by email and by user ID: the contact as Loops shows it', async () => {
		seed({ email: 'ada@example.com', userId: 'u-1', firstName: 'Ada', planName: 'pro' });

		const byEmail = await run('get', { findBy: 'email', email: 'ada@example.com' }, [{}]);
		const byUserId = await run('get', { findBy: 'userId', userId: 'u-1' }, [{}]);

		expect(mock.requests('GET', '/contacts/find').map((request) => request.query)).toEqual([{ email: 'ada@example.com' }, { userId: 'u-1' }]);
		const expected = expect.objectContaining({ id: 'clseed0', email: 'ada@example.com', firstName: 'Ada', planName: 'pro', subscribed: true });
		expect([byEmail.items[0].json, byUserId.items[0].json]).toEqual([expected, expected]);
	});

	test('not found: an error by default, or an empty item when chosen', async () => {
		const failing = await run('get', { findBy: 'email', email: 'nobody@example.com' }, [{}]);
		const empty = await run('get', { findBy: 'email', email: 'nobody@example.com', options: { ifNotFound: 'empty' } }, [{}]);

		expect(failing.error?.message).toBe('Email: no contact found with email "nobody@example.com" [item 0]');
		expect(empty.items).toEqual([{ json: {}, pairedItem: { item: 0 } }]);
	});

	test('several matches are an error naming them', async () => {
		mock.server.injectFault({ status: 200, body: [{ id: 'c1', email: 'a@example.com' }, { id: 'c2', email: 'a@example.com' }] }, { path: '/api/v1/contacts/find' });

		const result = await run('get', { findBy: 'email', email: 'a@example.com' }, [{}]);

		expect(result.error?.message).toBe('Email: 2 contacts match "a@example.com" (ids c1, c2) [item 0]');
	});
});

describe('Loops > Delete', () => {
	// Quick retries, so a lost answer is retried at once.
	const FAST = { firstRetryDelaySeconds: 0.05, maxAttempts: 3 };
	const STORED_THEN_504 = { status: 504, body: { message: 'Gateway timeout' }, afterActing: true };

	test('by email and by user ID: POST /contacts/delete with that one key; the contact is gone; the output names the key', async () => {
		seed({ email: 'ada@example.com' });
		seed({ email: 'bo@example.com', userId: 'u-2' });

		const byEmail = await run('delete', { findBy: 'email', email: 'ada@example.com' }, [{}]);
		const byUserId = await run('delete', { findBy: 'userId', userId: 'u-2' }, [{}]);

		expect(requests()).toEqual([
			{ method: 'POST', path: '/contacts/delete', query: {}, body: { email: 'ada@example.com' } },
			{ method: 'POST', path: '/contacts/delete', query: {}, body: { userId: 'u-2' } },
		]);
		expect(mock.contacts).toEqual([]);
		expect([byEmail.items[0].json, byUserId.items[0].json]).toEqual([
			{ email: 'ada@example.com', userId: null, outcome: 'deleted' },
			{ email: null, userId: 'u-2', outcome: 'deleted' },
		]);
	});

	test('no such contact (Loops answers 404): an error by default, never a silent success; "already gone" when chosen', async () => {
		const failing = await run('delete', { findBy: 'email', email: 'nobody@example.com' }, [{}]);
		const gone = await run('delete', { findBy: 'email', email: 'nobody@example.com', options: { ifNotFound: 'alreadyGone' } }, [{}]);

		expect(failing.error?.message).toBe('Email: no contact found with email "nobody@example.com"; nothing was deleted [item 0]');
		expect(gone.items).toEqual([{ json: { email: 'nobody@example.com', userId: null, outcome: 'alreadyGone' }, pairedItem: { item: 0 } }]);
	});

	test('Continue On Fail: one output per item, in order, the missing contact as its error item', async () => {
		seed({ email: 'a@example.com' });
		seed({ email: 'c@example.com' });

		const result = await run('delete', { findBy: 'email', email: '={{ $json.email }}' }, [{ email: 'a@example.com' }, { email: 'b@example.com' }, { email: 'c@example.com' }], 'continueRegularOutput');

		expect(result.items.map((item) => [item.pairedItem, item.json.outcome ?? item.json.error])).toEqual([
			[{ item: 0 }, 'deleted'],
			[{ item: 1 }, 'Email: no contact found with email "b@example.com"; nothing was deleted [item 1]'],
			[{ item: 2 }, 'deleted'],
		]);
		expect(mock.contacts).toEqual([]);
	});

	test('the answer was lost after Loops deleted it: looked up, not sent again, output as deleted', async () => {
		seed({ email: 'ada@example.com' });
		mock.server.injectFault(STORED_THEN_504, { path: '/api/v1/contacts/delete' });

		const result = await run('delete', { findBy: 'email', email: 'ada@example.com', options: FAST }, [{}]);

		expect(requests().map((request) => `${request.method} ${request.path}`)).toEqual(['POST /contacts/delete', 'GET /contacts/find']);
		expect(result.items.map((item) => item.json)).toEqual([{ email: 'ada@example.com', userId: null, outcome: 'deleted' }]);
	});

	test('a 503 before Loops acted: looked up, still there, sent again and deleted', async () => {
		seed({ email: 'ada@example.com' });
		mock.server.injectFault({ status: 503, body: { message: 'Unavailable' } }, { path: '/api/v1/contacts/delete' });

		const result = await run('delete', { findBy: 'email', email: 'ada@example.com', options: FAST }, [{}]);

		expect(requests().map((request) => `${request.method} ${request.path}`)).toEqual(['POST /contacts/delete', 'GET /contacts/find', 'POST /contacts/delete']);
		expect(mock.contacts).toEqual([]);
		expect(result.items[0].json.outcome).toBe('deleted');
	});

	test('after a 429 (Loops did not act) nothing is looked up: the delete is sent again', async () => {
		seed({ email: 'ada@example.com' });
		mock.server.injectFault({ status: 429, body: { success: false, message: 'Rate limit exceeded' } }, { path: '/api/v1/contacts/delete' });

		const result = await run('delete', { findBy: 'email', email: 'ada@example.com', options: FAST }, [{}]);

		expect(requests().map((request) => `${request.method} ${request.path}`)).toEqual(['POST /contacts/delete', 'POST /contacts/delete']);
		expect(result.items[0].json.outcome).toBe('deleted');
	});
});

const long = (length: number) => 'x'.repeat(length);

const badUpsert: BadInput[] = [
	['missing email', { email: '={{ $json.missing }}' }, /^Email: is required but empty/],
	['invalid email', { email: 'ada-at-example.com' }, /^Email: "ada-at-example.com" is not a valid email address/],
	['email that is an object', { email: '={{ { a: 1 } }}' }, /^Email: must be text, but the value is an object/],
	['first name with a control character', { email: 'a@example.com', additionalFields: { firstName: `Ada${String.fromCharCode(7)}` } }, /^First Name: contains a control character/],
	['source of 10,001 characters', { email: 'a@example.com', additionalFields: { source: long(10_001) } }, /^Source: is 10001 characters long/],
	['unknown subscription choice', { email: 'a@example.com', additionalFields: { subscribed: 'maybe' } }, /^Subscribed: must be one of/],
	['a list both added and removed', { email: 'a@example.com', additionalFields: { addToMailingLists: ['l1'], removeFromMailingLists: ['l1'] } }, /^Remove From Lists: list "l1" is also in Add to Lists/],
	['a reserved custom property', { email: 'a@example.com', customPropertiesMode: 'json', customPropertiesJson: '{"teamId": 1}' }, /^Properties \(JSON\): "teamId" is a name Loops reserves/],
	['custom properties JSON that nests', { email: 'a@example.com', customPropertiesMode: 'json', customPropertiesJson: '{"plan": {"a": 1}}' }, /^Properties \(JSON\): "plan" is an object/],
	['a field both set and cleared', { email: 'a@example.com', additionalFields: { lastName: 'L' }, fieldsToClear: ['lastName'] }, /^Fields to Clear: "lastName" is both given a value and cleared/],
	['an unknown field to clear', { email: 'a@example.com', fieldsToClear: ['email'] }, /^Fields to Clear: must be one of firstName, lastName, source, userGroup/],
];
const badUpdate: BadInput[] = [
	['no email to find by', { findBy: 'email', email: '={{ $json.missing }}' }, /^Email: is required but empty/],
	['an invalid email to find by', { findBy: 'email', email: 'nope' }, /^Email: "nope" is not a valid email address/],
	['no user ID to find by', { findBy: 'userId', userId: ' ' }, /^User ID: is required but empty/],
	['a user ID that is a list', { findBy: 'userId', userId: '={{ [1, 2] }}' }, /^User ID: must be text, but the value is a list/],
	['an unknown way to find', { findBy: 'phone' }, /^Find Contact By: must be one of email, userId/],
	['changing the user ID it is found by', { findBy: 'userId', userId: 'u-1', additionalFields: { userId: 'u-2' } }, /^Additional Fields > User ID: cannot change the user ID the contact is found by/],
	['a date that does not exist', { findBy: 'email', email: 'a@example.com', customPropertiesMode: 'fields', customProperties: { property: [{ key: 'dateJoined', type: 'date', dateValue: '2026-02-30' }] } }, /^Custom Properties > dateJoined: "2026-02-30" is not a real date/],
	['a number property that is not a number', { findBy: 'email', email: 'a@example.com', customPropertiesMode: 'fields', customProperties: { property: [{ key: 'seats', type: 'number', numberValue: '={{ "many" }}' }] } }, /^Custom Properties > seats: must be a number/],
	['a custom property with spaces', { findBy: 'email', email: 'a@example.com', customPropertiesMode: 'fields', customProperties: { property: [{ key: 'Plan name', type: 'string', stringValue: 'x' }] } }, /^Custom Properties: "Plan name" contains spaces/],
	['a standard field as a custom property', { findBy: 'email', email: 'a@example.com', customPropertiesMode: 'json', customPropertiesJson: '{"firstName": "x"}' }, /^Properties \(JSON\): "firstName" is a standard field/],
];
const badGet: BadInput[] = [
	['no email', { findBy: 'email', email: '={{ "" }}' }, /^Email: is required but empty/],
	['an invalid email', { findBy: 'email', email: 'a@b' }, /^Email: "a@b" is not a valid email address/],
	['an email with an invisible character', { findBy: 'email', email: `a\u200B@example.com` }, /^Email: ".*" contains an invisible character/],
	['an email of 300 characters', { findBy: 'email', email: `${long(290)}@example.com` }, /^Email: is \d+ characters long; an email address has at most 254/],
	['an email that is a number', { findBy: 'email', email: '={{ 42 }}' }, /^Email: "42" is not a valid email address/],
	['no user ID', { findBy: 'userId', userId: '={{ $json.missing }}' }, /^User ID: is required but empty/],
	['a user ID that is an object', { findBy: 'userId', userId: '={{ { id: 1 } }}' }, /^User ID: must be text, but the value is an object/],
	['a user ID with a control character', { findBy: 'userId', userId: `u${String.fromCharCode(0)}1` }, /^User ID: contains a control character/],
	['an unknown way to find', { findBy: 'id' }, /^Find Contact By: must be one of email, userId/],
	['an unknown If Not Found choice', { findBy: 'email', email: 'a@example.com', options: { ifNotFound: 'ignore' } }, /^Options > If Not Found: must be one of fail, empty/],
];

const badDelete: BadInput[] = [
	['no email', { findBy: 'email', email: '={{ $json.missing }}' }, /^Email: is required but empty/],
	['an invalid email', { findBy: 'email', email: 'ada@' }, /^Email: "ada@" is not a valid email address/],
	['no user ID', { findBy: 'userId', userId: ' ' }, /^User ID: is required but empty/],
	['a user ID that is a list', { findBy: 'userId', userId: '={{ ["u-1"] }}' }, /^User ID: must be text, but the value is a list/],
	['an unknown way to find', { findBy: 'id' }, /^Find Contact By: must be one of email, userId/],
	['an unknown If Not Found choice', { findBy: 'email', email: 'a@example.com', options: { ifNotFound: 'empty' } }, /^Options > If Not Found: must be one of fail, alreadyGone/],
];

refusedBeforeSending('Loops', async (operation, parameters) => await run(operation, parameters, [{}]), mock.server, [
	['upsert', badUpsert],
	['update', badUpdate],
	['get', badGet],
	['delete', badDelete],
]);
