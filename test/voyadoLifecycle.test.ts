import type { IDataObject, INodeParameters } from 'n8n-workflow';

import type { BadInput } from './harness/badInputs';
import { refusedBeforeSending } from './harness/badInputs';
import { useVendor, voyadoUnderTest } from './harness/vendors';
import { simplifiedVoyadoContact } from './mocks/voyado';

const voyado = useVendor(voyadoUnderTest());
const { mock, engine } = voyado;

const run = async (operation: string, parameters: INodeParameters, items: IDataObject[] = [{}], onError?: 'continueRegularOutput') =>
	await engine.run({ parameters: { resource: 'contact', operation, ...parameters }, items, onError });
const requests = () => mock.requests().map(({ method, path, query, body }) => ({ method, path, query, body }));
const FAST = { firstRetryDelaySeconds: 0.05 };

describe('Voyado Engage > Create or Update', () => {
	test('not found: looked up by the key, then created with the query parameters; the output says "created"', async () => {
		const result = await run('upsert', {
			email: 'ada@example.com',
			additionalFields: { firstName: 'Ada', lastName: '' },
			queryParameters: { source: 'e-com' },
		});

		expect(requests()).toEqual([
			{ method: 'GET', path: '/api/v3/contacts/id', query: { email: 'ada@example.com', contactType: 'Member' }, body: undefined },
			{ method: 'POST', path: '/api/v3/contacts', query: { source: 'e-com' }, body: { contactType: 'Member', email: 'ada@example.com', firstName: 'Ada' } },
		]);
		expect(result.items.map((item) => item.json)).toEqual([simplifiedVoyadoContact(mock.contacts[0], 'created')]);
	});

	test('run twice: one contact, created then updated by PATCH with only the attributes given', async () => {
		const first = await run('upsert', { email: 'ada@example.com', additionalFields: { firstName: 'Ada', city: 'London' } });
		mock.server.clear();
		const second = await run('upsert', { email: 'ada@example.com', additionalFields: { firstName: 'Augusta', city: '' } });

		const id = mock.contacts[0].id;
		expect(requests()).toEqual([
			{ method: 'GET', path: '/api/v3/contacts/id', query: { email: 'ada@example.com', contactType: 'Member' }, body: undefined },
			{ method: 'PATCH', path: `/api/v3/contacts/${id}`, query: {}, body: { firstName: 'Augusta' } },
		]);
		expect(mock.contacts).toHaveLength(1);
		expect([first.items[0].json.outcome, second.items[0].json.outcome]).toEqual(['created', 'updated']);
		expect(mock.contacts[0].attributes).toMatchObject({ firstName: 'Augusta', city: 'London' });
		expect(mock.forbiddenValues).toEqual([]);
	});

	test('created by someone else meanwhile (409 ApprovedContactWithKeyExists): looked up again and updated', async () => {
		// The first lookup misses; the create then meets the existing contact.
		mock.addContact({ email: 'ada@example.com', firstName: 'Ada' });
		mock.server.injectFault({ status: 404, body: { statusCode: 404, errorCode: 'ContactNotFound', message: 'Contact not found' } }, { path: '/api/v3/contacts/id' });

		const result = await run('upsert', { email: 'ada@example.com', additionalFields: { lastName: 'Lovelace' } });

		expect(requests().map((request) => request.method)).toEqual(['GET', 'POST', 'GET', 'PATCH']);
		expect(result.items[0].json).toMatchObject({ outcome: 'updated', id: mock.contacts[0].id });
		expect(mock.contacts).toHaveLength(1);
	});

	test('a create whose answer was lost is found before any re-send: one contact, output as created', async () => {
		mock.server.injectFault({ status: 504, body: { message: 'Gateway timeout' }, afterActing: true }, { path: '/api/v3/contacts', method: 'POST' });

		const result = await run('upsert', { email: 'ada@example.com', options: FAST });

		expect(mock.contacts).toHaveLength(1);
		expect(mock.requests('POST', '/api/v3/contacts')).toHaveLength(1);
		expect(result.items[0].json).toMatchObject({ id: mock.contacts[0].id, outcome: 'created' });
	});
});

