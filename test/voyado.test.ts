/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inspect } from 'node:util';

import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { VoyadoEngageApi } from '../credentials/VoyadoEngageApi.credentials';
import { PACKAGE_USER_AGENT } from '../nodes/VoyadoEngage/userAgent';
import { voyadoTenantUrl } from '../nodes/VoyadoEngage/tenant';
import { VoyadoEngage } from '../nodes/VoyadoEngage/VoyadoEngage.node';
import { TestEngine } from './harness/engine';
import type { RunResult } from './harness/engine';
import { loadOptions, testCredential } from './harness/lookups';
import { registerSecrets } from './harness/scanRecorder';
import { simplifiedVoyadoContact, VoyadoMock } from './mocks/voyado';

const API_KEY = ['voyado', 'test', 'key', process.pid].join('-');
registerSecrets([API_KEY]);
const CREDENTIAL = 'voyadoEngageApi';

const mock = new VoyadoMock(API_KEY);
const engine = new TestEngine({ nodeType: new VoyadoEngage(), credentialTypes: [new VoyadoEngageApi()] });

beforeAll(async () => {
	await mock.start();
});
afterAll(async () => {
	await mock.stop();
});
beforeEach(() => {
	mock.reset();
	engine.setCredential(CREDENTIAL, { tenant: 'acme', apiKey: API_KEY, baseUrlOverride: mock.baseUrl });
});

/** Fast retries for tests; the node's default first wait is Voyado's recommended 10 s. */
const QUICK = { firstRetryDelaySeconds: 0.05 };

function fields(extra: INodeParameters = {}): INodeParameters {
	return { resource: 'contact', operation: 'create', email: '={{ $json.email }}', options: QUICK, ...extra };
}

async function createContacts(parameters: INodeParameters, items: IDataObject[], onError?: 'continueRegularOutput'): Promise<RunResult> {
	return await engine.run({ parameters, items, onError });
}

const creates = () => mock.requests('POST', '/api/v3/contacts');
const lookups = () => mock.requests('GET', '/api/v3/contacts/id');

/** The payload example of the vendor doc, read from the doc itself. */
function docPayloadExample(): IDataObject {
	const doc = readFileSync(join(__dirname, '../../shared/vendor-docs/voyado-engage.create-contact.md'), 'utf8');
	const block = doc.slice(doc.indexOf('Payload example for creating a contact'));
	const start = block.indexOf('\n', block.indexOf('```json'));
	const json = block.slice(start, block.indexOf('```', start));
	return JSON.parse(json) as IDataObject;
}

