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


describe('Salesforce Marketing Cloud > Get Many', () => {
	const FAST = { firstRetryDelaySeconds: 0.05, maxAttempts: 3 };
	// Contact i has an email address; every third (i % 3 === 1) also a mobile number, so its two
	// addresses are listed together, and contact 37's fall on pages 1 and 2.
	const seedMany = (count: number) => {
		for (let index = 0; index < count; index++) {
			const attributes: Record<string, Record<string, unknown>> = { 'Email Addresses': { 'Email Address': `p${index}@example.com`, 'HTML Enabled': true } };
			if (index % 3 === 1) attributes['MobileConnect Demographics'] = { 'Mobile Number': `31755500${index}`, Locale: 'US' };
			seed(`key-${index}`, attributes);
		}
	};
	const pages = () => mock.requests('POST', '/contacts/v1/addresses/search').map((request) => `${request.query.$page}/${request.query.$pageSize}`);

	test('Return All reads every page of 50 addresses (6 pages for 200 contacts, 267 addresses): each contact once, in order, its addresses merged into one item', async () => {
		seedMany(200);

		const result = await run('getAll', { returnAll: true });

		expect(pages()).toEqual(['1/50', '2/50', '3/50', '4/50', '5/50', '6/50']);
		expect(mock.requests('POST', '/contacts/v1/addresses/search')[0].body).toEqual({ queryFilter: { hasCriteria: false } });
		expect(result.items.map((item) => item.json.contactKey)).toEqual(mock.contacts.map((contact) => contact.contactKey));
		expect(result.items.every((item) => (item.pairedItem as { item: number }).item === 0)).toBe(true);
		expect(result.items[37].json).toEqual({
			contactKey: 'key-37',
			contactId: 937,
			attributes: {
				'Email Addresses': { 'Email Address': 'p37@example.com', 'HTML Enabled': true },
				'MobileConnect Demographics': { 'Mobile Number': '3175550037', Locale: 'US' },
			},
		});
		expect(result.items.every((item) => Object.keys(item.json).join() === 'contactKey,contactId,attributes')).toBe(true);
	});

	test('Limit reads only the pages it needs: 20 is one page; 120 is four (160 addresses)', async () => {
		seedMany(200);

		const twenty = await run('getAll', { returnAll: false, limit: 20 });
		const twentyPages = pages();
		mock.server.clear();
		const many = await run('getAll', { returnAll: false, limit: 120 });

		expect(twentyPages).toEqual(['1/50']);
		expect(pages()).toEqual(['1/50', '2/50', '3/50', '4/50']);
		expect([twenty.items.length, many.items.length]).toEqual([20, 120]);
		expect(many.items[118].json.attributes).toHaveProperty('MobileConnect Demographics');
	});

	test('a page smaller than asked for (Marketing Cloud capped it at 20) is not taken for the last one', async () => {
		seedMany(30);
		mock.addressPageCap = 20;

		const result = await run('getAll', { returnAll: true });

		expect(pages()).toEqual(['1/50', '2/50', '3/50']);
		expect(result.items).toHaveLength(30);
	});

	test('Filter By: a channel, or a contact key per item, goes as the one Equal expression the search takes', async () => {
		seedMany(6);

		const mobile = await run('getAll', { returnAll: true, filterBy: 'channel', channel: 'MOBILE' });
		const byKey = await run('getAll', { returnAll: true, filterBy: 'contactKey', contactKey: '={{ $json.key }}' }, [{ key: 'nobody' }, { key: 'key-4' }]);

		expect(mock.requests('POST', '/contacts/v1/addresses/search').map((request) => (request.body as IDataObject).queryFilter)).toEqual([
			{ hasCriteria: true, rootExpressionSet: { expressions: [{ customerDataDefinitionID: 104, operator: 'Equal', values: ['MOBILE'] }] } },
			{ hasCriteria: true, rootExpressionSet: { expressions: [{ customerDataDefinitionID: 101, operator: 'Equal', values: ['nobody'] }] } },
			{ hasCriteria: true, rootExpressionSet: { expressions: [{ customerDataDefinitionID: 101, operator: 'Equal', values: ['key-4'] }] } },
		]);
		expect(mobile.items.map((item) => item.json.contactKey)).toEqual(['key-1', 'key-4']);
		expect(byKey.items.map((item) => [item.pairedItem, item.json.contactKey])).toEqual([[{ item: 1 }, 'key-4']]);
	});

	test('Continue On Fail: an item whose key is empty gives its one error item; the other item gives its contact', async () => {
		seedMany(3);

		const result = await run('getAll', { returnAll: true, filterBy: 'contactKey', contactKey: '={{ $json.key }}' }, [{ key: '' }, { key: 'key-2' }], 'continueRegularOutput');

		expect(result.items.map((item) => [item.pairedItem, item.json.contactKey ?? item.json.error])).toEqual([
			[{ item: 0 }, 'Contact Key: is required but empty [item 0]'],
			[{ item: 1 }, 'key-2'],
		]);
	});

	test('a 503 in the middle of the walk: that page is asked again; no contact is lost or doubled', async () => {
		seedMany(120);
		mock.server.injectFault({ status: 503, body: { message: 'Service Unavailable', errorcode: 0 } }, { when: (request) => request.path === '/contacts/v1/addresses/search' && request.query.$page === '2' });

		const result = await run('getAll', { returnAll: true, options: FAST });

		expect(pages()).toEqual(['1/50', '2/50', '2/50', '3/50', '4/50']);
		expect(result.items.map((item) => item.json.contactKey)).toEqual(mock.contacts.map((contact) => contact.contactKey));
	});

	test('a search that serves the same page for every page number would never end: an error, and the walk stops', async () => {
		seedMany(120);
		mock.addressSearchIgnoresPage = true;

		const result = await run('getAll', { returnAll: true });

		expect(result.error?.message).toBe('Return All: Marketing Cloud answered page 2 with the addresses of page 1, so the listing would not end; nothing more was read [item 0]');
		expect(pages()).toEqual(['1/50', '2/50']);
	});
});

