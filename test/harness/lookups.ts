import { ExecuteContext, LoadOptionsContext, RoutingNode } from 'n8n-core';
import type {
	ICredentialType,
	INode,
	INodeCredentialTestResult,
	INodeParameters,
	INodePropertyOptions,
	INodeType,
	INodeTypes,
	IRunExecutionData,
	IWorkflowBase,
} from 'n8n-workflow';
import { NodeHelpers, Workflow } from 'n8n-workflow';

import type { TestEngine } from './engine';
import { recordForScan } from './scanRecorder';

/**
 * Calls a node's loadOptions method the way the editor does: a LoadOptionsContext on a one-node
 * workflow holding the node's current parameters, with the stored credential. `path` is the
 * parameter being edited (e.g. `parameters.rows.row[0].name`), which "&sibling" lookups use.
 */
export async function loadOptions(
	engine: TestEngine,
	method: string,
	parameters: INodeParameters = {},
	path = 'parameters.field',
): Promise<INodePropertyOptions[]> {
	const node = engine.node(parameters);
	const workflow = engine.workflow([node]);
	const additionalData = engine.additionalData({ nodes: [node], connections: {} } as unknown as IWorkflowBase);
	additionalData.currentNodeParameters = parameters;
	const context = new LoadOptionsContext(workflow, node, additionalData, path);
	const nodeType = engine.nodeTypes.getByNameAndVersion(node.type, 1);
	const loader = nodeType.methods?.loadOptions?.[method];
	if (!loader) throw new Error(`No loadOptions method ${method}`);
	return await loader.call(context).then(
		(options) => {
			recordForScan(`loadOptions ${method}`, options);
			return options;
		},
		(error: unknown) => {
			recordForScan(`loadOptions ${method} error`, error);
			throw error;
		},
	);
}

const TEST_NODE_TYPE = 'n8n-nodes-base.noOp';

/**
 * The editor's "Test" button for a credential with a `test` request, mirroring
 * packages/cli/src/services/credentials-tester.service.ts (n8n 2.41): a temporary NoOp node whose
 * only property routes the test request, run by n8n-core's RoutingNode with the credential's
 * own authenticate (and preAuthentication: the node is the "testing" node n8n recognises).
 */
export async function testCredential(
	engine: TestEngine,
	credentialType: ICredentialType,
): Promise<INodeCredentialTestResult> {
	const result = await runCredentialTest(engine, credentialType);
	recordForScan(`credential test ${credentialType.name}`, result);
	return result;
}

async function runCredentialTest(
	engine: TestEngine,
	credentialType: ICredentialType,
): Promise<INodeCredentialTestResult> {
	const testRequest = credentialType.test;
	if (!testRequest) return { status: 'Error', message: 'No testing function found for this credential.' };
	const stored = engine.credentials.store.get(credentialType.name) ?? {};
	const data = NodeHelpers.getNodeParameters(credentialType.properties, stored as never, true, false, null, null);
	const credentialsDecrypted = { id: '1', name: 'test', type: credentialType.name, data: data as never };

	const node: INode = {
		id: 'temp',
		parameters: {},
		name: 'Temp-Node',
		type: TEST_NODE_TYPE,
		typeVersion: 1,
		position: [0, 0],
		credentials: { [credentialType.name]: { id: '1', name: 'test' } },
	};
	const nodeTypeCopy: INodeType = {
		description: {
			displayName: 'Temp',
			name: TEST_NODE_TYPE,
			group: ['transform'],
			version: 1,
			description: '',
			defaults: {},
			inputs: [],
			outputs: [],
			credentials: [{ name: credentialType.name, required: true }],
			properties: [
				{ displayName: 'Temp', name: 'temp', type: 'string', routing: { request: testRequest.request }, default: '' },
			],
		},
	};
	const nodeTypes: INodeTypes = {
		getByName: () => nodeTypeCopy,
		getByNameAndVersion: () => nodeTypeCopy,
		getKnownTypes: () => ({}),
	};
	const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes });
	const runExecutionData: IRunExecutionData = { resultData: { runData: {} } } as IRunExecutionData;
	const additionalData = engine.additionalData({ nodes: [node], connections: {} } as unknown as IWorkflowBase);
	const context = new ExecuteContext(
		workflow,
		node,
		additionalData,
		'internal',
		runExecutionData,
		0,
		[],
		{ main: [[{ json: {} }]] },
		{ node, data: {}, source: null },
		[],
	);
	const routingNode = new RoutingNode(context, nodeTypeCopy, credentialsDecrypted);
	try {
		await routingNode.runNode();
	} catch (error) {
		const cause = (error as { cause?: { response?: { status: number; statusText?: string }; code?: string } }).cause;
		if (cause?.response) {
			const { status, statusText } = cause.response;
			for (const rule of testRequest.rules ?? []) {
				if (rule.type === 'responseCode' && rule.properties.value === status) {
					return { status: 'Error', message: rule.properties.message };
				}
			}
			if (status < 199 || status > 299) {
				return { status: 'Error', message: statusText || `Received HTTP status code: ${status}` };
			}
		} else if (cause?.code) {
			return { status: 'Error', message: cause.code };
		}
		return { status: 'Error', message: (error as Error).message.toString() };
	}
	return { status: 'OK', message: 'Connection successful!' };
}
