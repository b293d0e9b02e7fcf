import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

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

export const LEAD_CHOICES = ['convert', 'merge', 'separate'] as const;

/** Options > If a Lead Has the Email: a visitor (lead) who became a customer (user). */
const ifLeadHasEmailOption: INodeProperties = {
	displayName: 'If a Lead Has the Email',
	name: 'ifLeadHasEmail',
	type: 'options',
	options: [
		{
			name: 'Convert the Lead to a User',
			value: 'convert',
			description: 'The lead becomes the user, with its history and these fields (Intercom allows a lead to become a user)',
		},
		{
			name: 'Create a Separate User',
			value: 'separate',
			description: 'Create a new user and leave the lead as it is: the email is then on two contacts',
		},
		{
			name: 'Merge the Lead Into a New User',
			value: 'merge',
			description: "Create the user, then merge the lead into it with Intercom's merge (the lead is gone afterwards)",
		},
	],
	default: 'convert',
	description: 'When Role is User, no user has this email or External ID, and a lead has the email',
};

/** Create or Update: search by external ID (else email) and role; PUT if found, else POST. */
export const description = [
	roleField(OPERATION),
	userIdentityNotice(OPERATION),
	emailField(showFor(OPERATION), "The contact's email: with the role, what the contact is found by when it has no External ID"),
	externalIdField(showFor(OPERATION)),
	...contactDataFields(OPERATION),
	clearFieldsField(OPERATION),
	simplifyField(OPERATION),
	optionsField(OPERATION, [ifLeadHasEmailOption]),
];

/**
 * One item, Intercom's documented recipe (no native upsert): search by external_id (else email)
 * with the role; one match: PUT; none: POST, and a 409 (search lags a create by minutes) names
 * the contact to PUT; several: an error naming them. A lead without email or external ID cannot
 * be found, so it is created. A create whose answer was lost is looked up before a re-send.
 * A user that is not found but whose email a lead has: Options > If a Lead Has the Email.
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

	const ifLead = check.oneOf('Options > If a Lead Has the Email', options.ifLeadHasEmail ?? 'convert', LEAD_CHOICES);
	const leads = role === 'user' && ifLead !== 'separate' && body.email !== undefined ? await contacts.search('email', String(body.email), 'lead') : [];
	if (leads.length > 1) {
		check.fail(
			'Email',
			`${leads.length} leads have "${String(body.email)}" (ids ${leads.map((lead) => String(lead.id)).join(', ')}), so which one becomes the user is not clear`,
			'Merge them in Intercom first, or set Options > If a Lead Has the Email to Create a Separate User.',
		);
	}
	const lead = leads[0];
	// Intercom lets a lead become a user (never the reverse): the same contact, now a user.
	if (lead && ifLead === 'convert') return intercomOutput(this, itemIndex, await contacts.put(String(lead.id), { ...body, role: 'user' }), 'updated');

	const created = await createOrUpdateOnConflict.call(this, contacts, body, createBody, itemIndex, send);
	if (lead && ifLead === 'merge' && created.outcome === 'created') {
		return intercomOutput(this, itemIndex, await contacts.merge(String(lead.id), String(created.contact.id)), 'created');
	}
	return intercomOutput(this, itemIndex, created.contact, created.outcome);
}

/** POST the contact; a 409 (search had not caught up) names the contact to PUT instead. */
async function createOrUpdateOnConflict(
	this: IExecuteFunctions,
	contacts: IntercomContacts,
	body: IDataObject,
	createBody: IDataObject,
	itemIndex: number,
	send: ReturnType<typeof itemSendOptions>,
): Promise<{ contact: IDataObject; outcome: 'created' | 'updated' }> {
	try {
		const response = await contacts.call(
			{ method: 'POST', url: '/contacts', body: createBody },
			{ ...send, beforeRetry: contacts.createdBy(createBody, Math.floor(Date.now() / 1000)) },
		);
		return { contact: contacts.object(response), outcome: 'created' };
	} catch (error) {
		const existingId = conflictId(error);
		if (httpStatusOf(error) !== 409 || existingId === undefined) throw asItemError(this.getNode(), error, itemIndex);
		// After a re-send, the contact the 409 names is this item's own.
		return { contact: await contacts.put(existingId, body), outcome: wasResentAfterUnknownOutcome(error) ? 'created' : 'updated' };
	}
}
