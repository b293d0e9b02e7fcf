import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { showFor } from './commonFields';
import type { ItemChecks } from './validation';

/** Get Many's Return All and Limit, in n8n's words (Limit shows when not returning all). */
export function returnAllFields(operations: string[]): INodeProperties[] {
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			description: 'Whether to return all results or only up to a given limit',
			displayOptions: showFor(operations),
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 50,
			description: 'Max number of results to return',
			displayOptions: showFor(operations, { returnAll: [false] }),
		},
	];
}

/** How many to collect: every one (Return All), or at most `limit`. */
export interface CollectLimit {
	returnAll: boolean;
	limit: number;
}

export function collectLimitFrom(check: ItemChecks, returnAll: unknown, limit: unknown): CollectLimit {
	if (returnAll === true) return { returnAll: true, limit: Infinity };
	const max = check.integer('Limit', limit);
	if (max < 1) check.fail('Limit', `must be at least 1, but is ${max}`);
	return { returnAll: false, limit: max };
}

/** One page of a cursor-paged listing: its entries, and the cursor of the next page if there is one. */
export interface CursorPage {
	entries: IDataObject[];
	next?: string;
}

/**
 * Walks a cursor-paged listing: asks each page for at most `maxPageSize` (fewer when the limit
 * needs fewer), until there is no next page or the limit is reached. A cursor the vendor repeats
 * would loop for ever: it is an error instead.
 */
export async function collectPages(
	fetchPage: (cursor: string | undefined, pageSize: number) => Promise<CursorPage>,
	want: CollectLimit,
	maxPageSize: number,
	onRepeatedCursor: (cursor: string) => never,
): Promise<IDataObject[]> {
	const collected: IDataObject[] = [];
	const seen = new Set<string>();
	let cursor: string | undefined;
	do {
		const page = await fetchPage(cursor, Math.min(maxPageSize, want.limit - collected.length));
		collected.push(...page.entries.slice(0, want.limit - collected.length));
		cursor = page.next;
		if (cursor !== undefined && seen.has(cursor)) onRepeatedCursor(cursor);
		if (cursor !== undefined) seen.add(cursor);
	} while (cursor !== undefined && collected.length < want.limit);
	return collected;
}
