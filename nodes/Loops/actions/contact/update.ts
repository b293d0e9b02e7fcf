import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { itemSendOptions } from '../../../shared/commonFields';
import type { ItemRun } from '../../../shared/execute';
import { includeVendorResponseOption } from '../../../shared/output';
import { expectJsonObject, sendVendorRequest } from '../../../shared/transport';
import { ItemChecks } from '../../../shared/validation';
import { loopsApi } from '../../api';
import { findContacts } from '../../find';
import { buildContactData } from '../../mapping';
import { loopsWriteOutput } from '../../output';
import { clearFieldsField, contactDataFields, findByFields, optionsField, readContactInput, readContactKey, buildWithPropertyTypes } from './fields';

const OPERATION = ['update'];

/** Update: find the contact, then PUT /contacts/update; a contact that does not exist is an error. */
export const description = [
	...findByFields(OPERATION),
	...contactDataFields(OPERATION),
	clearFieldsField(OPERATION),
	optionsField(OPERATION, [includeVendorResponseOption('Loops')]),
];

/**
 * One item: Loops' update call creates a missing contact, so the contact is found first and a
 * missing one is an error, never created. Only the fields given are sent.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number, run: ItemRun): Promise<IDataObject> {
	const check = ItemChecks.forItem(this, itemIndex);
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const send = itemSendOptions(check, options, run, loopsApi);
	const { key, field, value } = readContactKey(this, check, itemIndex);
	const data = await buildWithPropertyTypes(this, readContactInput(this, itemIndex), run, itemIndex, send, (input) => buildContactData(check, input));
	if (key === 'userId' && data.userId !== undefined && data.userId !== value) {
		check.fail('Additional Fields > User ID', 'cannot change the user ID the contact is found by');
	}
	const body = { ...data, [key]: value };

	const found = await findContacts.call(this, key, value, itemIndex, send);
	if (found.length === 0) check.fail(field, `no contact found with ${field.toLowerCase()} "${value}"; nothing was updated or created`);
	const response = await sendVendorRequest.call(this, loopsApi, { method: 'PUT', url: '/contacts/update', body }, itemIndex, send);
	return loopsWriteOutput(options, 'updated', body, expectJsonObject(this, loopsApi, response, itemIndex));
}
