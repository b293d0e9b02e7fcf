import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { ItemRun } from '../../../shared/execute';
import { findRemovalTarget, removalFields, removalNotFound, removalOutput } from './removal';

/** Archive: find the contact, then POST /contacts/{id}/archive (Intercom keeps it; Unarchive brings it back). */
export const description = removalFields('archive');

/** One item: archiving twice archives once, so a lost answer is simply sent again. */
export async function execute(this: IExecuteFunctions, itemIndex: number, run: ItemRun): Promise<IDataObject> {
	const target = await findRemovalTarget(this, itemIndex, run);
	const { contact, contacts } = target;
	if (!contact) return removalNotFound(target);
	contacts.object(await contacts.call({ method: 'POST', url: `/contacts/${encodeURIComponent(String(contact.id))}/archive` }));
	return removalOutput(contact, 'archived');
}
