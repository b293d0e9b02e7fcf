// Date conversion shared by every vendor: one reader for the forms users hold, and one writer
// per format a vendor documents.

const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
// Below this a number is read as Unix seconds (until the year 5138), above it as milliseconds.
const SECONDS_LIMIT = 100_000_000_000;

/** YYYY-MM-DD that names a real day (2024-02-30 is refused). */
export function isCalendarDate(value: string): boolean {
	const match = CALENDAR_DATE.exec(value);
	if (!match) return false;
	const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
	const date = new Date(Date.UTC(year, month - 1, day));
	return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/**
 * Reads a date in any form a workflow is likely to hold: a Date, an ISO 8601 string (with or
 * without time; without an offset it is read as UTC), YYYY-MM-DD, or a Unix timestamp in seconds
 * or milliseconds (number or digits). Returns undefined when it is none of these.
 */
export function parseDateInput(value: unknown): Date | undefined {
	if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value;
	if (typeof value === 'object' && value !== null && 'toISO' in value) {
		return parseDateInput((value as { toISO: () => string }).toISO()); // a Luxon DateTime
	}
	if (typeof value === 'number') {
		if (!Number.isFinite(value)) return undefined;
		return new Date(Math.abs(value) < SECONDS_LIMIT ? value * 1000 : value);
	}
	if (typeof value !== 'string') return undefined;
	const text = value.trim();
	if (/^-?\d+(\.\d+)?$/.test(text)) return parseDateInput(Number(text));
	if (CALENDAR_DATE.test(text)) {
		return isCalendarDate(text) ? new Date(`${text}T00:00:00.000Z`) : undefined;
	}
	const match = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(:\d{2}(\.\d+)?)?)(Z|[+-]\d{2}:?\d{2})?$/i.exec(text);
	if (!match || !isCalendarDate(match[1])) return undefined;
	const date = new Date(`${match[1]}T${match[2]}${match[5] ?? 'Z'}`);
	return Number.isNaN(date.getTime()) ? undefined : date;
}

export function toUnixSeconds(date: Date): number {
	return Math.floor(date.getTime() / 1000);
}

export function toUnixMilliseconds(date: Date): number {
	return date.getTime();
}

/** YYYY-MM-DDTHH:MM:SS.sssZ */
export function toIsoString(date: Date): string {
	return date.toISOString();
}

/** YYYY-MM-DD (UTC calendar day). */
export function toCalendarDate(date: Date): string {
	return date.toISOString().slice(0, 10);
}
