// npm run bench:upsert: Create or Update of BENCH_ITEMS (10,000) items where half the contacts
// already exist, per vendor, through n8n-core's engine against its mock (in a worker thread) with
// BENCH_LATENCY_MS (100) on every answer and BENCH_CONCURRENCY (10) in parallel. The floor counts
// every request the operation makes (lookups included). Prints figures; nothing passes or fails.
import { createRequire } from 'node:module';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

process.env.N8N_USER_FOLDER = mkdtempSync(join(tmpdir(), 'n8n-nodes-contacts-bench-'));
process.env.N8N_ENCRYPTION_KEY = 'bench-only-encryption-key';
process.env.N8N_LOG_LEVEL = 'silent';

const require = createRequire(import.meta.url);
require('./register-ts.cjs');
const { measure } = require('./common.ts');
const { printTable } = require('./table.cjs');
const starts = { loops: require('./loops.ts').loopsBench, intercom: require('./intercom.ts').intercomBench, sfmc: require('./sfmc.ts').sfmcBench, voyado: require('./voyado.ts').voyadoBench };

const email = '={{ $json.email }}';
const UPSERT = {
	loops: { resource: 'contact', operation: 'upsert', email, additionalFields: { firstName: 'Ada', lastName: 'Lovelace' } },
	intercom: { resource: 'contact', operation: 'upsert', role: 'user', email, additionalFields: { name: 'Ada Lovelace' } },
	sfmc: {
		resource: 'contact',
		operation: 'upsert',
		contactKey: email,
		attributeSets: { emailAddresses: [{ emailAddress: email, htmlEnabled: true }], emailDemographics: [{ firstName: 'Ada' }] },
	},
	voyado: { resource: 'contact', operation: 'upsert', email, additionalFields: { firstName: 'Ada' } },
};

const ITEMS = Number(process.env.BENCH_ITEMS ?? 10_000);
const LATENCY = Number(process.env.BENCH_LATENCY_MS ?? 100);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 10);
const names = Object.keys(starts).filter((name) => !process.env.BENCH_ONLY || process.env.BENCH_ONLY.split(',').includes(name));

const rows = [];
for (const name of names) {
	const vendor = await starts[name]();
	await vendor.vendorLimits(false);
	const upsert = { ...vendor, parameters: UPSERT[name], item: (i) => ({ email: `upsert${i}@example.com` }) };
	const row = await measure(upsert, {
		name: 'create or update, half exist',
		items: ITEMS,
		latencyMs: LATENCY,
		concurrency: CONCURRENCY,
		requestsPerSecond: 0,
		prepare: async (input) => await vendor.mock.seed(input.filter((_, i) => i % 2 === 0).map((item) => item.email)),
	});
	const stored = await vendor.mock.stored();
	rows.push({ ...row, 'contacts stored': stored.contacts, duplicates: stored.duplicates });
	await vendor.mock.stop();
}

console.log(`Create or Update through the engine, ${LATENCY} ms latency on every answer; floor = every request x latency / concurrency:`);
printTable(rows);
process.exit(0);
