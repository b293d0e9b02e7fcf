/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inspect } from 'node:util';

import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { SalesforceMarketingCloudApi } from '../credentials/SalesforceMarketingCloudApi.credentials';
import { SalesforceMarketingCloud } from '../nodes/SalesforceMarketingCloud/SalesforceMarketingCloud.node';
import { normalizeSubdomain } from '../nodes/SalesforceMarketingCloud/subdomain';
import { TestEngine } from './harness/engine';
import type { RunResult } from './harness/engine';
import { loadOptions, testCredential } from './harness/lookups';
import { registerSecrets } from './harness/scanRecorder';
import { SfmcMock } from './mocks/sfmc';

const CLIENT_ID = 'mock-client-id';
const CLIENT_SECRET = ['sfmc', 'secret', process.pid].join('-');
registerSecrets([CLIENT_SECRET]);
const SUBDOMAIN = 'mc563885gzs27c5t9-63k636ttgm';
const CREDENTIAL = 'salesforceMarketingCloudApi';

const mock = new SfmcMock(CLIENT_ID, CLIENT_SECRET);
const engine = new TestEngine({ nodeType: new SalesforceMarketingCloud(), credentialTypes: [new SalesforceMarketingCloudApi()] });

function storeCredential(overrides: IDataObject = {}) {
	engine.setCredential(CREDENTIAL, {
		subdomain: SUBDOMAIN,
		clientId: CLIENT_ID,
		clientSecret: CLIENT_SECRET,
		authBaseUrl: mock.baseUrl,
		accessToken: '',
		restInstanceUrl: '',
		...overrides,
	});
}

beforeAll(async () => {
	await mock.start();
});
afterAll(async () => {
	registerSecrets(mock.everIssuedTokens);
	await mock.stop();
});
beforeEach(() => {
	mock.reset();
	storeCredential();
});

const emailSet = { emailAddresses: [{ emailAddress: '={{ $json.email }}', htmlEnabled: true }] };

function fields(extra: INodeParameters = {}): INodeParameters {
	return { resource: 'contact', operation: 'create', contactKey: '={{ $json.key }}', attributeSets: emailSet, ...extra };
}

function upsertFields(extra: INodeParameters = {}): INodeParameters {
	return fields({ operation: 'upsert', ...extra });
}

async function createContacts(parameters: INodeParameters, items: IDataObject[], onError?: 'continueRegularOutput'): Promise<RunResult> {
	return await engine.run({ parameters, items, onError });
}

const creates = () => mock.requests('POST', '/contacts/v1/contacts');

/** The request body of the vendor doc's "Example Request", read from the doc itself. */
function docExampleRequest(): IDataObject {
	const doc = readFileSync(join(__dirname, '../../shared/vendor-docs/salesforce-marketing-cloud.create-contact.md'), 'utf8');
	const start = doc.indexOf('{', doc.indexOf('Authorization: Bearer YOUR_ACCESS_TOKEN'));
	const end = doc.indexOf('Example Response');
	return JSON.parse(doc.slice(start, doc.lastIndexOf('}', end) + 1)) as IDataObject;
}

