import type { IDataObject, IExecuteFunctions, INode, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { errorItemJson } from './errors';
import { ExecutionCredential } from './executionCredential';
import { ExecutionMemo } from './executionMemo';
import type { RateLimitPolicy } from './rateLimiter';
import { RateLimiter } from './rateLimiter';
import { cancelSignalOf, stoppedError } from './stop';

/** What every item of one execution shares: the pacer of the vendor's rate limit, the credential, and answers loaded once. */
export interface ItemRun {
	limiter: RateLimiter;
	credential?: ExecutionCredential;
	memo: ExecutionMemo;
	/** n8n's cancel signal: every wait and request of the item ends when it fires. */
	signal?: AbortSignal;
}

/**
 * Handles one input item: reads its parameters, validates, sends, and returns the output JSON for
 * it, or (Get Many) the list of output JSONs it gives, each paired with the item.
 */
export type ItemHandler = (this: IExecuteFunctions, itemIndex: number, run: ItemRun) => Promise<IDataObject | IDataObject[]>;

export interface ExecutionSettings {
	/** Items processed at once (each is one or a few requests). */
	concurrency: number;
	rateLimit: RateLimitPolicy;
	/** The credential type the node authenticates with: read once for the whole execution. */
	credentialType?: string;
	/** The credential's expiring token field, if it has one (see ExecutionCredential). */
	tokenField?: string;
	/** The vendor's id in an item's output, to name the contacts created before a stop. */
	contactIdOf?: (output: IDataObject) => unknown;
	/** What a done item has done, for the stop error: "their contacts exist", "read". */
	doneMeans?: string;
}

// Enough to act on; a longer list would bury the error.
const MAX_LISTED_ITEMS = 100;

/**
 * When the node stops at a failing item, the items already done (all earlier ones, and later ones
 * that were in flight) have done their work: the error says which, so a re-run can skip them.
 */
function describeDoneItems(
	output: Array<INodeExecutionData[] | undefined>,
	contactIdOf: (json: IDataObject) => unknown,
	doneMeans: string,
): string | undefined {
	const done = output.flatMap((items, index) => {
		if (!items) return [];
		const id = items.length === 1 ? contactIdOf(items[0].json) : undefined;
		return [`item ${index}${id === undefined || id === null || id === '' ? '' : ` (id ${String(id)})`}`];
	});
	if (done.length === 0) return undefined;
	const more = done.length > MAX_LISTED_ITEMS ? ` and ${done.length - MAX_LISTED_ITEMS} more` : '';
	return `Before the stop, these items were already done (${doneMeans}): ${done.slice(0, MAX_LISTED_ITEMS).join(', ')}${more}. Run only the other items again, or turn on Continue On Fail to get one result per item.`;
}

/**
 * Makes sure an error names its item, without re-wrapping an n8n error (which would lose it). An
 * error already naming another item is one failure shared by several items (a read made once per
 * execution, such as the account's field types): each item gets its own copy, with its own index.
 */
export function asItemError(node: INode, error: unknown, itemIndex: number): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) {
		if (error.context.itemIndex === undefined) error.context.itemIndex = itemIndex;
		else if (error.context.itemIndex !== itemIndex) return copyForItem(error, itemIndex);
		return error;
	}
	return new NodeOperationError(node, error as Error, { itemIndex });
}

function copyForItem<E extends NodeApiError | NodeOperationError>(error: E, itemIndex: number): E {
	const copy = Object.create(Object.getPrototypeOf(error) as object, Object.getOwnPropertyDescriptors(error)) as E;
	copy.context = { ...error.context, itemIndex };
	return copy;
}

/**
 * The per-item loop every node shares: the first item alone, then up to `concurrency` items in
 * flight, paced by one shared rate limiter, and exactly one output entry per input item (Get
 * Many: the entries it found, none or many), in input order, each with `pairedItem`. Each item's
 * parameters are read by that item's handler when it starts, through n8n's own context, as n8n
 * evaluates them.
 *
 * With Continue On Fail a failing item becomes an error item (`{ error, details }`, see
 * errorItemJson). Without it the node stops at the first failing item (in input order): no new
 * items start, the ones already in flight finish, and that error is thrown, its description naming
 * the items already done and their contact ids.
 *
 * Stop (n8n's cancel signal): no item starts after it, every wait ends at once, n8n's request
 * helper aborts the requests in flight, and the node returns at once with an error, so no item is
 * reported as done that was not.
 */
export async function executePerItem(
	this: IExecuteFunctions,
	handleItem: ItemHandler,
	settings: ExecutionSettings = { concurrency: 1, rateLimit: {} },
): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const concurrency = Math.max(1, Math.min(Math.floor(settings.concurrency) || 1, items.length || 1));
	const signal = cancelSignalOf(this);
	const run: ItemRun = {
		limiter: new RateLimiter(settings.rateLimit),
		credential: settings.credentialType ? new ExecutionCredential(this, settings.credentialType, settings.tokenField) : undefined,
		memo: new ExecutionMemo(),
		signal,
	};
	// Per input item, what it gives: one entry, or none or many for Get Many.
	const output: INodeExecutionData[][] = new Array(items.length);
	const continueOnFail = this.continueOnFail();
	let next = 0;
	const failed: { first?: { itemIndex: number; error: NodeApiError | NodeOperationError } } = {};
	const recordFailure = (itemIndex: number, error: NodeApiError | NodeOperationError) => {
		if (failed.first === undefined || itemIndex < failed.first.itemIndex) failed.first = { itemIndex, error };
	};

	const processItem = async (itemIndex: number) => {
		try {
			const result = await handleItem.call(this, itemIndex, run);
			output[itemIndex] = (Array.isArray(result) ? result : [result]).map((json) => ({ json, pairedItem: { item: itemIndex } }));
		} catch (error) {
			if (signal?.aborted) return; // stopped: this item's end says nothing about the item
			const itemError = asItemError(this.getNode(), error, itemIndex);
			if (continueOnFail) {
				output[itemIndex] = [{ json: errorItemJson(itemError), pairedItem: { item: itemIndex } }];
			} else {
				recordFailure(itemIndex, itemError);
			}
		}
	};
	const mayStart = () => failed.first === undefined && next < items.length && !signal?.aborted;
	const worker = async () => {
		while (mayStart()) await processItem(next++);
	};
	// The first item goes alone: a credential that fetches a token (SFMC) does so once, and the
	// vendor's rate-limit headers are known before the others start. No race with Stop here: every
	// wait ends on it and n8n aborts the requests, so when this returns, no item's work goes on.
	if (mayStart()) await processItem(next++);
	await Promise.all(Array.from({ length: concurrency }, worker));
	if (signal?.aborted) throw stoppedError(this.getNode());
	if (failed.first) {
		const { error } = failed.first;
		const done = describeDoneItems(output, settings.contactIdOf ?? ((json) => json.id), settings.doneMeans ?? 'their work is done');
		if (done) error.description = error.description ? `${error.description} ${done}` : done;
		throw error;
	}
	return [output.flat()];
}
