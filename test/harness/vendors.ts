/* eslint-disable @n8n/community-nodes/no-restricted-globals */
import type { ICredentialType, IDataObject, INodeParameters } from 'n8n-workflow';

import { IntercomContactsApi } from '../../credentials/IntercomContactsApi.credentials';
import { LoopsApi } from '../../credentials/LoopsApi.credentials';
import { SalesforceMarketingCloudApi } from '../../credentials/SalesforceMarketingCloudApi.credentials';
import { VoyadoEngageApi } from '../../credentials/VoyadoEngageApi.credentials';
import { Intercom } from '../../nodes/Intercom/Intercom.node';
import { Loops } from '../../nodes/Loops/Loops.node';
import { SalesforceMarketingCloud } from '../../nodes/SalesforceMarketingCloud/SalesforceMarketingCloud.node';
import { VoyadoEngage } from '../../nodes/VoyadoEngage/VoyadoEngage.node';
import { IntercomMock } from '../mocks/intercom';
import { LoopsMock } from '../mocks/loops';
import type { MockServer, RecordedRequest, VendorMock } from '../mocks/server';
import { SfmcMock } from '../mocks/sfmc';
import { VoyadoMock } from '../mocks/voyado';
import { TestEngine } from './engine';
import { registerSecrets } from './scanRecorder';

/**
 * One vendor as the cross-vendor suites (faults, bad-input corpus) see it: its engine and mock,
 * the fields of a minimal valid create, how to tell a created contact from an error, and how to
 * tell which item a create request was for.
 */
export interface VendorUnderTest {
	name: string;
	engine: TestEngine;
	server: MockServer;
	start: () => Promise<void>;
	stop: () => Promise<void>;
	reset: () => void;
	/** Node parameters for a valid create, taking the item's `email` and `key` from $json. */
	parameters: (extra?: INodeParameters) => INodeParameters;
	createPath: string;
	/** The credential type, for its Test button, and the path that button calls. */
	credentialType: ICredentialType;
	credentialTestPath: string;
	/** A 429 body in the vendor's own shape. */
	rateLimitBody: IDataObject;
	isContact: (json: IDataObject) => boolean;
	/** Which input item a create request carried (by its email or key). */
	itemOf: (request: RecordedRequest) => string;
	/** Its Create or Update, Update and Get, where the node has them. */
	lifecycle?: OperationUnderTest[];
	/** Contacts the mock holds that were created more than once (should be none). */
	duplicates: () => number;
	contacts: () => number;
}

/**
 * One lifecycle operation as the fault suite sees it: the node's parameters (the item's `email`
 * from $json), the request the faults hit, the contacts that must exist first, what a good output
 * is, and whether the operation may create contacts.
 */
export interface OperationUnderTest {
	operation: string;
	parameters: (extra?: INodeParameters) => INodeParameters;
	method: string;
	/** The path, or a pattern where it carries an id (Voyado's PATCH). */
	path: string | RegExp;
	/** Makes contacts with these emails exist before the run (Update, Get). */
	seed?: (emails: string[]) => void;
	isOutput: (json: IDataObject) => boolean;
	itemOf: (request: RecordedRequest) => string;
	creates: boolean;
	/** Delete: each item that ends as an output has removed its contact. */
	removes?: boolean;
	/** An empty 200 is a documented (or assumed) success for this request, not a fault. */
	emptyAnswerIsSuccess?: boolean;
}

/** A vendor with its own mock, for suites that steer the mock's vendor-specific behaviour. */
export interface MockedVendor<M extends VendorMock> extends VendorUnderTest {
	mock: M;
}

const unique = (values: string[]) => values.length - new Set(values).size;

type VendorFacts = Omit<VendorUnderTest, 'engine' | 'server' | 'start' | 'stop' | 'reset'>;

/** The parts every vendor shares: its mock's lifecycle, and a reset that also stores the credential. */
function underTest<M extends VendorMock>(mock: M, engine: TestEngine, storeCredential: () => void, facts: VendorFacts): MockedVendor<M> {
	return {
		...facts,
		mock,
		engine,
		server: mock.server,
		start: async () => {
			await mock.start();
		},
		stop: async () => await mock.stop(),
		reset: () => {
			mock.reset();
			storeCredential();
		},
	};
}

