import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import type { ItemChecks } from '../shared/validation';
import type { SendOptions, VendorRequest, VendorResponse } from '../shared/transport';
import { answerFromLookup, expectJsonObject, httpStatusOf, sendVendorRequest } from '../shared/transport';
import { asItemError } from '../shared/execute';
import { intercomApi } from './api';
import { DEFAULT_INTERCOM_VERSION, INTERCOM_API_VERSIONS } from './regions';

// Leads are not unique: only a lead created since shortly before this item's first attempt
// can be its own (the margin covers clock skew between this machine and Intercom).
const LEAD_MATCH_MARGIN_SECONDS = 600;

/** The Intercom-Version header every call of the item carries (Options > API Version). */
export function versionHeaders(check: ItemChecks, options: IDataObject): IDataObject {
	return { 'Intercom-Version': check.oneOf('Options > API Version', options.apiVersion ?? DEFAULT_INTERCOM_VERSION, INTERCOM_API_VERSIONS) };
}

/** The existing contact's id from a 409 ("... already exists with id=..."), if the error has one. */
export function conflictId(error: unknown): string | undefined {
	return error instanceof NodeApiError && typeof error.context.existingId === 'string' ? error.context.existingId : undefined;
}

/** Intercom's contact calls for one item, with its version header and transport options. */
export class IntercomContacts {
	constructor(
		private readonly context: IExecuteFunctions,
		private readonly itemIndex: number,
		private readonly headers: IDataObject,
		private readonly send: SendOptions,
	) {}

	/** The item's transport options, for a call that adds its own guard (beforeRetry). */
	get sendOptions(): SendOptions {
		return this.send;
	}

	async call(request: Omit<VendorRequest, 'headers'>, send: SendOptions = this.send): Promise<VendorResponse> {
		return await sendVendorRequest.call(this.context, intercomApi, { ...request, headers: this.headers }, this.itemIndex, send);
	}

	object(response: VendorResponse): IDataObject {
		return expectJsonObject(this.context, intercomApi, response, this.itemIndex);
	}

	/** GET /contacts/{id}. */
	async get(id: string): Promise<IDataObject> {
		return this.object(await this.call({ method: 'GET', url: `/contacts/${encodeURIComponent(id)}` }));
	}

	/** GET /contacts/{id}, or undefined when Intercom answers 404 (unknown, or merged away). */
	async getIfAny(id: string): Promise<IDataObject | undefined> {
		try {
			return await this.get(id);
		} catch (error) {
			if (httpStatusOf(error) !== 404) throw asItemError(this.context.getNode(), error, this.itemIndex);
		}
		return undefined;
	}

	/** PUT /contacts/{id}: only the fields in `body` change. Safe to re-send after a lost answer. */
	async put(id: string, body: IDataObject): Promise<IDataObject> {
		return this.object(await this.call({ method: 'PUT', url: `/contacts/${encodeURIComponent(id)}`, body }));
	}

	/** POST /contacts/merge: the lead `from` is merged into the user `into`; Intercom answers with the user. */
	async merge(from: string, into: string): Promise<IDataObject> {
		return this.object(await this.call({ method: 'POST', url: '/contacts/merge', body: { from, into } }));
	}

	/** POST /contacts/search: the contacts whose `field` equals `value` (and with `role`, when given). */
	async search(field: 'email' | 'external_id', value: string, role?: string): Promise<IDataObject[]> {
		const filter = { field, operator: '=', value };
		const query = role ? { operator: 'AND', value: [filter, { field: 'role', operator: '=', value: role }] } : filter;
		const found = this.object(await this.call({ method: 'POST', url: '/contacts/search', body: { query, pagination: { per_page: 50 } } })).data;
		return Array.isArray(found) ? (found.filter((entry) => entry && typeof entry === 'object') as IDataObject[]) : [];
	}

	/**
	 * Before re-sending a create whose answer was lost: the contact with this body's external_id
	 * (else email) and role. Users are unique by those keys; for leads only one created since this
	 * item started counts. A lead that is not found is not sent again: Intercom's search can lag
	 * minutes behind a create, so a re-send could make a second lead.
	 */
	createdBy(body: IDataObject, startedAtSeconds: number) {
		return async (): Promise<VendorResponse | undefined> => {
			const role = (body.role as string | undefined) ?? 'user';
			const key = body.external_id !== undefined ? 'external_id' : body.email !== undefined ? 'email' : undefined;
			const unsent = (reason: string) =>
				new NodeOperationError(this.context.getNode(), `Intercom did not answer, and the ${role} may have been created: ${reason}`, {
					itemIndex: this.itemIndex,
					description:
						'Nothing was sent again, so no second contact was made. Look for the contact in Intercom before running this item again.',
				});
			if (key === undefined) throw unsent('it has no email or external ID to look it up by');
			const candidates = (await this.search(key, String(body[key]), role)).filter(
				(contact) => role === 'user' || Number(contact.created_at) >= startedAtSeconds - LEAD_MATCH_MARGIN_SECONDS,
			);
			const newest = candidates.sort((a, b) => Number(b.created_at) - Number(a.created_at))[0];
			if (!newest && role === 'lead') throw unsent("Intercom's search does not show it yet (it can lag minutes behind)");
			return newest ? answerFromLookup(newest) : undefined;
		};
	}
}
