// Build steps that tsc does not do: clear dist/ before a build and copy the node and credential
// icons next to the compiled files, where n8n looks for them ("file:loops.svg").
const path = require('path');
const fs = require('fs');
const { task, src, dest, series } = require('gulp');

function clean(done) {
	fs.rmSync(path.resolve(__dirname, 'dist'), { recursive: true, force: true });
	done();
}

function copyNodeIcons() {
	return src('nodes/**/*.{png,svg}', { encoding: false }).pipe(dest('dist/nodes'));
}

function copyCredentialIcons() {
	return src('credentials/**/*.{png,svg}', { encoding: false }).pipe(dest('dist/credentials'));
}

task('clean', clean);
task('build:icons', series(copyNodeIcons, copyCredentialIcons));

/**
 * One publishable package per vendor (n8n verifies a community package only if it integrates one
 * service, and users install only the vendor they use). Each holds that vendor's compiled node and
 * credential, the shared helpers compiled in (no runtime dependency), its README (the package's
 * user page, nodes/<Vendor>/README.md), LICENSE, codex and icons. The tests run against the source.
 */
const PACKAGES = [
	{ folder: 'Loops', name: 'n8n-nodes-contacts-loops', credentials: ['LoopsApi', 'LoopsWebhookApi'], service: 'Loops', keywords: ['loops', 'email marketing'] },
	{ folder: 'Intercom', name: 'n8n-nodes-contacts-intercom', credentials: ['IntercomContactsApi', 'IntercomWebhookApi'], service: 'Intercom', keywords: ['intercom', 'crm'] },
	{
		folder: 'SalesforceMarketingCloud',
		name: 'n8n-nodes-contacts-salesforce-marketing-cloud',
		credentials: ['SalesforceMarketingCloudApi'],
		service: 'Salesforce Marketing Cloud',
		keywords: ['salesforce marketing cloud', 'sfmc', 'marketing cloud engagement'],
	},
	{ folder: 'VoyadoEngage', name: 'n8n-nodes-contacts-voyado-engage', credentials: ['VoyadoEngageApi', 'VoyadoEngageWebhookApi'], service: 'Voyado Engage', keywords: ['voyado', 'voyado engage', 'loyalty'] },
];

const PACK_DIR = path.resolve(__dirname, 'dist-packages');

function copyTree(from, to) {
	fs.cpSync(from, to, { recursive: true });
}

/** What n8n gives a community node to import (its verification lint's allowed modules that we use). */
const PROVIDED_MODULES = new Set(['n8n-workflow', 'crypto', 'node:crypto']);

/** Every relative require in the package's JavaScript must resolve inside the package; any other, n8n must provide. */
function checkSelfContained(stage, name) {
	const files = fs.readdirSync(stage, { recursive: true }).filter((file) => file.endsWith('.js'));
	for (const file of files) {
		const text = fs.readFileSync(path.join(stage, file), 'utf8');
		for (const [, target] of text.matchAll(/require\("([^"]+)"\)/g)) {
			if (!target.startsWith('.')) {
				if (!PROVIDED_MODULES.has(target)) throw new Error(`${name}: ${file} requires "${target}", which n8n does not provide`);
				continue;
			}
			const resolved = path.resolve(path.dirname(path.join(stage, file)), target);
			if (!['', '.js', '.json', '/index.js'].some((ext) => fs.existsSync(resolved + ext) && fs.statSync(resolved + ext).isFile())) {
				throw new Error(`${name}: ${file} requires "${target}", which is not in the package`);
			}
		}
	}
}

