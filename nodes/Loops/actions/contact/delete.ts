import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

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
import { loopsApi } from '../../api';
import { findContacts } from '../../find';
import { findByFields, optionsField, readContactKey } from './fields';

const OPERATION = ['delete'];

/** Delete: POST /contacts/delete by email or user ID (Loops takes one of them, never both). */
export const description = [...findByFields(OPERATION), optionsField(OPERATION, [ifDeleteNotFoundOption])];

/** Every Delete item: `{ email, userId, outcome }`, the key it was deleted by and the other null. */
function deleteOutput(key: 'email' | 'userId', value: string, outcome: DeleteOutcome): IDataObject {
	return { email: key === 'email' ? value : null, userId: key === 'userId' ? value : null, outcome };
}

/**
 * One item: Loops answers 404 when no contact has the key (an error, or "already gone" as the
 * user chose). A delete whose answer was lost is looked up before it is sent again.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number, run: ItemRun): Promise<IDataObject> {
	const check = ItemChecks.forItem(this, itemIndex);
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const ifNotFound = ifDeleteNotFoundFrom(check, options);
	const send = itemSendOptions(check, options, run, loopsApi);
	const { key, field, value } = readContactKey(this, check, itemIndex);
	const beforeRetry = lookUpBeforeResendingDelete(
		async () => (await findContacts.call(this, key, value, itemIndex, send)).length > 0,
		{ success: true, message: 'Contact deleted.' },
	);

	try {
		const response = await sendVendorRequest.call(this, loopsApi, { method: 'POST', url: '/contacts/delete', body: { [key]: value } }, itemIndex, { ...send, beforeRetry });
		// Loops answers { success, message }: text or an empty answer behind a 200 (a proxy) is not a deletion.
		expectJsonObject(this, loopsApi, response, itemIndex);
	} catch (error) {
		if (deletedByEarlierAttempt(error)) return deleteOutput(key, value, 'deleted');
		if (httpStatusOf(error) !== 404) throw asItemError(this.getNode(), error, itemIndex);
		return notFoundForDelete(check, ifNotFound, field, `${field.toLowerCase()} "${value}"`, deleteOutput(key, value, 'alreadyGone'));
	}
	return deleteOutput(key, value, 'deleted');
}
