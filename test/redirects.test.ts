import type { IDataObject } from 'n8n-workflow';

import { testCredential } from './harness/lookups';
import { allVendors } from './harness/vendors';
import { MockServer } from './mocks/server';

// Another host: a second loopback port, plain http, that must never see a request with a key.
const elsewhere = new MockServer(() => ({ status: 200, body: { success: true, id: 'stolen' } }));

beforeAll(async () => {
	await elsewhere.start();
});
afterAll(async () => {
	await elsewhere.stop();
});

describe.each(allVendors().map((vendor) => [vendor.name, vendor] as const))('%s: a credential never follows a redirect', (_name, vendor) => {
	beforeAll(async () => await vendor.start());
	afterAll(async () => await vendor.stop());
	beforeEach(() => {
		vendor.reset();
		elsewhere.clear();
	});

	const redirect = (path: string) => ({ status: 307, headers: { Location: `${elsewhere.url}${path}` } });

	test('a 307 on create is an error naming where it pointed; nothing reaches the other host', async () => {
		vendor.server.injectFault(redirect('/stolen'), { path: vendor.createPath, method: 'POST' });

		const result = await vendor.engine.run({
			parameters: vendor.parameters(),
			items: [{ email: 'redirected@example.com' }],
			onError: 'continueRegularOutput',
		});

		expect(elsewhere.requests).toEqual([]);
		expect(result.items).toHaveLength(1);
		expect(result.items[0].json.error).toBe(`${vendor.name} answered with a redirect to ${elsewhere.url}, which was not followed`);
		const details = result.items[0].json.details as IDataObject;
		expect(details.httpCode).toBe('307');
		expect(details.description).toContain('never follow a redirect');
		expect(vendor.contacts()).toBe(0);
	});

	test("the credential's Test button follows no redirect either", async () => {
		vendor.server.injectFault(redirect('/stolen'), { path: vendor.credentialTestPath, method: 'GET' });

		const outcome = await testCredential(vendor.engine, vendor.credentialType);

		expect(elsewhere.requests).toEqual([]);
		expect(outcome.status).toBe('Error');
		expect(outcome.message).toContain('redirect (HTTP 307)');
	});
});

test("Marketing Cloud's token request, which carries the client secret, follows no redirect", async () => {
	const sfmc = allVendors().find((vendor) => vendor.name === 'Salesforce Marketing Cloud');
	if (!sfmc) throw new Error('no SFMC vendor');
	await sfmc.start();
	try {
		sfmc.reset();
		elsewhere.clear();
		sfmc.server.injectFault({ status: 307, headers: { Location: `${elsewhere.url}/v2/token` } }, { path: '/v2/token', method: 'POST' });

		const result = await sfmc.engine.run({ parameters: sfmc.parameters(), items: [{ email: 'token@example.com' }] });

		expect(elsewhere.requests).toEqual([]);
		expect(result.status).toBe('error');
		expect(sfmc.contacts()).toBe(0);
	} finally {
		await sfmc.stop();
	}
});
