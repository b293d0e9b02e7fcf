import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { ifNotFoundFrom, ifNotFoundOption, itemSendOptions, notFound } from '../../../shared/commonFields';
import type { ItemRun } from '../../../shared/execute';
import { ItemChecks } from '../../../shared/validation';
import { sfmcApi } from '../../api';
import { SfmcContacts } from '../../contacts';
import { FIND_BY, findByFields, optionsField } from './fields';

const OPERATION = ['get'];

/** Get: by contact key, or by email address (its contact key looked up first). */
export const description = [...findByFields(OPERATION), optionsField(OPERATION, [ifNotFoundOption])];

/** One item: { contactKey, attributes: { set: { attribute: value } } }, or "not found" as chosen. */
export async function execute(this: IExecuteFunctions, itemIndex: number, run: ItemRun): Promise<IDataObject> {
	const check = ItemChecks.forItem(this, itemIndex);
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const ifNotFound = ifNotFoundFrom(check, options);
	const findBy = check.oneOf('Find Contact By', this.getNodeParameter('findBy', itemIndex, 'contactKey'), FIND_BY);
	const field = findBy === 'email' ? 'Email Address' : 'Contact Key';
	const value = check.requiredString(field, this.getNodeParameter(findBy === 'email' ? 'emailAddress' : 'contactKey', itemIndex, '')).trim();
	if (findBy === 'email') check.email(field, value);
	const contacts = new SfmcContacts(this, itemIndex, itemSendOptions(check, options, run, sfmcApi));

	const contactKey = findBy === 'email' ? await contacts.keyOfEmail(check, field, value) : value;
	const contact = contactKey === undefined ? undefined : await contacts.read(contactKey);
	return contact ?? notFound(check, ifNotFound, field, `${field.toLowerCase()} "${value}"`);
}
