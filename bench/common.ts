/* eslint-disable @n8n/community-nodes/no-restricted-globals */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import type { TestEngine } from '../test/harness/engine';
import type { MockServer, RecordedRequest } from '../test/mocks/server';

export interface EngineBenchSetup {
	label: string;
	engine: TestEngine;
	server: MockServer;
	createPath: string;
	parameters: INodeParameters;
	item: (index: number) => IDataObject;
	/** Token requests made so far (SFMC), to report per run. */
	tokenRequests?: () => number;
}

/** Microseconds per call of `work`, averaged over `rounds` calls. */
export function microsecondsPerCall(rounds: number, work: (index: number) => void): number {
	for (let i = 0; i < 1000; i++) work(i); // warm-up
	const started = process.hrtime.bigint();
	for (let i = 0; i < rounds; i++) work(i);
	return Number(process.hrtime.bigint() - started) / 1000 / rounds;
}

/**
 * Runs `items` items through the engine against the mock with `latencyMs` added to every answer,
 * and reports wall time against the floor (one request in flight at a time: requests x latency).
 */
export async function measureEngineRun(setup: EngineBenchSetup, items: number, latencyMs: number): Promise<IDataObject> {
	setup.server.clear();
	setup.server.latencyMs = latencyMs;
	const tokensBefore = setup.tokenRequests?.() ?? 0;
	const input = Array.from({ length: items }, (_, i) => setup.item(i));
	let peakRss = process.memoryUsage().rss;
	const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);
	const started = Date.now();
	const result = await setup.engine.run({ parameters: setup.parameters, items: input, onError: 'continueRegularOutput' });
	const wall = Date.now() - started;
	clearInterval(sampler);
	const failed = result.items.filter((item) => item.json.error !== undefined).length;
	const creates = setup.server.requests.filter((request: RecordedRequest) => request.method === 'POST' && request.path === setup.createPath);
	// Sequential floor: every request the run made, each waiting the injected latency.
	const floor = setup.server.requests.length * latencyMs;
	return {
		case: `${setup.label} sequential${failed ? ` (${failed} failed)` : ''}`,
		items,
		'latency ms': latencyMs,
		'wall ms': wall,
		'floor ms': floor,
		ratio: floor ? (wall / floor).toFixed(2) : '',
		'req/item': (setup.server.requests.length / items).toFixed(2),
		'creates/item': (creates.length / items).toFixed(2),
		...(setup.tokenRequests ? { tokens: setup.tokenRequests() - tokensBefore } : {}),
		'µs/item': ((wall * 1000) / items).toFixed(0),
		'peak RSS MB': (peakRss / 1024 / 1024).toFixed(0),
	};
}
