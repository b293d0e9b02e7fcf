/* eslint-disable @n8n/community-nodes/node-usable-as-tool */
import { ExecutionLifecycleHooks, WorkflowExecute } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	IDataObject,
	IExecuteFunctions,
	INode,
	INodeExecutionData,
	INodeParameters,
	INodeType,
	INodeTypeDescription,
	INodeTypes,
	IRun,
	IRunExecutionData,
	IVersionedNodeType,
	IWorkflowBase,
	IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';
import { createRunExecutionData, NodeConnectionTypes, NodeHelpers, Workflow } from 'n8n-workflow';

import { TestCredentialsHelper } from './credentials';
import { captureLogs, logMark, logsSince, recordForScan } from './scanRecorder';

export const PACKAGE_NAME = 'n8n-nodes-contacts';
const SOURCE_TYPE = 'test.itemSource';

/**
 * The "trigger" of every test workflow: emits the items the test gives it, so the node under test
 * receives them through a real connection, exactly as after any other node in a workflow.
 */
class ItemSource implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Item Source',
		name: 'itemSource',
		group: ['input'],
		version: 1,
		description: 'Emits the items of the test',
		defaults: { name: 'Items' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		properties: [{ displayName: 'Items', name: 'items', type: 'json', default: '[]' }],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = JSON.parse(this.getNodeParameter('items', 0) as string) as IDataObject[];
		return [items.map((json) => ({ json }))];
	}
}

/** An INodeTypes registry over node classes, keyed as n8n keys community nodes. */
export class TestNodeTypes implements INodeTypes {
	private readonly types: Record<string, INodeType | IVersionedNodeType> = {
		[SOURCE_TYPE]: new ItemSource() as unknown as INodeType,
	};

	add(type: INodeType | IVersionedNodeType, name = `${PACKAGE_NAME}.${type.description.name}`): string {
		this.types[name] = type;
		return name;
	}

	getByName(name: string): INodeType | IVersionedNodeType {
		const type = this.types[name];
		if (!type) throw new Error(`Unknown node type ${name}`);
		return type;
	}

	getByNameAndVersion(name: string, version?: number): INodeType {
		return NodeHelpers.getVersionedNodeType(this.getByName(name), version);
	}

	getKnownTypes() {
		return {};
	}
}

export interface EngineSetup {
	nodeType: INodeType;
	credentialTypes: ICredentialType[];
}

export interface RunOptions {
	parameters: INodeParameters;
	items: IDataObject[];
	/** n8n's "On Error" setting; 'continueRegularOutput' is "Continue" (Continue On Fail). */
	onError?: INode['onError'];
	/** The workflow's Settings > Timezone; UTC unless a test says otherwise. */
	timezone?: string;
	/** Called once the run has started, with what n8n does on Stop: cancel the execution. */
	onStarted?: (stop: () => void) => void;
}

export interface RunResult {
	run: IRun;
	status: IRun['status'];
	/** The node's main output, in order. */
	items: INodeExecutionData[];
	/** The error that stopped the workflow, when it stopped. */
	error?: Error & { description?: string; httpCode?: string | null; context?: IDataObject };
}

export const NODE_NAME = 'Node Under Test';

/**
 * Runs one node in a two-node workflow (Item Source -> node) through n8n-core's WorkflowExecute,
 * with n8n's own request helpers and the credential logic above. Credentials live in
 * `credentials.store`, so a token written back by one run is reused by the next, as in n8n.
 */
export class TestEngine {
	readonly nodeTypes = new TestNodeTypes();
	readonly credentials: TestCredentialsHelper;
	readonly nodeTypeName: string;

	constructor(private readonly setup: EngineSetup) {
		captureLogs();
		this.nodeTypeName = this.nodeTypes.add(setup.nodeType);
		this.credentials = new TestCredentialsHelper(
			Object.fromEntries(setup.credentialTypes.map((type) => [type.name, type])),
		);
	}

	setCredential(type: string, data: ICredentialDataDecryptedObject): void {
		this.credentials.store.set(type, { ...data });
	}

	node(parameters: INodeParameters, onError?: INode['onError']): INode {
		const credentials = Object.fromEntries(
			(this.setup.nodeType.description.credentials ?? []).map((c) => [c.name, { id: '1', name: `${c.name} test` }]),
		);
		return {
			id: 'node-under-test',
			name: NODE_NAME,
			type: this.nodeTypeName,
			typeVersion: 1,
			position: [200, 0],
			parameters,
			credentials,
			...(onError ? { onError } : {}),
		};
	}

	workflow(nodes: INode[], connections: IWorkflowBase['connections'] = {}, timezone = 'UTC'): Workflow {
		return new Workflow({
			id: 'test',
			name: 'test',
			nodes,
			connections,
			active: false,
			nodeTypes: this.nodeTypes,
			settings: { timezone },
		});
	}

	additionalData(workflowData: IWorkflowBase): IWorkflowExecuteAdditionalData {
		const hooks = new ExecutionLifecycleHooks('manual', '1', workflowData);
		return {
			hooks,
			credentialsHelper: this.credentials,
			variables: {},
			executionId: '1',
			restApiUrl: 'http://localhost:5678/rest',
			instanceBaseUrl: 'http://localhost:5678/',
			formWaitingBaseUrl: 'http://localhost:5678/form-waiting',
			webhookBaseUrl: 'http://localhost:5678/webhook',
			webhookWaitingBaseUrl: 'http://localhost:5678/webhook-waiting',
			webhookTestBaseUrl: 'http://localhost:5678/webhook-test',
			userId: '1',
			currentNodeParameters: undefined,
		} as unknown as IWorkflowExecuteAdditionalData;
	}

	async run(options: RunOptions): Promise<RunResult> {
		const source: INode = {
			id: 'items',
			name: 'Items',
			type: SOURCE_TYPE,
			typeVersion: 1,
			position: [0, 0],
			parameters: { items: JSON.stringify(options.items) },
		};
		const node = this.node(options.parameters, options.onError);
		const connections = { Items: { main: [[{ node: NODE_NAME, type: NodeConnectionTypes.Main, index: 0 }]] } };
		const workflow = this.workflow([source, node], connections, options.timezone);
		const workflowData: IWorkflowBase = {
			id: 'test',
			name: 'test',
			active: false,
			isArchived: false,
			nodes: [source, node],
			connections,
			createdAt: new Date(),
			updatedAt: new Date(),
			activeVersionId: null,
		} as unknown as IWorkflowBase;
		const runExecutionData: IRunExecutionData = createRunExecutionData({
			executionData: {
				nodeExecutionStack: [{ node: source, data: { main: [[{ json: {} }]] }, source: null }],
			},
		});
		const mark = logMark();
		const execution = new WorkflowExecute(this.additionalData(workflowData), 'manual', runExecutionData);
		const running = execution.processRunExecutionData(workflow);
		options.onStarted?.(() => running.cancel());
		const run = await running;
		const task = run.data.resultData.runData[NODE_NAME]?.[0];
		recordForScan(`${this.nodeTypeName} run`, [JSON.stringify(run.data.resultData), run.data.resultData.error]);
		recordForScan(`${this.nodeTypeName} logs`, logsSince(mark).join('\n'));
		return {
			run,
			status: run.status,
			items: task?.data?.main?.[0] ?? [],
			error: run.data.resultData.error as RunResult['error'],
		};
	}
}
