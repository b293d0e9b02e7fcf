import type { MockReply, RecordedRequest } from './server';
import { VendorMock } from './server';

const DOCUMENTATION = 'https://developer.salesforce.com/docs/atlas.en-us.mc-apis.meta/mc-apis/error-handling.htm';

const platformError = (errorcode: number, message: string) => ({ message, errorcode, documentation: DOCUMENTATION });

interface SentSet {
	name?: string;
	items?: Array<{ values?: Array<{ name?: string; value?: unknown }> }>;
}

/**
 * Marketing Cloud as ../shared/specs/sfmc-and-voyado.md A10 describes it, on one loopback server
 * standing in for both the auth and the REST host: POST /v2/token (401 invalid_client, or a token
 * whose rest_instance_url points back here; every call counted), POST /contacts/v1/contacts (401
 * Not Authorized with WWW-Authenticate for unknown or expired tokens, 400 10004/10002 for
 * malformed or incomplete bodies, 200 FAIL + resultMessages for a broken data rule, 200 success
 * with the doc's or the wire's spelling, isNewContactKey false for a known key), paged
 * attributeSetDefinitions and tokenContext.
 */
export interface SfmcStoredContact {
	contactKey: string;
	contactId: number;
	/** Attribute values by set and name, merged over every create of the key. */
	attributes: Record<string, Record<string, unknown>>;
}

export class SfmcMock extends VendorMock {
	/** The contacts Marketing Cloud holds: a create of a known contactKey merges into it. */
	readonly contacts: SfmcStoredContact[] = [];
	readonly issuedTokens = new Set<string>();
	/** Every token handed out since the mock started, for the secret scan. */
	readonly everIssuedTokens: string[] = [];
	tokenRequests = 0;
	/** 'doc' answers rowsAffetcted/contactId as the doc shows; 'wire' rowsAffected/contactID. */
	spelling: 'doc' | 'wire' = 'doc';
	/** Spec 3.3: "not found" from the email search is documented both as [] and as [{}]. */
	emailNotFound: 'emptyArray' | 'emptyObject' = 'emptyArray';
	/** Spec 3.1: PATCH on an unknown key is undocumented: it may 'create' or 'fail' (200 FAIL). */
	patchUnknownKey: 'create' | 'fail' = 'fail';
	private tokenCounter = 0;
	private nextContactId = 12345678;

	constructor(
		readonly clientId: string,
		readonly clientSecret: string,
	) {
		super();
	}


	/** Contacts that exist before a run, keyed by their email (bench, tests). */
	seedContacts(emails: string[]): void {
		for (const email of emails) {
			this.contacts.push({ contactKey: email, contactId: this.nextContactId++, attributes: { 'Email Addresses': { 'Email Address': email } } });
		}
	}

	/** The email of every stored contact, duplicates included. */
	storedEmails(): string[] {
		return this.contacts.map((contact) => String(contact.attributes['Email Addresses']?.['Email Address']));
	}

	/** Every token issued so far stops working, as after its 20 minutes. */
	expireTokens(): void {
		this.issuedTokens.clear();
	}

	/**
	 * Every token stops working after this many more authorized requests (once), so a token runs
	 * out in the middle of a parallel run: the requests in flight with it all get 401.
	 */
	expireTokensAfter(requests: number): void {
		this.expiresIn = requests;
	}

	/** Tokens work for this many requests each, then 401 (0: every token is refused at once). */
	tokenLifetime: number | undefined = undefined;

	private expiresIn: number | undefined = undefined;

	private readonly tokenUses = new Map<string, number>();

	/** Delete operations, by id: queued, then processed after `deleteTakesMs` (two-way-sync.md). */
	readonly deleteOperations = new Map<number, { keys: string[]; status: string; doneAt: number }>();
	/** How long a queued delete stays Processing; Marketing Cloud's can take hours. */
	deleteTakesMs = 0;
	/** How a delete operation ends: Completed removes the contacts; Invalid or Aborted keeps them. */
	deleteEndsWith: 'Completed' | 'Invalid' | 'Aborted' = 'Completed';
	private nextOperationId = 2038;
	/** The largest page the address search serves, whatever is asked. */
	addressPageCap = 100;
	/** A broken search that serves its first page for every $page (the node must not loop). */
	addressSearchIgnoresPage = false;
	addressPagesServed = 0;

