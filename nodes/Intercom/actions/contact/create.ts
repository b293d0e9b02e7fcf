import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { ifExistsFrom, itemSendOptions } from '../../../shared/commonFields';
import { asItemError } from '../../../shared/execute';
import type { ItemRun } from '../../../shared/execute';
import type { SendOptions } from '../../../shared/transport';
import {
	answerFromLookup,
	expectJsonObject,
	httpStatusOf,
	sendVendorRequest,
	wasResentAfterUnknownOutcome,
} from '../../../shared/transport';
import { ItemChecks } from '../../../shared/validation';
import { intercomApi } from '../../api';
import type { IntercomContactInput } from '../../mapping';
import { buildCreateContactBody } from '../../mapping';
import { DEFAULT_INTERCOM_VERSION, INTERCOM_API_VERSIONS } from '../../regions';
import { createContactFields } from './fields';

/** Create: the fields of the vendor's create call. */
export const description = createContactFields;

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

/** The existing contact named in a 409 ("... already exists with id=..."). */
async function fetchContact(
	this: IExecuteFunctions,
	id: string,
	headers: IDataObject,
	itemIndex: number,
	send: SendOptions,
): Promise<IDataObject> {
	const response = await sendVendorRequest.call(
		this,
		intercomApi,
		{ method: 'GET', url: `/contacts/${encodeURIComponent(id)}`, headers },
		itemIndex,
		send,
	);
	return expectJsonObject(this, intercomApi, response, itemIndex);
}

// Leads are not unique: only a lead created since shortly before this item's first attempt
// can be its own (the margin covers clock skew between this machine and Intercom).
const LEAD_MATCH_MARGIN_SECONDS = 600;

/**
 * Before re-sending a create whose answer was lost: the contact with this body's external_id (else
 * email) and role, via POST /contacts/search. Users are unique by those keys; for leads only one
 * created since this item started counts. A lead that is not found is not sent again: Intercom's
 * search can lag minutes behind a create, so a re-send could make a second lead.
 */
async function findCreatedContact(
	this: IExecuteFunctions,
	body: IDataObject,
	startedAtSeconds: number,
	headers: IDataObject,
	itemIndex: number,
	send: SendOptions,
): Promise<IDataObject | undefined> {
	const role = (body.role as string | undefined) ?? 'user';
	const key = body.external_id !== undefined ? 'external_id' : body.email !== undefined ? 'email' : undefined;
	const unsent = (reason: string) =>
		new NodeOperationError(this.getNode(), `Intercom did not answer, and the ${role} may have been created: ${reason}`, {
			itemIndex,
			description:
				'Nothing was sent again, so no second contact was made. Look for the contact in Intercom before running this item again.',
		});
	if (key === undefined) throw unsent('it has no email or external ID to look it up by');
	const response = await sendVendorRequest.call(
		this,
		intercomApi,
		{
			method: 'POST',
			url: '/contacts/search',
			headers,
			body: {
				query: {
					operator: 'AND',
					value: [
						{ field: key, operator: '=', value: body[key] },
						{ field: 'role', operator: '=', value: role },
					],
				},
				pagination: { per_page: 50 },
			},
		},
		itemIndex,
		send,
	);
	const found = expectJsonObject(this, intercomApi, response, itemIndex).data;
	const candidates = (Array.isArray(found) ? (found as IDataObject[]) : []).filter(
		(contact) => role === 'user' || Number(contact.created_at) >= startedAtSeconds - LEAD_MATCH_MARGIN_SECONDS,
	);
	const newest = candidates.sort((a, b) => Number(b.created_at) - Number(a.created_at))[0];
	if (!newest && role === 'lead') throw unsent("Intercom's search does not show it yet (it can lag minutes behind)");
	return newest;
}

/**
 * Create Contact for one item: check, send with the pinned Intercom-Version, handle 409 as chosen.
 * A create whose answer was lost is looked up before it is sent again, and a 409 to a re-send names
 * this item's own contact: either way the output is that contact, as created.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number, run: ItemRun): Promise<IDataObject> {
	const check = ItemChecks.forItem(this, itemIndex);
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const ifExists = ifExistsFrom(check, options);
	const send = itemSendOptions(check, options, run, intercomApi);
	const version = check.oneOf('Options > API Version', options.apiVersion ?? DEFAULT_INTERCOM_VERSION, INTERCOM_API_VERSIONS);
	const headers = { 'Intercom-Version': version };
	const body = buildCreateContactBody(check, readInput(this, itemIndex));
	const startedAtSeconds = Math.floor(Date.now() / 1000);
	const beforeRetry = async () => {
		const found = await findCreatedContact.call(this, body, startedAtSeconds, headers, itemIndex, send);
		return found ? answerFromLookup(found) : undefined;
	};

	let existingId: string | undefined;
	try {
		const response = await sendVendorRequest.call(
			this,
			intercomApi,
			{ method: 'POST', url: '/contacts', body, headers },
			itemIndex,
			{ ...send, beforeRetry },
		);
		return expectJsonObject(this, intercomApi, response, itemIndex);
	} catch (error) {
		existingId =
			error instanceof NodeApiError && typeof error.context.existingId === 'string'
				? error.context.existingId
				: undefined;
		const ownContact = wasResentAfterUnknownOutcome(error);
		if (httpStatusOf(error) !== 409 || existingId === undefined || (!ownContact && ifExists !== 'returnExisting')) {
			throw asItemError(this.getNode(), error, itemIndex);
		}
		if (ownContact) return await fetchContact.call(this, existingId, headers, itemIndex, send);
	}
	return { ...(await fetchContact.call(this, existingId, headers, itemIndex, send)), alreadyExists: true };
}
