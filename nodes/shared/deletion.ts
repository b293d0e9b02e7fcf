import type { IDataObject, INodeProperties } from 'n8n-workflow';

import type { VendorResponse } from './transport';
import { answerFromLookup, httpStatusOf, wasResentAfterUnknownOutcome } from './transport';
import type { ItemChecks } from './validation';

/**
 * What Delete (and Intercom's Archive) did, on every item it outputs:
 * - `deleted`: the vendor deleted the contact (Marketing Cloud: its delete operation completed);
 * - `deleteRequested`: Marketing Cloud queued the deletion, which finishes later;
 * - `archived`: Intercom archived the contact;
 * - `alreadyGone`: no contact matched, and Options > If Not Found said that is fine.
 */
export type DeleteOutcome = 'deleted' | 'deleteRequested' | 'archived' | 'alreadyGone';

export const IF_DELETE_NOT_FOUND = ['fail', 'alreadyGone'] as const;
export type IfDeleteNotFound = (typeof IF_DELETE_NOT_FOUND)[number];

/** Options > If Not Found, for Delete and Archive: never a silent success unless asked for. */
export const ifDeleteNotFoundOption: INodeProperties = {
	displayName: 'If Not Found',
	name: 'ifNotFound',
	type: 'options',
	options: [
		{ name: 'Fail', value: 'fail', description: 'Stop with an error (or give an error item with Continue On Fail)' },
		{
			name: 'Treat as Already Gone',
			value: 'alreadyGone',
			description: 'Output the item with outcome "alreadyGone", so a re-run or a cleanup of deleted contacts goes on',
		},
	],
	default: 'fail',
	description: 'What to do when no contact matches',
};

export function ifDeleteNotFoundFrom(check: ItemChecks, options: IDataObject): IfDeleteNotFound {
	return check.oneOf('Options > If Not Found', options.ifNotFound ?? 'fail', IF_DELETE_NOT_FOUND);
}

/**
 * No contact to delete: an error naming the field (the default), or `output` with outcome
 * `alreadyGone` when the user chose that. `output` has the operation's usual columns, so the table
 * has no holes.
 */
export function notFoundForDelete(check: ItemChecks, ifNotFound: IfDeleteNotFound, field: string, what: string, output: IDataObject): IDataObject {
	if (ifNotFound === 'alreadyGone') return { ...output, outcome: 'alreadyGone' };
	return check.fail(field, `no contact found with ${what}; nothing was deleted`, 'Check the value, or set Options > If Not Found to Treat as Already Gone.');
}

/**
 * Before re-sending a delete whose answer was lost: the contact is looked up first. Gone: the first
 * attempt deleted it, and `goneAnswer` stands in for the lost answer. Still there: sent again (a
 * delete repeated on an existing contact does what the first would have done).
 */
export function lookUpBeforeResendingDelete(stillThere: () => Promise<boolean>, goneAnswer: IDataObject) {
	return async (): Promise<VendorResponse | undefined> => ((await stillThere()) ? undefined : answerFromLookup(goneAnswer));
}

/** A 404 to a delete re-sent after an unknown outcome: the first attempt deleted the contact. */
export function deletedByEarlierAttempt(error: unknown): boolean {
	return httpStatusOf(error) === 404 && wasResentAfterUnknownOutcome(error);
}