	reset(): void {
		this.server.clear();
		this.deleteOperations.clear();
		this.deleteTakesMs = 0;
		this.deleteEndsWith = 'Completed';
		this.nextOperationId = 2038;
		this.addressPageCap = 100;
		this.addressSearchIgnoresPage = false;
		this.addressPagesServed = 0;
		this.contacts.length = 0;
		this.issuedTokens.clear();
		this.tokenRequests = 0;
		this.tokenCounter = 0;
		this.nextContactId = 12345678;
		this.spelling = 'doc';
		this.emailNotFound = 'emptyArray';
		this.patchUnknownKey = 'fail';
		this.expiresIn = undefined;
		this.tokenLifetime = undefined;
		this.tokenUses.clear();
	}

	protected handle(request: RecordedRequest): MockReply {
		if (request.method === 'POST' && request.path === '/v2/token') return this.token(request);
		const token = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1];
		if (token && this.expiresIn !== undefined && this.expiresIn-- <= 0) {
			this.expiresIn = undefined;
			this.expireTokens();
		}
		if (token && this.tokenLifetime !== undefined) {
			const uses = (this.tokenUses.get(token) ?? 0) + 1;
			this.tokenUses.set(token, uses);
			if (uses > this.tokenLifetime) this.issuedTokens.delete(token);
		}
		if (!token || !this.issuedTokens.has(token)) {
			return {
				status: 401,
				headers: { 'WWW-Authenticate': 'Bearer realm="example.com", error="invalid_token", error_description="The access token expired"' },
				body: platformError(0, 'Not Authorized'),
			};
		}
		if (request.method === 'GET' && request.path === '/platform/v1/tokenContext') {
			return { status: 200, body: { enterprise: { id: 100 }, organization: { id: 100 }, user: { id: 1 } } };
		}
		if (request.method === 'GET' && request.path === '/contacts/v1/attributeSetDefinitions') return this.definitions(request);
		if (request.method === 'POST' && request.path === '/contacts/v1/contacts') return this.create(request);
		if (request.method === 'PATCH' && request.path === '/contacts/v1/contacts') return this.update(request);
		if (request.method === 'POST' && request.path === '/contacts/v1/attributes/search') return this.attributeSearch(request);
		if (request.method === 'POST' && request.path === '/contacts/v1/addresses/email/search') return this.emailSearch(request);
		if (request.method === 'POST' && request.path === '/contacts/v1/addresses/search') return this.addressSearch(request);
		if (request.method === 'POST' && request.path === '/contacts/v1/contacts/actions/delete') return this.requestDelete(request);
		if (request.method === 'GET' && request.path === '/contacts/v1/contacts/actions/delete/status') return this.deleteStatus(request);
		return { status: 404, body: platformError(10000, 'Generic Exception: resource not found') };
	}

	/**
	 * POST /contacts/v1/contacts/actions/delete?type=keys (DeleteByContactKeys): `values` and
	 * `DeleteOperationType` ContactAndAttributes are required (400 otherwise); the deletion is
	 * queued and its operationID answered. The contacts stay readable until it completes.
	 */
	private requestDelete(request: RecordedRequest): MockReply {
		const body = (request.body ?? {}) as { values?: unknown; DeleteOperationType?: unknown };
		const badRequest = (message: string) => ({
			status: 400,
			body: { operationInitiated: false, hasErrors: true, resultMessages: [{ resultType: 'OperationResult', resultCode: 'InvalidRequest', message }] },
		});
		if (request.query.type !== 'keys') return badRequest('type must be ids, keys or listReference');
		if (body.DeleteOperationType !== 'ContactAndAttributes') return badRequest('DeleteOperationType must be ContactAndAttributes');
		if (!Array.isArray(body.values) || body.values.length === 0 || !body.values.every((key) => typeof key === 'string')) {
			return badRequest('values must be a non-empty array of contact keys');
		}
		const operationID = this.nextOperationId++;
		this.deleteOperations.set(operationID, { keys: body.values as string[], status: 'Processing', doneAt: Date.now() + this.deleteTakesMs });
		return {
			status: 200,
			body: {
				operationInitiated: true,
				operationID,
				requestServiceMessageID: 'b823e1ff-be75-4583-94e2-5fb7cbc2becd',
				responseDateTime: new Date().toISOString(),
				hasErrors: false,
				resultMessages: [],
				serviceMessageID: 'ae207d76-44eb-4a0d-94e9-4142b448121d',
			},
		};
	}

	/** GET /contacts/v1/contacts/actions/delete/status?operationID= (ContactsDeleteStatus). */
	private deleteStatus(request: RecordedRequest): MockReply {
		const operation = this.deleteOperations.get(Number(request.query.operationID));
		if (!operation) return { status: 404, body: platformError(10000, 'Operation not found') };
		if (operation.status === 'Processing' && Date.now() >= operation.doneAt) {
			operation.status = this.deleteEndsWith;
			if (operation.status === 'Completed') {
				for (const key of operation.keys) {
					const index = this.contacts.findIndex((contact) => contact.contactKey === key);
					if (index >= 0) this.contacts.splice(index, 1);
				}
			}
		}
		return {
			status: 200,
			body: {
				operation: { operationID: Number(request.query.operationID), deleteType: 'ContactAndAttributes', status: operation.status },
				requestServiceMessageID: '93631be1-107f-4239-a8b7-cdae245d7403',
				resultMessages: [],
				serviceMessageID: '00e6add8-d79a-4bd6-9568-2f2a272538f0',
			},
		};
	}

	private token(request: RecordedRequest): MockReply {
		this.tokenRequests++;
		const body = (request.body ?? {}) as Record<string, unknown>;
		if (body.grant_type !== 'client_credentials') {
			return { status: 400, body: { error: 'unsupported_grant_type', error_description: 'Use client_credentials.' } };
		}
		if (body.client_id !== this.clientId || body.client_secret !== this.clientSecret) {
			return {
				status: 401,
				body: {
					error: 'invalid_client',
					error_description:
						'Client authentication failed. Make sure that the client ID and client secret are valid and that the package is installed and enabled.',
					error_uri: 'https://developer.salesforce.com/docs',
				},
			};
		}
		const token = `mock-token-${++this.tokenCounter}`;
		this.issuedTokens.add(token);
		this.everIssuedTokens.push(token);
		return {
			status: 200,
			body: {
				access_token: token,
				token_type: 'Bearer',
				expires_in: 1079,
				scope: 'list_and_subscribers_read list_and_subscribers_write',
				soap_instance_url: `${this.server.url}/`,
				rest_instance_url: `${this.server.url}/`,
			},
		};
	}

	private definitions(request: RecordedRequest): MockReply {
		const all = [
			{ name: 'Email Addresses', attributes: [['Email Address', 'EmailAddress'], ['HTML Enabled', 'Boolean']] },
			{ name: 'Email Demographics', attributes: [['First Name', 'Text'], ['Last Name', 'Text'], ['Text Profile Attribute', 'Text'], ['Number Profile Attribute', 'Number']] },
			{ name: 'Loyalty', attributes: [['Tier', 'Text'], ['Points', 'Number']] },
		].map((set, index) => ({
			id: `set-${index}`,
			key: set.name.replace(/\s/g, ''),
			name: { value: set.name },
			fullyQualifiedName: set.name,
			attributes: [
				...set.attributes.map(([name, dataType]) => ({
					name: { value: name },
					dataType,
					isHidden: false,
					isReadOnly: false,
					isUpdateable: true,
				})),
				{ name: { value: 'Created Date' }, dataType: 'Date', isHidden: false, isReadOnly: true, isUpdateable: false },
			],
		}));
		const page = Number(request.query.$page ?? 1);
		const size = Number(request.query.$pageSize ?? 50);
		return { status: 200, body: { page, pageSize: size, count: all.length, items: all.slice((page - 1) * size, page * size) } };
	}

	private create(request: RecordedRequest): MockReply {
		if (typeof request.body === 'string') return { status: 400, body: platformError(10004, 'Invalid Message Format') };
		const body = (request.body ?? {}) as { contactKey?: string; contactID?: unknown; attributeSets?: SentSet[] };
		if (!body.contactKey && body.contactID === undefined) return { status: 400, body: platformError(10002, 'Missing Required Field: contactKey') };
		if (!Array.isArray(body.attributeSets) || body.attributeSets.length === 0) {
			return { status: 400, body: platformError(10002, 'Missing Required Field: attributeSets') };
		}
		const names = body.attributeSets.map((set) => set.name);
		if (names.includes('Email Demographics') && !names.includes('Email Addresses')) {
			return this.failed('Email Demographics requires the Email Addresses attribute set.');
		}
		const { stored, known } = this.store(body.contactKey ?? String(body.contactID), body.attributeSets);
		return { status: 200, body: this.envelope(stored, known) };
	}

	/** Merges the sets into the contact with the key, creating it when new. */
	private store(key: string, sets: SentSet[]): { stored: SfmcStoredContact; known: boolean } {
		const existing = this.contacts.find((contact) => contact.contactKey === key);
		const stored = existing ?? { contactKey: key, contactId: this.nextContactId++, attributes: {} };
		if (!existing) this.contacts.push(stored);
		for (const set of sets) {
			const values = (stored.attributes[String(set.name)] ??= {});
			for (const item of set.items ?? []) for (const pair of item.values ?? []) values[String(pair.name)] = pair.value;
		}
		return { stored, known: existing !== undefined };
	}

	private envelope(stored: SfmcStoredContact, known: boolean): Record<string, unknown> {
		const common = {
			operationStatus: 'OK',
			contactKey: stored.contactKey,
			contactTypeID: 0,
			isNewContactKey: !known,
			requestServiceMessageID: 'req-svc-1',
			hasErrors: false,
			resultMessages: [],
			serviceMessageID: 'svc-1',
		};
		return this.spelling === 'doc'
			? { ...common, rowsAffetcted: 1, contactId: stored.contactId }
			: { ...common, rowsAffected: 1, contactID: stored.contactId, responseDateTime: '2026-11-24T06:00:00.000Z' };
	}

	/** PATCH /contacts/v1/contacts (spec 3.1): merges the sets given into the contact with the key. */
	private update(request: RecordedRequest): MockReply {
		const body = (request.body ?? {}) as { contactKey?: string; attributeSets?: SentSet[] };
		if (!body.contactKey) return { status: 400, body: platformError(10002, 'Missing Required Field: contactKey') };
		if (!this.contacts.some((contact) => contact.contactKey === body.contactKey) && this.patchUnknownKey === 'fail') {
			return this.failed(`Contact key ${body.contactKey} was not found.`);
		}
		const { stored, known } = this.store(body.contactKey, body.attributeSets ?? []);
		return { status: 200, body: this.envelope(stored, known) };
	}

	/** POST /contacts/v1/attributes/search by "Contact.Contact Key" Equals: the requested attributes, in order. */
	private attributeSearch(request: RecordedRequest): MockReply {
		const body = request.body as {
			request?: { attributes?: Array<{ key?: string }> };
			conditionSet?: { conditions?: Array<{ attribute?: { key?: string }; operator?: string; value?: { items?: string[] } }> };
		};
		const condition = body.conditionSet?.conditions?.[0];
		if (condition?.attribute?.key !== 'Contact.Contact Key' || condition.operator !== 'Equals') {
			return { status: 400, body: platformError(10001, 'Unsupported search condition') };
		}
		const contact = this.contacts.find((candidate) => candidate.contactKey === condition.value?.items?.[0]);
		if (!contact) return { status: 200, body: { items: [] } };
		const values = (body.request?.attributes ?? []).map(({ key = '' }) => {
			if (key === 'Contact.Contact Key') return { key, value: contact.contactKey };
			const [set, ...name] = key.split('.');
			return { key, value: contact.attributes[set]?.[name.join('.')] ?? null };
		});
		return { status: 200, body: { items: [{ values }] } };
	}

	/** POST /contacts/v1/addresses/email/search (spec 3.3): the contact keys holding the address. */
	private emailSearch(request: RecordedRequest): MockReply {
		const [address] = (request.body as { channelAddressList?: string[] })?.channelAddressList ?? [];
		const keys = this.contacts.filter((contact) => contact.attributes['Email Addresses']?.['Email Address'] === address);
		const entities =
			keys.length === 0
				? this.emailNotFound === 'emptyArray'
					? []
					: [{}]
				: [{ channelAddress: address, contactKeyDetails: keys.map((contact) => ({ contactKey: contact.contactKey, createDate: '2026-11-24T06:00:00' })) }];
		return { status: 200, body: { channelAddressResponseEntities: entities, requestServiceMessageID: 'req', resultMessages: [], serviceMessageID: 'svc' } };
	}

	/**
	 * POST /contacts/v1/addresses/search (fetchContactsAddressesBySearchCriteria): every channel
	 * address of the contacts, in the order they were stored (a contact with an email address and a
	 * mobile number is two addresses, which can fall on two pages), paged by $page and $pageSize
	 * (capped at `addressPageCap`), filtered by one Equal expression on Contact Key (101) or
	 * Channel (104), or by none when hasCriteria is false.
	 */
	private addressSearch(request: RecordedRequest): MockReply {
		const filter = (request.body as { queryFilter?: { hasCriteria?: boolean; rootExpressionSet?: { expressions?: Array<{ customerDataDefinitionID?: number; operator?: string; values?: string[] }> } } })?.queryFilter;
		if (!filter || typeof filter.hasCriteria !== 'boolean') return { status: 400, body: platformError(10002, 'Missing Required Field: queryFilter.hasCriteria') };
		const expressions = filter.hasCriteria ? (filter.rootExpressionSet?.expressions ?? []) : [];
		if (filter.hasCriteria && expressions.length !== 1) return { status: 400, body: platformError(10001, 'This resource supports only one expression') };
		const [expression] = expressions;
		if (expression && (expression.operator !== 'Equal' || ![101, 104].includes(Number(expression.customerDataDefinitionID)))) {
			return { status: 400, body: platformError(10001, 'Unsupported search expression') };
		}
		const addresses = this.contacts.flatMap((contact) => this.addressesOf(contact)).filter((address) => {
			if (!expression) return true;
			const wanted = expression.values ?? [];
			return Number(expression.customerDataDefinitionID) === 101 ? wanted.includes(address.contactKey.value) : wanted.includes(address.channel);
		});
		const page = Math.max(1, Number(request.query.$page ?? 1));
		const pageSize = Math.min(this.addressPageCap, Math.max(1, Number(request.query.$pageSize ?? 50)));
		this.addressPagesServed++;
		const served = this.addressSearchIgnoresPage ? addresses.slice(0, pageSize) : addresses.slice((page - 1) * pageSize, page * pageSize);
		return { status: 200, body: { pageNumber: page, pageSize, addresses: served.map((address) => ({ ...address, channel: undefined })) } };
	}

	/** A stored contact's channel addresses as the address search answers them. */
	private addressesOf(contact: SfmcStoredContact) {
		// Each address carries the sets of its own channel: the mobile number MobileConnect's, the
		// email address the rest.
		const valueSetsOf = (mobile: boolean) => Object.entries(contact.attributes).filter(([set]) => (set === 'MobileConnect Demographics') === mobile).map(([set, values]) => ({
			definitionKey: set.replace(/\s/g, ''),
			definitionName: { value: set },
			values: Object.entries(values).map(([name, value]) => ({ definitionKey: name.replace(/\s/g, ''), definitionName: { value: name }, innerValue: value })),
		}));
		const channels: Array<[string, number, unknown]> = [
			['EMAIL', 1, contact.attributes['Email Addresses']?.['Email Address']],
			['MOBILE', 4, contact.attributes['MobileConnect Demographics']?.['Mobile Number']],
		];
		return channels
			.filter(([, , value]) => value !== undefined && value !== null)
			.map(([channel, addressTypeID, value]) => ({
				channel,
				contactID: { value: contact.contactId },
				contactKey: { value: contact.contactKey },
				addressTypeID,
				addressKey: { value: String(value) },
				status: 1,
				modifiedDate: '2026-11-24T06:00:00',
				valueSets: valueSetsOf(channel === 'MOBILE'),
			}));
	}

	/** The contacts envelope for a data failure: our assumption of its shape, as the spec labels it. */
	private failed(message: string): MockReply {
		return {
			status: 200,
			body: {
				operationStatus: 'FAIL',
				rowsAffected: 0,
				hasErrors: true,
				requestServiceMessageID: 'req-svc-fail',
				serviceMessageID: 'svc-fail',
				resultMessages: [{ resultType: 'Contact', resultClass: 'Error', resultCode: 'InvalidAttributeSetCombination', message }],
			},
		};
	}
}
