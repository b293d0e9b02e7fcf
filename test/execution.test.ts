/* eslint-disable @n8n/community-nodes/no-restricted-globals */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import type { OperationUnderTest, VendorUnderTest } from './harness/vendors';
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
		expect(result.error?.description).toContain(`these items were already done (their contacts exist): ${created.join(', ')}.`);
	});
});

/**
 * Stop, as n8n does it: the execution is cancelled through n8n-core's own handle (what the editor's
 * Stop button and the API's stop end in), which fires the cancel signal the node reads.
 */
async function runAndStop(vendor: VendorUnderTest, options: { items: IDataObject[]; parameters: INodeParameters; onError?: 'continueRegularOutput'; stopAfterMs: number }) {
	let stoppedAt = 0;
	const result = await vendor.engine.run({
		parameters: options.parameters,
		items: options.items,
		onError: options.onError,
		onStarted: (stop) => {
			setTimeout(() => {
				stoppedAt = Date.now();
				stop();
			}, options.stopAfterMs);
		},
	});
	const returnedAt = Date.now();
	// Anything still going on in the background would reach the mock now.
	await new Promise((resolve) => setTimeout(resolve, 1500));
	return {
		result,
		msToReturn: returnedAt - stoppedAt,
		// A request written just before Stop may land a little after it on a busy machine.
		requestsAfterStop: vendor.server.requests.filter((request) => request.receivedAt > stoppedAt + 100).length,
		// The mock shares this process's event loop: a request written before Stop can be read a
		// little after the node returned. Background work would keep sending for the whole wait.
		requestsAfterReturn: vendor.server.requests.filter((request) => request.receivedAt > returnedAt + 500).length,
	};
}

const manyItems = (count: number) => Array.from({ length: count }, (_, i) => ({ email: `queued${i}@example.com`, key: `queued-${i}` }));

describe.each(allVendors())('$name: Stop stops', (vendor) => {
	useVendor(vendor);
	afterEach(() => {
		vendor.server.latencyMs = 0;
	});

	test.each([
		['with Continue On Fail', 'continueRegularOutput' as const],
		['without Continue On Fail', undefined],
	])('10,000 items queued, %s: the node returns within 1 s of Stop, sends nothing after it, and reports no item as done', async (_label, onError) => {
		vendor.server.latencyMs = 200;
		// Each item's options record, through n8n's own $execution.customData, the last item that started.
		const options = { maxAttempts: '={{ ($execution.customData.set("lastStarted", $itemIndex), 4) }}' };

		const stopped = await runAndStop(vendor, { items: manyItems(10_000), parameters: vendor.parameters({ options }), onError, stopAfterMs: 700 });

		expect(stopped.result.status).toBe('canceled');
		expect(stopped.msToReturn).toBeLessThan(1000);
		expect(stopped.requestsAfterStop).toBe(0);
		expect(stopped.requestsAfterReturn).toBe(0);
		// No item is reported as done: without Continue On Fail there is no output; with it, n8n
		// passes the node's input items on as they came (its rule for a node that threw), none of
		// them a contact.
		const inputsOnly = stopped.result.items.every((item) => Object.keys(item.json).sort().join() === 'email,key');
		expect(inputsOnly).toBe(true);
		if (!onError) expect(stopped.result.items).toEqual([]);
		// No item started after Stop: the last one that started is among those that reached the vendor.
		const lastStarted = Number(stopped.result.run.data.resultData.metadata?.lastStarted);
		const itemsSent = new Set(vendor.server.requests.map(vendor.itemOf)).size;
		expect(lastStarted).toBeLessThan(itemsSent + 10);
		expect(vendor.contacts()).toBeLessThan(200);
	}, 20000);
});

