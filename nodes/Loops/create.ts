import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { asItemError } from '../shared/execute';
import type { ItemRun } from '../shared/execute';
import { ifExistsFrom, retryOptionsFrom } from '../shared/commonFields';
import type { SendOptions } from '../shared/transport';
import { expectJsonObject, httpStatusOf, sendVendorRequest } from '../shared/transport';
import { ItemChecks } from '../shared/validation';
import { loopsApi } from './api';
import type { LoopsContactInput } from './mapping';
import { buildCreateContactBody } from './mapping';

function readInput(context: IExecuteFunctions, itemIndex: number): LoopsContactInput {
	const mode = context.getNodeParameter('customPropertiesMode', itemIndex, 'none') as string;
	return {
		email: context.getNodeParameter('email', itemIndex),
		additionalFields: context.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject,
		customPropertiesMode: mode,
		customProperties:
			mode === 'fields'
				? (context.getNodeParameter('customProperties', itemIndex, {}) as LoopsContactInput['customProperties'])
				: {},
		customPropertiesJson: mode === 'json' ? context.getNodeParameter('customPropertiesJson', itemIndex, '{}') : undefined,
	};
}

/**
 * Loops' 409 does not say which contact it is, so find it by email (then by user ID, the other
 * unique key) and output it marked as existing.
 */
async function describeExistingContact(
	this: IExecuteFunctions,
	body: IDataObject,
	itemIndex: number,
	retry: SendOptions,
): Promise<IDataObject> {
	const lookups: IDataObject[] = [{ email: body.email }];
	if (body.userId !== undefined) lookups.push({ userId: body.userId });
	for (const qs of lookups) {
		const { body: found } = await sendVendorRequest.call(
			this,
			loopsApi,
			{ method: 'GET', url: '/contacts/find', qs },
			itemIndex,
			retry,
		);
		const contact = Array.isArray(found) ? (found[0] as IDataObject | undefined) : undefined;
		if (contact) {
			return { alreadyExists: true, id: contact.id, email: body.email, matchedOn: Object.keys(qs)[0], contact };
		}
	}
	return { alreadyExists: true, email: body.email, matchedOn: 'unknown' };
}

/** Create Contact for one item: check, send, and answer "already exists" as the user chose. */
export async function createContact(this: IExecuteFunctions, itemIndex: number, run: ItemRun): Promise<IDataObject> {
	const check = ItemChecks.forItem(this, itemIndex);
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const ifExists = ifExistsFrom(check, options);
	const retry = { ...retryOptionsFrom(check, options), limiter: run.limiter };
	const body = buildCreateContactBody(check, readInput(this, itemIndex));

	try {
		const response = await sendVendorRequest.call(
			this,
			loopsApi,
			{ method: 'POST', url: '/contacts/create', body },
			itemIndex,
			retry,
		);
		return expectJsonObject(this, loopsApi, response, itemIndex);
	} catch (error) {
		// Matched on the status: Loops changed the 409 wording in 2026.
		if (ifExists !== 'returnExisting' || httpStatusOf(error) !== 409) {
			throw asItemError(this.getNode(), error, itemIndex);
		}
	}
	return await describeExistingContact.call(this, body, itemIndex, retry);
}
