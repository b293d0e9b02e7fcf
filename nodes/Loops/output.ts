import type { IDataObject } from 'n8n-workflow';

import type { Outcome } from '../shared/output';
import { withVendorResponseIfChosen } from '../shared/output';
import { STANDARD_FIELD_NAMES } from './mapping';

/** The standard fields every write outputs, in this order, whether sent or not. */
const OUTPUT_FIELDS = STANDARD_FIELD_NAMES.filter((name) => name !== 'mailingLists');

/**
 * Every Loops write outputs one fixed set of keys, so two items never differ in columns:
 * `{ id, email, firstName, lastName, source, subscribed, userGroup, userId, mailingLists,
 * customProperties, outcome }`, null where nothing was sent; custom properties and lists under
 * one key each. Loops answers a write with `{ success, id }` only, so the values are what this
 * item sent; for a contact that already existed they are the values Loops holds for the fields
 * the item would have sent. Loops' answer (or the contact found) is added as vendorResponse only
 * when Options > Include Vendor Response is on.
 */
export function loopsWriteOutput(options: IDataObject, outcome: Outcome, fieldsSent: IDataObject, answer: IDataObject | undefined): IDataObject {
	const valueOf = (name: string) => (fieldsSent[name] === undefined ? null : ((outcome === 'existing' ? answer?.[name] : fieldsSent[name]) ?? null));
	const output: IDataObject = { id: answer?.id ?? null };
	for (const name of OUTPUT_FIELDS) output[name] = valueOf(name);
	output.mailingLists = valueOf('mailingLists');
	const customNames = Object.keys(fieldsSent).filter((name) => !STANDARD_FIELD_NAMES.includes(name));
	output.customProperties = customNames.length === 0 ? null : Object.fromEntries(customNames.map((name) => [name, valueOf(name)]));
	output.outcome = outcome;
	return withVendorResponseIfChosen(options, output, answer);
}
