/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals */
import { inspect } from 'node:util';

import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { LoopsApi } from '../credentials/LoopsApi.credentials';
import { Loops } from '../nodes/Loops/Loops.node';
import { TestEngine } from './harness/engine';
import type { RunResult } from './harness/engine';
import { loadOptions, testCredential } from './harness/lookups';
import { registerSecrets } from './harness/scanRecorder';
import { LoopsMock } from './mocks/loops';
import { loopsOutput } from './harness/vendors';

// Built at run time: a literal key would (rightly) trip the hard-coded secret lint.
const API_KEY = ['loops', 'test', 'key', process.pid].join('-');
registerSecrets([API_KEY]);
const NEWSLETTER = 'cm06f5v0e45nf0ml5754o9cix';
const BETA = 'cm16k73gq014h0mmj5b6jdi9r';

const mock = new LoopsMock(API_KEY);
const engine = new TestEngine({ nodeType: new Loops(), credentialTypes: [new LoopsApi()] });

beforeAll(async () => {
	await mock.start();
});
afterAll(async () => {
	await mock.stop();
});
beforeEach(() => {
	mock.reset();
	engine.setCredential('loopsApi', { apiKey: API_KEY, baseUrl: mock.baseUrl });
});

/** The node as a user fills it: email from the incoming item, everything else as given. */
function fields(extra: INodeParameters = {}): INodeParameters {
	return { resource: 'contact', operation: 'create', email: '={{ $json.email }}', ...extra };
}

async function createContacts(
	parameters: INodeParameters,
	items: IDataObject[],
	onError?: 'continueRegularOutput',
): Promise<RunResult> {
	return await engine.run({ parameters, items, onError });
}

function creates() {
	return mock.requests('POST', '/contacts/create');
}