describe('Voyado Engage > Create Contact: what is sent and what comes out', () => {
	test("the doc's payload example from fields, query parameters in the query string, the required headers", async () => {
		const result = await createContacts(
			fields({
				contactType: '=ExampleContactType', // a tenant's own type: entered as an expression
				simplify: false,
				additionalFields: { firstName: 'Example', countryCode: 'SE', birthDay: '1966-06-26', lang: 'en' },
				preferences: { acceptsEmail: true, acceptsPostal: true, acceptsSms: true },
				consents: {
					consent: [
						{ id: 'memberConsent', value: true, date: '2022-01-01T00:00:00+0100', source: 'ECOM', comment: 'Approved member terms at checkout' },
					],
				},
				queryParameters: { source: 'e-com', storeExternalId: '600', createAsUnapproved: true },
			}),
			[{ email: 'example@example.com' }],
		);

		expect(result.status).toBe('success');
		const [request] = creates();
		expect(request.body).toEqual(docPayloadExample());
		expect(request.query).toEqual({ source: 'e-com', storeExternalId: '600', createAsUnapproved: 'true' });
		expect(request.headers.source).toBeUndefined();
		expect(request.headers.apikey).toBe(API_KEY);
		expect(request.headers['user-agent']).toBe(PACKAGE_USER_AGENT);
		expect(request.headers['content-type']).toMatch(/^application\/json/);
		expect(result.items).toEqual([{ json: { ...mock.contacts[0], outcome: 'created' }, pairedItem: { item: 0 } }]);
		// Check first (the default): one lookup by email, before the create.
		expect(lookups()[0].query).toEqual({ email: 'example@example.com', contactType: 'ExampleContactType' });
	});

	test('Simplify (the default) outputs ten flat columns: who the contact is, whether it may be emailed, and the outcome', async () => {
		const result = await createContacts(fields({ additionalFields: { firstName: 'Ada' } }), [{ email: 'ada@example.com' }]);

		expect(result.items[0].json).toEqual({
			id: mock.contacts[0].id,
			contactType: 'Member',
			email: 'ada@example.com',
			mobilePhone: null,
			firstName: 'Ada',
			lastName: null,
			externalId: null,
			memberNumber: '999032095',
			acceptsEmail: false,
			outcome: 'created',
		});
	});

	test('nulls, empty text and `country` are never sent', async () => {
		await createContacts(
			fields({
				additionalFields: { firstName: '', lastName: '={{ null }}', city: '  ', countryCode: 'se' },
				extraAttributesMode: 'fields',
				extraAttributes: { attribute: [{ name: 'favoriteStore', value: '' }, { name: 'shoeSize', value: '={{ 42 }}' }] },
			}),
			[{ email: 'a@example.com' }],
		);

		expect(creates()[0].body).toEqual({ contactType: 'Member', email: 'a@example.com', countryCode: 'SE', shoeSize: 42 });
		expect(mock.forbiddenValues).toEqual([]);
	});

	test('another key field: mobile phone as key, looked up by mobilePhone; extra attributes as JSON', async () => {
		await createContacts(
			fields({
				email: '',
				keyField: 'mobilePhone',
				mobilePhone: '={{ $json.phone }}',
				extraAttributesMode: 'json',
				extraAttributesJson: '{"favoriteStore": "444", "vip": true}',
			}),
			[{ phone: '+46701234567' }],
		);

		expect(lookups()[0].query).toEqual({ mobilePhone: '+46701234567', contactType: 'Member' });
		expect(creates()[0].body).toEqual({ contactType: 'Member', mobilePhone: '+46701234567', favoriteStore: '444', vip: true });
	});
});

