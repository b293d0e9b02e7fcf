/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-deprecated-workflow-functions */
// Our credentials in a custom API call, as n8n's HTTP Request node makes one with Authentication >
// Predefined Credential Type: `this.helpers.requestWithAuthentication(type, { uri, ... })` with the
// absolute URL the user typed, every item at once. The node below makes that same call (the real
// HTTP Request node runs in the e2e, on n8n 1.x and 2.x); n8n-core's request helpers and the
// credential logic are the real ones.
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { LoopsApi } from '../credentials/LoopsApi.credentials';
import { SalesforceMarketingCloudApi } from '../credentials/SalesforceMarketingCloudApi.credentials';
import { TestEngine } from './harness/engine';
import { registerSecrets } from './harness/scanRecorder';
import { LoopsMock } from './mocks/loops';
import { SfmcMock } from './mocks/sfmc';

/** Like the HTTP Request node: GET the item's `url` with the credential `type`, all items in parallel. */
function customCallNode(type: string): INodeType {
	const description: INodeTypeDescription = {
		displayName: 'Custom Call',
		name: 'customCall',
		group: ['transform'],
		version: 1,
		description: 'GET a URL with a predefined credential',
		defaults: { name: 'Custom Call' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: type, required: true }],
		properties: [],
	};
	return {
		description,
		async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
			const items = this.getInputData();
			const answers = await Promise.allSettled(
				items.map(async (item, itemIndex) =>
					(await this.helpers.requestWithAuthentication.call(this, type, { method: 'GET', uri: item.json.url as string, json: true }, undefined, itemIndex)) as IDataObject,
				),
			);
			return [
				answers.map((answer, itemIndex) => ({
					json: answer.status === 'fulfilled' ? { answer: answer.value } : { error: String((answer.reason as Error).message) },
					pairedItem: { item: itemIndex },
				})),
			];
		},
	};
}

describe('Marketing Cloud credential in a custom API call', () => {
	const secret = ['sfmc', 'custom', process.pid].join('-');
	registerSecrets([secret]);
	const mock = new SfmcMock('custom-client', secret);
	const engine = new TestEngine({ nodeType: customCallNode('salesforceMarketingCloudApi'), credentialTypes: [new SalesforceMarketingCloudApi()] });

	beforeAll(async () => await mock.start());
	afterAll(async () => {
		registerSecrets(mock.everIssuedTokens);
		await mock.stop();
	});
	beforeEach(() => {
		mock.reset();
		engine.setCredential('salesforceMarketingCloudApi', {
			subdomain: 'mc563885gzs27c5t9-63k636ttgm',
			clientId: 'custom-client',
			clientSecret: secret,
			authBaseUrl: mock.baseUrl,
			accessToken: '',
			restInstanceUrl: '',
		});
	});

	test('five items at once: one token, fetched by the credential and shared; every request authenticated; the next run reuses it', async () => {
		const items = Array.from({ length: 5 }, () => ({ url: `${mock.baseUrl}/contacts/v1/attributeSetDefinitions` }));

		const first = await engine.run({ parameters: {}, items });

		expect(first.items.map((item) => item.json.error)).toEqual([undefined, undefined, undefined, undefined, undefined]);
		expect(mock.tokenRequests).toBe(1);
		const calls = mock.server.requestsTo('GET', '/contacts/v1/attributeSetDefinitions');
		expect(calls).toHaveLength(5);
		expect(new Set(calls.map((call) => call.headers.authorization))).toEqual(new Set([`Bearer ${mock.everIssuedTokens[0]}`]));

		await engine.run({ parameters: {}, items: items.slice(0, 2) });
		expect(mock.tokenRequests).toBe(1);
	});

	test('a URL on another host is refused before anything is sent, naming the hosts the key may go to', async () => {
		const elsewhere = new LoopsMock('unused');
		await elsewhere.start();
		try {
			const result = await engine.run({ parameters: {}, items: [{ url: `${elsewhere.server.url}/steal` }] });

			expect(result.items[0].json.error).toMatch(/^This credential sends its key only to .*marketingcloudapis\.com.*, not to http:\/\/127\.0\.0\.1:\d+/);
			expect(elsewhere.server.requests).toHaveLength(0);
		} finally {
			await elsewhere.stop();
		}
	});
});

describe('Loops credential in a custom API call', () => {
	const key = ['loops', 'custom', process.pid].join('-');
	registerSecrets([key]);
	const mock = new LoopsMock(key);
	const engine = new TestEngine({ nodeType: customCallNode('loopsApi'), credentialTypes: [new LoopsApi()] });

	beforeAll(async () => await mock.start());
	afterAll(async () => await mock.stop());
	beforeEach(() => {
		mock.reset();
		engine.setCredential('loopsApi', { apiKey: key, baseUrl: mock.baseUrl });
	});

	test('the key is attached on the credential\'s host, and a redirect is not followed with it', async () => {
		mock.server.injectFault({ status: 302, headers: { location: 'http://127.0.0.1:1/elsewhere' } }, { path: '/api/v1/lists' });

		const result = await engine.run({ parameters: {}, items: [{ url: `${mock.baseUrl}/api-key` }, { url: `${mock.baseUrl}/lists` }] });

		expect(result.items[0].json.error).toBeUndefined();
		expect(mock.server.requestsTo('GET', '/api/v1/api-key')[0].headers.authorization).toBe(`Bearer ${key}`);
		expect(result.items[1].json.error).toMatch(/302/);
		expect(mock.server.requests).toHaveLength(2);
	});
});