describe('Loops > Create Contact: what is sent and what comes out', () => {
	test('a minimal item sends only the email, with the key as a Bearer token', async () => {
		const result = await createContacts(fields(), [{ email: 'ada@example.com' }]);

		expect(result.status).toBe('success');
		expect(creates()).toHaveLength(1);
		const [request] = creates();
		expect(request.body).toEqual({ email: 'ada@example.com' });
		expect(request.headers.authorization).toBe(`Bearer ${API_KEY}`);
		expect(request.headers['content-type']).toMatch(/^application\/json/);
		expect(result.items).toEqual([
			{ json: loopsOutput({ id: mock.contacts[0].id, email: 'ada@example.com', outcome: 'created' }), pairedItem: { item: 0 } },
		]);
	});

	test('an item with every field, mailing lists and typed custom properties', async () => {
		const result = await createContacts(
			fields({
				additionalFields: {
					firstName: '={{ $json.first }}',
					lastName: 'Lovelace',
					source: 'Website signup',
					subscribed: 'unsubscribe',
					userGroup: 'Founders',
					userId: 'usr_1815',
					addToMailingLists: [NEWSLETTER],
					removeFromMailingLists: `={{ "${BETA}" }}`,
				},
				customPropertiesMode: 'fields',
				customProperties: {
					property: [
						{ key: 'planName', type: 'string', stringValue: 'pro' },
						{ key: 'seats', type: 'number', numberValue: 12 },
						{ key: 'isTrial', type: 'boolean', booleanValue: true },
						{ key: 'dateJoined', type: 'date', dateValue: '2024-01-08' },
						{ key: 'renewsAt', type: 'date', dateValue: '2025-03-01T09:30:00' },
						{ key: 'lastLoginAt', type: 'date', dateValue: '={{ 1704711066 }}' },
						{ key: 'referrer', type: 'null' },
					],
				},
			}),
			[{ email: 'ada@example.com', first: 'Ada' }],
		);

		expect(result.status).toBe('success');
		expect(creates()[0].body).toEqual({
			email: 'ada@example.com',
			firstName: 'Ada',
			lastName: 'Lovelace',
			source: 'Website signup',
			subscribed: false,
			userGroup: 'Founders',
			userId: 'usr_1815',
			mailingLists: { [NEWSLETTER]: true, [BETA]: false },
			planName: 'pro',
			seats: 12,
			isTrial: true,
			dateJoined: '2024-01-08',
			renewsAt: '2025-03-01T09:30:00.000Z',
			lastLoginAt: '2024-01-08T10:51:06.000Z',
			referrer: null,
		});
		// The contact as sent, with Loops' id and the outcome; Loops' own answer only when asked for.
		const { email, firstName, lastName, source, subscribed, userGroup, userId, mailingLists, ...customProperties } = creates()[0].body as IDataObject;
		expect(result.items[0].json).toEqual({ id: mock.contacts[0].id, email, firstName, lastName, source, subscribed, userGroup, userId, mailingLists, customProperties, outcome: 'created' });
		expect(result.items[0].json).not.toHaveProperty('success');
	});

	test('Include Vendor Response adds Loops\' answer as it came', async () => {
		const result = await createContacts(fields({ options: { includeVendorResponse: true } }), [{ email: 'ada@example.com' }]);

		expect(result.items[0].json).toEqual(
			loopsOutput({ id: mock.contacts[0].id, email: 'ada@example.com', outcome: 'created', vendorResponse: { success: true, id: mock.contacts[0].id } }),
		);
	});

	test('custom properties as JSON are sent as top-level keys, null included', async () => {
		await createContacts(
			fields({
				additionalFields: { subscribed: 'subscribe' },
				customPropertiesMode: 'json',
				customPropertiesJson: '{ "planName": "team", "seats": 3, "isTrial": false, "referrer": null }',
			}),
			[{ email: 'grace@example.com' }],
		);

		expect(creates()[0].body).toEqual({
			email: 'grace@example.com',
			subscribed: true,
			planName: 'team',
			seats: 3,
			isTrial: false,
			referrer: null,
		});
	});

	test('mailing lists given by expression as a list or comma-separated text', async () => {
		await createContacts(
			fields({ additionalFields: { addToMailingLists: '={{ $json.lists }}' } }),
			[
				{ email: 'a@example.com', lists: [NEWSLETTER, BETA] },
				{ email: 'b@example.com', lists: `${NEWSLETTER}, ${BETA}` },
			],
		);

		const sent = creates().map((request) => (request.body as IDataObject).mailingLists);
		expect(sent).toEqual([
			{ [NEWSLETTER]: true, [BETA]: true },
			{ [NEWSLETTER]: true, [BETA]: true },
		]);
	});

	test('"Subscribed: Leave Unchanged" and blank optional fields are never sent', async () => {
		await createContacts(
			fields({ additionalFields: { subscribed: 'unchanged', firstName: '', userGroup: '={{ "" }}' } }),
			[{ email: 'a@example.com' }],
		);

		expect(creates()[0].body).toEqual({ email: 'a@example.com' });
	});
});

