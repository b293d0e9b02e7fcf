import type { IDataObject } from 'n8n-workflow';

import { LoopsApi } from '../credentials/LoopsApi.credentials';
import { Loops } from '../nodes/Loops/Loops.node';
import { buildCreateContactBody } from '../nodes/Loops/mapping';
import { ItemChecks } from '../nodes/shared/validation';
import { TestEngine } from '../test/harness/engine';
import { LoopsMock } from '../test/mocks/loops';
import { measureEngineRun, microsecondsPerCall } from './common';

const FULL_FIELDS = {
	additionalFields: {
		firstName: 'Ada',
		lastName: 'Lovelace',
		source: 'Bench',
		subscribed: 'subscribe',
		userGroup: 'Founders',
		userId: '={{ "usr_" + $json.email }}',
		addToMailingLists: ['cm06f5v0e45nf0ml5754o9cix'],
	},
	customPropertiesMode: 'fields',
	customProperties: {
		property: [
			{ key: 'planName', type: 'string', stringValue: 'pro' },
			{ key: 'seats', type: 'number', numberValue: 3 },
			{ key: 'dateJoined', type: 'date', dateValue: '2024-01-08T10:00:00' },
		],
	},
};

export async function loopsBench(): Promise<IDataObject[]> {
	const node = { id: '1', name: 'Loops', type: 'loops', typeVersion: 1, position: [0, 0] as [number, number], parameters: {} };
	const mapping = microsecondsPerCall(20_000, (i) =>
		buildCreateContactBody(new ItemChecks(node, i), {
			email: `user${i}@example.com`,
			additionalFields: { ...FULL_FIELDS.additionalFields, userId: `usr_${i}` },
			customPropertiesMode: 'fields',
			customProperties: FULL_FIELDS.customProperties,
			customPropertiesJson: undefined,
		}),
	);

	const mock = new LoopsMock('bench-key');
	mock.rateLimitPerSecond = 1_000_000; // measure the node, not Loops' 10/s limit
	await mock.start();
	const engine = new TestEngine({ nodeType: new Loops(), credentialTypes: [new LoopsApi()] });
	engine.setCredential('loopsApi', { apiKey: 'bench-key', baseUrl: mock.baseUrl });
	const setup = {
		label: 'Loops',
		engine,
		server: mock.server,
		createPath: '/api/v1/contacts/create',
		parameters: { resource: 'contact', operation: 'create', email: '={{ $json.email }}', ...FULL_FIELDS },
		item: (i: number) => ({ email: `user${i}-${Date.now()}@example.com` }),
	};
	const rows: IDataObject[] = [{ case: 'Loops mapping + validation (full item)', items: 20000, 'µs/item': mapping.toFixed(1) }];
	for (const [items, latency] of [[200, 0], [1000, 0], [200, 50]]) rows.push(await measureEngineRun(setup, items, latency));
	await mock.stop();
	return rows;
}
