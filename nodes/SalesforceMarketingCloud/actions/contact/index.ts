import type { INodeProperties } from 'n8n-workflow';

import { CONTACT_OPERATIONS, contactResourceFields } from '../../../shared/commonFields';
import type { ContactOperation } from '../../../shared/router';
import * as create from './create';
import * as del from './delete';
import * as get from './get';
import * as getAll from './getAll';
import * as update from './update';
import * as upsert from './upsert';

/** The Contact operations, by their `operation` value. */
export const operations: Record<string, ContactOperation> = { create, upsert, update, get, getAll, delete: del };

/** Resource, Operation, then each operation's own fields (shown for it alone). */
export const description: INodeProperties[] = [
	...contactResourceFields([
		CONTACT_OPERATIONS.create('Create a contact in Contact Builder with its attribute sets'),
		CONTACT_OPERATIONS.upsert(),
		CONTACT_OPERATIONS.update('Change attribute values of an existing contact, found by its contact key'),
		CONTACT_OPERATIONS.get('Read one contact by its contact key or email address'),
		{
			name: 'Get Many',
			value: 'getAll',
			action: 'Get many contacts',
			description: 'List contacts with the attributes of their channel addresses, every one or those on one channel',
		},
		CONTACT_OPERATIONS.delete('Request the deletion of a contact (Marketing Cloud deletes in the background), found by contact key or email address'),
	]),
	...create.description,
	...upsert.description,
	...update.description,
	...get.description,
	...getAll.description,
	...del.description,
];
