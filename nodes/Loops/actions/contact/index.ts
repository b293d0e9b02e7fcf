import type { INodeProperties } from 'n8n-workflow';

import { CONTACT_OPERATIONS, contactResourceFields } from '../../../shared/commonFields';
import type { ContactOperation } from '../../../shared/router';
import * as create from './create';
import * as del from './delete';
import * as get from './get';
import * as update from './update';
import * as upsert from './upsert';

/** The Contact operations, by their `operation` value. */
export const operations: Record<string, ContactOperation> = { create, upsert, update, get, delete: del };

/** Resource, Operation, then each operation's own fields (shown for it alone). */
export const description: INodeProperties[] = [
	...contactResourceFields([
		CONTACT_OPERATIONS.create('Add a new contact to your Loops audience'),
		CONTACT_OPERATIONS.upsert(),
		CONTACT_OPERATIONS.update('Change fields of an existing contact, found by email or user ID'),
		CONTACT_OPERATIONS.get('Find one contact by email or user ID (Loops cannot list contacts, so there is no Get Many)'),
		CONTACT_OPERATIONS.delete('Permanently delete a contact, found by email or user ID'),
	]),
	...create.description,
	...upsert.description,
	...update.description,
	...get.description,
	...del.description,
];
