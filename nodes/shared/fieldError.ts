import type { INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/** Builds the one error shape every rule uses: the field, the rule, and the (0-based) item. */
export function fieldRuleError(
	node: INode,
	itemIndex: number,
	field: string,
	rule: string,
	hint?: string,
): NodeOperationError {
	return new NodeOperationError(node, `${field}: ${rule} [item ${itemIndex}]`, {
		itemIndex,
		description: hint,
	});
}

export function describeType(value: unknown): string {
	if (value === null) return 'null';
	if (Array.isArray(value)) return 'a list';
	return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}
