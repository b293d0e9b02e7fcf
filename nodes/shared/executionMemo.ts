/**
 * Answers every item of one execution shares, such as the account's custom property types:
 * loaded once, when the first item needs them, by one request however many items are in flight.
 */
export class ExecutionMemo {
	private readonly loads = new Map<string, Promise<unknown>>();

	async once<T>(key: string, load: () => Promise<T>): Promise<T> {
		let pending = this.loads.get(key) as Promise<T> | undefined;
		if (!pending) {
			pending = load();
			this.loads.set(key, pending);
			// A failed load is not kept: the next item asks again.
			pending.catch(() => this.loads.delete(key));
		}
		return await pending;
	}
}
