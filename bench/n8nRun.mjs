// What the real-n8n benches share (bench:n8n, bench:getmany): the mocks in a process of their own,
// a credential per mock, and `n8n execute` with the n8n process's peak memory sampled.
import { fork, spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { N8N_BIN, n8nEnv, NODE24_BIN, ROOT, runFromExecuteOutput, VENDOR_NODES } from '../test/e2e/lib.mjs';

/** The mocks' own process, driven over IPC (see mockProcess.cjs). */
export function startMockProcess() {
	const child = fork(join(ROOT, 'bench', 'mockProcess.cjs'), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
	let nextId = 0;
	const pending = new Map();
	child.on('message', ({ id, result, error }) => {
		const waiting = pending.get(id);
		pending.delete(id);
		if (error) waiting.reject(new Error(error));
		else waiting.resolve(result);
	});
	return {
		send: (op, message = {}) =>
			new Promise((resolve, reject) => {
				const id = ++nextId;
				pending.set(id, { resolve, reject });
				child.send({ id, op, ...message });
			}),
	};
}

// The mocks' own rate limits are lifted: these runs measure n8n and the node, not pacing (the
// in-process bench measures runs at the documented limits).
export const MOCK_CLASSES = {
	loops: { file: 'loops.ts', className: 'LoopsMock', args: ['bench-loops-key'], set: { rateLimitPerSecond: 1_000_000 } },
	intercom: { file: 'intercom.ts', className: 'IntercomMock', args: ['bench-intercom-token'], set: { windowLimit: 1_000_000 } },
	sfmc: { file: 'sfmc.ts', className: 'SfmcMock', args: ['bench-client', 'bench-client-secret'] },
	voyado: { file: 'voyado.ts', className: 'VoyadoMock', args: ['bench-voyado-key'], set: { rateLimitPerSecond: 1_000_000 } },
};

/** The credential of one mock, as a user would save it (plaintext; n8n encrypts it on import). */
export function credential(vendor, id, baseUrl) {
	const name = `${vendor} ${id}`;
	const data = {
		loops: { apiKey: 'bench-loops-key', baseUrl },
		intercom: { accessToken: 'bench-intercom-token', region: 'eu', baseUrl },
		sfmc: { subdomain: 'mc563885gzs27c5t9-63k636ttgm', clientId: 'bench-client', clientSecret: 'bench-client-secret', authBaseUrl: baseUrl, accessToken: '', restInstanceUrl: '' },
		voyado: { tenant: 'bench', apiKey: 'bench-voyado-key', baseUrlOverride: baseUrl },
	}[vendor];
	const type = Object.keys(VENDOR_NODES[vendor].credential)[0];
	return { id, name, type, data };
}

/** Runs `n8n execute` and samples the n8n process's peak memory (VmHWM) while it runs. */
export function execute(userFolder, workflowId, outputFile, profileDir) {
	return new Promise((resolve, reject) => {
		const profiler = profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`, '--cpu-prof-interval=200'] : [];
		const spawnedAt = Date.now();
		const child = spawn(join(NODE24_BIN, 'node'), [...profiler, N8N_BIN, 'execute', `--id=${workflowId}`, `--rawOutput`], {
			env: n8nEnv(userFolder, { N8N_LOG_LEVEL: 'info' }),
			stdio: ['ignore', 'pipe', 'inherit'],
		});
		const chunks = [];
		let peakKb = 0;
		const sample = () => {
			try {
				const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
				peakKb = Math.max(peakKb, Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0));
			} catch {
				// the process has ended
			}
		};
		const sampler = setInterval(sample, 200);
		child.stdout.on('data', (chunk) => chunks.push(chunk));
		child.on('error', reject);
		child.on('close', () => {
			clearInterval(sampler);
			const stdout = Buffer.concat(chunks).toString('utf8');
			writeFileSync(outputFile, stdout);
			const run = runFromExecuteOutput(stdout);
			if (!run) return reject(new Error(`n8n execute printed no JSON:\n${stdout.slice(-2000)}`));
			resolve({ run, peakMb: Math.round(peakKb / 1024), spawnedAt });
		});
	});
}
