/* eslint-disable @n8n/community-nodes/no-restricted-globals */
import type { IDataObject } from 'n8n-workflow';

import { LoopsApi } from '../credentials/LoopsApi.credentials';
import { Loops } from '../nodes/Loops/Loops.node';
import { buildCreateContactBody } from '../nodes/Loops/mapping';
import { ItemChecks } from '../nodes/shared/validation';
import { TestEngine } from '../test/harness/engine';
import { LoopsMock } from '../test/mocks/loops';

const FULL_ITEM = {
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

function mappingMicroseconds(): number {
	const node = { id: '1', name: 'Loops', type: 'loops', typeVersion: 1, position: [0, 0] as [number, number], parameters: {} };
	const rounds = 20_000;
	const started = process.hrtime.bigint();
	for (let i = 0; i < rounds; i++) {
		buildCreateContactBody(new ItemChecks(node, i), {
			email: `user${i}@example.com`,
			additionalFields: FULL_ITEM.additionalFields,
			customPropertiesMode: 'fields',
			customProperties: FULL_ITEM.customProperties,
			customPropertiesJson: undefined,
		});
	}
	return Number(process.hrtime.bigint() - started) / 1000 / rounds;
}

async function engineRun(items: number, latencyMs: number): Promise<IDataObject> {
	const mock = new LoopsMock('bench-key');
	mock.rateLimitPerSecond = 1_000_000; // measure the node, not the vendor's limit
	mock.server.latencyMs = latencyMs;
	await mock.start();
	const engine = new TestEngine({ nodeType: new Loops(), credentialTypes: [new LoopsApi()] });
	engine.setCredential('loopsApi', { apiKey: 'bench-key', baseUrl: mock.baseUrl });
	const input = Array.from({ length: items }, (_, i) => ({ email: `user${i}@example.com` }));
	let peakRss = process.memoryUsage().rss;
	const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);
	const started = Date.now();
	const result = await engine.run({
		parameters: { resource: 'contact', operation: 'create', email: '={{ $json.email }}', ...FULL_ITEM },
		items: input,
		onError: 'continueRegularOutput',
	});
	const wall = Date.now() - started;
	clearInterval(sampler);
	await mock.stop();
	const failed = result.items.filter((item) => item.json.error !== undefined).length;
	const floor = items * latencyMs; // one request in flight at a time
	return {
		case: `Loops sequential${failed ? ` (${failed} failed)` : ''}`,
		items,
		'latency ms': latencyMs,
		'wall ms': wall,
		'floor ms': floor,
		ratio: floor ? (wall / floor).toFixed(2) : '',
		'req/item': (mock.requests('POST', '/contacts/create').length / items).toFixed(2),
		'µs/item': ((wall * 1000) / items).toFixed(0),
		'peak RSS MB': (peakRss / 1024 / 1024).toFixed(0),
	};
}

export async function loopsBench(): Promise<IDataObject[]> {
	const rows: IDataObject[] = [];
	rows.push({ case: 'Loops mapping + validation (full item)', items: 20000, 'µs/item': mappingMicroseconds().toFixed(1) });
	rows.push(await engineRun(200, 0));
	rows.push(await engineRun(1000, 0));
	rows.push(await engineRun(200, 50));
	return rows;
}
