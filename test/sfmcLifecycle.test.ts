import type { IDataObject, INodeParameters } from 'n8n-workflow';

import type { BadInput } from './harness/badInputs';
import { refusedBeforeSending } from './harness/badInputs';
import { sfmcUnderTest, useVendor } from './harness/vendors';

const sfmc = useVendor(sfmcUnderTest());
const { mock, engine } = sfmc;

const run = async (operation: string, parameters: INodeParameters, items: IDataObject[] = [{}], onError?: 'continueRegularOutput') =>
	await engine.run({ parameters: { resource: 'contact', operation, ...parameters }, items, onError });
// The token request is n8n's; the contact calls are what each operation makes.
const calls = () => mock.requests().filter((request) => request.path !== '/v2/token').map(({ method, path, body }) => ({ method, path, body }));
const emailSet = (email: string, extra: IDataObject = {}) => ({ emailAddresses: [{ emailAddress: email, htmlEnabled: true }], ...extra });
const seed = (contactKey: string, attributes: Record<string, Record<string, unknown>>) =>
	mock.contacts.push({ contactKey, contactId: 900 + mock.contacts.length, attributes });
const values = (set: string, pairs: IDataObject) => ({ name: set, items: [{ values: Object.entries(pairs).map(([name, value]) => ({ name, value })) }] });

describe('Salesforce Marketing Cloud > Create or Update', () => {
	test('run twice: one contact, "created" then "updated", from isNewContactKey', async () => {
		const first = await run('upsert', { contactKey: 'ada', attributeSets: emailSet('ada@example.com', { emailDemographics: [{ firstName: 'Ada' }] }) });
		const second = await run('upsert', { contactKey: 'ada', attributeSets: emailSet('ada@example.com', { emailDemographics: [{ firstName: 'Augusta' }] }) });

		expect(calls().map((call) => `${call.method} ${call.path}`)).toEqual(['POST /contacts/v1/contacts', 'POST /contacts/v1/contacts']);
		expect(calls()[1].body).toEqual({
			contactKey: 'ada',
			attributeSets: [values('Email Addresses', { 'Email Address': 'ada@example.com', 'HTML Enabled': true }), values('Email Demographics', { 'First Name': 'Augusta' })],
		});
		expect([first.items[0].json.outcome, second.items[0].json.outcome]).toEqual(['created', 'updated']);
		expect(mock.contacts).toHaveLength(1);
		expect(mock.contacts[0].attributes['Email Demographics']).toEqual({ 'First Name': 'Augusta' });
	});

	test('the create rules apply (the contact may be new): no channel set is refused before sending', async () => {
		const result = await run('upsert', { contactKey: 'ada', attributeSets: { emailDemographics: [{ firstName: 'Ada' }] } });

		expect(result.error?.message).toMatch(/^Sets: a contact needs at least one of the attribute sets/);
		expect(mock.server.requests).toEqual([]);
	});
});

describe('Salesforce Marketing Cloud > Update', () => {
	test('the key is looked up first, then PATCH with only the sets given (no create-only rules)', async () => {
		seed('ada', { 'Email Addresses': { 'Email Address': 'ada@example.com', 'HTML Enabled': true }, 'Email Demographics': { 'First Name': 'Ada' } });

		const result = await run('update', { contactKey: 'ada', attributeSets: { emailDemographics: [{ lastName: 'Lovelace' }] } });

		expect(calls().map((call) => `${call.method} ${call.path}`)).toEqual(['POST /contacts/v1/attributes/search', 'PATCH /contacts/v1/contacts']);
		expect(calls()[1].body).toEqual({ contactKey: 'ada', attributeSets: [values('Email Demographics', { 'Last Name': 'Lovelace' })] });
		expect(result.items[0].json).toEqual({
			contactKey: 'ada',
			contactId: expect.any(Number),
			outcome: 'updated',
			attributes: { 'Email Demographics': { 'Last Name': 'Lovelace' } },
		});
		expect(mock.contacts[0].attributes['Email Demographics']).toEqual({ 'First Name': 'Ada', 'Last Name': 'Lovelace' });
	});

	test('an unknown key is an error and nothing is sent to PATCH, whichever way PATCH would behave', async () => {
		for (const reading of ['create', 'fail'] as const) {
			mock.reset();
			mock.patchUnknownKey = reading;
			const result = await run('update', { contactKey: 'nobody', attributeSets: { emailDemographics: [{ lastName: 'x' }] } });

			expect(result.error?.message).toBe('Contact Key: no contact found with contact key "nobody"; nothing was updated or created [item 0]');
			expect(mock.requests('PATCH')).toEqual([]);
			expect(mock.contacts).toEqual([]);
		}
	});

	test('a 200 with operationStatus FAIL is an error carrying the result message', async () => {
		seed('ada', {});
		mock.server.injectFault(
			{ status: 200, body: { operationStatus: 'FAIL', hasErrors: true, resultMessages: [{ resultClass: 'Error', resultCode: 'X', message: 'Attribute not writable' }] } },
			{ path: '/contacts/v1/contacts', method: 'PATCH' },
		);

		const result = await run('update', { contactKey: 'ada', attributeSets: { emailDemographics: [{ lastName: 'x' }] } });

		expect(result.error?.message).toBe('Attribute not writable');
	});
});

