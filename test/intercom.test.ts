/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals */
import { inspect } from 'node:util';

import type { ICredentialDataDecryptedObject, IDataObject, INodeParameters } from 'n8n-workflow';

import { IntercomContactsApi } from '../credentials/IntercomContactsApi.credentials';
import { Intercom } from '../nodes/Intercom/Intercom.node';
import { TestEngine } from './harness/engine';
import type { RunResult } from './harness/engine';
import { loadOptions, testCredential } from './harness/lookups';
import { registerSecrets } from './harness/scanRecorder';
import { IntercomMock } from './mocks/intercom';

const TOKEN = ['intercom', 'test', 'token', process.pid].join('-');
registerSecrets([TOKEN]);
const CREDENTIAL = 'intercomContactsApi';

const mock = new IntercomMock(TOKEN);
const engine = new TestEngine({ nodeType: new Intercom(), credentialTypes: [new IntercomContactsApi()] });

beforeAll(async () => {
	await mock.start();
});
afterAll(async () => {
	await mock.stop();
});
beforeEach(() => {
	mock.reset();
	engine.setCredential(CREDENTIAL, { accessToken: TOKEN, region: 'us', baseUrl: mock.baseUrl });
});

function fields(extra: INodeParameters = {}): INodeParameters {
	return { resource: 'contact', operation: 'create', role: 'user', email: '={{ $json.email }}', ...extra };
}

async function createContacts(
	parameters: INodeParameters,
	items: IDataObject[],
	onError?: 'continueRegularOutput',
): Promise<RunResult> {
	return await engine.run({ parameters, items, onError });
}

const creates = () => mock.requests('POST', '/contacts');

