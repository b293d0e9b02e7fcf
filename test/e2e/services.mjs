// Redis and PostgreSQL for the queue-mode test, from the environment only: nothing is installed.
// Given ones first (REDIS_URL, POSTGRES_URL), else redis-server and PostgreSQL's initdb/postgres
// found on PATH (or in Debian's /usr/lib/postgresql/<version>/bin), started on loopback ports in a
// temporary folder and stopped by their own process ids. PostgreSQL is queried through the `pg`
// client n8n itself ships (in the e2e runtime), so no psql or pg_dump is needed either.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chownSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { join } from 'node:path';

import { findExecutable, RUNTIME } from './lib.mjs';

/** Debian keeps PostgreSQL's server programs off PATH, one folder per major version. */
function debianPostgresDirs() {
	const lib = '/usr/lib/postgresql';
	if (!existsSync(lib)) return [];
	return readdirSync(lib)
		.sort((a, b) => Number(b) - Number(a))
		.map((version) => join(lib, version, 'bin'));
}

/** PostgreSQL refuses to run as root: as root it runs as a `postgres` user, if the system has one. */
function postgresUser() {
	if (process.getuid?.() !== 0) return {};
	const passwd = existsSync('/etc/passwd') ? readFileSync('/etc/passwd', 'utf8') : '';
	const entry = passwd.split('\n').map((line) => line.split(':')).find((fields) => fields[0] === 'postgres');
	return entry ? { uid: Number(entry[2]), gid: Number(entry[3]) } : undefined;
}

/** What to tell someone who has neither: how to give or get each service. */
export const SERVICES_HELP = [
	'The queue-mode test needs Redis and PostgreSQL. It installs nothing; give it running ones, or have their programs on PATH:',
	'  - given:  REDIS_URL=redis://127.0.0.1:6379  POSTGRES_URL=postgres://user:password@127.0.0.1:5432/postgres',
	'            (it creates its own database on that server and drops it afterwards; a user that may CREATE DATABASE)',
	'  - found:  redis-server, and initdb + postgres (PostgreSQL 13 or newer) on PATH; it starts private copies on free loopback ports',
	'            Debian/Ubuntu: apt-get install redis-server postgresql   macOS: brew install redis postgresql@16   (Docker: see ci.yml\'s services)',
].join('\n');

/**
 * Which services this machine offers: `{ redis, postgres }`, each `{ given: URL }` or `{ bin }`,
 * or `{ missing: reason }`.
 */
