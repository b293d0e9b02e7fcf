// The credential tests through n8n's own REST API (what the editor's Test button calls), on every
// n8n line: each sandbox credential tests OK against its mock, and the wrong-secret Marketing
// Cloud credential and the wrong-token Intercom credential are refused with our messages. n8n
// 1.x's tester reads the status from the error's `cause`, which 1.x's own NodeApiError drops, so a
// credential's `rules` never apply there: a refused key shows n8n's generic message on 1.x.
import { N8N_LINE, restSession } from './lib.mjs';

const N8N_1X_GENERIC = /^Authorization failed - please check your credentials$/;

const EXPECTED = [
	{ id: 'loopsCred', ok: true },
	{ id: 'intercomCred', ok: true },
	{ id: 'sfmcCred', ok: true },
	{ id: 'voyadoCred', ok: true },
	{ id: 'sfmcWrongCred', ok: false, message: N8N_LINE === '1' ? N8N_1X_GENERIC : /^Marketing Cloud refused the Client ID or Client Secret/ },
	{
		id: 'intercomWrongCred',
		ok: false,
		message: N8N_LINE === '1' ? N8N_1X_GENERIC : /^Access Token Invalid: check the token, and that the region matches your workspace$/,
	},
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
		const refusal = N8N_LINE === '1' ? "is refused (n8n 1.x's own message)" : 'is refused with our message';
		results.push({ name: `credential test through n8n's REST API: ${id} ${ok ? 'tests OK' : refusal}`, ok: passed, detail });
	}
	return results;
}
