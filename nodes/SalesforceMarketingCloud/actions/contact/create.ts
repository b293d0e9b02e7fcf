import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { itemSendOptions } from '../../../shared/commonFields';
import type { ItemRun } from '../../../shared/execute';
import { sendVendorRequest } from '../../../shared/transport';
import { ItemChecks } from '../../../shared/validation';
import { sfmcApi } from '../../api';
import { mergeOutcome, sfmcWriteOutput } from '../../output';
import { successfulAnswer } from '../../contacts';
import { buildCreateContactBody } from '../../mapping';
import { createContactFields, readContactInput } from './fields';

/** Create: the fields of the vendor's create call. */
export const description = createContactFields;

/**
 * Create Contact for one item: check every documented rule, send, and read the envelope. Marketing
 * Cloud merges a create into the contact with the same contactKey (isNewContactKey: false), so a
 * create whose answer was lost is sent again as it is: the re-send cannot make a second contact.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number, run: ItemRun): Promise<IDataObject> {
	const check = ItemChecks.forItem(this, itemIndex);
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const send = itemSendOptions(check, options, run, sfmcApi);
	const body = buildCreateContactBody(check, readContactInput(this, itemIndex));
	const response = await sendVendorRequest.call(
		this,
		sfmcApi,
		{ method: 'POST', url: '/contacts/v1/contacts', body },
		itemIndex,
		send,
	);
	const answer = successfulAnswer(this, response, itemIndex);
	return sfmcWriteOutput(options, mergeOutcome(answer), body, answer);
}
