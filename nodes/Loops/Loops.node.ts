import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { contactResourceFields, executionSettingsFrom } from '../shared/commonFields';
import { executePerItem } from '../shared/execute';
import { LOOPS_CREDENTIAL_TYPE, loopsApi } from './api';
import { createContact } from './create';
import { createContactFields } from './fields';
import { getCustomProperties, getMailingLists } from './methods';

export class Loops implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Loops',
		name: 'loops',
		icon: { light: 'file:loops.svg', dark: 'file:loops.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Create contacts in Loops, the email platform for SaaS',
		defaults: { name: 'Loops' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: LOOPS_CREDENTIAL_TYPE, required: true }],
		properties: [...contactResourceFields('Add a new contact to your Loops audience'), ...createContactFields],
	};

	methods = {
		loadOptions: { getMailingLists, getCustomProperties },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await executePerItem.call(
			this,
			async (itemIndex, run) => await createContact.call(this, itemIndex, run),
			executionSettingsFrom(this, loopsApi),
		);
	}
}