describe('Loops: Stop ends every wait at once', () => {
	const loops = useVendor(loopsUnderTest());
	const { mock } = loops;

	test('a 60 s rate-limit pause pending (429 with Retry-After: 60): the node returns within 1 s of Stop', async () => {
		mock.server.injectFault(
			{ status: 429, headers: { 'Retry-After': '60' }, body: { success: false, message: 'Rate limit exceeded' } },
			// The first of the parallel items: the others then wait in the pause.
			{ path: '/api/v1/contacts/create', times: 1, when: (request) => emailOf(request) === 'queued1@example.com' },
		);

		const stopped = await runAndStop(loops, {
			items: manyItems(10_000),
			parameters: loops.parameters({ options: { maxRetryWaitSeconds: 120 } }),
			onError: 'continueRegularOutput',
			stopAfterMs: 1000,
		});

		expect(stopped.result.status).toBe('canceled');
		expect(stopped.msToReturn).toBeLessThan(1000);
		expect(mock.requests('POST', '/contacts/create')).toHaveLength(2);
		expect(stopped.requestsAfterReturn).toBe(0);
	}, 20000);

	test('a slow pace (Max Requests per Second 0.5, 5 in parallel): the items waiting for their slot end at Stop', async () => {
		const stopped = await runAndStop(loops, {
			items: manyItems(10),
			parameters: loops.parameters({ options: { requestsPerSecond: 0.5 } }),
			stopAfterMs: 1000,
		});

		expect(stopped.result.status).toBe('canceled');
		expect(stopped.msToReturn).toBeLessThan(1000);
		expect(stopped.requestsAfterStop).toBe(0);
		expect(mock.requests('POST', '/contacts/create')).toHaveLength(1);
	}, 20000);

	test('a retry wait pending (503 with Retry-After: 30), one item at a time: the node returns within 1 s of Stop, without the retry', async () => {
		mock.server.injectFault(
			{ status: 503, headers: { 'Retry-After': '30' }, body: { success: false, message: 'Unavailable' } },
			{ path: '/api/v1/contacts/create' },
		);

		const stopped = await runAndStop(loops, {
			items: manyItems(3),
			parameters: loops.parameters({ options: { concurrency: 1, maxRetryWaitSeconds: 120 } }),
			stopAfterMs: 800,
		});

		expect(stopped.result.status).toBe('canceled');
		expect(stopped.msToReturn).toBeLessThan(1000);
		expect(stopped.requestsAfterStop).toBe(0);
		expect(mock.requests('POST', '/contacts/create')).toHaveLength(1);
	}, 20000);

	test('requests in flight (answers taking 20 s) are aborted: the node returns within 1 s of Stop', async () => {
		mock.server.latencyMs = 20_000;
		try {
			const stopped = await runAndStop(loops, {
				items: manyItems(20),
				parameters: loops.parameters({ options: { concurrency: 5, requestsPerSecond: 0 } }),
				onError: 'continueRegularOutput',
				stopAfterMs: 500,
			});

			expect(stopped.result.status).toBe('canceled');
			expect(stopped.msToReturn).toBeLessThan(1000);
			expect(mock.requests('POST', '/contacts/create')).toHaveLength(1);
		} finally {
			mock.server.latencyMs = 0;
		}
	}, 20000);
});

describe('Voyado Engage: Stop ends its wait for a contact being created', () => {
	const voyado = useVendor(voyadoUnderTest());

	test('Create or Update meets ContactWithKeyIsBeingCreated and waits: Stop ends the wait, nothing more is sent', async () => {
		voyado.server.injectFault(
			{ status: 409, body: { statusCode: 409, errorCode: 'ContactWithKeyIsBeingCreated', message: 'A contact with this key is being created' } },
			{ path: voyado.createPath, method: 'POST' },
		);
		const upsert = voyado.lifecycle?.find((operation) => operation.operation === 'upsert');

		const stopped = await runAndStop(voyado, {
			items: manyItems(1),
			parameters: (upsert as OperationUnderTest).parameters(),
			stopAfterMs: 600,
		});

		expect(stopped.result.status).toBe('canceled');
		expect(stopped.msToReturn).toBeLessThan(1000);
		expect(stopped.requestsAfterStop).toBe(0);
	}, 20000);
});

