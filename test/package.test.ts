/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-dangerous-functions */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { PackageDirectoryLoader } from 'n8n-core';
import { parse as parseYaml } from 'yaml';
import type { ICredentialType, INodeType } from 'n8n-workflow';

import { TestEngine } from './harness/engine';
import { loopsOutput } from './harness/vendors';
import { LoopsMock } from './mocks/loops';

// Runs after `npm run build` (the test command builds first): this is what n8n installs.
const root = join(__dirname, '..');
const packageJson = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as Record<string, unknown>;

describe('the installable package', () => {
	test('package.json follows the community package rules', () => {
		expect(packageJson.name).toBe('n8n-nodes-contacts');
		expect(packageJson.keywords).toContain('n8n-community-node-package');
		expect(packageJson.files).toEqual(['dist']);
		expect(packageJson.dependencies ?? {}).toEqual({});
		expect(packageJson.peerDependencies).toEqual({ 'n8n-workflow': '*' });
		const scripts = (packageJson.scripts ?? {}) as Record<string, string>;
		for (const hook of ['preinstall', 'install', 'postinstall', 'prepare', 'prepublish']) {
			expect(scripts[hook]).toBeUndefined();
		}
	});

	test('the packed tarball holds only what n8n loads: compiled code, codex, icons, README, LICENSE', () => {
		const [pack] = JSON.parse(
			execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }),
		) as Array<{ files: Array<{ path: string }> }>;
		const files = pack.files.map((file) => file.path).sort();

		const unexpected = files.filter(
			(file) => !['package.json', 'README.md', 'LICENSE'].includes(file) && !/^dist\/(nodes|credentials)\/.+\.(js|node\.json|svg)$/.test(file),
		);
		expect(unexpected).toEqual([]);
		const n8n = packageJson.n8n as { nodes: string[]; credentials: string[] };
		for (const entry of [...n8n.nodes, ...n8n.credentials]) expect(files).toContain(entry);
		for (const node of n8n.nodes) expect(files).toContain(node.replace(/\.js$/, '.json'));
	});

	test("n8n's package loader finds every listed node and credential in dist/, with icons and codex", async () => {
		const loader = new PackageDirectoryLoader(root);
		await loader.loadAll();

		expect(loader.packageName).toBe('n8n-nodes-contacts');
		expect(Object.keys(loader.nodeTypes).sort()).toEqual(['intercom', 'loops', 'salesforceMarketingCloud', 'voyadoEngage']);
		expect(Object.keys(loader.credentialTypes).sort()).toEqual(['intercomContactsApi', 'loopsApi', 'salesforceMarketingCloudApi', 'voyadoEngageApi']);
		const loops = loader.getNode('loops').type as INodeType;
		expect(loops.description.usableAsTool).toBe(true);
		expect(loops.description.codex?.resources?.primaryDocumentation?.map((link) => link.url)).toContain(
			'https://loops.so/docs/api-reference/create-contact',
		);
		for (const name of Object.keys(loader.nodeTypes)) {
			const type = loader.getNode(name).type as INodeType;
			expect(type.description.usableAsTool).toBe(true);
			expect(type.description.codex?.resources?.primaryDocumentation?.[0].url).toMatch(/^https:\/\//);
		}
		for (const icon of [
			'dist/nodes/Loops/loops.svg',
			'dist/nodes/Loops/loops.dark.svg',
			'dist/nodes/Intercom/intercom.svg',
			'dist/nodes/Intercom/intercom.dark.svg',
			'dist/nodes/SalesforceMarketingCloud/salesforceMarketingCloud.svg',
			'dist/nodes/SalesforceMarketingCloud/salesforceMarketingCloud.dark.svg',
			'dist/nodes/VoyadoEngage/voyadoEngage.svg',
			'dist/nodes/VoyadoEngage/voyadoEngage.dark.svg',
		]) {
			expect(existsSync(join(root, icon))).toBe(true);
		}
	});

	test('the compiled Loops node creates a contact through the engine', async () => {
		const loader = new PackageDirectoryLoader(root);
		await loader.loadAll();
		const mock = new LoopsMock('compiled-key');
		await mock.start();
		try {
			const engine = new TestEngine({
				nodeType: loader.getNode('loops').type as INodeType,
				credentialTypes: [loader.getCredential('loopsApi').type as ICredentialType],
			});
			engine.setCredential('loopsApi', { apiKey: 'compiled-key', baseUrl: mock.baseUrl });

			const result = await engine.run({
				parameters: { resource: 'contact', operation: 'create', email: '={{ $json.email }}' },
				items: [{ email: 'dist@example.com' }],
			});

			expect(result.status).toBe('success');
			expect(result.items[0].json).toEqual(loopsOutput({ id: mock.contacts[0].id, email: 'dist@example.com', outcome: 'created' }));
		} finally {
			await mock.stop();
		}
	});
});

