const fs = require('fs');
const os = require('os');
const path = require('path');

module.exports = async () => {
	process.env.CONTACTS_SCAN_DIR = fs.mkdtempSync(path.join(os.tmpdir(), 'contacts-secret-scan-'));
};
