import { SalesforceMarketingCloudApi } from '../credentials/SalesforceMarketingCloudApi.credentials';
import { buildCreateContactBody } from '../nodes/SalesforceMarketingCloud/mapping';
import { SalesforceMarketingCloud } from '../nodes/SalesforceMarketingCloud/SalesforceMarketingCloud.node';
import { ItemChecks } from '../nodes/shared/validation';
import { TestEngine } from '../test/harness/engine';
import type { BenchVendor } from './common';
import { RemoteMock } from './remoteMock';

const SETS = {
	emailAddresses: [{ emailAddress: 'acruz@example.com', htmlEnabled: true }],
	emailDemographics: [{ lastName: 'Cruz', firstName: 'Angela' }],
	mobileConnectDemographics: [{ mobileNumber: '317-531-5555', locale: 'US', status: 1 }],
};

export async function sfmcBench(): Promise<BenchVendor> {
	const node = { id: '1', name: 'SFMC', type: 'sfmc', typeVersion: 1, position: [0, 0] as [number, number], parameters: {} };
	const mock = new RemoteMock('sfmc.ts', 'SfmcMock', ['bench-client', 'bench-secret']);
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
	return {
		label: 'SFMC',
		engine,
		mock,
		createPath: '/contacts/v1/contacts',
		parameters: { resource: 'contact', operation: 'create', contactKey: '={{ $json.key }}', attributeSets: SETS },
		item: (i) => ({ key: `bench-${i}` }),
		mapOne: (i) =>
			buildCreateContactBody(new ItemChecks(node, i), {
				contactKey: `key-${i}`,
				contactID: undefined,
				attributeSetsMode: 'fields',
				attributeSets: SETS,
				profileAttributes: { attribute: [{ setName: 'Email Demographics', name: 'Tier', value: 'gold' }] },
				attributeSetsJson: undefined,
			}),
		vendorLimits: async () => undefined, // no published limit to model
		tokenRequests: async () => await mock.get<number>('tokenRequests'),
	};
}
