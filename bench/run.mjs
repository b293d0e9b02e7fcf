// npm run bench: runs each node through n8n-core's real engine against its loopback mock with
// injected latency and prints figures. Not a test: nothing here passes or fails.
// BENCH_ITEMS (10000), BENCH_BASELINE_ITEMS (200), BENCH_CONCURRENCY (10) and BENCH_LATENCY_MS (100) size the runs.
import { createRequire } from 'node:module';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

process.env.N8N_USER_FOLDER = mkdtempSync(join(tmpdir(), 'n8n-nodes-contacts-bench-'));
process.env.N8N_ENCRYPTION_KEY = 'bench-only-encryption-key';
process.env.N8N_LOG_LEVEL = 'silent';

const require = createRequire(import.meta.url);
require('./register-ts.cjs');
const { microsecondsPerCall, measure } = require('./common.ts');
const { printTable: print } = require('./table.cjs');
const allVendors = { loops: require('./loops.ts').loopsBench, intercom: require('./intercom.ts').intercomBench, sfmc: require('./sfmc.ts').sfmcBench, voyado: require('./voyado.ts').voyadoBench };
// BENCH_ONLY=loops,sfmc runs a subset.
const vendors = Object.entries(allVendors)
	.filter(([name]) => !process.env.BENCH_ONLY || process.env.BENCH_ONLY.split(',').includes(name))
	.map(([, start]) => start);

const ITEMS = Number(process.env.BENCH_ITEMS ?? 10_000);
const BASELINE_ITEMS = Number(process.env.BENCH_BASELINE_ITEMS ?? 200);
const LATENCY = Number(process.env.BENCH_LATENCY_MS ?? 100);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 10);

const mapping = [];
const rows = [];
for (const start of vendors) {
	const vendor = await start();
	mapping.push({ node: vendor.label, 'µs/item': microsecondsPerCall(20_000, vendor.mapOne).toFixed(1) });
	await vendor.vendorLimits(false);
	rows.push(await measure(vendor, { name: 'one at a time (baseline)', items: BASELINE_ITEMS, latencyMs: LATENCY, concurrency: 1, requestsPerSecond: 0 }));
	rows.push(await measure(vendor, { name: `${CONCURRENCY} in parallel`, items: ITEMS, latencyMs: LATENCY, concurrency: CONCURRENCY, requestsPerSecond: 0 }));
	if (vendor.documentedRate) {
		await vendor.vendorLimits(true);
		// Intercom's limit comes in fixed 10-second windows: a longer run so the partly used first window matters less.
		const items = Math.round(vendor.documentedRate * (vendor.label === 'Intercom' ? 60 : 20));
		const pace = vendor.label === 'Intercom' ? 0 : vendor.documentedRate; // Intercom: its headers set the pace
		rows.push(await measure(vendor, { name: `at the rate limit (${vendor.documentedRate}/s)`, items, latencyMs: LATENCY, concurrency: 10, requestsPerSecond: pace, vendorRate: vendor.documentedRate }));
	}
	await vendor.mock.stop();
}

console.log('Mapping and validation of one full item (no HTTP):');
print(mapping);
console.log(`\nThrough the engine, ${LATENCY} ms latency on every answer; floor = requests x latency / concurrency, or requests / pace:`);
print(rows);
process.exit(0);
