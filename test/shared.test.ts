import type { INode } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { parseLoopsError } from '../nodes/Loops/errors';
import { checkBaseUrl } from '../nodes/shared/baseUrl';
import { buildVendorApiError, describeUnparsedBody, errorItemJson, readHttpFailure } from '../nodes/shared/errors';
import {
	isCalendarDate,
	keyValuePairsToObject,
	parseDateInput,
	parseJsonObject,
	toIdList,
	toIsoString,
	toUnixSeconds,
} from '../nodes/shared/mapping';
import { DEFAULT_RETRY, isRetryable, retryAfterMs, retryDelayMs } from '../nodes/shared/transport';
import { ItemChecks } from '../nodes/shared/validation';

const node: INode = {
	id: '1',
	name: 'Loops',
	type: 'n8n-nodes-contacts.loops',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};

describe('retry policy', () => {
	const noHeaders = { headers: {}, message: '' };
	const now = Date.UTC(2026, 10, 24, 12, 0, 0);

	test('retries 429, 5xx and network failures; never other 4xx', () => {
		expect(isRetryable({ ...noHeaders, httpCode: 429 })).toBe(true);
		expect(isRetryable({ ...noHeaders, httpCode: 500 })).toBe(true);
		expect(isRetryable({ ...noHeaders, httpCode: 504 })).toBe(true);
		expect(isRetryable({ ...noHeaders, networkCode: 'ECONNRESET' })).toBe(true);
		expect(isRetryable({ ...noHeaders, networkCode: 'ECONNABORTED' })).toBe(true);
		for (const httpCode of [400, 401, 403, 404, 405, 409, 422]) {
			expect(isRetryable({ ...noHeaders, httpCode })).toBe(false);
		}
		expect(isRetryable({ ...noHeaders, networkCode: 'ENOTFOUND' })).toBe(false);
	});

	test('Retry-After in seconds or as an HTTP date comes first', () => {
		expect(retryAfterMs({ 'retry-after': '3' }, now)).toBe(3000);
		expect(retryAfterMs({ 'retry-after': new Date(now + 5000).toUTCString() }, now)).toBe(5000);
		expect(retryAfterMs({ 'retry-after': 'soon' }, now)).toBeUndefined();
		const reset = () => 9000;
		expect(retryDelayMs(1, { ...noHeaders, headers: { 'retry-after': '2' } }, { rateLimitResetMs: reset }, DEFAULT_RETRY, now)).toBe(2000);
	});

	test("then the vendor's rate-limit reset header", () => {
		const reset = ({ headers }: { headers: Record<string, string> }, nowMs: number) =>
			headers['x-ratelimit-reset'] ? Number(headers['x-ratelimit-reset']) * 1000 - nowMs : undefined;
		const failure = { ...noHeaders, httpCode: 429, headers: { 'x-ratelimit-reset': String(now / 1000 + 4) } };
		expect(retryDelayMs(1, failure, { rateLimitResetMs: reset }, DEFAULT_RETRY, now)).toBe(4000);
		// ...only for a 429: a 500 that happens to carry the header backs off as usual.
		expect(retryDelayMs(1, { ...failure, httpCode: 500 }, { rateLimitResetMs: reset }, DEFAULT_RETRY, now, () => 0)).toBe(500);
	});

	test('else capped exponential backoff, half fixed and half random', () => {
		const retry = { ...DEFAULT_RETRY, baseDelayMs: 1000, maxDelayMs: 5000 };
		const low = (attempt: number) => retryDelayMs(attempt, noHeaders, {}, retry, now, () => 0);
		const high = (attempt: number) => retryDelayMs(attempt, noHeaders, {}, retry, now, () => 1);
		expect([1, 2, 3, 4, 5].map(low)).toEqual([500, 1000, 2000, 2500, 2500]);
		expect([1, 2, 3, 4, 5].map(high)).toEqual([1000, 2000, 4000, 5000, 5000]);
	});
});

