import type { IDataObject, IExecuteFunctions, INode, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { errorItemJson } from './errors';
import { ExecutionCredential } from './executionCredential';
import { ExecutionMemo } from './executionMemo';
import { ParameterPrefetch } from './parameterPrefetch';
import type { RateLimitPolicy } from './rateLimiter';
import { RateLimiter } from './rateLimiter';

/** What every item of one execution shares: the pacer of the vendor's rate limit, the credential, and answers loaded once. */
export interface ItemRun {
	limiter: RateLimiter;
	credential?: ExecutionCredential;
	memo: ExecutionMemo;
}

/**
 * Handles one input item: validates, sends, and returns the output JSON for it. `this` is the
 * node's context, whose parameters may have been resolved ahead (see ParameterPrefetch).
 */
export type ItemHandler = (this: IExecuteFunctions, itemIndex: number, run: ItemRun) => Promise<IDataObject>;

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
}

// Enough to act on; a longer list would bury the error.
const MAX_LISTED_ITEMS = 100;

/**
 * When the node stops at a failing item, the items already done (all earlier ones, and later ones
 * that were in flight) have created their contacts: the error says which, so a re-run can skip them.
 */
function describeDoneItems(
	output: Array<INodeExecutionData | undefined>,
	contactIdOf: (json: IDataObject) => unknown,
): string | undefined {
	const done = output.flatMap((item, index) => {
		if (!item) return [];
		const id = contactIdOf(item.json);
		return [`item ${index}${id === undefined || id === null || id === '' ? '' : ` (id ${String(id)})`}`];
	});
	if (done.length === 0) return undefined;
	const more = done.length > MAX_LISTED_ITEMS ? ` and ${done.length - MAX_LISTED_ITEMS} more` : '';
	return `Before the stop, these items were already done and their contacts exist: ${done.slice(0, MAX_LISTED_ITEMS).join(', ')}${more}. Run only the other items again, or turn on Continue On Fail to get one result per item.`;
}

/** Makes sure an error names its item, without re-wrapping an n8n error (which would lose it). */
export function asItemError(node: INode, error: unknown, itemIndex: number): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) {
		if (error.context.itemIndex === undefined) error.context.itemIndex = itemIndex;
		return error;
	}
	return new NodeOperationError(node, error as Error, { itemIndex });
}

/**
 * The per-item loop every node shares: the first item alone, then up to `concurrency` items in
 * flight, paced by one shared rate limiter, and exactly one output entry per input item, in input order, each with
 * `pairedItem`. With Continue On Fail a failing item becomes an error item
 * (`{ error, details }`, see errorItemJson). Without it the node stops at the first failing item
 * (in input order): no new items start, the ones already in flight finish, and that error is
 * thrown, its description naming the items already done and their contact ids.
 */
export async function executePerItem(
	this: IExecuteFunctions,
	handleItem: ItemHandler,
	settings: ExecutionSettings = { concurrency: 1, rateLimit: {} },
): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const concurrency = Math.max(1, Math.min(Math.floor(settings.concurrency) || 1, items.length || 1));
	const run: ItemRun = {
		limiter: new RateLimiter(settings.rateLimit),
		credential: settings.credentialType ? new ExecutionCredential(this, settings.credentialType, settings.tokenField) : undefined,
		memo: new ExecutionMemo(),
	};
	const output: INodeExecutionData[] = new Array(items.length);
	const continueOnFail = this.continueOnFail();
	let next = 0;
	const failed: { first?: { itemIndex: number; error: NodeApiError | NodeOperationError } } = {};
	const recordFailure = (itemIndex: number, error: NodeApiError | NodeOperationError) => {
		if (failed.first === undefined || itemIndex < failed.first.itemIndex) failed.first = { itemIndex, error };
	};

	const prefetch = new ParameterPrefetch(this, items.length, concurrency);
	const itemContext = prefetch.itemContext();
	const processItem = async (itemIndex: number) => {
		prefetch.itemStarting(itemIndex);
		try {
			output[itemIndex] = { json: await handleItem.call(itemContext, itemIndex, run), pairedItem: { item: itemIndex } };
		} catch (error) {
			const itemError = asItemError(this.getNode(), error, itemIndex);
			if (continueOnFail) {
				output[itemIndex] = { json: errorItemJson(itemError), pairedItem: { item: itemIndex } };
			} else {
				recordFailure(itemIndex, itemError);
			}
		} finally {
			prefetch.itemDone(itemIndex);
		}
	};
	const worker = async () => {
		while (failed.first === undefined && next < items.length) await processItem(next++);
	};
	// The first item goes alone: a credential that fetches a token (SFMC) does so once, and the
	// vendor's rate-limit headers are known before the others start.
	if (items.length > 0) await processItem(next++);
	const prefetching = prefetch.run();
	await Promise.all(Array.from({ length: concurrency }, worker));
	prefetch.stop();
	await prefetching;
	if (failed.first) {
		const { error } = failed.first;
		const done = describeDoneItems(output, settings.contactIdOf ?? ((json) => json.id));
		if (done) error.description = error.description ? `${error.description} ${done}` : done;
		throw error;
	}
	return [output];
}
