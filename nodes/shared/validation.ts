import type { IDataObject, IExecuteFunctions, INode } from 'n8n-workflow';

import { parseUrl } from './baseUrl';
import { calendarDayInZone, compactToCalendarDate, DIGIT_DATE_RULE, isCalendarDate, isImplausibleDigitDate, parseDateInput } from './dates';
import { describeType, fieldRuleError } from './fieldError';
import type { KeyValuePair } from './mapping';
import { keyValuePairsToObject, parseJsonObject, parseJsonValue } from './mapping';

export { describeType, fieldRuleError };

// Deliberately simple: one @, no spaces, a dot in the domain. The vendor has the final word.
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
// RFC 5321: an address is at most 254 characters.
const EMAIL_MAX_LENGTH = 254;
// Zero-width and bidirectional-control characters: invisible, and never part of a real address.
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF\u202A-\u202E\u2066-\u2069]/;
/** C0 control characters other than tab and line breaks, and DEL: garbage in any contact field. */
function hasControlCharacter(text: string): boolean {
	for (let index = 0; index < text.length; index++) {
		const code = text.charCodeAt(index);
		if ((code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) || code === 0x7f) return true;
	}
	return false;
}
/** A generous cap on any text field, far above real contact data, so runaway values fail early. */
export const MAX_TEXT_LENGTH = 10_000;

export function isEmail(value: string): boolean {
	return EMAIL_PATTERN.test(value);
}

/**
 * Rule helpers bound to one node and one item, so a node's checks read as a list of rules:
 * `check.requiredString('Email', email)`. Every method throws a NodeOperationError naming the
 * field, the rule and the item; none of them sends anything.
 */
export class ItemChecks {
	/**
	 * `timeZone` is the workflow's (Settings > Timezone, else the instance's): dates typed without
	 * an offset are read in it.
	 */
	constructor(
		private readonly node: INode,
		readonly itemIndex: number,
		readonly timeZone = 'UTC',
	) {}

	/** The checks for one item of a running node, in the workflow's time zone. */
	static forItem(context: IExecuteFunctions, itemIndex: number): ItemChecks {
		return new ItemChecks(context.getNode(), itemIndex, context.getTimezone());
	}

	fail(field: string, rule: string, hint?: string): never {
		throw fieldRuleError(this.node, this.itemIndex, field, rule, hint);
	}

	/** An optional text field: undefined or '' pass through as undefined; objects are refused. */
	optionalString(field: string, value: unknown): string | undefined {
		if (value === undefined || value === null || value === '') return undefined;
		if (typeof value === 'number' || typeof value === 'boolean') return String(value);
		if (typeof value !== 'string') {
			this.fail(field, `must be text, but the value is ${describeType(value)}`);
		}
		if (hasControlCharacter(value)) this.fail(field, 'contains a control character (e.g. U+0000); remove it');
		this.maxLength(field, value, MAX_TEXT_LENGTH);
		return value;
	}

	requiredString(field: string, value: unknown): string {
		const text = this.optionalString(field, value);
		if (text === undefined || text.trim() === '') this.fail(field, 'is required but empty');
		return text;
	}

	maxLength(field: string, value: string | undefined, max: number): void {
		if (value !== undefined && value.length > max) {
			this.fail(field, `is ${value.length} characters long; the limit is ${max}`);
		}
	}

	email(field: string, value: string | undefined): void {
		if (value === undefined) return;
		if (value.length > EMAIL_MAX_LENGTH) this.fail(field, `is ${value.length} characters long; an email address has at most ${EMAIL_MAX_LENGTH}`);
		if (INVISIBLE.test(value)) this.fail(field, `"${value}" contains an invisible character (zero-width or text-direction mark)`);
		if (!isEmail(value.trim())) this.fail(field, `"${value}" is not a valid email address`);
	}

	oneOf<T extends string>(field: string, value: unknown, allowed: readonly T[]): T {
		if (typeof value !== 'string' || !allowed.includes(value as T)) {
			this.fail(field, `must be one of ${allowed.join(', ')}, but is ${JSON.stringify(value)}`);
		}
		return value as T;
	}

