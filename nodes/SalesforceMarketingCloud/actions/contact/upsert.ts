import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { itemSendOptions, withOutcome } from '../../../shared/commonFields';
import type { ItemRun } from '../../../shared/execute';
import { sendVendorRequest } from '../../../shared/transport';
import { ItemChecks } from '../../../shared/validation';
import { sfmcApi } from '../../api';
import { contactFromResponse } from '../../contacts';
import { buildCreateContactBody } from '../../mapping';
import { contactFields, optionsField, readContactInput } from './fields';

const OPERATION = ['upsert'];

/** Create or Update: POST /contacts/v1/contacts, which merges into the contact with the same key. */
export const description = [...contactFields(OPERATION), optionsField(OPERATION)];

/**
 * One item: the create call with every create rule (the contact may be new). Marketing Cloud
 * merges it into an existing contact with the same key and says so (isNewContactKey), which
 * becomes the outcome. Re-sending after a lost answer merges again: never a second contact.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number, run: ItemRun): Promise<IDataObject> {
	const check = ItemChecks.forItem(this, itemIndex);
	const send = itemSendOptions(check, this.getNodeParameter('options', itemIndex, {}) as IDataObject, run, sfmcApi);
	const body = buildCreateContactBody(check, readContactInput(this, itemIndex));
	const response = await sendVendorRequest.call(this, sfmcApi, { method: 'POST', url: '/contacts/v1/contacts', body }, itemIndex, send);
	const contact = contactFromResponse(this, response, itemIndex);
	// After a lost answer the re-send says false for the contact the first attempt made; that case
	// cannot be told apart from a contact that existed, so it reads as updated (README says so).
	return withOutcome(contact, contact.isNewContactKey === false ? 'updated' : 'created');
}
