import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { ifNotFoundFrom, ifNotFoundOption, itemSendOptions, notFound } from '../../../shared/commonFields';
import type { ItemRun } from '../../../shared/execute';
import { simplifyField } from '../../../shared/output';
import { ItemChecks } from '../../../shared/validation';
import { voyadoApi } from '../../api';
import { voyadoOutput } from '../../output';
import { VoyadoContacts } from '../../contacts';
import { contactTypeField, findByFields, optionsField, readContactInput, readContactLookup, resolveContactId } from './fields';

const OPERATION = ['get'];

/** Get: find the contact by a key field or its ID, and read it. */
export const description = [...findByFields(OPERATION), contactTypeField(OPERATION), simplifyField(OPERATION), optionsField(OPERATION, [ifNotFoundOption])];

/** One item: the full contact, or "not found" as the user chose. */
export async function execute(this: IExecuteFunctions, itemIndex: number, run: ItemRun): Promise<IDataObject> {
	const check = ItemChecks.forItem(this, itemIndex);
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const ifNotFound = ifNotFoundFrom(check, options);
	const send = itemSendOptions(check, options, run, voyadoApi);
	const contacts = new VoyadoContacts(this, itemIndex, send);

	const lookup = readContactLookup(this, check, readContactInput(this, itemIndex), itemIndex);
	const id = await resolveContactId(contacts, lookup);
	const contact = id ? await contacts.fetchIfAny(id) : undefined;
	return contact ? voyadoOutput(this, itemIndex, contact) : notFound(check, ifNotFound, lookup.field, lookup.what);
}
