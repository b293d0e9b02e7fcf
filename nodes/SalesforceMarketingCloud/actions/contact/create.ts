import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { itemSendOptions } from '../../../shared/commonFields';
import type { ItemRun } from '../../../shared/execute';
import { buildVendorApiError } from '../../../shared/errors';
import { expectJsonObject, sendVendorRequest } from '../../../shared/transport';
import type { VendorResponse } from '../../../shared/transport';
import { ItemChecks } from '../../../shared/validation';
import { sfmcApi } from '../../api';
import { parseResultMessages } from '../../errors';
import type { SfmcContactInput } from '../../mapping';
import { buildCreateContactBody } from '../../mapping';
import { createContactFields } from './fields';

/** Create: the fields of the vendor's create call. */
export const description = createContactFields;

function readInput(context: IExecuteFunctions, itemIndex: number): SfmcContactInput {
	const mode = context.getNodeParameter('attributeSetsMode', itemIndex, 'fields') as string;
	const additional = context.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	return {
		contactKey: context.getNodeParameter('contactKey', itemIndex),
		contactID: additional.contactID,
		attributeSetsMode: mode,
		attributeSets:
			mode === 'fields' ? (context.getNodeParameter('attributeSets', itemIndex, {}) as SfmcContactInput['attributeSets']) : {},
		profileAttributes:
			mode === 'fields'
				? (context.getNodeParameter('profileAttributes', itemIndex, {}) as SfmcContactInput['profileAttributes'])
				: {},
		attributeSetsJson: mode === 'json' ? context.getNodeParameter('attributeSetsJson', itemIndex, '[]') : undefined,
	};
}

/**
 * A 200 is not always a success: `hasErrors: true` or an operationStatus other than OK carries
 * the failure in resultMessages. The doc spells `rowsAffetcted` and `contactId`; the wire says
 * `rowsAffected` and `contactID`. The output keeps what came and adds the other spelling.
 */
function contactFromResponse(context: IExecuteFunctions, response: VendorResponse, itemIndex: number): IDataObject {
	const body = expectJsonObject(context, sfmcApi, response, itemIndex);
	const status = typeof body.operationStatus === 'string' ? body.operationStatus : undefined;
	if (body.hasErrors === true || (status !== undefined && status.toUpperCase() !== 'OK')) {
		const parsed = parseResultMessages(body) ?? {
			message: `Marketing Cloud reported operationStatus ${status ?? 'unknown'} without result messages`,
		};
		throw buildVendorApiError(
			context.getNode(),
			{ httpCode: response.statusCode, body, headers: response.headers, message: parsed.message },
			{ ...parsed, code: parsed.code ?? status },
			{ service: sfmcApi.service, itemIndex, attempts: response.attempts },
		);
	}
	const contact: IDataObject = { ...body };
	const rows = body.rowsAffected ?? body.rowsAffetcted;
	if (rows !== undefined) contact.rowsAffected = rows;
	const id = body.contactID ?? body.contactId;
	if (id !== undefined) contact.contactID = id;
	return contact;
}

/**
 * Create Contact for one item: check every documented rule, send, and read the envelope. Marketing
 * Cloud merges a create into the contact with the same contactKey (isNewContactKey: false), so a
 * create whose answer was lost is sent again as it is: the re-send cannot make a second contact.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number, run: ItemRun): Promise<IDataObject> {
	const check = ItemChecks.forItem(this, itemIndex);
	const send = itemSendOptions(check, this.getNodeParameter('options', itemIndex, {}) as IDataObject, run, sfmcApi);
	const body = buildCreateContactBody(check, readInput(this, itemIndex));
	const response = await sendVendorRequest.call(
		this,
		sfmcApi,
		{ method: 'POST', url: '/contacts/v1/contacts', body },
		itemIndex,
		send,
	);
	return contactFromResponse(this, response, itemIndex);
}
