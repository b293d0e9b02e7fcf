import type { IDataObject, INodeExecutionData, INodeType, INodeTypeDescription, IPollFunctions } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { asItemError } from '../shared/execute';
import { httpStatusOf, sendVendorRequest } from '../shared/transport';
import { setupNotice, startFromOption, triggerOptionsField, triggerSimplifyField } from '../shared/triggerFields';
import { ItemChecks } from '../shared/validation';
import { voyadoApi } from './api';
import { VoyadoContacts } from './contacts';
import { simplifyContact } from './output';

const CHANGE_TYPES = ['Created', 'Updated', 'Deleted'] as const;
type ChangeType = (typeof CHANGE_TYPES)[number];
const DEFAULT_DELAY_SECONDS = 30;
/** A manual test shows a change of the last day as a sample. */
const SAMPLE_WINDOW_MS = 24 * 3600 * 1000;

export class VoyadoEngageTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Voyado Engage Trigger',
		name: 'voyadoEngageTrigger',
		icon: { light: 'file:voyadoEngage.svg', dark: 'file:voyadoEngage.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{($parameter["changeTypes"] || []).join(", ")}}',
		description: "Starts the workflow for each contact Engage created, updated or deleted since the last check (Engage's changes feed, which Voyado activates per tenant)",
		defaults: { name: 'Voyado Engage Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: voyadoApi.credentialType, required: true }],
		properties: [
			setupNotice("This trigger reads Engage's changes feed (GET /api/v3/contacts/changes), which Voyado must activate for your tenant: ask your Voyado team."),
			{
				displayName: 'Change Types',
				name: 'changeTypes',
				type: 'multiOptions',
				options: [
					{ name: 'Created', value: 'Created' },
					{ name: 'Deleted', value: 'Deleted' },
					{ name: 'Updated', value: 'Updated' },
				],
				required: true,
				default: ['Created', 'Updated'],
				description: 'The changes that start the workflow, one item per contact and change',
			},
			triggerSimplifyField,
			triggerOptionsField([
				{
					displayName: 'Feed Delay (Seconds)',
					name: 'delaySeconds',
					type: 'number',
					typeOptions: { minValue: 0 },
					default: DEFAULT_DELAY_SECONDS,
					description: 'Each check reads the feed up to this long ago, leaving Engage time to record the latest changes; the next check starts where this one ended',
				},
				startFromOption,
			]),
		],
	};

	/**
	 * One check: for each change type, the contact ids Engage changed in [the end of the last
	 * check, now minus the delay), read (Created, Updated) one by one; the window's end becomes the
	 * next start, in the node's static data, so windows neither overlap nor leave gaps across checks
	 * and restarts. Each item: `{ changeType, contactId, contact }` (contact null when deleted, or
	 * gone by the time it is read).
	 */
	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const check = new ItemChecks(this.getNode(), 0, this.getTimezone());
		const changeTypes = (this.getNodeParameter('changeTypes', []) as unknown[]).map((type) => check.oneOf('Change Types', type, CHANGE_TYPES));
		const options = this.getNodeParameter('options', {}) as IDataObject;
		const delayMs = check.finiteNumber('Options > Feed Delay (Seconds)', options.delaySeconds ?? DEFAULT_DELAY_SECONDS) * 1000;
		const simplify = this.getNodeParameter('simplify', true) !== false;
		const data = this.getWorkflowStaticData('node');
		const manual = this.getMode() === 'manual';
		const until = Date.now() - delayMs;

		let from: number;
		if (manual) from = until - SAMPLE_WINDOW_MS;
		else if (typeof data.fromMs === 'number') from = data.fromMs;
		else if (options.startFrom) from = check.date('Options > Start From', options.startFrom).getTime();
		else {
			// The first check: from now on.
			data.fromMs = until;
			return null;
		}
		if (until <= from) return null;

		const contacts = new VoyadoContacts(this, 0, {});
		const items: INodeExecutionData[] = [];
		for (const changeType of changeTypes) {
			for (const contactId of await changedIds(this, changeType, from, until)) {
				const contact = changeType === 'Deleted' ? undefined : await contacts.fetchIfAny(contactId);
				items.push({ json: { changeType, contactId, contact: contact ? (simplify ? simplifyContact(contact) : contact) : null } });
				if (manual) return [items];
			}
		}
		if (!manual) data.fromMs = until;
		return items.length > 0 ? [items] : null;
	}
}

/**
 * The changes feed for one type and window: contact ids. The spec names it under /api/v3, the
 * bulk page under /api/v2: v3 is asked first, and v2 when the tenant answers 404 or 405.
 */
async function changedIds(context: IPollFunctions, changeType: ChangeType, fromMs: number, toMs: number): Promise<string[]> {
	const qs = { changeType, fromDate: new Date(fromMs).toISOString(), toDate: new Date(toMs).toISOString() };
	for (const version of ['v3', 'v2']) {
		try {
			const { body } = await sendVendorRequest.call(context, voyadoApi, { method: 'GET', url: `/api/${version}/contacts/changes`, qs });
			return Array.isArray(body) ? body.filter((id): id is string => typeof id === 'string' && id !== '') : [];
		} catch (error) {
			const status = httpStatusOf(error);
			if (version === 'v2' || (status !== 404 && status !== 405)) throw asItemError(context.getNode(), error, 0);
		}
	}
	return [];
}
