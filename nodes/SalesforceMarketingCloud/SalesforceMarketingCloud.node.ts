import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { routeContactOperation } from '../shared/router';
import { SFMC_CREDENTIAL_TYPE, sfmcApi } from './api';
import * as contact from './actions/contact';
import { getAttributeNames, getAttributeSetNames } from './methods';

export class SalesforceMarketingCloud implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Salesforce Marketing Cloud',
		name: 'salesforceMarketingCloud',
		icon: {
			light: 'file:salesforceMarketingCloud.svg',
			dark: 'file:salesforceMarketingCloud.dark.svg',
		},
		group: ['output'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Create, update, get and delete contacts with their attribute sets in Salesforce Marketing Cloud Engagement (which sends no contact events, so there is no trigger)',
		defaults: { name: 'Salesforce Marketing Cloud' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: SFMC_CREDENTIAL_TYPE, required: true }],
		properties: contact.description,
	};

	methods = {
		loadOptions: { getAttributeSetNames, getAttributeNames },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await routeContactOperation.call(this, contact.operations, sfmcApi);
	}
}
