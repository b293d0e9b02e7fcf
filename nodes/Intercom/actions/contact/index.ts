import type { INodeProperties } from 'n8n-workflow';

import { CONTACT_OPERATIONS, contactResourceFields } from '../../../shared/commonFields';
import type { ContactOperation } from '../../../shared/router';
import * as archive from './archive';
import * as create from './create';
import * as del from './delete';
import * as get from './get';
import * as getAll from './getAll';
import * as update from './update';
import * as upsert from './upsert';

/** The Contact operations, by their `operation` value. */
export const operations: Record<string, ContactOperation> = { create, upsert, update, get, getAll, delete: del, archive };

/** Resource, Operation, then each operation's own fields (shown for it alone). */
export const description: INodeProperties[] = [
	...contactResourceFields([
		CONTACT_OPERATIONS.create('Create a user or a lead in Intercom'),
		CONTACT_OPERATIONS.upsert(),
		CONTACT_OPERATIONS.update('Change fields of an existing user or lead, found by email, external ID or Intercom ID'),
		CONTACT_OPERATIONS.get('Find a user or lead by email, external ID or Intercom ID'),
		{
			name: 'Get Many',
			value: 'getAll',
			action: 'Get many contacts',
			description: 'List users and leads, or search them by email, external ID, role or last update',
		},
		CONTACT_OPERATIONS.delete('Permanently delete a user or lead, found by email, external ID or Intercom ID'),
		{
			name: 'Archive',
			value: 'archive',
			action: 'Archive a contact',
			description: 'Archive a user or lead (Intercom keeps it, and it can be unarchived), found by email, external ID or Intercom ID',
		},
	]),
	...create.description,
	...upsert.description,
	...update.description,
	...get.description,
	...getAll.description,
	...del.description,
	...archive.description,
];
