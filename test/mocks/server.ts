/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
	method: string;
	path: string;
	query: Record<string, string>;
	headers: http.IncomingHttpHeaders;
	rawBody: string;
	body: unknown;
	/** When it arrived (ms since epoch). */
	receivedAt: number;
	/** The status it was answered with; undefined for a reset or a hang. */
	answeredWith?: number;
}

export interface MockReply {
	status: number;
	body?: unknown;
	/** Sent as-is instead of JSON (HTML error pages, plain text). */
	raw?: string;
	headers?: Record<string, string>;
	/** Close the socket without answering (a connection reset). */
	reset?: boolean;
	/** Never answer (the client's timeout fires). */
	hang?: boolean;
	delayMs?: number;
	/**
	 * Act on the request first, as the vendor would (store the contact), then send this reply
	 * instead of the real answer: the answer is lost after the vendor acted.
	 */
	afterActing?: boolean;
}

export type MockHandler = (request: RecordedRequest) => MockReply;

interface QueuedFault {
	reply: MockReply;
	remaining: number;
	matches: (request: RecordedRequest) => boolean;
}

/**
 * A real HTTP server on 127.0.0.1 (random port) for one vendor: it records every request, answers
 * through the vendor's handler, and can be told to answer the next N matching requests with a
 * fault instead (429, 5xx, HTML, reset, hang).
 */
export class MockServer {
	readonly requests: RecordedRequest[] = [];
	/** Added to every answer, to model network and vendor latency (bench). */
	latencyMs = 0;
	private readonly faults: QueuedFault[] = [];
	private readonly server: http.Server;
	private readonly sockets = new Set<import('node:net').Socket>();
	private origin = '';

	constructor(private readonly handler: MockHandler) {
		this.server = http.createServer((req, res) => this.receive(req, res));
		this.server.keepAliveTimeout = 1000;
		this.server.on('connection', (socket) => {
			this.sockets.add(socket);
			socket.on('close', () => this.sockets.delete(socket));
		});
	}

	get url(): string {
		return this.origin;
	}

	async start(): Promise<string> {
		await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
		const { port } = this.server.address() as AddressInfo;
		this.origin = `http://127.0.0.1:${port}`;
		return this.origin;
	}

	async stop(): Promise<void> {
		for (const socket of this.sockets) socket.destroy();
		await new Promise<void>((resolve) => this.server.close(() => resolve()));
	}

	/** Answer the next `times` requests (optionally only those to `path`, or those `when` picks) with `reply`. */
	injectFault(
		reply: MockReply,
		options: { times?: number; path?: string; method?: string; when?: (request: RecordedRequest) => boolean } = {},
	): void {
		this.faults.push({
			reply,
			remaining: options.times ?? 1,
			matches: (request) =>
				(options.path === undefined || request.path === options.path) &&
				(options.method === undefined || request.method === options.method) &&
				(options.when === undefined || options.when(request)),
		});
	}

	requestsTo(method: string, path: string): RecordedRequest[] {
		return this.requests.filter((request) => request.method === method && request.path === path);
	}

	clear(): void {
		this.requests.length = 0;
		this.faults.length = 0;
	}

	private receive(req: http.IncomingMessage, res: http.ServerResponse): void {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => {
			const url = new URL(req.url ?? '/', 'http://mock');
			const rawBody = Buffer.concat(chunks).toString('utf8');
			let body: unknown = undefined;
			if (rawBody !== '') {
				try {
					body = JSON.parse(rawBody);
				} catch {
					body = rawBody;
				}
			}
			const request: RecordedRequest = {
				method: req.method ?? 'GET',
				path: url.pathname,
				query: Object.fromEntries(url.searchParams.entries()),
				headers: req.headers,
				rawBody,
				body,
				receivedAt: Date.now(),
			};
			this.requests.push(request);
			const fault = this.faults.find((candidate) => candidate.remaining > 0 && candidate.matches(request));
			if (fault) fault.remaining--;
			if (fault?.reply.afterActing) this.handler(request);
			const reply = fault ? fault.reply : this.handler(request);
			if (!reply.reset && !reply.hang) request.answeredWith = reply.status;
			const delay = (reply.delayMs ?? 0) + this.latencyMs;
			if (delay > 0) setTimeout(() => this.send(req, res, reply), delay);
			else this.send(req, res, reply);
		});
	}

	private send(req: http.IncomingMessage, res: http.ServerResponse, reply: MockReply): void {
		if (reply.hang) return;
		if (reply.reset) {
			req.socket.destroy();
			return;
		}
		const isRaw = reply.raw !== undefined;
		const payload = isRaw ? (reply.raw as string) : reply.body === undefined ? '' : JSON.stringify(reply.body);
		res.writeHead(reply.status, {
			...(payload !== '' ? { 'Content-Type': isRaw ? 'text/html; charset=utf-8' : 'application/json' } : {}),
			...reply.headers,
		});
		res.end(payload);
	}
}

/**
 * What every vendor mock shares: one MockServer answering through the vendor's `handle`, its
 * base URL (with the vendor's path prefix), start/stop, and the recorded requests with that
 * prefix removed, filtered by method and path.
 */
export abstract class VendorMock {
	readonly server = new MockServer((request) => this.handle(request));
	/** Where the vendor's API lives on its host (Loops: /api/v1); `requests()` strips it. */
	protected readonly pathPrefix: string = '';

	get baseUrl(): string {
		return `${this.server.url}${this.pathPrefix}`;
	}

	async start(): Promise<string> {
		await this.server.start();
		return this.baseUrl;
	}

	async stop(): Promise<void> {
		await this.server.stop();
	}

	requests(method?: string, path?: string): RecordedRequest[] {
		return this.server.requests
			.map((request) => ({ ...request, path: request.path.replace(this.pathPrefix, '') }))
			.filter((request) => (method ? request.method === method : true) && (path ? request.path === path : true));
	}

	/** Forgets requests, contacts and injected faults: a clean vendor for the next test. */
	abstract reset(): void;

	protected abstract handle(request: RecordedRequest): MockReply;
}
