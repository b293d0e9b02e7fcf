import type { IExecuteFunctions } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

type Resolution = { value: unknown } | { error: unknown };

/** How long after an item starts the next one is resolved (see run). */
const AFTER_ITEM_START_MS = 3;

/**
 * Resolves the node's parameters for the items about to start while the items in flight wait on
 * the vendor. n8n evaluates a parameter's expressions when the node reads it, about 0.6 ms of CPU
 * each with its default engine. Read when an item's turn comes, that CPU sits between one answer
 * and the next request of every item in flight; read ahead, in the event loop's idle time, an item
 * starts with its fields ready and only its request is left to send.
 *
 * The values are n8n's own (the same `getNodeParameter` call, made earlier), and each is handed
 * out once: a second read of a parameter, or a read with options, goes to n8n as before. An
 * expression that fails is kept and thrown when its item reads it, so the error stays the item's.
 */
export class ParameterPrefetch {
	private readonly resolved = new Map<number, Map<string, Resolution>>();
	private readonly names: string[];
	/** The next item to resolve ahead. */
	private ahead = 0;
	/** The next item to start (items before it have started). */
	private started = 0;
	private wakeUp?: () => void;
	private stopped = false;

	constructor(
		private readonly context: IExecuteFunctions,
		private readonly itemCount: number,
		/** How many items past the next one to start are resolved ahead. */
		private readonly lookahead: number,
	) {
		this.names = Object.keys(context.getNode().parameters);
	}

	/** Resolves ahead until stopped, yielding to the event loop between items. */
	async run(): Promise<void> {
		let pauseMs = 0;
		while (!this.stopped && this.ahead < this.itemCount) {
			// A macrotask between items, so answers that arrived meanwhile are handled first; and
			// after an item starts, a moment for its request to reach the network (n8n's request
			// helper takes a few event-loop turns to connect and write) before this CPU is spent.
			await sleep(pauseMs);
			if (this.stopped) return;
			if (this.ahead < this.started) this.ahead = this.started;
			if (this.ahead >= this.started + this.lookahead) {
				await new Promise<void>((resolve) => (this.wakeUp = resolve));
				pauseMs = AFTER_ITEM_START_MS;
				continue;
			}
			this.resolveItem(this.ahead++);
			pauseMs = 0;
		}
	}

	/** An item starts: the window moves on. */
	itemStarting(itemIndex: number): void {
		this.started = Math.max(this.started, itemIndex + 1);
		this.wake();
	}

	/** An item is done: what it did not read is dropped. */
	itemDone(itemIndex: number): void {
		this.resolved.delete(itemIndex);
	}

	stop(): void {
		this.stopped = true;
		this.wake();
	}

	/** The value resolved ahead for this read, if any (handed out once). */
	private take(name: string, itemIndex: number): Resolution | undefined {
		const item = this.resolved.get(itemIndex);
		const resolution = item?.get(name);
		if (resolution) item?.delete(name);
		return resolution;
	}

	/**
	 * The context an item runs with: n8n's own, whose `getNodeParameter` first takes what was
	 * resolved ahead. Every other member is n8n's, bound to n8n's object.
	 */
	itemContext(): IExecuteFunctions {
		const context = this.context;
		const getNodeParameter = (name: string, itemIndex: number, fallbackValue?: unknown, options?: unknown) => {
			if (options === undefined) {
				const resolution = this.take(name, itemIndex);
				if (resolution) {
					if ('error' in resolution) throw resolution.error;
					return resolution.value;
				}
			}
			return (context.getNodeParameter as (...args: unknown[]) => unknown)(name, itemIndex, fallbackValue, options);
		};
		return new Proxy(context, {
			get(target, property) {
				if (property === 'getNodeParameter') return getNodeParameter;
				const value: unknown = Reflect.get(target, property, target);
				return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
			},
		});
	}

	private resolveItem(itemIndex: number): void {
		const item = new Map<string, Resolution>();
		for (const name of this.names) {
			try {
				item.set(name, { value: this.context.getNodeParameter(name, itemIndex) });
			} catch (error) {
				item.set(name, { error });
			}
		}
		this.resolved.set(itemIndex, item);
	}

	private wake(): void {
		const wakeUp = this.wakeUp;
		this.wakeUp = undefined;
		wakeUp?.();
	}
}
