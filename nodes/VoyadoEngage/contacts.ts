import type { IDataObject, IExecuteFunctions, IPollFunctions } from 'n8n-workflow';

import { asItemError } from '../shared/execute';
import type { SendOptions, VendorRequest, VendorResponse } from '../shared/transport';
import { answerFromLookup, expectJsonObject, httpStatusOf, sendVendorRequest } from '../shared/transport';
import { voyadoApi } from './api';
import type { KeyField } from './mapping';
import { KEY_FIELDS } from './mapping';

/** The find-contact endpoint answers the id as a JSON string; some clients see it still quoted. */
function contactIdFrom(body: unknown): string | undefined {
	if (typeof body !== 'string') return undefined;
	const id = body.trim().replace(/^"|"$/g, '');
	return id === '' ? undefined : id;
}

const contactPath = (version: 'v2' | 'v3', id: string) => `/api/${version}/contacts/${encodeURIComponent(id)}`;

/** Engage's contact calls for one item, sharing its transport options (pacer, wait budget). */
export class VoyadoContacts {
	constructor(
		private readonly context: IExecuteFunctions | IPollFunctions,
		private readonly itemIndex: number,
		private readonly send: SendOptions,
	) {}

	private async request(request: VendorRequest, send: SendOptions = this.send): Promise<VendorResponse> {
		return await sendVendorRequest.call(this.context, voyadoApi, request, this.itemIndex, send);
	}

	/**
	 * GET /api/v3/contacts/id?{key}=...: the contact's id, or undefined on 404 ContactNotFound. A 409
	 * MultipleMatches (several contacts share the value) is an error.
	 */
	async findId(keyField: KeyField, keyValue: string, contactType?: string): Promise<string | undefined> {
		const qs: IDataObject = { [KEY_FIELDS[keyField].lookup]: keyValue };
		if (contactType) qs.contactType = contactType;
		try {
			return contactIdFrom((await this.request({ method: 'GET', url: '/api/v3/contacts/id', qs })).body);
		} catch (error) {
			if (httpStatusOf(error) !== 404) throw asItemError(this.context.getNode(), error, this.itemIndex);
		}
		return undefined;
	}

	/** GET /api/v3/contacts/{id}. */
	async fetch(id: string): Promise<IDataObject> {
		return expectJsonObject(this.context, voyadoApi, await this.request({ method: 'GET', url: contactPath('v3', id) }), this.itemIndex);
	}

	/**
	 * A contact for Get, or undefined when there is none. The v3 read is not documented (spec 4.3):
	 * where a tenant answers it with 404 or 405, the documented v2 read is asked too.
	 */
	async fetchIfAny(id: string): Promise<IDataObject | undefined> {
		for (const version of ['v3', 'v2'] as const) {
			try {
				return expectJsonObject(this.context, voyadoApi, await this.request({ method: 'GET', url: contactPath(version, id) }), this.itemIndex);
			} catch (error) {
				const status = httpStatusOf(error);
				if (status !== 404 && status !== 405) throw asItemError(this.context.getNode(), error, this.itemIndex);
			}
		}
		return undefined;
	}

	/**
	 * PATCH /api/v3/contacts/{id} with only the attributes to change. Its answer is not documented
	 * for v3: a contact is taken as it is; an empty answer (200 or 204) is followed by a read.
	 * Re-sending a PATCH after a lost answer is safe: it sets the same values again.
	 */
	async patch(id: string, body: IDataObject): Promise<IDataObject> {
		const response = await this.request({ method: 'PATCH', url: contactPath('v3', id), body });
		const answer = response.body;
		if (answer === undefined || answer === null || answer === '') return await this.fetch(id);
		// Text or a list is not Engage's answer (a proxy page, say): an error, not a success.
		const contact = expectJsonObject(this.context, voyadoApi, response, this.itemIndex);
		return typeof contact.id === 'string' ? contact : await this.fetch(id);
	}

	/** Before re-sending a create whose outcome is unknown: the contact, if the first attempt made it. */
	createdBy(keyField: KeyField, keyValue: string, contactType: string) {
		return async (): Promise<VendorResponse | undefined> => {
			const id = await this.findId(keyField, keyValue, contactType);
			return id ? answerFromLookup(await this.fetch(id)) : undefined;
		};
	}
}
