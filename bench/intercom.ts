import { IntercomContactsApi } from '../credentials/IntercomContactsApi.credentials';
import { Intercom } from '../nodes/Intercom/Intercom.node';
import { buildCreateContactBody } from '../nodes/Intercom/mapping';
import { ItemChecks } from '../nodes/shared/validation';
import { TestEngine } from '../test/harness/engine';
import type { BenchVendor } from './common';
import { RemoteMock } from './remoteMock';

const FIELDS = {
	role: 'user',
	external_id: '={{ "ext-" + $json.email }}',
	additionalFields: {
		name: 'Joe Bloggs',
		phone: '+353871234567',
		avatar: 'https://example.org/a.jpg',
		signed_up_at: '2024-01-08T10:51:06Z',
		owner_id: '991267466',
		unsubscribed_from_emails: false,
	},
	customAttributesMode: 'fields',
	customAttributes: {
		attribute: [
			{ name: 'plan', type: 'string', stringValue: 'pro' },
			{ name: 'seats', type: 'integer', numberValue: 3 },
			{ name: 'trial_ends', type: 'date', dateValue: '2024-02-01' },
		],
	},
};

/** The bench's Intercom window: 500 requests per 10 seconds (50/s), paced by the X-RateLimit-* headers. */
const WINDOW = { limit: 500, ms: 10_000 };

export async function intercomBench(): Promise<BenchVendor> {
	const node = { id: '1', name: 'Intercom', type: 'intercom', typeVersion: 1, position: [0, 0] as [number, number], parameters: {} };
	const mock = new RemoteMock('intercom.ts', 'IntercomMock', ['bench-token']);
	await mock.start();
	const engine = new TestEngine({ nodeType: new Intercom(), credentialTypes: [new IntercomContactsApi()] });
	engine.setCredential('intercomContactsApi', { accessToken: 'bench-token', region: 'us', baseUrl: mock.baseUrl });
	return {
		label: 'Intercom',
		engine,
		mock,
		createPath: '/contacts',
		parameters: { resource: 'contact', operation: 'create', email: '={{ $json.email }}', ...FIELDS },
		item: (i) => ({ email: `user${i}@example.com` }),
		mapOne: (i) =>
			buildCreateContactBody(new ItemChecks(node, i), {
				role: 'user',
				email: `user${i}@example.com`,
				externalId: `ext-${i}`,
				additionalFields: FIELDS.additionalFields,
				customAttributesMode: 'fields',
				customAttributes: FIELDS.customAttributes,
				customAttributesJson: undefined,
			}),
		vendorLimits: async (on) => {
			await mock.set('windowLimit', on ? WINDOW.limit : 1_000_000);
			await mock.set('windowMs', WINDOW.ms);
		},
		documentedRate: (WINDOW.limit * 1000) / WINDOW.ms,
	};
}
