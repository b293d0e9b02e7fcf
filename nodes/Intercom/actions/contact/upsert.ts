import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { itemSendOptions, showFor } from '../../../shared/commonFields';
import { simplifyField } from '../../../shared/output';
import { asItemError } from '../../../shared/execute';
import type { ItemRun } from '../../../shared/execute';
import { httpStatusOf, wasResentAfterUnknownOutcome } from '../../../shared/transport';
import { ItemChecks } from '../../../shared/validation';
import { intercomApi } from '../../api';
import { intercomOutput } from '../../output';
import { conflictId, IntercomContacts, versionHeaders } from '../../contacts';
import { buildCreateContactBody } from '../../mapping';
import {
	buildWithAttributeTypes,
	clearFieldsField,
	contactDataFields,
	emailField,
	externalIdField,
	optionsField,
	readContactInput,
	roleField,
	userIdentityNotice,
} from './fields';

const OPERATION = ['upsert'];

/** Create or Update: search by external ID (else email) and role; PUT if found, else POST. */
export const description = [
	roleField(OPERATION),
	userIdentityNotice(OPERATION),
	emailField(showFor(OPERATION), "The contact's email: with the role, what the contact is found by when it has no External ID"),
	externalIdField(showFor(OPERATION)),
	...contactDataFields(OPERATION),
	clearFieldsField(OPERATION),
	simplifyField(OPERATION),
	optionsField(OPERATION),
];

/**
 * One item, Intercom's documented recipe (no native upsert): search by external_id (else email)
 * with the role; one match: PUT; none: POST, and a 409 (search lags a create by minutes) names
 * the contact to PUT; several: an error naming them. A lead without email or external ID cannot
 * be found, so it is created. A create whose answer was lost is looked up before a re-send.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number, run: ItemRun): Promise<IDataObject> {
	const check = ItemChecks.forItem(this, itemIndex);
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const send = itemSendOptions(check, options, run, intercomApi);
	const headers = versionHeaders(check, options);
	const contacts = new IntercomContacts(this, itemIndex, headers, send);
	const body = await buildWithAttributeTypes(this, readContactInput(this, itemIndex), run, itemIndex, send, headers, (input) =>
		buildCreateContactBody(check, input),
	);
	const role = (body.role as string | undefined) ?? 'user';
	const key = body.external_id !== undefined ? 'external_id' : body.email !== undefined ? 'email' : undefined;
	// A created contact gets the body as it is; a found one is updated with what changes (null clears nothing new).
	const createBody = Object.fromEntries(Object.entries(body).filter(([, value]) => value !== null));

	const found = key ? await contacts.search(key, String(body[key]), role) : [];
	if (found.length > 1) {
		check.fail(key === 'email' ? 'Email' : 'External ID', `${found.length} ${role}s match "${String(body[key as string])}" (ids ${found.map((c) => String(c.id)).join(', ')})`);
	}
	if (found.length === 1) return intercomOutput(this, itemIndex, await contacts.put(String(found[0].id), body), 'updated');

	try {
		const response = await contacts.call(
			{ method: 'POST', url: '/contacts', body: createBody },
			{ ...send, beforeRetry: contacts.createdBy(createBody, Math.floor(Date.now() / 1000)) },
		);
		return intercomOutput(this, itemIndex, contacts.object(response), 'created');
	} catch (error) {
		const existingId = conflictId(error);
		if (httpStatusOf(error) !== 409 || existingId === undefined) throw asItemError(this.getNode(), error, itemIndex);
		// Search had not caught up: the 409 names the contact. After a re-send, it is this item's own.
		return intercomOutput(this, itemIndex, await contacts.put(existingId, body), wasResentAfterUnknownOutcome(error) ? 'created' : 'updated');
	}
}