describe('Intercom > Create Contact: what is sent and what comes out', () => {
	test('a minimal user: role and email, Bearer token, JSON Accept and the pinned Intercom-Version', async () => {
		const result = await createContacts(fields(), [{ email: 'joe@example.com' }]);

		expect(result.status).toBe('success');
		const [request] = creates();
		expect(request.body).toEqual({ role: 'user', email: 'joe@example.com' });
		expect(request.headers.authorization).toBe(`Bearer ${TOKEN}`);
		expect(request.headers.accept).toBe('application/json');
		expect(request.headers['intercom-version']).toBe('2.15');
		const [stored] = mock.contacts;
		expect(result.items).toEqual([
			{
				json: {
					id: stored.id,
					external_id: null,
					role: 'user',
					email: 'joe@example.com',
					phone: null,
					name: null,
					owner_id: null,
					unsubscribed_from_emails: false,
					custom_attributes: {},
					outcome: 'created',
				},
				pairedItem: { item: 0 },
			},
		]);
	});

	test('Simplify off: the whole contact Intercom answered, with the outcome', async () => {
		const result = await createContacts(fields({ simplify: false }), [{ email: 'joe@example.com' }]);

		expect(result.items).toEqual([{ json: { ...mock.contacts[0], outcome: 'created' }, pairedItem: { item: 0 } }]);
		expect(Object.keys(result.items[0].json).length).toBeGreaterThan(10);
	});

	test('a full item: dates as Unix seconds, owner as an integer, typed custom attributes', async () => {
		const result = await createContacts(
			fields({
				external_id: '={{ $json.id }}',
				additionalFields: {
					phone: '+353871234567',
					name: 'Joe Bloggs',
					avatar: 'https://example.org/128Wash.jpg',
					signed_up_at: '2024-01-08T10:51:06.000Z',
					last_seen_at: '2024-01-09T08:00:00',
					owner_id: '991267466',
					unsubscribed_from_emails: true,
				},
				customAttributesMode: 'fields',
				customAttributes: {
					attribute: [
						{ name: 'plan', type: 'string', stringValue: 'pro' },
						{ name: 'seats', type: 'integer', numberValue: 12 },
						{ name: 'monthly_spend', type: 'float', numberValue: 155.5 },
						{ name: 'paid_subscriber', type: 'boolean', booleanValue: true },
						{ name: 'trial_ends', type: 'date', dateValue: '2024-02-01' },
					],
				},
			}),
			[{ email: 'joe@example.com', id: 'f3b87a2e09d514c6c2e79b9a' }],
		);

		expect(result.status).toBe('success');
		expect(creates()[0].body).toEqual({
			role: 'user',
			external_id: 'f3b87a2e09d514c6c2e79b9a',
			email: 'joe@example.com',
			phone: '+353871234567',
			name: 'Joe Bloggs',
			avatar: 'https://example.org/128Wash.jpg',
			signed_up_at: 1704711066,
			last_seen_at: 1704787200,
			owner_id: 991267466,
			unsubscribed_from_emails: true,
			custom_attributes: { plan: 'pro', seats: 12, monthly_spend: 155.5, paid_subscriber: true, trial_ends: 1706745600 },
		});
		expect(result.items[0].json).toMatchObject({ id: mock.contacts[0].id, owner_id: 991267466, role: 'user' });
	});

	test('a lead with only a phone, custom attributes as JSON and another API version', async () => {
		await createContacts(
			fields({
				role: 'lead',
				email: '',
				additionalFields: { phone: '+15550100' },
				customAttributesMode: 'json',
				customAttributesJson: '{"plan": "free", "seats": 1}',
				options: { apiVersion: '2.14' },
			}),
			[{}],
		);

		expect(creates()[0].body).toEqual({ role: 'lead', phone: '+15550100', custom_attributes: { plan: 'free', seats: 1 } });
		expect(creates()[0].headers['intercom-version']).toBe('2.14');
	});

	test('the region picks the host; an override replaces it, and plain http is refused off this machine', async () => {
		const credential = new IntercomContactsApi();
		const hostFor = async (data: ICredentialDataDecryptedObject) =>
			(await credential.authenticate(data, { url: '/contacts' })).baseURL;

		expect(await hostFor({ accessToken: 't', region: 'us' })).toBe('https://api.intercom.io');
		expect(await hostFor({ accessToken: 't', region: 'eu' })).toBe('https://api.eu.intercom.io');
		expect(await hostFor({ accessToken: 't', region: 'au' })).toBe('https://api.au.intercom.io');
		expect(await hostFor({ accessToken: 't', region: 'eu', baseUrl: mock.baseUrl })).toBe(mock.baseUrl);
		await expect(hostFor({ accessToken: 't', region: 'us', baseUrl: 'http://intercom.example.com' })).rejects.toThrow(
			'must start with https://',
		);

		engine.setCredential(CREDENTIAL, { accessToken: TOKEN, region: 'eu', baseUrl: 'http://intercom.example.com' });
		const run = await createContacts(fields(), [{ email: 'a@example.com' }]);
		expect(run.error?.name).toBe('NodeOperationError');
		expect(run.error?.message).toContain('Base URL Override must start with https://');
	});
});