describe('Voyado Engage > Update', () => {
	test('by email: looked up, then PATCH; the contact type is never sent; nothing empty is sent', async () => {
		const stored = mock.addContact({ email: 'ada@example.com', firstName: 'Ada', city: 'London' });

		const result = await run('update', {
			findBy: 'email',
			email: 'ada@example.com',
			additionalFields: { city: 'Paris', firstName: '' },
			preferences: { acceptsSms: false },
		});

		expect(requests()).toEqual([
			{ method: 'GET', path: '/api/v3/contacts/id', query: { email: 'ada@example.com', contactType: 'Member' }, body: undefined },
			{ method: 'PATCH', path: `/api/v3/contacts/${stored.id}`, query: {}, body: { city: 'Paris', preferences: { acceptsSms: false } } },
		]);
		expect(result.items[0].json).toMatchObject({ id: stored.id, firstName: 'Ada', outcome: 'updated' });
	});

	test('by contact ID: no lookup; an empty PATCH answer (the unverified reading) is followed by a read', async () => {
		const stored = mock.addContact({ email: 'ada@example.com' });
		mock.patchAnswer = 'empty';

		const result = await run('update', { findBy: 'contactId', contactId: stored.id, additionalFields: { lastName: 'Lovelace' } });

		expect(requests().map((request) => `${request.method} ${request.path}`)).toEqual([
			`PATCH /api/v3/contacts/${stored.id}`,
			`GET /api/v3/contacts/${stored.id}`,
		]);
		expect(result.items[0].json).toMatchObject({ id: stored.id, lastName: 'Lovelace', outcome: 'updated' });
	});

	test('a contact that does not exist is an error, and nothing is created', async () => {
		const result = await run('update', { findBy: 'email', email: 'nobody@example.com', additionalFields: { city: 'Paris' } });

		expect(result.error?.message).toBe('Email: no contact found with email "nobody@example.com"; nothing was updated or created [item 0]');
		expect(mock.requests('PATCH')).toEqual([]);
		expect(mock.contacts).toEqual([]);
	});

	test('a 409 (the new email belongs to another contact) and a 404 (deleted since) are the vendor\'s errors', async () => {
		const ada = mock.addContact({ email: 'ada@example.com' });
		mock.addContact({ email: 'grace@example.com' });

		const clash = await run('update', { findBy: 'contactId', contactId: ada.id, additionalFields: { email: 'grace@example.com' } });
		const gone = await run('update', { findBy: 'contactId', contactId: '00000000-0000-4000-8000-000000000000', additionalFields: { city: 'Paris' } });

		expect([clash.error?.httpCode, clash.error?.message]).toEqual(['409', 'An approved contact with the same key already exists']);
		expect([gone.error?.httpCode, gone.error?.message]).toEqual(['404', 'Contact not found']);
	});

	test('found by its email at the top; a new email in Additional Fields is the change', async () => {
		const ada = mock.addContact({ email: 'ada@example.com' });

		const result = await run('update', { findBy: 'email', email: 'ada@example.com', additionalFields: { email: 'ada@new.example' } });

		expect(result.status).toBe('success');
		expect(mock.requests('PATCH')[0].body).toEqual({ email: 'ada@new.example' });
		expect((mock.contacts.find((contact) => contact.id === ada.id)?.attributes as IDataObject).email).toBe('ada@new.example');
	});

	test('several contacts with the key (409 MultipleMatches) is an error', async () => {
		mock.addContact({ email: 'twin@example.com' });
		mock.addContact({ email: 'twin@example.com' });

		const result = await run('update', { findBy: 'email', email: 'twin@example.com', additionalFields: { city: 'Paris' } });

		expect([result.error?.httpCode, result.error?.message]).toEqual(['409', 'Multiple contacts found']);
		expect(mock.requests('PATCH')).toEqual([]);
	});

	test('Continue On Fail: one output per input, in order', async () => {
		mock.addContact({ email: 'a@example.com' });
		mock.addContact({ email: 'c@example.com' });

		const result = await run(
			'update',
			{ findBy: 'email', email: '={{ $json.email }}', additionalFields: { city: 'Paris' } },
			[{ email: 'a@example.com' }, { email: 'b@example.com' }, { email: 'c@example.com' }],
			'continueRegularOutput',
		);

		expect(result.items.map((item) => [item.pairedItem, typeof item.json.id === 'string' ? 'contact' : item.json.error])).toEqual([
			[{ item: 0 }, 'contact'],
			[{ item: 1 }, 'Email: no contact found with email "b@example.com"; nothing was updated or created [item 1]'],
			[{ item: 2 }, 'contact'],
		]);
	});
});

