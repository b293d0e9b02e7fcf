// Each vendor's package installed alone in a fresh n8n (a user folder holding only that package):
// n8n loads its node and credential, and the vendor's create workflow runs against the mock. The
// other checks run with the four installed together.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { credentialsFor, installPackedPackage, n8n, n8nOk, PACKAGE_OF, ROOT, runFromExecuteOutput, VENDOR_NODES, workflowFor } from './lib.mjs';

export async function aloneChecks(mocks) {
	const results = [];
	for (const vendor of Object.keys(PACKAGE_OF)) {
		const userFolder = mkdtempSync(join(tmpdir(), `contacts-alone-${vendor}-`));
		try {
			installPackedPackage(userFolder, ROOT, [vendor]);
			writeFileSync(join(userFolder, 'credentials.json'), JSON.stringify(credentialsFor(mocks).filter((credential) => credential.type in VENDOR_NODES[vendor].credential)));
			const workflow = workflowFor(vendor);
			writeFileSync(join(userFolder, 'workflow.json'), JSON.stringify({ ...workflow, id: `${workflow.id}Alone` }));
			await n8nOk(userFolder, ['import:credentials', `--input=${join(userFolder, 'credentials.json')}`]);
			await n8nOk(userFolder, ['import:workflow', `--input=${join(userFolder, 'workflow.json')}`]);
			const { stdout } = await n8n(userFolder, ['execute', `--id=${workflow.id}Alone`, '--rawOutput']);
			const run = runFromExecuteOutput(stdout);
			const output = run?.data?.resultData?.runData?.[VENDOR_NODES[vendor].name]?.[0]?.data?.main?.[0] ?? [];
			results.push({
				name: `${PACKAGE_OF[vendor]} installed alone: n8n loads its node and credential, and its create workflow runs`,
				ok: run?.status === 'success' && output.length === 3 && output.every((item) => item.json.error === undefined),
				detail: `status ${run?.status ?? 'no run'}, ${output.length} items${run ? '' : `: ${stdout.slice(-300)}`}`,
			});
		} catch (error) {
			results.push({ name: `${PACKAGE_OF[vendor]} installed alone`, ok: false, detail: error.message.slice(0, 300) });
		} finally {
			rmSync(userFolder, { recursive: true, force: true });
		}
	}
	return results;
}
