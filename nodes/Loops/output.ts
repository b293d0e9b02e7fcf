import type { IDataObject } from 'n8n-workflow';

import type { Outcome } from '../shared/output';
import { storedValuesOf, withVendorResponseIfChosen } from '../shared/output';

/**
 * Every Loops write outputs `{ id, ...the fields sent, outcome }`. Loops answers a write with
 * `{ success, id }` only, so the fields are what this item sent; for a contact that already
 * existed they are the values Loops holds for those same fields. Loops' answer (or the contact
 * found) is added as vendorResponse only when Options > Include Vendor Response is on.
 */
export function loopsWriteOutput(
	options: IDataObject,
	outcome: Outcome,
	fieldsSent: IDataObject,
	answer: IDataObject | undefined,
): IDataObject {
	const fields = outcome === 'existing' ? storedValuesOf(fieldsSent, answer) : fieldsSent;
	return withVendorResponseIfChosen(options, { id: answer?.id ?? null, ...fields, outcome }, answer);
}