describe('Voyado Engage > Get', () => {
	test('by a key field and by contact ID: the contact, simplified unless Simplify is off', async () => {
		const stored = mock.addContact({ mobilePhone: '+46701234567', firstName: 'Ada' });

		const byPhone = await run('get', { findBy: 'mobilePhone', mobilePhone: '+46701234567', simplify: false });
		const byId = await run('get', { findBy: 'contactId', contactId: stored.id });
		const full = await run('get', { findBy: 'contactId', contactId: stored.id, simplify: false });

		expect(mock.requests('GET', '/api/v3/contacts/id')[0].query).toEqual({ mobilePhone: '+46701234567', contactType: 'Member' });
		expect([byPhone.items[0].json, full.items[0].json]).toEqual([stored, stored]);
		expect(byId.items[0].json).toEqual(simplifiedVoyadoContact(stored));
	});

	test('a tenant without the v3 read (405, the unverified reading): the v2 read is used', async () => {
		const stored = mock.addContact({ email: 'ada@example.com' });
		mock.v3ReadSupported = false;

		const result = await run('get', { findBy: 'contactId', contactId: stored.id, simplify: false });

		expect(requests().map((request) => `${request.method} ${request.path}`)).toEqual([
			`GET /api/v3/contacts/${stored.id}`,
			`GET /api/v2/contacts/${stored.id}`,
		]);
		expect(result.items[0].json).toEqual(stored);
	});

	test('not found: an error by default, or an empty item when chosen', async () => {
		const failing = await run('get', { findBy: 'email', email: 'nobody@example.com' });
		const empty = await run('get', { findBy: 'email', email: 'nobody@example.com', options: { ifNotFound: 'empty' } });

		expect(failing.error?.message).toBe('Email: no contact found with email "nobody@example.com" [item 0]');
		expect(empty.items).toEqual([{ json: {}, pairedItem: { item: 0 } }]);
	});
});

const long = (length: number) => 'x'.repeat(length);

