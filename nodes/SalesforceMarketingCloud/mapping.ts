import type { GenericValue, IDataObject } from 'n8n-workflow';

import { isUnset } from '../shared/mapping';
import type { ItemChecks } from '../shared/validation';
import { describeType } from '../shared/validation';
import type { AttributeDefinition } from './attributeSets';
import {
	DOCUMENTED_SETS,
	sameName,
	EMAIL_ADDRESSES,
	EMAIL_DEMOGRAPHICS,
	LINE_ADDRESSES,
	LINE_DEMOGRAPHICS,
	LINE_SUBSCRIPTIONS,
	MOBILECONNECT_DEMOGRAPHICS,
	MOBILEPUSH_DEMOGRAPHICS,
	REQUIRED_SETS_RULE,
} from './attributeSets';

export const ATTRIBUTE_SETS_MODES = ['fields', 'json'] as const;

export interface SfmcValue {
	name: string;
	value: GenericValue;
}

export interface SfmcAttributeSet {
	name: string;
	items: Array<{ values: SfmcValue[] }>;
}

export interface ProfileAttributeEntry {
	setName?: unknown;
	name?: unknown;
	value?: unknown;
}

/** The node's parameters for one item, expressions already resolved. */
export interface SfmcContactInput {
	contactKey: unknown;
	contactID: unknown;
	attributeSetsMode: string;
	attributeSets: Record<string, IDataObject[] | undefined>;
	profileAttributes: { attribute?: ProfileAttributeEntry[] };
	attributeSetsJson: unknown;
}

function scalar(check: ItemChecks, field: string, value: unknown): GenericValue {
	if (['string', 'number', 'boolean'].includes(typeof value)) {
		if (typeof value === 'number' && !Number.isFinite(value)) check.fail(field, 'is not a finite number');
		return value as GenericValue;
	}
	return check.fail(field, `must be text, a number or true/false, but is ${describeType(value)}`);
}

/** Text that is a number in canonical form ("1", "958405948"; not "007" or "1e3") as that number. */
function numberIfNumeric(value: GenericValue): GenericValue {
	if (typeof value !== 'string') return value;
	const number = Number(value.trim());
	return value.trim() !== '' && Number.isSafeInteger(number) && String(number) === value.trim() ? number : value;
}

function attributeValue(check: ItemChecks, field: string, attribute: AttributeDefinition, value: unknown): GenericValue | undefined {
	// A switch never touched is what the panel shows (on); mapped to nothing it is not sent.
	if (attribute.type === 'boolean' && value === undefined) return true;
	if (isUnset(value)) return undefined;
	if (attribute.type === 'boolean') return check.boolean(field, value);
	if (attribute.type === 'string') return check.optionalString(field, value);
	if (attribute.type === 'numeric') return numberIfNumeric(scalar(check, field, value));
	return scalar(check, field, value);
}

function setsFromFields(check: ItemChecks, input: SfmcContactInput): SfmcAttributeSet[] {
	const sets: SfmcAttributeSet[] = [];
	for (const definition of DOCUMENTED_SETS) {
		for (const entry of input.attributeSets[definition.key] ?? []) {
			const values: SfmcValue[] = [];
			for (const attribute of definition.attributes) {
				const field = `Sets > ${definition.name} > ${attribute.name}`;
				const value = attributeValue(check, field, attribute, entry[attribute.parameter]);
				if (value !== undefined) values.push({ name: attribute.name, value });
			}
			sets.push({ name: definition.name, items: [{ values }] });
		}
	}
	for (const [position, entry] of (input.profileAttributes.attribute ?? []).entries()) {
		const label = `Profile Attributes > entry ${position + 1}`;
		const setName = check.requiredString(`${label} > Attribute Set`, entry.setName).trim();
		const name = check.requiredString(`${label} > Attribute Name`, entry.name).trim();
		if (isUnset(entry.value)) continue;
		const value = scalar(check, `Profile Attributes > ${setName} > ${name}`, entry.value);
		const set = sets.find((candidate) => sameName(candidate.name, setName));
		if (set) set.items[0].values.push({ name, value });
		else sets.push({ name: setName, items: [{ values: [{ name, value }] }] });
	}
	return sets;
}

