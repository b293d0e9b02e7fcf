import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { executionSettingsFrom } from './commonFields';
import type { ItemRun } from './execute';
import { executePerItem } from './execute';
import type { VendorApi } from './transport';

/** One operation of a resource: its fields, and what it does for one item. */
export interface ContactOperation {
	description: INodeProperties[];
	/** The output of one item: its contact (or outcome), or for Get Many the list it found. */
	execute: (this: IExecuteFunctions, itemIndex: number, run: ItemRun) => Promise<IDataObject | IDataObject[]>;
}

/**
 * Every node's execute: the chosen Contact operation runs for each item through the shared loop
 * (parallel, paced, one output per input, Continue On Fail).
 */
export async function routeContactOperation(
	this: IExecuteFunctions,
	operations: Record<string, ContactOperation>,
	api: VendorApi,
): Promise<INodeExecutionData[][]> {
	const resource = this.getNodeParameter('resource', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;
	const action = resource === 'contact' && Object.prototype.hasOwnProperty.call(operations, operation) ? operations[operation] : undefined;
	if (!action) throw new NodeOperationError(this.getNode(), `The operation "${operation}" of "${resource}" is not known`);
	return await executePerItem.call(this, action.execute, { ...executionSettingsFrom(this, api), doneMeans: DONE_MEANS[operation] });
}

/** What an item that is done has done, per operation, for the error that stops the node. */
const DONE_MEANS: Record<string, string> = {
	create: 'their contacts exist',
	upsert: 'their contacts were created or updated',
	update: 'their contacts were updated',
	get: 'read; nothing was changed',
	delete: 'their contacts were deleted, or their deletion requested',
	getAll: 'read; nothing was changed',
	archive: 'their contacts were archived',
};