describe('Salesforce Marketing Cloud > Create Contact: what is sent', () => {
	test("the doc's own example request is produced from the fields", async () => {
		const result = await createContacts(
			{
				resource: 'contact',
				operation: 'create',
				contactKey: 'acruz@example.com',
				attributeSets: {
					emailAddresses: [{ emailAddress: 'acruz@example.com', htmlEnabled: true }],
					emailDemographics: [{ lastName: 'Cruz', firstName: 'Angela' }],
					mobileConnectDemographics: [{ mobileNumber: '317-531-5555', locale: 'US', status: '={{ 1 }}' }],
					mobilePushDemographics: [{ deviceId: '={{ 958405948 }}', application: '={{ 958405948 }}' }],
					lineAddresses: [{ addressId: 'addressId_from_api' }],
					lineSubscriptions: [{ addressId: 'addressId_from_api', channelId: '1234567890' }],
					lineDemographics: [
						{ addressId: 'addressId_from_api', displayName: 'display_name', pictureUrl: 'picture_url', statusMessage: 'status_message' },
					],
				},
				profileAttributes: {
					attribute: [
						{ setName: 'Email Demographics', name: 'Text Profile Attribute', value: 'value 1' },
						{ setName: 'Email Demographics', name: 'Number Profile Attribute', value: '={{ 12345 }}' },
					],
				},
			},
			[{}],
		);

		expect(result.status).toBe('success');
		expect(creates()).toHaveLength(1);
		expect(creates()[0].body).toEqual(docExampleRequest());
		expect(creates()[0].headers.authorization).toBe('Bearer mock-token-1');
		// The contact as sent, in Get's shape; one spelling of each field.
		expect(result.items[0].json).toEqual({
			contactKey: 'acruz@example.com',
			contactId: 12345678,
			outcome: 'created',
			attributes: {
				'Email Addresses': { 'Email Address': 'acruz@example.com', 'HTML Enabled': true },
				'Email Demographics': { 'First Name': 'Angela', 'Last Name': 'Cruz', 'Text Profile Attribute': 'value 1', 'Number Profile Attribute': 12345 },
				'GroupConnect LINE Addresses': { 'Address ID': 'addressId_from_api' },
				'GroupConnect LINE Demographics': {
					'Address ID': 'addressId_from_api',
					'Display Name': 'display_name',
					'Picture Url': 'picture_url',
					'Status Message': 'status_message',
				},
				'GroupConnect LINE Subscriptions': expect.objectContaining({ 'Address ID': 'addressId_from_api' }),
				'MobileConnect Demographics': { 'Mobile Number': '317-531-5555', Locale: 'US', Status: 1 },
				'MobilePush Demographics': { 'Device ID': 958405948, Application: 958405948 },
			},
		});
	});

	test('Include Vendor Response adds Marketing Cloud\'s answer as it came (the doc spells rowsAffetcted)', async () => {
		const result = await createContacts(fields({ options: { includeVendorResponse: true } }), [{ key: 'k1', email: 'a@example.com' }]);

		expect(result.items[0].json.vendorResponse).toEqual({
			operationStatus: 'OK',
			rowsAffetcted: 1,
			contactKey: 'k1',
			contactId: 12345678,
			contactTypeID: 0,
			isNewContactKey: true,
			requestServiceMessageID: 'req-svc-1',
			hasErrors: false,
			resultMessages: [],
			serviceMessageID: 'svc-1',
		});
	});

	test("numbers the doc shows as numbers (Status, Device ID, Application) go as numbers when typed as text", async () => {
		await createContacts(
			fields({
				attributeSets: {
					...emailSet,
					mobileConnectDemographics: [{ mobileNumber: '317-531-5555', locale: 'US', status: '1' }],
					mobilePushDemographics: [{ deviceId: '958405948', application: 'app-007' }],
				},
			}),
			[{ email: 'typed@example.com', key: 'typed' }],
		);

		const sets = creates()[0].body as { attributeSets: Array<{ name: string; items: Array<{ values: unknown[] }> }> };
		const valuesOf = (name: string) => sets.attributeSets.find((set) => set.name === name)?.items[0].values;
		expect(valuesOf('MobileConnect Demographics')).toEqual([
			{ name: 'Mobile Number', value: '317-531-5555' },
			{ name: 'Locale', value: 'US' },
			{ name: 'Status', value: 1 },
		]);
		// A value that is not a number in plain form stays text.
		expect(valuesOf('MobilePush Demographics')).toEqual([
			{ name: 'Device ID', value: 958405948 },
			{ name: 'Application', value: 'app-007' },
		]);
	});

	test('a set left without values is not sent, and does not count as "at least one set"', async () => {
		await createContacts(fields({ attributeSets: { ...emailSet, emailDemographics: [{ firstName: '', lastName: '' }] } }), [{ email: 'empty@example.com', key: 'empty' }]);
		expect((creates()[0].body as { attributeSets: Array<{ name: string }> }).attributeSets.map((set) => set.name)).toEqual(['Email Addresses']);

		mock.server.clear();
		const onlyEmpty = await createContacts(
			fields({ attributeSets: { lineAddresses: [{ addressId: '' }], lineSubscriptions: [{ addressId: '', channelId: '' }] } }),
			[{ email: 'line@example.com', key: 'line' }],
		);
		expect(onlyEmpty.error?.message).toMatch(/^Sets: a contact needs at least one of the attribute sets/);
		expect(creates()).toHaveLength(0);
	});

	test('set names are matched the same way everywhere: a profile attribute joins its set whatever the case', async () => {
		const result = await createContacts(
			fields({
				attributeSets: { ...emailSet, emailDemographics: [{ firstName: 'Angela' }] },
				profileAttributes: { attribute: [{ setName: ' email demographics', name: 'Text Profile Attribute', value: 'value 1' }] },
			}),
			[{ email: 'case@example.com', key: 'case' }],
		);

		expect(result.status).toBe('success');
		const sets = (creates()[0].body as { attributeSets: Array<{ name: string; items: unknown[] }> }).attributeSets;
		expect(sets.map((set) => set.name)).toEqual(['Email Addresses', 'Email Demographics']);
		expect(sets[1].items).toEqual([
			{ values: [{ name: 'First Name', value: 'Angela' }, { name: 'Text Profile Attribute', value: 'value 1' }] },
		]);
	});

	test('Create with a key that exists: looked up first, an error naming the key, and nothing is sent (merging is Create or Update)', async () => {
		await createContacts(fields(), [{ key: 'k1', email: 'a@example.com' }]);
		mock.server.clear();

		const result = await createContacts(fields(), [{ key: 'k1', email: 'b@example.com' }]);
		const existing = await createContacts(fields({ options: { ifContactExists: 'returnExisting' } }), [{ key: 'k1', email: 'b@example.com' }]);

		expect(result.error?.message).toBe('Contact Key: a contact with contact key "k1" already exists; nothing was sent [item 0]');
		expect(existing.items[0].json).toEqual({ contactKey: 'k1', contactId: null, outcome: 'existing', attributes: expect.objectContaining({ 'Email Addresses': expect.objectContaining({ 'Email Address': 'a@example.com' }) }) });
		expect(creates()).toEqual([]);
		expect(mock.requests('POST', '/contacts/v1/attributes/search')).toHaveLength(2);
	});

	test('the wire spelling (contactID) gives the same columns, and a known key (isNewContactKey false) reads as updated', async () => {
		mock.spelling = 'wire';
		const first = await createContacts(fields(), [{ key: 'k1', email: 'a@example.com' }]);
		const again = await createContacts(upsertFields(), [{ key: 'k1', email: 'a@example.com' }]);

		expect(first.items[0].json).toEqual({ contactKey: 'k1', contactId: 12345678, outcome: 'created', attributes: expect.any(Object) });
		expect(again.items[0].json).toEqual({ contactKey: 'k1', contactId: 12345678, outcome: 'updated', attributes: expect.any(Object) });
	});

	test('the whole attributeSets array as JSON, including the doc table\'s "values" shape, and Contact ID', async () => {
		await createContacts(
			fields({
				attributeSetsMode: 'json',
				attributeSetsJson:
					'[{"name": "Email Addresses", "values": [{"name": "Email Address", "value": "j@example.com"}, {"name": "HTML Enabled", "value": false}]}]',
				additionalFields: { contactID: '={{ 777 }}' },
			}),
			[{ key: 'json-key' }],
		);

		expect(creates()[0].body).toEqual({
			contactKey: 'json-key',
			contactID: 777,
			attributeSets: [
				{ name: 'Email Addresses', items: [{ values: [{ name: 'Email Address', value: 'j@example.com' }, { name: 'HTML Enabled', value: false }] }] },
			],
		});
	});
});

