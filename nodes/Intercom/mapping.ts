import type { IDataObject } from 'n8n-workflow';

import { toUnixSeconds } from '../shared/mapping';
import type { AccountTypes } from '../shared/accountTypes';
import type { CustomValueRow, CustomValueRules } from '../shared/customValues';
import { customValuesFromRows, withoutEmptyText } from '../shared/customValues';
import type { ItemChecks } from '../shared/validation';
import { attributeTypeName } from './attributes';

export const ROLES = ['user', 'lead'] as const;
export const ATTRIBUTE_TYPES = ['auto', 'boolean', 'clear', 'date', 'float', 'integer', 'string'] as const;

/** A Custom Attributes row, as n8n resolved it (the shared row shape). */
export type CustomAttributeEntry = CustomValueRow;

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

/** How Intercom's custom attributes are typed, dated (Unix seconds, like signed_up_at) and cleared. */
const ATTRIBUTE_RULES: CustomValueRules = {
	vendor: 'Intercom',
	section: 'Custom Attributes',
	thing: 'attribute',
	rowTypes: ATTRIBUTE_TYPES,
	clearType: 'clear',
	typeName: attributeTypeName,
	checkName: (check, name) => check.requiredString('Custom Attributes > Name', name).trim(),
	unknownField: 'is not a writable custom attribute of this Intercom workspace',
	createWhere: 'Settings > Data > People',
	// Intercom refuses a type that contradicts the workspace's (Seats as "12"); a whole number is a fine decimal.
	fits: (rowType, accountType) => rowType === accountType || (rowType === 'integer' && accountType === 'float'),
	writeDate: (check, field, value) => toUnixSeconds(check.date(field, value)),
};

function attributesFromFields(check: ItemChecks, entries: CustomAttributeEntry[], accountTypes: AccountTypes | undefined): IDataObject {
	return customValuesFromRows(check, ATTRIBUTE_RULES, entries, accountTypes);
}

function attributesFromJson(check: ItemChecks, json: unknown): IDataObject {
	const attributes = check.jsonObject('Attributes (JSON)', json);
	// null clears an attribute (Intercom accepts it), as the row Type Clear does.
	check.flatScalars('Attributes (JSON)', attributes, true);
	return withoutEmptyText(attributes);
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
