import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { ifExistsFrom, retryOptionsFrom } from '../shared/commonFields';
import { asItemError } from '../shared/execute';
import type { ItemRun } from '../shared/execute';
import type { SendOptions } from '../shared/transport';
import { expectJsonObject, httpStatusOf, sendVendorRequest } from '../shared/transport';
import { ItemChecks } from '../shared/validation';
import { intercomApi } from './api';
import type { IntercomContactInput } from './mapping';
import { buildCreateContactBody } from './mapping';
import { DEFAULT_INTERCOM_VERSION, INTERCOM_API_VERSIONS } from './regions';

function readInput(context: IExecuteFunctions, itemIndex: number): IntercomContactInput {
	const mode = context.getNodeParameter('customAttributesMode', itemIndex, 'none') as string;
	return {
		role: context.getNodeParameter('role', itemIndex, ''),
		email: context.getNodeParameter('email', itemIndex, ''),
		externalId: context.getNodeParameter('external_id', itemIndex, ''),
		additionalFields: context.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject,
		customAttributesMode: mode,
		customAttributes:
			mode === 'fields'
				? (context.getNodeParameter('customAttributes', itemIndex, {}) as IntercomContactInput['customAttributes'])
				: {},
		customAttributesJson: mode === 'json' ? context.getNodeParameter('customAttributesJson', itemIndex, '{}') : undefined,
	};
}

/** The existing contact named in a 409 ("... already exists with id=..."), marked as existing. */
async function fetchExistingContact(
	this: IExecuteFunctions,
	existingId: string,
	headers: IDataObject,
	itemIndex: number,
	retry: SendOptions,
): Promise<IDataObject> {
	const response = await sendVendorRequest.call(
		this,
		intercomApi,
		{ method: 'GET', url: `/contacts/${encodeURIComponent(existingId)}`, headers },
		itemIndex,
		retry,
	);
	return { ...expectJsonObject(this, intercomApi, response, itemIndex), alreadyExists: true };
}

/** Create Contact for one item: check, send with the pinned Intercom-Version, handle 409 as chosen. */
export async function createContact(this: IExecuteFunctions, itemIndex: number, run: ItemRun): Promise<IDataObject> {
	const check = ItemChecks.forItem(this, itemIndex);
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const ifExists = ifExistsFrom(check, options);
	const retry = { ...retryOptionsFrom(check, options), limiter: run.limiter };
	const version = check.oneOf('Options > API Version', options.apiVersion ?? DEFAULT_INTERCOM_VERSION, INTERCOM_API_VERSIONS);
	const headers = { 'Intercom-Version': version };
	const body = buildCreateContactBody(check, readInput(this, itemIndex));

	let existingId: string | undefined;
	try {
		const response = await sendVendorRequest.call(
			this,
			intercomApi,
			{ method: 'POST', url: '/contacts', body, headers },
			itemIndex,
			retry,
		);
		return expectJsonObject(this, intercomApi, response, itemIndex);
	} catch (error) {
		existingId =
			error instanceof NodeApiError && typeof error.context.existingId === 'string'
				? error.context.existingId
				: undefined;
		if (ifExists !== 'returnExisting' || httpStatusOf(error) !== 409 || existingId === undefined) {
			throw asItemError(this.getNode(), error, itemIndex);
		}
	}
	return await fetchExistingContact.call(this, existingId, headers, itemIndex, retry);
}
