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
		CONTACT_OPERATIONS.create('Create a contact, after checking it does not exist yet'),
		CONTACT_OPERATIONS.upsert(),
		CONTACT_OPERATIONS.update("Change attributes of an existing contact, found by a key field or its ID"),
		CONTACT_OPERATIONS.get('Read one contact, found by a key field or its ID (Engage cannot list contacts, so there is no Get Many)'),
		CONTACT_OPERATIONS.delete('Permanently delete a contact, found by a key field or its ID'),
	]),
	...create.description,
	...upsert.description,
	...update.description,
	...get.description,
	...del.description,
];