describe('Salesforce Marketing Cloud > Get', () => {
	test('by contact key: the documented sets\' attributes, grouped by set', async () => {
		seed('ada', { 'Email Addresses': { 'Email Address': 'ada@example.com', 'HTML Enabled': true }, 'Email Demographics': { 'First Name': 'Ada' } });

		const result = await run('get', { findBy: 'contactKey', contactKey: 'ada' });

		const search = mock.requests('POST', '/contacts/v1/attributes/search')[0].body as IDataObject;
		expect(search.conditionSet).toEqual({
			operator: 'And',
			conditionSets: [],
			conditions: [{ attribute: { key: 'Contact.Contact Key' }, operator: 'Equals', value: { items: ['ada'] } }],
		});
		expect(result.items[0].json).toEqual({
			contactKey: 'ada',
			attributes: { 'Email Addresses': { 'Email Address': 'ada@example.com', 'HTML Enabled': true }, 'Email Demographics': { 'First Name': 'Ada' } },
		});
	});

	test('by email address: its contact key is looked up first', async () => {
		seed('crm-42', { 'Email Addresses': { 'Email Address': 'ada@example.com', 'HTML Enabled': false } });

		const result = await run('get', { findBy: 'email', emailAddress: 'ada@example.com' });

		expect(mock.requests('POST', '/contacts/v1/addresses/email/search')[0].body).toEqual({ channelAddressList: ['ada@example.com'], maximumCount: 2 });
		expect(result.items[0].json).toMatchObject({ contactKey: 'crm-42' });
	});

	test('not found, in both documented forms ([] and [{}]): an error, or an empty item when chosen', async () => {
		const failing = await run('get', { findBy: 'email', emailAddress: 'nobody@example.com' });
		mock.emailNotFound = 'emptyObject';
		const empty = await run('get', { findBy: 'email', emailAddress: 'nobody@example.com', options: { ifNotFound: 'empty' } });
		const noKey = await run('get', { findBy: 'contactKey', contactKey: 'nobody' });

		expect(failing.error?.message).toBe('Email Address: no contact found with email address "nobody@example.com" [item 0]');
		expect(empty.items).toEqual([{ json: {}, pairedItem: { item: 0 } }]);
		expect(noKey.error?.message).toBe('Contact Key: no contact found with contact key "nobody" [item 0]');
	});

	test('an address held by two contact keys is an error naming them', async () => {
		seed('k1', { 'Email Addresses': { 'Email Address': 'twin@example.com' } });
		seed('k2', { 'Email Addresses': { 'Email Address': 'twin@example.com' } });

		const result = await run('get', { findBy: 'email', emailAddress: 'twin@example.com' });

		expect(result.error?.message).toBe('Email Address: 2 contacts have the address "twin@example.com" (contact keys k1, k2) [item 0]');
	});
});


