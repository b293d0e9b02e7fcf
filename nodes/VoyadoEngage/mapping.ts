import type { GenericValue, IDataObject } from 'n8n-workflow';

import { statedOffsetMinutes, toOffsetDateTime, zoneOffsetMinutes } from '../shared/dates';
import { isUnset } from '../shared/mapping';
import type { KeyValuePair } from '../shared/mapping';
import type { ItemChecks } from '../shared/validation';
import { describeType } from '../shared/validation';

/** The contact fields that can be a contact type's key, and the find-contact parameter for each. */
export const KEY_FIELDS = {
	email: { label: 'Email', lookup: 'email' },
	mobilePhone: { label: 'Mobile Phone', lookup: 'mobilePhone' },
	externalId: { label: 'External ID', lookup: 'customKey' },
	socialSecurityNumber: { label: 'Social Security Number', lookup: 'socialSecurityNumber' },
} as const;
export type KeyField = keyof typeof KEY_FIELDS;
export const GENDERS = ['Female', 'Male', 'Other'] as const;
/** Text fields of the payload, in the doc's terms. */
export const TEXT_ATTRIBUTES: Array<[name: string, label: string]> = [
	['firstName', 'First Name'],
	['lastName', 'Last Name'],
	['street', 'Street'],
	['zipCode', 'Zip Code'],
	['city', 'City'],
	['careOf', 'Care Of'],
	['lang', 'Language'],
];
/** Names the extra attributes may not use: standard fields, `country` (the doc: never send it) and response-only fields. */
export const NOT_EXTRA_ATTRIBUTES = [
	...Object.keys(KEY_FIELDS),
	...TEXT_ATTRIBUTES.map(([name]) => name),
	'contactType',
	'countryCode',
	'birthDay',
	'gender',
	'preferences',
	'consents',
];
export const RESPONSE_ONLY_ATTRIBUTES = ['id', 'age', 'memberNumber', 'staff', 'currentStore', 'createdInStore', 'store', 'meta', 'attributes'];

export interface ConsentEntry {
	id?: unknown;
	value?: unknown;
	date?: unknown;
	source?: unknown;
	comment?: unknown;
}

/** The node's parameters for one item, expressions already resolved. */
export interface VoyadoContactInput {
	contactType: unknown;
	keyField: unknown;
	/** The key fields at the top: the chosen Key Field's (Create, Create or Update) or the one found by (Update, Get). */
	topKeys: Record<KeyField, unknown>;
	/** Additional Fields, the other key fields among them. */
	additionalFields: IDataObject;
	preferences: IDataObject;
	consents: { consent?: ConsentEntry[] };
	extraAttributesMode: string;
	extraAttributes: { attribute?: KeyValuePair[] };
	extraAttributesJson: unknown;
	queryParameters: IDataObject;
	/** Update only: the attributes to empty, sent as null (Engage overwrites with what it gets). */
	fieldsToClear?: unknown;
}

/** Attributes Update may empty: never a key a contact may be found by. */
export const CLEARABLE_FIELD_NAMES = ['birthDay', 'careOf', 'city', 'countryCode', 'firstName', 'gender', 'lang', 'lastName', 'street', 'zipCode'] as const;

export interface VoyadoCreateRequest {
	body: IDataObject;
	qs: IDataObject;
	keyField: KeyField;
	keyValue: string;
	contactType: string;
}

const MOBILE_PHONE = /^\+\d{6,15}$/;

/** A key field's value, checked (email plausible, mobile phone with its country code); undefined when empty. */
export function checkedKeyValue(check: ItemChecks, name: KeyField, raw: unknown): string | undefined {
	const { label } = KEY_FIELDS[name];
	const value = check.optionalString(label, raw)?.trim();
	if (!value) return undefined;
	if (name === 'email') check.email(label, value);
	if (name === 'mobilePhone' && !MOBILE_PHONE.test(value)) {
		check.fail(label, `"${value}" needs the country calling code and digits only, e.g. +46701234567`);
	}
	return value;
}

/** The key fields given under Additional Fields. */
function additionalKeyValues(check: ItemChecks, input: VoyadoContactInput, body: IDataObject): void {
	for (const name of Object.keys(KEY_FIELDS) as KeyField[]) {
		const value = checkedKeyValue(check, name, input.additionalFields[name]);
		if (value !== undefined) body[name] = value;
	}
}

function consentsFrom(check: ItemChecks, entries: ConsentEntry[]): IDataObject[] {
	return entries.map((entry, index) => {
		const label = `Consents > consent ${index + 1}`;
		const consent: IDataObject = { id: check.requiredString(`${label} > Consent`, entry.id).trim() };
		if (entry.value === undefined || entry.value === null || entry.value === '') check.fail(`${label} > Value`, 'is required');
		consent.value = check.boolean(`${label} > Value`, entry.value);
		if (!isUnset(entry.date)) {
			// Always with an offset, as the doc's "2022-01-01T00:00:00+0100": the one typed with the
			// date, else the workflow's time zone at that moment.
			const date = check.date(`${label} > Date`, entry.date);
			const offset = statedOffsetMinutes(entry.date) ?? zoneOffsetMinutes(check.timeZone, date.getTime());
			consent.date = toOffsetDateTime(date, offset);
		}
		const source = check.optionalString(`${label} > Source`, entry.source)?.trim();
		if (source) consent.source = source;
		const comment = check.optionalString(`${label} > Note (Comment)`, entry.comment)?.trim();
		if (comment) consent.comment = comment;
		return consent;
	});
}

