import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { itemSendOptions } from '../../../shared/commonFields';
import type { ItemRun } from '../../../shared/execute';
import { simplifyField } from '../../../shared/output';
import { ItemChecks } from '../../../shared/validation';
import { voyadoApi } from '../../api';
import { voyadoOutput } from '../../output';
import { VoyadoContacts } from '../../contacts';
import { buildContactData } from '../../mapping';
import { clearFieldsField, contactDataFields, contactTypeField, findByFields, optionsField, readContactInput, readContactLookup, resolveContactId } from './fields';

const OPERATION = ['update'];

/** Update: find the contact (by a key field or its ID), then PATCH /api/v3/contacts/{id}. */
export const description = [
	...findByFields(OPERATION),
	contactTypeField(OPERATION),
	...contactDataFields(OPERATION),
	clearFieldsField(OPERATION),
	simplifyField(OPERATION),
	optionsField(OPERATION),
];

/**
 * One item: only the attributes given are sent (Engage overwrites a stored value with an empty
 * one, so nothing empty is sent; Fields to Clear sends null on purpose); a contact that is not found is an error, never created.
 * The contact type cannot change here (Engage ignores it on PATCH), so it is never sent.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number, run: ItemRun): Promise<IDataObject> {
	const check = ItemChecks.forItem(this, itemIndex);
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const send = itemSendOptions(check, options, run, voyadoApi);
	const input = readContactInput(this, itemIndex);
	const lookup = readContactLookup(this, check, input, itemIndex);
	// The value it is found by is at the top; a new value for it, like every change, is under Additional Fields.
	const changes = buildContactData(check, input);
	if (Object.keys(changes).length === 0) check.fail('Fields', 'nothing to update: fill in at least one field to change');

	const contacts = new VoyadoContacts(this, itemIndex, send);
	const id = await resolveContactId(contacts, lookup);
	const { field, what } = lookup;
	if (!id) return check.fail(field, `no contact found with ${what}; nothing was updated or created`);
	return voyadoOutput(this, itemIndex, await contacts.patch(id, changes), 'updated');
}