describe('Salesforce Marketing Cloud > one token per lifetime', () => {
	// Create or Update: the create call alone (Create looks the key up first), so each item is one request.
	const fields = (extra: INodeParameters = {}) => upsertFields(extra);
	test('500 items cause exactly one token request, and the next execution reuses the token', async () => {
		const items = Array.from({ length: 500 }, (_, i) => ({ key: `key-${i}`, email: `c${i}@example.com` }));

		const first = await createContacts(fields(), items);
		const second = await createContacts(fields(), [{ key: 'key-next', email: 'n@example.com' }]);

		expect(first.status).toBe('success');
		expect(first.items).toHaveLength(500);
		expect(first.items.every((item) => item.json.outcome === 'created')).toBe(true);
		expect(second.status).toBe('success');
		expect(mock.tokenRequests).toBe(1);
		expect(creates()).toHaveLength(501);
		expect(engine.credentials.store.get(CREDENTIAL)?.accessToken).toBe('mock-token-1');
	}, 30000);

	test('an expired token (401) is refreshed once, stored, and the item succeeds', async () => {
		await createContacts(fields(), [{ key: 'a', email: 'a@example.com' }]);
		mock.expireTokens();

		const result = await createContacts(fields(), [{ key: 'b', email: 'b@example.com' }]);

		expect(result.status).toBe('success');
		expect(mock.tokenRequests).toBe(2);
		expect(creates().map((request) => request.headers.authorization)).toEqual([
			'Bearer mock-token-1',
			'Bearer mock-token-1',
			'Bearer mock-token-2',
		]);
		expect(engine.credentials.store.get(CREDENTIAL)?.accessToken).toBe('mock-token-2');
	});

	test('the credential is read once per execution, not once per request', async () => {
		const items = Array.from({ length: 50 }, (_, i) => ({ key: `key-${i}`, email: `c${i}@example.com` }));
		const readsBefore = engine.credentials.reads.get(CREDENTIAL) ?? 0;

		const result = await createContacts(fields(), items);

		expect(result.items).toHaveLength(50);
		expect(creates()).toHaveLength(50);
		expect((engine.credentials.reads.get(CREDENTIAL) ?? 0) - readsBefore).toBe(1);
	});

	test('a token that runs out mid-run, with 10 requests in flight, is replaced by one token request', async () => {
		const items = Array.from({ length: 300 }, (_, i) => ({ key: `key-${i}`, email: `c${i}@example.com` }));
		mock.server.latencyMs = 20;
		mock.expireTokensAfter(100);

		const result = await createContacts(fields({ options: { concurrency: 10 } }), items);

		expect(result.status).toBe('success');
		expect(result.items.map((item) => item.json.contactKey)).toEqual(items.map((item) => item.key));
		expect(mock.tokenRequests).toBe(2);
		const refused = creates().filter((request) => request.answeredWith === 401);
		expect(refused.length).toBeGreaterThan(1); // several were in flight with the old token
		expect(refused.length).toBeLessThanOrEqual(10);
		expect(refused.every((request) => request.headers.authorization === 'Bearer mock-token-1')).toBe(true);
		expect(mock.contacts).toHaveLength(300);
		expect(engine.credentials.store.get(CREDENTIAL)?.accessToken).toBe('mock-token-2');
	}, 30000);

	test('a 401 that a fresh token does not cure fails the remaining items at once with the vendor\'s message: one token request for the run, not one per item', async () => {
		storeCredential({ accessToken: 'mock-token-from-last-month', restInstanceUrl: `${mock.baseUrl}/` });
		mock.tokenLifetime = 0;
		const items = Array.from({ length: 5 }, (_, i) => ({ key: `k${i}`, email: `k${i}@example.com` }));

		const result = await createContacts(fields({ options: { concurrency: 2 } }), items, 'continueRegularOutput');

		expect(result.items.map((item) => (item.json.details as IDataObject | undefined)?.httpCode)).toEqual(['401', '401', '401', '401', '401']);
		expect(result.items.map((item) => (item.json.details as IDataObject).itemIndex)).toEqual([0, 1, 2, 3, 4]);
		expect(new Set(result.items.map((item) => item.json.error)).size).toBe(1);
		expect(mock.tokenRequests).toBe(1);
		expect(creates()).toHaveLength(2);
	});

	test('a token refused right after it was issued fails the item after one token request, not in a loop', async () => {
		storeCredential({ accessToken: 'mock-token-from-last-month', restInstanceUrl: `${mock.baseUrl}/` });
		mock.tokenLifetime = 0;

		const result = await createContacts(fields(), [{ key: 'a', email: 'a@example.com' }]);

		expect(result.status).toBe('error');
		expect(result.error?.httpCode).toBe('401');
		expect(mock.tokenRequests).toBe(1);
		expect(creates().map((request) => request.headers.authorization)).toEqual(['Bearer mock-token-from-last-month', 'Bearer mock-token-1']);
	});
});

