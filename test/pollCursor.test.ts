import { advancePollCursor } from '../nodes/shared/pollCursor';

type Change = { id: string; at: number };
const advance = (cursor: number, seen: Record<string, number>, entries: Change[], lag = 60) =>
	advancePollCursor({ cursor, seen }, entries, (entry) => entry.id, (entry) => entry.at, lag);

describe('a polling trigger\'s cursor: each change once, across polls', () => {
	test('the first poll emits every change since the cursor and moves it to the newest', () => {
		const { fresh, next } = advance(1000, {}, [{ id: 'a', at: 1001 }, { id: 'b', at: 1010 }]);

		expect(fresh.map((entry) => entry.id)).toEqual(['a', 'b']);
		expect(next).toEqual({ cursor: 1010, seen: { a: 1001, b: 1010 } });
	});

	test('the next poll looks back by the lag: what it emitted is not emitted again; a change shown late is', () => {
		const first = advance(1000, {}, [{ id: 'a', at: 1001 }, { id: 'b', at: 1010 }]).next;
		// Search showed c (changed at 1005) only now, after b; a and b come again within the lag.
		const { fresh, next } = advance(first.cursor, first.seen, [{ id: 'a', at: 1001 }, { id: 'c', at: 1005 }, { id: 'b', at: 1010 }]);

		expect(fresh.map((entry) => entry.id)).toEqual(['c']);
		expect(next.cursor).toBe(1010);
	});

	test('a contact changed again is emitted again; ids older than the lag are forgotten', () => {
		const { fresh, next } = advance(1010, { a: 1001, b: 1010 }, [{ id: 'b', at: 1010 }, { id: 'a', at: 1100 }]);

		expect(fresh).toEqual([{ id: 'a', at: 1100 }]);
		expect(next).toEqual({ cursor: 1100, seen: { a: 1100 } });
	});

	test('nothing new: nothing emitted, the cursor stays', () => {
		expect(advance(1010, { b: 1010 }, [{ id: 'b', at: 1010 }])).toEqual({ fresh: [], next: { cursor: 1010, seen: { b: 1010 } } });
	});
});
