import type { IDataObject } from 'n8n-workflow';

import { compactToCalendarDate } from '../shared/dates';
import { toIdList, toIsoString } from '../shared/mapping';
import type { AccountTypes } from '../shared/accountTypes';
import type { CustomValueRow, CustomValueRules } from '../shared/customValues';
import { customValuesFromRows, withoutEmptyText } from '../shared/customValues';
import type { ItemChecks } from '../shared/validation';
import { propertyTypeName } from './properties';

/** Names that Loops reserves or that are standard fields, so never valid as custom properties. */
export const RESERVED_PROPERTY_NAMES = ['id', 'listId', 'softDeleteAt', 'teamId', 'updatedAt'];
export const STANDARD_FIELD_NAMES = [
	'email',
	'firstName',
	'lastName',
	'source',
	'subscribed',
	'userGroup',
	'userId',
	'mailingLists',
];
export const SUBSCRIPTION_CHOICES = ['unchanged', 'subscribe', 'unsubscribe'] as const;
export const CUSTOM_PROPERTY_TYPES = ['auto', 'boolean', 'date', 'null', 'number', 'string'] as const;
/** Standard fields Update and Create or Update may clear (Loops resets a value sent as null). */
export const CLEARABLE_FIELD_NAMES = ['firstName', 'lastName', 'source', 'userGroup'] as const;

/** A Custom Properties row, as n8n resolved it: the shared row shape, its name under `key`. */
export type CustomPropertyEntry = Omit<CustomValueRow, 'name'> & { key?: unknown };

/** The node's parameters for one item, as n8n resolved them (expressions already evaluated). */
export interface LoopsContactInput {
	email: unknown;
	additionalFields: IDataObject;
	customPropertiesMode: string;
	customProperties: { property?: CustomPropertyEntry[] };
	customPropertiesJson: unknown;
	/** The team's custom property types by API name, read when a property row is given. */
	propertyTypes?: AccountTypes;
	/** Update and Create or Update only. */
	fieldsToClear?: unknown;
}

const TEXT_FIELDS: Array<[name: string, label: string]> = [
	['firstName', 'First Name'],
	['lastName', 'Last Name'],
	['source', 'Source'],
	['userGroup', 'User Group'],
	['userId', 'User ID'],
];

/**
 * Loops takes a day as YYYY-MM-DD (YYYYMMDD is written that way); anything else goes as an ISO
 * date-time in UTC, read in the workflow's time zone when it states no offset.
 */
export function loopsDate(check: ItemChecks, field: string, value: unknown): string {
	const text = typeof value === 'string' || typeof value === 'number' ? String(value).trim() : undefined;
	if (text !== undefined && (/^\d{4}-\d{2}-\d{2}$/.test(text) || compactToCalendarDate(text) !== undefined)) return check.calendarDay(field, text);
	return toIsoString(check.date(field, value));
}

function checkPropertyName(check: ItemChecks, field: string, key: unknown): string {
	const name = check.requiredString(`${field} > Name`, key).trim();
	if (RESERVED_PROPERTY_NAMES.includes(name)) {
		check.fail(field, `"${name}" is a name Loops reserves (${RESERVED_PROPERTY_NAMES.join(', ')})`);
	}
	if (STANDARD_FIELD_NAMES.includes(name)) {
		check.fail(field, `"${name}" is a standard field; set it with its own field, not as a custom property`);
	}
	if (/\s/.test(name)) {
		check.fail(field, `"${name}" contains spaces; use the property's API name (e.g. planName), not its label`);
	}
	return name;
}

/** How Loops' custom properties are named, typed, dated and cleared (Type Empty sends null). */
const PROPERTY_RULES: CustomValueRules = {
	vendor: 'Loops',
	section: 'Custom Properties',
	thing: 'property',
	rowTypes: CUSTOM_PROPERTY_TYPES,
	clearType: 'null',
	typeName: propertyTypeName,
	checkName: (check, name) => checkPropertyName(check, 'Custom Properties', name),
	unknownField: 'is not a custom property of this Loops team',
	createWhere: 'Audience > Contact properties',
	// A type that contradicts the team's own would be refused by Loops, or stored as the wrong kind.
	fits: (rowType, accountType) => rowType === accountType,
	writeDate: loopsDate,
};

