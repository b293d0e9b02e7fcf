// Redis and PostgreSQL for the queue-mode test, from Debian's packages: installed when missing,
// started on loopback ports in a temporary folder, and stopped by their own process ids.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, openSync, readdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

const POSTGRES_LIB = '/usr/lib/postgresql';

function postgresBin() {
	if (!existsSync(POSTGRES_LIB)) return undefined;
	const version = readdirSync(POSTGRES_LIB).sort((a, b) => Number(b) - Number(a))[0];
	const bin = version && join(POSTGRES_LIB, version, 'bin');
	return bin && existsSync(join(bin, 'postgres')) ? bin : undefined;
}

const redisBin = () => ['/usr/bin/redis-server', '/usr/local/bin/redis-server'].find((path) => existsSync(path));

/** Installs redis-server and postgresql from Debian's packages when either is missing (needs root). */
export function ensureServicePackages(log) {
	const missing = [...(redisBin() ? [] : ['redis-server']), ...(postgresBin() ? [] : ['postgresql'])];
	if (missing.length === 0) return;
	if (process.getuid?.() !== 0) throw new Error(`${missing.join(' and ')} missing; install them (apt-get install ${missing.join(' ')}) or run as root`);
	log(`installing ${missing.join(', ')} from Debian's packages`);
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
	const install = () => spawnSync('apt-get', ['install', '-y', '--no-install-recommends', ...missing], { env, stdio: ['ignore', 'ignore', 'inherit'] }).status === 0;
	if (!install()) {
		execFileSync('apt-get', ['update'], { env, stdio: ['ignore', 'ignore', 'inherit'] });
		if (!install()) throw new Error(`apt-get install ${missing.join(' ')} failed`);
	}
}

/** A free loopback port. */
export async function freePort() {
	return await new Promise((resolve, reject) => {
		const server = createServer();
		server.on('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address();
			server.close(() => resolve(port));
		});
	});
}

async function waitFor(what, probe, timeoutMs = 60_000) {
	const deadline = Date.now() + timeoutMs;
	while (!(await probe())) {
		if (Date.now() > deadline) throw new Error(`${what} did not start within ${timeoutMs / 1000} s`);
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
}

/** PostgreSQL refuses to run as root: as root, it runs as Debian's postgres user. */
function postgresUser() {
	if (process.getuid?.() !== 0) return {};
	const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
	const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
	return { uid, gid };
}

/** Starts PostgreSQL (trust auth on 127.0.0.1, user n8n) in `dir`; resolves with its process and port. */
export async function startPostgres(dir) {
	const bin = postgresBin();
	const user = postgresUser();
	const data = join(dir, 'pgdata');
	mkdirSync(data, { recursive: true });
	if (user.uid !== undefined) chownSync(dir, user.uid, user.gid), chownSync(data, user.uid, user.gid);
	const initdb = spawnSync(join(bin, 'initdb'), ['-D', data, '-U', 'n8n', '--auth=trust', '--encoding=UTF8'], { ...user, stdio: ['ignore', 'ignore', 'inherit'] });
	if (initdb.status !== 0) throw new Error('initdb failed');
	const port = await freePort();
	const child = spawn(join(bin, 'postgres'), ['-D', data, '-p', String(port), '-k', dir, '-c', 'listen_addresses=127.0.0.1', '-c', 'fsync=off'], {
		...user,
		// Its log to a file: a pipe that nothing reads would stall PostgreSQL once it fills.
		stdio: ['ignore', 'ignore', openSync(join(dir, 'postgres.log'), 'a')],
	});
	const ready = join(bin, 'pg_isready');
	await waitFor('PostgreSQL', async () => spawnSync(ready, ['-h', '127.0.0.1', '-p', String(port), '-U', 'n8n'], { stdio: 'ignore' }).status === 0);
	return { child, port, bin, user, database: 'postgres' };
}

/** psql as n8n on the test's database: its output as text (unaligned, no headers). */
export function psql(postgres, sql) {
	return execFileSync(join(postgres.bin, 'psql'), ['-h', '127.0.0.1', '-p', String(postgres.port), '-U', 'n8n', '-d', postgres.database, '-At', '-c', sql]).toString();
}

/** Everything in the database as text (pg_dump), to look for secrets stored in the clear. */
export function dumpDatabase(postgres) {
	return execFileSync(join(postgres.bin, 'pg_dump'), ['-h', '127.0.0.1', '-p', String(postgres.port), '-U', 'n8n', '-d', postgres.database], { maxBuffer: 512 * 1024 * 1024 }).toString();
}

/** Starts Redis on a loopback port with nothing saved to disk; resolves with its process and port. */
export async function startRedis(dir) {
	const port = await freePort();
	const child = spawn(redisBin(), ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir], { stdio: ['ignore', 'pipe', 'inherit'] });
	let output = '';
	child.stdout.on('data', (chunk) => (output += chunk));
	await waitFor('Redis', async () => /Ready to accept connections/.test(output));
	return { child, port };
}

/** Stops a process started here by its own id, and waits until it is gone. */
export async function stopProcess(child, signal = 'SIGTERM', timeoutMs = 30_000) {
	if (!child || child.exitCode !== null || child.signalCode !== null) return;
	const exited = new Promise((resolve) => child.once('exit', resolve));
	process.kill(child.pid, signal);
	const timer = setTimeout(() => child.exitCode === null && child.signalCode === null && process.kill(child.pid, 'SIGKILL'), timeoutMs);
	await exited;
	clearTimeout(timer);
}
