// The browser check: a Chromium found on this machine (findChromium), driven by playwright-core
// (no browser download), opens the
// n8n editor, opens each vendor's node to see its Create Contact fields, opens every dropdown that
// loads from the account to see the mock's options listed, and opens each credential to see n8n's
// own credential test report success against the mock. One screenshot per node, per dropdown and
// per credential under the folder given.
import { createRequire } from 'node:module';
import { join } from 'node:path';

import { DROPDOWNS, dropdownWorkflowFor, findChromium, N8N_LINE, OWNER, OUTPUT_COLUMNS, REQUIRED, requiredWorkflowFor, RUNTIME, VENDOR_NODES, workflowFor } from './lib.mjs';

const { chromium } = createRequire(join(RUNTIME, 'package.json'))('playwright-core');


/** Field labels the Create Contact form must show, per vendor. */
const FIELDS = {
	loops: ['Email', 'Additional Fields', 'Custom Properties', 'Options'],
	intercom: ['Role', 'Email', 'External ID', 'Additional Fields', 'Custom Attributes', 'Options'],
	sfmc: ['Contact Key', 'Attribute Sets', 'Sets', 'Profile Attributes', 'Additional Fields', 'Options'],
	voyado: ['Contact Type', 'Key Field', 'Email', 'Additional Fields', 'Preferences', 'Consents', 'Sign-Up Details', 'Options'],
};
const CREDENTIALS = { loops: 'loopsCred', intercom: 'intercomCred', sfmc: 'sfmcCred', voyado: 'voyadoCred' };