describe('Salesforce Marketing Cloud > Delete', () => {
	const FAST = { firstRetryDelaySeconds: 0.05, maxAttempts: 3 };
	const ada = () => seed('ada', { 'Email Addresses': { 'Email Address': 'ada@example.com' } });
	const deleteCall = { method: 'POST', path: '/contacts/v1/contacts/actions/delete', body: { values: ['ada'], DeleteOperationType: 'ContactAndAttributes' } };

	test('by contact key, not waiting: the contact is read, the deletion requested; the output has the operation ID to check later', async () => {
		ada();

		const result = await run('delete', { findBy: 'contactKey', contactKey: 'ada' });

		expect(calls().map((call) => `${call.method} ${call.path}`)).toEqual(['POST /contacts/v1/attributes/search', 'POST /contacts/v1/contacts/actions/delete']);
		expect(calls()[1]).toEqual(deleteCall);
		expect(mock.requests('POST', '/contacts/v1/contacts/actions/delete')[0].query).toEqual({ type: 'keys' });
		expect(result.items[0].json).toEqual({ contactKey: 'ada', operationId: 2038, status: null, waitedSeconds: 0, outcome: 'deleteRequested' });
		// Marketing Cloud deletes in the background: the contact is still there until the operation runs.
		expect(mock.contacts).toHaveLength(1);
	});

	test('by email, waiting for completion: the status is checked until Completed; the contact is gone and the output says deleted', async () => {
		ada();
		mock.deleteTakesMs = 250;

		const result = await run('delete', { findBy: 'email', emailAddress: 'ada@example.com', options: { waitSeconds: 5, checkEverySeconds: 0.1 } });

		const checks = mock.requests('GET', '/contacts/v1/contacts/actions/delete/status');
		expect(checks.length).toBeGreaterThanOrEqual(2);
		expect(checks[0].query).toEqual({ operationID: '2038' });
		expect(mock.contacts).toEqual([]);
		expect(result.items[0].json).toMatchObject({ contactKey: 'ada', operationId: 2038, status: 'Completed', outcome: 'deleted' });
		expect(result.items[0].json.waitedSeconds).toBeGreaterThanOrEqual(0.2);
	});

	test('the wait is bounded: still Processing when it ends, the output says so (deleteRequested, with the status and the time waited)', async () => {
		ada();
		mock.deleteTakesMs = 60_000;

		const started = Date.now();
		const result = await run('delete', { findBy: 'contactKey', contactKey: 'ada', options: { waitSeconds: 0.5, checkEverySeconds: 0.1 } });

		expect(Date.now() - started).toBeLessThan(3_000);
		expect(result.items[0].json).toMatchObject({ contactKey: 'ada', operationId: 2038, status: 'Processing', outcome: 'deleteRequested' });
		expect(result.items[0].json.waitedSeconds).toBeLessThanOrEqual(0.6);
	});

	test('an operation that ends Invalid is an error naming it: the contact was not deleted', async () => {
		ada();
		mock.deleteEndsWith = 'Invalid';

		const result = await run('delete', { findBy: 'contactKey', contactKey: 'ada', options: { waitSeconds: 2, checkEverySeconds: 0.1 } });

		expect(result.error?.message).toBe('Marketing Cloud ended delete operation 2038 with status Invalid; the contact was not deleted');
		expect(result.error?.context?.itemIndex).toBe(0);
		expect(mock.contacts).toHaveLength(1);
	});

	test('not found: an error and no delete request by default; "already gone" when chosen; Continue On Fail keeps one item per input', async () => {
		ada();
		const failing = await run('delete', { findBy: 'contactKey', contactKey: 'nobody' });
		const gone = await run('delete', { findBy: 'email', emailAddress: 'nobody@example.com', options: { ifNotFound: 'alreadyGone' } });
		const mixed = await run('delete', { findBy: 'contactKey', contactKey: '={{ $json.key }}' }, [{ key: 'nobody' }, { key: 'ada' }], 'continueRegularOutput');

		expect(failing.error?.message).toBe('Contact Key: no contact found with contact key "nobody"; nothing was deleted [item 0]');
		expect(gone.items[0].json).toEqual({ contactKey: null, operationId: null, status: null, waitedSeconds: 0, outcome: 'alreadyGone' });
		expect(mixed.items.map((item) => [item.pairedItem, item.json.outcome ?? item.json.error])).toEqual([
			[{ item: 0 }, 'Contact Key: no contact found with contact key "nobody"; nothing was deleted [item 0]'],
			[{ item: 1 }, 'deleteRequested'],
		]);
		expect(mock.requests('POST', '/contacts/v1/contacts/actions/delete')).toHaveLength(1);
	});

	test('a lost answer: the contact is looked up before the request is sent again', async () => {
		ada();
		mock.server.injectFault({ status: 0, reset: true }, { path: '/contacts/v1/contacts/actions/delete' });

		const result = await run('delete', { findBy: 'contactKey', contactKey: 'ada', options: FAST });

		expect(calls().map((call) => `${call.method} ${call.path}`)).toEqual([
			'POST /contacts/v1/attributes/search',
			'POST /contacts/v1/contacts/actions/delete',
			'POST /contacts/v1/attributes/search',
			'POST /contacts/v1/contacts/actions/delete',
		]);
		expect(result.items[0].json).toMatchObject({ contactKey: 'ada', operationId: 2038, outcome: 'deleteRequested' });
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

const badDelete: BadInput[] = [
	['no contact key', { findBy: 'contactKey', contactKey: '={{ $json.missing }}' }, /^Contact Key: is required but empty/],
	['an invalid email address', { findBy: 'email', emailAddress: 'ada@' }, /^Email Address: "ada@" is not a valid email address/],
	['a wait longer than 600 seconds', { findBy: 'contactKey', contactKey: 'ada', options: { waitSeconds: 3600 } }, /^Options > Wait for Completion \(Seconds\): must be between 0 and 600/],
	['a wait that is not a number', { findBy: 'contactKey', contactKey: 'ada', options: { waitSeconds: '={{ "soon" }}' } }, /^Options > Wait for Completion \(Seconds\): must be a number/],
	['a status check interval of 0', { findBy: 'contactKey', contactKey: 'ada', options: { waitSeconds: 5, checkEverySeconds: 0 } }, /^Options > Status Check Interval \(Seconds\): must be at least 0.1/],
	['an unknown If Not Found choice', { findBy: 'contactKey', contactKey: 'ada', options: { ifNotFound: 'empty' } }, /^Options > If Not Found: must be one of fail, alreadyGone/],
];

const badGetAll: BadInput[] = [
	['a limit of 0', { returnAll: false, limit: 0 }, /^Limit: must be at least 1, but is 0/],
	['a limit that is not a whole number', { returnAll: false, limit: '={{ 2.5 }}' }, /^Limit: must be a whole number/],
	['an empty contact key filter', { returnAll: true, filterBy: 'contactKey', contactKey: '={{ $json.missing }}' }, /^Contact Key: is required but empty/],
	['an unknown channel', { returnAll: true, filterBy: 'channel', channel: '={{ "FAX" }}' }, /^Channel: must be one of EMAIL, MOBILE, PUSH, LINE/],
	['an unknown filter', { returnAll: true, filterBy: 'status' }, /^Filter By: must be one of none, contactKey, channel/],
];

refusedBeforeSending('Salesforce Marketing Cloud', async (operation, parameters) => await run(operation, parameters), mock.server, [
	['upsert', badUpsert],
	['update', badUpdate],
	['get', badGet],
	['delete', badDelete],
	['getAll', badGetAll],
]);