describe('Salesforce Marketing Cloud > every doc rule is checked before sending', () => {
	const sets = (attributeSets: INodeParameters) => fields({ attributeSets });
	const json = (value: unknown) => fields({ attributeSetsMode: 'json', attributeSetsJson: JSON.stringify(value) });
	const email = { emailAddresses: [{ emailAddress: 'a@example.com', htmlEnabled: true }] };
	const cases: Array<[string, INodeParameters, RegExp]> = [
		['no Contact Key (an expression giving nothing)', fields({ contactKey: '={{ $json.missing }}' }), /^Contact Key: is required/],
		['no attribute set at all', sets({}), /^Sets: a contact needs at least one of the attribute sets Email Addresses, MobileConnect Demographics, MobilePush Demographics, or GroupConnect LINE Addresses with GroupConnect LINE Subscriptions/],
		['LINE Addresses without LINE Subscriptions', sets({ lineAddresses: [{ addressId: 'a1' }] }), /^Sets: a contact needs at least one of the attribute sets/],
		['Email Demographics without Email Addresses', sets({ emailDemographics: [{ firstName: 'A' }], mobilePushDemographics: [{ application: 'app' }] }), /^Sets > Email Demographics: needs the Email Addresses attribute set too/],
		['LINE Demographics without LINE Subscriptions', sets({ ...email, lineAddresses: [{ addressId: 'a1' }], lineDemographics: [{ addressId: 'a1' }] }), /^Sets > GroupConnect LINE Demographics: needs the GroupConnect LINE Addresses and GroupConnect LINE Subscriptions attribute sets too/],
		['MobileConnect without a Locale', sets({ mobileConnectDemographics: [{ mobileNumber: '317-531-5555', locale: '={{ $json.missing }}' }] }), /^Sets > MobileConnect Demographics > Locale: must be a two-letter country code such as US, but is ""/],
		['MobileConnect with a Locale that is not a country code', sets({ mobileConnectDemographics: [{ mobileNumber: '1', locale: 'en_US' }] }), /^Sets > MobileConnect Demographics > Locale: must be a two-letter country code such as US, but is "en_US"/],
		['MobilePush without the application', sets({ mobilePushDemographics: [{ deviceId: 'd1', application: '={{ $json.missing }}' }] }), /^Sets > MobilePush Demographics > Application: is required/],
		['Email Addresses without an email address', sets({ emailAddresses: [{ htmlEnabled: true, emailAddress: '={{ $json.missing }}' }] }), /^Sets > Email Addresses > Email Address: is required/],
		['Email Addresses with an invalid email address', sets({ emailAddresses: [{ emailAddress: 'acruz@', htmlEnabled: true }] }), /^Sets > Email Addresses > Email Address: "acruz@" is not a valid email address/],
		['Email Addresses without HTML Enabled (JSON)', json([{ name: 'Email Addresses', items: [{ values: [{ name: 'Email Address', value: 'a@example.com' }] }] }]), /^Attribute Sets \(JSON\) > Email Addresses > HTML Enabled: is required \(true or false\) with Email Addresses/],
		['two instances of one set', sets({ emailAddresses: [{ emailAddress: 'a@example.com', htmlEnabled: true }, { emailAddress: 'b@example.com', htmlEnabled: true }] }), /^Sets > Email Addresses: is given more than once; each call accepts only one instance of each attribute set/],
		['WhatsApp', json([{ name: 'WhatsApp Addresses', items: [{ values: [{ name: 'Phone', value: '1' }] }] }]), /^Attribute Sets \(JSON\) > WhatsApp Addresses: WhatsApp is not supported\./],
		['WhatsApp through a profile attribute', fields({ profileAttributes: { attribute: [{ setName: 'WhatsApp Demographics', name: 'Opt In', value: 'yes' }] } }), /^Sets > WhatsApp Demographics: WhatsApp is not supported\./],
		['JSON that does not parse', fields({ attributeSetsMode: 'json', attributeSetsJson: '[{"name": ' }), /^Attribute Sets \(JSON\): is not valid JSON/],
		['JSON that is not a list', json({ name: 'Email Addresses' }), /^Attribute Sets \(JSON\): must be a JSON array of attribute sets, but is an object/],
		['JSON set without items', json([{ name: 'Email Addresses' }]), /^Attribute Sets \(JSON\) > Email Addresses: needs "items"/],
		['a value that is an object', json([{ name: 'Email Addresses', items: [{ values: [{ name: 'Email Address', value: { a: 1 } }] }] }]), /^Attribute Sets \(JSON\) > Email Addresses > Email Address: must be text, a number or true\/false, but is an object/],
		['a profile attribute without a set', fields({ profileAttributes: { attribute: [{ setName: '', name: 'Tier', value: 'gold' }] } }), /^Profile Attributes > entry 1 > Attribute Set: is required/],
	];

	test.each(cases)('%s', async (_name, parameters, message) => {
		const result = await createContacts(parameters, [{ key: 'k', email: 'a@example.com' }]);

		expect(result.status).toBe('error');
		expect(result.error?.name).toBe('NodeOperationError');
		expect(result.error?.message).toMatch(message);
		expect(result.error?.message).toMatch(/\[item 0\]$/);
		expect(mock.requests()).toHaveLength(0);
	});
});