describe('Intercom > Create Contact: bad input is refused before anything is sent', () => {
	const attribute = (entry: INodeParameters): INodeParameters => ({
		customAttributesMode: 'fields',
		customAttributes: { attribute: [entry] },
	});
	const cases: Array<[string, INodeParameters, IDataObject, RegExp]> = [
		['no email, external ID or role', fields({ role: '={{ "" }}' }), { email: '' }, /^Email: at least one of Email, External ID or Role is required/],
		['an unknown role', fields({ role: '={{ "admin" }}' }), { email: 'a@example.com' }, /^Role: must be one of user, lead, but is "admin"/],
		['a user without email or external ID', fields({ additionalFields: { phone: '+1555' } }), { email: '' }, /^Email: a contact with the role User needs an Email or an External ID/],
		['an invalid email', fields(), { email: 'joe@' }, /^Email: "joe@" is not a valid email address/],
		['an email that is a list', fields(), { email: ['a@example.com'] }, /^Email: must be text, but the value is a list/],
		['an owner ID that is not a number', fields({ additionalFields: { owner_id: '={{ "ada" }}' } }), { email: 'a@example.com' }, /^Owner: must be a number, but is "ada"/],
		['an owner ID with decimals', fields({ additionalFields: { owner_id: '={{ 12.5 }}' } }), { email: 'a@example.com' }, /^Owner: must be a whole number, but is 12.5/],
		['an avatar that is not a URL', fields({ additionalFields: { avatar: 'me.png' } }), { email: 'a@example.com' }, /^Avatar: "me.png" is not a web address/],
		['a sign-up date that is not a date', fields({ additionalFields: { signed_up_at: '={{ "yesterday" }}' } }), { email: 'a@example.com' }, /^Signed Up At: "yesterday" is not a date/],
		['a last-seen date that does not exist', fields({ additionalFields: { last_seen_at: '2024-02-30' } }), { email: 'a@example.com' }, /^Last Seen At: "2024-02-30" is not a date/],
		['custom attributes JSON that does not parse', fields({ customAttributesMode: 'json', customAttributesJson: '{"plan": ' }), { email: 'a@example.com' }, /^Attributes \(JSON\): is not valid JSON/],
		['custom attributes JSON with a nested object', fields({ customAttributesMode: 'json', customAttributesJson: '{"plan": {"name": "pro"}}' }), { email: 'a@example.com' }, /^Attributes \(JSON\): "plan" is an object/],
		['custom attributes JSON with a list', fields({ customAttributesMode: 'json', customAttributesJson: '{"plan": ["pro"]}' }), { email: 'a@example.com' }, /^Attributes \(JSON\): "plan" is a list/],
		['a whole-number attribute with decimals', fields(attribute({ name: 'seats', type: 'integer', numberValue: 1.5 })), { email: 'a@example.com' }, /^Custom Attributes > seats: must be a whole number, but is 1.5/],
		['an attribute without a name', fields(attribute({ name: '', type: 'string', stringValue: 'x' })), { email: 'a@example.com' }, /^Custom Attributes > Name: is required/],
		[
			'the same attribute twice',
			fields({
				customAttributesMode: 'fields',
				customAttributes: { attribute: [{ name: 'plan', type: 'string', stringValue: 'a' }, { name: 'plan', type: 'string', stringValue: 'b' }] },
			}),
			{ email: 'a@example.com' },
			/^Custom Attributes: "plan" is given more than once/,
		],
		['a date attribute that is not a date', fields(attribute({ name: 'trial_ends', type: 'date', dateValue: '={{ "soon" }}' })), { email: 'a@example.com' }, /^Custom Attributes > trial_ends: "soon" is not a date/],
	];

	test.each(cases)('%s', async (_name, parameters, item, message) => {
		const result = await createContacts(parameters, [item]);

		expect(result.status).toBe('error');
		expect(result.error?.name).toBe('NodeOperationError');
		expect(result.error?.message).toMatch(message);
		expect(result.error?.message).toMatch(/\[item 0\]$/);
		expect(mock.requests()).toHaveLength(0);
	});
});

