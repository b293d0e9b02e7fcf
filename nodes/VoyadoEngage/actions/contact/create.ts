import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { ifExistsFrom, itemSendOptions } from '../../../shared/commonFields';
import type { IfExists } from '../../../shared/commonFields';
import { asItemError } from '../../../shared/execute';
import type { ItemRun } from '../../../shared/execute';
import type { SendOptions, VendorResponse } from '../../../shared/transport';
import {
	answerFromLookup,
	expectJsonObject,
	httpStatusOf,
	sendVendorRequest,
	wasResentAfterUnknownOutcome,
} from '../../../shared/transport';
import { fieldRuleError, ItemChecks } from '../../../shared/validation';
import { voyadoApi } from '../../api';
import type { KeyField, VoyadoContactInput, VoyadoCreateRequest } from '../../mapping';
import { buildCreateContactRequest, KEY_FIELDS } from '../../mapping';
import { createContactFields } from './fields';

/** Create: the fields of the vendor's create call. */
export const description = createContactFields;

function readInput(context: IExecuteFunctions, itemIndex: number): VoyadoContactInput {
	const parameter = (name: string, fallback: unknown) => context.getNodeParameter(name, itemIndex, fallback);
	const mode = parameter('extraAttributesMode', 'none') as string;
	return {
		contactType: parameter('contactType', 'Member'),
		keyField: parameter('keyField', 'email'),
		keys: {
			email: parameter('email', ''),
			mobilePhone: parameter('mobilePhone', ''),
			externalId: parameter('externalId', ''),
			socialSecurityNumber: parameter('socialSecurityNumber', ''),
		},
		additionalFields: parameter('additionalFields', {}) as IDataObject,
		preferences: parameter('preferences', {}) as IDataObject,
		consents: parameter('consents', {}) as VoyadoContactInput['consents'],
		extraAttributesMode: mode,
		extraAttributes: mode === 'fields' ? (parameter('extraAttributes', {}) as VoyadoContactInput['extraAttributes']) : {},
		extraAttributesJson: mode === 'json' ? parameter('extraAttributesJson', '{}') : undefined,
		queryParameters: parameter('queryParameters', {}) as IDataObject,
	};
}

/** The find-contact endpoint answers the id as a JSON string; some clients see it still quoted. */
function contactIdFrom(body: unknown): string | undefined {
	if (typeof body !== 'string') return undefined;
	const id = body.trim().replace(/^"|"$/g, '');
	return id === '' ? undefined : id;
}

class VoyadoContacts {
	constructor(
		private readonly context: IExecuteFunctions,
		private readonly itemIndex: number,
		private readonly send: SendOptions,
	) {}

	/** GET /api/v3/contacts/id?{key}=...: the contact's id, or undefined on 404 ContactNotFound. */
	async findId(request: VoyadoCreateRequest): Promise<string | undefined> {
		const qs = { [KEY_FIELDS[request.keyField].lookup]: request.keyValue, contactType: request.contactType };
		try {
			const { body } = await sendVendorRequest.call(
				this.context,
				voyadoApi,
				{ method: 'GET', url: '/api/v3/contacts/id', qs },
				this.itemIndex,
				this.send,
			);
			return contactIdFrom(body);
		} catch (error) {
			if (httpStatusOf(error) !== 404) throw asItemError(this.context.getNode(), error, this.itemIndex);
		}
		return undefined;
	}

	async fetch(id: string): Promise<IDataObject> {
		const response = await sendVendorRequest.call(
			this.context,
			voyadoApi,
			{ method: 'GET', url: `/api/v3/contacts/${encodeURIComponent(id)}` },
			this.itemIndex,
			this.send,
		);
		return expectJsonObject(this.context, voyadoApi, response, this.itemIndex);
	}

	/** An existing contact, as the user chose: an error naming its id, or the contact itself. */
	async existing(id: string, keyField: KeyField, ifExists: IfExists): Promise<IDataObject> {
		if (ifExists === 'returnExisting') return { ...(await this.fetch(id)), alreadyExists: true };
		const error = fieldRuleError(
			this.context.getNode(),
			this.itemIndex,
			KEY_FIELDS[keyField].label,
			`a contact with this ${KEY_FIELDS[keyField].label.toLowerCase()} already exists (id ${id}); nothing was created`,
			'To output it instead, set Options > If Contact Already Exists to Return Existing Contact.',
		);
		error.context.existingId = id;
		throw error;
	}
}

/**
 * Create Contact for one item: check, optionally look the contact up first (as Voyado
 * recommends), create, and if a retry is needed after an unknown outcome, look up again first so
 * the retry never makes a second contact.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number, run: ItemRun): Promise<IDataObject> {
	const check = ItemChecks.forItem(this, itemIndex);
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const ifExists = ifExistsFrom(check, options);
	const checkFirst = options.checkExistsFirst === undefined ? true : check.boolean('Options > Check If Contact Exists First', options.checkExistsFirst);
	const send = itemSendOptions(check, options, run, voyadoApi);
	const request = buildCreateContactRequest(check, readInput(this, itemIndex));
	const contacts = new VoyadoContacts(this, itemIndex, send);

	if (checkFirst) {
		const id = await contacts.findId(request);
		if (id) return await contacts.existing(id, request.keyField, ifExists);
	}

	const beforeRetry = async (): Promise<VendorResponse | undefined> => {
		const id = await contacts.findId(request);
		return id ? answerFromLookup(await contacts.fetch(id)) : undefined;
	};
	let ownContact = false;
	try {
		const response = await sendVendorRequest.call(
			this,
			voyadoApi,
			{ method: 'POST', url: '/api/v3/contacts', body: request.body, qs: request.qs },
			itemIndex,
			{ ...send, beforeRetry },
		);
		return expectJsonObject(this, voyadoApi, response, itemIndex);
	} catch (error) {
		const taken = error instanceof NodeApiError && error.context.code === 'ApprovedContactWithKeyExists';
		ownContact = taken && wasResentAfterUnknownOutcome(error);
		if (!taken || (!ownContact && ifExists !== 'returnExisting')) throw asItemError(this.getNode(), error, itemIndex);
	}
	const id = await contacts.findId(request);
	if (!id) {
		throw fieldRuleError(this.getNode(), itemIndex, KEY_FIELDS[request.keyField].label, 'Engage says a contact with this key exists, but finding it returned nothing');
	}
	// After a re-send, the contact that "exists" is the one this item's lost attempt created.
	if (ownContact) return await contacts.fetch(id);
	return await contacts.existing(id, request.keyField, ifExists);
}
