import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { SendOptions } from '../shared/transport';
import { sendVendorRequest } from '../shared/transport';
import { loopsApi } from './api';

export type LoopsKey = 'email' | 'userId';

/** GET /contacts/find by one key ("only one parameter is allowed"): the matches, [] when none. */
export async function findContacts(
	this: IExecuteFunctions,
	key: LoopsKey,
	value: string,
	itemIndex: number,
	send: SendOptions,
): Promise<IDataObject[]> {
	const { body } = await sendVendorRequest.call(
		this,
		loopsApi,
		{ method: 'GET', url: '/contacts/find', qs: { [key]: value } },
		itemIndex,
		send,
	);
	return Array.isArray(body) ? (body.filter((entry) => entry && typeof entry === 'object') as IDataObject[]) : [];
}

export interface FoundContact {
	contact: IDataObject;
	matchedOn: LoopsKey;
}

/** The contact with this body's email, else its user ID: Loops matches a create or update on either. */
export async function findByEitherKey(
	this: IExecuteFunctions,
	body: IDataObject,
	itemIndex: number,
	send: SendOptions,
): Promise<FoundContact | undefined> {
	for (const key of ['email', 'userId'] as const) {
		if (body[key] === undefined || body[key] === null) continue;
		const [contact] = await findContacts.call(this, key, String(body[key]), itemIndex, send);
		if (contact) return { contact, matchedOn: key };
	}
	return undefined;
}
