import { randomUUID } from 'node:crypto';

import type { MockReply, RecordedRequest } from './server';
import { VendorMock } from './server';

export type VoyadoContact = Record<string, unknown> & { id: string };

const voyadoError = (statusCode: number, errorCode: string, message: string, messageDetails?: unknown) => ({
	statusCode,
	errorCode,
	message,
	...(messageDetails !== undefined ? { messageDetails } : {}),
});

const CONTACT_TYPES = ['Member', 'Contact', 'ExampleContactType'];

/**
 * Voyado Engage v3 as ../shared/specs/sfmc-and-voyado.md B9 describes it: `apikey` check (401),
 * 500 "An error has occurred" without a JSON Content-Type, POST /api/v3/contacts with 400 NoData,
 * 422 ValidationError (field details), 409 ApprovedContactWithKeyExists and
 * ContactWithKeyIsBeingCreated, 504 RequestTimeOut that creates nothing, a slow mode that creates
 * and answers late, 201 with the full contact; find-contact by key, GET contact, contacts count,
 * consents and stores. It also records every body that carried a null, "" or `country`.
 */
/** What the node outputs for a stored contact with Simplify on (its default), written out by hand. */
export function simplifiedVoyadoContact(contact: VoyadoContact, outcome?: string): Record<string, unknown> {
	const attributes = contact.attributes as Record<string, unknown>;
	return {
		id: contact.id,
		contactType: (contact.meta as Record<string, unknown>).contactType,
		email: attributes.email,
		mobilePhone: attributes.mobilePhone,
		firstName: attributes.firstName,
		lastName: attributes.lastName,
		externalId: attributes.externalId,
		memberNumber: attributes.memberNumber,
		acceptsEmail: (contact.preferences as Record<string, unknown>).acceptsEmail,
		...(outcome ? { outcome } : {}),
	};
}

export class VoyadoMock extends VendorMock {
	readonly contacts: VoyadoContact[] = [];
	/** Bodies that broke the doc's rules (null or empty values, `country`): should stay empty. */
	readonly forbiddenValues: string[] = [];
	/** Answer the next N creates with 504 RequestTimeOut and create nothing. */
	timeoutNextCreates = 0;
	/** Create the contact, then answer the next create only after this many ms. */
	slowNextCreateMs = 0;
	/** Answer the next create with 409 ContactWithKeyIsBeingCreated. */
	keyBeingCreated = false;
	/** Voyado answers 429 above 200 requests per second per key. */
	rateLimitPerSecond = 200;
	/** Spec 4.3: the v3 read is not documented; false makes it answer 405, so only the v2 read works. */
	v3ReadSupported = true;
	/** Spec 4.1: PATCH's v3 answer is not documented; 'contact' answers the contact, 'empty' a bare 204. */
	patchAnswer: 'contact' | 'empty' = 'contact';
	private windowStart = 0;
	private windowCount = 0;

	constructor(readonly apiKey: string) {
		super();
	}


	/** The changes feed: every create, PATCH and delete, with when it happened (ms). */
	readonly changes: Array<{ changeType: 'Created' | 'Updated' | 'Deleted'; contactId: string; at: number }> = [];

	/** A change as Engage would record it (tests that store contacts directly). */
	recordChange(changeType: 'Created' | 'Updated' | 'Deleted', contactId: string, at = Date.now()): void {
		this.changes.push({ changeType, contactId, at });
	}

	reset(): void {
		this.server.clear();
		this.changes.length = 0;
		this.contacts.length = 0;
		this.forbiddenValues.length = 0;
		this.timeoutNextCreates = 0;
		this.slowNextCreateMs = 0;
		this.keyBeingCreated = false;
		this.v3ReadSupported = true;
		this.patchAnswer = 'contact';
	}

	/** Contacts that exist before a run (bench, tests). */
	seedContacts(emails: string[]): void {
		for (const email of emails) this.addContact({ email });
	}

	/** The email of every stored contact, duplicates included. */
	storedEmails(): string[] {
		return this.contacts.map((contact) => String((contact.attributes as Record<string, unknown>).email));
	}

	/** A contact as Engage stores it, for tests that need one to exist already. */
	addContact(attributes: Record<string, unknown>, contactType = 'Member'): VoyadoContact {
		const contact = this.toContact(attributes, contactType);
		this.contacts.push(contact);
		return contact;
	}

