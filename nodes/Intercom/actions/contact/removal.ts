import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { itemSendOptions, showFor } from '../../../shared/commonFields';
import type { DeleteOutcome, IfDeleteNotFound } from '../../../shared/deletion';
import { ifDeleteNotFoundFrom, ifDeleteNotFoundOption, notFoundForDelete } from '../../../shared/deletion';
import type { ItemRun } from '../../../shared/execute';
import { ItemChecks } from '../../../shared/validation';
import { intercomApi } from '../../api';
import { IntercomContacts, versionHeaders } from '../../contacts';
import { emailField, externalIdField, findByFields, optionsField, readContactInput } from './fields';
import type { ContactLookup } from './lookup';
import { findContact, readContactLookup } from './lookup';

/** Delete and Archive: the contact is found as Update and Get find it. */
export function removalFields(operation: string): INodeProperties[] {
	const operations = [operation];
	return [
		...findByFields(operations),
		emailField(showFor(operations, { findBy: ['email'] }), "The contact's email", true),
		externalIdField(showFor(operations, { findBy: ['externalId'] }), true),
		optionsField(operations, [ifDeleteNotFoundOption]),
	];
}

/**
 * Every Delete and Archive item: `{ id, email, external_id, role, outcome }`, the contact as it was
 * found (null where it had no value, or where it was already gone).
 */
export function removalOutput(contact: IDataObject | undefined, outcome: DeleteOutcome): IDataObject {
	const value = (field: string) => (contact?.[field] === undefined ? null : contact[field]);
	return { id: value('id'), email: value('email'), external_id: value('external_id'), role: value('role'), outcome };
}

/** What Delete and Archive share for one item: its checked lookup, its calls, and the contact found (if any). */
export interface RemovalTarget {
	check: ItemChecks;
	contacts: IntercomContacts;
	lookup: ContactLookup;
	ifNotFound: IfDeleteNotFound;
	contact?: IDataObject;
}

/** Reads and checks the item's fields (nothing sent before), then finds the contact. */
export async function findRemovalTarget(context: IExecuteFunctions, itemIndex: number, run: ItemRun): Promise<RemovalTarget> {
	const check = ItemChecks.forItem(context, itemIndex);
	const options = context.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const ifNotFound = ifDeleteNotFoundFrom(check, options);
	const lookup = readContactLookup(context, check, readContactInput(context, itemIndex), itemIndex);
	const contacts = new IntercomContacts(context, itemIndex, versionHeaders(check, options), itemSendOptions(check, options, run, intercomApi));
	return { check, contacts, lookup, ifNotFound, contact: await findContact(contacts, check, lookup) };
}

/** No contact matched: an error, or "already gone" as the user chose. */
export function removalNotFound(target: RemovalTarget): IDataObject {
	const { check, ifNotFound, lookup } = target;
	const known = lookup.findBy === 'id' ? { id: lookup.value } : lookup.findBy === 'email' ? { email: lookup.value } : { external_id: lookup.value };
	return notFoundForDelete(check, ifNotFound, lookup.field, `${lookup.field.toLowerCase()} "${lookup.value}"`, removalOutput(known, 'alreadyGone'));
}
