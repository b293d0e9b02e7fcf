import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { contactResourceFields, executionSettingsFrom } from '../shared/commonFields';
import { executePerItem } from '../shared/execute';
import { INTERCOM_CREDENTIAL_TYPE, intercomApi } from './api';
import { createContact } from './create';
import { createContactFields } from './fields';
import { getCustomAttributes, getOwners } from './methods';

export class Intercom implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Intercom Contacts',
		name: 'intercom',
		icon: { light: 'file:intercom.svg', dark: 'file:intercom.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Create users and leads with the Intercom Contacts API (2.x), in any region',
		defaults: { name: 'Intercom Contacts' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: INTERCOM_CREDENTIAL_TYPE, required: true }],
		properties: [
			...contactResourceFields('Create a user or a lead in Intercom'),
			...createContactFields,
		],
	};

	methods = {
		loadOptions: { getOwners, getCustomAttributes },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await executePerItem.call(
			this,
			async (itemIndex, run) => await createContact.call(this, itemIndex, run),
			executionSettingsFrom(this, intercomApi),
		);
	}
}