describe('Loops > Create Contact: bad input is refused before anything is sent', () => {
	const cases: Array<[string, INodeParameters, IDataObject, RegExp]> = [
		['empty email', fields(), { email: '' }, /^Email: is required/],
		['invalid email', fields(), { email: 'ada.example.com' }, /^Email: "ada\.example\.com" is not a valid email address/],
		['email that is an object', fields(), { email: { address: 'a@example.com' } }, /^Email: must be text, but the value is an object/],
		[
			'first name that is a list',
			fields({ additionalFields: { firstName: '={{ $json.names }}' } }),
			{ email: 'a@example.com', names: ['Ada', 'Augusta'] },
			/^First Name: must be text, but the value is a list/,
		],
		[
			'reserved custom property name',
			fields({ customPropertiesMode: 'fields', customProperties: { property: [{ key: 'id', type: 'string', stringValue: 'x' }] } }),
			{ email: 'a@example.com' },
			/^Custom Properties: "id" is a name Loops reserves/,
		],
		[
			'reserved name in JSON',
			fields({ customPropertiesMode: 'json', customPropertiesJson: '{"softDeleteAt": "2024-01-01"}' }),
			{ email: 'a@example.com' },
			/^Properties \(JSON\): "softDeleteAt" is a name Loops reserves/,
		],
		[
			'standard field given as a custom property',
			fields({ customPropertiesMode: 'json', customPropertiesJson: '{"email": "other@example.com"}' }),
			{ email: 'a@example.com' },
			/^Properties \(JSON\): "email" is a standard field/,
		],
		[
			'the same custom property twice',
			fields({
				customPropertiesMode: 'fields',
				customProperties: {
					property: [
						{ key: 'planName', type: 'string', stringValue: 'a' },
						{ key: 'planName', type: 'string', stringValue: 'b' },
					],
				},
			}),
			{ email: 'a@example.com' },
			/^Custom Properties: "planName" is given more than once/,
		],
		[
			'custom property without a name',
			fields({ customPropertiesMode: 'fields', customProperties: { property: [{ key: '', type: 'string', stringValue: 'a' }] } }),
			{ email: 'a@example.com' },
			/^Custom Properties > Name: is required/,
		],
		[
			'a label instead of an API name',
			fields({ customPropertiesMode: 'fields', customProperties: { property: [{ key: 'Plan name', type: 'string', stringValue: 'a' }] } }),
			{ email: 'a@example.com' },
			/^Custom Properties: "Plan name" contains spaces/,
		],
		[
			'number property that is not a number',
			fields({ customPropertiesMode: 'fields', customProperties: { property: [{ key: 'seats', type: 'number', numberValue: '={{ $json.seats }}' }] } }),
			{ email: 'a@example.com', seats: 'twelve' },
			/^Custom Properties > seats: must be a number/,
		],
		[
			'date that does not exist',
			fields({ customPropertiesMode: 'fields', customProperties: { property: [{ key: 'dateJoined', type: 'date', dateValue: '2024-02-30' }] } }),
			{ email: 'a@example.com' },
			/^Custom Properties > dateJoined: "2024-02-30" is not a real date in the format YYYY-MM-DD/,
		],
		[
			'date that is not a date',
			fields({ customPropertiesMode: 'fields', customProperties: { property: [{ key: 'dateJoined', type: 'date', dateValue: '={{ "next tuesday" }}' }] } }),
			{ email: 'a@example.com' },
			/^Custom Properties > dateJoined: "next tuesday" is not a date/,
		],
		[
			'JSON that does not parse',
			fields({ customPropertiesMode: 'json', customPropertiesJson: '{ planName: pro' }),
			{ email: 'a@example.com' },
			/^Properties \(JSON\): is not valid JSON/,
		],
		[
			'JSON that is a list',
			fields({ customPropertiesMode: 'json', customPropertiesJson: '[1, 2]' }),
			{ email: 'a@example.com' },
			/^Properties \(JSON\): must be a JSON object, but is a list/,
		],
		[
			'JSON with a nested object',
			fields({ customPropertiesMode: 'json', customPropertiesJson: '{"plan": {"name": "pro"}}' }),
			{ email: 'a@example.com' },
			/^Properties \(JSON\): "plan" is an object/,
		],
		[
			'the same list added and removed',
			fields({ additionalFields: { addToMailingLists: [NEWSLETTER], removeFromMailingLists: [NEWSLETTER] } }),
			{ email: 'a@example.com' },
			/^Remove From Lists: list "cm06f5v0e45nf0ml5754o9cix" is also in Add to Lists/,
		],
		[
			'a mailing list ID that is an object',
			fields({ additionalFields: { addToMailingLists: '={{ $json.lists }}' } }),
			{ email: 'a@example.com', lists: [{ id: NEWSLETTER }] },
			/^Add to Lists: must be text, but the value is an object/,
		],
		[
			'an unknown Subscribed value from an expression',
			fields({ additionalFields: { subscribed: '={{ "yes" }}' } }),
			{ email: 'a@example.com' },
			/^Subscribed: must be one of unchanged, subscribe, unsubscribe/,
		],
	];

	test.each(cases)('%s', async (_name, parameters, item, message) => {
		const result = await createContacts(parameters, [item]);

		expect(result.status).toBe('error');
		expect(result.error?.name).toBe('NodeOperationError');
		expect(result.error?.message).toMatch(message);
		expect(result.error?.message).toMatch(/\[item 0\]$/);
		expect(result.error?.context?.itemIndex).toBe(0);
		expect(mock.requests()).toHaveLength(0);
	});

	test('the item number in the message is the failing item, and earlier items were sent', async () => {
		const result = await createContacts(fields(), [{ email: 'a@example.com' }, { email: 'b@example.com' }, { email: 'nope' }]);

		expect(result.error?.message).toBe('Email: "nope" is not a valid email address [item 2]');
		expect(creates()).toHaveLength(2);
	});
});

