const { findLeaks, readRecords } = require('./secretScan');

module.exports = async () => {
	const { leaks, secrets, texts } = findLeaks(readRecords(process.env.CONTACTS_SCAN_DIR));
	process.stdout.write(`\nSecret scan: ${texts} outputs, errors and log captures checked against ${secrets} credential values: ${leaks.length} found.\n`);
	if (leaks.length > 0) {
		throw new Error(`Credential values leaked into outputs, errors or logs: ${JSON.stringify(leaks.slice(0, 20))}`);
	}
};
