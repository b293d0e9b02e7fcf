import type { ItemChecks } from './validation';

/** A custom field's type as the vendor's account reports it, by the field's API name. */
export type AccountTypes = Record<string, string>;

/** A type by the name the Type dropdown and the field dropdowns both show (`names`: the vendor's). */
export function accountTypeName(names: Record<string, string>, type: string | undefined): string {
	return type === undefined ? 'Unknown Type' : (names[type] ?? type);
}

/**
 * Builds an item's body when custom values may follow the account's own types: first without the
 * types, so every other rule is checked before anything is sent; then, only when the item has
 * custom rows, with the types (read once per execution), so values typed Automatic are converted
 * and a Type that contradicts the account's is refused.
 */
export async function buildWithAccountTypes<T>(
	hasCustomRows: boolean,
	loadTypes: () => Promise<AccountTypes>,
	build: (types: AccountTypes | undefined) => T,
): Promise<T> {
	const unchecked = build(undefined);
	if (!hasCustomRows) return unchecked;
	return build(await loadTypes());
}

/** A value typed Automatic for a number field: a number, or text that reads as one. */
export function enteredNumber(check: ItemChecks, field: string, value: unknown, hint: string): number {
	if (value === '' || value === undefined || value === null || typeof value === 'boolean' || !Number.isFinite(Number(value))) {
		return check.fail(field, `${JSON.stringify(value ?? '')} is not a number`, `${hint}: enter a number, or choose another Type.`);
	}
	return Number(value);
}

/** A value typed Automatic for a true/false field: a boolean, or the text true or false (any case). */
export function enteredBoolean(check: ItemChecks, field: string, value: unknown, hint: string): boolean {
	if (typeof value === 'boolean') return value;
	if (typeof value === 'string' && /^(true|false)$/i.test(value.trim())) return value.trim().toLowerCase() === 'true';
	return check.fail(field, `${JSON.stringify(value ?? '')} is not true or false`, `${hint}: enter true or false.`);
}
