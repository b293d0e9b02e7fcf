import type { IDataObject } from 'n8n-workflow';

import { toUnixSeconds } from '../shared/mapping';
import type { AccountTypes } from '../shared/accountTypes';
import { enteredBoolean, enteredNumber } from '../shared/accountTypes';
import type { ItemChecks } from '../shared/validation';
import { attributeTypeName } from './attributes';

export const ROLES = ['user', 'lead'] as const;
export const ATTRIBUTE_TYPES = ['auto', 'boolean', 'date', 'float', 'integer', 'string'] as const;

export interface CustomAttributeEntry {
	name?: unknown;
	type?: unknown;
	/** Type Automatic: the value as entered, converted to the attribute's type in Intercom. */
	value?: unknown;
	stringValue?: unknown;
	numberValue?: unknown;
	booleanValue?: unknown;
	dateValue?: unknown;
}

/** The node's parameters for one item, expressions already resolved. */
export interface IntercomContactInput {
	role: unknown;
	email: unknown;
	externalId: unknown;
	additionalFields: IDataObject;
	customAttributesMode: string;
	customAttributes: { attribute?: CustomAttributeEntry[] };
	customAttributesJson: unknown;
	/** The workspace's attribute types by name, read when an attribute row is given. */
	attributeTypes?: AccountTypes;
	/** Update and Create or Update only. */
	fieldsToClear?: unknown;
}

const TEXT_FIELDS: Array<[name: string, label: string]> = [
	['phone', 'Phone'],
	['name', 'Name'],
];

const DATE_FIELDS: Array<[name: string, label: string]> = [
	['signed_up_at', 'Signed Up At'],
	['last_seen_at', 'Last Seen At'],
];

/** A value typed Automatic, converted to the attribute's data type in Intercom. */
function convertedToAttributeType(check: ItemChecks, name: string, type: string, value: unknown): string | number | boolean {
	const field = `Custom Attributes > ${name}`;
	const hint = `${name} is a ${attributeTypeName(type)} attribute in Intercom`;
	switch (type) {
		case 'string':
			return value === undefined || value === null ? '' : String(value);
		case 'integer': {
			const whole = enteredNumber(check, field, value, hint);
			return Number.isInteger(whole) ? whole : check.fail(field, `${whole} is not a whole number`, `${hint}.`);
		}
		case 'float':
			return enteredNumber(check, field, value, hint);
		case 'boolean':
			return enteredBoolean(check, field, value, hint);
		case 'date':
			if (value === undefined || value === '') check.fail(field, 'needs a date', `${hint}.`);
			return toUnixSeconds(check.date(field, value));
		default:
			return check.fail(field, `has the data type "${type}" in Intercom, which this node cannot convert to`, 'Choose its Type instead of Automatic.');
	}
}

function attributesFromFields(check: ItemChecks, entries: CustomAttributeEntry[], accountTypes: AccountTypes | undefined): IDataObject {
	const attributes: IDataObject = {};
	for (const entry of entries) {
		const name = check.requiredString('Custom Attributes > Name', entry.name).trim();
		const field = `Custom Attributes > ${name}`;
		if (Object.prototype.hasOwnProperty.call(attributes, name)) {
			check.fail('Custom Attributes', `"${name}" is given more than once`);
		}
		const type = check.oneOf(`${field} > Type`, entry.type ?? 'auto', ATTRIBUTE_TYPES);
		const accountType = accountTypes?.[name];
		if (type === 'auto') {
			// Before the types are read, a row typed Automatic is checked for its name only.
			if (accountTypes === undefined) attributes[name] = null;
			else if (accountType === undefined) {
				check.fail(field, 'is not a writable custom attribute of this Intercom workspace, so its type is not known', 'Create it in Intercom (Settings > Data > People), or choose its Type.');
			} else attributes[name] = convertedToAttributeType(check, name, accountType, entry.value);
			continue;
		}
		// A type that contradicts the workspace's would be refused by Intercom (Seats as "12"); a
		// whole number is a fine decimal.
		if (accountType !== undefined && accountType !== type && !(type === 'integer' && accountType === 'float')) {
			check.fail(
				`${field} > Type`,
				`is ${attributeTypeName(type)}, but ${name} is a ${attributeTypeName(accountType)} attribute in Intercom`,
				`Set Type to ${attributeTypeName(accountType)} or Automatic.`,
			);
		}
		switch (type) {
			case 'string':
				attributes[name] = check.optionalString(field, entry.stringValue) ?? '';
				break;
			case 'integer':
				attributes[name] = check.integer(field, entry.numberValue);
				break;
			case 'float':
				attributes[name] = check.finiteNumber(field, entry.numberValue);
				break;
			case 'boolean':
				attributes[name] = check.boolean(field, entry.booleanValue);
				break;
			case 'date':
				// Intercom stores date attributes as Unix seconds, like signed_up_at.
				attributes[name] = toUnixSeconds(check.date(field, entry.dateValue));
				break;
		}
	}
	return attributes;
}

