import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { Outcome } from '../shared/output';
import { simplifiedIfChosen, withOutcome } from '../shared/output';

function objectAt(contact: IDataObject, key: string): IDataObject {
	const value = contact[key];
	return value && typeof value === 'object' && !Array.isArray(value) ? (value as IDataObject) : {};
}

/**
 * What Simplify keeps of Engage's contact (id, attributes, meta, preferences, consents: dozens of
 * fields), flattened to one level: who it is and whether it may be emailed.
 */
export function simplifyContact(contact: IDataObject): IDataObject {
	const attributes = objectAt(contact, 'attributes');
	const attribute = (name: string) => attributes[name] ?? null;
	return {
		id: contact.id ?? null,
		contactType: objectAt(contact, 'meta').contactType ?? null,
		email: attribute('email'),
		mobilePhone: attribute('mobilePhone'),
		firstName: attribute('firstName'),
		lastName: attribute('lastName'),
		externalId: attribute('externalId'),
		memberNumber: attribute('memberNumber'),
		acceptsEmail: objectAt(contact, 'preferences').acceptsEmail ?? null,
	};
}

/**
 * Every Engage operation outputs Engage's contact: simplified (above) unless Simplify is off.
 * Writes add `outcome`, so a created, updated and existing contact have the same columns.
 */
export function voyadoOutput(context: IExecuteFunctions, itemIndex: number, contact: IDataObject, outcome?: Outcome): IDataObject {
	const shown = simplifiedIfChosen(context, itemIndex, contact, simplifyContact);
	return outcome ? withOutcome(shown, outcome) : shown;
}
