import { ItemChecks } from '../nodes/shared/validation';
import { VoyadoEngageApi } from '../credentials/VoyadoEngageApi.credentials';
import { buildCreateContactRequest } from '../nodes/VoyadoEngage/mapping';
import { VoyadoEngage } from '../nodes/VoyadoEngage/VoyadoEngage.node';
import { TestEngine } from '../test/harness/engine';
import type { BenchVendor } from './common';
import { RemoteMock } from './remoteMock';

const FIELDS = {
	contactType: 'Member',
	additionalFields: { firstName: 'Example', lastName: 'Person', countryCode: 'SE', birthDay: '1966-06-26', lang: 'en' },
	preferences: { acceptsEmail: true, acceptsSms: false },
	consents: { consent: [{ id: 'memberConsent', value: true, source: 'ECOM' }] },
};

export async function voyadoBench(): Promise<BenchVendor> {
	const node = { id: '1', name: 'Voyado', type: 'voyado', typeVersion: 1, position: [0, 0] as [number, number], parameters: {} };
	const mock = new RemoteMock('voyado.ts', 'VoyadoMock', ['bench-key']);
	await mock.start();
	const engine = new TestEngine({ nodeType: new VoyadoEngage(), credentialTypes: [new VoyadoEngageApi()] });
	engine.setCredential('voyadoEngageApi', { tenant: 'bench', apiKey: 'bench-key', baseUrlOverride: mock.baseUrl });
	return {
		label: 'Voyado (check first)',
		engine,
		mock,
		createPath: '/api/v3/contacts',
		parameters: { resource: 'contact', operation: 'create', email: '={{ $json.email }}', ...FIELDS },
		item: (i) => ({ email: `user${i}@example.com` }),
		mapOne: (i) =>
			buildCreateContactRequest(new ItemChecks(node, i), {
				contactType: 'Member',
				keyField: 'email',
				topKeys: { email: `user${i}@example.com`, mobilePhone: '', externalId: '', socialSecurityNumber: '' },
				additionalFields: FIELDS.additionalFields,
				preferences: FIELDS.preferences,
				consents: FIELDS.consents,
				extraAttributesMode: 'none',
				extraAttributes: {},
				extraAttributesJson: undefined,
				queryParameters: { source: 'bench', storeExternalId: '444' },
			}),
		vendorLimits: async (on) => await mock.set('rateLimitPerSecond', on ? 200 : 1_000_000),
		documentedRate: 40,
	};
}
