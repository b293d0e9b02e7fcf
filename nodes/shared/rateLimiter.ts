import { waitUnlessStopped } from './stop';
import type { WaitBudget } from './waitBudget';

/** A numeric header value, or undefined when absent or not a number. */
export function headerNumber(headers: Record<string, string>, name: string): number | undefined {
	const raw = headers[name];
	if (raw === undefined || raw.trim() === '') return undefined;
	const value = Number(raw);
	return Number.isFinite(value) ? value : undefined;
}

/** What a vendor's rate-limit headers say, read by that vendor's own function. */
export interface RateLimitState {
	/** Requests left in the current window. */
	remaining?: number;
	/** When the window reopens (ms since epoch, on this machine's clock), where the vendor says. */
	resetAtMs?: number;
}

export interface RateLimitPolicy {
	/** Steady pace in requests per second; 0 or undefined = no fixed pace. */
	requestsPerSecond?: number;
	/** Reads the vendor's rate-limit headers. */
	readHeaders?: (headers: Record<string, string>, nowMs: number) => RateLimitState;
	/** With `remaining` but no reset time (Loops), how long to hold off when it runs out. */
	windowMs?: number;
}

/**
 * Paces the requests of one node execution, shared by all its parallel workers: a fixed interval
 * from the vendor's documented rate, a pause when its headers say the window is (almost) used up,
 * and a pause for everyone when any request meets a 429 with a wait time. It slows down before a
 * 429 where the vendor sends headers, and never sends more than one request per interval.
 */
export class RateLimiter {
	private nextSlotMs = 0;
	private pausedUntilMs = 0;
	/** Requests sent and not yet answered: they will use up the window too. */
	private inFlight = 0;
	private readonly intervalMs: number;

	constructor(private readonly policy: RateLimitPolicy) {
		this.intervalMs = policy.requestsPerSecond ? 1000 / policy.requestsPerSecond : 0;
	}

	/**
	 * Waits until this request may go. The slot is reserved before waiting, so parallel workers
	 * queue up one interval apart and timer lateness does not slow the pace down. A pause that
	 * starts while a request waits for its slot holds it back too, and it queues again behind the
	 * pause. Returns false, without waiting, when a pause would take longer than `budget` has left.
	 * Stop ends every wait at once (ExecutionStoppedError).
	 */
	async acquire(budget?: WaitBudget, signal?: AbortSignal): Promise<boolean> {
		let slot: number | undefined;
		for (;;) {
			const now = Date.now();
			if (this.pausedUntilMs > now) {
				const pauseMs = this.pausedUntilMs - now;
				if (budget && !budget.take(pauseMs)) return false;
				await waitUnlessStopped(pauseMs, signal);
				slot = undefined;
				continue;
			}
			if (slot === undefined) {
				slot = Math.max(now, this.nextSlotMs);
				this.nextSlotMs = slot + this.intervalMs;
			}
			if (slot > now) {
				await waitUnlessStopped(slot - now, signal);
				continue;
			}
			this.inFlight++;
			return true;
		}
	}

	/** A slot was taken but no request went out (the credential could not be read): it is not in flight. */
	release(): void {
		this.inFlight = Math.max(0, this.inFlight - 1);
	}

	/** How long every request is held back from now, in ms (0 when not paused). */
	pausedForMs(nowMs = Date.now()): number {
		return Math.max(0, this.pausedUntilMs - nowMs);
	}

	/**
	 * Learns from an answer (each acquire is matched by one observe): when what is left of the
	 * window would be used up by the requests still in flight, pause until the window reopens.
	 */
	observe(headers: Record<string, string>, nowMs = Date.now()): void {
		this.inFlight = Math.max(0, this.inFlight - 1);
		const state = this.policy.readHeaders?.(headers, nowMs);
		if (state?.remaining === undefined || state.remaining > this.inFlight) return;
		const until = state.resetAtMs ?? nowMs + (this.policy.windowMs ?? 1000);
		if (state.remaining <= 0 || state.resetAtMs !== undefined) this.pauseUntil(until);
	}

	/** Holds every worker back after a 429 that said how long to wait. */
	pause(ms: number, nowMs = Date.now()): void {
		this.pauseUntil(nowMs + ms);
	}

	private pauseUntil(untilMs: number): void {
		this.pausedUntilMs = Math.max(this.pausedUntilMs, untilMs);
		// Slots handed out before the pause are void: the pace starts again after it.
		this.nextSlotMs = Math.max(this.nextSlotMs, this.pausedUntilMs);
	}
}