/** The JSON mode: the documented array; a set's `values` given directly (the doc's table) is accepted too. */
function setsFromJson(check: ItemChecks, json: unknown): SfmcAttributeSet[] {
	const field = 'Attribute Sets (JSON)';
	const parsed = check.json(field, json) ?? [];
	if (!Array.isArray(parsed)) check.fail(field, `must be a JSON array of attribute sets, but is ${describeType(parsed)}`);
	return (parsed as unknown[]).map((raw, index) => {
		const where = `${field} > set ${index + 1}`;
		if (!raw || typeof raw !== 'object' || Array.isArray(raw)) check.fail(where, `must be an object, but is ${describeType(raw)}`);
		const set = raw as { name?: unknown; items?: unknown; values?: unknown };
		const name = check.requiredString(`${where} > name`, set.name).trim();
		const items = set.items ?? (set.values !== undefined ? [{ values: set.values }] : undefined);
		if (!Array.isArray(items) || items.length === 0) check.fail(`${field} > ${name}`, 'needs "items": [{ "values": [...] }]');
		return {
			name,
			items: (items as Array<{ values?: unknown }>).map((item) => {
				if (!Array.isArray(item?.values)) check.fail(`${field} > ${name}`, 'each item needs a "values" list');
				return {
					// Empty text is not sent, as in the fields: it would overwrite the stored value.
					values: (item.values as Array<{ name?: unknown; value?: unknown }>).flatMap((pair) => {
						const attribute = check.requiredString(`${field} > ${name} > value name`, pair?.name).trim();
						const value = scalar(check, `${field} > ${name} > ${attribute}`, pair.value);
						return typeof value === 'string' && value.trim() === '' ? [] : [{ name: attribute, value }];
					}),
				};
			}),
		};
	});
}

function valueOf(set: SfmcAttributeSet | undefined, attribute: string): GenericValue | undefined {
	for (const item of set?.items ?? []) {
		const found = item.values.find((pair) => sameName(pair.name, attribute));
		if (found) return found.value;
	}
	return undefined;
}

/** The doc's rules on set names, for every set the user gave, with or without values. */
function checkSetNames(check: ItemChecks, sets: SfmcAttributeSet[], field: string): void {
	for (const [index, set] of sets.entries()) {
		if (/whatsapp/i.test(set.name)) check.fail(`${field} > ${set.name}`, 'WhatsApp is not supported.');
		if (sets.slice(0, index).some((earlier) => sameName(earlier.name, set.name))) {
			check.fail(`${field} > ${set.name}`, 'is given more than once; each call accepts only one instance of each attribute set');
		}
	}
}

