// The nodes as AI-agent tools in real n8n: Manual Trigger -> n8n's AI Agent, whose chat model is
// n8n's OpenAI Chat Model pointed (through its credential's base URL) at the loopback stand-in in
// mockLlm.mjs, and whose tool is one of this package's nodes with $fromAI fields. Community nodes
// are allowed as tools (N8N_COMMUNITY_PACKAGES_ALLOW_TOOL_USAGE). The model's transcript is saved
// beside the e2e screenshots.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { startMockLlm } from './mockLlm.mjs';
import { n8n, n8nOk, runFromExecuteOutput, VENDOR_NODES } from './lib.mjs';

const TOOL_ENV = { N8N_COMMUNITY_PACKAGES_ALLOW_TOOL_USAGE: 'true' };

/** Per vendor: the tool node's fields ($fromAI where the model chooses), and how to find what it stored. */
const TOOLS = {
	loops: {
		parameters: {
			resource: 'contact',
			operation: 'create',
			email: "={{ $fromAI('email', 'The new contact\\'s email address', 'string') }}",
			additionalFields: { firstName: "={{ $fromAI('first_name', 'The contact\\'s first name', 'string') }}" },
		},
		stored: (mocks, email) => mocks.loops.contacts.filter((contact) => contact.email === email),
		firstNameOf: (contact) => contact.firstName,
		secrets: ['sandbox-loops-key'],
	},
	intercom: {
		parameters: {
			resource: 'contact',
			operation: 'create',
			role: 'user',
			email: "={{ $fromAI('email', 'The new contact\\'s email address', 'string') }}",
			additionalFields: { name: "={{ $fromAI('full_name', 'The contact\\'s full name', 'string') }}" },
		},
		stored: (mocks, email) => mocks.intercom.contacts.filter((contact) => contact.email === email),
		firstNameOf: (contact) => contact.name,
		secrets: ['sandbox-intercom-token'],
	},
};

