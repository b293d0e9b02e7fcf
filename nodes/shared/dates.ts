// Date conversion shared by every vendor: one reader for the forms users hold, and one writer
// per format a vendor documents.

const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/i;
// Digits are a date only where they plausibly are one: 10 digits are Unix seconds (2001-09-09 to
// 2286-11-20), 13 digits Unix milliseconds (the same span), 8 digits YYYYMMDD. Anything else (2024,
// 20240131000) is not read as a date at all: a guess would silently store the wrong day.
const UNIX_SECONDS = /^\d{10}(\.\d+)?$/;
const UNIX_MILLISECONDS = /^\d{13}$/;
const COMPACT_DATE = /^(\d{4})(\d{2})(\d{2})$/;

/** How digits are read as a date, for error messages and the docs. */
export const DIGIT_DATE_RULE =
	'Digits are read as a date only as 10 digits (Unix seconds), 13 digits (Unix milliseconds) or 8 digits (YYYYMMDD)';

/** YYYYMMDD as YYYY-MM-DD, or undefined when the text is not 8 digits. */
export function compactToCalendarDate(text: string): string | undefined {
	const match = COMPACT_DATE.exec(text);
	return match ? `${match[1]}-${match[2]}-${match[3]}` : undefined;
}

/** True for a number, or text of digits, that is not one of the forms DIGIT_DATE_RULE accepts. */
export function isImplausibleDigitDate(value: unknown): boolean {
	const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : undefined;
	if (text === undefined || !/^-?\d+(\.\d+)?$/.test(text)) return false;
	return !(UNIX_SECONDS.test(text) || UNIX_MILLISECONDS.test(text) || (COMPACT_DATE.test(text) && isCalendarDate(compactToCalendarDate(text) as string)));
}

/** YYYY-MM-DD that names a real day (2024-02-30 is refused). */
export function isCalendarDate(value: string): boolean {
	const match = CALENDAR_DATE.exec(value);
	if (!match) return false;
	const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
	const date = new Date(Date.UTC(year, month - 1, day));
	return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

const zoneFormats = new Map<string, Intl.DateTimeFormat>();

function zoneFormat(timeZone: string): Intl.DateTimeFormat {
	let format = zoneFormats.get(timeZone);
	if (!format) {
		format = new Intl.DateTimeFormat('en-US', {
			timeZone,
			hourCycle: 'h23',
			year: 'numeric',
			month: '2-digit',
			day: '2-digit',
			hour: '2-digit',
			minute: '2-digit',
			second: '2-digit',
		});
		zoneFormats.set(timeZone, format);
	}
	return format;
}

/** The calendar day (YYYY-MM-DD) an instant falls on in a zone. */
export function calendarDayInZone(date: Date, timeZone: string): string {
	const parts = Object.fromEntries(zoneFormat(timeZone).formatToParts(date).map((part) => [part.type, part.value]));
	return `${parts.year}-${parts.month}-${parts.day}`;
}

/** The zone's offset from UTC at that instant, in minutes (Stockholm in winter: 60). */
export function zoneOffsetMinutes(timeZone: string, instantMs: number): number {
	const parts = Object.fromEntries(
		zoneFormat(timeZone)
			.formatToParts(new Date(instantMs))
			.map((part) => [part.type, Number(part.value)]),
	);
	const wallAsUtc = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
	return Math.round((wallAsUtc - Math.floor(instantMs / 1000) * 1000) / 60_000);
}

/**
 * The instant a wall-clock time names in a zone. Two passes settle the offset around a DST
 * change; a time skipped by the change moves forward, as n8n's own (Luxon) reading does.
 */
function wallClockInZone(wallAsUtcMs: number, timeZone: string): number {
	const first = wallAsUtcMs - zoneOffsetMinutes(timeZone, wallAsUtcMs) * 60_000;
	return wallAsUtcMs - zoneOffsetMinutes(timeZone, first) * 60_000;
}

/** The offset a text date states itself ("Z", "+01:00", "-0500"), in minutes; undefined when it states none. */
export function statedOffsetMinutes(value: unknown): number | undefined {
	if (typeof value !== 'string') return undefined;
	const zone = DATE_TIME.exec(value.trim())?.[6];
	if (zone === undefined) return undefined;
	if (zone.toUpperCase() === 'Z') return 0;
	const digits = zone.replace(':', '');
	const minutes = Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5));
	return digits.startsWith('-') ? -minutes : minutes;
}

/**
 * Reads a date in any form a workflow is likely to hold: a Date, a Luxon DateTime, an ISO 8601
 * string (with or without time), YYYY-MM-DD, YYYYMMDD, or a Unix timestamp in seconds (10 digits)
 * or milliseconds (13 digits), as a number or as text. Text without an offset (what n8n's date
 * picker gives) and YYYYMMDD are wall-clock time in `timeZone`, the workflow's zone, as n8n's own
 * nodes read it; text with an offset keeps it. Returns undefined when it is none of these.
 */
export function parseDateInput(value: unknown, timeZone = 'UTC'): Date | undefined {
	if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value;
	if (typeof value === 'object' && value !== null && 'toISO' in value) {
		return parseDateInput((value as { toISO: () => string }).toISO(), timeZone); // a Luxon DateTime
	}
	if (typeof value === 'number') return Number.isFinite(value) ? parseDateInput(String(value), timeZone) : undefined;
	if (typeof value !== 'string') return undefined;
	const text = value.trim();
	if (UNIX_SECONDS.test(text)) return new Date(Math.round(Number(text) * 1000));
	if (UNIX_MILLISECONDS.test(text)) return new Date(Number(text));
	if (/^-?\d+(\.\d+)?$/.test(text) && !COMPACT_DATE.test(text)) return undefined;
	const dayOrText = compactToCalendarDate(text) ?? text;
	const calendar = CALENDAR_DATE.test(dayOrText) ? `${dayOrText}T00:00` : dayOrText;
	const match = DATE_TIME.exec(calendar);
	if (!match || !isCalendarDate(match[1])) return undefined;
	const [, day, hour, minute, second = '00', fraction = ''] = match;
	if (Number(hour) > 23 || Number(minute) > 59 || Number(second) > 59) return undefined;
	const wallAsUtc = Date.parse(`${day}T${hour}:${minute}:${second}${fraction.slice(0, 4)}Z`);
	if (Number.isNaN(wallAsUtc)) return undefined;
	const stated = statedOffsetMinutes(calendar);
	const instant = stated !== undefined ? wallAsUtc - stated * 60_000 : wallClockInZone(wallAsUtc, timeZone);
	return new Date(instant);
}

export function toUnixSeconds(date: Date): number {
	return Math.floor(date.getTime() / 1000);
}

/** YYYY-MM-DDTHH:MM:SS.sssZ */
export function toIsoString(date: Date): string {
	return date.toISOString();
}

/** YYYY-MM-DDTHH:MM:SS+HHMM at the given offset, the form Voyado's doc shows ("2022-01-01T00:00:00+0100"). */
export function toOffsetDateTime(date: Date, offsetMinutes: number): string {
	const local = new Date(Math.floor(date.getTime() / 1000) * 1000 + offsetMinutes * 60_000).toISOString().slice(0, 19);
	const sign = offsetMinutes < 0 ? '-' : '+';
	const absolute = Math.abs(offsetMinutes);
	const pad = (n: number) => String(n).padStart(2, '0');
	return `${local}${sign}${pad(Math.floor(absolute / 60))}${pad(absolute % 60)}`;
}
