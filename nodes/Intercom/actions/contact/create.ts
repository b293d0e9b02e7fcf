import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { ifExistsFrom, itemSendOptions } from '../../../shared/commonFields';
import { asItemError } from '../../../shared/execute';
import type { ItemRun } from '../../../shared/execute';
import { httpStatusOf, wasResentAfterUnknownOutcome } from '../../../shared/transport';
import { ItemChecks } from '../../../shared/validation';
import { intercomApi } from '../../api';
import { intercomOutput } from '../../output';
import { conflictId, IntercomContacts, versionHeaders } from '../../contacts';
import { buildCreateContactBody } from '../../mapping';
import { buildWithAttributeTypes, createContactFields, readContactInput } from './fields';

/** Create: the fields of the vendor's create call. */
export const description = createContactFields;

/**
 * Create Contact for one item: check, send with the pinned Intercom-Version, handle 409 as chosen.
 * A create whose answer was lost is looked up before it is sent again, and a 409 to a re-send names
 * this item's own contact: either way the output is that contact, as created.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number, run: ItemRun): Promise<IDataObject> {
	const check = ItemChecks.forItem(this, itemIndex);
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const ifExists = ifExistsFrom(check, options);
	const send = itemSendOptions(check, options, run, intercomApi);
	const headers = versionHeaders(check, options);
	const contacts = new IntercomContacts(this, itemIndex, headers, send);
	const body = await buildWithAttributeTypes(this, readContactInput(this, itemIndex), run, itemIndex, send, headers, (input) =>
		buildCreateContactBody(check, input),
	);
	const beforeRetry = contacts.createdBy(body, Math.floor(Date.now() / 1000));

	let existingId: string | undefined;
	try {
		const created = contacts.object(await contacts.call({ method: 'POST', url: '/contacts', body }, { ...send, beforeRetry }));
		return intercomOutput(this, itemIndex, created, 'created');
	} catch (error) {
		existingId = conflictId(error);
		const ownContact = wasResentAfterUnknownOutcome(error);
		if (httpStatusOf(error) !== 409 || existingId === undefined || (!ownContact && ifExists !== 'returnExisting')) {
			throw asItemError(this.getNode(), error, itemIndex);
		}
		if (ownContact) return intercomOutput(this, itemIndex, await contacts.get(existingId), 'created');
	}
	return intercomOutput(this, itemIndex, await contacts.get(existingId), 'existing');
}
