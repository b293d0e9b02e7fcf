import type { MockReply, RecordedRequest } from './server';
import { VendorMock } from './server';

export type IntercomContact = Record<string, unknown> & { id: string; role: string };

let requestCounter = 0;
const requestId = () => `mock-req-${++requestCounter}`;

function errorList(code: string, message?: string, field?: string) {
	return {
		type: 'error.list',
		request_id: requestId(),
		errors: [{ code, ...(message ? { message } : {}), ...(field ? { field } : {}) }],
	};
}

/**
 * Intercom as ../shared/specs/intercom-and-loops.md section 1.10 describes it: Bearer check (401
 * error.list without rate-limit headers), 406 without a JSON Accept header, POST /contacts with
 * 400 parameter_invalid (empty body, unknown owner), 409 conflict naming the existing id, 200 with
 * the contact; a fixed window with X-RateLimit-Limit/-Remaining/-Reset and 429
 * rate_limit_exceeded; GET /me, /admins, /data_attributes and /contacts/{id}.
 */
export class IntercomMock extends VendorMock {
	readonly contacts: IntercomContact[] = [];
	readonly admins = [
		{ type: 'admin', id: '991267466', name: 'Ada Admin', email: 'ada@company.example', has_inbox_seat: true, team_ids: [] },
		{ type: 'admin', id: '991267467', name: '', email: 'bo@company.example', has_inbox_seat: false, team_ids: [] },
	];
	readonly dataAttributes = [
		{ type: 'data_attribute', name: 'email', full_name: 'email', label: 'Email', data_type: 'string', custom: false, api_writable: true, archived: false },
		{ type: 'data_attribute', id: 1, name: 'plan', full_name: 'custom_attributes.plan', label: 'Plan', description: 'Billing plan', data_type: 'string', custom: true, api_writable: true, archived: false },
		{ type: 'data_attribute', id: 2, name: 'seats', full_name: 'custom_attributes.seats', label: 'Seats', data_type: 'integer', custom: true, api_writable: true, archived: false },
		{ type: 'data_attribute', id: 3, name: 'monthly_spend', full_name: 'custom_attributes.monthly_spend', label: 'Monthly spend', data_type: 'float', custom: true, api_writable: true, archived: false },
		{ type: 'data_attribute', id: 4, name: 'paid_subscriber', full_name: 'custom_attributes.paid_subscriber', label: 'Paid subscriber', data_type: 'boolean', custom: true, api_writable: true, archived: false },
		{ type: 'data_attribute', id: 5, name: 'trial_ends', full_name: 'custom_attributes.trial_ends', label: 'Trial ends', data_type: 'date', custom: true, api_writable: true, archived: false },
		{ type: 'data_attribute', id: 6, name: 'old_field', full_name: 'custom_attributes.old_field', label: 'Old field', data_type: 'string', custom: true, api_writable: true, archived: true },
		{ type: 'data_attribute', id: 7, name: 'messenger_only', full_name: 'custom_attributes.messenger_only', label: 'Messenger only', data_type: 'string', custom: true, api_writable: false, archived: false },
	];
	/** Requests per 10-second window (Intercom's 1,000/min private-app figure gives 167). */
	windowLimit = 167;

	/** Leads merged into a user (POST /contacts/merge), by their old id. */
	readonly merged: string[] = [];
	/** Window length; Intercom's is 10 s, tests may shorten it. */
	windowMs = 10_000;
	/** How far the server's clock is ahead of this machine's (negative: behind); Date and X-RateLimit-Reset follow it. */
	clockSkewMs = 0;
	/** Search shows a contact only this long after its creation ("Contact Creation Delay", spec 1.4). */
	searchLagMs = 0;
	private windowStart = Date.now();
	private windowCount = 0;
	private nextId = 1;

	constructor(readonly token: string) {
		super();
	}


	/** Users that exist before a run (bench, tests). */
	seedContacts(emails: string[]): void {
		for (const email of emails) {
			this.contacts.push({ type: 'contact', id: `seed${String(this.nextId++).padStart(8, '0')}`, role: 'user', email, created_at: 1, custom_attributes: {} });
		}
	}

	/** The email of every stored contact, duplicates included. */
	storedEmails(): string[] {
		return this.contacts.map((contact) => String(contact.email));
	}

