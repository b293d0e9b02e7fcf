import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { ifExistsFrom, itemSendOptions } from '../../../shared/commonFields';
import type { IfExists } from '../../../shared/commonFields';
import { asItemError } from '../../../shared/execute';
import type { ItemRun } from '../../../shared/execute';
import { expectJsonObject, sendVendorRequest, wasResentAfterUnknownOutcome } from '../../../shared/transport';
import { fieldRuleError, ItemChecks } from '../../../shared/validation';
import { voyadoApi } from '../../api';
import { voyadoOutput } from '../../output';
import { VoyadoContacts } from '../../contacts';
import type { KeyField } from '../../mapping';
import { buildCreateContactRequest, KEY_FIELDS } from '../../mapping';
import { createContactFields, readContactInput } from './fields';

/** Create: the fields of the vendor's create call. */
export const description = createContactFields;

/** An existing contact, as the user chose: an error naming its id, or the contact itself. */
async function existing(
	this: IExecuteFunctions,
	contacts: VoyadoContacts,
	itemIndex: number,
	id: string,
	keyField: KeyField,
	ifExists: IfExists,
): Promise<IDataObject> {
	if (ifExists === 'returnExisting') return voyadoOutput(this, itemIndex, await contacts.fetch(id), 'existing');
	const error = fieldRuleError(
		this.getNode(),
		itemIndex,
		KEY_FIELDS[keyField].label,
		`a contact with this ${KEY_FIELDS[keyField].label.toLowerCase()} already exists (id ${id}); nothing was created`,
		'To output it instead, set Options > If Contact Already Exists to Return Existing Contact.',
	);
	error.context.existingId = id;
	throw error;
}

/**
 * Create Contact for one item: check, optionally look the contact up first (as Voyado
 * recommends), create, and if a retry is needed after an unknown outcome, look up again first so
 * the retry never makes a second contact.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number, run: ItemRun): Promise<IDataObject> {
	const check = ItemChecks.forItem(this, itemIndex);
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const ifExists = ifExistsFrom(check, options);
	const checkFirst = options.checkExistsFirst === undefined ? true : check.boolean('Options > Check If Contact Exists First', options.checkExistsFirst);
	const send = itemSendOptions(check, options, run, voyadoApi);
	const request = buildCreateContactRequest(check, readContactInput(this, itemIndex));
	const contacts = new VoyadoContacts(this, itemIndex, send);

	const findId = async () => await contacts.findId(request.keyField, request.keyValue, request.contactType);

	if (checkFirst) {
		const id = await findId();
		if (id) return await existing.call(this, contacts, itemIndex, id, request.keyField, ifExists);
	}

	const beforeRetry = contacts.createdBy(request.keyField, request.keyValue, request.contactType);
	let ownContact = false;
	try {
		const response = await sendVendorRequest.call(
			this,
			voyadoApi,
			{ method: 'POST', url: '/api/v3/contacts', body: request.body, qs: request.qs },
			itemIndex,
			{ ...send, beforeRetry },
		);
		return voyadoOutput(this, itemIndex, expectJsonObject(this, voyadoApi, response, itemIndex), 'created');
	} catch (error) {
		const taken = error instanceof NodeApiError && error.context.code === 'ApprovedContactWithKeyExists';
		ownContact = taken && wasResentAfterUnknownOutcome(error);
		if (!taken || (!ownContact && ifExists !== 'returnExisting')) throw asItemError(this.getNode(), error, itemIndex);
	}
	const id = await findId();
	if (!id) {
		throw fieldRuleError(this.getNode(), itemIndex, KEY_FIELDS[request.keyField].label, 'Engage says a contact with this key exists, but finding it returned nothing');
	}
	// After a re-send, the contact that "exists" is the one this item's lost attempt created.
	if (ownContact) return voyadoOutput(this, itemIndex, await contacts.fetch(id), 'created');
	return await existing.call(this, contacts, itemIndex, id, request.keyField, ifExists);
}