/** The doc's rules on which sets a contact needs, and their values, checked on the sets that are sent. */
function checkDocumentedRules(check: ItemChecks, sets: SfmcAttributeSet[], field: string): void {
	const find = (name: string) => sets.find((set) => sameName(set.name, name));
	const has = (name: string) => find(name) !== undefined;
	if (!(has(EMAIL_ADDRESSES) || has(MOBILECONNECT_DEMOGRAPHICS) || has(MOBILEPUSH_DEMOGRAPHICS) || (has(LINE_ADDRESSES) && has(LINE_SUBSCRIPTIONS)))) {
		check.fail(
			field,
			`a contact needs ${REQUIRED_SETS_RULE}`,
		);
	}
	if (has(EMAIL_DEMOGRAPHICS) && !has(EMAIL_ADDRESSES)) {
		check.fail(`${field} > ${EMAIL_DEMOGRAPHICS}`, 'needs the Email Addresses attribute set too');
	}
	if (has(LINE_DEMOGRAPHICS) && !(has(LINE_ADDRESSES) && has(LINE_SUBSCRIPTIONS))) {
		check.fail(`${field} > ${LINE_DEMOGRAPHICS}`, `needs the ${LINE_ADDRESSES} and ${LINE_SUBSCRIPTIONS} attribute sets too`);
	}
	const email = find(EMAIL_ADDRESSES);
	if (email) {
		const address = valueOf(email, 'Email Address');
		if (typeof address !== 'string' || address.trim() === '') check.fail(`${field} > ${EMAIL_ADDRESSES} > Email Address`, 'is required');
		check.email(`${field} > ${EMAIL_ADDRESSES} > Email Address`, address);
		if (typeof valueOf(email, 'HTML Enabled') !== 'boolean') {
			check.fail(`${field} > ${EMAIL_ADDRESSES} > HTML Enabled`, 'is required (true or false) with Email Addresses');
		}
	}
	const mobileConnect = find(MOBILECONNECT_DEMOGRAPHICS);
	if (mobileConnect) {
		const locale = valueOf(mobileConnect, 'Locale');
		if (typeof locale !== 'string' || !/^[A-Za-z]{2}$/.test(locale.trim())) {
			check.fail(`${field} > ${MOBILECONNECT_DEMOGRAPHICS} > Locale`, `must be a two-letter country code such as US, but is ${JSON.stringify(locale ?? '')}`);
		}
	}
	const mobilePush = find(MOBILEPUSH_DEMOGRAPHICS);
	if (mobilePush && isUnset(valueOf(mobilePush, 'Application'))) {
		check.fail(`${field} > ${MOBILEPUSH_DEMOGRAPHICS} > Application`, 'is required: MobilePush Demographics needs the application ID');
	}
}

/** The key, contact ID and the attribute sets with values, with the name rules checked. */
function contactBody(check: ItemChecks, input: SfmcContactInput): { body: IDataObject; sets: SfmcAttributeSet[]; field: string } {
	const contactKey = check.requiredString('Contact Key', input.contactKey).trim();
	const body: IDataObject = { contactKey };
	if (!isUnset(input.contactID)) body.contactID = scalar(check, 'Contact ID', input.contactID);
	const mode = check.oneOf('Attribute Sets', input.attributeSetsMode, ATTRIBUTE_SETS_MODES);
	const given = mode === 'json' ? setsFromJson(check, input.attributeSetsJson) : setsFromFields(check, input);
	const field = mode === 'json' ? 'Attribute Sets (JSON)' : 'Sets';
	checkSetNames(check, given, field);
	// A set with no values says nothing: it is not sent and counts for no rule.
	const sets = given.filter((set) => set.items.some((item) => item.values.length > 0));
	body.attributeSets = sets as unknown as IDataObject[];
	return { body, sets, field };
}

/** The body of POST /contacts/v1/contacts for one item, after every documented rule. */
export function buildCreateContactBody(check: ItemChecks, input: SfmcContactInput): IDataObject {
	const { body, sets, field } = contactBody(check, input);
	checkDocumentedRules(check, sets, field);
	return body;
}

/**
 * The body of PATCH /contacts/v1/contacts: the same shape; the create-only rules (which sets a
 * contact needs, HTML Enabled with Email Addresses) are not stated for PATCH, so only the sets
 * given are checked (an email address must still be one).
 */
export function buildUpdateContactBody(check: ItemChecks, input: SfmcContactInput): IDataObject {
	const { body, sets, field } = contactBody(check, input);
	if (sets.length === 0) check.fail(field, 'nothing to update: give at least one attribute set with a value');
	const address = valueOf(sets.find((set) => sameName(set.name, EMAIL_ADDRESSES)), 'Email Address');
	if (address !== undefined) check.email(`${field} > ${EMAIL_ADDRESSES} > Email Address`, String(address));
	return body;
}
