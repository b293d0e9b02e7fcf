import { createHmac, timingSafeEqual } from 'crypto';
import type { ICredentialTestFunctions, ICredentialsDecrypted, INodeCredentialTestResult } from 'n8n-workflow';

/** Constant-time comparison of two texts (a signature must not leak how much of it matched). */
function sameText(a: string, b: string): boolean {
	const left = Buffer.from(a);
	const right = Buffer.from(b);
	return left.length === right.length && timingSafeEqual(left, right);
}

export type SignatureVerdict = { ok: true } | { ok: false; reason: string };

export interface StandardWebhookHeaders {
	id?: string;
	timestamp?: string;
	signature?: string;
}

/**
 * The Standard Webhooks scheme (standardwebhooks.com; Loops, Svix): the signature is the base64
 * HMAC-SHA256 of `${id}.${timestamp}.${body}` with the secret (base64 after its `whsec_` prefix);
 * the header lists one or more `v1,<signature>` separated by spaces. A timestamp further than
 * `toleranceSeconds` from now is stale, so an old delivery cannot be replayed.
 */
export function verifyStandardWebhook(
	secret: string,
	headers: StandardWebhookHeaders,
	rawBody: string,
	toleranceSeconds: number,
	nowSeconds = Math.floor(Date.now() / 1000),
): SignatureVerdict {
	const { id, timestamp, signature } = headers;
	if (!id || !timestamp || !signature) return { ok: false, reason: 'the webhook-id, webhook-timestamp or webhook-signature header is missing' };
	if (!/^\d+$/.test(timestamp)) return { ok: false, reason: 'the timestamp is not a number of seconds' };
	if (Math.abs(nowSeconds - Number(timestamp)) > toleranceSeconds) {
		return { ok: false, reason: `the timestamp is more than ${toleranceSeconds} seconds away from now (stale or replayed)` };
	}
	const key = Buffer.from(secret.trim().replace(/^whsec_/, ''), 'base64');
	if (key.length === 0) return { ok: false, reason: 'the signing secret is empty' };
	const expected = createHmac('sha256', key).update(`${id}.${timestamp}.${rawBody}`).digest('base64');
	const offered = signature
		.split(' ')
		.map((entry) => entry.split(','))
		.filter(([version, value]) => version === 'v1' && value !== undefined)
		.map(([, value]) => value);
	return offered.some((value) => sameText(value, expected)) ? { ok: true } : { ok: false, reason: 'the signature does not match' };
}

/**
 * Intercom's (and GitHub's) X-Hub-Signature: `sha1=` and the hex HMAC-SHA1 of the raw body with
 * the app's client secret. It carries no timestamp, so replays are caught by the delivery id only.
 */
export function verifyHubSignature(secret: string, header: string | undefined, rawBody: string): SignatureVerdict {
	if (!header) return { ok: false, reason: 'the X-Hub-Signature header is missing' };
	const expected = `sha1=${createHmac('sha1', secret.trim()).update(rawBody).digest('hex')}`;
	return sameText(header.trim().toLowerCase(), expected) ? { ok: true } : { ok: false, reason: 'the signature does not match' };
}

/** A Standard Webhooks secret's form: `whsec_` and base64 of at least 24 bytes (the spec's minimum). */
export function checkStandardWebhookSecret(secret: string): INodeCredentialTestResult {
	const body = secret.trim().replace(/^whsec_/, '');
	if (!secret.trim().startsWith('whsec_')) return { status: 'Error', message: 'A signing secret starts with whsec_: copy it whole from the webhook settings' };
	if (!/^[A-Za-z0-9+/]+={0,2}$/.test(body) || Buffer.from(body, 'base64').length < 24) {
		return { status: 'Error', message: 'After whsec_ the secret must be base64 of at least 24 bytes: copy it whole from the webhook settings' };
	}
	return { status: 'OK', message: 'The signing secret has the right form. Deliveries signed with another secret will be refused (401).' };
}

/** The credential test of a Standard Webhooks signing secret: no vendor can be asked, so its form is checked. */
export async function testStandardWebhookSecret(this: ICredentialTestFunctions, credential: ICredentialsDecrypted): Promise<INodeCredentialTestResult> {
	return checkStandardWebhookSecret(String(credential.data?.signingSecret ?? ''));
}
