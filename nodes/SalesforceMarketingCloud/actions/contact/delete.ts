import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { itemSendOptions } from '../../../shared/commonFields';
import { ifDeleteNotFoundFrom, ifDeleteNotFoundOption, lookUpBeforeResendingDelete, notFoundForDelete } from '../../../shared/deletion';
import type { DeleteOutcome } from '../../../shared/deletion';
import type { ItemRun } from '../../../shared/execute';
import { ItemChecks } from '../../../shared/validation';
import { sfmcApi } from '../../api';
import { SfmcContacts } from '../../contacts';
import { requestDelete, waitForDelete } from '../../deleteOperations';
import { FIND_BY, findByFields, optionsField } from './fields';

const OPERATION = ['delete'];
const MAX_WAIT_SECONDS = 600;

const waitOptions: INodeProperties[] = [
	{
		displayName: 'Wait for Completion (Seconds)',
		name: 'waitSeconds',
		type: 'number',
		typeOptions: { minValue: 0, maxValue: MAX_WAIT_SECONDS },
		default: 0,
		description:
			'How long to wait for Marketing Cloud to finish the deletion, checking its status. 0 does not wait: the output has the operation ID to check later. Marketing Cloud deletes one request at a time per account, which can take hours.',
	},
	{
		displayName: 'Status Check Interval (Seconds)',
		name: 'checkEverySeconds',
		type: 'number',
		typeOptions: { minValue: 0.1 },
		default: 10,
		description: 'While waiting for completion, how often to ask Marketing Cloud for the status',
	},
];

/** What Marketing Cloud's delete means, said where the user sets it up. */
const backgroundDeleteNotice: INodeProperties = {
	displayName:
		'Marketing Cloud deletes contacts in the background: it suppresses them at once and removes them after the suppression period set for the account. Contact Delete must be enabled in Setup.',
	name: 'deleteNotice',
	type: 'notice',
	default: '',
	displayOptions: { show: { resource: ['contact'], operation: OPERATION } },
};

/** Delete: the asynchronous contact delete by contact key (found by key, or by email address). */
export const description = [
	backgroundDeleteNotice,
	...findByFields(OPERATION),
	optionsField(OPERATION, [ifDeleteNotFoundOption, ...waitOptions]),
];

/**
 * Every Delete item: `{ contactKey, operationId, status, waitedSeconds, outcome }`. status is
 * Marketing Cloud's last reported status (null when the node did not wait); outcome is
 * `deleteRequested` (queued, or still processing when the wait ended), `deleted` (Completed) or
 * `alreadyGone`.
 */
function deleteOutput(contactKey: string | null, operationId: number | string | null, status: string | null, waitedSeconds: number, outcome: DeleteOutcome): IDataObject {
	return { contactKey, operationId, status, waitedSeconds, outcome };
}

/**
 * One item: the contact must exist (else an error, or "already gone" as chosen); the deletion is
 * requested, then, if asked, waited for within the bound. A request whose answer was lost is
 * sent again only after the contact is looked up and found still there (a second queued delete
 * of an existing key removes the same contact).
 */
export async function execute(this: IExecuteFunctions, itemIndex: number, run: ItemRun): Promise<IDataObject> {
	const check = ItemChecks.forItem(this, itemIndex);
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const ifNotFound = ifDeleteNotFoundFrom(check, options);
	const findBy = check.oneOf('Find Contact By', this.getNodeParameter('findBy', itemIndex, 'contactKey'), FIND_BY);
	const field = findBy === 'email' ? 'Email Address' : 'Contact Key';
	const value = check.requiredString(field, this.getNodeParameter(findBy === 'email' ? 'emailAddress' : 'contactKey', itemIndex, '')).trim();
	if (findBy === 'email') check.email(field, value);
	const waitSeconds = check.finiteNumber('Options > Wait for Completion (Seconds)', options.waitSeconds ?? 0);
	if (waitSeconds < 0 || waitSeconds > MAX_WAIT_SECONDS) check.fail('Options > Wait for Completion (Seconds)', `must be between 0 and ${MAX_WAIT_SECONDS}, but is ${waitSeconds}`);
	const intervalSeconds = check.finiteNumber('Options > Status Check Interval (Seconds)', options.checkEverySeconds ?? 10);
	if (intervalSeconds < 0.1) check.fail('Options > Status Check Interval (Seconds)', `must be at least 0.1, but is ${intervalSeconds}`);
	const send = itemSendOptions(check, options, run, sfmcApi);
	const contacts = new SfmcContacts(this, itemIndex, send);
	const notFound = (contactKey: string | null) =>
		notFoundForDelete(check, ifNotFound, field, `${field.toLowerCase()} "${value}"`, deleteOutput(contactKey, null, null, 0, 'alreadyGone'));

	const contactKey = findBy === 'email' ? await contacts.keyOfEmail(check, field, value) : value;
	if (contactKey === undefined || (await contacts.read(contactKey)) === undefined) return notFound(findBy === 'email' ? null : value);
	const beforeRetry = lookUpBeforeResendingDelete(async () => (await contacts.read(contactKey)) !== undefined, { operationInitiated: true, operationID: null, hasErrors: false });
	const operationId = await requestDelete(this, itemIndex, contactKey, { ...send, beforeRetry });
	if (waitSeconds === 0 || operationId === null) return deleteOutput(contactKey, operationId, null, 0, operationId === null ? 'deleted' : 'deleteRequested');

	const waited = await waitForDelete(this, itemIndex, operationId, { maxWaitMs: waitSeconds * 1000, intervalMs: intervalSeconds * 1000 }, send);
	return deleteOutput(contactKey, operationId, waited.status, waited.waitedSeconds, waited.status === 'Completed' ? 'deleted' : 'deleteRequested');
}
