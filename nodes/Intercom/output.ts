import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { Outcome } from '../shared/output';
import { simplifiedIfChosen, withOutcome } from '../shared/output';

/** What Simplify keeps of Intercom's contact (about 40 fields): who it is and what a flow acts on. */
export const SIMPLIFIED_FIELDS = [
	'id',
	'external_id',
	'role',
	'email',
	'phone',
	'name',
	'owner_id',
	'unsubscribed_from_emails',
	'custom_attributes',
] as const;

export function simplifyContact(contact: IDataObject): IDataObject {
	return Object.fromEntries(SIMPLIFIED_FIELDS.map((field) => [field, contact[field] ?? null]));
}

/**
 * Every Intercom operation outputs Intercom's contact: simplified to the fields above unless
 * Simplify is off. Writes add `outcome`, so a created, updated and existing contact have the same
 * columns.
 */
export function intercomOutput(context: IExecuteFunctions, itemIndex: number, contact: IDataObject, outcome?: Outcome): IDataObject {
	const shown = simplifiedIfChosen(context, itemIndex, contact, simplifyContact);
	return outcome ? withOutcome(shown, outcome) : shown;
}
