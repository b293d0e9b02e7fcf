import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { contactResourceFields, executionSettingsFrom } from '../shared/commonFields';
import { executePerItem } from '../shared/execute';
import { SFMC_CREDENTIAL_TYPE, sfmcApi } from './api';
import { createContact } from './create';
import { createContactFields } from './fields';
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
		description: 'Create contacts with their attribute sets in Salesforce Marketing Cloud Engagement',
		defaults: { name: 'Salesforce Marketing Cloud' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: SFMC_CREDENTIAL_TYPE, required: true }],
		properties: [
			...contactResourceFields('Create a contact in Contact Builder with its attribute sets'),
			...createContactFields,
		],
	};

	methods = {
		loadOptions: { getAttributeSetNames, getAttributeNames },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await executePerItem.call(
			this,
			async (itemIndex, run) => await createContact.call(this, itemIndex, run),
			executionSettingsFrom(this, sfmcApi),
		);
	}
}
