import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { ifNotFoundFrom, ifNotFoundOption, itemSendOptions, notFound } from '../../../shared/commonFields';
import type { ItemRun } from '../../../shared/execute';
import { ItemChecks } from '../../../shared/validation';
import { loopsApi } from '../../api';
import { findContacts } from '../../find';
import { findByFields, optionsField, readContactKey } from './fields';

const OPERATION = ['get'];

/** Get: GET /contacts/find by email or user ID. */
export const description = [...findByFields(OPERATION), optionsField(OPERATION, [ifNotFoundOption])];

/** One item: the contact, or "not found" as the user chose; several matches are an error naming them. */
export async function execute(this: IExecuteFunctions, itemIndex: number, run: ItemRun): Promise<IDataObject> {
	const check = ItemChecks.forItem(this, itemIndex);
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const send = itemSendOptions(check, options, run, loopsApi);
	const ifNotFound = ifNotFoundFrom(check, options);
	const { key, field, value } = readContactKey(this, check, itemIndex);

	const found = await findContacts.call(this, key, value, itemIndex, send);
	if (found.length === 0) return notFound(check, ifNotFound, field, `${field.toLowerCase()} "${value}"`);
	if (found.length > 1) {
		check.fail(field, `${found.length} contacts match "${value}" (ids ${found.map((contact) => String(contact.id)).join(', ')})`);
	}
	return found[0];
}
