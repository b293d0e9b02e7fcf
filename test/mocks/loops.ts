import type { MockReply, RecordedRequest } from './server';
import { VendorMock } from './server';

export interface LoopsContact {
	id: string;
	email: string;
	userId?: string | null;
	[property: string]: unknown;
}

const PREFIX = '/api/v1';
const ROUTES: Record<string, string[]> = {
	'/api-key': ['GET'],
	'/lists': ['GET'],
	'/contacts/properties': ['GET', 'POST'],
	'/contacts/find': ['GET'],
	'/contacts/create': ['POST'],
	'/contacts/update': ['PUT'],
	'/contacts/delete': ['POST'],
};

/** What /contacts/find shows of a contact: every standard field (null when unset) and its custom properties. */
function asFound(contact: LoopsContact): LoopsContact {
	return {
		firstName: null,
		lastName: null,
		source: 'API',
		subscribed: true,
		userGroup: null,
		userId: null,
		mailingLists: {},
		optInStatus: null,
		...contact,
	};
}

/**
 * Loops as ../shared/specs/intercom-and-loops.md section 2.8 describes it: Bearer key check (401
 * with the documented body), 400 for a missing or invalid email, 409 for a taken email or userId
 * (no id in the body), 405 for a wrong method, PUT /contacts/update as contact-lifecycle.md 2.1
 * describes it (matches on email or userId, creates when missing, null resets a value; a 409 when
 * the two keys name different contacts, the spec's unverified reading), a 10/s token bucket with x-ratelimit-* headers and
 * 429, and the lookup endpoints the node's dropdowns and credential test use.
 */
export class LoopsMock extends VendorMock {
	protected readonly pathPrefix = PREFIX;
	readonly contacts: LoopsContact[] = [];
	readonly lists = [
		{ id: 'cm06f5v0e45nf0ml5754o9cix', name: 'Newsletter', description: 'Monthly news', isPublic: true },
		{ id: 'cm16k73gq014h0mmj5b6jdi9r', name: 'Beta testers', description: null, isPublic: false },
	];
	readonly customProperties = [
		{ key: 'planName', label: 'Plan name', type: 'string' },
		{ key: 'seats', label: 'Seats', type: 'number' },
		{ key: 'isTrial', label: 'Is trial', type: 'boolean' },
		{ key: 'dateJoined', label: 'Date joined', type: 'date' },
	];
	rateLimitPerSecond = 10;
	private tokens = 10;
	private refilledAt = Date.now();
	private nextId = 1;

	constructor(readonly apiKey: string) {
		super();
	}


	/** Contacts that exist before a run (bench, tests). */
	seedContacts(emails: string[]): void {
		for (const email of emails) this.contacts.push({ id: `clseed${String(this.nextId++).padStart(6, '0')}`, email });
	}

	/** The email of every stored contact, duplicates included. */
	storedEmails(): string[] {
		return this.contacts.map((contact) => contact.email);
	}

	reset(): void {
		this.server.clear();
		this.contacts.length = 0;
		this.tokens = this.rateLimitPerSecond;
	}

	private takeToken(): boolean {
		const now = Date.now();
		this.tokens = Math.min(
			this.rateLimitPerSecond,
			this.tokens + ((now - this.refilledAt) / 1000) * this.rateLimitPerSecond,
		);
		this.refilledAt = now;
		if (this.tokens < 1) return false;
		this.tokens -= 1;
		return true;
	}

	protected handle(request: RecordedRequest): MockReply {
		if (!request.path.startsWith(PREFIX)) return { status: 404, body: { success: false, message: 'Not found' } };
		const path = request.path.slice(PREFIX.length);
		if (request.headers.authorization !== `Bearer ${this.apiKey}`) {
			return { status: 401, body: { success: false, message: 'Invalid API key', error: 'Invalid API key' } };
		}
		const allowed = this.takeToken();
		const headers = {
			'x-ratelimit-limit': String(this.rateLimitPerSecond),
			'x-ratelimit-remaining': String(Math.max(0, Math.floor(this.tokens))),
		};
		if (!allowed) return { status: 429, headers, body: { success: false, message: 'Rate limit exceeded' } };
		const methods = ROUTES[path];
		if (!methods) return { status: 404, headers, body: { success: false, message: 'Not found' } };
		if (!methods.includes(request.method)) return { status: 405, headers, body: { success: false, message: 'Method not allowed' } };
		return { ...this.route(path, request), headers };
	}

