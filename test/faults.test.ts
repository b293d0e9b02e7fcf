import type { IDataObject } from 'n8n-workflow';

import type { MockReply, RecordedRequest } from './mocks/server';
import type { VendorUnderTest } from './harness/vendors';
import { allVendors } from './harness/vendors';

const ITEMS = 6;
const MAX_ATTEMPTS = 3;
// Fast retries and a short timeout, so the suite runs in seconds; bounds as a user would set them.
const OPTIONS = { maxAttempts: MAX_ATTEMPTS, firstRetryDelaySeconds: 0.05, maxRetryWaitSeconds: 10, timeoutSeconds: 1, concurrency: 3 };

interface Fault {
	name: string;
	reply: (vendor: VendorUnderTest) => MockReply;
	/** Items hit by the fault: recover by retrying, or end as error items (never retried). */
	outcome: 'recovers' | 'fails';
	vendors?: string[];
}

const FAULTS: Fault[] = [
	{ name: '429 with Retry-After', reply: (v) => ({ status: 429, headers: { 'Retry-After': '0' }, body: v.rateLimitBody }), outcome: 'recovers' },
	{ name: '429 without Retry-After', reply: (v) => ({ status: 429, body: v.rateLimitBody }), outcome: 'recovers' },
	{ name: '500', reply: () => ({ status: 500, body: { message: 'Internal server error' } }), outcome: 'recovers' },
	{ name: '502', reply: () => ({ status: 502, raw: '<html><body>502 Bad Gateway</body></html>' }), outcome: 'recovers' },
	{ name: '503', reply: () => ({ status: 503, body: { message: 'Service unavailable' } }), outcome: 'recovers' },
	{ name: '504', reply: () => ({ status: 504, body: { message: 'Gateway timeout' } }), outcome: 'recovers' },
	{ name: 'connection reset', reply: () => ({ status: 0, reset: true }), outcome: 'recovers' },
	{ name: 'request that times out', reply: () => ({ status: 0, hang: true }), outcome: 'recovers' },
	// The vendor stores the contact, then its answer is lost: a re-send must not make a second one.
	{ name: 'contact stored, then the connection reset', reply: () => ({ status: 0, reset: true, afterActing: true }), outcome: 'recovers' },
	{ name: 'contact stored, then 504', reply: () => ({ status: 504, body: { message: 'Gateway timeout' }, afterActing: true }), outcome: 'recovers' },
	{ name: 'HTML error page', reply: () => ({ status: 500, raw: '<!DOCTYPE html><html><h1>Something went wrong</h1></html>' }), outcome: 'recovers' },
	{ name: 'non-JSON 200', reply: () => ({ status: 200, raw: 'OK' }), outcome: 'fails' },
	{ name: 'empty 200', reply: () => ({ status: 200, raw: '' }), outcome: 'fails' },
	{
		name: '200 with hasErrors',
		reply: () => ({ status: 200, body: { operationStatus: 'FAIL', hasErrors: true, resultMessages: [{ resultClass: 'Error', resultCode: 'X', message: 'Rejected' }] } }),
		outcome: 'fails',
		vendors: ['Salesforce Marketing Cloud'],
	},
];

describe.each(allVendors().map((vendor) => [vendor.name, vendor] as const))('%s under faults', (_name, vendor) => {
	beforeAll(async () => await vendor.start());
	afterAll(async () => await vendor.stop());
	beforeEach(() => vendor.reset());

	const items = (label: string): IDataObject[] =>
		Array.from({ length: ITEMS }, (_, i) => ({ email: `${label.replace(/\W+/g, '-')}-${i}@example.com` }));

	function attemptsPerItem(): number[] {
		const counts = new Map<string, number>();
		for (const request of vendor.server.requestsTo('POST', vendor.createPath)) {
			counts.set(vendor.itemOf(request), (counts.get(vendor.itemOf(request)) ?? 0) + 1);
		}
		return [...counts.values()];
	}

	test.each(FAULTS.filter((fault) => !fault.vendors || fault.vendors.includes(vendor.name)).map((fault) => [fault.name, fault] as const))(
		'%s: every item ends as one contact or one error, no duplicates, attempts bounded',
		async (_fault, fault) => {
			const hits = 2;
			vendor.server.injectFault(fault.reply(vendor), { path: vendor.createPath, method: 'POST', times: hits });

			const result = await vendor.engine.run({
				parameters: vendor.parameters({ options: OPTIONS }),
				items: items(fault.name),
				onError: 'continueRegularOutput',
			});

			expect(result.status).toBe('success');
			expect(result.items.map((item) => item.pairedItem)).toEqual(Array.from({ length: ITEMS }, (_, item) => ({ item })));
			const contacts = result.items.filter((item) => vendor.isContact(item.json));
			const errors = result.items.filter((item) => typeof item.json.error === 'string');
			expect(contacts.length + errors.length).toBe(ITEMS);
			expect(errors).toHaveLength(fault.outcome === 'recovers' ? 0 : hits);
			// A contact the item's own lost attempt created is reported as created, not as existing.
			expect(result.items.filter((item) => item.json.outcome === 'existing')).toEqual([]);
			expect(vendor.duplicates()).toBe(0);
			expect(vendor.contacts()).toBe(contacts.length);
			expect(Math.max(...attemptsPerItem())).toBeLessThanOrEqual(MAX_ATTEMPTS);
		},
		20000,
	);

	test('a fault that never clears: every item fails after exactly the configured attempts', async () => {
		vendor.server.injectFault({ status: 503, body: { message: 'Service unavailable' } }, { path: vendor.createPath, method: 'POST', times: 1000 });

		const result = await vendor.engine.run({ parameters: vendor.parameters({ options: OPTIONS }), items: items('down'), onError: 'continueRegularOutput' });

		expect(result.items).toHaveLength(ITEMS);
		expect(result.items.every((item) => typeof item.json.error === 'string')).toBe(true);
		expect(result.items.map((item) => (item.json.details as IDataObject).description)).toEqual(
			Array.from({ length: ITEMS }, () => expect.stringContaining(`after ${MAX_ATTEMPTS} attempts`)),
		);
		expect(attemptsPerItem()).toEqual(Array.from({ length: ITEMS }, () => MAX_ATTEMPTS));
		expect(vendor.contacts()).toBe(0);
	}, 20000);
});