describe('Loops > Create Contact: vendor errors', () => {
	test('400: the vendor message, status and item reach the user; not retried', async () => {
		mock.server.injectFault({ status: 400, body: { success: false, message: 'An error message' } });

		const result = await createContacts(fields(), [{ email: 'a@example.com' }]);

		expect(result.error?.name).toBe('NodeApiError');
		expect(result.error?.message).toBe('An error message');
		expect(result.error?.httpCode).toBe('400');
		expect(result.error?.description).toMatch(/^Loops answered HTTP 400\./);
		expect(result.error?.context?.itemIndex).toBe(0);
		expect(creates()).toHaveLength(1);
	});

	test('401: the documented body becomes "Invalid API key" with a hint; the node adds no retry', async () => {
		engine.setCredential('loopsApi', { apiKey: 'wrong', baseUrl: mock.baseUrl });

		const result = await createContacts(fields(), [{ email: 'a@example.com' }]);

		expect(result.error?.name).toBe('NodeApiError');
		expect(result.error?.message).toBe('Invalid API key');
		expect(result.error?.httpCode).toBe('401');
		expect(result.error?.description).toContain('Check the API key in the Loops credential');
		// n8n's own helper re-sends once after any 401 (its token-refresh path, even for static keys);
		// the shared transport never retries a 401 on top of that.
		expect(creates()).toHaveLength(2);
	});

	test('409 with the default option fails with the vendor message', async () => {
		await createContacts(fields(), [{ email: 'a@example.com' }]);
		mock.server.clear();

		const result = await createContacts(fields(), [{ email: 'a@example.com' }]);

		expect(result.error?.message).toBe('Email or userId is already on list.');
		expect(result.error?.httpCode).toBe('409');
		expect(result.error?.description).toContain('If Contact Already Exists');
		expect(creates()).toHaveLength(1);
	});

	test('409 with "Return Existing Contact": the same columns as a created contact, with what Loops holds, outcome "existing"', async () => {
		await createContacts(fields({ additionalFields: { userId: 'u1', firstName: 'Old' } }), [{ email: 'a@example.com' }]);
		const existing = mock.contacts[0];

		const result = await createContacts(
			fields({ additionalFields: { firstName: 'New', lastName: 'Never' }, options: { ifContactExists: 'returnExisting' } }),
			[{ email: 'a@example.com' }],
		);
		const withAnswer = await createContacts(
			fields({ options: { ifContactExists: 'returnExisting', includeVendorResponse: true } }),
			[{ email: 'a@example.com' }],
		);

		expect(result.status).toBe('success');
		expect(result.items).toEqual([
			{
				json: loopsOutput({ id: existing.id, email: 'a@example.com', firstName: 'Old', lastName: null, outcome: 'existing' }),
				pairedItem: { item: 0 },
			},
		]);
		expect(withAnswer.items[0].json).toEqual(
			loopsOutput({ id: existing.id, email: 'a@example.com', outcome: 'existing', vendorResponse: expect.objectContaining({ id: existing.id, userId: 'u1', firstName: 'Old' }) }),
		);
		expect(mock.requests('GET', '/contacts/find')[0].query).toEqual({ email: 'a@example.com' });
	});

	test('409 is matched on the status, whatever the wording; a userId clash is found by userId', async () => {
		await createContacts(fields({ additionalFields: { userId: 'u1' } }), [{ email: 'first@example.com' }]);
		mock.server.injectFault({ status: 409, body: { success: false, message: 'Contact already exists.' } }, { path: '/api/v1/contacts/create' });

		const result = await createContacts(
			fields({ additionalFields: { userId: 'u1' }, options: { ifContactExists: 'returnExisting' } }),
			[{ email: 'second@example.com' }],
		);

		expect(result.items[0].json).toEqual(loopsOutput({ id: mock.contacts[0].id, email: 'first@example.com', userId: 'u1', outcome: 'existing' }));
	});

	test('429 then success: waits, sends the same body again, and the item succeeds once', async () => {
		mock.server.injectFault({
			status: 429,
			headers: { 'x-ratelimit-limit': '10', 'x-ratelimit-remaining': '0' },
			body: { success: false, message: 'Rate limit exceeded' },
		});

		const result = await createContacts(fields({ additionalFields: { firstName: 'Ada' } }), [{ email: 'a@example.com' }]);

		expect(result.status).toBe('success');
		expect(creates()).toHaveLength(2);
		expect(creates()[1].body).toEqual(creates()[0].body);
		expect(mock.contacts).toHaveLength(1);
		expect(result.items[0].json).toEqual(loopsOutput({ id: mock.contacts[0].id, email: 'a@example.com', firstName: 'Ada', outcome: 'created' }));
	});

	test('429 every time stops after the configured attempts with the vendor message', async () => {
		mock.server.injectFault({ status: 429, body: { success: false, message: 'Rate limit exceeded' } }, { times: 5 });

		const result = await createContacts(
			fields({ options: { maxAttempts: 2, maxRetryWaitSeconds: 5 } }),
			[{ email: 'a@example.com' }],
		);

		expect(result.error?.message).toBe('Rate limit exceeded');
		expect(result.error?.httpCode).toBe('429');
		expect(result.error?.description).toContain('after 2 attempts');
		expect(creates()).toHaveLength(2);
	});

	test('a Retry-After header is obeyed, and one beyond the wait budget fails at once', async () => {
		mock.server.injectFault({ status: 429, headers: { 'Retry-After': '0' }, body: { success: false, message: 'Rate limit exceeded' } });
		const quick = await createContacts(fields(), [{ email: 'a@example.com' }]);
		expect(quick.status).toBe('success');
		expect(creates()).toHaveLength(2);

		mock.server.clear();
		mock.server.injectFault({ status: 429, headers: { 'Retry-After': '120' }, body: { success: false, message: 'Rate limit exceeded' } });
		const started = Date.now();
		const slow = await createContacts(fields({ options: { maxRetryWaitSeconds: 60 } }), [{ email: 'b@example.com' }]);
		expect(slow.error?.httpCode).toBe('429');
		expect(creates()).toHaveLength(1);
		expect(Date.now() - started).toBeLessThan(5000);
	});

	test('a 503 HTML page is retried, and the item succeeds', async () => {
		mock.server.injectFault({ status: 503, raw: '<html><body>Service Unavailable</body></html>' });

		const result = await createContacts(fields(), [{ email: 'a@example.com' }]);

		expect(result.status).toBe('success');
		expect(creates()).toHaveLength(2);
	});

	test('more requests than the 10/s limit: 429s happen, are waited out, and every contact is created once', async () => {
		// No pace from the node (0 per second), 5 at a time, against Loops' 10 per second.
		const items = Array.from({ length: 30 }, (_, i) => ({ email: `bulk${i}@example.com` }));

		const result = await createContacts(fields({ options: { concurrency: 5, requestsPerSecond: 0, maxAttempts: 10 } }), items);

		expect(result.status).toBe('success');
		expect(creates().filter((request) => request.answeredWith === 429).length).toBeGreaterThan(0);
		expect(result.items.map((item) => item.pairedItem)).toEqual(items.map((_, item) => ({ item })));
		expect(new Set(mock.contacts.map((contact) => contact.email)).size).toBe(30);
		expect(mock.contacts).toHaveLength(30);
	}, 30000);
});

