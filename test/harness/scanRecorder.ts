/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals */
import { appendFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { inspect } from 'node:util';

// The Logger n8n-core's contexts use (`this.logger`): n8n-core's own copies of @n8n/di and
// @n8n/backend-common, reached through n8n-core's resolution.
const coreRequire = createRequire(require.resolve('n8n-core'));
const { Container } = coreRequire('@n8n/di') as { Container: { get: (type: unknown) => Record<string, unknown> } };
const { Logger } = coreRequire('@n8n/backend-common') as { Logger: unknown };

const logLines: string[] = [];
let installed = false;

/** Records every log call made through n8n's Logger (the call still goes through). */
export function captureLogs(): void {
	if (installed) return;
	installed = true;
	const logger = Container.get(Logger);
	for (const level of ['error', 'warn', 'info', 'debug']) {
		const original = logger[level] as (...args: unknown[]) => unknown;
		logger[level] = (...args: unknown[]) => {
			logLines.push(`${level} ${inspect(args, { depth: 8 })}`);
			return original.apply(logger, args);
		};
	}
}

/** n8n's Logger, as node contexts get it (`this.logger`). */
export function n8nLogger(): Record<string, unknown> {
	return Container.get(Logger);
}

/** Log lines captured since the given mark. */
export function logsSince(mark: number): string[] {
	return logLines.slice(mark);
}

export function logMark(): number {
	return logLines.length;
}

function write(record: object): void {
	const dir = process.env.CONTACTS_SCAN_DIR;
	if (!dir) return;
	appendFileSync(join(dir, `${process.pid}.jsonl`), `${JSON.stringify(record)}\n`);
}

/** The credential values a suite uses, for the scan after all suites. */
export function registerSecrets(values: string[]): void {
	write({ secrets: values.filter((value) => typeof value === 'string' && value.length > 0) });
}

/** Something a user could see (an output, an error, a log line) for the scan after all suites. */
export function recordForScan(label: string, value: unknown): void {
	write({ label, text: typeof value === 'string' ? value : inspect(value, { depth: 14, showHidden: true }) });
}
