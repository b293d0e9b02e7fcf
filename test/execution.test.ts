import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { allVendors, intercomUnderTest, loopsUnderTest, useVendor, voyadoUnderTest } from './harness/vendors';
import type { RecordedRequest } from './mocks/server';

const emails = (count: number, label: string) => Array.from({ length: count }, (_, i) => ({ email: `${label}${i}@example.com` }));
const emailOf = (request: RecordedRequest) => String((request.body as IDataObject | undefined)?.email);

describe('Loops: pauses, wait budgets and stopping', () => {
	const { mock, engine, parameters } = useVendor(loopsUnderTest());
	const creates = () => mock.requests('POST', '/contacts/create');
	const run = async (items: IDataObject[], options: INodeParameters, onError?: 'continueRegularOutput') =>
		await engine.run({ parameters: parameters({ options }), items, onError });

	test('a 429 pause also holds back requests that had already reserved a slot', async () => {
		// The second create (the first of the parallel ones) meets a 429 asking for 3 s.
		mock.server.injectFault(
			{ status: 429, headers: { 'Retry-After': '3' }, body: { success: false, message: 'Rate limit exceeded' } },
			{ path: '/api/v1/contacts/create', when: (request) => emailOf(request) === 'pause1@example.com' },
		);

		const result = await run(emails(6, 'pause'), { concurrency: 5, requestsPerSecond: 10 });

		expect(result.status).toBe('success');
		const limited = creates().find((request) => request.answeredWith === 429) as RecordedRequest;
		const during = creates().filter((request) => request.receivedAt > limited.receivedAt && request.receivedAt < limited.receivedAt + 2900);
		expect(during.map(emailOf)).toEqual([]);
		expect(mock.contacts).toHaveLength(6);
	}, 15000);

	test('without Continue On Fail, the error names the items created before the stop, with their ids', async () => {
		// Item 1 fails slowly, so items 2 to 4 complete while it is in flight.
		mock.server.injectFault(
			{ status: 400, body: { success: false, message: 'Invalid email address.' }, delayMs: 300 },
			{ path: '/api/v1/contacts/create', when: (request) => emailOf(request) === 'stop1@example.com' },
		);

		const result = await run(emails(5, 'stop'), { concurrency: 3, requestsPerSecond: 0 });

		expect(result.status).toBe('error');
		expect(result.error?.message).toBe('Invalid email address.');
		const created = mock.contacts.map((contact) => `item ${contact.email.replace(/\D/g, '')} (id ${contact.id})`).sort();
		expect(created).toHaveLength(4);
		expect(result.error?.description).toContain(`these items were already done and their contacts exist: ${created.join(', ')}.`);
	});
});

describe('Loops: the next items\' fields are resolved while the vendor answers', () => {
	const { mock, engine, parameters } = useVendor(loopsUnderTest());
	// The moment n8n resolved the item's fields, sent as its first name.
	const resolvedAt = (request: RecordedRequest) => Number((request.body as IDataObject).firstName);
	afterEach(() => {
		mock.server.latencyMs = 0;
	});

	test('with answers taking 300 ms, 2 at a time: items 3 to 5 were resolved while earlier items waited, each with its own values', async () => {
		mock.server.latencyMs = 300;
		const items = emails(6, 'ahead');

		const result = await engine.run({
			parameters: parameters({ additionalFields: { firstName: '={{ String(Date.now()) }}', lastName: '={{ $json.email }}' }, options: { concurrency: 2 } }),
			items,
		});

		expect(result.status).toBe('success');
		const sent = mock.requests('POST', '/contacts/create').sort((a, b) => emailOf(a).localeCompare(emailOf(b)));
		expect(sent.map(emailOf)).toEqual(items.map((item) => item.email));
		expect(sent.map((request) => (request.body as IDataObject).lastName)).toEqual(items.map((item) => item.email));
		// Read at its turn, an item's fields are resolved a few ms before its request; read ahead,
		// during the previous round's 300 ms wait.
		const lead = sent.slice(3).map((request) => request.receivedAt - resolvedAt(request));
		expect(lead.every((ms) => ms >= 150)).toBe(true);
	}, 15000);

	test("an expression that fails for one item is that item's error, as when it runs alone; the others are made", async () => {
		// n8n throws for a node that is not in the workflow (other errors in an expression read as empty).
		const fields = { additionalFields: { firstName: "={{ $json.name ?? $('No Such Node').item.json.name }}" } };
		const named = (count: number) => emails(count, 'named').map((item) => ({ ...item, name: 'Ada' }));
		const badItem = { email: 'unnamed@example.com' };
		const alone = await engine.run({ parameters: parameters(fields), items: [badItem], onError: 'continueRegularOutput' });
		const items = [...named(4), badItem, ...named(8).slice(4)];

		const result = await engine.run({ parameters: parameters({ ...fields, options: { concurrency: 3 } }), items, onError: 'continueRegularOutput' });

		expect(alone.items[0].json.error).toBe("Referenced node doesn't exist");
		expect(result.items.map((item) => item.json.error)).toEqual([undefined, undefined, undefined, undefined, alone.items[0].json.error, undefined, undefined, undefined]);
		expect(mock.contacts.map((contact) => contact.email).sort()).toEqual(named(8).map((item) => item.email).sort());
	});
});

