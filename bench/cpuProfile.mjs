// Reads a V8 .cpuprofile (node --cpu-prof) and says where the CPU went within a time window: self
// time by part (this package, n8n's credential and expression code, the HTTP client, Node's own
// network code, garbage collection) and the busiest functions.
import { readFileSync } from 'node:fs';

/** Which part of the process a profile node's code belongs to, from its script URL. */
export function partOf(url, functionName) {
	if (functionName === '(garbage collector)') return 'garbage collection';
	if (functionName === '(idle)') return 'idle (waiting for the network)';
	if (functionName === '(program)') return 'V8 / native (program)';
	if (!url) return 'V8 / native (program)';
	if (url.includes('/n8n-nodes-contacts/')) return 'this package';
	if (/\/(axios|follow-redirects|proxy-from-env|form-data)\//.test(url)) return 'HTTP client (axios)';
	if (url.includes('/@n8n/backend-network/')) return 'n8n outbound HTTP (backend-network)';
	if (url.includes('/n8n-core/') && /request-helper|request-helpers/.test(url)) return 'n8n request helpers';
	if (url.includes('/n8n/dist/credentials') || url.includes('/n8n-core/dist/credentials')) return 'n8n credentials (read, decrypt)';
	if (/\/(n8n-workflow)\//.test(url) && /expression|Expression|extensions|tmpl|esprima|recast/.test(url)) return 'n8n expressions';
	if (/\/(@n8n\/tournament|@n8n\/expression|js-base64|luxon|esprima-next|recast|ast-types)\//.test(url)) return 'n8n expressions';
	if (url.includes('/n8n-workflow/')) return 'n8n-workflow (other)';
	if (url.includes('/n8n-core/')) return 'n8n-core (other)';
	if (/\/(typeorm|sqlite3|@n8n\/typeorm|@n8n\/db)\//.test(url)) return 'database';
	if (url.includes('/n8n/dist/')) return 'n8n app (other)';
	if (url.startsWith('node:')) return /node:(_http|http|net|dns|tls|stream|internal\/(http|net|stream|dns|streams|tls))/.test(url) ? 'Node network and streams' : 'Node other';
	return 'other packages';
}

/**
 * Self time per part and per function, in ms, for samples between `fromEpochMs` and `toEpochMs`.
 * `profileStartEpochMs` is when profiling began in wall-clock time (the profile's own clock is
 * monotonic): the process's spawn time is close enough for windows of seconds.
 */
export function summarize(file, profileStartEpochMs, fromEpochMs = -Infinity, toEpochMs = Infinity) {
	const profile = JSON.parse(readFileSync(file, 'utf8'));
	const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
	const parts = new Map();
	const functions = new Map();
	let at = profile.startTime;
	let total = 0;
	for (let i = 0; i < profile.samples.length; i++) {
		const delta = profile.timeDeltas[i] ?? 0;
		at += delta;
		const epoch = profileStartEpochMs + (at - profile.startTime) / 1000;
		if (epoch < fromEpochMs || epoch > toEpochMs) continue;
		const node = nodes.get(profile.samples[i]);
		const { url, functionName, lineNumber } = node.callFrame;
		const ms = delta / 1000;
		total += ms;
		const part = partOf(url, functionName);
		parts.set(part, (parts.get(part) ?? 0) + ms);
		const short = url ? url.replace(/^.*node_modules\//, '').replace(/^file:\/\//, '') : '';
		const key = `${functionName || '(anonymous)'} ${short}:${lineNumber + 1}`;
		functions.set(key, (functions.get(key) ?? 0) + ms);
	}
	const sorted = (map) => [...map.entries()].sort((a, b) => b[1] - a[1]);
	return { totalMs: total, parts: sorted(parts), functions: sorted(functions) };
}
