import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { itemSendOptions } from '../../../shared/commonFields';
import type { ItemRun } from '../../../shared/execute';
import { sendVendorRequest } from '../../../shared/transport';
import { ItemChecks } from '../../../shared/validation';
import { sfmcApi } from '../../api';
import { mergeOutcome, sfmcWriteOutput } from '../../output';
import { successfulAnswer } from '../../contacts';
import { buildCreateContactBody } from '../../mapping';
import { contactFields, readContactInput, writeOptionsField } from './fields';

const OPERATION = ['upsert'];

/** Create or Update: POST /contacts/v1/contacts, which merges into the contact with the same key. */
export const description = [...contactFields(OPERATION), writeOptionsField(OPERATION)];

/**
 * One item: the create call with every create rule (the contact may be new). Marketing Cloud
 * merges it into an existing contact with the same key and says so (isNewContactKey), which
 * becomes the outcome. Re-sending after a lost answer merges again: never a second contact.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number, run: ItemRun): Promise<IDataObject> {
	const check = ItemChecks.forItem(this, itemIndex);
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const send = itemSendOptions(check, options, run, sfmcApi);
	const body = buildCreateContactBody(check, readContactInput(this, itemIndex));
	const response = await sendVendorRequest.call(this, sfmcApi, { method: 'POST', url: '/contacts/v1/contacts', body }, itemIndex, send);
	const answer = successfulAnswer(this, response, itemIndex);
	return sfmcWriteOutput(options, mergeOutcome(answer), body, answer);
}
