import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { routeContactOperation } from '../shared/router';
import { INTERCOM_CREDENTIAL_TYPE, intercomApi } from './api';
import * as contact from './actions/contact';
import { getCustomAttributes, getOwners } from './methods';

export class Intercom implements INodeType {
	description: INodeTypeDescription = {
		// Said at a glance in the nodes panel, next to n8n's built-in Intercom node (API 1.x users and leads).
		displayName: 'Intercom Contacts (API 2.x)',
		name: 'intercom',
		icon: { light: 'file:intercom.svg', dark: 'file:intercom.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: '={{"Contacts API 2.x: " + $parameter["operation"]}}',
		description:
			"Create, update, get, delete and archive users and leads in today's Intercom workspaces (Contacts API 2.x, any region), where the built-in Intercom node's user and lead operations (API 1.x) no longer work",
		defaults: { name: 'Intercom Contacts' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: INTERCOM_CREDENTIAL_TYPE, required: true }],
		properties: contact.description,
	};

	methods = {
		loadOptions: { getOwners, getCustomAttributes },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await routeContactOperation.call(this, contact.operations, intercomApi);
	}
}