describe('Voyado Engage > Create Contact: rules checked before sending', () => {
	const cases: Array<[string, INodeParameters, IDataObject, RegExp]> = [
		['the key field is empty', fields(), { email: '' }, /^Email: is required: it is the key of contact type Member/],
		['an invalid email', fields(), { email: 'a@b' }, /^Email: "a@b" is not a valid email address/],
		['a mobile phone without country code', fields({ additionalFields: { mobilePhone: '0701234567' } }), { email: 'a@example.com' }, /^Mobile Phone: "0701234567" needs the country calling code/],
		['a birthday in another format', fields({ additionalFields: { birthDay: '26/06/1966' } }), { email: 'a@example.com' }, /^Birthday: "26\/06\/1966" is not a date/],
		['a birthday that does not exist', fields({ additionalFields: { birthDay: '1966-02-30' } }), { email: 'a@example.com' }, /^Birthday: "1966-02-30" is not a real date in the format YYYY-MM-DD/],
		['a three-letter country code', fields({ additionalFields: { countryCode: 'SWE' } }), { email: 'a@example.com' }, /^Country Code: "SWE" is not a two-letter country code/],
		['`country` as an extra attribute', fields({ extraAttributesMode: 'json', extraAttributesJson: '{"country": "Sweden"}' }), { email: 'a@example.com' }, /^Attributes \(JSON\): "country" is never sent: Engage fills it in from Country Code/],
		['a consent whose id is an expression giving nothing', fields({ consents: { consent: [{ id: '={{ $json.missing }}', value: true }] } }), { email: 'a@example.com' }, /^Consents > consent 1 > Consent: is required/],
		['a consent without value', fields({ consents: { consent: [{ id: 'memberConsent', value: '={{ $json.missing }}' }] } }), { email: 'a@example.com' }, /^Consents > consent 1 > Value: is required/],
		['a consent value that is not true/false', fields({ consents: { consent: [{ id: 'memberConsent', value: '={{ "yes" }}' }] } }), { email: 'a@example.com' }, /^Consents > consent 1 > Value: must be true or false/],
		['a consent date that is not a date', fields({ consents: { consent: [{ id: 'memberConsent', value: true, date: '={{ "today" }}' }] } }), { email: 'a@example.com' }, /^Consents > consent 1 > Date: "today" is not a date/],
		['a null extra attribute', fields({ extraAttributesMode: 'json', extraAttributesJson: '{"favoriteStore": null}' }), { email: 'a@example.com' }, /^Attributes \(JSON\): "favoriteStore" is null; Engage would overwrite/],
		['a standard field as extra attribute', fields({ extraAttributesMode: 'fields', extraAttributes: { attribute: [{ name: 'email', value: 'b@example.com' }] } }), { email: 'a@example.com' }, /^Extra Attributes: "email" is a standard field/],
		['a response-only field', fields({ extraAttributesMode: 'json', extraAttributesJson: '{"memberNumber": "1"}' }), { email: 'a@example.com' }, /^Attributes \(JSON\): "memberNumber" is set by Engage/],
		['a nested extra attribute', fields({ extraAttributesMode: 'json', extraAttributesJson: '{"address": {"street": "x"}}' }), { email: 'a@example.com' }, /^Attributes \(JSON\): "address" is an object/],
		['an empty contact type', fields({ contactType: '={{ "" }}' }), { email: 'a@example.com' }, /^Contact Type: is required/],
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

describe('Voyado Engage > Create Contact: the key field at the top', () => {
	const description = new VoyadoEngage().description.properties;
	const keyNames = ['email', 'mobilePhone', 'externalId', 'socialSecurityNumber'];

	test.each(keyNames)('Key Field %s: the panel shows that one key value at the top, marked required', (keyField) => {
		const shown = description.filter(
			(field) => keyNames.includes(field.name) && field.displayOptions?.show?.operation?.includes('create') && field.displayOptions.show.keyField?.includes(keyField),
		);

		expect(shown.map((field) => [field.name, field.required])).toEqual([[keyField, true]]);
	});

	test.each(keyNames)('Key Field %s: Additional Fields does not offer it again (n8n hides it by the Key Field)', (keyField) => {
		const additional = description.find((field) => field.name === 'additionalFields' && field.displayOptions?.show?.operation?.includes('create'));
		const option = (additional?.options as Array<{ name: string; displayOptions?: { hide?: Record<string, unknown[]> } }>).find((field) => field.name === keyField);

		expect(option?.displayOptions?.hide?.['/keyField']).toEqual([keyField]);
	});

	test('a value left in Additional Fields for the chosen Key Field (from an imported workflow) is dropped by n8n, as the panel hides it', async () => {
		const result = await createContacts(fields({ additionalFields: { email: 'other@example.com', city: 'Lund' } }), [{ email: 'a@example.com' }]);

		expect(result.status).toBe('success');
		expect(creates()[0].body).toEqual({ contactType: 'Member', email: 'a@example.com', city: 'Lund' });
	});

	test('Key Field Mobile Phone: the phone is the key, the email goes in Additional Fields, and both are sent', async () => {
		const result = await createContacts(
			{ resource: 'contact', operation: 'create', keyField: 'mobilePhone', mobilePhone: '+46701234567', additionalFields: { email: 'ada@example.com' }, options: QUICK },
			[{}],
		);

		expect(result.status).toBe('success');
		expect(creates()[0].body).toEqual({ contactType: 'Member', mobilePhone: '+46701234567', email: 'ada@example.com' });
		expect(lookups()[0].query).toEqual({ mobilePhone: '+46701234567', contactType: 'Member' });
	});
});

describe('Voyado Engage > Create Contact: answers', () => {
	const noCheck = (extra: INodeParameters = {}) => fields({ options: { ...QUICK, checkExistsFirst: false }, ...extra });

	test('400 NoData is parsed', async () => {
		mock.server.injectFault({ status: 400, body: { statusCode: 400, errorCode: 'NoData', message: 'No data was sent' } }, { method: 'POST' });

		const result = await createContacts(noCheck(), [{ email: 'a@example.com' }]);

		expect(result.error?.message).toBe('No data was sent');
		expect(result.error?.description).toBe('Voyado Engage answered HTTP 400, code: NoData. Engage received no contact data.');
	});

	test('409 ApprovedContactWithKeyExists: fails by default, or returns the existing contact', async () => {
		const existing = mock.addContact({ email: 'taken@example.com' });

		const failed = await createContacts(noCheck(), [{ email: 'taken@example.com' }]);
		expect(failed.error?.message).toBe('An approved contact with the same key already exists');
		expect(failed.error?.description).toContain('code: ApprovedContactWithKeyExists');

		const returned = await createContacts(
			noCheck({ options: { ...QUICK, checkExistsFirst: false, ifContactExists: 'returnExisting' } }),
			[{ email: 'taken@example.com' }],
		);
		expect(returned.items[0].json).toEqual(simplifiedVoyadoContact(existing, 'existing'));
		expect(mock.contacts).toHaveLength(1);
	});

	test('409 ContactWithKeyIsBeingCreated is parsed with its hint and not retried', async () => {
		mock.keyBeingCreated = true;

		const result = await createContacts(noCheck(), [{ email: 'a@example.com' }]);

		expect(result.error?.httpCode).toBe('409');
		expect(result.error?.description).toContain('code: ContactWithKeyIsBeingCreated');
		expect(result.error?.description).toContain('run this item again in a moment');
		expect(creates()).toHaveLength(1);
	});

	test('422 ValidationError names the field Engage refused', async () => {
		const result = await createContacts(noCheck({ contactType: 'Partner' }), [{ email: 'a@example.com' }], 'continueRegularOutput');

		expect(result.items[0].json).toEqual({
			error: 'The contact could not be validated',
			details: expect.objectContaining({ httpCode: '422', code: 'ValidationError', field: 'contactType', itemIndex: 0 }),
		});
		expect((result.items[0].json.details as IDataObject).description).toContain("Also: contactType: Contact type 'Partner' does not exist.");
	});

	test('504 RequestTimeOut then success: looked up, retried, one contact', async () => {
		mock.timeoutNextCreates = 1;

		const result = await createContacts(noCheck(), [{ email: 'a@example.com' }]);

		expect(result.status).toBe('success');
		expect(creates()).toHaveLength(2);
		expect(lookups()).toHaveLength(1);
		expect(mock.contacts).toHaveLength(1);
		expect(result.items[0].json).toEqual(simplifiedVoyadoContact(mock.contacts[0], 'created'));
	});

	test('a client-side timeout on a create the server did carry out ends with one contact, not two', async () => {
		mock.slowNextCreateMs = 1500;

		const result = await createContacts(
			noCheck({ options: { ...QUICK, checkExistsFirst: false, timeoutSeconds: 1 } }),
			[{ email: 'slow@example.com' }],
		);

		expect(result.status).toBe('success');
		expect(creates()).toHaveLength(1);
		expect(mock.contacts).toHaveLength(1);
		expect(result.items[0].json).toEqual(simplifiedVoyadoContact(mock.contacts[0], 'created'));
	});

	test('429 goes through the shared transport and then succeeds', async () => {
		mock.server.injectFault({ status: 429, headers: { 'Retry-After': '0' }, body: { statusCode: 429, errorCode: 'TooManyRequests', message: 'Too many requests' } }, { method: 'POST' });

		const result = await createContacts(noCheck(), [{ email: 'a@example.com' }]);

		expect(result.status).toBe('success');
		expect(creates()).toHaveLength(2);
		// A 429 means Engage did not act on the create: no lookup is needed before the retry.
		expect(lookups()).toHaveLength(0);
	});

	test('"check first" finds an existing contact and creates nothing (return it, or fail with its id)', async () => {
		const existing = mock.addContact({ email: 'known@example.com' });

		const returned = await createContacts(fields({ options: { ...QUICK, ifContactExists: 'returnExisting' } }), [{ email: 'known@example.com' }]);
		const failed = await createContacts(fields(), [{ email: 'known@example.com' }], 'continueRegularOutput');

		expect(returned.items[0].json).toEqual(simplifiedVoyadoContact(existing, 'existing'));
		expect(failed.items[0].json).toEqual({
			error: `Email: a contact with this email already exists (id ${existing.id}); nothing was created [item 0]`,
			details: expect.objectContaining({ existingId: existing.id, itemIndex: 0 }),
		});
		expect(creates()).toHaveLength(0);
		expect(mock.contacts).toHaveLength(1);
	});
});

describe('Voyado Engage > credential, dropdowns, Continue On Fail and secrets', () => {
	test('the tenant address: tenant names and Voyado hosts only, https only', () => {
		expect(voyadoTenantUrl('acme')).toBe('https://acme.voyado.com');
		expect(voyadoTenantUrl('acme.staging')).toBe('https://acme.staging.voyado.com');
		expect(voyadoTenantUrl('https://Acme.voyado.com/')).toBe('https://acme.voyado.com');
		expect(voyadoTenantUrl('https://acme.staging.voyado.com/api/v3')).toBe('https://acme.staging.voyado.com');
		for (const bad of ['http://acme.voyado.com', 'https://acme.voyado.com.evil.example', 'https://evil.example', 'acme.prod.other']) {
			expect(() => voyadoTenantUrl(bad)).toThrow('is not a Voyado Engage address');
		}
	});

	test("the User-Agent constant is the Voyado package's name and version", () => {
		const { version } = JSON.parse(readFileSync(join(__dirname, '../package.json'), 'utf8')) as { version: string };
		expect(PACKAGE_USER_AGENT).toBe(`n8n-nodes-contacts-voyado-engage/${version}`);
	});

	test('the credential test calls the contacts count with the key; a wrong key is explained', async () => {
		expect(await testCredential(engine, new VoyadoEngageApi())).toEqual({ status: 'OK', message: 'Connection successful!' });
		expect(mock.requests('GET', '/api/v2/contacts/count')[0].headers['user-agent']).toBe(PACKAGE_USER_AGENT);

		engine.setCredential(CREDENTIAL, { tenant: 'acme', apiKey: 'wrong', baseUrlOverride: mock.baseUrl });
		expect(await testCredential(engine, new VoyadoEngageApi())).toEqual({
			status: 'Error',
			message: "Invalid API key, or this machine's IP address is not allowed for it",
		});
	});

	test('consents and active stores load as labelled options', async () => {
		expect(await loadOptions(engine, 'getConsents')).toEqual([
			{ name: 'Member terms', value: 'memberConsent', description: 'memberConsent' },
			{ name: 'SMS marketing', value: 'smsConsent', description: 'smsConsent' },
		]);
		expect(await loadOptions(engine, 'getStores')).toEqual([
			{ name: 'Megashop E-commerce SE (444)', value: '444', description: 'Stockholm' },
			{ name: 'Megashop Gothenburg (600)', value: '600', description: 'Göteborg' },
		]);
	});

	test('Continue On Fail: a mixed batch gives one item per input, in order', async () => {
		mock.addContact({ email: 'known@example.com' });

		const result = await createContacts(
			fields(),
			[{ email: 'one@example.com' }, { email: 'bad@' }, { email: 'known@example.com' }, { email: 'two@example.com' }],
			'continueRegularOutput',
		);

		expect(result.items.map((item) => item.pairedItem)).toEqual([0, 1, 2, 3].map((item) => ({ item })));
		expect(result.items.map((item) => item.json.email ?? item.json.error)).toEqual([
			'one@example.com',
			'Email: "bad@" is not a valid email address [item 1]',
			expect.stringMatching(/^Email: a contact with this email already exists/),
			'two@example.com',
		]);
	});

	test('the API key appears in no output item and no error', async () => {
		const results: RunResult[] = [];
		results.push(await createContacts(fields(), [{ email: 'a@example.com' }, { email: 'x' }], 'continueRegularOutput'));
		results.push(await createContacts(fields({ contactType: 'Partner' }), [{ email: 'b@example.com' }]));
		mock.server.injectFault({ status: 503, raw: '<html>down</html>' }, { times: 10 });
		results.push(await createContacts(fields({ options: { ...QUICK, maxAttempts: 2 } }), [{ email: 'c@example.com' }]));

		for (const result of results) {
			const text = [inspect(result.items, { depth: 12 }), inspect(result.error, { depth: 12, showHidden: true }), JSON.stringify(result.run.data.resultData)].join('\n');
			expect(text).not.toContain(API_KEY);
		}
	});
});