describe('dates', () => {
	test.each([
		['2024-01-08', '2024-01-08T00:00:00.000Z'],
		['2024-01-08T09:30:00', '2024-01-08T09:30:00.000Z'],
		['2024-01-08 09:30', '2024-01-08T09:30:00.000Z'],
		['2024-01-08T09:30:00.123+02:00', '2024-01-08T07:30:00.123Z'],
		['2024-01-08T09:30:00Z', '2024-01-08T09:30:00.000Z'],
		[1704711066, '2024-01-08T10:51:06.000Z'],
		[1704711066000, '2024-01-08T10:51:06.000Z'],
		['1704711066', '2024-01-08T10:51:06.000Z'],
		[new Date('2024-01-08T10:51:06Z'), '2024-01-08T10:51:06.000Z'],
	])('%p is read as %s', (input, iso) => {
		expect(parseDateInput(input)?.toISOString()).toBe(iso);
	});

	test.each(['2024-02-30', '2024-13-01', 'next tuesday', '', '08/01/2024', true, {}, Number.NaN])(
		'%p is not a date',
		(input) => {
			expect(parseDateInput(input)).toBeUndefined();
		},
	);

	test('written as each vendor documents', () => {
		const date = new Date('2024-01-08T10:51:06.789Z');
		expect(toUnixSeconds(date)).toBe(1704711066);
		expect(toIsoString(date)).toBe('2024-01-08T10:51:06.789Z');
		expect(isCalendarDate('2024-02-29')).toBe(true);
		expect(isCalendarDate('2023-02-29')).toBe(false);
	});
});

describe('mapping', () => {
	test('name/value lists become objects; empty and repeated names are refused', () => {
		expect(keyValuePairsToObject(node, 3, 'Extra', [{ name: 'a', value: 1 }, { name: ' b ', value: 'x' }])).toEqual({ a: 1, b: 'x' });
		expect(() => keyValuePairsToObject(node, 3, 'Extra', [{ name: '', value: 1 }])).toThrow('Extra: entry 1 has no name [item 3]');
		expect(() => keyValuePairsToObject(node, 3, 'Extra', [{ name: 'a' }, { name: 'a' }])).toThrow('Extra: "a" is given more than once [item 3]');
	});

	test('JSON text becomes an object, with a clear error otherwise', () => {
		expect(parseJsonObject(node, 0, 'Body', '{"a": 1}')).toEqual({ a: 1 });
		expect(parseJsonObject(node, 0, 'Body', { a: 1 })).toEqual({ a: 1 });
		expect(parseJsonObject(node, 0, 'Body', '  ')).toEqual({});
		expect(() => parseJsonObject(node, 4, 'Body', '{a: 1')).toThrow('Body: is not valid JSON [item 4]');
		expect(() => parseJsonObject(node, 4, 'Body', '"text"')).toThrow('Body: must be a JSON object, but is a string [item 4]');
	});

	test('ID lists come as lists or comma-separated text', () => {
		expect(toIdList(['a', 'b'])).toEqual(['a', 'b']);
		expect(toIdList('a, b,,c')).toEqual(['a', 'b', 'c']);
		expect(toIdList('')).toEqual([]);
		expect(toIdList(undefined)).toEqual([]);
	});
});

describe('validation', () => {
	const check = new ItemChecks(node, 7);

	test('every rule names the field, the rule and the item', () => {
		expect(() => check.requiredString('Email', '')).toThrow('Email: is required but empty [item 7]');
		expect(() => check.email('Email', 'a@b')).toThrow('Email: "a@b" is not a valid email address [item 7]');
		expect(() => check.oneOf('Role', 'admin', ['user', 'lead'])).toThrow('Role: must be one of user, lead, but is "admin" [item 7]');
		expect(() => check.integer('Owner ID', '12.5')).toThrow('Owner ID: must be a whole number, but is 12.5 [item 7]');
		expect(() => check.url('Avatar', 'ftp://x')).toThrow('Avatar: "ftp://x" is not a web address');
		expect(() => check.calendarDate('Birthday', '1990-02-31')).toThrow('Birthday: "1990-02-31" is not a real date in the format YYYY-MM-DD [item 7]');
		expect(() => check.maxLength('Name', 'x'.repeat(11), 10)).toThrow('Name: is 11 characters long; the limit is 10 [item 7]');
		expect(() => check.flatScalars('Attributes', { a: [1] }, false)).toThrow('Attributes: "a" is a list');
		const thrown = (() => {
			try {
				check.requiredString('Email', undefined);
			} catch (error) {
				return error;
			}
			return undefined;
		})();
		// Fails if nothing is thrown, too.
		expect(thrown).toBeInstanceOf(NodeOperationError);
		expect((thrown as NodeOperationError).context.itemIndex).toBe(7);
	});

	test('values that are right pass through, converted where the field says so', () => {
		expect(check.optionalString('Name', 42)).toBe('42');
		expect(check.optionalString('Name', '')).toBeUndefined();
		expect(check.integer('Owner ID', '12')).toBe(12);
		expect(check.boolean('Flag', 'true')).toBe(true);
	});
});

