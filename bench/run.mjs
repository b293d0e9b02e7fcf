// npm run bench: runs the nodes through n8n-core's real engine against their loopback mocks and
// prints figures. Not a test: nothing here passes or fails.
import { createRequire } from 'node:module';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

process.env.N8N_USER_FOLDER = mkdtempSync(join(tmpdir(), 'n8n-nodes-contacts-bench-'));
process.env.N8N_ENCRYPTION_KEY = 'bench-only-encryption-key';
process.env.N8N_LOG_LEVEL = 'silent';

const require = createRequire(import.meta.url);
require('./register-ts.cjs');
const { loopsBench } = require('./loops.ts');
const { intercomBench } = require('./intercom.ts');
const { sfmcBench } = require('./sfmc.ts');
const { voyadoBench } = require('./voyado.ts');

const rows = [];
rows.push(...(await loopsBench()));
rows.push(...(await intercomBench()));
rows.push(...(await sfmcBench()));
rows.push(...(await voyadoBench()));

const header = ['case', 'items', 'latency ms', 'wall ms', 'floor ms', 'ratio', 'req/item', 'creates/item', 'tokens', 'µs/item', 'peak RSS MB'];
const table = [header, ...rows.map((row) => header.map((key) => String(row[key] ?? '')))];
const widths = header.map((_, column) => Math.max(...table.map((line) => line[column].length)));
for (const line of table) console.log(line.map((cell, column) => cell.padEnd(widths[column])).join('  '));
process.exit(0);