describe('Loops > pacing', () => {
	test('5 in parallel are paced to 10 requests per second: no request meets a 429', async () => {
		const items = Array.from({ length: 20 }, (_, i) => ({ email: `paced${i}@example.com` }));

		const result = await createContacts(fields({ options: { concurrency: 5 } }), items);

		expect(result.status).toBe('success');
		// One create per item: the mock's 10/s bucket never had to refuse one.
		expect(creates()).toHaveLength(20);
		expect(result.items.map((item) => item.pairedItem)).toEqual(items.map((_, item) => ({ item })));
	}, 20000);
});

describe('Loops > Create Contact: Continue On Fail', () => {
	test('a mixed batch gives one item per input, in input order, errors included', async () => {
		await createContacts(fields(), [{ email: 'taken@example.com' }]);
		mock.server.clear();
		mock.server.injectFault({ status: 400, body: { success: false, message: 'Invalid contact property.' } }, { times: 1 });

		const result = await createContacts(
			fields(),
			[
				{ email: 'bad-request@example.com' },
				{ email: 'one@example.com' },
				{ email: 'not an email' },
				{ email: 'taken@example.com' },
				{ email: 'two@example.com' },
			],
			'continueRegularOutput',
		);

		expect(result.status).toBe('success');
		expect(result.items.map((item) => item.pairedItem)).toEqual([0, 1, 2, 3, 4].map((item) => ({ item })));
		const summary = result.items.map((item) => item.json.id ?? item.json.error);
		expect(summary).toEqual([
			'Invalid contact property.',
			mock.contacts.find((c) => c.email === 'one@example.com')?.id,
			'Email: "not an email" is not a valid email address [item 2]',
			'Email or userId is already on list.',
			mock.contacts.find((c) => c.email === 'two@example.com')?.id,
		]);
		expect(result.items[0].json.details).toMatchObject({ httpCode: '400', itemIndex: 0 });
		expect(result.items[2].json.details).toMatchObject({ itemIndex: 2 });
		expect(result.items[3].json.details).toMatchObject({ httpCode: '409', itemIndex: 3 });
		expect(result.items[3].json.details).toHaveProperty('description', expect.stringContaining('Loops answered HTTP 409'));
		expect(creates()).toHaveLength(4);
	});
});