describe('Salesforce Marketing Cloud > answers that are errors', () => {
	test('200 with hasErrors is an error carrying the result messages', async () => {
		mock.server.injectFault(
			{
				status: 200,
				body: {
					operationStatus: 'FAIL',
					rowsAffetcted: 0,
					hasErrors: true,
					requestServiceMessageID: 'req-fail',
					resultMessages: [
						{ resultType: 'Contact', resultClass: 'Error', resultCode: 'AttributeValueInvalid', message: 'Locale is invalid.' },
						{ resultType: 'Contact', resultClass: 'Error', resultCode: 'MissingValue', message: 'Mobile Number is required.' },
					],
				},
			},
			{ path: '/contacts/v1/contacts' },
		);

		const result = await createContacts(fields(), [{ key: 'k', email: 'a@example.com' }], 'continueRegularOutput');

		expect(result.items[0].json).toEqual({
			error: 'Locale is invalid.',
			details: expect.objectContaining({ httpCode: '200', code: 'AttributeValueInvalid', requestId: 'req-fail', itemIndex: 0 }),
		});
		expect((result.items[0].json.details as IDataObject).description).toContain('Also: Mobile Number is required.');
	});

	test('an operationStatus other than OK is an error even without hasErrors', async () => {
		mock.server.injectFault({ status: 200, body: { operationStatus: 'FAIL', hasErrors: false, resultMessages: [] } }, { path: '/contacts/v1/contacts' });

		const result = await createContacts(fields(), [{ key: 'k', email: 'a@example.com' }]);

		expect(result.error?.message).toBe('Marketing Cloud reported operationStatus FAIL without result messages');
		expect(result.error?.httpCode).toBe('200');
	});

	test('400 platform error: message, errorcode and the documentation link', async () => {
		mock.server.injectFault(
			{ status: 400, body: { message: 'Invalid Value', errorcode: 10005, documentation: 'https://developer.salesforce.com/docs/error-handling.htm' } },
			{ path: '/contacts/v1/contacts' },
		);

		const result = await createContacts(fields(), [{ key: 'k', email: 'a@example.com' }]);

		expect(result.error?.message).toBe('Invalid Value');
		expect(result.error?.httpCode).toBe('400');
		expect(result.error?.description).toBe(
			'Salesforce Marketing Cloud answered HTTP 400, code: 10005. See https://developer.salesforce.com/docs/error-handling.htm',
		);
		expect(creates()).toHaveLength(1);
	});

	test('401 OAuth error from the token endpoint: error_description, nothing sent to contacts', async () => {
		storeCredential({ clientSecret: 'wrong-secret' });

		const result = await createContacts(fields(), [{ key: 'k', email: 'a@example.com' }]);

		expect(result.error?.name).toBe('NodeApiError');
		expect(result.error?.message).toBe(
			'Client authentication failed. Make sure that the client ID and client secret are valid and that the package is installed and enabled.',
		);
		expect(result.error?.httpCode).toBe('401');
		expect(result.error?.description).toMatch(/code: invalid_client/);
		expect(creates()).toHaveLength(0);
	});

	test('429 with Retry-After, then 429 without it (blocked): both retried to success', async () => {
		mock.server.injectFault(
			{ status: 429, headers: { 'Retry-After': '1' }, body: { message: 'Rate limit exceeded', errorcode: 50100, retryAfter: 1, documentation: 'https://x' } },
			{ path: '/contacts/v1/contacts' },
		);
		mock.server.injectFault(
			{ status: 429, body: { message: 'Your requests are temporarily blocked.', errorcode: 50200, documentation: 'https://x' } },
			{ path: '/contacts/v1/contacts' },
		);

		const started = Date.now();
		const result = await createContacts(fields(), [{ key: 'k', email: 'a@example.com' }]);

		expect(result.status).toBe('success');
		expect(creates()).toHaveLength(3);
		expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
	});

	test('429 beyond the attempts gives the vendor message', async () => {
		mock.server.injectFault({ status: 429, body: { message: 'Rate limit exceeded', errorcode: 50100, retryAfter: 0 } }, { path: '/contacts/v1/contacts', times: 5 });

		const result = await createContacts(fields({ options: { maxAttempts: 3 } }), [{ key: 'k', email: 'a@example.com' }]);

		expect(result.error?.message).toBe('Rate limit exceeded');
		expect(result.error?.description).toContain('code: 50100, after 3 attempts');
		expect(creates()).toHaveLength(3);
	});
});