	reset(): void {
		this.server.clear();
		this.contacts.length = 0;
		this.merged.length = 0;
		this.windowCount = 0;
		this.windowStart = Date.now();
		this.windowLimit = 167;
		this.windowMs = 10_000;
		this.clockSkewMs = 0;
		this.searchLagMs = 0;
		this.pagesServed = 0;
	}

	private rateHeaders(): Record<string, string> {
		const now = Date.now() + this.clockSkewMs;
		// Fixed windows aligned to the clock, so X-RateLimit-Reset (whole seconds) is exact.
		const windowStart = Math.floor(now / this.windowMs) * this.windowMs;
		if (windowStart !== this.windowStart) {
			this.windowStart = windowStart;
			this.windowCount = 0;
		}
		this.windowCount++;
		return {
			'X-RateLimit-Limit': String(this.windowLimit),
			'X-RateLimit-Remaining': String(Math.max(0, this.windowLimit - this.windowCount)),
			'X-RateLimit-Reset': String(Math.ceil((this.windowStart + this.windowMs) / 1000)),
			Date: new Date(now).toUTCString(),
		};
	}

	protected handle(request: RecordedRequest): MockReply {
		if (request.headers.authorization !== `Bearer ${this.token}`) {
			return { status: 401, body: errorList('unauthorized', 'Access Token Invalid') };
		}
		const accept = request.headers.accept ?? '';
		if (!/application\/json|\*\/\*/.test(accept)) {
			return { status: 406, body: errorList('not_acceptable', 'The Accept header must allow application/json') };
		}
		const headers = this.rateHeaders();
		if (this.windowCount > this.windowLimit) {
			return { status: 429, headers, body: errorList('rate_limit_exceeded', `Exceeded rate limit of ${this.windowLimit} in 10_seconds`) };
		}
		return { ...this.route(request), headers };
	}

	private route(request: RecordedRequest): MockReply {
		const { method, path } = request;
		if (method === 'GET' && path === '/me') {
			return { status: 200, body: { type: 'admin', id: '991267466', email: 'ada@company.example', name: 'Ada Admin', app: { type: 'app', id_code: 'abc123', name: 'Mock app', region: 'US' } } };
		}
		if (method === 'GET' && path === '/admins') return { status: 200, body: { type: 'admin.list', admins: this.admins } };
		if (method === 'GET' && path === '/data_attributes') {
			if (request.query.model !== 'contact') return { status: 400, body: errorList('parameter_invalid', 'model must be contact', 'model') };
			return { status: 200, body: { type: 'list', data: this.dataAttributes } };
		}
		const single = /^\/contacts\/([^/]+)$/.exec(path);
		if (method === 'GET' && single) {
			const contact = this.contacts.find((candidate) => candidate.id === decodeURIComponent(single[1]));
			return contact ? { status: 200, body: contact } : { status: 404, body: errorList('not_found', 'User Not Found') };
		}
		if (method === 'GET' && path === '/contacts') return this.list(request);
		if (method === 'POST' && path === '/contacts') return this.create(request);
		if (method === 'POST' && path === '/contacts/search') return this.search(request);
		if (method === 'PUT' && single) return this.update(decodeURIComponent(single[1]), request);
		if (method === 'POST' && path === '/contacts/merge') return this.merge(request);
		if (method === 'DELETE' && single) return this.remove(decodeURIComponent(single[1]));
		const archive = /^\/contacts\/([^/]+)\/archive$/.exec(path);
		if (method === 'POST' && archive) return this.archive(decodeURIComponent(archive[1]));
		return { status: 404, body: errorList('not_found', 'The requested resource does not exist; check your path and try again') };
	}