describe('Loops credential, dropdowns and secrets', () => {
	test('the credential test succeeds with a valid key and explains a wrong one', async () => {
		expect(await testCredential(engine, new LoopsApi())).toEqual({ status: 'OK', message: 'Connection successful!' });
		expect(mock.requests('GET', '/api-key')).toHaveLength(1);

		engine.setCredential('loopsApi', { apiKey: 'wrong', baseUrl: mock.baseUrl });
		expect(await testCredential(engine, new LoopsApi())).toEqual({
			status: 'Error',
			message: 'Invalid API key: copy it again from Loops > Settings > API',
		});
	});

	test('a plain-http base URL to another machine is refused before the key is sent', async () => {
		engine.setCredential('loopsApi', { apiKey: API_KEY, baseUrl: 'http://example.com/api/v1' });

		const test = await testCredential(engine, new LoopsApi());
		const run = await createContacts(fields(), [{ email: 'a@example.com' }]);

		expect(test.status).toBe('Error');
		expect(test.message).toContain('must start with https://');
		expect(run.error?.name).toBe('NodeOperationError');
		expect(run.error?.message).toContain('must start with https://');
	});

	test('mailing lists and custom properties load as labelled options', async () => {
		expect(await loadOptions(engine, 'getMailingLists')).toEqual([
			{ name: 'Beta testers', value: BETA, description: 'Private list' },
			{ name: 'Newsletter', value: NEWSLETTER, description: 'Monthly news' },
		]);
		expect(await loadOptions(engine, 'getCustomProperties')).toEqual([
			{ name: 'Date joined (Date)', value: 'dateJoined', description: 'API name: dateJoined' },
			{ name: 'Is trial (Boolean)', value: 'isTrial', description: 'API name: isTrial' },
			{ name: 'Plan name (String)', value: 'planName', description: 'API name: planName' },
			{ name: 'Seats (Number)', value: 'seats', description: 'API name: seats' },
		]);
		expect(mock.requests('GET', '/contacts/properties')[0].query).toEqual({ list: 'custom' });
	});

	test('a dropdown with a wrong key shows the vendor error', async () => {
		engine.setCredential('loopsApi', { apiKey: 'wrong', baseUrl: mock.baseUrl });

		await expect(loadOptions(engine, 'getMailingLists')).rejects.toThrow('Invalid API key');
	});

	test('the API key appears in no output item and no error', async () => {
		const seen: unknown[] = [];
		mock.server.injectFault({ status: 400, body: { success: false, message: 'Bad' } });
		seen.push(await createContacts(fields(), [{ email: 'a@example.com' }, { email: 'b@example.com' }, { email: 'x' }], 'continueRegularOutput'));
		seen.push(await createContacts(fields(), [{ email: 'b@example.com' }]));
		mock.server.injectFault({ status: 500, raw: 'oops' }, { times: 10 });
		seen.push(await createContacts(fields({ options: { maxAttempts: 2 } }), [{ email: 'c@example.com' }]));

		for (const result of seen as RunResult[]) {
			const text = [JSON.stringify(result.items), inspect(result.items, { depth: 10 }), inspect(result.error, { depth: 10, showHidden: true }), JSON.stringify(result.run.data.resultData)].join('\n');
			expect(text).not.toContain(API_KEY);
		}
	});
});