	finiteNumber(field: string, value: unknown): number {
		const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
		if (typeof number !== 'number' || !Number.isFinite(number)) {
			this.fail(field, `must be a number, but is ${JSON.stringify(value)}`);
		}
		return number;
	}

	integer(field: string, value: unknown): number {
		const number = this.finiteNumber(field, value);
		if (!Number.isInteger(number)) this.fail(field, `must be a whole number, but is ${number}`);
		return number;
	}

	boolean(field: string, value: unknown): boolean {
		if (typeof value === 'boolean') return value;
		if (value === 'true' || value === 'false') return value === 'true';
		return this.fail(field, `must be true or false, but is ${JSON.stringify(value)}`);
	}

	/**
	 * Any date form the mapping helpers understand (ISO, Unix seconds or ms, YYYY-MM-DD); without
	 * an offset, in the workflow's time zone.
	 */
	date(field: string, value: unknown): Date {
		if (isImplausibleDigitDate(value)) {
			this.fail(field, `${JSON.stringify(value)} is not a date`, `${DIGIT_DATE_RULE}; or use an ISO date such as 2024-01-31.`);
		}
		const date = parseDateInput(value, this.timeZone);
		if (!date) {
			this.fail(
				field,
				`${JSON.stringify(value)} is not a date`,
				'Use an ISO date such as 2024-01-31 or 2024-01-31T09:30:00 (read in the workflow\'s time zone), 2024-01-31T09:30:00Z, 20240131, or a Unix timestamp of 10 digits (seconds) or 13 (milliseconds)',
			);
		}
		return date;
	}

	/**
	 * A day, as YYYY-MM-DD, from any date form `date` reads: YYYY-MM-DD and YYYYMMDD as written
	 * (a real day), anything else as the day it falls on in the workflow's time zone.
	 */
	calendarDay(field: string, value: unknown): string {
		const text = typeof value === 'string' || typeof value === 'number' ? String(value).trim() : undefined;
		const day = text === undefined ? undefined : /^\d{4}-\d{2}-\d{2}$/.test(text) ? text : compactToCalendarDate(text);
		if (day !== undefined && isCalendarDate(day)) return day;
		if (text !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(text)) this.calendarDate(field, text);
		return calendarDayInZone(this.date(field, value), this.timeZone);
	}

	calendarDate(field: string, value: string): void {
		if (!isCalendarDate(value)) {
			this.fail(field, `"${value}" is not a real date in the format YYYY-MM-DD`);
		}
	}

	url(field: string, value: string | undefined): void {
		if (value === undefined) return;
		const protocol = parseUrl(value)?.protocol;
		if (protocol !== 'http:' && protocol !== 'https:') this.fail(field, `"${value}" is not a web address (http:// or https://)`);
	}

	/** JSON text (or an object from an expression) that must be a JSON object. */
	jsonObject(field: string, value: unknown): IDataObject {
		return parseJsonObject(this.node, this.itemIndex, field, value);
	}

	/** A name/value list as an object; empty or repeated names are refused. */
	keyValuePairs(field: string, pairs: KeyValuePair[] | undefined): IDataObject {
		return keyValuePairsToObject(this.node, this.itemIndex, field, pairs);
	}

	/** JSON text (or a value from an expression) of any shape. */
	json(field: string, value: unknown): unknown {
		return parseJsonValue(this.node, this.itemIndex, field, value);
	}

	/** A flat object: every value a string, number, boolean or (if allowed) null. */
	flatScalars(field: string, object: Record<string, unknown>, allowNull: boolean): void {
		for (const [key, value] of Object.entries(object)) {
			const scalar = ['string', 'number', 'boolean'].includes(typeof value);
			if (scalar || (allowNull && value === null)) continue;
			this.fail(
				field,
				`"${key}" is ${describeType(value)}; only text, numbers, true/false${allowNull ? ' or null' : ''} are allowed`,
			);
		}
	}
}
