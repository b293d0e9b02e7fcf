import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { itemSendOptions } from '../../../shared/commonFields';
import {
	deletedByEarlierAttempt,
	ifDeleteNotFoundFrom,
	ifDeleteNotFoundOption,
	lookUpBeforeResendingDelete,
	notFoundForDelete,
} from '../../../shared/deletion';
import type { DeleteOutcome } from '../../../shared/deletion';
import { asItemError } from '../../../shared/execute';
import type { ItemRun } from '../../../shared/execute';
import { expectJsonObject, httpStatusOf, sendVendorRequest } from '../../../shared/transport';
import { ItemChecks } from '../../../shared/validation';
import { voyadoApi } from '../../api';
import { VoyadoContacts } from '../../contacts';
import { contactTypeField, findByFields, optionsField, readContactInput, readContactLookup, resolveContactId } from './fields';

const OPERATION = ['delete'];

/** Options > Source: Engage's `source` query parameter of the delete. */
const sourceOption: INodeProperties = {
	displayName: 'Source',
	name: 'source',
	type: 'string',
	default: '',
	placeholder: 'e.g. gdpr-request',
	description: 'Where the deletion comes from, sent to Engage as the source of the change. Left empty, nothing is sent.',
};

/** Delete: find the contact by a key field or its ID, then DELETE /api/v3/contacts/{id}. */
export const description = [
	...findByFields(OPERATION),
	contactTypeField(OPERATION),
	optionsField(OPERATION, [ifDeleteNotFoundOption, sourceOption]),
];

/** Every Delete item: `{ id, outcome }` (id null when a key matched no contact). */
function deleteOutput(id: string | undefined, outcome: DeleteOutcome): IDataObject {
	return { id: id ?? null, outcome };
}

/**
 * One item: permanent, one contact per call (Engage: "not for batch deletion"). Not found is an
 * error unless "already gone" was chosen. A delete whose answer was lost is looked up by ID
 * before it is sent again; a 404 to that re-send means the first attempt deleted it.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number, run: ItemRun): Promise<IDataObject> {
	const check = ItemChecks.forItem(this, itemIndex);
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const ifNotFound = ifDeleteNotFoundFrom(check, options);
	const source = check.optionalString('Options > Source', options.source)?.trim();
	const send = itemSendOptions(check, options, run, voyadoApi);
	const lookup = readContactLookup(this, check, readContactInput(this, itemIndex), itemIndex);
	const contacts = new VoyadoContacts(this, itemIndex, send);
	const notFound = () => notFoundForDelete(check, ifNotFound, lookup.field, lookup.what, deleteOutput(lookup.contactId, 'alreadyGone'));

	const id = await resolveContactId(contacts, lookup);
	if (!id) return notFound();
	const beforeRetry = lookUpBeforeResendingDelete(async () => (await contacts.fetchIfAny(id)) !== undefined, {});
	try {
		const response = await sendVendorRequest.call(
			this,
			voyadoApi,
			{ method: 'DELETE', url: `/api/v3/contacts/${encodeURIComponent(id)}`, ...(source ? { qs: { source } } : {}) },
			itemIndex,
			{ ...send, beforeRetry },
		);
		// Engage answers 200 with no body; any other body must be JSON (text behind a 200 is a proxy, not Engage).
		if (response.body !== undefined && response.body !== null && response.body !== '') expectJsonObject(this, voyadoApi, response, itemIndex);
	} catch (error) {
		if (deletedByEarlierAttempt(error)) return deleteOutput(id, 'deleted');
		if (httpStatusOf(error) !== 404) throw asItemError(this.getNode(), error, itemIndex);
		return notFound();
	}
	return deleteOutput(id, 'deleted');
}