function attributesFromJson(check: ItemChecks, json: unknown): IDataObject {
	const attributes = check.jsonObject('Attributes (JSON)', json);
	check.flatScalars('Attributes (JSON)', attributes, false);
	return attributes;
}

/** Nullable fields of update_contact_request that an update may clear (sent as null). */
export const CLEARABLE_FIELD_NAMES = ['avatar', 'last_seen_at', 'name', 'owner_id', 'phone', 'signed_up_at', 'unsubscribed_from_emails'] as const;

interface Identity {
	role?: (typeof ROLES)[number];
	email?: string;
	externalId?: string;
}

/** Role, email and external ID as given (each optional here), checked. */
function identityOf(check: ItemChecks, input: IntercomContactInput): Identity {
	const roleText = check.optionalString('Role', input.role);
	const role = roleText === undefined || roleText === '' ? undefined : check.oneOf('Role', roleText, ROLES);
	const email = check.optionalString('Email', input.email)?.trim() || undefined;
	const externalId = check.optionalString('External ID', input.externalId)?.trim() || undefined;
	check.email('Email', email);
	return { role, email, externalId };
}

function identityBody({ role, email, externalId }: Identity): IDataObject {
	const body: IDataObject = {};
	if (role !== undefined) body.role = role;
	if (externalId !== undefined) body.external_id = externalId;
	if (email !== undefined) body.email = email;
	return body;
}

/**
 * The contact's data (everything but role, email and external ID): dates as Unix seconds, owner_id
 * an integer, avatar a URL, custom attributes a flat object of scalars; Fields to Clear as null.
 */
function contactData(check: ItemChecks, input: IntercomContactInput): IDataObject {
	const body: IDataObject = {};
	const fields = input.additionalFields;
	for (const [name, label] of TEXT_FIELDS) {
		const value = check.optionalString(label, fields[name]);
		if (value !== undefined && value.trim() !== '') body[name] = value;
	}
	const avatar = check.optionalString('Avatar', fields.avatar)?.trim() || undefined;
	check.url('Avatar', avatar);
	if (avatar !== undefined) body.avatar = avatar;
	for (const [name, label] of DATE_FIELDS) {
		if (fields[name] !== undefined && fields[name] !== '') {
			body[name] = toUnixSeconds(check.date(label, fields[name]));
		}
	}
	if (fields.owner_id !== undefined && fields.owner_id !== '') {
		const owner = check.integer('Owner', fields.owner_id);
		if (owner <= 0) check.fail('Owner', `must be a positive admin ID, but is ${owner}`);
		body.owner_id = owner;
	}
	if (fields.unsubscribed_from_emails !== undefined) {
		body.unsubscribed_from_emails = check.boolean('Unsubscribed From Emails', fields.unsubscribed_from_emails);
	}

	const mode = check.oneOf('Custom Attributes', input.customAttributesMode, ['none', 'fields', 'json']);
	const attributes =
		mode === 'fields'
			? attributesFromFields(check, input.customAttributes.attribute ?? [], input.attributeTypes)
			: mode === 'json'
				? attributesFromJson(check, input.customAttributesJson)
				: {};
	if (Object.keys(attributes).length > 0) body.custom_attributes = attributes;

	const cleared = input.fieldsToClear ?? [];
	for (const name of Array.isArray(cleared) ? cleared : [cleared]) {
		const field = check.oneOf('Fields to Clear', name, CLEARABLE_FIELD_NAMES);
		if (body[field] !== undefined) check.fail('Fields to Clear', `"${field}" is both given a value and cleared`);
		body[field] = null;
	}
	return body;
}

/**
 * The body of POST /contacts for one item, after the rules of the 2.15 schema: at least one of
 * email, external_id and role; role user or lead; a user has an email or external_id; the data
 * as contactData checks it.
 */
export function buildCreateContactBody(check: ItemChecks, input: IntercomContactInput): IDataObject {
	const identity = identityOf(check, input);
	const { role, email, externalId } = identity;
	if (role === undefined && email === undefined && externalId === undefined) {
		check.fail('Email', 'at least one of Email, External ID or Role is required');
	}
	if (role === 'user' && email === undefined && externalId === undefined) {
		check.fail('Email', 'a contact with the role User needs an Email or an External ID');
	}
	return { ...identityBody(identity), ...contactData(check, input) };
}

/** The body of PUT /contacts/{id}: only what is given (role, email, external ID and data) and what is cleared. */
export function buildUpdateBody(check: ItemChecks, input: IntercomContactInput): IDataObject {
	return { ...identityBody(identityOf(check, input)), ...contactData(check, input) };
}
