import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { itemSendOptions } from '../../../shared/commonFields';
import type { ItemRun } from '../../../shared/execute';
import { includeVendorResponseOption } from '../../../shared/output';
import { expectJsonObject, sendVendorRequest } from '../../../shared/transport';
import { ItemChecks } from '../../../shared/validation';
import { loopsApi } from '../../api';
import { findByEitherKey } from '../../find';
import { buildContactData, checkedEmail } from '../../mapping';
import { loopsWriteOutput } from '../../output';
import { clearFieldsField, contactDataFields, emailField, optionsField, readContactInput, buildWithPropertyTypes } from './fields';

const OPERATION = ['upsert'];

/** Create or Update: PUT /contacts/update, which creates the contact when it is missing. */
export const description = [
	emailField(
		OPERATION,
		"The contact's email address: the contact with this email (or with the User ID below) is updated, else created",
	),
	...contactDataFields(OPERATION),
	clearFieldsField(OPERATION),
	optionsField(OPERATION, [includeVendorResponseOption('Loops')]),
];

/**
 * One item: look the contact up first (by email, then user ID, the keys PUT /contacts/update
 * matches on), because Loops' answer does not say whether it created or updated; then send the
 * update. A field left blank is not sent and keeps its value. The PUT is safe to re-send after a
 * lost answer: it matches the same contact again.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number, run: ItemRun): Promise<IDataObject> {
	const check = ItemChecks.forItem(this, itemIndex);
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const send = itemSendOptions(check, options, run, loopsApi);
	const body = await buildWithPropertyTypes(this, readContactInput(this, itemIndex), run, itemIndex, send, (input) => ({
		email: checkedEmail(check, 'Email', input.email),
		...buildContactData(check, input),
	}));

	const existing = await findByEitherKey.call(this, body, itemIndex, send);
	const response = await sendVendorRequest.call(this, loopsApi, { method: 'PUT', url: '/contacts/update', body }, itemIndex, send);
	return loopsWriteOutput(options, existing ? 'updated' : 'created', body, expectJsonObject(this, loopsApi, response, itemIndex));
}