describe('Loops > custom property values follow the type the team gave the property', () => {
	const row = (key: string, value: string | number, type?: string): IDataObject => ({ key, value, ...(type ? { type } : {}) });
	const withRows = (...property: IDataObject[]) => fields({ customPropertiesMode: 'fields', customProperties: { property } as INodeParameters });
	const typeReads = () => mock.requests('GET', '/contacts/properties');

	test('Automatic (the default): "12" for Seats (Number) goes as 12, "true" for Is trial (Boolean) as true, a date as YYYY-MM-DD', async () => {
		const result = await createContacts(
			withRows(row('seats', '12'), row('isTrial', 'TRUE'), row('dateJoined', '2024-01-08'), row('planName', 42)),
			[{ email: 'ada@example.com' }],
		);

		expect(result.status).toBe('success');
		expect(creates()[0].body).toEqual({ email: 'ada@example.com', seats: 12, isTrial: true, dateJoined: '2024-01-08', planName: '42' });
		expect(typeReads()).toHaveLength(1);
	});

	test('a value that is not of the property\'s type is an error naming the property, and no create is sent', async () => {
		const result = await createContacts(withRows(row('seats', 'twelve')), [{ email: 'ada@example.com' }]);

		expect(result.error?.message).toBe('Custom Properties > seats: "twelve" is not a number [item 0]');
		expect(result.error?.description).toBe('seats is a Number property in Loops: enter a number, or choose another Type.');
		expect(creates()).toHaveLength(0);
	});

	test('a Type that contradicts the team\'s (Seats typed as String) is an error before sending, in the dropdown\'s words', async () => {
		const result = await createContacts(withRows({ key: 'seats', type: 'string', stringValue: '12' }), [{ email: 'ada@example.com' }]);

		expect(result.error?.message).toBe('Custom Properties > seats > Type: is String, but seats is a Number property in Loops [item 0]');
		expect(result.error?.description).toBe('Set Type to Number or Automatic.');
		expect(creates()).toHaveLength(0);
	});

	test('Automatic on a property the team does not have is an error: its type is not known', async () => {
		const result = await createContacts(withRows(row('favouriteColour', 'blue')), [{ email: 'ada@example.com' }]);

		expect(result.error?.message).toBe('Custom Properties > favouriteColour: is not a custom property of this Loops team, so its type is not known [item 0]');
		expect(creates()).toHaveLength(0);
	});

	test('every other rule is checked first: a bad email with a property row sends nothing at all, not even the type read', async () => {
		const result = await createContacts(withRows(row('seats', '12')), [{ email: 'not-an-email' }]);

		expect(result.error?.message).toMatch(/^Email: /);
		expect(mock.server.requests).toEqual([]);
	});

	test('the types are read once per execution, however many items run in parallel', async () => {
		const items = Array.from({ length: 20 }, (_, i) => ({ email: `p${i}@example.com`, seats: String(i) }));

		const result = await createContacts(
			fields({ customPropertiesMode: 'fields', customProperties: { property: [row('seats', '={{ $json.seats }}')] } as INodeParameters, options: { concurrency: 5 } }),
			items,
		);

		expect(result.status).toBe('success');
		expect(typeReads()).toHaveLength(1);
		expect(creates().map((request) => (request.body as IDataObject).seats)).toEqual(expect.arrayContaining([0, 7, 19]));
	});
});