const withLifecycle = allVendors().flatMap((vendor) => (vendor.lifecycle ?? []).map((operation) => [`${vendor.name} ${operation.operation}`, vendor, operation] as const));

describe.each(withLifecycle)('%s under faults', (_name, vendor, operation) => {
	beforeAll(async () => await vendor.start());
	afterAll(async () => await vendor.stop());
	beforeEach(() => vendor.reset());

	const items = (label: string): IDataObject[] =>
		Array.from({ length: ITEMS }, (_, i) => ({ email: `${operation.operation}-${label.replace(/\W+/g, '-')}-${i}@example.com` }));

	const targeted = (request: RecordedRequest) =>
		request.method === operation.method &&
		(typeof operation.path === 'string' ? request.path === operation.path : operation.path.test(request.path));

	function attemptsPerItem(): number[] {
		const counts = new Map<string, number>();
		for (const request of vendor.server.requests.filter(targeted)) {
			counts.set(operation.itemOf(request), (counts.get(operation.itemOf(request)) ?? 0) + 1);
		}
		return [...counts.values()];
	}

	async function runWith(fault: MockReply, times: number, label: string) {
		const input = items(label);
		operation.seed?.(input.map((item) => String(item.email)));
		vendor.server.injectFault(fault, { when: targeted, times });
		const result = await vendor.engine.run({ parameters: operation.parameters({ options: OPTIONS }), items: input, onError: 'continueRegularOutput' });
		return { input, result };
	}

	test.each(FAULTS.filter((fault) => !fault.vendors || fault.vendors.includes(vendor.name)).map((fault) => [fault.name, fault] as const))(
		'%s: every item ends as one output or one error, each contact stored once, attempts bounded',
		async (_fault, fault) => {
			const hits = 2;
			const { input, result } = await runWith(fault.reply(vendor), hits, fault.name);
			const recovers = fault.outcome === 'recovers' || (fault.name === 'empty 200' && operation.emptyAnswerIsSuccess === true);

			expect(result.status).toBe('success');
			expect(result.items.map((item) => item.pairedItem)).toEqual(input.map((_, item) => ({ item })));
			const outputs = result.items.filter((item) => operation.isOutput(item.json));
			const errors = result.items.filter((item) => typeof item.json.error === 'string');
			expect(outputs.length + errors.length).toBe(ITEMS);
			expect(errors).toHaveLength(recovers ? 0 : hits);
			expect(vendor.duplicates()).toBe(0);
			// Update and Get never create; Create or Update makes exactly the contacts it reports;
			// Delete removes exactly those it reports (an empty 200 Engage's success, the mock's did not act).
			const notActed = fault.name === 'empty 200' && recovers ? hits : 0;
			expect(vendor.contacts()).toBe(operation.creates ? outputs.length : operation.removes ? ITEMS - outputs.length + notActed : ITEMS);
			expect(Math.max(...attemptsPerItem())).toBeLessThanOrEqual(MAX_ATTEMPTS);
		},
		20000,
	);

	test('a fault that never clears: every item fails after exactly the configured attempts', async () => {
		await runWith({ status: 503, body: { message: 'Service unavailable' } }, 1000, 'down');

		expect(attemptsPerItem()).toEqual(Array.from({ length: ITEMS }, () => MAX_ATTEMPTS));
		expect(vendor.contacts()).toBe(operation.creates ? 0 : ITEMS);
	}, 20000);
});
