import type { IDataObject, INode } from 'n8n-workflow';
import { jsonParse, NodeOperationError } from 'n8n-workflow';

import { describeType, fieldRuleError } from './fieldError';

/** True for what a user did not set: undefined, null, '' and whitespace-only text. */
export function isUnset(value: unknown): boolean {
	return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

export interface KeyValuePair {
	name?: unknown;
	value?: unknown;
}

/**
 * A name/value list (a fixedCollection) to an object. Empty names are refused, and so is the same
 * name twice, as the second would silently replace the first.
 */
export function keyValuePairsToObject(
	node: INode,
	itemIndex: number,
	field: string,
	pairs: KeyValuePair[] | undefined,
): IDataObject {
	const result: IDataObject = {};
	for (const [position, pair] of (pairs ?? []).entries()) {
		const name = typeof pair.name === 'string' ? pair.name.trim() : '';
		if (name === '') {
			throw fieldRuleError(node, itemIndex, field, `entry ${position + 1} has no name`);
		}
		if (Object.prototype.hasOwnProperty.call(result, name)) {
			throw fieldRuleError(node, itemIndex, field, `"${name}" is given more than once`);
		}
		result[name] = pair.value as IDataObject[string];
	}
	return result;
}

/** JSON text to a value (an expression's object or list passes through), naming the field when it does not parse. */
export function parseJsonValue(node: INode, itemIndex: number, field: string, input: unknown): unknown {
	if (typeof input !== 'string') return input;
	if (input.trim() === '') return undefined;
	try {
		return jsonParse(input);
	} catch (error) {
		throw new NodeOperationError(node, `${field}: is not valid JSON [item ${itemIndex}]`, {
			itemIndex,
			description: (error as Error).message,
		});
	}
}

/**
 * JSON text (or an object an expression already produced) to a plain object, with an error that
 * names the field when it does not parse or is not an object.
 */
export function parseJsonObject(node: INode, itemIndex: number, field: string, input: unknown): IDataObject {
	const value = parseJsonValue(node, itemIndex, field, input);
	if (value === undefined || value === null) return {};
	if (typeof value !== 'object' || Array.isArray(value)) {
		throw fieldRuleError(node, itemIndex, field, `must be a JSON object, but is ${describeType(value)}`);
	}
	return value as IDataObject;
}

export { isCalendarDate, parseDateInput, toIsoString, toUnixSeconds } from './dates';

/** A list of IDs given as a list, or by expression as a list or comma-separated text. */
export function toIdList(value: unknown): unknown[] {
	if (value === undefined || value === null || value === '') return [];
	if (Array.isArray(value)) return value;
	if (typeof value === 'string') return value.split(',').map((id) => id.trim()).filter((id) => id !== '');
	return [value];
}