const badUpsert: BadInput[] = [
	['no contact key', { contactKey: '={{ $json.missing }}', attributeSets: emailSet('a@example.com') }, /^Contact Key: is required but empty/],
	['an invalid email address', { contactKey: 'k', attributeSets: emailSet('nope') }, /Email Address: "nope" is not a valid email address/],
	['Email Demographics without Email Addresses', { contactKey: 'k', attributeSets: { mobileConnectDemographics: [{ mobileNumber: '1', locale: 'US' }], emailDemographics: [{ firstName: 'A' }] } }, /Email Demographics: needs the Email Addresses attribute set too/],
	['a locale that is not two letters', { contactKey: 'k', attributeSets: { mobileConnectDemographics: [{ mobileNumber: '1', locale: 'USA' }] } }, /Locale: must be a two-letter country code/],
	['MobilePush without Application', { contactKey: 'k', attributeSets: { mobilePushDemographics: [{ deviceId: '1', application: '={{ $json.missing }}' }] } }, /Application: is required/],
	['LINE Demographics alone', { contactKey: 'k', attributeSets: { ...emailSet('a@example.com'), lineDemographics: [{ addressId: 'x' }] } }, /LINE Demographics: needs the GroupConnect LINE Addresses and GroupConnect LINE Subscriptions/],
	['a WhatsApp set in JSON', { contactKey: 'k', attributeSetsMode: 'json', attributeSetsJson: '[{"name": "WhatsApp Subscriptions", "values": [{"name": "x", "value": 1}]}]' }, /WhatsApp is not supported/],
	['a set twice in JSON', { contactKey: 'k', attributeSetsMode: 'json', attributeSetsJson: '[{"name": "Email Addresses", "values": [{"name": "Email Address", "value": "a@example.com"}, {"name": "HTML Enabled", "value": true}]}, {"name": "email addresses", "values": []}]' }, /is given more than once/],
	['JSON that is not a list', { contactKey: 'k', attributeSetsMode: 'json', attributeSetsJson: '{"name": "Email Addresses"}' }, /must be a JSON array of attribute sets/],
	['a contact ID that is an object', { contactKey: 'k', attributeSets: emailSet('a@example.com'), additionalFields: { contactID: '={{ { a: 1 } }}' } }, /^Contact ID: must be text, a number or true\/false/],
];
const badUpdate: BadInput[] = [
	['no contact key', { contactKey: '={{ "" }}', attributeSets: { emailDemographics: [{ lastName: 'x' }] } }, /^Contact Key: is required but empty/],
	['nothing to update', { contactKey: 'k', attributeSets: { emailDemographics: [{ lastName: '' }] } }, /^Sets: nothing to update/],
	['an invalid email address', { contactKey: 'k', attributeSets: emailSet('a@b') }, /Email Address: "a@b" is not a valid email address/],
	['a WhatsApp set', { contactKey: 'k', attributeSetsMode: 'json', attributeSetsJson: '[{"name": "WhatsApp", "values": [{"name": "x", "value": 1}]}]' }, /WhatsApp is not supported/],
	['a set twice', { contactKey: 'k', attributeSetsMode: 'json', attributeSetsJson: '[{"name": "Loyalty", "values": [{"name": "Tier", "value": "a"}]}, {"name": "loyalty", "values": [{"name": "Tier", "value": "b"}]}]' }, /is given more than once/],
	['malformed JSON', { contactKey: 'k', attributeSetsMode: 'json', attributeSetsJson: '[{name: 1}]' }, /^Attribute Sets \(JSON\): is not valid JSON/],
	['a set without a name', { contactKey: 'k', attributeSetsMode: 'json', attributeSetsJson: '[{"values": [{"name": "x", "value": 1}]}]' }, /> name: is required but empty/],
	['a value that is a list', { contactKey: 'k', attributeSetsMode: 'json', attributeSetsJson: '[{"name": "Loyalty", "values": [{"name": "Tier", "value": [1]}]}]' }, /Tier: must be text, a number or true\/false, but is a list/],
	['a profile attribute without a set', { contactKey: 'k', profileAttributes: { attribute: [{ setName: '', name: 'Tier', value: 'Gold' }] } }, /Attribute Set: is required but empty/],
	['a key that is a list', { contactKey: '={{ ["a"] }}', attributeSets: { emailDemographics: [{ lastName: 'x' }] } }, /^Contact Key: must be text, but the value is a list/],
];
const badGet: BadInput[] = [
	['no contact key', { findBy: 'contactKey', contactKey: '={{ "" }}' }, /^Contact Key: is required but empty/],
	['a contact key that is an object', { findBy: 'contactKey', contactKey: '={{ { a: 1 } }}' }, /^Contact Key: must be text, but the value is an object/],
	['a contact key with a control character', { findBy: 'contactKey', contactKey: `k${String.fromCharCode(1)}` }, /^Contact Key: contains a control character/],
	['no email address', { findBy: 'email', emailAddress: '={{ $json.missing }}' }, /^Email Address: is required but empty/],
	['an invalid email address', { findBy: 'email', emailAddress: 'a@b' }, /^Email Address: "a@b" is not a valid email address/],
	['an email address with an invisible character', { findBy: 'email', emailAddress: 'a\u200B@example.com' }, /^Email Address: ".*" contains an invisible character/],
	['an email address that is a list', { findBy: 'email', emailAddress: '={{ ["a@example.com"] }}' }, /^Email Address: must be text, but the value is a list/],
	['an unknown way to find', { findBy: 'contactId' }, /^Find Contact By: must be one of contactKey, email/],
	['an unknown If Not Found choice', { findBy: 'contactKey', contactKey: 'k', options: { ifNotFound: 'skip' } }, /^Options > If Not Found: must be one of fail, empty/],
	['a contact key of 10,001 characters', { findBy: 'contactKey', contactKey: 'x'.repeat(10_001) }, /^Contact Key: is 10001 characters long/],
];

refusedBeforeSending('Salesforce Marketing Cloud', async (operation, parameters) => await run(operation, parameters), mock.server, [
	['upsert', badUpsert],
	['update', badUpdate],
	['get', badGet],
]);
