import type { IDataObject } from 'n8n-workflow';

/**
 * A polling trigger's place in a vendor's change list: the newest change time emitted (`cursor`,
 * Unix seconds) and the entries already emitted at times within `lagSeconds` of it, by id. Each
 * poll asks again from `cursor - lagSeconds` (a vendor's search can show a change late, after a
 * newer one); an entry already emitted with the same time is not emitted twice.
 */
export interface PollCursor {
	cursor: number;
	seen: Record<string, number>;
}

export function readPollCursor(data: IDataObject): PollCursor | undefined {
	if (typeof data.cursor !== 'number' || !Number.isFinite(data.cursor)) return undefined;
	const seen = data.seen && typeof data.seen === 'object' ? (data.seen as Record<string, number>) : {};
	return { cursor: data.cursor, seen };
}

/** The entries not emitted before (new, or changed again since), and the cursor after them. */
export function advancePollCursor<T>(
	state: PollCursor,
	entries: T[],
	idOf: (entry: T) => string,
	timeOf: (entry: T) => number,
	lagSeconds: number,
): { fresh: T[]; next: PollCursor } {
	const fresh = entries.filter((entry) => Number.isFinite(timeOf(entry)) && state.seen[idOf(entry)] !== timeOf(entry));
	const cursor = Math.max(state.cursor, ...fresh.map(timeOf));
	const seen: Record<string, number> = {};
	for (const [id, time] of Object.entries(state.seen)) if (time >= cursor - lagSeconds) seen[id] = time;
	for (const entry of fresh) if (timeOf(entry) >= cursor - lagSeconds) seen[idOf(entry)] = timeOf(entry);
	return { fresh, next: { cursor, seen } };
}

/** Writes the cursor into the node's static data, which n8n saves with the poll. */
export function writePollCursor(data: IDataObject, state: PollCursor): void {
	data.cursor = state.cursor;
	data.seen = state.seen;
}
