import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { ifExistsFrom, itemSendOptions } from '../../../shared/commonFields';
import type { ItemRun } from '../../../shared/execute';
import { sendVendorRequest } from '../../../shared/transport';
import { ItemChecks } from '../../../shared/validation';
import { sfmcApi } from '../../api';
import { mergeOutcome, sfmcExistingOutput, sfmcWriteOutput } from '../../output';
import { SfmcContacts, successfulAnswer } from '../../contacts';
import { buildCreateContactBody } from '../../mapping';
import { createContactFields, readContactInput } from './fields';

/** Create: the fields of the vendor's create call. */
export const description = createContactFields;

/**
 * Create Contact for one item: check every documented rule, look the key up, send, and read the
 * envelope. Marketing Cloud's create call merges into the contact with the same contactKey, so an
 * existing key is found first and answered as If Contact Already Exists says, with nothing sent
 * (merging is Create or Update). A create whose answer was lost is sent again as it is: the re-send
 * merges into the contact the first attempt made (outcome "updated": the two cannot be told apart).
 */
export async function execute(this: IExecuteFunctions, itemIndex: number, run: ItemRun): Promise<IDataObject> {
	const check = ItemChecks.forItem(this, itemIndex);
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const ifExists = ifExistsFrom(check, options);
	const send = itemSendOptions(check, options, run, sfmcApi);
	const body = buildCreateContactBody(check, readContactInput(this, itemIndex));
	const contactKey = String(body.contactKey);
	const existing = await new SfmcContacts(this, itemIndex, send).read(contactKey);
	if (existing && ifExists === 'returnExisting') return sfmcExistingOutput(options, existing);
	if (existing) {
		check.fail(
			'Contact Key',
			`a contact with contact key "${contactKey}" already exists; nothing was sent`,
			'Use Create or Update to change it, or set Options > If Contact Already Exists to Return Existing Contact.',
		);
	}
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
