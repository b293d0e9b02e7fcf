// Runs vendor mocks in a process of their own (bench:n8n), so n8n's process and the mocks do not
// share an event loop or a CPU: a real vendor is another machine. Driven over IPC by bench/n8n.mjs.
const { join } = require('path');
require('./register-ts.cjs');

const mocks = new Map();

const ops = {
	/** Starts one mock: { name, file, className, args, latencyMs, set }; answers its base URL. */
	async start({ name, file, className, args, latencyMs, set = {} }) {
		const Mock = require(join(__dirname, '..', 'test', 'mocks', file))[className];
		const mock = new Mock(...args);
		await mock.start();
		mock.server.latencyMs = latencyMs;
		Object.assign(mock, set);
		mocks.set(name, mock);
		return mock.baseUrl;
	},
	/** Calls a method of one mock, e.g. expireTokensAfter(500). */
	call({ name, method, args = [] }) {
		return mocks.get(name)[method](...args);
	},
	/** Requests each mock received within each time window, and SFMC's token requests. */
	count({ windows }) {
		return windows.map(({ name, from, to }) => {
			const requests = mocks.get(name).server.requests.filter((request) => request.receivedAt >= from && request.receivedAt <= to);
			return {
				requests: requests.length,
				refused: requests.filter((request) => request.answeredWith !== undefined && request.answeredWith >= 400).length,
			};
		});
	},
	tokens({ name }) {
		return mocks.get(name).tokenRequests;
	},
	async stop() {
		for (const mock of mocks.values()) await mock.stop();
		setImmediate(() => process.exit(0));
	},
};

// Never outlive the bench that started it.
process.on('disconnect', () => process.exit(0));

process.on('message', async ({ id, op, ...message }) => {
	try {
		process.send({ id, result: await ops[op](message) });
	} catch (error) {
		process.send({ id, error: String(error && error.stack) });
	}
});