function loopsLifecycle(mock: LoopsMock): OperationUnderTest[] {
	const base = { resource: 'contact' };
	const seed = (emails: string[]) => emails.forEach((email, i) => mock.contacts.push({ id: `clseed${i}`, email }));
	const emailInBody = (request: RecordedRequest) => String((request.body as IDataObject)?.email);
	return [
		{
			operation: 'upsert',
			parameters: (extra = {}) => ({ ...base, operation: 'upsert', email: '={{ $json.email }}', ...extra }),
			method: 'PUT',
			path: '/api/v1/contacts/update',
			isOutput: (json) => typeof json.id === 'string' && (json.outcome === 'created' || json.outcome === 'updated'),
			itemOf: emailInBody,
			creates: true,
		},
		{
			operation: 'update',
			parameters: (extra = {}) => ({ ...base, operation: 'update', findBy: 'email', email: '={{ $json.email }}', additionalFields: { source: 'faults' }, ...extra }),
			method: 'PUT',
			path: '/api/v1/contacts/update',
			seed,
			isOutput: (json) => typeof json.id === 'string' && json.outcome === 'updated',
			itemOf: emailInBody,
			creates: false,
		},
		{
			operation: 'get',
			parameters: (extra = {}) => ({ ...base, operation: 'get', findBy: 'email', email: '={{ $json.email }}', ...extra }),
			method: 'GET',
			path: '/api/v1/contacts/find',
			seed,
			isOutput: (json) => typeof json.id === 'string' && typeof json.email === 'string',
			itemOf: (request) => request.query.email,
			creates: false,
		},
		{
			operation: 'delete',
			parameters: (extra = {}) => ({ ...base, operation: 'delete', findBy: 'email', email: '={{ $json.email }}', ...extra }),
			method: 'POST',
			path: '/api/v1/contacts/delete',
			seed,
			isOutput: (json) => typeof json.email === 'string' && json.outcome === 'deleted',
			itemOf: emailInBody,
			creates: false,
			removes: true,
		},
	];
}

export function loopsUnderTest(): MockedVendor<LoopsMock> {
	const key = ['loops', 'suite', process.pid].join('-');
	registerSecrets([key]);
	const mock = new LoopsMock(key);
	const engine = new TestEngine({ nodeType: new Loops(), credentialTypes: [new LoopsApi()] });
	const storeCredential = () => engine.setCredential('loopsApi', { apiKey: key, baseUrl: mock.baseUrl });
	return underTest(mock, engine, storeCredential, {
		name: 'Loops',
		parameters: (extra = {}) => ({ resource: 'contact', operation: 'create', email: '={{ $json.email }}', ...extra }),
		createPath: '/api/v1/contacts/create',
		credentialType: new LoopsApi(),
		credentialTestPath: '/api/v1/api-key',
		rateLimitBody: { success: false, message: 'Rate limit exceeded' },
		isContact: (json) => typeof json.id === 'string' && json.outcome === 'created',
		itemOf: (request) => String((request.body as IDataObject)?.email),
		duplicates: () => unique(mock.contacts.map((contact) => contact.email)),
		contacts: () => mock.contacts.length,
		lifecycle: loopsLifecycle(mock),
	});
}

function intercomLifecycle(mock: IntercomMock): OperationUnderTest[] {
	const base = { resource: 'contact' };
	const seed = (emails: string[]) =>
		emails.forEach((email, i) => mock.contacts.push({ type: 'contact', id: `seed${i}`, role: 'user', email, created_at: 1 }));
	// The simplified contact (Simplify is on by default).
	const isContact = (json: IDataObject) => typeof json.id === 'string' && 'external_id' in json;
	const emailOfContact = (request: RecordedRequest) => String(mock.contacts.find((contact) => request.path === `/contacts/${contact.id}`)?.email);
	const searchedValue = (request: RecordedRequest) => {
		const query = (request.body as { query?: { value?: unknown } } | undefined)?.query?.value;
		return String(Array.isArray(query) ? (query[0] as IDataObject).value : query);
	};
	return [
		{
			operation: 'upsert',
			parameters: (extra = {}) => ({ ...base, operation: 'upsert', role: 'user', email: '={{ $json.email }}', additionalFields: { name: 'Faults' }, ...extra }),
			method: 'POST',
			path: '/contacts',
			isOutput: (json) => isContact(json) && json.outcome === 'created',
			itemOf: (request) => String((request.body as IDataObject)?.email),
			creates: true,
		},
		{
			operation: 'update',
			parameters: (extra = {}) => ({ ...base, operation: 'update', findBy: 'email', email: '={{ $json.email }}', additionalFields: { name: 'Faults' }, ...extra }),
			method: 'PUT',
			path: /^\/contacts\/[^/]+$/,
			seed,
			isOutput: isContact,
			itemOf: emailOfContact,
			creates: false,
		},
		{
			operation: 'get',
			parameters: (extra = {}) => ({ ...base, operation: 'get', findBy: 'email', email: '={{ $json.email }}', ...extra }),
			method: 'POST',
			path: '/contacts/search',
			seed,
			isOutput: isContact,
			itemOf: searchedValue,
			creates: false,
		},
		{
			// Get Many filtered by each item's email: one contact per item, so one output or one error.
			operation: 'getAll',
			parameters: (extra = {}) => ({ ...base, operation: 'getAll', returnAll: true, filters: { email: '={{ $json.email }}' }, ...extra }),
			method: 'POST',
			path: '/contacts/search',
			seed,
			isOutput: (json) => typeof json.id === 'string' && typeof json.email === 'string',
			itemOf: searchedValue,
			creates: false,
		},
		{
			operation: 'delete',
			parameters: (extra = {}) => ({ ...base, operation: 'delete', findBy: 'email', email: '={{ $json.email }}', ...extra }),
			method: 'DELETE',
			path: /^\/contacts\/[^/]+$/,
			seed,
			isOutput: (json) => typeof json.id === 'string' && json.outcome === 'deleted',
			// Seeded as seed<i>: the i-th email, also once the contact is gone.
			itemOf: (request) => `item-${/seed(\d+)$/.exec(request.path)?.[1]}`,
			creates: false,
			removes: true,
		},
	];
}

