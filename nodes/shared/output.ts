import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { showFor } from './commonFields';

/**
 * What a write operation did, on every item it outputs: `created`, `updated`, or `existing`
 * (Create met a contact that was already there and the user chose to get it back).
 */
export type Outcome = 'created' | 'updated' | 'existing';

/** The contact followed by its outcome: one fixed column the table view always has. */
export function withOutcome(contact: IDataObject, outcome: Outcome): IDataObject {
	return { ...contact, outcome };
}

/** Top-level Simplify, n8n's wording, for vendors whose contact has more than ten fields. */
export function simplifyField(operations: string[]): INodeProperties {
	return {
		displayName: 'Simplify',
		name: 'simplify',
		type: 'boolean',
		default: true,
		description: 'Whether to return a simplified version of the response instead of the raw data',
		displayOptions: showFor(operations),
	};
}

/** The contact as the user chose to see it: simplified (the default) or as the vendor sent it. */
export function simplifiedIfChosen(
	context: IExecuteFunctions,
	itemIndex: number,
	contact: IDataObject,
	simplify: (contact: IDataObject) => IDataObject,
): IDataObject {
	return context.getNodeParameter('simplify', itemIndex, true) === false ? contact : simplify(contact);
}

/** Options > Include Vendor Response, for vendors whose answer is not the contact itself. */
export function includeVendorResponseOption(vendor: string): INodeProperties {
	return {
		displayName: 'Include Vendor Response',
		name: 'includeVendorResponse',
		type: 'boolean',
		default: false,
		description: `Whether to add ${vendor}'s answer, as it came, in a vendorResponse field`,
	};
}

/** The output with vendorResponse added when the user asked for it (null when there was none). */
export function withVendorResponseIfChosen(options: IDataObject, output: IDataObject, answer: IDataObject | undefined): IDataObject {
	return options.includeVendorResponse === true ? { ...output, vendorResponse: answer ?? null } : output;
}