describe('Voyado Engage > Delete', () => {
	const LOST_AFTER_ACTING = { status: 504, body: { message: 'Gateway timeout' }, afterActing: true };

	test('by a key field and by contact ID: DELETE /api/v3/contacts/{id} (with the source when given); gone from Engage', async () => {
		const ada = mock.addContact({ email: 'ada@example.com' });
		const bo = mock.addContact({ email: 'bo@example.com' });

		const byEmail = await run('delete', { findBy: 'email', email: 'ada@example.com', options: { source: 'gdpr-request' } });
		const byId = await run('delete', { findBy: 'contactId', contactId: bo.id });

		expect(requests()).toEqual([
			{ method: 'GET', path: '/api/v3/contacts/id', query: { email: 'ada@example.com', contactType: 'Member' }, body: undefined },
			{ method: 'DELETE', path: `/api/v3/contacts/${ada.id}`, query: { source: 'gdpr-request' }, body: undefined },
			{ method: 'DELETE', path: `/api/v3/contacts/${bo.id}`, query: {}, body: undefined },
		]);
		expect(mock.contacts).toEqual([]);
		expect([byEmail.items[0].json, byId.items[0].json]).toEqual([
			{ id: ada.id, outcome: 'deleted' },
			{ id: bo.id, outcome: 'deleted' },
		]);
	});

	test('not found (by key, or a 404 to the delete): an error by default, "already gone" when chosen; Continue On Fail keeps one item per input', async () => {
		const unknownId = '2e40b702-2767-4abe-ae99-aa510108e22b';
		const failing = await run('delete', { findBy: 'contactId', contactId: unknownId });
		const gone = await run('delete', { findBy: 'email', email: 'nobody@example.com', options: { ifNotFound: 'alreadyGone' } });
		mock.addContact({ email: 'c@example.com' });
		const mixed = await run('delete', { findBy: 'email', email: '={{ $json.email }}' }, [{ email: 'b@example.com' }, { email: 'c@example.com' }], 'continueRegularOutput');

		expect(failing.error?.message).toBe(`Contact ID: no contact found with ID ${unknownId}; nothing was deleted [item 0]`);
		expect(gone.items[0].json).toEqual({ id: null, outcome: 'alreadyGone' });
		expect(mixed.items.map((item) => [item.pairedItem, item.json.outcome ?? item.json.error])).toEqual([
			[{ item: 0 }, 'Email: no contact found with email "b@example.com"; nothing was deleted [item 0]'],
			[{ item: 1 }, 'deleted'],
		]);
	});

	test('the answer was lost after Engage deleted it: looked up by ID, gone, so not sent again', async () => {
		const ada = mock.addContact({ email: 'ada@example.com' });
		mock.server.injectFault(LOST_AFTER_ACTING, { method: 'DELETE' });

		const result = await run('delete', { findBy: 'contactId', contactId: ada.id, options: FAST });

		expect(requests().map((request) => `${request.method} ${request.path}`)).toEqual([
			`DELETE /api/v3/contacts/${ada.id}`,
			`GET /api/v3/contacts/${ada.id}`,
			`GET /api/v2/contacts/${ada.id}`,
		]);
		expect(result.items[0].json).toEqual({ id: ada.id, outcome: 'deleted' });
	});

	test('a 503 before Engage acted: looked up, still there, sent again and deleted', async () => {
		const ada = mock.addContact({ email: 'ada@example.com' });
		mock.server.injectFault({ status: 503, body: { message: 'Service unavailable' } }, { method: 'DELETE' });

		const result = await run('delete', { findBy: 'contactId', contactId: ada.id, options: FAST });

		expect(mock.requests('DELETE')).toHaveLength(2);
		expect(mock.contacts).toEqual([]);
		expect(result.items[0].json).toEqual({ id: ada.id, outcome: 'deleted' });
	});
});