export function intercomUnderTest(): MockedVendor<IntercomMock> {
	const token = ['intercom', 'suite', process.pid].join('-');
	registerSecrets([token]);
	const mock = new IntercomMock(token);
	const engine = new TestEngine({ nodeType: new Intercom(), credentialTypes: [new IntercomContactsApi()] });
	const storeCredential = () => engine.setCredential('intercomContactsApi', { accessToken: token, region: 'us', baseUrl: mock.baseUrl });
	return underTest(mock, engine, storeCredential, {
		name: 'Intercom',
		parameters: (extra = {}) => ({ resource: 'contact', operation: 'create', role: 'user', email: '={{ $json.email }}', ...extra }),
		createPath: '/contacts',
		credentialType: new IntercomContactsApi(),
		credentialTestPath: '/me',
		rateLimitBody: { type: 'error.list', errors: [{ code: 'rate_limit_exceeded', message: 'Exceeded rate limit of 167 in 10_seconds' }] },
		isContact: (json) => typeof json.id === 'string' && json.outcome === 'created',
		itemOf: (request) => String((request.body as IDataObject)?.email),
		duplicates: () => unique(mock.contacts.map((contact) => String(contact.email))),
		contacts: () => mock.contacts.length,
		lifecycle: intercomLifecycle(mock),
	});
}

function sfmcLifecycle(mock: SfmcMock): OperationUnderTest[] {
	const base = { resource: 'contact' };
	const emailSet = { emailAddresses: [{ emailAddress: '={{ $json.email }}', htmlEnabled: true }] };
	const seed = (emails: string[]) =>
		emails.forEach((email, i) => mock.contacts.push({ contactKey: email, contactId: 500 + i, attributes: { 'Email Addresses': { 'Email Address': email } } }));
	const keyInBody = (request: RecordedRequest) => String((request.body as IDataObject)?.contactKey);
	return [
		{
			operation: 'upsert',
			parameters: (extra = {}) => ({ ...base, operation: 'upsert', contactKey: '={{ $json.email }}', attributeSets: emailSet, ...extra }),
			method: 'POST',
			path: '/contacts/v1/contacts',
			isOutput: (json) => typeof json.contactKey === 'string' && (json.outcome === 'created' || json.outcome === 'updated'),
			itemOf: keyInBody,
			creates: true,
		},
		{
			operation: 'update',
			parameters: (extra = {}) => ({ ...base, operation: 'update', contactKey: '={{ $json.email }}', attributeSets: { emailDemographics: [{ lastName: 'Faults' }] }, ...extra }),
			method: 'PATCH',
			path: '/contacts/v1/contacts',
			seed,
			isOutput: (json) => typeof json.contactKey === 'string' && json.outcome === 'updated',
			itemOf: keyInBody,
			creates: false,
		},
		{
			operation: 'get',
			parameters: (extra = {}) => ({ ...base, operation: 'get', findBy: 'contactKey', contactKey: '={{ $json.email }}', ...extra }),
			method: 'POST',
			path: '/contacts/v1/attributes/search',
			seed,
			isOutput: (json) => typeof json.contactKey === 'string' && typeof json.attributes === 'object',
			itemOf: (request) => String((request.body as { conditionSet?: { conditions?: Array<{ value?: { items?: string[] } }> } }).conditionSet?.conditions?.[0]?.value?.items?.[0]),
			creates: false,
		},
		{
			// Get Many filtered by each item's key: one contact per item, so one output or one error.
			operation: 'getAll',
			parameters: (extra = {}) => ({ ...base, operation: 'getAll', returnAll: true, filterBy: 'contactKey', contactKey: '={{ $json.email }}', ...extra }),
			method: 'POST',
			path: '/contacts/v1/addresses/search',
			seed,
			isOutput: (json) => typeof json.contactKey === 'string' && typeof json.contactId === 'number' && typeof json.attributes === 'object',
			itemOf: (request) =>
				String((request.body as { queryFilter?: { rootExpressionSet?: { expressions?: Array<{ values?: string[] }> } } }).queryFilter?.rootExpressionSet?.expressions?.[0]?.values?.[0]),
			creates: false,
		},
		{
			operation: 'delete',
			parameters: (extra = {}) => ({ ...base, operation: 'delete', findBy: 'contactKey', contactKey: '={{ $json.email }}', ...extra }),
			method: 'POST',
			path: '/contacts/v1/contacts/actions/delete',
			seed,
			// Queued: Marketing Cloud removes the contact later, so the contacts stay (removes is not set).
			isOutput: (json) => typeof json.contactKey === 'string' && json.outcome === 'deleteRequested',
			itemOf: (request) => String((request.body as { values?: string[] }).values?.[0]),
			creates: false,
		},
	];
}

