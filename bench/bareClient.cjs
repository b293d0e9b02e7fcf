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

module.exports = { bareClientRoundMs };