	/**
	 * PUT /contacts/{id} (contact-lifecycle.md 1.1): 404 for an unknown id; 400 for turning a user into
	 * a lead; 409 when the new email or external_id is another user's; null clears a nullable field;
	 * only the fields sent change.
	 */
	private update(id: string, request: RecordedRequest): MockReply {
		const contact = this.contacts.find((candidate) => candidate.id === id);
		if (!contact) return { status: 404, body: errorList('not_found', 'Contact Not Found') };
		const body = (request.body ?? {}) as Record<string, unknown>;
		if (body.role === 'lead' && contact.role === 'user') {
			return { status: 400, body: errorList('client_error', "Contact with user role can't be converted to a lead") };
		}
		const clash = this.contacts.find(
			(other) =>
				other !== contact &&
				other.role === 'user' &&
				((body.email !== undefined && other.email === body.email) || (body.external_id !== undefined && other.external_id === body.external_id)),
		);
		if (clash) return { status: 409, body: errorList('conflict', `A contact matching those details already exists with id=${clash.id}`) };
		for (const [key, value] of Object.entries(body)) {
			if (key === 'custom_attributes' && value && typeof value === 'object') {
				contact.custom_attributes = { ...(contact.custom_attributes as object), ...(value as object) };
			} else {
				contact[key] = value;
			}
		}
		contact.updated_at = Math.floor((Date.now() + this.clockSkewMs) / 1000);
		return { status: 200, body: contact };
	}

	/** DELETE /contacts/{id} (two-way-sync.md): a hard delete; 404 for an unknown id. */
	private remove(id: string): MockReply {
		const index = this.contacts.findIndex((contact) => contact.id === id);
		if (index < 0) return { status: 404, body: errorList('not_found', 'User Not Found') };
		const [contact] = this.contacts.splice(index, 1);
		return { status: 200, body: { id, external_id: contact.external_id ?? null, type: 'contact', deleted: true } };
	}

	/** POST /contacts/{id}/archive: the contact stays, marked archived; 404 for an unknown id. */
	private archive(id: string): MockReply {
		const contact = this.contacts.find((candidate) => candidate.id === id);
		if (!contact) return { status: 404, body: errorList('not_found', 'User Not Found') };
		contact.archived = true;
		return { status: 200, body: { id, external_id: contact.external_id ?? null, type: 'contact', archived: true } };
	}

	/**
	 * POST /contacts/merge (two-way-sync.md): `from` must be a lead and `into` a user; the lead is
	 * gone afterwards, and the user keeps its own values, taking the lead's where it has none.
	 */
	private merge(request: RecordedRequest): MockReply {
		const body = (request.body ?? {}) as { from?: string; into?: string };
		const lead = this.contacts.find((contact) => contact.id === body.from);
		const user = this.contacts.find((contact) => contact.id === body.into);
		if (!lead || !user) return { status: 404, body: errorList('not_found', 'Contact Not Found') };
		if (lead.role !== 'lead' || user.role !== 'user') return { status: 400, body: errorList('parameter_invalid', 'Can only merge a lead into a user') };
		user.custom_attributes = { ...(lead.custom_attributes as object), ...(user.custom_attributes as object) };
		this.contacts.splice(this.contacts.indexOf(lead), 1);
		this.merged.push(lead.id as string);
		return { status: 200, body: user };
	}

	/**
	 * One page of `matching` from the opaque cursor `startingAfter` (two-way-sync.md: per_page up to
	 * 150, `pages.next.starting_after` while more remain). An unknown cursor is a 400.
	 */
	private page(matching: IntercomContact[], perPage: number, startingAfter: string | undefined): MockReply {
		if (!Number.isInteger(perPage) || perPage < 1 || perPage > 150) {
			return { status: 400, body: errorList('parameter_invalid', 'per_page must be between 1 and 150', 'per_page') };
		}
		let offset = 0;
		if (startingAfter !== undefined) {
			const decoded = /^offset:(\d+)$/.exec(Buffer.from(startingAfter, 'base64').toString('utf8'));
			if (!decoded) return { status: 400, body: errorList('parameter_invalid', 'starting_after is not valid', 'starting_after') };
			offset = Number(decoded[1]);
		}
		const data = matching.slice(offset, offset + perPage);
		const end = offset + data.length;
		const totalPages = Math.ceil(matching.length / perPage);
		const next = end < matching.length ? { page: Math.floor(end / perPage) + 1, starting_after: Buffer.from(`offset:${end}`).toString('base64') } : undefined;
		this.pagesServed++;
		return {
			status: 200,
			body: { type: 'list', data, total_count: matching.length, pages: { type: 'pages', ...(next ? { next } : {}), page: Math.floor(offset / perPage) + 1, per_page: perPage, total_pages: totalPages } },
		};
	}

