import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { intercomUnderTest, loopsUnderTest, sfmcUnderTest, useVendor, voyadoUnderTest } from './harness/vendors';

/**
 * A sync over rows that were not written for it: blank cells, digit dates. The stored contact is
 * never damaged by a value that is not there, and a date that is not a date is an error naming
 * the field, never a guess.
 */

// A CSV row without the plan, seats, trial or date columns filled in.
const BLANK_ROW = { email: 'ada@example.com', plan: '', seats: null };

describe('Loops: empty custom property rows are not sent, so stored values stay', () => {
	const loops = useVendor(loopsUnderTest());
	const { mock } = loops;
	const updates = () => mock.requests('PUT', '/contacts/update');
	const rows = (property: IDataObject[]) => ({ customPropertiesMode: 'fields', customProperties: { property } }) as INodeParameters;
	const mappedRows = rows([
		{ key: 'planName', value: '={{ $json.plan }}' },
		{ key: 'seats', value: '={{ $json.seats }}' },
		{ key: 'isTrial', value: '={{ $json.trial }}' },
		{ key: 'planName2', type: 'string', stringValue: '={{ $json.plan }}' },
		{ key: 'seats2', type: 'number', numberValue: '={{ $json.seats }}' },
		{ key: 'trial2', type: 'boolean', booleanValue: '={{ $json.trial }}' },
		{ key: 'joined2', type: 'date', dateValue: '={{ $json.joined }}' },
	]);

	test.each(['update', 'upsert'])('%s: rows mapped to blank, null or missing columns (Automatic and every Type) send nothing; Loops keeps plan pro and 12 seats', async (operation) => {
		mock.contacts.push({ id: 'clstored', email: 'ada@example.com', planName: 'pro', seats: 12, isTrial: true });
		const parameters = { resource: 'contact', operation, email: '={{ $json.email }}', ...(operation === 'update' ? { findBy: 'email' } : {}), ...mappedRows };

		const result = await loops.engine.run({ parameters, items: [BLANK_ROW] });

		expect(result.status).toBe('success');
		expect(updates()[0].body).toEqual({ email: 'ada@example.com' });
		expect(mock.contacts[0]).toMatchObject({ planName: 'pro', seats: 12, isTrial: true });
	});

	test('create: the same rows send only the email', async () => {
		const result = await loops.engine.run({ parameters: loops.parameters(mappedRows), items: [BLANK_ROW] });

		expect(result.status).toBe('success');
		expect(mock.requests('POST', '/contacts/create')[0].body).toEqual({ email: 'ada@example.com' });
	});

	test('clearing is the explicit Type Empty: planName goes as null and Loops drops it; empty JSON text is not sent', async () => {
		mock.contacts.push({ id: 'clstored', email: 'ada@example.com', planName: 'pro', seats: 12 });

		await loops.engine.run({
			parameters: { resource: 'contact', operation: 'upsert', email: '={{ $json.email }}', ...rows([{ key: 'planName', type: 'null' }]) },
			items: [BLANK_ROW],
		});
		await loops.engine.run({
			parameters: { resource: 'contact', operation: 'upsert', email: '={{ $json.email }}', customPropertiesMode: 'json', customPropertiesJson: '={{ { "seats": $json.plan } }}' },
			items: [BLANK_ROW],
		});

		expect(updates().map((request) => request.body)).toEqual([{ email: 'ada@example.com', planName: null }, { email: 'ada@example.com' }]);
		expect(mock.contacts[0]).toEqual({ id: 'clstored', email: 'ada@example.com', seats: 12 });
	});
});

