import type { IDataObject } from 'n8n-workflow';

import type { Outcome } from '../shared/output';
import { withVendorResponseIfChosen } from '../shared/output';

interface SentSet {
	name?: unknown;
	items?: Array<{ values?: Array<{ name?: unknown; value?: unknown }> }>;
}

/** The attribute sets sent, as Get outputs them: { "<set>": { "<attribute>": value } }. */
export function attributesSent(body: IDataObject): IDataObject {
	const attributes: IDataObject = {};
	for (const set of (Array.isArray(body.attributeSets) ? body.attributeSets : []) as SentSet[]) {
		const items = (set.items ?? []).map((item) =>
			Object.fromEntries((item.values ?? []).map((pair) => [String(pair.name), pair.value as IDataObject[string]])),
		);
		attributes[String(set.name)] = items.length === 1 ? items[0] : items;
	}
	return attributes;
}

/**
 * Every Marketing Cloud write outputs `{ contactKey, contactId, outcome, attributes }`: the contact
 * as sent, in Get's shape. The doc spells `contactId`, the wire `contactID`: both are read, one is
 * output. The answer itself (operationStatus, rowsAffected, ...) is added as vendorResponse only
 * when Options > Include Vendor Response is on.
 */
export function sfmcWriteOutput(options: IDataObject, outcome: Outcome, body: IDataObject, answer: IDataObject): IDataObject {
	const output = {
		contactKey: answer.contactKey ?? body.contactKey ?? null,
		contactId: answer.contactID ?? answer.contactId ?? null,
		outcome,
		attributes: attributesSent(body),
	};
	return withVendorResponseIfChosen(options, output, answer);
}

/**
 * Create met a contact with the key and the user chose Return Existing Contact: the same columns,
 * with the attributes Marketing Cloud holds (its search does not give the contact ID: null).
 */
export function sfmcExistingOutput(options: IDataObject, existing: IDataObject): IDataObject {
	const output = { contactKey: existing.contactKey ?? null, contactId: null, outcome: 'existing', attributes: existing.attributes ?? {} };
	return withVendorResponseIfChosen(options, output, existing);
}

/**
 * Create and Create or Update send the same call, which merges into the contact with the same key
 * and says so in isNewContactKey. After a lost answer, the re-send says false for the contact the
 * first attempt made; that cannot be told apart from a contact that existed, so it reads as updated.
 */
export function mergeOutcome(answer: IDataObject): Outcome {
	return answer.isNewContactKey === false ? 'updated' : 'created';
}
