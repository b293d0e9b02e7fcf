import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { itemSendOptions } from '../../../shared/commonFields';
import { simplifyField } from '../../../shared/output';
import { asItemError } from '../../../shared/execute';
import type { ItemRun } from '../../../shared/execute';
import { expectJsonObject, httpStatusOf, sendVendorRequest, wasResentAfterUnknownOutcome } from '../../../shared/transport';
import { waitUnlessStopped } from '../../../shared/stop';
import { ItemChecks } from '../../../shared/validation';
import { voyadoApi } from '../../api';
import { voyadoOutput } from '../../output';
import { VoyadoContacts } from '../../contacts';
import { buildCreateContactRequest } from '../../mapping';
import {
	contactDataFields,
	contactTypeField,
	keyFieldField,
	chosenKeyField,
	optionsField,
	queryParametersField,
	readContactInput,
} from './fields';

const OPERATION = ['upsert'];

/** Create or Update: look up by the key field, then PATCH the contact or create it. */
export const description = [
	contactTypeField(OPERATION),
	keyFieldField(OPERATION),
	...chosenKeyField(OPERATION),
	...contactDataFields(OPERATION),
	queryParametersField(OPERATION),
	simplifyField(OPERATION),
	optionsField(OPERATION),
];

// Engage asks to wait a moment when another request is creating the same key.
const BEING_CREATED_WAIT_MS = 2_000;

/**
 * One item: Engage has no upsert, and says "always check first". Found by the key field: PATCH
 * with only the attributes given (never an empty one, which would overwrite). Not found: create;
 * if Engage answers that the key exists (created meanwhile), look it up and PATCH. A create whose
 * answer was lost is looked up before it is sent again.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number, run: ItemRun): Promise<IDataObject> {
	const check = ItemChecks.forItem(this, itemIndex);
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const send = itemSendOptions(check, options, run, voyadoApi);
	const request = buildCreateContactRequest(check, readContactInput(this, itemIndex));
	// PATCH sends only what changes: not the key it was found by, nor the contact type (Engage:
	// only updateContactType can change that).
	const changes = { ...request.body };
	delete changes.contactType;
	delete changes[request.keyField];
	const contacts = new VoyadoContacts(this, itemIndex, send);
	const findId = async () => await contacts.findId(request.keyField, request.keyValue, request.contactType);
	// Nothing but the key given: there is nothing to PATCH (Engage refuses an empty one).
	const update = async (id: string) => (Object.keys(changes).length > 0 ? await contacts.patch(id, changes) : await contacts.fetch(id));

	const existingId = await findId();
	if (existingId) {
		try {
			return voyadoOutput(this, itemIndex, await update(existingId), 'updated');
		} catch (error) {
			// Deleted since the lookup: create it, once.
			if (httpStatusOf(error) !== 404) throw asItemError(this.getNode(), error, itemIndex);
		}
	}
	try {
		const response = await sendVendorRequest.call(
			this,
			voyadoApi,
			{ method: 'POST', url: '/api/v3/contacts', body: request.body, qs: request.qs },
			itemIndex,
			{ ...send, beforeRetry: contacts.createdBy(request.keyField, request.keyValue, request.contactType) },
		);
		return voyadoOutput(this, itemIndex, expectJsonObject(this, voyadoApi, response, itemIndex), 'created');
	} catch (error) {
		const code = error instanceof NodeApiError ? error.context.code : undefined;
		if (code !== 'ApprovedContactWithKeyExists' && code !== 'ContactWithKeyIsBeingCreated') throw asItemError(this.getNode(), error, itemIndex);
		if (code === 'ContactWithKeyIsBeingCreated') await waitUnlessStopped(BEING_CREATED_WAIT_MS, run.signal);
		const id = await findId();
		if (!id) throw asItemError(this.getNode(), error, itemIndex);
		// After a re-send, the contact that exists is the one this item's lost create made.
		return voyadoOutput(this, itemIndex, await update(id), wasResentAfterUnknownOutcome(error) ? 'created' : 'updated');
	}
}