function extraAttributes(check: ItemChecks, input: VoyadoContactInput): IDataObject {
	const field = input.extraAttributesMode === 'json' ? 'Attributes (JSON)' : 'Extra Attributes';
	const raw =
		input.extraAttributesMode === 'json'
			? check.jsonObject(field, input.extraAttributesJson)
			: input.extraAttributesMode === 'fields'
				? check.keyValuePairs(field, input.extraAttributes.attribute)
				: {};
	const attributes: IDataObject = {};
	for (const [name, value] of Object.entries(raw)) {
		if (name === 'country') {
			check.fail(field, '"country" is never sent: Engage fills it in from Country Code (set that instead)');
		}
		if (NOT_EXTRA_ATTRIBUTES.includes(name)) check.fail(field, `"${name}" is a standard field; set it with its own field`);
		if (RESPONSE_ONLY_ATTRIBUTES.includes(name)) check.fail(field, `"${name}" is set by Engage and cannot be sent`);
		if (value === null && input.extraAttributesMode === 'json') {
			check.fail(field, `"${name}" is null; Engage would overwrite the stored value with it. Leave it out; to empty a standard field on Update, use Fields to Clear`);
		}
		// Empty (a row left blank or mapped to nothing, empty text in JSON) is not sent: Engage would
		// overwrite the stored value with it.
		if (isUnset(value)) continue;
		if (!['string', 'number', 'boolean'].includes(typeof value)) {
			check.fail(field, `"${name}" is ${describeType(value)}; only text, numbers and true/false are allowed`);
		}
		attributes[name] = value as GenericValue;
	}
	return attributes;
}

/**
 * Query string and body of POST /api/v3/contacts for one item. Never sends null, empty text or
 * `country` (the doc's warnings); checks the key field, birthDay (a real YYYY-MM-DD date),
 * countryCode (two letters), mobile phone format and each consent's id and value.
 */
export function buildCreateContactRequest(check: ItemChecks, input: VoyadoContactInput): VoyadoCreateRequest {
	const contactType = check.requiredString('Contact Type', input.contactType ?? 'Member').trim();
	const keyField = check.oneOf('Key Field', input.keyField ?? 'email', Object.keys(KEY_FIELDS) as KeyField[]);
	const { label } = KEY_FIELDS[keyField];
	const keyValue = checkedKeyValue(check, keyField, input.topKeys[keyField]);
	if (keyValue === undefined) check.fail(label, `is required: it is the key of contact type ${contactType} (Key Field)`);
	const data = buildContactData(check, input);
	if (data[keyField] !== undefined) {
		check.fail(`Additional Fields > ${label}`, `is the Key Field: fill it in once, in ${label} above`);
	}
	const body: IDataObject = { contactType, [keyField]: keyValue, ...data };
	return { body, qs: createQuery(check, input), keyField, keyValue: body[keyField] as string, contactType };
}

/**
 * The contact's attributes for one item, as POST (create) and PATCH (update) take them. Never
 * empty text or `country`, and null only for Update's Fields to Clear: Engage overwrites stored
 * values with what it gets.
 */
export function buildContactData(check: ItemChecks, input: VoyadoContactInput): IDataObject {
	const body: IDataObject = {};
	additionalKeyValues(check, input, body);
	const fields = input.additionalFields;
	for (const [name, label] of TEXT_ATTRIBUTES) {
		const value = check.optionalString(label, fields[name])?.trim();
		if (value) body[name] = value;
	}
	const countryCode = check.optionalString('Country Code', fields.countryCode)?.trim();
	if (countryCode) {
		if (!/^[A-Za-z]{2}$/.test(countryCode)) check.fail('Country Code', `"${countryCode}" is not a two-letter country code such as SE`);
		body.countryCode = countryCode.toUpperCase();
	}
	// A day, as Engage takes it (YYYY-MM-DD), from any date form the other date fields take.
	if (!isUnset(fields.birthDay)) body.birthDay = check.calendarDay('Birthday', typeof fields.birthDay === 'string' ? fields.birthDay.trim() : fields.birthDay);
	if (!isUnset(fields.gender)) body.gender = check.oneOf('Gender', fields.gender, GENDERS);

	const preferences: IDataObject = {};
	for (const [name, label] of [['acceptsEmail', 'Accepts Email'], ['acceptsPostal', 'Accepts Postal'], ['acceptsSms', 'Accepts SMS']]) {
		if (input.preferences[name] !== undefined) preferences[name] = check.boolean(`Preferences > ${label}`, input.preferences[name]);
	}
	if (Object.keys(preferences).length > 0) body.preferences = preferences;
	const consents = consentsFrom(check, input.consents.consent ?? []);
	if (consents.length > 0) body.consents = consents;
	Object.assign(body, extraAttributes(check, input));
	// Clearing is always this explicit choice: null overwrites the stored value.
	const cleared = input.fieldsToClear ?? [];
	for (const name of Array.isArray(cleared) ? cleared : [cleared]) {
		const field = check.oneOf('Fields to Clear', name, CLEARABLE_FIELD_NAMES);
		if (body[field] !== undefined) check.fail('Fields to Clear', `"${field}" is both given a value and cleared`);
		body[field] = null;
	}
	return body;
}

/** The create call's query string: source, store and createAsUnapproved (never headers). */
function createQuery(check: ItemChecks, input: VoyadoContactInput): IDataObject {
	const qs: IDataObject = {};
	const query = input.queryParameters;
	const source = check.optionalString('Source', query.source)?.trim();
	if (source) qs.source = source;
	const store = check.optionalString('Store', query.storeExternalId)?.trim();
	if (store) qs.storeExternalId = store;
	if (query.createAsUnapproved !== undefined && check.boolean('Create As Unapproved', query.createAsUnapproved)) {
		qs.createAsUnapproved = 'true';
	}
	return qs;
}