describe('Salesforce Marketing Cloud > credential, subdomain, dropdowns, Continue On Fail and secrets', () => {
	test('the subdomain: pasted base URIs are reduced to it; anything else is refused before any request', async () => {
		expect(normalizeSubdomain(` ${SUBDOMAIN.toUpperCase()} `)).toBe(SUBDOMAIN);
		expect(normalizeSubdomain(`https://${SUBDOMAIN}.auth.marketingcloudapis.com/`)).toBe(SUBDOMAIN);
		expect(normalizeSubdomain(`https://${SUBDOMAIN}.rest.marketingcloudapis.com/contacts/v1`)).toBe(SUBDOMAIN);
		for (const bad of ['mc123', `https://${SUBDOMAIN}.auth.evil.example.com/`, `http://${SUBDOMAIN}.auth.marketingcloudapis.com/`, 'x'.repeat(28)]) {
			expect(() => normalizeSubdomain(bad)).toThrow('is not a Marketing Cloud subdomain');
		}

		storeCredential({ subdomain: 'https://login.example.com/' });
		const run = await createContacts(fields(), [{ key: 'k', email: 'a@example.com' }]);
		expect(run.error?.name).toBe('NodeOperationError');
		expect(run.error?.message).toContain('is not a Marketing Cloud subdomain');
		expect(mock.requests()).toHaveLength(0);
	});

	test('the credential test fetches a token and calls tokenContext; a wrong secret fails', async () => {
		expect(await testCredential(engine, new SalesforceMarketingCloudApi())).toEqual({ status: 'OK', message: 'Connection successful!' });
		expect(mock.tokenRequests).toBe(1);
		expect(mock.requests('GET', '/platform/v1/tokenContext')).toHaveLength(1);

		storeCredential({ clientSecret: 'wrong-secret' });
		expect(await testCredential(engine, new SalesforceMarketingCloudApi())).toEqual({
			status: 'Error',
			message:
				'Marketing Cloud refused the Client ID or Client Secret: copy both again from Setup > Installed Packages > your package > API Integration, and check that the package is installed and enabled',
		});
	});

	test('attribute sets and their writable attributes load from the account', async () => {
		const setNames = await loadOptions(engine, 'getAttributeSetNames');
		expect(setNames.map((option) => option.name)).toEqual([
			'Email Addresses',
			'Email Demographics',
			'MobileConnect Demographics',
			'MobilePush Demographics',
			'GroupConnect LINE Addresses',
			'GroupConnect LINE Subscriptions',
			'GroupConnect LINE Demographics',
			'Loyalty',
		]);
		const parameters = { profileAttributes: { attribute: [{ setName: 'Loyalty', name: '', value: '' }] } };
		expect(await loadOptions(engine, 'getAttributeNames', parameters, 'parameters.profileAttributes.attribute[0].name')).toEqual([
			{ name: 'Points', value: 'Points', description: 'Type: Number' },
			{ name: 'Tier', value: 'Tier', description: 'Type: Text' },
		]);
		expect(mock.requests('GET', '/contacts/v1/attributeSetDefinitions')[0].query).toEqual({ $page: '1', $pageSize: '200' });
	});

	test('Continue On Fail: a mixed batch gives one item per input, in order', async () => {
		const result = await createContacts(
			fields(),
			[{ key: 'a', email: 'a@example.com' }, { key: '', email: 'b@example.com' }, { key: 'c', email: 'c@example.com' }],
			'continueRegularOutput',
		);

		expect(result.items.map((item) => item.pairedItem)).toEqual([0, 1, 2].map((item) => ({ item })));
		expect(result.items.map((item) => item.json.contactKey ?? item.json.error)).toEqual(['a', 'Contact Key: is required but empty [item 1]', 'c']);
	});

	test('neither the client secret nor a token appears in any output or error', async () => {
		const results: RunResult[] = [];
		results.push(await createContacts(fields(), [{ key: 'a', email: 'a@example.com' }, { key: '', email: 'x' }], 'continueRegularOutput'));
		mock.server.injectFault({ status: 400, body: { message: 'Invalid Value', errorcode: 10005 } }, { path: '/contacts/v1/contacts' });
		results.push(await createContacts(fields(), [{ key: 'b', email: 'b@example.com' }]));
		mock.expireTokens();
		storeCredential({ clientSecret: `${CLIENT_SECRET}-wrong`, accessToken: 'mock-token-1' });
		results.push(await createContacts(fields(), [{ key: 'c', email: 'c@example.com' }]));

		for (const result of results) {
			const text = [inspect(result.items, { depth: 12 }), inspect(result.error, { depth: 12, showHidden: true }), JSON.stringify(result.run.data.resultData)].join('\n');
			expect(text).not.toContain(CLIENT_SECRET);
			expect(text).not.toMatch(/mock-token-\d/);
		}
	});
});