export function sfmcUnderTest(): MockedVendor<SfmcMock> {
	const secret = ['sfmc', 'suite', 'secret', process.pid].join('-');
	registerSecrets([secret]);
	const mock = new SfmcMock('suite-client', secret);
	const engine = new TestEngine({ nodeType: new SalesforceMarketingCloud(), credentialTypes: [new SalesforceMarketingCloudApi()] });
	return {
		name: 'Salesforce Marketing Cloud',
		mock,
		engine,
		server: mock.server,
		start: async () => {
			await mock.start();
		},
		stop: async () => {
			registerSecrets(mock.everIssuedTokens);
			await mock.stop();
		},
		reset: () => {
			mock.reset();
			engine.setCredential('salesforceMarketingCloudApi', {
				subdomain: 'mc563885gzs27c5t9-63k636ttgm',
				clientId: 'suite-client',
				clientSecret: secret,
				authBaseUrl: mock.baseUrl,
				accessToken: '',
				restInstanceUrl: '',
			});
		},
		parameters: (extra = {}) => ({
			resource: 'contact',
			operation: 'create',
			contactKey: '={{ $json.email }}',
			attributeSets: { emailAddresses: [{ emailAddress: '={{ $json.email }}', htmlEnabled: true }] },
			...extra,
		}),
		createPath: '/contacts/v1/contacts',
		credentialType: new SalesforceMarketingCloudApi(),
		credentialTestPath: '/platform/v1/tokenContext',
		rateLimitBody: { message: 'Rate limit exceeded', errorcode: 50100, documentation: 'https://developer.salesforce.com' },
		// A re-send after a lost answer merges into the contact the first attempt made: 'updated'.
		isContact: (json) => typeof json.contactKey === 'string' && typeof json.contactId === 'number' && (json.outcome === 'created' || json.outcome === 'updated'),
		itemOf: (request) => String((request.body as IDataObject)?.contactKey),
		// Marketing Cloud merges a create into the contact with the same key; a second contact for
		// one input would hold the same email address under another key.
		duplicates: () => unique(mock.contacts.map((contact) => String(contact.attributes['Email Addresses']?.['Email Address']))),
		contacts: () => mock.contacts.length,
		lifecycle: sfmcLifecycle(mock),
	};
}

