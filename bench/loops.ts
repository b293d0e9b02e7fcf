import { LoopsApi } from '../credentials/LoopsApi.credentials';
import { Loops } from '../nodes/Loops/Loops.node';
import { buildCreateContactBody } from '../nodes/Loops/mapping';
import { ItemChecks } from '../nodes/shared/validation';
import { TestEngine } from '../test/harness/engine';
import type { BenchVendor } from './common';
import { RemoteMock } from './remoteMock';

const FIELDS = {
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

export async function loopsBench(): Promise<BenchVendor> {
	const node = { id: '1', name: 'Loops', type: 'loops', typeVersion: 1, position: [0, 0] as [number, number], parameters: {} };
	const mock = new RemoteMock('loops.ts', 'LoopsMock', ['bench-key']);
	await mock.start();
	const engine = new TestEngine({ nodeType: new Loops(), credentialTypes: [new LoopsApi()] });
	engine.setCredential('loopsApi', { apiKey: 'bench-key', baseUrl: mock.baseUrl });
	return {
		label: 'Loops',
		engine,
		mock,
		createPath: '/api/v1/contacts/create',
		parameters: { resource: 'contact', operation: 'create', email: '={{ $json.email }}', ...FIELDS },
		item: (i) => ({ email: `user${i}@example.com` }),
		mapOne: (i) =>
			buildCreateContactBody(new ItemChecks(node, i), {
				email: `user${i}@example.com`,
				additionalFields: { ...FIELDS.additionalFields, userId: `usr_${i}` },
				customPropertiesMode: 'fields',
				customProperties: FIELDS.customProperties,
				customPropertiesJson: undefined,
			}),
		vendorLimits: async (on) => await mock.set('rateLimitPerSecond', on ? 10 : 1_000_000),
		documentedRate: 10,
	};
}