describe('Intercom > Create Contact: vendor errors', () => {
	test('400 parameter_invalid: message, code, field and request id reach the user', async () => {
		const result = await createContacts(fields({ additionalFields: { owner_id: '={{ 123 }}' } }), [{ email: 'a@example.com' }]);

		expect(result.error?.name).toBe('NodeApiError');
		expect(result.error?.message).toBe('The owner specified is not a member of the workspace');
		expect(result.error?.httpCode).toBe('400');
		expect(result.error?.description).toMatch(/^Intercom answered HTTP 400, code: parameter_invalid, field: owner_id, request id: mock-req-\d+\./);
		expect(creates()).toHaveLength(1);
	});

	test('every error of an error.list is shown', async () => {
		mock.server.injectFault({
			status: 400,
			body: {
				type: 'error.list',
				request_id: 'r-2',
				errors: [
					{ code: 'parameter_invalid', message: 'Phone is invalid', field: 'phone' },
					{ code: 'parameter_invalid', message: 'Name is too long', field: 'name' },
				],
			},
		});

		const result = await createContacts(fields(), [{ email: 'a@example.com' }]);

		expect(result.error?.message).toBe('Phone is invalid');
		expect(result.error?.description).toContain('Also: parameter_invalid: Name is too long (field name).');
	});

	test('401 unauthorized: "Access Token Invalid" with a hint about token and region', async () => {
		engine.setCredential(CREDENTIAL, { accessToken: 'wrong', region: 'us', baseUrl: mock.baseUrl });

		const result = await createContacts(fields(), [{ email: 'a@example.com' }]);

		expect(result.error?.message).toBe('Access Token Invalid');
		expect(result.error?.httpCode).toBe('401');
		expect(result.error?.description).toMatch(/^Intercom answered HTTP 401, code: unauthorized, request id: mock-req-\d+\. Check the access token and the region/);
	});

	test('406: parsed and not retried', async () => {
		mock.server.injectFault({ status: 406, body: { type: 'error.list', errors: [{ code: 'not_acceptable', message: 'Unsupported Accept header' }] } });

		const result = await createContacts(fields(), [{ email: 'a@example.com' }]);

		expect(result.error?.message).toBe('Unsupported Accept header');
		expect(result.error?.httpCode).toBe('406');
		expect(result.error?.description).toContain('check Options > API Version');
		expect(creates()).toHaveLength(1);
	});

	test('409 with the default option fails, naming the existing contact id', async () => {
		await createContacts(fields(), [{ email: 'a@example.com' }]);
		const existing = mock.contacts[0];

		const result = await createContacts(fields(), [{ email: 'a@example.com' }], 'continueRegularOutput');

		expect(result.items[0].json).toEqual({
			error: `A contact matching those details already exists with id=${existing.id}`,
			details: expect.objectContaining({ httpCode: '409', code: 'conflict', existingId: existing.id, itemIndex: 0 }),
		});
	});

	test('409 with "Return Existing Contact" outputs the existing contact from GET /contacts/{id}', async () => {
		await createContacts(fields({ external_id: 'ext-1' }), [{ email: 'a@example.com' }]);
		const existing = mock.contacts[0];

		const result = await createContacts(
			fields({ external_id: 'ext-1', options: { ifContactExists: 'returnExisting' } }),
			[{ email: 'other@example.com' }],
		);

		expect(result.status).toBe('success');
		// The same columns as a created contact's: only the outcome tells them apart.
		expect(result.items).toEqual([
			{
				json: {
					id: existing.id,
					external_id: 'ext-1',
					role: 'user',
					email: 'a@example.com',
					phone: null,
					name: null,
					owner_id: null,
					unsubscribed_from_emails: false,
					custom_attributes: {},
					outcome: 'existing',
				},
				pairedItem: { item: 0 },
			},
		]);
		expect(mock.requests('GET', `/contacts/${existing.id}`)[0].headers['intercom-version']).toBe('2.15');
	});

	test('429 rate_limit_exceeded with X-RateLimit-Reset: waits for the reset, then succeeds', async () => {
		const resetAt = Math.ceil(Date.now() / 1000) + 1;
		mock.server.injectFault({
			status: 429,
			headers: { 'X-RateLimit-Limit': '167', 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset': String(resetAt) },
			body: { type: 'error.list', request_id: 'r-429', errors: [{ code: 'rate_limit_exceeded', message: 'Exceeded rate limit of 167 in 10_seconds' }] },
		});

		const result = await createContacts(fields(), [{ email: 'a@example.com' }]);

		expect(result.status).toBe('success');
		expect(creates()).toHaveLength(2);
		expect(Date.now()).toBeGreaterThanOrEqual(resetAt * 1000);
		expect(mock.contacts).toHaveLength(1);
	});

	test("the mock's own window limit: items beyond it wait for the reset and all succeed", async () => {
		mock.windowLimit = 3;
		mock.windowMs = 2_000;
		try {
			const items = Array.from({ length: 5 }, (_, i) => ({ email: `w${i}@example.com` }));
			const result = await createContacts(fields(), items);

			expect(result.status).toBe('success');
			expect(mock.contacts).toHaveLength(5);
			expect(creates().length).toBeGreaterThan(5);
		} finally {
			mock.windowLimit = 167;
			mock.windowMs = 10_000;
		}
	}, 15000);
});

describe('Intercom > pacing by the X-RateLimit-* headers', () => {
	test('parallel requests pause before the window runs out: every item succeeds and no request meets a 429', async () => {
		mock.windowLimit = 4;
		mock.windowMs = 2_000;
		try {
			const items = Array.from({ length: 10 }, (_, i) => ({ email: `paced${i}@example.com` }));
			const result = await createContacts(fields({ options: { concurrency: 2 } }), items);

			expect(result.status).toBe('success');
			expect(result.items.map((item) => item.json.email)).toEqual(items.map((item) => item.email));
			// Exactly one create per item: the node waited for X-RateLimit-Reset instead of meeting 429s.
			expect(creates()).toHaveLength(10);
		} finally {
			mock.windowLimit = 167;
			mock.windowMs = 10_000;
		}
	}, 20000);
});

describe('Intercom > Continue On Fail, credential, dropdowns and secrets', () => {
	test('a mixed batch gives one item per input, in order', async () => {
		await createContacts(fields(), [{ email: 'taken@example.com' }]);
		mock.server.clear();

		const result = await createContacts(
			fields(),
			[{ email: 'one@example.com' }, { email: 'bad' }, { email: 'taken@example.com' }, { email: 'two@example.com' }],
			'continueRegularOutput',
		);

		expect(result.items.map((item) => item.pairedItem)).toEqual([0, 1, 2, 3].map((item) => ({ item })));
		expect(result.items.map((item) => item.json.email ?? item.json.error)).toEqual([
			'one@example.com',
			'Email: "bad" is not a valid email address [item 1]',
			expect.stringMatching(/^A contact matching those details already exists with id=/),
			'two@example.com',
		]);
		expect(creates()).toHaveLength(3);
	});

	test('the credential test calls GET /me, and explains a wrong token', async () => {
		expect(await testCredential(engine, new IntercomContactsApi())).toEqual({ status: 'OK', message: 'Connection successful!' });
		expect(mock.requests('GET', '/me')[0].headers.accept).toBe('application/json');

		engine.setCredential(CREDENTIAL, { accessToken: 'wrong', region: 'us', baseUrl: mock.baseUrl });
		expect(await testCredential(engine, new IntercomContactsApi())).toEqual({
			status: 'Error',
			message: 'Access Token Invalid: check the token, and that the region matches your workspace',
		});
	});

	test('owners and writable custom attributes load as labelled options', async () => {
		expect(await loadOptions(engine, 'getOwners')).toEqual([
			{ name: 'Ada Admin', value: '991267466', description: 'ada@company.example' },
			{ name: 'bo@company.example', value: '991267467', description: 'bo@company.example' },
		]);
		expect(await loadOptions(engine, 'getCustomAttributes')).toEqual([
			{ name: 'Monthly spend (Decimal Number)', value: 'monthly_spend', description: 'custom_attributes.monthly_spend' },
			{ name: 'Paid subscriber (Boolean)', value: 'paid_subscriber', description: 'custom_attributes.paid_subscriber' },
			{ name: 'Plan (Text)', value: 'plan', description: 'Billing plan' },
			{ name: 'Seats (Whole Number)', value: 'seats', description: 'custom_attributes.seats' },
			{ name: 'Trial ends (Date)', value: 'trial_ends', description: 'custom_attributes.trial_ends' },
		]);
		expect(mock.requests('GET', '/data_attributes')[0].query).toEqual({ model: 'contact' });
	});

	test('the access token appears in no output item and no error', async () => {
		const results: RunResult[] = [];
		results.push(await createContacts(fields(), [{ email: 'a@example.com' }, { email: 'a@example.com' }, { email: 'x' }], 'continueRegularOutput'));
		results.push(await createContacts(fields({ additionalFields: { owner_id: '={{ 5 }}' } }), [{ email: 'b@example.com' }]));
		mock.server.injectFault({ status: 502, raw: '<html>Bad gateway</html>' }, { times: 10 });
		results.push(await createContacts(fields({ options: { maxAttempts: 2 } }), [{ email: 'c@example.com' }]));

		for (const result of results) {
			const text = [inspect(result.items, { depth: 10 }), inspect(result.error, { depth: 10, showHidden: true }), JSON.stringify(result.run.data.resultData)].join('\n');
			expect(text).not.toContain(TOKEN);
		}
	});
});

describe('Intercom > custom attribute values follow the type the workspace gave the attribute', () => {
	const row = (name: string, value: string | number, type?: string): IDataObject => ({ name, value, ...(type ? { type } : {}) });
	const withRows = (...attribute: IDataObject[]) => fields({ customAttributesMode: 'fields', customAttributes: { attribute } as INodeParameters });
	const typeReads = () => mock.requests('GET', '/data_attributes');

	test('Automatic (the default): Seats (Whole Number) "12" goes as 12, not "12"; the others follow theirs too', async () => {
		const result = await createContacts(
			withRows(row('seats', '12'), row('monthly_spend', '155.5'), row('paid_subscriber', 'false'), row('trial_ends', '2024-01-08T00:00:00Z'), row('plan', 'pro')),
			[{ email: 'ada@example.com' }],
		);

		expect(result.status).toBe('success');
		expect((creates()[0].body as IDataObject).custom_attributes).toEqual({
			seats: 12,
			monthly_spend: 155.5,
			paid_subscriber: false,
			trial_ends: 1704672000,
			plan: 'pro',
		});
		expect(typeReads()).toHaveLength(1);
	});

	test('the types are read with the API version the item uses', async () => {
		await createContacts({ ...withRows(row('seats', '3')), options: { apiVersion: '2.11' } }, [{ email: 'ada@example.com' }]);

		expect(typeReads()[0].headers['intercom-version']).toBe('2.11');
	});

	test('a decimal for a Whole Number attribute is an error naming it, and no create is sent', async () => {
		const result = await createContacts(withRows(row('seats', '12.5')), [{ email: 'ada@example.com' }]);

		expect(result.error?.message).toBe('Custom Attributes > seats: 12.5 is not a whole number [item 0]');
		expect(result.error?.description).toBe('seats is a Whole Number attribute in Intercom.');
		expect(creates()).toHaveLength(0);
	});

	test('a Type that contradicts the workspace\'s (Seats typed as Text) is an error before sending, in the dropdown\'s words', async () => {
		const result = await createContacts(withRows({ name: 'seats', type: 'string', stringValue: '12' }), [{ email: 'ada@example.com' }]);

		expect(result.error?.message).toBe('Custom Attributes > seats > Type: is Text, but seats is a Whole Number attribute in Intercom [item 0]');
		expect(result.error?.description).toBe('Set Type to Whole Number or Automatic.');
		expect(creates()).toHaveLength(0);
	});

	test('Automatic on an attribute the workspace does not have (or has archived) is an error', async () => {
		const result = await createContacts(withRows(row('old_field', 'x')), [{ email: 'ada@example.com' }]);

		expect(result.error?.message).toBe(
			'Custom Attributes > old_field: is not a writable custom attribute of this Intercom workspace, so its type is not known [item 0]',
		);
		expect(creates()).toHaveLength(0);
	});

	test('every other rule is checked first: a bad email with an attribute row sends nothing at all', async () => {
		const result = await createContacts(withRows(row('seats', '12')), [{ email: 'not-an-email' }]);

		expect(result.error?.message).toMatch(/^Email: /);
		expect(mock.server.requests).toEqual([]);
	});
});
