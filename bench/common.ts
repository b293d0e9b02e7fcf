/* eslint-disable @n8n/community-nodes/no-restricted-globals */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import type { TestEngine } from '../test/harness/engine';
import type { RemoteMock } from './remoteMock';

/** One vendor as the bench drives it. */
export interface BenchVendor {
	label: string;
	engine: TestEngine;
	mock: RemoteMock;
	createPath: string;
	parameters: INodeParameters;
	item: (index: number) => IDataObject;
	/** Mapping and validation of one full item, without the engine. */
	mapOne: (index: number) => void;
	/** Turns the mock's own rate limit on (at the vendor's documented numbers) or off. */
	vendorLimits: (on: boolean) => Promise<void>;
	/** The documented rate in requests per second, where one is published. */
	documentedRate?: number;
	tokenRequests?: () => Promise<number>;
}

export interface RunSpec {
	name: string;
	items: number;
	latencyMs: number;
	concurrency: number;
	/** The node's Max Requests per Second (0 = no pace). */
	requestsPerSecond: number;
	/** The vendor's rate for the floor, when the run is at its limit. */
	vendorRate?: number;
	/** Runs before the node, with the run's input (e.g. to make half the contacts exist). */
	prepare?: (input: IDataObject[]) => Promise<void>;
}

/** Microseconds per call of `work`, averaged over `rounds` calls. */
export function microsecondsPerCall(rounds: number, work: (index: number) => void): number {
	for (let i = 0; i < 1000; i++) work(i); // warm-up
	const started = process.hrtime.bigint();
	for (let i = 0; i < rounds; i++) work(i);
	return Number(process.hrtime.bigint() - started) / 1000 / rounds;
}

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { bareClientRoundMs } = require('./bareClient.cjs') as {
	bareClientRoundMs: (baseUrl: string, parallel: number, rounds: number) => Promise<number>;
};

let runCounter = 0;

/**
 * Runs the node through the engine against its mock with `latencyMs` added to every answer and
 * reports wall time against the floor: every request of the run, `concurrency` at a time, each
 * taking the latency (N*L/C), or the pace (N/R) when that is slower.
 */
export async function measure(vendor: BenchVendor, spec: RunSpec): Promise<IDataObject> {
	await vendor.mock.call('server.clear');
	await vendor.mock.set('server.latencyMs', spec.latencyMs);
	const tokensBefore = (await vendor.tokenRequests?.()) ?? 0;
	const run = ++runCounter;
	const input = Array.from({ length: spec.items }, (_, i) => vendor.item(run * 1_000_000 + i));
	await spec.prepare?.(input);
	const options = { ...((vendor.parameters.options as IDataObject) ?? {}), concurrency: spec.concurrency, requestsPerSecond: spec.requestsPerSecond };
	let peakRss = process.memoryUsage.rss();
	const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage.rss())), 25);
	const started = Date.now();
	const result = await vendor.engine.run({ parameters: { ...vendor.parameters, options }, items: input, onError: 'continueRegularOutput' });
	const wall = Date.now() - started;
	clearInterval(sampler);
	const failed = result.items.filter((item) => item.json.error !== undefined).length;
	const { requests, resent } = await vendor.mock.stats(vendor.createPath);
	const latencyFloor = (requests * spec.latencyMs) / spec.concurrency;
	const rate = spec.vendorRate ?? spec.requestsPerSecond;
	const paceFloor = rate > 0 ? (requests / rate) * 1000 : 0;
	const floor = Math.max(latencyFloor, paceFloor);
	// Without a pace, the same rounds by a bare http client: what this machine allows at all.
	const rounds = Math.ceil(requests / spec.concurrency);
	const bareFloor =
		spec.latencyMs > 0 && paceFloor === 0
			? rounds * (await bareClientRoundMs(vendor.mock.baseUrl, spec.concurrency, Math.min(rounds, 100)))
			: 0;
	const row: IDataObject = {
		node: vendor.label,
		case: spec.name,
		items: spec.items,
		'out items': result.items.length,
		failed,
		concurrency: spec.concurrency,
		'latency ms': spec.latencyMs,
		'wall ms': wall,
		'floor ms': Math.round(floor),
		ratio: floor ? (wall / floor).toFixed(2) : '',
		'bare client ms': bareFloor ? Math.round(bareFloor) : '',
		'ratio to bare client': bareFloor ? (wall / bareFloor).toFixed(2) : '',
		'items/s': ((spec.items * 1000) / wall).toFixed(1),
		'req/item': (requests / spec.items).toFixed(2),
		're-sent': resent,
		tokens: vendor.tokenRequests ? (await vendor.tokenRequests()) - tokensBefore : '',
		'peak RSS MB': (peakRss / 1024 / 1024).toFixed(0),
	};
	if (spec.vendorRate) row['of rate'] = ((requests * 1000) / wall / spec.vendorRate).toFixed(2);
	const updated = result.items.filter((item) => item.json.outcome === 'updated').length;
	if (updated > 0) row.updated = updated;
	return row;
}