/** Signs in as the instance owner, creating it on a fresh instance (a browser context or an API request context). */
export async function signIn(context, baseUrl) {
	const request = context.request ?? context;
	// n8n 1.x answers its readiness check before its REST routes are mounted (404 until then).
	let setup;
	for (let waited = 0; waited < 60_000; waited += 500) {
		setup = await request.post(`${baseUrl}/rest/owner/setup`, { data: OWNER });
		if (setup.status() !== 404) break;
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
	if (setup.ok()) return;
	const login = await request.post(`${baseUrl}/rest/login`, { data: { emailOrLdapLoginId: OWNER.email, email: OWNER.email, password: OWNER.password } });
	if (!login.ok()) throw new Error(`Could not sign in: ${login.status()} ${await login.text()}`);
}

/** Opens a credential in the editor and runs n8n's credential test again; resolves with its modal. */
async function runCredentialTest(page, baseUrl, credentialId) {
	await page.goto(`${baseUrl}/home/credentials/${credentialId}`);
	const modal = page.locator('[data-test-id="editCredential-modal"]').first();
	await modal.waitFor({ timeout: 15_000 });
	const retry = modal.getByRole('button', { name: /retry|test/i }).first();
	if (await retry.isVisible().catch(() => false)) await retry.click();
	return modal;
}

/** Opens a workflow and its vendor node's panel. */
async function openNode(page, baseUrl, workflowId, nodeName) {
	await page.goto(`${baseUrl}/workflow/${workflowId}`);
	const canvasNode = page.locator(`[data-test-id="canvas-node"][data-node-name="${nodeName}"]`).first();
	await canvasNode.waitFor({ timeout: 30_000 });
	await canvasNode.dblclick();
	const panel = page.locator('[data-test-id="ndv"]').first();
	await panel.waitFor({ timeout: 15_000 });
	return panel;
}

/**
 * Clicks the dropdown labelled `label` (the innermost parameter with that exact label) and returns
 * the names of the options it lists (n8n shows an option's name, then its description).
 */
async function dropdownOptions(page, panel, label, screenshotPath) {
	const item = panel.locator('.parameter-item').filter({ has: page.getByText(label, { exact: true }) }).last();
	await item.scrollIntoViewIfNeeded();
	// Click the select itself: a multi-select's inputs are covered by its tag area.
	const select = item.locator('.el-select').first();
	await select.click();
	// Only the list this select opened: another dropdown's list may still be in the page.
	const listId = await item.locator('[role="combobox"]').first().getAttribute('aria-controls');
	const options = page.locator(`[id="${listId}"] .el-select-dropdown__item`);
	await options.first().waitFor({ timeout: 15_000 }).catch(() => undefined);
	const names = (await options.allInnerTexts()).map((text) => text.split('\n')[0].trim());
	await page.screenshot({ path: screenshotPath });
	// Close it again (a multi-select's list can cover its own input: then Escape does it).
	await select.click({ timeout: 2_000 }).catch(async () => await page.keyboard.press('Escape'));
	return names;
}

/** Runs the open workflow from the editor, as a user would, and returns the vendor node's output table headers. */
async function outputTableColumns(page, baseUrl, workflowId, nodeName) {
	await page.goto(`${baseUrl}/workflow/${workflowId}`);
	const canvasNode = page.locator(`[data-test-id="canvas-node"][data-node-name="${nodeName}"]`).first();
	await canvasNode.waitFor({ timeout: 30_000 });
	await page.locator('[data-test-id="execute-workflow-button"]').first().click();
	const output = page.locator('[data-test-id="output-panel"]').first();
	// The run is done when the node's output table is there.
	for (let attempt = 0; attempt < 30; attempt += 1) {
		await page.waitForTimeout(1_000);
		await canvasNode.dblclick();
		if (await output.locator('table th').first().isVisible().catch(() => false)) break;
		await page.keyboard.press('Escape');
	}
	return (await output.locator('table th').allInnerTexts()).map((text) => text.trim()).filter((text) => text !== '');
}

/** Whether n8n marks the field labelled `label` with its parameter issue (a required field left empty). */
async function markedRequired(page, panel, label) {
	const item = panel.locator('.parameter-item').filter({ has: page.getByText(label, { exact: true }) }).last();
	await item.scrollIntoViewIfNeeded().catch(() => undefined);
	return await item.locator('[data-test-id="parameter-issues"]').first().isVisible().catch(() => false);
}

/** Launches the Chromium found, signs in as the owner, and runs `work` with a page; closes the browser after. */
async function withSignedInPage(baseUrl, work) {
	const browser = await chromium.launch({ executablePath: findChromium(), headless: true, args: ['--no-sandbox'] });
	try {
		const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
		await signIn(context, baseUrl);
		return await work(await context.newPage());
	} finally {
		await browser.close();
	}
}

export async function browserCheck(baseUrl, screenshotsDir) {
	const results = [];
	await withSignedInPage(baseUrl, async (page) => {
		for (const vendor of Object.keys(VENDOR_NODES)) {
			const node = VENDOR_NODES[vendor];
			const panel = await openNode(page, baseUrl, workflowFor(vendor).id, node.name);
			const missing = [];
			for (const label of FIELDS[vendor]) {
				const visible = await panel.getByText(label, { exact: true }).first().isVisible().catch(() => false);
				if (!visible) missing.push(label);
			}
			await page.screenshot({ path: join(screenshotsDir, `${vendor}-create-contact.png`) });
			results.push({ name: `browser: ${node.name} shows its Create Contact fields`, ok: missing.length === 0, detail: missing.length ? `missing ${missing.join(', ')}` : `${FIELDS[vendor].length} fields` });

			const dropdownPanel = await openNode(page, baseUrl, dropdownWorkflowFor(vendor).id, node.name);
			for (const [index, { label, options }] of DROPDOWNS[vendor].fields.entries()) {
				const screenshot = join(screenshotsDir, `${vendor}-dropdown-${index + 1}.png`);
				const listed = await dropdownOptions(page, dropdownPanel, label, screenshot).catch((error) => [`(${error.message.split('\n')[0]})`]);
				// An option shows its name, then its description: while the list animates, innerText can
				// join the two without a line break, so a name is found as the start of an entry.
				const missing = options.filter((option) => !listed.some((entry) => entry === option || entry.startsWith(option)));
				results.push({
					name: `browser: ${node.name} > ${label} lists the account's options from the mock`,
					ok: missing.length === 0,
					detail: missing.length ? `missing ${missing.join(', ')}; listed ${listed.join(', ') || 'nothing'}` : listed.join(', '),
				});
			}

			if (vendor === 'loops' || vendor === 'intercom') {
				// The custom row names no Type: it starts as Automatic, and its Value is plain text.
				const typeItem = dropdownPanel.locator('.parameter-item').filter({ has: page.getByText('Type', { exact: true }) }).last();
				await typeItem.scrollIntoViewIfNeeded().catch(() => undefined);
				const typeShown = (await typeItem.locator('input').first().inputValue().catch(() => '')) || (await typeItem.innerText().catch(() => ''));
				await page.screenshot({ path: join(screenshotsDir, `${vendor}-custom-type-automatic.png`) });
				results.push({
					name: `browser: ${node.name}'s custom value row starts with Type Automatic (it follows the account's type)`,
					ok: /Automatic/.test(typeShown),
					detail: typeShown.replace(/\s+/g, ' ').trim(),
				});
			}

			const requiredPanel = await openNode(page, baseUrl, requiredWorkflowFor(vendor).id, node.name);
			await page.waitForTimeout(1_000);
			const unmarked = [];
			for (const label of REQUIRED[vendor].labels) if (!(await markedRequired(page, requiredPanel, label))) unmarked.push(label);
			const notice = REQUIRED[vendor].notice;
			const noticeShown = notice ? await requiredPanel.getByText(notice).first().isVisible().catch(() => false) : true;
			await page.screenshot({ path: join(screenshotsDir, `${vendor}-required-fields.png`) });
			results.push({
				name: `browser: ${node.name} marks its empty required fields${notice ? ' and shows its Email-or-External-ID notice' : ''}`,
				ok: unmarked.length === 0 && noticeShown,
				detail: unmarked.length ? `not marked: ${unmarked.join(', ')}` : `${REQUIRED[vendor].labels.join(', ') || 'notice'}${noticeShown ? '' : '; notice missing'}`,
			});

			const columns = await outputTableColumns(page, baseUrl, workflowFor(vendor).id, node.name).catch((error) => [`(${error.message.split('\n')[0]})`]);
			await page.screenshot({ path: join(screenshotsDir, `${vendor}-output-table.png`) });
			results.push({
				name: `browser: ${node.name}'s output table shows the documented columns (the contacts exist now: outcome existing)`,
				ok: columns.join(',') === OUTPUT_COLUMNS[vendor].join(','),
				detail: columns.join(', '),
			});

			const modal = await runCredentialTest(page, baseUrl, CREDENTIALS[vendor]);
			const success = modal.getByText(/Connection tested successfully/i).first();
			const ok = await success.waitFor({ timeout: 20_000 }).then(() => true, () => false);
			await page.screenshot({ path: join(screenshotsDir, `${vendor}-credential-test.png`) });
			results.push({ name: `browser: the ${node.name} credential test reports success against the mock`, ok });
		}

		// A wrong client secret: the test names the Client ID and Client Secret, not just "Unauthorized".
		const modal = await runCredentialTest(page, baseUrl, 'sfmcWrongCred');
		// n8n shows "Couldn't connect with these settings"; the test's own message is under "More details".
		const details = modal.getByText(/More details/i).first();
		if (await details.waitFor({ timeout: 20_000 }).then(() => true, () => false)) await details.click();
		// n8n 1.x's credential tester cannot read the status of a refused request (its error drops the
		// cause), so it shows its own generic message there; 2.x shows ours.
		const explained = page.getByText(N8N_LINE === '1' ? /Authorization failed - please check your credentials/ : /Marketing Cloud refused the Client ID or Client Secret/).first();
		const ok = await explained.waitFor({ timeout: 10_000 }).then(() => true, () => false);
		await page.screenshot({ path: join(screenshotsDir, 'sfmc-credential-wrong-secret.png') });
		results.push({ name: `browser: a wrong Marketing Cloud client secret is refused by the credential test${N8N_LINE === '1' ? " (n8n 1.x's own message)" : ', naming the Client ID and Client Secret'}`, ok });
	});
	return results;
}

/** The credential types' names in n8n's lists. */
const CREDENTIAL_NAMES = { loops: 'Loops API', intercom: 'Intercom Contacts API', sfmc: 'Salesforce Marketing Cloud API', voyado: 'Voyado Engage API' };

/**
 * Custom API calls in the editor (1.x and 2.x): each credential is listed under the HTTP Request
 * node's Authentication > Predefined Credential Type, and executing the node from the editor
 * reaches the mock with the credential's key. Uses the workflows customApi.mjs imports.
 */
export async function customApiBrowserCheck(baseUrl, screenshotsDir, mocks) {
	const { CUSTOM_CALLS } = await import('./customApi.mjs');
	const results = [];
	await withSignedInPage(baseUrl, async (page) => {
		for (const vendor of Object.keys(CREDENTIAL_NAMES)) {
			const workflowId = `customApiCall${vendor[0].toUpperCase()}${vendor.slice(1)}`;
			const panel = await openNode(page, baseUrl, workflowId, 'HTTP Request');
			const item = panel.locator('.parameter-item').filter({ has: page.getByText('Credential Type', { exact: true }) }).last();
			await item.scrollIntoViewIfNeeded();
			await item.locator('.el-select').first().click();
			await page.keyboard.type(CREDENTIAL_NAMES[vendor].split(' ')[0]);
			await page.waitForTimeout(500);
			const listed = (await page.locator('.el-select-dropdown__item:visible').allInnerTexts()).map((text) => text.split('\n')[0].trim());
			await page.screenshot({ path: join(screenshotsDir, `${vendor}-http-request-credential-type.png`) });
			await page.keyboard.press('Escape');
			results.push({
				name: `browser: the HTTP Request node lists "${CREDENTIAL_NAMES[vendor]}" under Predefined Credential Type`,
				ok: listed.includes(CREDENTIAL_NAMES[vendor]),
				detail: listed.slice(0, 8).join(', '),
			});

			const mock = mocks[vendor].server;
			const path = new URL(CUSTOM_CALLS[vendor].path(mocks)).pathname;
			const before = mock.requests.length;
			await panel.locator('[data-test-id="node-execute-button"]').first().click();
			const calls = () => mock.requests.slice(before).filter((request) => request.path === path);
			for (let waited = 0; waited < 20_000 && calls().length < 2; waited += 250) await page.waitForTimeout(250);
			await page.waitForTimeout(1_000);
			await page.screenshot({ path: join(screenshotsDir, `${vendor}-http-request-custom-call.png`) });
			results.push({
				name: `browser: executing that HTTP Request node from the editor reaches the ${vendor} mock authenticated`,
				ok: calls().length === 2 && calls().every(CUSTOM_CALLS[vendor].authorized),
				detail: `${calls().length} requests, ${calls().filter(CUSTOM_CALLS[vendor].authorized).length} authenticated`,
			});
			await page.keyboard.press('Escape');
		}
	});
	return results;
}

/**
 * The new parts in the editor: each trigger's setup steps and URL, and Delete's fields (Marketing
 * Cloud's notice that it deletes in the background), from the workflows the triggers and Delete
 * checks imported. One screenshot each.
 */
export async function syncBrowserCheck(baseUrl, screenshotsDir) {
	const views = [
		{ workflowId: 'triggerLoops', node: 'Trigger', shows: ['Loops has one webhook endpoint per account', 'Events'], screenshot: 'loops-trigger.png', name: 'the Loops Trigger shows its setup steps and its events' },
		{ workflowId: 'triggerIntercom', node: 'Trigger', shows: ['Intercom sends webhooks to the URL set in your app', 'Topics'], screenshot: 'intercom-trigger.png', name: 'the Intercom Contacts Trigger shows its setup steps and its topics' },
		{ workflowId: 'deleteloops', node: VENDOR_NODES.loops.name, shows: ['Find Contact By', 'Email'], screenshot: 'loops-delete.png', name: "Loops' Delete shows how the contact is found" },
		{ workflowId: 'deletesfmc', node: VENDOR_NODES.sfmc.name, shows: ['Marketing Cloud deletes contacts in the background', 'Contact Key'], screenshot: 'sfmc-delete.png', name: "Marketing Cloud's Delete says it deletes in the background" },
	];
	const results = [];
	await withSignedInPage(baseUrl, async (page) => {
		for (const view of views) {
			const panel = await openNode(page, baseUrl, view.workflowId, view.node);
			const missing = [];
			for (const text of view.shows) {
				if (!(await panel.getByText(text).first().isVisible().catch(() => false))) missing.push(text);
			}
			await page.screenshot({ path: join(screenshotsDir, view.screenshot) });
			results.push({ name: `browser: ${view.name}`, ok: missing.length === 0, detail: missing.length ? `missing ${missing.join(', ')}` : view.screenshot });
		}
	});
	return results;
}

/** Get Many's output in the editor: run from the canvas, one row per contact, its documented columns. */
export async function getManyBrowserCheck(baseUrl, screenshotsDir) {
	const views = [
		{ workflowId: 'getManySfmcLimit', vendor: 'sfmc', columns: ['contactKey', 'contactId', 'attributes'], screenshot: 'sfmc-get-many-output.png' },
		{ workflowId: 'getManyLimit', vendor: 'intercom', columns: ['id', 'external_id', 'role', 'email', 'phone', 'name', 'owner_id', 'unsubscribed_from_emails', 'custom_attributes'], screenshot: 'intercom-get-many-output.png' },
	];
	const results = [];
	await withSignedInPage(baseUrl, async (page) => {
		for (const view of views) {
			const node = VENDOR_NODES[view.vendor].name;
			const columns = await outputTableColumns(page, baseUrl, view.workflowId, node).catch((error) => [`(${error.message.split('\n')[0]})`]);
			await page.screenshot({ path: join(screenshotsDir, view.screenshot) });
			results.push({ name: `browser: ${node}'s Get Many output table shows one documented column set`, ok: columns.join(',') === view.columns.join(','), detail: `${columns.join(', ')} (${view.screenshot})` });
		}
	});
	return results;
}