function agentWorkflow(vendor, llmCredentialId, { id = `agent${vendor[0].toUpperCase()}${vendor.slice(1)}`, parameters = TOOLS[vendor].parameters, prompt = 'Add Ada Lovelace as a new contact.' } = {}) {
	const node = VENDOR_NODES[vendor];
	const toolName = `${node.name} tool`;
	return {
		id,
		name: `AI agent: ${prompt} (${node.name}, sandbox)`,
		active: false,
		settings: { executionOrder: 'v1' },
		nodes: [
			{ id: `${id}-start`, name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
			{
				id: `${id}-agent`,
				name: 'AI Agent',
				type: '@n8n/n8n-nodes-langchain.agent',
				typeVersion: 2.2,
				position: [220, 0],
				parameters: { promptType: 'define', text: prompt, options: {} },
			},
			{
				id: `${id}-model`,
				name: 'OpenAI Chat Model',
				type: '@n8n/n8n-nodes-langchain.lmChatOpenAi',
				typeVersion: 1.2,
				position: [200, 220],
				parameters: { model: { __rl: true, mode: 'id', value: 'mock-model' }, options: {} },
				credentials: { openAiApi: { id: llmCredentialId, name: 'Mock language model' } },
			},
			{
				id: `${id}-tool`,
				name: toolName,
				type: `${node.type}Tool`,
				typeVersion: 1,
				position: [420, 220],
				parameters,
				credentials: node.credential,
			},
		],
		connections: {
			Start: { main: [[{ node: 'AI Agent', type: 'main', index: 0 }]] },
			'OpenAI Chat Model': { ai_languageModel: [[{ node: 'AI Agent', type: 'ai_languageModel', index: 0 }]] },
			[toolName]: { ai_tool: [[{ node: 'AI Agent', type: 'ai_tool', index: 0 }]] },
		},
		pinData: {},
	};
}

/**
 * The other operations an agent calls: Delete (Loops) and Get Many (Intercom), each with the
 * model's email, checked at the mock and in the result the model receives.
 */
const OPERATIONS = [
	{
		vendor: 'loops',
		id: 'agentLoopsDelete',
		prompt: 'Ada asked to be forgotten: delete her contact.',
		parameters: { resource: 'contact', operation: 'delete', findBy: 'email', email: "={{ $fromAI('email', 'The email of the contact to delete', 'string') }}" },
		seed: (mocks, email) => mocks.loops.contacts.push({ id: 'clagentdelete', email }),
		done: (mocks, email, result) => ({
			ok: !mocks.loops.contacts.some((contact) => contact.email === email) && result.includes('"outcome":"deleted"'),
			detail: `${mocks.loops.contacts.filter((contact) => contact.email === email).length} left`,
		}),
	},
	{
		vendor: 'intercom',
		id: 'agentIntercomGetMany',
		prompt: 'Find every contact with the email of Ada.',
		parameters: { resource: 'contact', operation: 'getAll', returnAll: true, filters: { email: "={{ $fromAI('email', 'The email to search contacts by', 'string') }}" } },
		seed: (mocks, email) => mocks.intercom.contacts.push({ type: 'contact', id: 'agentfound1', role: 'user', email, created_at: 1 }),
		done: (mocks, email, result) => {
			const searched = mocks.intercom.server.requestsTo('POST', '/contacts/search').some((request) => request.body?.query?.value === email);
			return { ok: searched && result.includes('agentfound1'), detail: `searched by the model's email: ${searched}` };
		},
	},
];

/** Runs one agent workflow against a fresh mock model; resolves with the run and the model's transcript. */
async function runAgent(userFolder, vendor, email, options, transcriptsDir, transcriptName) {
	const llm = await startMockLlm({ email });
	const dir = mkdtempSync(join(tmpdir(), 'contacts-agent-'));
	try {
		const credentialId = `mockLlm${options.id ?? vendor}`;
		writeFileSync(join(dir, 'credentials.json'), JSON.stringify([{ id: credentialId, name: 'Mock language model', type: 'openAiApi', data: { apiKey: 'sk-mock-llm-key', url: llm.baseUrl } }]));
		await n8nOk(userFolder, ['import:credentials', `--input=${join(dir, 'credentials.json')}`]);
		const workflow = agentWorkflow(vendor, credentialId, options);
		writeFileSync(join(dir, 'workflow.json'), JSON.stringify(workflow));
		await n8nOk(userFolder, ['import:workflow', `--input=${join(dir, 'workflow.json')}`]);
		const { stdout } = await n8n(userFolder, ['execute', `--id=${workflow.id}`, '--rawOutput'], TOOL_ENV);
		writeFileSync(join(transcriptsDir, transcriptName), `${JSON.stringify(llm.transcript, null, 2)}\n`);
		return { run: runFromExecuteOutput(stdout) ?? { status: 'no JSON output' }, transcript: llm.transcript };
	} finally {
		await llm.stop();
		rmSync(dir, { recursive: true, force: true });
	}
}

/** Delete and Get Many as tools: the model's arguments reach the vendor, and the result reaches the model. */
export async function agentOperationChecks(userFolder, mocks, transcriptsDir) {
	mkdirSync(transcriptsDir, { recursive: true });
	const results = [];
	for (const scenario of OPERATIONS) {
		const email = `agent.${scenario.id}@example.com`;
		scenario.seed(mocks, email);
		const { run, transcript } = await runAgent(userFolder, scenario.vendor, email, scenario, transcriptsDir, `${scenario.id}-transcript.json`);
		const result = String(transcript[1]?.request?.messages?.find((message) => message.role === 'tool')?.content ?? '');
		const done = scenario.done(mocks, email, result);
		const name = `${scenario.vendor} ${scenario.parameters.operation} as a tool`;
		results.push({ name: `${name}: n8n's AI agent ran it with the model's arguments, and the result reached the model`, ok: (run.status === 'success' || run.finished === true) && transcript.length === 2 && done.ok, detail: `status ${run.status}; ${done.detail}; ${result.slice(0, 160)}` });
	}
	return results;
}

/** Runs the agent workflow per vendor; returns check results, and writes each transcript to `transcriptsDir`. */
export async function agentCheck(userFolder, mocks, transcriptsDir) {
	const results = [];
	const check = (name, ok, detail = '') => results.push({ name, ok, detail });
	mkdirSync(transcriptsDir, { recursive: true });
	for (const vendor of Object.keys(TOOLS)) {
		const email = `agent.${vendor}@example.com`;
		const llm = await startMockLlm({ email });
		const dir = mkdtempSync(join(tmpdir(), 'contacts-agent-'));
		try {
			const credentialId = `mockLlm${vendor}`;
			writeFileSync(join(dir, 'credentials.json'), JSON.stringify([{ id: credentialId, name: 'Mock language model', type: 'openAiApi', data: { apiKey: 'sk-mock-llm-key', url: llm.baseUrl } }]));
			await n8nOk(userFolder, ['import:credentials', `--input=${join(dir, 'credentials.json')}`]);
			const workflow = agentWorkflow(vendor, credentialId);
			writeFileSync(join(dir, 'workflow.json'), JSON.stringify(workflow));
			await n8nOk(userFolder, ['import:workflow', `--input=${join(dir, 'workflow.json')}`]);

			const { stdout } = await n8n(userFolder, ['execute', `--id=${workflow.id}`, '--rawOutput'], TOOL_ENV);
			const run = runFromExecuteOutput(stdout) ?? { status: 'no JSON output' };
			writeFileSync(join(transcriptsDir, `agent-${vendor}-transcript.json`), `${JSON.stringify(llm.transcript, null, 2)}\n`);

			const output = run.data?.resultData?.runData?.['AI Agent']?.[0]?.data?.main?.[0]?.[0]?.json?.output;
			const [first, second] = llm.transcript;
			const tool = first?.request?.tools?.[0]?.function;
			const chosen = JSON.parse(first?.answer?.tool_calls?.[0]?.function?.arguments ?? '{}');
			const toolMessage = second?.request?.messages?.find((message) => message.role === 'tool');
			const stored = TOOLS[vendor].stored(mocks, email);
			const name = VENDOR_NODES[vendor].name;

			check(`${vendor} as a tool: n8n's AI agent ran it`, (run.status === 'success' || run.finished === true) && llm.transcript.length === 2, `status ${run.status}, ${llm.transcript.length} model calls`);
			check(
				`${vendor} as a tool: its description tells the model what it does and which fields it needs`,
				typeof tool?.description === 'string' && /contact/i.test(tool.description) && Object.keys(tool?.parameters?.properties ?? {}).length > 0 && (tool?.parameters?.required ?? []).includes('email'),
				`${tool?.name}: "${tool?.description}"; fields ${Object.keys(tool?.parameters?.properties ?? {}).join(', ')}; required ${(tool?.parameters?.required ?? []).join(', ')}`,
			);
			check(
				`${vendor} as a tool: the mock ${name} received the contact with the arguments the model chose`,
				stored.length === 1 && chosen.email === email && TOOLS[vendor].firstNameOf(stored[0]) === Object.values(chosen).find((value) => value !== email),
				`${stored.length} stored; model chose ${JSON.stringify(chosen)}`,
			);
			const result = String(toolMessage?.content ?? '');
			const leaked = TOOLS[vendor].secrets.filter((secret) => result.includes(secret) || JSON.stringify(llm.transcript).includes(secret));
			check(
				`${vendor} as a tool: the result the model receives holds the created contact, and no secret`,
				stored.length === 1 && result.includes(String(stored[0].id)) && result.includes(email) && leaked.length === 0,
				`${result.slice(0, 160)}${leaked.length ? `; leaked ${leaked.join(', ')}` : ''}`,
			);
			check(`${vendor} as a tool: the agent's final output is the model's answer`, output === `Done: the contact ${email} exists now, with id ${stored[0]?.id}.`, String(output));
		} finally {
			await llm.stop();
			rmSync(dir, { recursive: true, force: true });
		}
	}
	return results;
}