	protected handle(request: RecordedRequest): MockReply {
		if (request.headers.apikey !== this.apiKey) {
			return { status: 401, body: voyadoError(401, 'Unauthorized', 'Authorization has been denied for this request.') };
		}
		const now = Date.now();
		if (now - this.windowStart >= 1000) {
			this.windowStart = now;
			this.windowCount = 0;
		}
		if (++this.windowCount > this.rateLimitPerSecond) {
			return { status: 429, body: voyadoError(429, 'TooManyRequests', 'Rate limit exceeded') };
		}
		if (request.method === 'POST' && !/^application\/json/.test(request.headers['content-type'] ?? '')) {
			return { status: 500, body: { message: 'An error has occurred' } };
		}
		const { method, path } = request;
		if (method === 'GET' && path === '/api/v2/contacts/count') return { status: 200, body: this.contacts.length };
		if (method === 'GET' && path === '/api/v2/consents') {
			return { status: 200, body: [{ id: 'memberConsent', name: 'Member terms', metaData: {} }, { id: 'smsConsent', name: 'SMS marketing', metaData: {} }] };
		}
		if (method === 'GET' && path === '/api/v2/stores') {
			return {
				status: 200,
				body: [
					{ externalId: '444', name: 'Megashop E-commerce SE', city: 'Stockholm', countryCode: 'SE', active: true },
					{ externalId: '600', name: 'Megashop Gothenburg', city: 'Göteborg', countryCode: 'SE', active: true },
					{ externalId: '999', name: 'Closed store', city: 'Malmö', countryCode: 'SE', active: false },
				],
			};
		}
		if (method === 'GET' && path === '/api/v3/contacts/id') return this.find(request);
		if (method === 'GET' && path === '/api/v3/contacts/changes') return this.changesFeed(request);
		const single = /^\/api\/(v2|v3)\/contacts\/([0-9a-f-]{36})$/.exec(path);
		if (single && (method === 'GET' || (method === 'PATCH' && single[1] === 'v3'))) {
			if (method === 'GET' && single[1] === 'v3' && !this.v3ReadSupported) {
				return { status: 405, body: { message: "The requested resource does not support http method 'GET'." } };
			}
			const contact = this.contacts.find((candidate) => candidate.id === single[2]);
			if (!contact) return { status: 404, body: voyadoError(404, 'ContactNotFound', 'Contact not found') };
			return method === 'GET' ? { status: 200, body: contact } : this.patch(contact, request);
		}
		if (method === 'POST' && path === '/api/v3/contacts') return this.create(request);
		if (method === 'DELETE' && single && single[1] === 'v3') {
			// DELETE /api/v3/contacts/{contactId} (two-way-sync.md): 200, or 404 for an unknown id.
			const index = this.contacts.findIndex((candidate) => candidate.id === single[2]);
			if (index < 0) return { status: 404, body: voyadoError(404, 'ContactNotFound', 'Contact not found') };
			this.contacts.splice(index, 1);
			this.recordChange('Deleted', single[2]);
			return { status: 200 };
		}
		return { status: 404, body: voyadoError(404, 'NotFound', 'No HTTP resource was found that matches the request URI.') };
	}

	/**
	 * GET /api/v3/contacts/changes?changeType=&fromDate=&toDate= (two-way-sync.md, the bulk page):
	 * the ids of the contacts with that change in [fromDate, toDate), toDate now when left out; a
	 * missing or unknown change type or a date that is not one is a 400.
	 */
	private changesFeed(request: RecordedRequest): MockReply {
		const { changeType, fromDate, toDate } = request.query;
		const from = Date.parse(fromDate ?? '');
		const to = toDate === undefined ? Date.now() : Date.parse(toDate);
		if (!['Created', 'Updated', 'Deleted'].includes(changeType ?? '') || Number.isNaN(from) || Number.isNaN(to)) {
			return { status: 400, body: voyadoError(400, 'InvalidRequest', 'changeType (Created, Updated, Deleted) and fromDate are required') };
		}
		const ids = this.changes.filter((change) => change.changeType === changeType && change.at >= from && change.at < to).map((change) => change.contactId);
		return { status: 200, body: [...new Set(ids)] };
	}

	private find(request: RecordedRequest): MockReply {
		const lookups: Array<[string, string]> = [
			['email', 'email'],
			['mobilePhone', 'mobilePhone'],
			['socialSecurityNumber', 'socialSecurityNumber'],
			['customKey', 'externalId'],
		];
		const pair = lookups.find(([param]) => request.query[param] !== undefined);
		if (!pair) return { status: 400, body: voyadoError(400, 'InvalidSearchQuery', 'No search parameter given') };
		const value = request.query[pair[0]];
		const found = this.contacts.filter((contact) => (contact.attributes as Record<string, unknown>)[pair[1]] === value);
		if (found.length === 0) return { status: 404, body: voyadoError(404, 'ContactNotFound', 'Contact not found') };
		if (found.length > 1) {
			return { status: 409, body: voyadoError(409, 'MultipleMatches', 'Multiple contacts found', { multipleMatchesFound: found.map((c) => c.id) }) };
		}
		return { status: 200, raw: JSON.stringify(found[0].id), headers: { 'Content-Type': 'application/json; charset=utf-8' } };
	}