/** The staged package of one vendor, in dist-packages/stage/<name> (dist/ must be built). */
function stagePackage(root, spec) {
	const stage = path.join(PACK_DIR, 'stage', spec.name);
	fs.rmSync(stage, { recursive: true, force: true });
	// The vendor's node and its trigger nodes, if any.
	const nodeFiles = fs.readdirSync(path.join(__dirname, 'nodes', spec.folder)).filter((file) => file.endsWith('.node.ts')).sort().map((file) => file.replace(/\.ts$/, '.js'));
	// The compiled package: the vendor's node folder, the shared helpers, its credential(s).
	copyTree(path.join(__dirname, 'dist', 'nodes', spec.folder), path.join(stage, 'dist', 'nodes', spec.folder));
	copyTree(path.join(__dirname, 'dist', 'nodes', 'shared'), path.join(stage, 'dist', 'nodes', 'shared'));
	// Its source too (never packed: `files` is dist/), so `n8n-node lint` checks exactly this package.
	copyTree(path.join(__dirname, 'nodes', spec.folder), path.join(stage, 'nodes', spec.folder));
	copyTree(path.join(__dirname, 'nodes', 'shared'), path.join(stage, 'nodes', 'shared'));
	for (const credential of spec.credentials) {
		for (const file of [path.join('dist', 'credentials', `${credential}.credentials.js`), path.join('credentials', `${credential}.credentials.ts`)]) {
			fs.mkdirSync(path.dirname(path.join(stage, file)), { recursive: true });
			fs.copyFileSync(path.join(__dirname, file), path.join(stage, file));
		}
	}
	fs.renameSync(path.join(stage, 'nodes', spec.folder, 'README.md'), path.join(stage, 'README.md'));
	for (const file of ['LICENSE', 'eslint.config.mjs', 'tsconfig.json']) fs.copyFileSync(path.join(__dirname, file), path.join(stage, file));
	const manifest = {
		name: spec.name,
		version: root.version,
		description: `n8n community nodes for ${spec.service} contacts: Create, Create or Update, Update, Get and Delete${nodeFiles.length > 1 ? ', and a trigger' : ''}, with every documented field, checks before sending and ${spec.service}'s own error messages.`,
		keywords: ['n8n-community-node-package', 'n8n', ...spec.keywords, 'contacts'],
		license: root.license,
		homepage: `https://github.com/n8n-nodes-contacts/n8n-nodes-contacts/tree/main/nodes/${spec.folder}#readme`,
		bugs: root.bugs,
		author: root.author,
		repository: { ...root.repository, directory: `nodes/${spec.folder}` },
		files: ['dist'],
		n8n: {
			n8nNodesApiVersion: 1,
			strict: true,
			credentials: spec.credentials.map((credential) => `dist/credentials/${credential}.credentials.js`),
			nodes: nodeFiles.map((file) => `dist/nodes/${spec.folder}/${file}`),
		},
		peerDependencies: root.peerDependencies,
	};
	fs.writeFileSync(path.join(stage, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
	checkSelfContained(path.join(stage, 'dist'), spec.name);
	return stage;
}

function pack(done) {
	const { execFileSync } = require('child_process');
	const root = JSON.parse(fs.readFileSync(path.join(__dirname, 'package.json'), 'utf8'));
	for (const file of fs.existsSync(PACK_DIR) ? fs.readdirSync(PACK_DIR) : []) if (file.endsWith('.tgz')) fs.rmSync(path.join(PACK_DIR, file));
	for (const spec of PACKAGES) {
		const stage = stagePackage(root, spec);
		execFileSync('npm', ['pack', '--silent', '--ignore-scripts', '--pack-destination', PACK_DIR], { cwd: stage, stdio: ['ignore', 'ignore', 'inherit'] });
	}
	console.log(`Packed ${PACKAGES.length} packages into ${PACK_DIR}: ${fs.readdirSync(PACK_DIR).filter((file) => file.endsWith('.tgz')).join(', ')}`);
	done();
}

/** n8n's verification lint, on each staged package on its own (run after pack). */
function lintPackages(done) {
	const { execFileSync } = require('child_process');
	const cli = path.join(__dirname, 'node_modules', '@n8n', 'node-cli', 'bin', 'n8n-node.mjs');
	for (const spec of PACKAGES) {
		console.log(`n8n-node lint: ${spec.name}`);
		execFileSync(process.execPath, [cli, 'lint'], { cwd: path.join(PACK_DIR, 'stage', spec.name), stdio: 'inherit' });
	}
	done();
}

task('pack', pack);
task('lint:packages', lintPackages);
module.exports = { PACKAGES, PACK_DIR };
