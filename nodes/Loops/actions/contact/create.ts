import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { ifExistsFrom, itemSendOptions } from '../../../shared/commonFields';
import { asItemError } from '../../../shared/execute';
import type { ItemRun } from '../../../shared/execute';
import {
	answerFromLookup,
	expectJsonObject,
	httpStatusOf,
	sendVendorRequest,
	wasResentAfterUnknownOutcome,
} from '../../../shared/transport';
import { ItemChecks } from '../../../shared/validation';
import { loopsApi } from '../../api';
import { findByEitherKey } from '../../find';
import { buildCreateContactBody } from '../../mapping';
import { loopsWriteOutput } from '../../output';
import { createContactFields, readContactInput, buildWithPropertyTypes } from './fields';

/** Create: the fields of the vendor's create call. */
export const description = createContactFields;

/**
 * Create Contact for one item: check, send, and answer "already exists" as the user chose. A
 * create whose answer was lost (timeout, reset, 5xx) may have gone through, so before re-sending
 * it the contact is looked up; if found, it is this item's created contact. A 409 to a re-send
 * means the same.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number, run: ItemRun): Promise<IDataObject> {
	const check = ItemChecks.forItem(this, itemIndex);
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const ifExists = ifExistsFrom(check, options);
	const send = itemSendOptions(check, options, run, loopsApi);
	const body = await buildWithPropertyTypes(this, readContactInput(this, itemIndex), run, itemIndex, send, (input) => buildCreateContactBody(check, input));
	const beforeRetry = async () => {
		const found = await findByEitherKey.call(this, body, itemIndex, send);
		return found ? answerFromLookup(found.contact) : undefined;
	};

	let conflict: unknown;
	try {
		const response = await sendVendorRequest.call(
			this,
			loopsApi,
			{ method: 'POST', url: '/contacts/create', body },
			itemIndex,
			{ ...send, beforeRetry },
		);
		return loopsWriteOutput(options, 'created', body, expectJsonObject(this, loopsApi, response, itemIndex));
	} catch (error) {
		// Matched on the status: Loops changed the 409 wording in 2026.
		if (httpStatusOf(error) !== 409) throw asItemError(this.getNode(), error, itemIndex);
		conflict = error;
	}
	const resent = wasResentAfterUnknownOutcome(conflict);
	if (!resent && ifExists !== 'returnExisting') throw asItemError(this.getNode(), conflict, itemIndex);
	const found = await findByEitherKey.call(this, body, itemIndex, send);
	if (resent) {
		if (found) return loopsWriteOutput(options, 'created', body, found.contact);
		if (ifExists !== 'returnExisting') throw asItemError(this.getNode(), conflict, itemIndex);
	}
	return loopsWriteOutput(options, 'existing', body, found?.contact);
}
