/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals */
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';

export interface MockStats {
	requests: number;
	creates: number;
	resent: number;
}

/** A vendor mock running in a worker thread, driven by messages (see mockWorker.cjs). */
export class RemoteMock {
	private readonly worker: Worker;
	private nextId = 0;
	private readonly pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
	baseUrl = '';

	constructor(mockFile: string, className: string, args: unknown[]) {
		this.worker = new Worker(join(__dirname, 'mockWorker.cjs'), {
			workerData: { modulePath: join(__dirname, '..', 'test', 'mocks', mockFile), className, args },
		});
		this.worker.on('message', ({ id, result, error }: { id: number; result: unknown; error?: string }) => {
			const waiting = this.pending.get(id);
			this.pending.delete(id);
			if (error) waiting?.reject(new Error(error));
			else waiting?.resolve(result);
		});
	}

	private send<T>(message: object): Promise<T> {
		const id = ++this.nextId;
		return new Promise<T>((resolve, reject) => {
			this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
			this.worker.postMessage({ id, ...message });
		});
	}

	async start(): Promise<string> {
		this.baseUrl = await this.send<string>({ op: 'start' });
		return this.baseUrl;
	}

	async stop(): Promise<void> {
		await this.send({ op: 'stop' });
		await this.worker.terminate();
	}

	async set(path: string, value: unknown): Promise<void> {
		await this.send({ op: 'set', path, value });
	}

	async get<T>(path: string): Promise<T> {
		return await this.send<T>({ op: 'get', path });
	}

	async call(method: string): Promise<void> {
		await this.send({ op: 'call', method });
	}

	/** Makes contacts with these emails exist before a run. */
	async seed(emails: string[]): Promise<void> {
		await this.send({ op: 'seed', emails });
	}

	/** Contacts the mock holds, and how many of them share an email with another (should be none). */
	async stored(): Promise<{ contacts: number; duplicates: number }> {
		return await this.send({ op: 'stored' });
	}

	async stats(createPath: string): Promise<MockStats> {
		return await this.send<MockStats>({ op: 'stats', createPath });
	}
}