describe('Voyado Engage: one wait budget per item', () => {
	const voyado = useVendor(voyadoUnderTest());

	test("Max Retry Wait bounds one item's waiting across all its requests (lookup, then create)", async () => {
		const unavailable = { status: 503, headers: { 'Retry-After': '1' }, body: { statusCode: 503, message: 'Service unavailable' } };
		voyado.server.injectFault(unavailable, { path: '/api/v3/contacts/id' });
		voyado.server.injectFault(unavailable, { path: voyado.createPath, method: 'POST' });

		const result = await voyado.engine.run({
			parameters: voyado.parameters({ options: { maxRetryWaitSeconds: 1.5 } }),
			items: [{ email: 'budget@example.com' }],
		});

		// The lookup waited 1 s; the create's 1 s more would exceed 1.5 s for the item.
		expect(result.error?.httpCode).toBe('503');
		expect(voyado.server.requestsTo('POST', voyado.createPath)).toHaveLength(1);
		expect(voyado.contacts()).toBe(0);
	});
});

describe('Intercom: its rate-limit window, read on its own clock', () => {
	const { mock, engine, parameters } = useVendor(intercomUnderTest());
	const run = async (items: IDataObject[], options: INodeParameters) =>
		await engine.run({ parameters: parameters({ options }), items, onError: 'continueRegularOutput' });

	test('a pause for a window that reopens later than Max Retry Wait fails the items at once, sending nothing', async () => {
		mock.windowLimit = 2;
		mock.windowMs = 3_600_000;
		const started = Date.now();

		const result = await run(emails(4, 'window'), { concurrency: 1, maxRetryWaitSeconds: 1 });

		expect(Date.now() - started).toBeLessThan(5000);
		expect(result.items.slice(0, 2).map((item) => item.json.outcome)).toEqual(['created', 'created']);
		expect(result.items.slice(2).map((item) => item.json.error)).toEqual([
			expect.stringMatching(/^Intercom asked to pause for \d+(\.\d)? s, longer than this item may still wait \(1 s\)$/),
			expect.stringMatching(/^Intercom asked to pause for/),
		]);
		expect(mock.requests('POST', '/contacts')).toHaveLength(2);
	});

	test.each([
		['an hour ahead', 3_600_000],
		['an hour behind', -3_600_000],
	])('a server clock %s neither stalls nor floods: every contact made, no 429', async (_label, skew) => {
		mock.clockSkewMs = skew;
		mock.windowLimit = 3;
		mock.windowMs = 1000;

		const result = await run(emails(8, 'skew'), { concurrency: 2, maxRetryWaitSeconds: 10 });

		expect(result.items.map((item) => item.json.outcome)).toEqual(Array.from({ length: 8 }, () => 'created'));
		expect(mock.requests('POST', '/contacts').filter((request) => request.answeredWith === 429)).toEqual([]);
		expect(mock.contacts).toHaveLength(8);
	}, 20000);
});

describe.each(allVendors())('$name: one credential read per execution', (vendor) => {
	useVendor(vendor);

	test('20 items, 5 at a time: n8n reads and decrypts the credential once, not once per request', async () => {
		const type = vendor.credentialType.name;
		const readsBefore = vendor.engine.credentials.reads.get(type) ?? 0;
		const items = Array.from({ length: 20 }, (_, i) => ({ email: `once${i}@example.com`, key: `once-${i}` }));

		const result = await vendor.engine.run({ parameters: vendor.parameters({ options: { concurrency: 5 } }), items });

		expect(result.status).toBe('success');
		expect(result.items.every((item) => vendor.isContact(item.json))).toBe(true);
		expect(vendor.server.requests.filter((request) => request.path.endsWith(vendor.createPath)).length).toBeGreaterThanOrEqual(20);
		expect((vendor.engine.credentials.reads.get(type) ?? 0) - readsBefore).toBe(1);
	});
});
