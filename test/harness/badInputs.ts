import type { INodeParameters } from 'n8n-workflow';

import type { RunResult } from './engine';
import type { MockServer } from '../mocks/server';

/** One bad input: its name, the node parameters that carry it, and the message it must get. */
export type BadInput = [name: string, parameters: INodeParameters, message: RegExp];

/**
 * Each case is refused before anything is sent: a NodeOperationError naming the field, the rule
 * and item 0, and no request at the vendor's mock.
 */
export function refusedBeforeSending(
	vendor: string,
	run: (operation: string, parameters: INodeParameters) => Promise<RunResult>,
	server: MockServer,
	tables: Array<[operation: string, cases: BadInput[]]>,
): void {
	describe.each(tables)(`${vendor} > %s: bad input is refused before anything is sent`, (operation, cases) => {
		test.each(cases)('%s', async (_name, parameters, message) => {
			const result = await run(operation, parameters);

			expect(result.error?.name).toBe('NodeOperationError');
			expect(result.error?.message).toMatch(message);
			expect(result.error?.message).toMatch(/\[item 0\]$/);
			expect(server.requests).toEqual([]);
		});
	});
}
