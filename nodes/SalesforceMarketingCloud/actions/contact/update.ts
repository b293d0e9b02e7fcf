import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { itemSendOptions } from '../../../shared/commonFields';
import type { ItemRun } from '../../../shared/execute';
import { sendVendorRequest } from '../../../shared/transport';
import { ItemChecks } from '../../../shared/validation';
import { sfmcApi } from '../../api';
import { sfmcWriteOutput } from '../../output';
import { SfmcContacts, successfulAnswer } from '../../contacts';
import { buildUpdateContactBody } from '../../mapping';
import { contactFields, readContactInput, writeOptionsField } from './fields';

const OPERATION = ['update'];

/** Update: PATCH /contacts/v1/contacts, after checking the contact key exists. */
export const description = [...contactFields(OPERATION), writeOptionsField(OPERATION)];

/**
 * One item: what PATCH does with an unknown key is not documented (it may create), so the key is
 * looked up first and a missing contact is an error, never created. Then PATCH with the sets
 * given; a 200 with operationStatus FAIL is an error with its result messages.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number, run: ItemRun): Promise<IDataObject> {
	const check = ItemChecks.forItem(this, itemIndex);
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const send = itemSendOptions(check, options, run, sfmcApi);
	const body = buildUpdateContactBody(check, readContactInput(this, itemIndex));
	const contactKey = String(body.contactKey);

	if (!(await new SfmcContacts(this, itemIndex, send).read(contactKey))) {
		check.fail('Contact Key', `no contact found with contact key "${contactKey}"; nothing was updated or created`);
	}
	const response = await sendVendorRequest.call(this, sfmcApi, { method: 'PATCH', url: '/contacts/v1/contacts', body }, itemIndex, send);
	return sfmcWriteOutput(options, 'updated', body, successfulAnswer(this, response, itemIndex));
}
