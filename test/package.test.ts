/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-dangerous-functions */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
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

// `gulp pack` stages and packs one package per vendor from dist/ (the test command builds first).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { PACKAGES, PACK_DIR } = require('../gulpfile.js') as {
	PACKAGES: Array<{ folder: string; name: string; credentials: string[] }>;
	PACK_DIR: string;
};
const stageOf = (name: string) => join(PACK_DIR, 'stage', name);
const NODE_OF: Record<string, string> = { Loops: 'loops', Intercom: 'intercom', SalesforceMarketingCloud: 'salesforceMarketingCloud', VoyadoEngage: 'voyadoEngage' };
// Each package's trigger nodes, beside its node.
const TRIGGERS_OF: Record<string, string[]> = { Loops: ['loopsTrigger'], Intercom: ['intercomPollingTrigger', 'intercomTrigger'], VoyadoEngage: ['voyadoEngageTrigger', 'voyadoEngageWebhookTrigger'] };

beforeAll(() => {
	execFileSync(join(root, 'node_modules', '.bin', 'gulp'), ['pack'], { cwd: root, stdio: 'ignore' });
}, 120_000);

describe('one package per vendor (npm run pack)', () => {
	test('the repository itself is a private workspace, never published', () => {
		expect(packageJson.private).toBe(true);
		expect(PACKAGES.map((spec) => spec.name)).toEqual([
			'n8n-nodes-contacts-loops',
			'n8n-nodes-contacts-intercom',
			'n8n-nodes-contacts-salesforce-marketing-cloud',
			'n8n-nodes-contacts-voyado-engage',
		]);
	});

	describe.each(PACKAGES.map((spec) => [spec.name, spec] as const))('%s', (name, spec) => {
		const manifest = () => JSON.parse(readFileSync(join(stageOf(name), 'package.json'), 'utf8')) as Record<string, unknown>;

		test('package.json follows the community package rules', () => {
			const pkg = manifest();
			expect(pkg.name).toBe(name);
			expect(pkg.version).toBe(packageJson.version);
			expect(pkg.keywords).toContain('n8n-community-node-package');
			expect(pkg.files).toEqual(['dist']);
			expect(pkg.dependencies).toBeUndefined();
			expect(pkg.scripts).toBeUndefined();
			expect(pkg.peerDependencies).toEqual({ 'n8n-workflow': '*' });
			expect(pkg.license).toBe('MIT');
		});

		test("the tarball holds only this vendor's node and credential, the shared helpers, README and LICENSE", () => {
			const [pack] = JSON.parse(
				execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: stageOf(name), encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }),
			) as Array<{ files: Array<{ path: string }> }>;
			const files = pack.files.map((file) => file.path).sort();
			const own = new RegExp(`^dist/(nodes/(${spec.folder}|shared)/.+\\.(js|node\\.json|svg)|credentials/(${spec.credentials.join('|')})\\.credentials\\.js)$`);

			expect(files.filter((file) => !['package.json', 'README.md', 'LICENSE'].includes(file) && !own.test(file))).toEqual([]);
			expect(files).toContain(`dist/nodes/${spec.folder}/${spec.folder}.node.json`);
			expect(files.some((file) => file.startsWith('dist/nodes/shared/'))).toBe(true);
			expect(readFileSync(join(stageOf(name), 'README.md'), 'utf8')).toMatch(/^## Installation$[\s\S]*^## Operations$[\s\S]*^## Credentials$[\s\S]*^## Compatibility$/m);
		});

		test("n8n's package loader finds its node (and trigger) and credentials, with icons and codex; the API credential works in the HTTP Request node", async () => {
			const loader = new PackageDirectoryLoader(stageOf(name));
			await loader.loadAll();

			expect(loader.packageName).toBe(name);
			expect(Object.keys(loader.nodeTypes).sort()).toEqual([NODE_OF[spec.folder], ...(TRIGGERS_OF[spec.folder] ?? [])].sort());
			const type = loader.getNode(NODE_OF[spec.folder]).type as INodeType;
			expect(type.description.usableAsTool).toBe(true);
			expect(type.description.codex?.resources?.primaryDocumentation?.[0].url).toMatch(/^https:\/\//);
			const codex = JSON.parse(readFileSync(join(stageOf(name), 'dist', 'nodes', spec.folder, `${spec.folder}.node.json`), 'utf8')) as { node: string };
			expect(codex.node).toBe(`${name}.${NODE_OF[spec.folder]}`);
			// n8n turns the node's light and dark `file:` icons into icon URLs once it finds the files.
			expect(Object.keys(type.description.iconUrl as Record<string, string>).sort()).toEqual(['dark', 'light']);
			const icons = readdirSync(join(root, 'nodes', spec.folder)).filter((file) => file.endsWith('.svg'));
			expect(icons).toHaveLength(2);
			for (const icon of icons) expect(existsSync(join(stageOf(name), 'dist', 'nodes', spec.folder, icon))).toBe(true);
			expect(Object.keys(loader.credentialTypes)).toHaveLength(spec.credentials.length);
			for (const credentialName of Object.keys(loader.credentialTypes)) {
				const credential = loader.getCredential(credentialName).type as ICredentialType;
				// A trigger's signing secret only verifies what the vendor sends: it is never attached to a request.
				if (credentialName.endsWith('WebhookApi')) {
					expect(credential.authenticate).toBeUndefined();
					continue;
				}
				// n8n offers a credential under Predefined Credential Type only when `authenticate` is its own.
				expect(Object.prototype.hasOwnProperty.call(credential, 'authenticate')).toBe(true);
				expect(typeof credential.authenticate).toBe('function');
				expect(credential.httpRequestNode).toEqual(expect.objectContaining({ name: expect.any(String), docsUrl: expect.stringMatching(/^https:\/\//) }));
			}
		});
	});

	test('the compiled Loops node from its own package creates a contact through the engine', async () => {
		const loader = new PackageDirectoryLoader(stageOf('n8n-nodes-contacts-loops'));
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

	test('ci.yml runs on every push to main and every pull request, with the commands of .ci/run on Node 20 and the services as containers', () => {
		const ci = workflow('ci.yml') as Workflow & { jobs: Record<string, { services?: Record<string, unknown>; env?: Record<string, string> }> };

		expect(ci.on.push?.branches).toEqual(['main']);
		expect(ci.on).toHaveProperty('pull_request');
		expect(steps(ci).map((step) => step.uses).filter(Boolean)).toEqual(['actions/checkout@v6', 'actions/setup-node@v4']);
		expect(steps(ci).find((step) => step.uses?.startsWith('actions/setup-node'))?.with?.['node-version']).toBe('20');
		const ciRun = readFileSync(join(root, '.ci', 'run'), 'utf8').split('\n').filter((line) => line.startsWith('npm '));
		expect(runs(ci).filter((run) => run.startsWith('npm '))).toEqual(ciRun);
		const job = Object.values(ci.jobs)[0];
		expect(Object.keys(job.services ?? {}).sort()).toEqual(['postgres', 'redis']);
		expect(job.env).toEqual(expect.objectContaining({ CI: 'true', REDIS_URL: expect.any(String), POSTGRES_URL: expect.any(String) }));
		// npm scripts never install system packages; apt, where used, updates its lists first.
		for (const command of [...runs(ci), ...Object.values(scripts)]) expect(command).not.toMatch(/\b(sudo|apt-get)\b/);
		expect(readFileSync(join(root, '.ci', 'run'), 'utf8')).toMatch(/apt-get update[\s\S]*apt-get install/);
	});

	test('publish.yml publishes the four packed packages of a version tag with provenance', () => {
		const publish = workflow('publish.yml');
		const job = Object.values(publish.jobs)[0];

		expect(publish.on.push?.tags).toEqual(['*.*.*']);
		expect(job.permissions).toEqual({ 'id-token': 'write', contents: 'read' });
		expect(runs(publish)).toEqual([
			'npm ci',
			expect.stringContaining('$GITHUB_REF_NAME'),
			'npm test',
			'npm run pack',
			'for tarball in dist-packages/*.tgz; do npm publish "$tarball" --provenance --access public; done',
		]);
		expect(scripts.pack).toBe('npm run build && gulp pack && gulp lint:packages');
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
		const codexFiles = PACKAGES.map((spec) => join(root, 'nodes', spec.folder, `${spec.folder}.node.json`));

		for (const file of codexFiles) {
			const codex = JSON.parse(readFileSync(file, 'utf8')) as { resources: { primaryDocumentation: Array<{ url: string }> } };
			const [ours, vendor] = codex.resources.primaryDocumentation.map((link) => link.url);
			expect(ours).toMatch(new RegExp(`^${repository.replace(/[.]/g, '\\.')}/blob/main/docs/[a-z-]+\\.md$`));
			expect(existsSync(join(root, ours.slice(`${repository}/blob/main/`.length)))).toBe(true);
			expect(vendor).toMatch(/^https:\/\/(loops\.so|developers\.intercom\.com|developer\.salesforce\.com|developer\.voyado\.com)\//);
		}
	});
});
