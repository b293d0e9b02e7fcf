import type { IDataObject } from 'n8n-workflow';

import type { AccountTypes } from './accountTypes';
import { enteredBoolean, enteredNumber } from './accountTypes';
import { isUnset } from './mapping';
import type { ItemChecks } from './validation';

/** One row of a custom property / attribute list, as n8n resolved it. */
export interface CustomValueRow {
	/** The name, under the vendor's own parameter name (Loops `key`, Intercom `name`). */
	name?: unknown;
	type?: unknown;
	/** Type Automatic: the value as entered, converted to the field's type in the account. */
	value?: unknown;
	stringValue?: unknown;
	numberValue?: unknown;
	booleanValue?: unknown;
	dateValue?: unknown;
}

type Scalar = string | number | boolean;

/**
 * What differs between vendors whose accounts type their custom fields (Loops properties, Intercom
 * attributes): the names, the types, how a date is written, and the explicit "clear" type.
 */
export interface CustomValueRules {
	vendor: string;
	/** The list's label: "Custom Properties". */
	section: string;
	/** "property", "attribute". */
	thing: string;
	/** Every row Type, `auto` and `clear` included. */
	rowTypes: readonly string[];
	/** The row Type that sends null, which clears the stored value. */
	clearType: string;
	/** A type by the name the Type dropdown shows. */
	typeName: (type: string | undefined) => string;
	/** The row's name, checked (the vendor's rules on names). */
	checkName: (check: ItemChecks, name: unknown) => string;
	/** The rule an Automatic row breaks when the account has no such field. */
	unknownField: string;
	/** Where to create a field the account lacks (for the error's hint). */
	createWhere: string;
	/** A row typed `rowType` may go to a field of `accountType`. */
	fits: (rowType: string, accountType: string) => boolean;
	/** The date as the vendor stores it. */
	writeDate: (check: ItemChecks, field: string, value: unknown) => Scalar;
}

/** The value field a row of this type fills in. */
function rowValue(row: CustomValueRow, type: string): unknown {
	switch (type) {
		case 'auto':
			return row.value;
		case 'string':
			return row.stringValue;
		case 'boolean':
			return row.booleanValue;
		case 'date':
			return row.dateValue;
		default:
			return row.numberValue; // number, integer, float
	}
}

/** A value converted to a field type (the row's own Type, or the account's for Automatic). */
function converted(check: ItemChecks, rules: CustomValueRules, field: string, type: string, value: unknown, hint: string): Scalar {
	switch (type) {
		case 'string':
			return typeof value === 'string' ? (check.optionalString(field, value) as string) : String(value);
		case 'number':
		case 'float':
			return enteredNumber(check, field, value, hint);
		case 'integer': {
			const whole = enteredNumber(check, field, value, hint);
			return Number.isInteger(whole) ? whole : check.fail(field, `${whole} is not a whole number`, `${hint}.`);
		}
		case 'boolean':
			return enteredBoolean(check, field, value, hint);
		case 'date':
			return rules.writeDate(check, field, value);
		default:
			return check.fail(field, `has the type "${type}" in ${rules.vendor}, which this node cannot convert to`, 'Choose its Type instead of Automatic.');
	}
}

/**
 * Custom rows to the object sent, one conversion for every vendor that types its fields. A row
 * whose value is empty (`""`, only spaces, null, absent: typed, or mapped to a missing column) is
 * not sent, as a standard field left empty is not, so it never clears a stored value. Clearing is
 * the row's explicit Type `clearType` (sent as null).
 *
 * Before the account's types are read (`accountTypes` undefined), an Automatic row is checked for
 * its name only; with them, its value is converted to the field's type, and a Type that
 * contradicts the account's is an error before sending.
 */
export function customValuesFromRows(
	check: ItemChecks,
	rules: CustomValueRules,
	rows: CustomValueRow[],
	accountTypes: AccountTypes | undefined,
): IDataObject {
	const values: IDataObject = {};
	const seen = new Set<string>();
	for (const row of rows) {
		const name = rules.checkName(check, row.name);
		const field = `${rules.section} > ${name}`;
		if (seen.has(name)) check.fail(rules.section, `"${name}" is given more than once`);
		seen.add(name);
		const type = check.oneOf(`${field} > Type`, row.type ?? 'auto', rules.rowTypes);
		if (type === rules.clearType) {
			values[name] = null;
			continue;
		}
		const value = rowValue(row, type);
		if (isUnset(value)) continue; // empty stays empty: not sent, the stored value is kept
		const accountType = accountTypes?.[name];
		if (type === 'auto') {
			if (accountTypes === undefined) continue; // checked again once the types are read
			if (accountType === undefined) {
				check.fail(field, `${rules.unknownField}, so its type is not known`, `Create it in ${rules.vendor} (${rules.createWhere}), or choose its Type.`);
			}
			const hint = `${name} is a ${rules.typeName(accountType)} ${rules.thing} in ${rules.vendor}`;
			values[name] = converted(check, rules, field, accountType, value, hint);
			continue;
		}
		if (accountType !== undefined && !rules.fits(type, accountType)) {
			check.fail(
				`${field} > Type`,
				`is ${rules.typeName(type)}, but ${name} is a ${rules.typeName(accountType)} ${rules.thing} in ${rules.vendor}`,
				`Set Type to ${rules.typeName(accountType)} or Automatic.`,
			);
		}
		values[name] = explicitlyTyped(check, rules, field, type, value);
	}
	return values;
}

/** A value under a Type the user chose: it must already be of that type (no conversion of text to numbers). */
function explicitlyTyped(check: ItemChecks, rules: CustomValueRules, field: string, type: string, value: unknown): Scalar {
	switch (type) {
		case 'string':
			return check.optionalString(field, value) as string;
		case 'integer':
			return check.integer(field, value);
		case 'boolean':
			return check.boolean(field, value);
		case 'date':
			return rules.writeDate(check, field, value);
		default:
			return check.finiteNumber(field, value);
	}
}

/** A custom JSON object's empty text values are left out, as empty rows are (null stays: it clears). */
export function withoutEmptyText(values: IDataObject): IDataObject {
	return Object.fromEntries(Object.entries(values).filter(([, value]) => !(typeof value === 'string' && value.trim() === '')));
}
