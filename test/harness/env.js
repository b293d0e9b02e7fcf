// n8n-core reads these when it first loads: without them it writes ~/.n8n/config with a fresh
// encryption key and may abort on a mismatch. Each jest worker gets its own throw-away folder.
const fs = require('fs');
const os = require('os');
const path = require('path');

process.env.N8N_USER_FOLDER = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-nodes-contacts-'));
process.env.N8N_ENCRYPTION_KEY = 'test-only-encryption-key';
process.env.N8N_LOG_LEVEL = 'silent';
process.env.N8N_DIAGNOSTICS_ENABLED = 'false';