const badUpsert: BadInput[] = [
	['no key value', { email: '={{ $json.missing }}' }, /^Email: is required: it is the key of contact type Member/],
	['an invalid email', { email: 'ada-at-example' }, /^Email: "ada-at-example" is not a valid email address/],
	['a mobile phone without country code', { keyField: 'mobilePhone', mobilePhone: '0701234567' }, /^Mobile Phone: "0701234567" needs the country calling code/],
	['an empty contact type', { contactType: '={{ "" }}', email: 'a@example.com' }, /^Contact Type: is required but empty/],
	['an unknown key field', { keyField: 'phone', email: 'a@example.com' }, /^Key Field: must be one of email, mobilePhone, externalId, socialSecurityNumber/],
	['a birthday that does not exist', { email: 'a@example.com', additionalFields: { birthDay: '1990-02-30' } }, /^Birthday: "1990-02-30" is not a real date/],
	['a three-letter country code', { email: 'a@example.com', additionalFields: { countryCode: 'SWE' } }, /^Country Code: "SWE" is not a two-letter country code/],
	['a null extra attribute', { email: 'a@example.com', extraAttributesMode: 'json', extraAttributesJson: '{"shoeSize": null}' }, /^Attributes \(JSON\): "shoeSize" is null/],
	['`country` as an extra attribute', { email: 'a@example.com', extraAttributesMode: 'fields', extraAttributes: { attribute: [{ name: 'country', value: 'Sweden' }] } }, /^Extra Attributes: "country" is never sent/],
	['a consent without value', { email: 'a@example.com', consents: { consent: [{ id: 'memberConsent', value: '={{ $json.missing }}' }] } }, /^Consents > consent 1 > Value: is required/],
	['a city of 10,001 characters', { email: 'a@example.com', additionalFields: { city: long(10_001) } }, /^City: is 10001 characters long/],
];
const badUpdate: BadInput[] = [
	['nothing to update', { findBy: 'email', email: 'a@example.com' }, /^Fields: nothing to update/],
	['no value to find by', { findBy: 'externalId', externalId: '={{ $json.missing }}', additionalFields: { city: 'x' } }, /^External ID: is required but empty/],
	['a contact ID that is not a GUID', { findBy: 'contactId', contactId: '12345', additionalFields: { city: 'x' } }, /^Contact ID: "12345" is not an Engage contact ID/],
	['no contact ID', { findBy: 'contactId', contactId: '={{ $json.missing }}', additionalFields: { city: 'x' } }, /^Contact ID: is required but empty/],
	['an unknown way to find', { findBy: 'memberNumber', additionalFields: { city: 'x' } }, /^Find Contact By: must be one of/],
	['an invalid email to find by', { findBy: 'email', email: 'nope', additionalFields: { city: 'x' } }, /^Email: "nope" is not a valid email address/],
	['a response-only attribute', { findBy: 'email', email: 'a@example.com', extraAttributesMode: 'json', extraAttributesJson: '{"memberNumber": "1"}' }, /^Attributes \(JSON\): "memberNumber" is set by Engage/],
	['a preference that is not true/false', { findBy: 'email', email: 'a@example.com', preferences: { acceptsEmail: '={{ "yes" }}' } }, /^Preferences > Accepts Email: must be true or false/],
	['an unknown gender', { findBy: 'email', email: 'a@example.com', additionalFields: { gender: '={{ "F" }}' } }, /^Gender: must be one of Female, Male, Other/],
];
const badGet: BadInput[] = [
	['no email', { findBy: 'email', email: '={{ "" }}' }, /^Email: is required but empty/],
	['an invalid email', { findBy: 'email', email: 'a@b' }, /^Email: "a@b" is not a valid email address/],
	['a mobile phone with letters', { findBy: 'mobilePhone', mobilePhone: '+46abc' }, /^Mobile Phone: "\+46abc" needs the country calling code/],
	['no external ID', { findBy: 'externalId', externalId: '={{ $json.missing }}' }, /^External ID: is required but empty/],
	['a social security number that is an object', { findBy: 'socialSecurityNumber', socialSecurityNumber: '={{ { a: 1 } }}' }, /^Social Security Number: must be text, but the value is an object/],
	['a contact ID that is not a GUID', { findBy: 'contactId', contactId: 'abc' }, /^Contact ID: "abc" is not an Engage contact ID/],
	['no contact ID', { findBy: 'contactId', contactId: '={{ "" }}' }, /^Contact ID: is required but empty/],
	['an empty contact type', { findBy: 'email', email: 'a@example.com', contactType: '={{ "" }}' }, /^Contact Type: is required but empty/],
	['an unknown way to find', { findBy: 'any' }, /^Find Contact By: must be one of/],
	['an unknown If Not Found choice', { findBy: 'email', email: 'a@example.com', options: { ifNotFound: 'skip' } }, /^Options > If Not Found: must be one of fail, empty/],
];

const badDelete: BadInput[] = [
	['no email', { findBy: 'email', email: '={{ $json.missing }}' }, /^Email: is required but empty/],
	['a contact ID that is not a GUID', { findBy: 'contactId', contactId: '../contacts' }, /^Contact ID: "..\/contacts" is not an Engage contact ID/],
	['an unknown way to find', { findBy: 'name' }, /^Find Contact By: must be one of/],
	['a source that is an object', { findBy: 'email', email: 'a@example.com', options: { source: '={{ { a: 1 } }}' } }, /^Options > Source: must be text, but the value is an object/],
	['an unknown If Not Found choice', { findBy: 'email', email: 'a@example.com', options: { ifNotFound: 'empty' } }, /^Options > If Not Found: must be one of fail, alreadyGone/],
];

refusedBeforeSending('Voyado Engage', async (operation, parameters) => await run(operation, parameters), mock.server, [
	['upsert', badUpsert],
	['update', badUpdate],
	['get', badGet],
	['delete', badDelete],
]);
