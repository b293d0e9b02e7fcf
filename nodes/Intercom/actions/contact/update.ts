import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { itemSendOptions, showFor } from '../../../shared/commonFields';
import type { ItemRun } from '../../../shared/execute';
import { simplifyField } from '../../../shared/output';
import { ItemChecks } from '../../../shared/validation';
import { intercomApi } from '../../api';
import { intercomOutput } from '../../output';
import { IntercomContacts, versionHeaders } from '../../contacts';
import { buildUpdateBody } from '../../mapping';
import {
	buildWithAttributeTypes,
	clearFieldsField,
	contactDataFields,
	emailField,
	externalIdField,
	findByFields,
	optionsField,
	readContactInput,
} from './fields';
import { findContact, readContactLookup } from './lookup';

const OPERATION = ['update'];

/** Update: find the contact, then PUT /contacts/{id} with only the fields given. */
export const description = [
	...findByFields(OPERATION),
	{
		displayName: 'Role',
		name: 'role',
		type: 'options' as const,
		options: [
			{ name: 'Leave Unchanged', value: '' },
			{ name: 'Lead', value: 'lead', description: 'Only a lead stays a lead: Intercom cannot turn a user into a lead' },
			{ name: 'User', value: 'user', description: 'Turns a lead into a user' },
		],
		default: '',
		description: 'Change the role: a lead can become a user, never the other way round',
		displayOptions: showFor(OPERATION),
	},
	emailField(showFor(OPERATION), "The contact's email: found by it, or its new email"),
	externalIdField(showFor(OPERATION)),
	...contactDataFields(OPERATION),
	clearFieldsField(OPERATION),
	simplifyField(OPERATION),
	optionsField(OPERATION),
];

/**
 * One item: a contact that is not found is an error, never created; a user is never turned into a
 * lead (Intercom refuses it, so the node does before sending); the value it is found by is no change.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number, run: ItemRun): Promise<IDataObject> {
	const check = ItemChecks.forItem(this, itemIndex);
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const input = readContactInput(this, itemIndex);
	const lookup = readContactLookup(this, check, input, itemIndex);
	const send = itemSendOptions(check, options, run, intercomApi);
	const headers = versionHeaders(check, options);
	const changes = await buildWithAttributeTypes(this, input, run, itemIndex, send, headers, (typed) => {
		const body = buildUpdateBody(check, typed);
		if (lookup.findBy === 'email') delete body.email;
		if (lookup.findBy === 'externalId') delete body.external_id;
		if (Object.keys(body).length === 0) check.fail('Fields', 'nothing to update: fill in at least one field to change');
		return body;
	});
	const contacts = new IntercomContacts(this, itemIndex, headers, send);

	const contact = await findContact(contacts, check, lookup);
	if (!contact) return check.fail(lookup.field, `no contact found with ${lookup.field.toLowerCase()} "${lookup.value}"; nothing was updated or created`);
	if (changes.role === 'lead' && contact.role === 'user') {
		check.fail('Role', `contact ${String(contact.id)} is a user, and Intercom cannot turn a user into a lead; nothing was sent`);
	}
	return intercomOutput(this, itemIndex, await contacts.put(String(contact.id), changes), 'updated');
}
