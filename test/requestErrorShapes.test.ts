// The failure `httpRequestWithAuthentication` throws, as each n8n line builds it: both lines catch
// the request layer's axios error and throw `new NodeApiError(node, error)`, with their own
// n8n-workflow. n8n-workflow 1.x's class field `cause` resets the native cause, so the axios error
// is gone and only `httpCode`, `context.data` and `messages` remain; 2.x keeps it as `cause`.
// Real axios requests against a loopback mock, wrapped by each line's real NodeApiError.
import axios from 'axios';
import type { INode } from 'n8n-workflow';
import { NodeApiError as NodeApiError2x } from 'n8n-workflow';
import { NodeApiError as NodeApiError1x } from 'n8n-workflow-1x';

import { readHttpFailure } from '../nodes/shared/errors';
import { MockServer } from './mocks/server';

const node: INode = { id: '1', name: 'Loops', type: 'n8n-nodes-contacts.loops', typeVersion: 1, position: [0, 0], parameters: {} };

const LINES = [
	['n8n 1.x', NodeApiError1x],
	['n8n 2.x', NodeApiError2x],
] as const;

let server: MockServer;
beforeAll(async () => {
	server = new MockServer(() => ({ status: 409, body: { success: false, message: 'Email or userId is already on list.' } }));
	await server.start();
});
afterAll(async () => await server.stop());

/** What n8n's helper throws for one request: the axios error wrapped by that line's NodeApiError. */
async function helperFailure(NodeApiError: typeof NodeApiError1x | typeof NodeApiError2x): Promise<unknown> {
	try {
		await axios({ method: 'POST', url: `${server.url}/contacts/create`, data: { email: 'a@example.com' } });
	} catch (error) {
		// eslint-disable-next-line @typescript-eslint/no-explicit-any
		return new (NodeApiError as any)(node, error);
	}
	throw new Error('the request did not fail');
}

describe.each(LINES)('the request helper error of %s', (_line, NodeApiError) => {
	test("a vendor's 409: the status and the vendor's body are read", async () => {
		const failure = readHttpFailure(await helperFailure(NodeApiError));

		expect(failure.httpCode).toBe(409);
		expect(failure.body).toEqual({ success: false, message: 'Email or userId is already on list.' });
		expect(failure.networkCode).toBeUndefined();
	});

	test('a connection closed after the request was sent: no status, and a network code (the answer is unknown)', async () => {
		server.injectFault({ status: 0, reset: true });

		const failure = readHttpFailure(await helperFailure(NodeApiError));

		expect(failure.httpCode).toBeUndefined();
		expect(failure.networkCode).toBe('ECONNRESET');
	});

	test('a connection refused: its network code', async () => {
		let thrown: unknown;
		try {
			await axios({ method: 'POST', url: 'http://127.0.0.1:1/contacts', data: {} });
		} catch (error) {
			// eslint-disable-next-line @typescript-eslint/no-explicit-any
			thrown = new (NodeApiError as any)(node, error);
		}

		expect(readHttpFailure(thrown).networkCode).toBe('ECONNREFUSED');
	});

	test('a credential that refuses the request (no request made): neither status nor network code', () => {
		// eslint-disable-next-line @typescript-eslint/no-explicit-any
		const failure = readHttpFailure(new (NodeApiError as any)(node, new Error('This credential sends its key only to https://app.loops.so')));

		expect(failure.httpCode).toBeUndefined();
		expect(failure.networkCode).toBeUndefined();
		expect(failure.message).toContain('sends its key only to');
	});
});
