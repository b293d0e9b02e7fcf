// The sandbox: real n8n (2.41.1; `npm start -- --n8n=1` for 1.123.81) with the four packages installed as n8n installs community packages,
// the four loopback mock vendors, a credential per vendor pointing at its mock and an example
// workflow per vendor (create; sync: create or update twice, then get; every dropdown), ready to
// execute in the editor. Stop with Ctrl-C.
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

import { checkInstalled, importSandbox, installPackedPackage, N8N_LINE, RUNTIME, startMocks, startN8n, stopMocks, TOOLS } from './lib.mjs';
import { signIn } from './browser.mjs';

checkInstalled();
// One user folder per n8n line: their databases are not interchangeable.
const userFolder = join(TOOLS, N8N_LINE === '2' ? 'sandbox' : 'sandbox-1x');
const fresh = !existsSync(join(userFolder, '.n8n', 'database.sqlite'));
mkdirSync(userFolder, { recursive: true });
installPackedPackage(userFolder);
const mocks = await startMocks();
// Mock ports change each start, so the credentials are imported again (same ids: updated in place).
await importSandbox(userFolder, mocks);
const port = Number(process.env.SANDBOX_PORT ?? 5678);
const n8nProcess = await startN8n(userFolder, port);
process.on('exit', () => n8nProcess.kill('SIGTERM'));
if (fresh) {
	const { createRequire } = await import('node:module');
	const { request } = createRequire(join(RUNTIME, 'package.json'))('playwright-core');
	const api = await request.newContext();
	await signIn(api, `http://127.0.0.1:${port}`);
	await api.dispose();
}
console.log(`
n8n sandbox is running: http://127.0.0.1:${port}
  sign in as owner@example.com / Sandbox-Owner-1
  workflows per vendor: "Create contacts in ... (sandbox)", "Sync a contact to ...: create or update, twice, then get
  (sandbox)" (run it as often as you like), and "...: every dropdown (sandbox)"
  mock vendors: ${Object.entries(mocks).map(([name, mock]) => `${name} ${mock.server.url}`).join(', ')}
Press Ctrl-C to stop.`);
const stop = async () => {
	n8nProcess.kill('SIGTERM');
	await stopMocks(mocks);
	process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