describe('Loops: expressions are n8n\'s, evaluated when their item runs', () => {
	const loops = useVendor(loopsUnderTest());
	// Each evaluation of the Email field counts itself in n8n's own $execution.customData.
	const countedEmail = '={{ ($execution.customData.set("reads", String(Number($execution.customData.get("reads") ?? 0) + 1)), $execution.customData.set("last", String($itemIndex)), $json.email) }}';

	test('each item\'s fields are read once, when it starts; after a failing item stops the node, the items that never ran are never read', async () => {
		const items = [{ email: 'a0@example.com' }, { email: 'not an email' }, { email: 'a2@example.com' }, { email: 'a3@example.com' }, { email: 'a4@example.com' }, { email: 'a5@example.com' }];

		// Options too: every option but the run's own two (Parallel Requests, pace) is its item's.
		const countedAttempts = '={{ ($execution.customData.set("optionReads", String(Number($execution.customData.get("optionReads") ?? 0) + 1)), 4) }}';
		const options = { concurrency: 2, requestsPerSecond: 0, maxAttempts: countedAttempts };

		const result = await loops.engine.run({ parameters: loops.parameters({ email: countedEmail, options }), items });

		// Item 0 runs alone; items 1 and 2 start together; item 1 fails, so 3 to 5 never start.
		expect(result.error?.message).toMatch(/^Email: "not an email" is not a valid email address/);
		expect(result.run.data.resultData.metadata).toEqual({ reads: '3', last: '2', optionReads: '3' });
		expect(loops.mock.contacts.map((contact) => contact.email).sort()).toEqual(['a0@example.com', 'a2@example.com']);
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

	test('a credential read that fails leaves the pacer alone: the next 5 requests use a window of 5 without a pause', async () => {
		mock.windowLimit = 5;
		mock.windowMs = 60_000;
		engine.credentials.failNextReads = 1;

		const result = await run(emails(6, 'leak'), { concurrency: 1, maxRetryWaitSeconds: 1 });

		expect(result.items[0].json.error).toMatch(/^Could not read the credential/);
		expect(result.items.slice(1).map((item) => item.json.outcome ?? item.json.error)).toEqual(['created', 'created', 'created', 'created', 'created']);
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

describe.each([
	{ vendor: loopsUnderTest(), typesPath: '/api/v1/contacts/properties', rows: { customPropertiesMode: 'fields', customProperties: { property: [{ key: 'seats', value: '12' }] } } },
	{ vendor: intercomUnderTest(), typesPath: '/data_attributes', rows: { customAttributesMode: 'fields', customAttributes: { attribute: [{ name: 'seats', value: '12' }] } } },
])('$vendor.name: a failure shared by items waiting on one read blames each item', ({ vendor, typesPath, rows }) => {
	useVendor(vendor);

	test("the account's field types cannot be read: with Continue On Fail, 4 items at 3 in parallel each get the error with their own index", async () => {
		vendor.server.injectFault({ status: 500, body: { message: 'Internal error' }, delayMs: 100 }, { path: typesPath, times: 2 });
		const items = Array.from({ length: 4 }, (_, i) => ({ email: `shared${i}@example.com`, key: `shared-${i}` }));
		const options = { concurrency: 3, requestsPerSecond: 0, maxAttempts: 1 };

		const result = await vendor.engine.run({ parameters: vendor.parameters({ ...rows, options } as INodeParameters), items, onError: 'continueRegularOutput' });

		// Item 0 runs alone and fails; items 1 to 3 start together and wait on one read, which fails too.
		expect(vendor.server.requests.filter((request) => request.path === typesPath)).toHaveLength(2);
		expect(result.items.map((item) => (item.json.details as IDataObject).httpCode)).toEqual(['500', '500', '500', '500']);
		expect(result.items.map((item) => (item.json.details as IDataObject).itemIndex)).toEqual([0, 1, 2, 3]);
	});
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