	/**
	 * PATCH /api/v3/contacts/{id} (spec 4.1): only the sent attributes change, an empty or null one
	 * overwrites (recorded in forbiddenValues), the contact type cannot change here, and a key that
	 * belongs to another approved contact is a 409.
	 */
	private patch(contact: VoyadoContact, request: RecordedRequest): MockReply {
		const body = request.body as Record<string, unknown> | undefined;
		if (!body || typeof body !== 'object' || Object.keys(body).length === 0) return { status: 400, body: voyadoError(400, 'NoData', 'No data was sent') };
		if ('contactType' in body) {
			return { status: 400, body: voyadoError(400, 'InvalidContactType', 'Use updateContactType to change the contact type') };
		}
		const attributes = contact.attributes as Record<string, unknown>;
		const clash = this.contacts.find(
			(other) => other !== contact && typeof body.email === 'string' && (other.attributes as Record<string, unknown>).email === body.email,
		);
		if (clash) return { status: 409, body: voyadoError(409, 'ApprovedContactWithKeyExists', 'An approved contact with the same key already exists') };
		const { preferences, consents, ...changes } = body;
		for (const [key, value] of Object.entries(changes)) {
			if (value === null || value === '' || key === 'country') this.forbiddenValues.push(key);
			attributes[key] = value;
		}
		if (preferences) contact.preferences = { ...(contact.preferences as object), ...(preferences as object) };
		if (consents) contact.consents = consents;
		this.recordChange('Updated', String(contact.id));
		return this.patchAnswer === 'contact' ? { status: 200, body: contact } : { status: 204 };
	}

	private create(request: RecordedRequest): MockReply {
		const body = request.body as Record<string, unknown> | undefined;
		if (!body || typeof body !== 'object' || Object.keys(body).length === 0) {
			return { status: 400, body: voyadoError(400, 'NoData', 'No data was sent') };
		}
		for (const [key, value] of Object.entries(body)) {
			if (value === null || value === '' || key === 'country') this.forbiddenValues.push(key);
		}
		const contactType = (body.contactType as string | undefined) ?? 'Member';
		if (!CONTACT_TYPES.includes(contactType)) {
			return {
				status: 422,
				body: voyadoError(422, 'ValidationError', 'The contact could not be validated', {
					validationErrors: [{ field: 'contactType', message: `Contact type '${contactType}' does not exist` }],
				}),
			};
		}
		if (typeof body.email === 'string' && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(body.email)) {
			return { status: 422, body: voyadoError(422, 'ValidationError', 'The contact could not be validated', { validationErrors: [{ field: 'email', message: 'Invalid email address' }] }) };
		}
		if (this.keyBeingCreated) {
			this.keyBeingCreated = false;
			return { status: 409, body: voyadoError(409, 'ContactWithKeyIsBeingCreated', 'A contact with this key is being created') };
		}
		if (this.timeoutNextCreates > 0) {
			this.timeoutNextCreates--;
			return { status: 504, body: voyadoError(504, 'RequestTimeOut', 'The request timed out; no contact was created') };
		}
		const exists = this.contacts.some(
			(contact) => typeof body.email === 'string' && (contact.attributes as Record<string, unknown>).email === body.email,
		);
		if (exists) return { status: 409, body: voyadoError(409, 'ApprovedContactWithKeyExists', 'An approved contact with the same key already exists') };
		const { preferences, consents, ...attributes } = body;
		delete attributes.contactType;
		const contact = this.toContact(attributes, contactType, preferences, consents);
		this.contacts.push(contact);
		this.recordChange('Created', String(contact.id));
		const delayMs = this.slowNextCreateMs;
		this.slowNextCreateMs = 0;
		return { status: 201, body: contact, delayMs };
	}

	private toContact(attributes: Record<string, unknown>, contactType: string, preferences?: unknown, consents?: unknown): VoyadoContact {
		const now = '2026-11-24T07:00:00+01:00';
		return {
			id: randomUUID(),
			attributes: {
				firstName: null,
				lastName: null,
				email: null,
				mobilePhone: null,
				countryCode: null,
				country: attributes.countryCode === 'SE' ? 'Sweden' : null,
				birthDay: null,
				externalId: null,
				memberNumber: String(999032095 + this.contacts.length),
				...attributes,
			},
			meta: { createdOn: now, modifiedOn: now, sourceType: 'API', approved: true, contactType },
			preferences: preferences ?? { acceptsEmail: false, acceptsPostal: false, acceptsSms: false },
			consents: consents ?? [],
		};
	}
}