export function findServices() {
	const redis = process.env.REDIS_URL
		? { given: new URL(process.env.REDIS_URL) }
		: (() => {
				const bin = findExecutable('redis-server', ['/usr/sbin', '/usr/local/bin', '/opt/homebrew/bin']);
				return bin ? { bin } : { missing: 'no REDIS_URL, and no redis-server on PATH' };
			})();
	const postgres = process.env.POSTGRES_URL
		? { given: new URL(process.env.POSTGRES_URL) }
		: (() => {
				const initdb = findExecutable('initdb', debianPostgresDirs());
				if (!initdb) return { missing: 'no POSTGRES_URL, and no initdb on PATH' };
				const bin = join(initdb, '..');
				if (!existsSync(join(bin, 'postgres'))) return { missing: `initdb found (${initdb}) without postgres beside it` };
				const user = postgresUser();
				if (!user) return { missing: 'running as root, and PostgreSQL refuses root: the system has no postgres user to run it as' };
				return { bin, user };
			})();
	return { redis, postgres };
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

/** n8n's own PostgreSQL client, from the e2e runtime. */
function pgClient(config) {
	const { Client } = createRequire(join(RUNTIME, 'package.json'))('pg');
	return new Client(config);
}

async function withClient(config, work) {
	const client = pgClient(config);
	await client.connect();
	try {
		return await work(client);
	} finally {
		await client.end();
	}
}

/** A PostgreSQL for one run: { host, port, user, password, database, query(sql), dump(), stop() }. */
function postgresHandle(connection, stop) {
	return {
		...connection,
		/** The rows of a query, each as an array of its values. */
		query: async (sql) => await withClient(connection, async (client) => (await client.query({ text: sql, rowMode: 'array' })).rows),
		/** Every row of every table of the run's database as text, to look for secrets stored in the clear. */
		dump: async () =>
			await withClient(connection, async (client) => {
				const tables = (await client.query(`select table_schema, table_name from information_schema.tables where table_schema not in ('pg_catalog', 'information_schema') and table_type = 'BASE TABLE'`)).rows;
				const parts = [];
				for (const { table_schema: schema, table_name: table } of tables) {
					const rows = (await client.query(`select t::text as row from "${schema}"."${table}" t`)).rows;
					parts.push(`-- ${schema}.${table}`, ...rows.map((row) => row.row));
				}
				return parts.join('\n');
			}),
		stop,
	};
}

/** Starts PostgreSQL (trust auth on 127.0.0.1, user n8n) in `dir` from the programs found. */
async function startOwnPostgres(found, dir) {
	const { bin, user } = found;
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
	const connection = { host: '127.0.0.1', port, user: 'n8n', password: '', database: 'postgres' };
	await waitFor('PostgreSQL', async () => {
		if (child.exitCode !== null) throw new Error(`postgres exited with ${child.exitCode} (log: ${join(dir, 'postgres.log')})`);
		return await withClient(connection, async () => true).catch(() => false);
	});
	return postgresHandle(connection, async () => await stopProcess(child, 'SIGINT'));
}

/** A fresh database on a given server, dropped when the run stops. */
async function useGivenPostgres(url) {
	const server = {
		host: url.hostname,
		port: Number(url.port || 5432),
		user: decodeURIComponent(url.username),
		password: decodeURIComponent(url.password),
		database: decodeURIComponent(url.pathname.slice(1)) || 'postgres',
	};
	const database = `contacts_queue_${randomBytes(4).toString('hex')}`;
	await withClient(server, async (client) => await client.query(`create database ${database}`));
	const connection = { ...server, database };
	return postgresHandle(connection, async () => {
		await withClient(server, async (client) => await client.query(`drop database if exists ${database} with (force)`)).catch(() => undefined);
	});
}

/** Starts Redis on a loopback port with nothing saved to disk. */
async function startOwnRedis(found, dir) {
	const port = await freePort();
	const child = spawn(found.bin, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir], { stdio: ['ignore', 'pipe', 'inherit'] });
	let output = '';
	child.stdout.on('data', (chunk) => (output += chunk));
	await waitFor('Redis', async () => {
		if (child.exitCode !== null) throw new Error(`redis-server exited with ${child.exitCode}`);
		return /Ready to accept connections/.test(output);
	});
	return { host: '127.0.0.1', port, password: '', stop: async () => await stopProcess(child) };
}

/**
 * The run's Redis and PostgreSQL: `{ redis, postgres, describe }`; each has `stop()`. The Bull
 * queue gets its own key prefix, so a given Redis can be shared with other things.
 */
export async function startServices(found, dir) {
	const postgres = found.postgres.given ? await useGivenPostgres(found.postgres.given) : await startOwnPostgres(found.postgres, join(dir, 'postgres'));
	const redisUrl = found.redis.given;
	const redis = redisUrl
		? { host: redisUrl.hostname, port: Number(redisUrl.port || 6379), password: decodeURIComponent(redisUrl.password), stop: async () => undefined }
		: await startOwnRedis(found.redis, dir);
	const describe = `PostgreSQL ${found.postgres.given ? 'given' : 'started here'} on ${postgres.host}:${postgres.port} (database ${postgres.database}), Redis ${redisUrl ? 'given' : 'started here'} on ${redis.host}:${redis.port}`;
	return { postgres, redis, bullPrefix: `contacts-queue-${randomBytes(4).toString('hex')}`, describe };
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
