// The secret scan behind every suite: each run's outputs, errors and captured log lines are
// appended (one JSON line each) to files in CONTACTS_SCAN_DIR, with the credential values the
// suites used; after all suites, jest's globalTeardown fails the run if any value appears.
const fs = require('fs');
const path = require('path');

function readRecords(dir) {
	const records = [];
	for (const file of fs.existsSync(dir) ? fs.readdirSync(dir) : []) {
		for (const line of fs.readFileSync(path.join(dir, file), 'utf8').split('\n')) {
			if (line.trim() !== '') records.push(JSON.parse(line));
		}
	}
	return records;
}

/** Every (record, secret) pair where the secret's value occurs in the record's text. */
function findLeaks(records) {
	const secrets = new Set(records.flatMap((record) => record.secrets ?? []).filter((value) => value.length >= 6));
	const leaks = [];
	for (const record of records) {
		if (record.text === undefined) continue;
		for (const secret of secrets) {
			if (record.text.includes(secret)) leaks.push({ label: record.label, secret: `${secret.slice(0, 4)}…` });
		}
	}
	return { leaks, secrets: secrets.size, texts: records.filter((record) => record.text !== undefined).length };
}

module.exports = { readRecords, findLeaks };
