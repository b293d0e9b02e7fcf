import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { deletedByEarlierAttempt, lookUpBeforeResendingDelete } from '../../../shared/deletion';
import { asItemError } from '../../../shared/execute';
import type { ItemRun } from '../../../shared/execute';
import { httpStatusOf } from '../../../shared/transport';
import { findRemovalTarget, removalFields, removalNotFound, removalOutput } from './removal';

/** Delete: find the contact, then DELETE /contacts/{id} (permanent; Archive keeps it). */
export const description = removalFields('delete');

/**
 * One item: a contact that is not found is an error unless "already gone" was chosen. A delete
 * whose answer was lost is looked up (GET /contacts/{id}) before it is sent again; a 404 to that
 * re-send means the first attempt deleted it.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number, run: ItemRun): Promise<IDataObject> {
	const target = await findRemovalTarget(this, itemIndex, run);
	const { contact, contacts } = target;
	if (!contact) return removalNotFound(target);
	const id = String(contact.id);
	const beforeRetry = lookUpBeforeResendingDelete(async () => (await contacts.getIfAny(id)) !== undefined, { id, type: 'contact', deleted: true });

	try {
		// Intercom answers { id, type, deleted }: text or an empty answer behind a 200 is not a deletion.
		contacts.object(await contacts.call({ method: 'DELETE', url: `/contacts/${encodeURIComponent(id)}` }, { ...contacts.sendOptions, beforeRetry }));
	} catch (error) {
		// Deleted by someone else between the lookup and the delete: gone, as asked, but not by this item.
		if (httpStatusOf(error) === 404 && !deletedByEarlierAttempt(error)) return removalNotFound(target);
		if (!deletedByEarlierAttempt(error)) throw asItemError(this.getNode(), error, itemIndex);
	}
	return removalOutput(contact, 'deleted');
}