describe('Loops: one output shape, whatever each item filled in', () => {
	const loops = useVendor(loopsUnderTest());

	test.each(['create', 'upsert'])('%s: two items with different fields filled give the same keys, null where not sent', async (operation) => {
		const parameters = {
			resource: 'contact',
			operation,
			email: '={{ $json.email }}',
			additionalFields: { firstName: '={{ $json.first }}', userGroup: '={{ $json.group }}', addToMailingLists: '={{ $json.list }}' },
			customPropertiesMode: 'fields',
			customProperties: { property: [{ key: 'planName', value: '={{ $json.plan }}' }] },
		} as INodeParameters;
		const items = [
			{ email: 'ada@example.com', first: 'Ada', plan: 'pro' },
			{ email: 'bo@example.com', group: 'Founders', list: 'cm06f5v0e45nf0ml5754o9cix' },
		];

		const result = await loops.engine.run({ parameters, items });

		expect(result.status).toBe('success');
		const [first, second] = result.items.map((item) => item.json);
		expect(Object.keys(first)).toEqual(Object.keys(second));
		expect(Object.keys(first)).toEqual(['id', 'email', 'firstName', 'lastName', 'source', 'subscribed', 'userGroup', 'userId', 'mailingLists', 'customProperties', 'outcome']);
		expect(first).toMatchObject({ firstName: 'Ada', userGroup: null, mailingLists: null, customProperties: { planName: 'pro' } });
		expect(second).toMatchObject({ firstName: null, userGroup: 'Founders', mailingLists: { cm06f5v0e45nf0ml5754o9cix: true }, customProperties: null });
	});
});

describe('Intercom: empty custom attribute rows are not sent; Empty (Clear Stored Value) clears', () => {
	const intercom = useVendor(intercomUnderTest());
	const { mock } = intercom;
	const stored = () => mock.contacts.find((contact) => contact.email === 'ada@example.com') as IDataObject;
	const rows = (attribute: IDataObject[]) => ({ customAttributesMode: 'fields', customAttributes: { attribute } }) as INodeParameters;
	const upsert = (extra: INodeParameters) => ({ resource: 'contact', operation: 'upsert', role: 'user', email: '={{ $json.email }}', ...extra });
	beforeEach(() => {
		mock.contacts.push({ type: 'contact', id: 'stored1', role: 'user', email: 'ada@example.com', created_at: 1, custom_attributes: { plan: 'pro', seats: 12 } });
	});

	test.each([
		['Create or Update', 'upsert'],
		['Update', 'update'],
	])('%s: rows mapped to a blank plan and a null seats (Automatic, Text, Whole Number) leave Intercom\'s plan pro and 12 seats', async (_label, operation) => {
		const fields = rows([
			{ name: 'plan', value: '={{ $json.plan }}' },
			{ name: 'seats', value: '={{ $json.seats }}' },
			{ name: 'plan', type: 'string', stringValue: '={{ $json.plan }}' },
			{ name: 'seats', type: 'integer', numberValue: '={{ $json.seats }}' },
		].slice(operation === 'upsert' ? 0 : 2, operation === 'upsert' ? 2 : 4));
		const parameters = operation === 'upsert' ? upsert(fields) : { resource: 'contact', operation, findBy: 'email', email: '={{ $json.email }}', additionalFields: { name: 'Ada' }, ...fields };

		const result = await intercom.engine.run({ parameters, items: [BLANK_ROW] });

		expect(result.error?.message).toBeUndefined();
		const put = mock.requests('PUT', '/contacts/stored1')[0].body as IDataObject;
		expect(put).not.toHaveProperty('custom_attributes');
		expect(stored().custom_attributes).toEqual({ plan: 'pro', seats: 12 });
	});

	test('the Type Empty (Clear Stored Value) sends null, and Intercom drops the plan', async () => {
		const result = await intercom.engine.run({ parameters: upsert(rows([{ name: 'plan', type: 'clear' }])), items: [BLANK_ROW] });

		expect(result.status).toBe('success');
		expect((mock.requests('PUT', '/contacts/stored1')[0].body as IDataObject).custom_attributes).toEqual({ plan: null });
		expect(stored().custom_attributes).toEqual({ plan: null, seats: 12 });
	});
});

