import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { routeContactOperation } from '../shared/router';
import { LOOPS_CREDENTIAL_TYPE, loopsApi } from './api';
import * as contact from './actions/contact';
import { getCustomProperties, getMailingLists } from './methods';

export class Loops implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Loops',
		name: 'loops',
		icon: { light: 'file:loops.svg', dark: 'file:loops.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Create, update, get and delete contacts in Loops, the email platform for SaaS',
		defaults: { name: 'Loops' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: LOOPS_CREDENTIAL_TYPE, required: true }],
		properties: contact.description,
	};

	methods = {
		loadOptions: { getMailingLists, getCustomProperties },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await routeContactOperation.call(this, contact.operations, loopsApi);
	}
}