function propertiesFromFields(check: ItemChecks, entries: CustomPropertyEntry[], accountTypes: AccountTypes | undefined): IDataObject {
	return customValuesFromRows(check, PROPERTY_RULES, entries.map(({ key, ...row }) => ({ ...row, name: key })), accountTypes);
}

function propertiesFromJson(check: ItemChecks, json: unknown): IDataObject {
	const properties = check.jsonObject('Properties (JSON)', json);
	for (const key of Object.keys(properties)) checkPropertyName(check, 'Properties (JSON)', key);
	check.flatScalars('Properties (JSON)', properties, true);
	return withoutEmptyText(properties);
}

function mailingListIds(check: ItemChecks, field: string, value: unknown): string[] {
	return toIdList(value).map((id) => check.requiredString(field, id).trim());
}

/** The key Loops matches a contact on, checked: a plausible email, or a user ID. */
export function checkedEmail(check: ItemChecks, field: string, value: unknown): string {
	const email = check.requiredString(field, value).trim();
	check.email(field, email);
	return email;
}

/**
 * The contact's data for one item (everything but the key), after every rule Loops documents has
 * been checked. Unset fields are left out; `subscribed` is only sent when the user chose a value;
 * Fields to Clear go as null (Loops resets them).
 */
export function buildContactData(check: ItemChecks, input: Omit<LoopsContactInput, 'email'>): IDataObject {
	const body: IDataObject = {};
	const fields = input.additionalFields;
	for (const [name, label] of TEXT_FIELDS) {
		const value = check.optionalString(label, fields[name]);
		if (value !== undefined && value.trim() !== '') body[name] = value;
	}

	const subscription = check.oneOf('Subscribed', fields.subscribed ?? 'unchanged', SUBSCRIPTION_CHOICES);
	if (subscription !== 'unchanged') body.subscribed = subscription === 'subscribe';

	const add = mailingListIds(check, 'Add to Lists', fields.addToMailingLists);
	const remove = mailingListIds(check, 'Remove From Lists', fields.removeFromMailingLists);
	const both = add.find((id) => remove.includes(id));
	if (both) check.fail('Remove From Lists', `list "${both}" is also in Add to Lists`);
	if (add.length + remove.length > 0) {
		const mailingLists: IDataObject = {};
		for (const id of add) mailingLists[id] = true;
		for (const id of remove) mailingLists[id] = false;
		body.mailingLists = mailingLists;
	}

	const mode = check.oneOf('Custom Properties', input.customPropertiesMode, ['none', 'fields', 'json']);
	const properties =
		mode === 'fields'
			? propertiesFromFields(check, input.customProperties.property ?? [], input.propertyTypes)
			: mode === 'json'
				? propertiesFromJson(check, input.customPropertiesJson)
				: {};

	for (const name of clearedFields(check, input.fieldsToClear)) {
		if (body[name] !== undefined) check.fail('Fields to Clear', `"${name}" is both given a value and cleared`);
		body[name] = null;
	}
	return { ...body, ...properties };
}

function clearedFields(check: ItemChecks, value: unknown): string[] {
	if (value === undefined || value === null || value === '') return [];
	const names = Array.isArray(value) ? value : toIdList(value);
	const allowed = CLEARABLE_FIELD_NAMES;
	return names.map((name) => check.oneOf('Fields to Clear', name, allowed));
}

/** The body of POST /contacts/create for one item: the email, then the contact's data. */
export function buildCreateContactBody(check: ItemChecks, input: LoopsContactInput): IDataObject {
	return { email: checkedEmail(check, 'Email', input.email), ...buildContactData(check, input) };
}