function voyadoLifecycle(mock: VoyadoMock): OperationUnderTest[] {
	const base = { resource: 'contact' };
	// Delete's items by contact id: the contact is gone once deleted.
	const deletedIds = new Map<string, string>();
	const seed = (emails: string[]) => emails.forEach((email) => mock.addContact({ email }));
	const emailOfContact = (request: RecordedRequest) => {
		const id = /contacts\/([0-9a-f-]{36})$/.exec(request.path)?.[1];
		return String((mock.contacts.find((contact) => contact.id === id)?.attributes as IDataObject | undefined)?.email);
	};
	// The simplified contact (Simplify is on by default).
	const isContact = (json: IDataObject) => typeof json.id === 'string' && 'contactType' in json;
	return [
		{
			operation: 'upsert',
			parameters: (extra = {}) => ({ ...base, operation: 'upsert', email: '={{ $json.email }}', additionalFields: { city: 'Faults' }, ...extra }),
			method: 'POST',
			path: '/api/v3/contacts',
			isOutput: (json) => isContact(json) && json.outcome === 'created',
			itemOf: (request) => String((request.body as IDataObject)?.email),
			creates: true,
		},
		{
			operation: 'update',
			parameters: (extra = {}) => ({ ...base, operation: 'update', findBy: 'email', email: '={{ $json.email }}', additionalFields: { city: 'Faults' }, ...extra }),
			method: 'PATCH',
			path: /^\/api\/v3\/contacts\/[0-9a-f-]{36}$/,
			seed,
			isOutput: isContact,
			itemOf: emailOfContact,
			creates: false,
			// Spec 4.1: PATCH's answer is undocumented; an empty one is read as success (then a GET).
			emptyAnswerIsSuccess: true,
		},
		{
			operation: 'get',
			parameters: (extra = {}) => ({ ...base, operation: 'get', findBy: 'email', email: '={{ $json.email }}', ...extra }),
			method: 'GET',
			path: /^\/api\/v3\/contacts\/[0-9a-f-]{36}$/,
			seed,
			isOutput: isContact,
			itemOf: emailOfContact,
			creates: false,
		},
		{
			operation: 'delete',
			parameters: (extra = {}) => ({ ...base, operation: 'delete', findBy: 'email', email: '={{ $json.email }}', ...extra }),
			method: 'DELETE',
			path: /^\/api\/v3\/contacts\/[0-9a-f-]{36}$/,
			seed: (emails) => emails.forEach((email) => deletedIds.set(mock.addContact({ email }).id, email)),
			isOutput: (json) => typeof json.id === 'string' && json.outcome === 'deleted',
			itemOf: (request) => String(deletedIds.get(/contacts\/([0-9a-f-]{36})$/.exec(request.path)?.[1] ?? '')),
			creates: false,
			removes: true,
			// Engage answers a delete 200 with no body (two-way-sync.md): an empty 200 is its success.
			emptyAnswerIsSuccess: true,
		},
	];
}

export function voyadoUnderTest(): MockedVendor<VoyadoMock> {
	const key = ['voyado', 'suite', process.pid].join('-');
	registerSecrets([key]);
	const mock = new VoyadoMock(key);
	const engine = new TestEngine({ nodeType: new VoyadoEngage(), credentialTypes: [new VoyadoEngageApi()] });
	const storeCredential = () => engine.setCredential('voyadoEngageApi', { tenant: 'acme', apiKey: key, baseUrlOverride: mock.baseUrl });
	return underTest(mock, engine, storeCredential, {
		name: 'Voyado Engage',
		parameters: (extra = {}) => ({ resource: 'contact', operation: 'create', email: '={{ $json.email }}', ...extra }),
		createPath: '/api/v3/contacts',
		credentialType: new VoyadoEngageApi(),
		credentialTestPath: '/api/v2/contacts/count',
		rateLimitBody: { statusCode: 429, errorCode: 'TooManyRequests', message: 'Too many requests' },
		isContact: (json) => typeof json.id === 'string' && 'contactType' in json && json.outcome === 'created',
		itemOf: (request) => String((request.body as IDataObject)?.email),
		duplicates: () => unique(mock.contacts.map((contact) => String((contact.attributes as IDataObject).email))),
		contacts: () => mock.contacts.length,
		lifecycle: voyadoLifecycle(mock),
	});
}

/** Registers the suite's hooks: the mock runs for the suite, each test gets a clean vendor and credential. */
export function useVendor<V extends VendorUnderTest>(vendor: V): V {
	beforeAll(async () => await vendor.start());
	afterAll(async () => await vendor.stop());
	beforeEach(() => vendor.reset());
	return vendor;
}

export const allVendors = () => [loopsUnderTest(), intercomUnderTest(), sfmcUnderTest(), voyadoUnderTest()];

/** A Loops write's output: its fixed keys, null where the item sent nothing, with the given values. */
export function loopsOutput(values: IDataObject): IDataObject {
	const keys = ['id', 'email', 'firstName', 'lastName', 'source', 'subscribed', 'userGroup', 'userId', 'mailingLists', 'customProperties'];
	return { ...Object.fromEntries(keys.map((key) => [key, null])), ...values };
}
