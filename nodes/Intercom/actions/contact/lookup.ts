import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { ItemChecks } from '../../../shared/validation';
import type { IntercomContacts } from '../../contacts';
import type { IntercomContactInput } from '../../mapping';
import type { FindBy } from './fields';
import { FIND_BY } from './fields';

/** How Update and Get find the contact, checked before anything is sent. */
export interface ContactLookup {
	findBy: FindBy;
	field: string;
	value: string;
}

export function readContactLookup(context: IExecuteFunctions, check: ItemChecks, input: IntercomContactInput, itemIndex: number): ContactLookup {
	const findBy = check.oneOf('Find Contact By', context.getNodeParameter('findBy', itemIndex, 'email'), FIND_BY);
	if (findBy === 'id') {
		const value = check.requiredString('Contact ID', context.getNodeParameter('contactId', itemIndex, '')).trim();
		if (!/^[A-Za-z0-9]+$/.test(value)) check.fail('Contact ID', `"${value}" is not an Intercom contact ID (letters and digits)`);
		return { findBy, field: 'Contact ID', value };
	}
	if (findBy === 'email') {
		const value = check.requiredString('Email', input.email).trim();
		check.email('Email', value);
		return { findBy, field: 'Email', value };
	}
	return { findBy, field: 'External ID', value: check.requiredString('External ID', input.externalId).trim() };
}

/**
 * The contact, or undefined when there is none: by ID a read (404 is none), by email or external
 * ID a search (several matches are an error naming them; leads can share an email).
 */
export async function findContact(contacts: IntercomContacts, check: ItemChecks, lookup: ContactLookup): Promise<IDataObject | undefined> {
	if (lookup.findBy === 'id') return await contacts.getIfAny(lookup.value);
	const found = await contacts.search(lookup.findBy === 'email' ? 'email' : 'external_id', lookup.value);
	if (found.length > 1) {
		check.fail(lookup.field, `${found.length} contacts match "${lookup.value}" (ids ${found.map((contact) => String(contact.id)).join(', ')}); find it by its Intercom ID instead`);
	}
	return found[0];
}
