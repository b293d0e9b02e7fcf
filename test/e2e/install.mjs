// Installs what real n8n needs into .e2e/, from the npm registry only, once per pinned version:
// Node 24 (n8n 2.x requires it, 1.123's expression engine wants Node 22+; this machine may have
// Node 20) from the `node-linux-<arch>` package, then each n8n line of the matrix (the newest
// 1.123.x and 2.41.x) with --ignore-scripts (a Kafka dependency's install script downloads from
// GitHub), then sqlite3 rebuilt against Node 24's headers. Nothing outside .e2e/: no system
// package, no sudo. The browser check and the queue test use a Chromium, Redis and PostgreSQL
// they find (see CONTRIBUTING.md).
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

import { E2E, IN_CI, N8N_LINES, NODE24_BIN, NODE24_DIR, sh, TOOLS } from './lib.mjs';

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

const installedVersion = (folder, pkg) => {
	const manifest = join(TOOLS, folder, 'node_modules', pkg, 'package.json');
	return existsSync(manifest) ? JSON.parse(readFileSync(manifest, 'utf8')).version : undefined;
};

const started = Date.now();
const step = (text) => console.log(`\n[e2e install ${Math.round((Date.now() - started) / 1000)} s] ${text}`);
const npmFlags = ['--no-audit', '--no-fund', '--loglevel=error'];

if (!existsSync(join(NODE24_BIN, 'node'))) {
	if (process.platform !== 'linux') {
		const message = `Real n8n needs Node 24, and the npm registry has Node 24 only for Linux. Run the e2e with Node 24 (e.g. \`nvm install 24\`), or run only \`npm test\` (unit and engine suites, Node 20+).`;
		if (IN_CI) throw new Error(message);
		console.log(`SKIPPED  installing real n8n. ${message}`);
		process.exit(0);
	}
	step(`Node 24 from the npm registry (node-linux-${process.arch})`);
	sh('npm', ['install', ...npmFlags], { cwd: prepare('node24') });
	keepLockfile('node24');
}

const env24 = { ...process.env, PATH: `${NODE24_BIN}:${process.env.PATH}`, npm_config_nodedir: NODE24_DIR };
for (const [line, { folder, version }] of Object.entries(N8N_LINES)) {
	if (installedVersion(folder, 'n8n') !== version) {
		step(`n8n ${version} (the ${line}.x line)${line === '2' ? ', Playwright core and the community package scanner' : ''} (--ignore-scripts)`);
		rmSync(join(TOOLS, folder, 'node_modules'), { recursive: true, force: true });
		// `npm install`, not `npm ci`: some optional platform packages named in n8n's tree are missing
		// from this registry, so npm leaves them out of the lockfile and `npm ci` would refuse it.
		sh('npm', ['install', '--ignore-scripts', ...npmFlags], { cwd: prepare(folder), env: env24 });
		keepLockfile(folder);
	}
	if (!existsSync(join(TOOLS, folder, 'node_modules', 'sqlite3', 'build', 'Release', 'node_sqlite3.node'))) {
		step(`sqlite3 built for Node 24 (n8n ${version})`);
		sh('npm', ['rebuild', 'sqlite3', '--ignore-scripts=false', '--foreground-scripts', ...npmFlags], { cwd: join(TOOLS, folder), env: env24 });
	}
}
step('done');
