import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { routeContactOperation } from '../shared/router';
import { VOYADO_CREDENTIAL_TYPE, voyadoApi } from './api';
import * as contact from './actions/contact';
import { getConsents, getStores } from './methods';

export class VoyadoEngage implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Voyado Engage',
		name: 'voyadoEngage',
		icon: { light: 'file:voyadoEngage.svg', dark: 'file:voyadoEngage.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Create, update, get and delete members and contacts in Voyado Engage (API v3)',
		defaults: { name: 'Voyado Engage' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: VOYADO_CREDENTIAL_TYPE, required: true }],
		properties: contact.description,
	};

	methods = {
		loadOptions: { getConsents, getStores },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await routeContactOperation.call(this, contact.operations, voyadoApi);
	}
}
