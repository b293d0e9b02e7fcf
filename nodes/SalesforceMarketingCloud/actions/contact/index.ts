import type { INodeProperties } from 'n8n-workflow';

import { CONTACT_OPERATIONS, contactResourceFields } from '../../../shared/commonFields';
import type { ContactOperation } from '../../../shared/router';
import * as create from './create';

/** The Contact operations, by their `operation` value. */
export const operations: Record<string, ContactOperation> = { create };

/** Resource, Operation, then each operation's own fields (shown for it alone). */
export const description: INodeProperties[] = [
	...contactResourceFields([CONTACT_OPERATIONS.create('Create a contact in Contact Builder with its attribute sets')]),
	...create.description,
];
