/**
 * How long one item may still spend waiting, across all its requests (lookups, the create, the
 * lookups before a retry): retry back-off and rate-limit pauses both draw on it. Options > Max
 * Retry Wait sets its size. The steady pace between requests does not draw on it.
 */
export class WaitBudget {
	private spentMs = 0;

	constructor(readonly limitMs: number) {}

	get remainingMs(): number {
		return Math.max(0, this.limitMs - this.spentMs);
	}

	/** Takes `ms` from the budget; false, and nothing taken, when it does not fit. */
	take(ms: number): boolean {
		if (ms > this.remainingMs) return false;
		this.spentMs += ms;
		return true;
	}
}