describe('Marketing Cloud and Voyado: empty values are not sent', () => {
	const sfmc = useVendor(sfmcUnderTest());
	const voyado = useVendor(voyadoUnderTest());

	test('Marketing Cloud Update: HTML Enabled mapped to a blank cell is not sent (it was sent as true before)', async () => {
		sfmc.mock.contacts.push({ contactKey: 'ada@example.com', contactId: 7, attributes: { 'Email Addresses': { 'Email Address': 'ada@example.com', 'HTML Enabled': false } } });
		const parameters = {
			resource: 'contact',
			operation: 'update',
			contactKey: '={{ $json.email }}',
			attributeSets: { emailAddresses: [{ emailAddress: '={{ $json.email }}', htmlEnabled: '={{ $json.plan }}' }] },
		};

		const result = await sfmc.engine.run({ parameters, items: [BLANK_ROW] });

		expect(result.status).toBe('success');
		const patch = sfmc.mock.server.requestsTo('PATCH', '/contacts/v1/contacts')[0].body as { attributeSets: Array<{ items: Array<{ values: IDataObject[] }> }> };
		expect(patch.attributeSets[0].items[0].values).toEqual([{ name: 'Email Address', value: 'ada@example.com' }]);
	});

	test('Marketing Cloud Update, attribute sets as JSON: an attribute whose value is empty text is not sent', async () => {
		sfmc.mock.contacts.push({ contactKey: 'ada@example.com', contactId: 7, attributes: { 'Email Demographics': { 'First Name': 'Ada' } } });
		const json = '={{ JSON.stringify([{ name: "Email Demographics", items: [{ values: [{ name: "First Name", value: $json.plan }, { name: "Last Name", value: "Lovelace" }] }] }]) }}';

		const result = await sfmc.engine.run({ parameters: { resource: 'contact', operation: 'update', contactKey: '={{ $json.email }}', attributeSetsMode: 'json', attributeSetsJson: json }, items: [BLANK_ROW] });

		expect(result.status).toBe('success');
		const patch = sfmc.mock.server.requestsTo('PATCH', '/contacts/v1/contacts')[0].body as { attributeSets: Array<{ items: Array<{ values: IDataObject[] }> }> };
		expect(patch.attributeSets[0].items[0].values).toEqual([{ name: 'Last Name', value: 'Lovelace' }]);
	});

	test('Marketing Cloud Create: HTML Enabled mapped to a blank cell is an error naming it (the set needs it), nothing sent', async () => {
		const parameters = sfmc.parameters({ attributeSets: { emailAddresses: [{ emailAddress: '={{ $json.email }}', htmlEnabled: '={{ $json.seats }}' }] } });

		const result = await sfmc.engine.run({ parameters, items: [BLANK_ROW] });

		expect(result.error?.message).toBe('Sets > Email Addresses > HTML Enabled: is required (true or false) with Email Addresses [item 0]');
		expect(sfmc.mock.server.requestsTo('POST', '/contacts/v1/contacts')).toEqual([]);
	});

	test('Voyado Update: extra attribute rows mapped to blank or null, and empty JSON text, are not sent', async () => {
		const update = voyado.lifecycle?.find((operation) => operation.operation === 'update');
		update?.seed?.(['ada@example.com']);
		const rows = { extraAttributesMode: 'fields', extraAttributes: { attribute: [{ name: 'favoriteStore', value: '={{ $json.plan }}' }, { name: 'shoeSize', value: '={{ $json.seats }}' }] } };

		const result = await voyado.engine.run({ parameters: update?.parameters(rows) as INodeParameters, items: [BLANK_ROW] });
		const json = await voyado.engine.run({
			parameters: update?.parameters({ extraAttributesMode: 'json', extraAttributesJson: '={{ { "favoriteStore": $json.plan } }}' }) as INodeParameters,
			items: [BLANK_ROW],
		});

		expect([result.status, json.status]).toEqual(['success', 'success']);
		const patches = voyado.server.requests.filter((request) => request.method === 'PATCH').map((request) => request.body);
		expect(patches).toEqual([{ city: 'Faults' }, { city: 'Faults' }]);
	});
});