	/** Pages answered by the list and the search (bench, tests). */
	pagesServed = 0;

	/** GET /contacts: every contact, in order, cursor-paged (per_page default 10). */
	private list(request: RecordedRequest): MockReply {
		return this.page(this.contacts, Number(request.query.per_page ?? 10), request.query.starting_after);
	}

	/**
	 * POST /contacts/search: single filters and AND/OR groups of `=` and `>` filters (spec 1.4),
	 * cursor-paged (per_page default 50); contacts younger than the lag are not found yet.
	 */
	private search(request: RecordedRequest): MockReply {
		type Filter = { field?: string; operator?: string; value?: unknown };
		const body = request.body as { query?: Filter; sort?: { field?: string; order?: string }; pagination?: { per_page?: number; starting_after?: string } } | undefined;
		const query = body?.query;
		if (!query) return { status: 400, body: errorList('parameter_invalid', 'query is required', 'query') };
		const matches = (contact: IntercomContact, filter: Filter): boolean => {
			if (filter.operator === 'AND') return (filter.value as Filter[]).every((inner) => matches(contact, inner));
			if (filter.operator === 'OR') return (filter.value as Filter[]).some((inner) => matches(contact, inner));
			if (filter.operator === '>') return Number(contact[filter.field as string]) > Number(filter.value);
			if (filter.operator !== '=') throw new Error(`mock search supports only = and >, not ${filter.operator}`);
			return contact[filter.field as string] === filter.value;
		};
		const visibleBefore = Math.floor((Date.now() - this.searchLagMs) / 1000);
		const data = this.contacts.filter(
			(contact) => (this.searchLagMs === 0 || Number(contact.created_at) <= visibleBefore) && matches(contact, query),
		);
		const sort = body?.sort;
		if (sort?.field) {
			const direction = sort.order === 'descending' ? -1 : 1;
			data.sort((a, b) => direction * (Number(a[sort.field as string]) - Number(b[sort.field as string])));
		}
		return this.page(data, body?.pagination?.per_page ?? 50, body?.pagination?.starting_after);
	}

	private create(request: RecordedRequest): MockReply {
		const body = (request.body ?? {}) as Record<string, unknown>;
		if (body.email === undefined && body.external_id === undefined && body.role === undefined) {
			return { status: 400, body: errorList('parameter_invalid', 'Email, External ID or Role is required') };
		}
		if (body.owner_id !== undefined && !this.admins.some((admin) => Number(admin.id) === body.owner_id)) {
			return { status: 400, body: errorList('parameter_invalid', 'The owner specified is not a member of the workspace', 'owner_id') };
		}
		const role = (body.role as string | undefined) ?? 'user';
		const clash = this.contacts.find(
			(contact) =>
				contact.role === 'user' &&
				role === 'user' &&
				((body.email !== undefined && contact.email === body.email) ||
					(body.external_id !== undefined && contact.external_id === body.external_id)),
		);
		if (clash) {
			return { status: 409, body: errorList('conflict', `A contact matching those details already exists with id=${clash.id}`) };
		}
		const now = Math.floor(Date.now() / 1000);
		const contact: IntercomContact = {
			type: 'contact',
			id: `6762f0dd1bb69f9f2193${String(this.nextId++).padStart(4, '0')}`,
			workspace_id: 'ecahpwf5',
			external_id: body.external_id ?? null,
			role,
			email: body.email ?? null,
			phone: body.phone ?? null,
			name: body.name ?? null,
			avatar: body.avatar ? { type: 'avatar', image_url: body.avatar } : null,
			owner_id: body.owner_id ?? null,
			has_hard_bounced: false,
			marked_email_as_spam: false,
			unsubscribed_from_emails: body.unsubscribed_from_emails ?? false,
			created_at: Math.floor((Date.now() + this.clockSkewMs) / 1000),
			updated_at: now,
			signed_up_at: body.signed_up_at ?? null,
			last_seen_at: body.last_seen_at ?? null,
			custom_attributes: body.custom_attributes ?? {},
			tags: { type: 'list', data: [], url: '', total_count: 0, has_more: false },
		};
		this.contacts.push(contact);
		return { status: 200, body: contact };
	}
}
