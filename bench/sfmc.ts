import type { IDataObject } from 'n8n-workflow';

import { SalesforceMarketingCloudApi } from '../credentials/SalesforceMarketingCloudApi.credentials';
import { buildCreateContactBody } from '../nodes/SalesforceMarketingCloud/mapping';
import { SalesforceMarketingCloud } from '../nodes/SalesforceMarketingCloud/SalesforceMarketingCloud.node';
import { ItemChecks } from '../nodes/shared/validation';
import { TestEngine } from '../test/harness/engine';
import { SfmcMock } from '../test/mocks/sfmc';
import { measureEngineRun, microsecondsPerCall } from './common';

const SETS = {
	emailAddresses: [{ emailAddress: 'acruz@example.com', htmlEnabled: true }],
	emailDemographics: [{ lastName: 'Cruz', firstName: 'Angela' }],
	mobileConnectDemographics: [{ mobileNumber: '317-531-5555', locale: 'US', status: 1 }],
};

export async function sfmcBench(): Promise<IDataObject[]> {
	const node = { id: '1', name: 'SFMC', type: 'sfmc', typeVersion: 1, position: [0, 0] as [number, number], parameters: {} };
	const mapping = microsecondsPerCall(20_000, (i) =>
		buildCreateContactBody(new ItemChecks(node, i), {
			contactKey: `key-${i}`,
			contactID: undefined,
			attributeSetsMode: 'fields',
			attributeSets: SETS,
			profileAttributes: { attribute: [{ setName: 'Email Demographics', name: 'Tier', value: 'gold' }] },
			attributeSetsJson: undefined,
		}),
	);

	const mock = new SfmcMock('bench-client', 'bench-secret');
	await mock.start();
	const engine = new TestEngine({ nodeType: new SalesforceMarketingCloud(), credentialTypes: [new SalesforceMarketingCloudApi()] });
	engine.setCredential('salesforceMarketingCloudApi', {
		subdomain: 'mc563885gzs27c5t9-63k636ttgm',
		clientId: 'bench-client',
		clientSecret: 'bench-secret',
		authBaseUrl: mock.baseUrl,
		accessToken: '',
		restInstanceUrl: '',
	});
	const setup = {
		label: 'SFMC',
		engine,
		server: mock.server,
		createPath: '/contacts/v1/contacts',
		parameters: { resource: 'contact', operation: 'create', contactKey: '={{ $json.key }}', attributeSets: SETS },
		item: (i: number) => ({ key: `bench-${i}-${Date.now()}` }),
		tokenRequests: () => mock.tokenRequests,
	};
	const rows: IDataObject[] = [{ case: 'SFMC mapping + validation (3 sets)', items: 20000, 'µs/item': mapping.toFixed(1) }];
	for (const [items, latency] of [[1000, 0], [200, 50]]) rows.push(await measureEngineRun(setup, items, latency));
	await mock.stop();
	return rows;
}