describe('Voyado Update: clearing is the explicit Fields to Clear', () => {
	const voyado = useVendor(voyadoUnderTest());
	const update = () => voyado.lifecycle?.find((operation) => operation.operation === 'update') as NonNullable<typeof voyado.lifecycle>[number];

	test('Fields to Clear sends null for the chosen attributes (Engage empties them); the rest is sent as given', async () => {
		update().seed?.(['ada@example.com']);

		const result = await voyado.engine.run({ parameters: update().parameters({ additionalFields: {}, fieldsToClear: ['city', 'careOf'] }), items: [BLANK_ROW] });

		expect(result.status).toBe('success');
		expect(voyado.server.requests.filter((request) => request.method === 'PATCH').map((request) => request.body)).toEqual([{ city: null, careOf: null }]);
	});

	test('a field both given a value and cleared is an error, nothing sent', async () => {
		update().seed?.(['ada@example.com']);

		const result = await voyado.engine.run({ parameters: update().parameters({ fieldsToClear: ['city'] }), items: [BLANK_ROW] });

		expect(result.error?.message).toBe('Fields to Clear: "city" is both given a value and cleared [item 0]');
		expect(voyado.server.requests.filter((request) => request.method === 'PATCH')).toEqual([]);
	});
});

describe('Dates are dates: digits are read by their count, in the workflow\'s time zone', () => {
	const intercom = useVendor(intercomUnderTest());
	const loops = useVendor(loopsUnderTest());
	const voyado = useVendor(voyadoUnderTest());
	const STOCKHOLM = 'Europe/Stockholm';
	// 2024-01-31 00:00 in Stockholm (CET, UTC+1).
	const MIDNIGHT_STOCKHOLM = Date.UTC(2024, 0, 30, 23) / 1000;
	const signedUp = (value: unknown) => intercom.parameters({ additionalFields: { signed_up_at: value } as INodeParameters });
	const intercomCreates = () => intercom.mock.requests('POST', '/contacts');

	test.each([
		['YYYYMMDD text, 20240131', '20240131', MIDNIGHT_STOCKHOLM],
		['YYYYMMDD as a number', '={{ 20240131 }}', MIDNIGHT_STOCKHOLM],
		['10 digits: Unix seconds', '1706655600', 1706655600],
		['13 digits: Unix milliseconds', '={{ 1706655600000 }}', 1706655600],
		['an ISO date', '2024-01-31', MIDNIGHT_STOCKHOLM],
	])('Intercom Signed Up At, %s, is sent as %s', async (_label, value, seconds) => {
		const result = await intercom.engine.run({ parameters: signedUp(value), items: [{ email: 'ada@example.com' }], timezone: STOCKHOLM });

		expect(result.status).toBe('success');
		expect((intercomCreates()[0].body as IDataObject).signed_up_at).toBe(seconds);
	});

	test.each([
		['a year, 2024', '2024', '"2024"'],
		['a year as a number', '={{ 2024 }}', '2024'],
		['11 digits', '20240131000', '"20240131000"'],
		['8 digits that are no day', '20241399', '"20241399"'],
		['a negative number', '={{ -5 }}', '-5'],
	])('Intercom Signed Up At, %s, is an error naming the field, and nothing is sent', async (_label, value, shown) => {
		const result = await intercom.engine.run({ parameters: signedUp(value), items: [{ email: 'ada@example.com' }], timezone: STOCKHOLM });

		expect(result.error?.message).toBe(`Signed Up At: ${shown} is not a date [item 0]`);
		expect(intercom.server.requests).toEqual([]);
	});

	test('Intercom date attribute, Automatic: 20240131 is that day in the workflow\'s zone; 2024 is an error', async () => {
		const row = (value: string) => intercom.parameters({ customAttributesMode: 'fields', customAttributes: { attribute: [{ name: 'trial_ends', value }] } });

		const good = await intercom.engine.run({ parameters: row('20240131'), items: [{ email: 'ada@example.com' }], timezone: STOCKHOLM });
		const bad = await intercom.engine.run({ parameters: row('2024'), items: [{ email: 'bo@example.com' }], timezone: STOCKHOLM });

		expect((intercomCreates()[0].body as IDataObject).custom_attributes).toEqual({ trial_ends: MIDNIGHT_STOCKHOLM });
		expect(good.status).toBe('success');
		expect(bad.error?.message).toBe('Custom Attributes > trial_ends: "2024" is not a date [item 0]');
		expect(intercomCreates()).toHaveLength(1);
	});

	test('Loops date property: 20240131 goes as the day 2024-01-31 (Automatic and Type Date); 2024 is an error naming the property', async () => {
		const row = (property: IDataObject) => loops.parameters({ customPropertiesMode: 'fields', customProperties: { property: [property] } as INodeParameters });

		const automatic = await loops.engine.run({ parameters: row({ key: 'dateJoined', value: '20240131' }), items: [{ email: 'ada@example.com' }] });
		const typed = await loops.engine.run({ parameters: row({ key: 'dateJoined', type: 'date', dateValue: '={{ 20240131 }}' }), items: [{ email: 'bo@example.com' }] });
		const year = await loops.engine.run({ parameters: row({ key: 'dateJoined', value: '2024' }), items: [{ email: 'cy@example.com' }] });

		expect([automatic.status, typed.status]).toEqual(['success', 'success']);
		expect(loops.mock.requests('POST', '/contacts/create').map((request) => (request.body as IDataObject).dateJoined)).toEqual(['2024-01-31', '2024-01-31']);
		expect(year.error?.message).toBe('Custom Properties > dateJoined: "2024" is not a date [item 0]');
		expect(year.error?.description).toMatch(/^Digits are read as a date only as 10 digits \(Unix seconds\), 13 digits \(Unix milliseconds\) or 8 digits \(YYYYMMDD\)/);
	});

	test('Voyado Birthday: 19660626 goes as 1966-06-26, the form Engage takes; 1966 is an error', async () => {
		const birthday = (birthDay: string) => voyado.parameters({ additionalFields: { birthDay } });

		const good = await voyado.engine.run({ parameters: birthday('19660626'), items: [{ email: 'ada@example.com' }], timezone: STOCKHOLM });
		const bad = await voyado.engine.run({ parameters: birthday('1966'), items: [{ email: 'bo@example.com' }], timezone: STOCKHOLM });

		expect(good.status).toBe('success');
		expect(voyado.server.requests.filter((request) => request.method === 'POST').map((request) => (request.body as IDataObject).birthDay)).toEqual(['1966-06-26']);
		expect(bad.error?.message).toBe('Birthday: "1966" is not a date [item 0]');
	});

	test('Voyado consent date: 20240131 is midnight in the workflow\'s zone, with its offset; 2024 is an error', async () => {
		const consent = (date: string) => voyado.parameters({ consents: { consent: [{ id: 'memberConsent', value: true, date }] } });

		const good = await voyado.engine.run({ parameters: consent('20240131'), items: [{ email: 'ada@example.com' }], timezone: STOCKHOLM });
		const bad = await voyado.engine.run({ parameters: consent('2024'), items: [{ email: 'bo@example.com' }], timezone: STOCKHOLM });

		expect(good.status).toBe('success');
		const sent = voyado.server.requests.filter((request) => request.method === 'POST').map((request) => (request.body as { consents: IDataObject[] }).consents[0].date);
		expect(sent).toEqual(['2024-01-31T00:00:00+0100']);
		expect(bad.error?.message).toBe('Consents > consent 1 > Date: "2024" is not a date [item 0]');
	});
});
