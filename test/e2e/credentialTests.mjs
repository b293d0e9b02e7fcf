// The credential tests through n8n's own REST API (what the editor's Test button calls), on every
// n8n line: each sandbox credential tests OK against its mock, and the wrong-secret Marketing
// Cloud credential and the wrong-token Intercom credential are refused with our messages.
import { restSession } from './lib.mjs';

const EXPECTED = [
	{ id: 'loopsCred', ok: true },
	{ id: 'intercomCred', ok: true },
	{ id: 'sfmcCred', ok: true },
	{ id: 'voyadoCred', ok: true },
	{ id: 'sfmcWrongCred', ok: false },
	{ id: 'intercomWrongCred', ok: false, message: /Access Token Invalid: check the token, and that the region matches your workspace/ },
];

export async function credentialTestChecks(baseUrl) {
	const rest = await restSession(baseUrl);
	const results = [];
	// The wrong-token Intercom credential is imported by the errors part; with --only it may be absent.
	const present = new Set((await rest('GET', '/credentials')).data.map((credential) => credential.id));
	for (const { id, ok, message } of EXPECTED.filter((expected) => present.has(expected.id) || expected.id !== 'intercomWrongCred')) {
		let detail;
		let passed = false;
		try {
			const { data: credential } = await rest('GET', `/credentials/${id}?includeData=true`);
			const { data: answer } = await rest('POST', '/credentials/test', { credentials: { id, name: credential.name, type: credential.type, data: credential.data } });
			detail = `${answer.status}: ${answer.message}`;
			passed = ok ? answer.status === 'OK' : answer.status === 'Error' && (!message || message.test(answer.message));
		} catch (error) {
			detail = error.message.slice(0, 300);
		}
		results.push({ name: `credential test through n8n's REST API: ${id} ${ok ? 'tests OK' : 'is refused with our message'}`, ok: passed, detail });
	}
	return results;
}
