import type { IDataObject } from 'n8n-workflow';

import { IntercomContactsApi } from '../credentials/IntercomContactsApi.credentials';
import { Intercom } from '../nodes/Intercom/Intercom.node';
import { buildCreateContactBody } from '../nodes/Intercom/mapping';
import { ItemChecks } from '../nodes/shared/validation';
import { TestEngine } from '../test/harness/engine';
import { IntercomMock } from '../test/mocks/intercom';
import { measureEngineRun, microsecondsPerCall } from './common';

const FULL_FIELDS = {
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

export async function intercomBench(): Promise<IDataObject[]> {
	const node = { id: '1', name: 'Intercom', type: 'intercom', typeVersion: 1, position: [0, 0] as [number, number], parameters: {} };
	const mapping = microsecondsPerCall(20_000, (i) =>
		buildCreateContactBody(new ItemChecks(node, i), {
			role: 'user',
			email: `user${i}@example.com`,
			externalId: `ext-${i}`,
			additionalFields: FULL_FIELDS.additionalFields,
			customAttributesMode: 'fields',
			customAttributes: FULL_FIELDS.customAttributes,
			customAttributesJson: undefined,
		}),
	);

	const mock = new IntercomMock('bench-token');
	mock.windowLimit = 1_000_000; // measure the node, not the workspace limit
	await mock.start();
	const engine = new TestEngine({ nodeType: new Intercom(), credentialTypes: [new IntercomContactsApi()] });
	engine.setCredential('intercomContactsApi', { accessToken: 'bench-token', region: 'us', baseUrl: mock.baseUrl });
	const setup = {
		label: 'Intercom',
		engine,
		server: mock.server,
		createPath: '/contacts',
		parameters: { resource: 'contact', operation: 'create', email: '={{ $json.email }}', ...FULL_FIELDS },
		item: (i: number) => ({ email: `user${i}-${Date.now()}@example.com` }),
	};
	const rows: IDataObject[] = [{ case: 'Intercom mapping + validation (full item)', items: 20000, 'µs/item': mapping.toFixed(1) }];
	for (const [items, latency] of [[1000, 0], [200, 50]]) rows.push(await measureEngineRun(setup, items, latency));
	await mock.stop();
	return rows;
}
