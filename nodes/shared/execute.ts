import type { IDataObject, IExecuteFunctions, INode, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { errorItemJson } from './errors';

/** Handles one input item: validates, sends, and returns the output JSON for it. */
export type ItemHandler = (itemIndex: number) => Promise<IDataObject>;

/** Makes sure an error names its item, without re-wrapping an n8n error (which would lose it). */
export function asItemError(node: INode, error: unknown, itemIndex: number): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) {
		if (error.context.itemIndex === undefined) error.context.itemIndex = itemIndex;
		return error;
	}
	return new NodeOperationError(node, error as Error, { itemIndex });
}

/**
 * The per-item loop every node shares: exactly one output entry per input item, in input order,
 * each with `pairedItem`. With Continue On Fail a failing item becomes an error item
 * (`{ error, details }`, see errorItemJson); without it the first failure stops the node.
 */
export async function executePerItem(
	this: IExecuteFunctions,
	handleItem: ItemHandler,
): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const output: INodeExecutionData[] = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			const json = await handleItem(itemIndex);
			output.push(
				...this.helpers.constructExecutionMetaData(this.helpers.returnJsonArray(json), {
					itemData: { item: itemIndex },
				}),
			);
		} catch (error) {
			const itemError = asItemError(this.getNode(), error, itemIndex);
			if (!this.continueOnFail()) throw itemError;
			output.push({ json: errorItemJson(itemError), pairedItem: { item: itemIndex } });
		}
	}
	return [output];
}
