import type { IExecuteFunctions, INode } from 'n8n-workflow';
import { NodeOperationError, sleep } from 'n8n-workflow';

/**
 * n8n's cancel signal for this execution (Stop in the editor, a timeout, a cancel through the
 * API). Older n8n versions and other contexts (load options) may not offer one.
 */
export function cancelSignalOf(context: Partial<Pick<IExecuteFunctions, 'getExecutionCancelSignal'>>): AbortSignal | undefined {
	return typeof context.getExecutionCancelSignal === 'function' ? context.getExecutionCancelSignal() : undefined;
}

/** The error an item's work ends with once the execution is stopped: it is not the item's fault. */
export class ExecutionStoppedError extends Error {
	constructor() {
		super('The execution was stopped');
		this.name = 'ExecutionStoppedError';
	}
}

/**
 * What the node throws when it returns after Stop: nothing more is started, and nothing is
 * reported as done. "canceled" in the message is how n8n tells a cancelled run from a failed one.
 */
export function stoppedError(node: INode): NodeOperationError {
	return new NodeOperationError(node, 'The execution was canceled', {
		description: 'Items that had not started were not sent. Items already in flight may have reached the vendor.',
	});
}

/**
 * Waits `ms`, or less when the execution is stopped: then it rejects with ExecutionStoppedError
 * at once. n8n-workflow's `sleep` takes the signal in 2.x (its timer is then cleared); older
 * versions ignore it, so the wait also races the signal itself.
 */
export async function waitUnlessStopped(ms: number, signal: AbortSignal | undefined): Promise<void> {
	if (!signal) return await sleep(ms);
	if (signal.aborted) throw new ExecutionStoppedError();
	const stop = whenStopped(signal);
	try {
		await Promise.race([sleep(ms, signal).catch(() => {}), stop.stopped]);
	} finally {
		stop.dispose();
	}
	if (signal.aborted) throw new ExecutionStoppedError();
}

/** Settles when the execution is stopped (never, without a signal); `dispose` drops the listener. */
export function whenStopped(signal: AbortSignal | undefined): { stopped: Promise<void>; dispose: () => void } {
	if (!signal) return { stopped: new Promise<void>(() => {}), dispose: () => {} };
	let onAbort = () => {};
	const stopped = new Promise<void>((resolve) => {
		onAbort = resolve;
		if (signal.aborted) resolve();
		else signal.addEventListener('abort', onAbort, { once: true });
	});
	return { stopped, dispose: () => signal.removeEventListener('abort', onAbort) };
}