	private route(path: string, request: RecordedRequest): MockReply {
		switch (path) {
			case '/api-key':
				return { status: 200, body: { success: true, teamName: 'Mock team' } };
			case '/lists':
				return { status: 200, body: this.lists };
			case '/contacts/properties':
				return {
					status: 200,
					body:
						request.query.list === 'custom'
							? this.customProperties
							: [{ key: 'email', label: 'Email', type: 'string' }, ...this.customProperties],
				};
			case '/contacts/find': {
				const { email, userId } = request.query;
				const found = this.contacts.filter(
					(contact) => (email !== undefined && contact.email === email) || (userId !== undefined && contact.userId === userId),
				);
				return { status: 200, body: found.map(asFound) };
			}
			case '/contacts/update':
				return this.update(request);
			case '/contacts/delete':
				return this.delete(request);
			default:
				return this.create(request);
		}
	}

	/**
	 * POST /contacts/delete (two-way-sync.md, Loops' delete page): one of email or userId; both, or
	 * neither, is a 400; no match is a 404 "Contact not found."; else the contact is gone.
	 */
	private delete(request: RecordedRequest): MockReply {
		const body = (request.body ?? {}) as Record<string, unknown>;
		const given = ['email', 'userId'].filter((key) => body[key] !== undefined);
		if (given.length !== 1) return { status: 400, body: { success: false, message: 'Provide either an email or a userId, not both.' } };
		const [key] = given;
		const index = this.contacts.findIndex((contact) => contact[key] === body[key]);
		if (index < 0) return { status: 404, body: { success: false, message: 'Contact not found.' } };
		this.contacts.splice(index, 1);
		return { status: 200, body: { success: true, message: 'Contact deleted.' } };
	}

	private update(request: RecordedRequest): MockReply {
		const body = request.body as Record<string, unknown> | undefined;
		if (!body || typeof body !== 'object' || (body.email === undefined && body.userId === undefined)) {
			return { status: 400, body: { success: false, message: 'Email or userId is required.' } };
		}
		const byEmail = this.contacts.find((contact) => body.email !== undefined && contact.email === body.email);
		const byUserId = this.contacts.find((contact) => body.userId !== undefined && contact.userId === body.userId);
		if (byEmail && byUserId && byEmail !== byUserId) {
			return { status: 409, body: { success: false, message: 'Email or userId is already on list.' } };
		}
		const target = byEmail ?? byUserId;
		if (!target) {
			if (typeof body.email !== 'string' || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(body.email)) {
				return { status: 400, body: { success: false, message: 'Invalid email address.' } };
			}
			const fresh = Object.fromEntries(Object.entries(body).filter(([, value]) => value !== null));
			const id = `clmock${String(this.nextId++).padStart(6, '0')}`;
			this.contacts.push({ ...(fresh as Omit<LoopsContact, 'id'>), id, email: body.email });
			return { status: 200, body: { success: true, id } };
		}
		for (const [key, value] of Object.entries(body)) {
			if (key === 'mailingLists' && value && typeof value === 'object') {
				target.mailingLists = { ...(target.mailingLists as object), ...(value as object) };
			} else if (value === null) {
				delete target[key];
			} else {
				target[key] = value;
			}
		}
		return { status: 200, body: { success: true, id: target.id } };
	}

	private create(request: RecordedRequest): MockReply {
		const body = request.body as Record<string, unknown> | undefined;
		if (!body || typeof body !== 'object') return { status: 400, body: { success: false, message: 'Invalid JSON body.' } };
		const email = body.email;
		if (typeof email !== 'string' || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) {
			return { status: 400, body: { success: false, message: 'Invalid email address.' } };
		}
		const duplicate = this.contacts.some(
			(contact) => contact.email === email || (body.userId !== undefined && contact.userId === body.userId),
		);
		if (duplicate) return { status: 409, body: { success: false, message: 'Email or userId is already on list.' } };
		const id = `clmock${String(this.nextId++).padStart(6, '0')}`;
		this.contacts.push({ ...(body as Omit<LoopsContact, 'id'>), id, email });
		return { status: 200, body: { success: true, id } };
	}
}
