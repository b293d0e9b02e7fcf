import type { IDataObject, INodeExecutionData, INodeType, INodeTypeDescription, IPollFunctions } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { collectPages } from '../shared/pagination';
import { advancePollCursor, readPollCursor, writePollCursor } from '../shared/pollCursor';
import { expectJsonObject, sendVendorRequest } from '../shared/transport';
import { startFromOption, triggerOptionsField, triggerSimplifyField } from '../shared/triggerFields';
import { ItemChecks } from '../shared/validation';
import { toUnixSeconds } from '../shared/mapping';
import { ROLE_FILTERS, roleFilterField } from './actions/contact/fields';
import { INTERCOM_CREDENTIAL_TYPE, intercomApi } from './api';
import { simplifyContact } from './output';

const WATCH = ['updated_at', 'created_at'] as const;
const DEFAULT_LAG_SECONDS = 120;

export class IntercomPollingTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Intercom Contacts Polling Trigger',
		name: 'intercomPollingTrigger',
		icon: { light: 'file:intercom.svg', dark: 'file:intercom.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["watch"] === "created_at" ? "New contacts" : "New or changed contacts"}}',
		description: 'Starts the workflow for each Intercom contact created or changed since the last check, with the Contacts API access token (no app webhooks needed)',
		defaults: { name: 'Intercom Contacts Polling Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: INTERCOM_CREDENTIAL_TYPE, required: true }],
		properties: [
			{
				displayName: 'Watch',
				name: 'watch',
				type: 'options',
				options: [
					{ name: 'New or Changed Contacts', value: 'updated_at', description: 'By the time Intercom last changed the contact' },
					{ name: 'New Contacts', value: 'created_at', description: 'By the time the contact was created' },
				],
				default: 'updated_at',
			},
			roleFilterField,
			triggerSimplifyField,
			triggerOptionsField([
				{
					displayName: 'Search Lag (Seconds)',
					name: 'lagSeconds',
					type: 'number',
					typeOptions: { minValue: 0 },
					default: DEFAULT_LAG_SECONDS,
					description: "Intercom's search shows a change a short time after it happens. Each check looks back this far again; a contact already emitted with the same time is not emitted twice.",
				},
				startFromOption,
			]),
		],
	};

	/**
	 * One check: POST /contacts/search for contacts whose watched time is at or after the cursor
	 * minus the lag, oldest first, every page; those not emitted before become items, and the
	 * cursor (in the node's static data, which n8n keeps across checks and restarts) moves to the
	 * newest. In a manual test, the newest contact, as a sample, with the cursor left alone.
	 */
	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const check = new ItemChecks(this.getNode(), 0, this.getTimezone());
		const field = check.oneOf('Watch', this.getNodeParameter('watch', 'updated_at'), WATCH);
		const role = check.oneOf('Role', this.getNodeParameter('role', ''), ROLE_FILTERS);
		const options = this.getNodeParameter('options', {}) as IDataObject;
		const lag = check.finiteNumber('Options > Search Lag (Seconds)', options.lagSeconds ?? DEFAULT_LAG_SECONDS);
		const simplify = this.getNodeParameter('simplify', true) !== false;
		const data = this.getWorkflowStaticData('node');
		const manual = this.getMode() === 'manual';

		const search = async (since: number | undefined, order: 'ascending' | 'descending', pageSize: number, cursor?: string) => {
			const conditions: IDataObject[] = [{ field, operator: '>', value: since === undefined ? 0 : since - 1 }];
			if (role) conditions.push({ field: 'role', operator: '=', value: role });
			const body = {
				query: conditions.length === 1 ? conditions[0] : { operator: 'AND', value: conditions },
				sort: { field, order },
				pagination: { per_page: pageSize, ...(cursor ? { starting_after: cursor } : {}) },
			};
			const response = await sendVendorRequest.call(this, intercomApi, { method: 'POST', url: '/contacts/search', body });
			const answer = expectJsonObject(this, intercomApi, response);
			const entries = Array.isArray(answer.data) ? (answer.data.filter((entry) => entry && typeof entry === 'object') as IDataObject[]) : [];
			const next = ((answer.pages as IDataObject | undefined)?.next as IDataObject | undefined)?.starting_after;
			return { entries, next: entries.length > 0 && typeof next === 'string' ? next : undefined };
		};
		const asItems = (contacts: IDataObject[]) => [contacts.map((contact) => ({ json: simplify ? simplifyContact(contact) : contact }))];

		if (manual) {
			const { entries } = await search(undefined, 'descending', 1);
			return entries.length > 0 ? asItems(entries) : null;
		}
		const state = readPollCursor(data) ?? (options.startFrom ? { cursor: toUnixSeconds(check.date('Options > Start From', options.startFrom)), seen: {} } : undefined);
		if (!state) {
			// The first check: from now on.
			writePollCursor(data, { cursor: Math.floor(Date.now() / 1000), seen: {} });
			return null;
		}
		const found = await collectPages((cursor, pageSize) => search(state.cursor - lag, 'ascending', pageSize, cursor), { returnAll: true, limit: Infinity }, 150, (cursor) =>
			check.fail('Intercom', `gave the same page cursor twice ("${cursor.slice(0, 40)}"); the check stopped`),
		);
		const { fresh, next } = advancePollCursor(state, found, (contact) => String(contact.id), (contact) => Number(contact[field]), lag);
		writePollCursor(data, next);
		return fresh.length > 0 ? asItems(fresh) : null;
	}
}
