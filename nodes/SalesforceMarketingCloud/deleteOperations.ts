import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { SendOptions } from '../shared/transport';
import { expectJsonObject, sendVendorRequest } from '../shared/transport';
import { waitUnlessStopped } from '../shared/stop';
import { sfmcApi } from './api';
import { successfulAnswer } from './contacts';

/** Statuses after which Marketing Cloud does no more with a delete operation (ContactsDeleteStatus). */
const FINAL_STATUSES = ['Completed', 'Aborted', 'Invalid'];

/**
 * POST /contacts/v1/contacts/actions/delete?type=keys for one contact key: Marketing Cloud queues
 * the deletion (one operation at a time per account, possibly hours) and answers its operation ID.
 */
export async function requestDelete(context: IExecuteFunctions, itemIndex: number, contactKey: string, send: SendOptions): Promise<number | string | null> {
	const response = await sendVendorRequest.call(
		context,
		sfmcApi,
		{
			method: 'POST',
			url: '/contacts/v1/contacts/actions/delete',
			qs: { type: 'keys' },
			body: { values: [contactKey], DeleteOperationType: 'ContactAndAttributes' },
		},
		itemIndex,
		send,
	);
	const answer = successfulAnswer(context, response, itemIndex);
	// The doc's example says operationID; its prose, OperationID: either is read.
	const id = answer.operationID ?? answer.OperationID ?? answer.operationId;
	return typeof id === 'number' || typeof id === 'string' ? id : null;
}

/**
 * The operation's status (GET /contacts/v1/contacts/actions/delete/status): the delete phase's
 * backgroundOperationStatusID when the answer has it (the doc says to prefer it), else the
 * operation's status. Anything but Completed, Aborted or Invalid means still processing.
 */
export async function deleteStatus(context: IExecuteFunctions, itemIndex: number, operationId: number | string, send: SendOptions): Promise<string> {
	const response = await sendVendorRequest.call(
		context,
		sfmcApi,
		{ method: 'GET', url: '/contacts/v1/contacts/actions/delete/status', qs: { operationID: operationId } },
		itemIndex,
		send,
	);
	const answer = expectJsonObject(context, sfmcApi, response, itemIndex);
	const summary = answer.backgroundOperationsSummary as IDataObject | undefined;
	const operation = answer.operation as IDataObject | undefined;
	const status = summary?.backgroundOperationStatusID ?? operation?.status;
	return typeof status === 'string' && status !== '' ? status : 'Processing';
}

export interface WaitResult {
	status: string;
	waitedSeconds: number;
}

/**
 * Checks the operation every `intervalMs` until it is final or `maxWaitMs` has passed (Stop ends
 * the wait at once). Aborted or Invalid is an error: the contact was not deleted.
 */
export async function waitForDelete(
	context: IExecuteFunctions,
	itemIndex: number,
	operationId: number | string,
	limits: { maxWaitMs: number; intervalMs: number },
	send: SendOptions,
): Promise<WaitResult> {
	const started = Date.now();
	let status = await deleteStatus(context, itemIndex, operationId, send);
	while (!FINAL_STATUSES.includes(status) && Date.now() - started + limits.intervalMs <= limits.maxWaitMs) {
		await waitUnlessStopped(limits.intervalMs, send.signal);
		status = await deleteStatus(context, itemIndex, operationId, send);
	}
	const waitedSeconds = Math.round((Date.now() - started) / 100) / 10;
	if (status === 'Aborted' || status === 'Invalid') {
		throw new NodeOperationError(context.getNode(), `Marketing Cloud ended delete operation ${operationId} with status ${status}; the contact was not deleted`, {
			itemIndex,
			description:
				status === 'Aborted'
					? 'Aborted usually means someone restored the contacts during the suppression period.'
					: 'Check that Contact Delete is enabled for the account (Setup > Contact Delete) and that the contact key exists.',
		});
	}
	return { status, waitedSeconds };
}