describe('publishing: GitHub Actions with npm provenance (the workflows cannot run here, so their shape is checked)', () => {
	type Step = { uses?: string; run?: string; with?: Record<string, unknown>; env?: Record<string, string> };
	type Workflow = { on: Record<string, { branches?: string[]; tags?: string[] } | null>; permissions?: Record<string, string>; jobs: Record<string, { permissions?: Record<string, string>; steps: Step[] }> };
	const workflow = (name: string) => parseYaml(readFileSync(join(root, '.github', 'workflows', name), 'utf8')) as Workflow;
	const steps = (parsed: Workflow) => Object.values(parsed.jobs).flatMap((job) => job.steps);
	const runs = (parsed: Workflow) => steps(parsed).flatMap((step) => (step.run ? [step.run.trim()] : []));
	const scripts = packageJson.scripts as Record<string, string>;

	test('ci.yml runs on every push to main and every pull request, with the commands of .ci/run on Node 20', () => {
		const ci = workflow('ci.yml');

		expect(ci.on.push?.branches).toEqual(['main']);
		expect(ci.on).toHaveProperty('pull_request');
		expect(steps(ci).map((step) => step.uses).filter(Boolean)).toEqual(['actions/checkout@v6', 'actions/setup-node@v4']);
		expect(steps(ci).find((step) => step.uses?.startsWith('actions/setup-node'))?.with?.['node-version']).toBe('20');
		const ciRun = readFileSync(join(root, '.ci', 'run'), 'utf8').split('\n').filter((line) => line.startsWith('npm '));
		expect(runs(ci).filter((run) => run.startsWith('npm ')).map((run) => run.replace(' -- --no-browser', ''))).toEqual(ciRun);
	});

	test('publish.yml publishes a version tag through `npm run release`, with the OIDC token provenance needs', () => {
		const publish = workflow('publish.yml');
		const job = Object.values(publish.jobs)[0];

		expect(publish.on.push?.tags).toEqual(['*.*.*']);
		expect(job.permissions).toEqual({ 'id-token': 'write', contents: 'read' });
		expect(runs(publish)).toEqual(['npm ci', 'npm test', expect.stringMatching(/npm run release$/)]);
		// The project's .npmrc skips scripts; publishing must run prepublishOnly all the same.
		expect(steps(publish).at(-1)?.env?.NPM_CONFIG_IGNORE_SCRIPTS).toBe('false');
	});

	test('release goes through n8n-node release, and prepublishOnly refuses a publish outside it and lints and builds', () => {
		expect(scripts.release).toBe('n8n-node release');
		expect(scripts.prepublishOnly).toBe('n8n-node prerelease && npm run lint && npm run build');
	});

	test('repository, homepage and bugs name one repository, and CHANGELOG.md has an Unreleased section', () => {
		const repo = /github\.com\/([^/]+\/[^/#.]+)/;
		const names = [
			(packageJson.repository as { url: string }).url,
			packageJson.homepage as string,
			(packageJson.bugs as { url: string }).url,
		].map((url) => repo.exec(url)?.[1]);
		expect(new Set(names).size).toBe(1);
		expect(names[0]).toBeDefined();
		expect(readFileSync(join(root, 'CHANGELOG.md'), 'utf8')).toMatch(/^## Unreleased$/m);
	});
});

describe('documentation links', () => {
	test("each node's codex links to its page in this repository's docs/ (which exists) and to the vendor's API page", () => {
		const repository = /^(https:\/\/github\.com\/[^/]+\/[^/#]+)/.exec(packageJson.homepage as string)?.[1] as string;
		const codexFiles = (packageJson.n8n as { nodes: string[] }).nodes.map((entry) => join(root, entry.replace(/^dist\//, '').replace(/\.js$/, '.json')));

		for (const file of codexFiles) {
			const codex = JSON.parse(readFileSync(file, 'utf8')) as { resources: { primaryDocumentation: Array<{ url: string }> } };
			const [ours, vendor] = codex.resources.primaryDocumentation.map((link) => link.url);
			expect(ours).toMatch(new RegExp(`^${repository.replace(/[.]/g, '\\.')}/blob/main/docs/[a-z-]+\\.md$`));
			expect(existsSync(join(root, ours.slice(`${repository}/blob/main/`.length)))).toBe(true);
			expect(vendor).toMatch(/^https:\/\/(loops\.so|developers\.intercom\.com|developer\.salesforce\.com|developer\.voyado\.com)\//);
		}
	});
});
