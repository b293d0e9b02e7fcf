// Runs one vendor mock in its own thread, so the bench measures the node's CPU and not the mock's
// (a real vendor is another machine). The main thread drives it with small messages.
const { parentPort, workerData } = require('worker_threads');
require('./register-ts.cjs');

const { modulePath, className, args } = workerData;
const Mock = require(modulePath)[className];
const mock = new Mock(...args);

function setPath(target, path, value) {
	const keys = path.split('.');
	const last = keys.pop();
	for (const key of keys) target = target[key];
	target[last] = value;
}

function getPath(target, path) {
	return path.split('.').reduce((value, key) => value[key], target);
}

function stats(createPath) {
	const requests = mock.server.requests;
	const creates = requests.filter((request) => request.method === 'POST' && request.path === createPath);
	const seen = new Map();
	for (const request of creates) seen.set(request.rawBody, (seen.get(request.rawBody) ?? 0) + 1);
	const resent = [...seen.values()].reduce((sum, count) => sum + count - 1, 0);
	return { requests: requests.length, creates: creates.length, resent };
}

parentPort.on('message', async ({ id, op, path, value, method, createPath, emails }) => {
	try {
		let result;
		if (op === 'start') {
			await mock.start();
			result = mock.baseUrl;
		} else if (op === 'stop') result = await mock.stop();
		else if (op === 'set') setPath(mock, path, value);
		else if (op === 'get') result = getPath(mock, path);
		else if (op === 'call') result = await getPath(mock, method).call(method.includes('.') ? getPath(mock, method.split('.').slice(0, -1).join('.')) : mock);
		else if (op === 'stats') result = stats(createPath);
		else if (op === 'seed') result = mock.seedContacts(emails);
		else if (op === 'stored') {
			const stored = mock.storedEmails();
			result = { contacts: stored.length, duplicates: stored.length - new Set(stored).size };
		}
		parentPort.postMessage({ id, result });
	} catch (error) {
		parentPort.postMessage({ id, error: String(error && error.stack) });
	}
});