describe('base URL rule', () => {
	test('https anywhere, http only to this machine', () => {
		expect(checkBaseUrl('https://app.loops.so/api/v1/')).toBe('https://app.loops.so/api/v1');
		expect(checkBaseUrl('http://127.0.0.1:3000/api/v1')).toBe('http://127.0.0.1:3000/api/v1');
		expect(checkBaseUrl('http://localhost:3000')).toBe('http://localhost:3000');
		expect(() => checkBaseUrl('http://example.com/api')).toThrow('must start with https://');
		expect(() => checkBaseUrl('ftp://example.com')).toThrow('must start with https://');
		expect(() => checkBaseUrl('https://user:pw@example.com')).toThrow('must not contain a user name or password');
		expect(() => checkBaseUrl('not a url')).toThrow('is not a valid URL');
		expect(() => checkBaseUrl('')).toThrow('is empty');
	});
});

describe('errors', () => {
	test("a request helper's error is read without its request headers", () => {
		const helperError = {
			message: 'Bad request',
			httpCode: '400',
			cause: {
				message: 'Request failed with status code 400',
				code: 'ERR_BAD_REQUEST',
				config: { headers: { Authorization: 'Bearer secret-value' } },
				response: { status: 400, data: { success: false, message: 'Nope' }, headers: { 'X-Request-Id': 'r1' } },
			},
		};
		const failure = readHttpFailure(helperError);
		expect(failure).toEqual({
			httpCode: 400,
			body: { success: false, message: 'Nope' },
			headers: { 'x-request-id': 'r1' },
			networkCode: undefined,
			message: 'Request failed with status code 400',
		});

		const error = buildVendorApiError(node, failure, { message: 'Nope', code: 'bad', field: 'email', requestId: 'r1' }, { service: 'Loops', itemIndex: 2 });
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toBe('Nope');
		expect(error.httpCode).toBe('400');
		expect(error.description).toBe('Loops answered HTTP 400, code: bad, field: email, request id: r1.');
		expect(error.context).toMatchObject({ itemIndex: 2, httpCode: '400', code: 'bad', field: 'email', requestId: 'r1' });
		expect(JSON.stringify(errorItemJson(error))).not.toContain('secret-value');
		expect(errorItemJson(error)).toEqual({
			error: 'Nope',
			details: {
				description: 'Loops answered HTTP 400, code: bad, field: email, request id: r1.',
				httpCode: '400',
				code: 'bad',
				field: 'email',
				requestId: 'r1',
				itemIndex: 2,
			},
		});
	});

	test('network failures and bodies that are not JSON get readable messages', () => {
		const reset = readHttpFailure({ message: 'x', cause: { code: 'ECONNRESET', message: 'socket hang up' } });
		expect(buildVendorApiError(node, reset, undefined, { service: 'Loops' }).message).toBe(
			'The connection was closed before an answer arrived (Loops)',
		);
		expect(describeUnparsedBody('<!DOCTYPE html><html>', 502)).toBe('The service answered with an HTML page (HTTP 502)');
		expect(describeUnparsedBody('', 500)).toBe('Empty answer (HTTP 500)');
		expect(describeUnparsedBody('upstream timeout', 504)).toBe('upstream timeout (HTTP 504)');
	});

	test('Loops error bodies in every shape the docs and SDKs show', () => {
		expect(parseLoopsError({ success: false, message: 'An error message' })).toEqual({ message: 'An error message' });
		expect(parseLoopsError({ error: 'Invalid API key' })).toEqual({ message: 'Invalid API key' });
		expect(parseLoopsError({ error: { message: 'Nested' } })).toEqual({ message: 'Nested' });
		expect(parseLoopsError({ success: false })).toBeUndefined();
		expect(parseLoopsError('<html>')).toBeUndefined();
	});
});

describe('secret scan', () => {
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const { findLeaks } = require('./harness/secretScan') as {
		findLeaks: (records: object[]) => { leaks: Array<{ label: string }>; secrets: number; texts: number };
	};

	test('finds a registered credential value anywhere in a recorded text, and nothing when it is absent', () => {
		const secret = ['plant', 'ed', 'value', '42'].join('-');
		expect(findLeaks([{ secrets: [secret] }, { label: 'clean', text: 'nothing here' }]).leaks).toEqual([]);
		expect(findLeaks([{ secrets: [secret] }, { label: 'dirty', text: `Authorization: Bearer ${secret}` }]).leaks).toEqual([
			{ label: 'dirty', secret: 'plan…' },
		]);
	});

	test("log lines written through n8n's Logger are captured", async () => {
		const { logMark, logsSince, captureLogs, n8nLogger } = await import('./harness/scanRecorder');
		captureLogs();
		const mark = logMark();
		(n8nLogger().debug as (message: string) => void)('probe line');
		expect(logsSince(mark).join('\n')).toContain('probe line');
	});
});
