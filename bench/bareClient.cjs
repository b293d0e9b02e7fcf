// The measured floor of a bench: what a bare Node http client (no n8n, no node, no mapping) takes
// per round of `parallel` requests against the same mock, on this machine, now. The theoretical
// floor (latency per round) misses what loopback and timers add to every answer here.
const http = require('http');

/** Milliseconds per round of `parallel` GETs, over `rounds` rounds, to any path of the mock. */
async function bareClientRoundMs(baseUrl, parallel, rounds) {
	const agent = new http.Agent({ keepAlive: false }); // as n8n's request helper: a connection per request
	const once = () =>
		new Promise((resolve, reject) => {
			http.get(`${baseUrl}/bench-floor`, { agent }, (response) => response.resume().on('end', resolve)).on('error', reject);
		});
	let sent = 0;
	const started = performance.now();
	await Promise.all(
		Array.from({ length: parallel }, async () => {
			while (sent++ < rounds * parallel) await once();
		}),
	);
	return (performance.now() - started) / rounds;
}

/**
 * What a bare client takes to walk a cursor-paged listing (Intercom's GET /contacts): one page
 * after another, `perPage` each, reading the next cursor from each answer. Resolves with the time,
 * the pages and the entries read.
 */
async function bareClientWalk(baseUrl, headers, perPage) {
	const agent = new http.Agent({ keepAlive: false });
	const page = (cursor) =>
		new Promise((resolve, reject) => {
			const url = `${baseUrl}/contacts?per_page=${perPage}${cursor ? `&starting_after=${encodeURIComponent(cursor)}` : ''}`;
			http
				.get(url, { agent, headers }, (response) => {
					const chunks = [];
					response.on('data', (chunk) => chunks.push(chunk));
					response.on('end', () => resolve(JSON.parse(Buffer.concat(chunks).toString('utf8'))));
				})
				.on('error', reject);
		});
	const started = performance.now();
	let pages = 0;
	let entries = 0;
	let cursor;
	do {
		const answer = await page(cursor);
		pages++;
		entries += answer.data.length;
		cursor = answer.pages?.next?.starting_after;
	} while (cursor);
	return { ms: performance.now() - started, pages, entries };
}

module.exports = { bareClientRoundMs, bareClientWalk };
