import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { ifNotFoundFrom, ifNotFoundOption, itemSendOptions, notFound, showFor } from '../../../shared/commonFields';
import type { ItemRun } from '../../../shared/execute';
import { simplifyField } from '../../../shared/output';
import { ItemChecks } from '../../../shared/validation';
import { intercomApi } from '../../api';
import { intercomOutput } from '../../output';
import { IntercomContacts, versionHeaders } from '../../contacts';
import { emailField, externalIdField, findByFields, optionsField, readContactInput } from './fields';
import { findContact, readContactLookup } from './lookup';

const OPERATION = ['get'];

/** Get: GET /contacts/{id}, or a search by email or external ID. */
export const description = [
	...findByFields(OPERATION),
	emailField(showFor(OPERATION, { findBy: ['email'] }), "The contact's email", true),
	externalIdField(showFor(OPERATION, { findBy: ['externalId'] }), true),
	simplifyField(OPERATION),
	optionsField(OPERATION, [ifNotFoundOption]),
];

/** One item: the contact, or "not found" as the user chose. */
export async function execute(this: IExecuteFunctions, itemIndex: number, run: ItemRun): Promise<IDataObject> {
	const check = ItemChecks.forItem(this, itemIndex);
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const ifNotFound = ifNotFoundFrom(check, options);
	const contacts = new IntercomContacts(this, itemIndex, versionHeaders(check, options), itemSendOptions(check, options, run, intercomApi));
	const lookup = readContactLookup(this, check, readContactInput(this, itemIndex), itemIndex);

	const contact = await findContact(contacts, check, lookup);
	return contact ? intercomOutput(this, itemIndex, contact) : notFound(check, ifNotFound, lookup.field, `${lookup.field.toLowerCase()} "${lookup.value}"`);
}
