import type {
	ICredentialDataDecryptedObject,
	ICredentials,
	ICredentialType,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INode,
	INodeCredentialsDetails,
	INodeProperties,
	IRequestOptionsSimplified,
	IWorkflowExecuteAdditionalData,
	Workflow,
} from 'n8n-workflow';
import { ICredentialsHelper, isExpression, NodeHelpers } from 'n8n-workflow';

/**
 * An in-memory credential store with n8n's own credential logic. `authenticate` and
 * `preAuthentication` mirror packages/cli/src/credentials-helper.ts (n8n 2.41) line for line:
 * function and generic authenticators, the hidden `expirable` property, the credential-test
 * special case, and persisting a fresh token into the stored credential. Nothing else of the CLI
 * (database, encryption, overwrites, external secrets) matters to a node and is left out.
 */
export class TestCredentialsHelper extends ICredentialsHelper {
	/** Stored credential data by credential type, as the user saved it. */
	readonly store = new Map<string, ICredentialDataDecryptedObject>();

	/** How often n8n wrote a credential back (a token refresh), by type. */
	readonly updates = new Map<string, number>();

	/** How often n8n read and decrypted a credential (the database read of the real app), by type. */
	readonly reads = new Map<string, number>();

	/** The next this many reads fail, as when n8n's database does not answer. */
	failNextReads = 0;

	constructor(private readonly types: Record<string, ICredentialType>) {
		super();
	}

	private type(name: string): ICredentialType {
		const type = this.types[name];
		if (!type) throw new Error(`Unknown credential type ${name}`);
		return type;
	}

	getParentTypes(): string[] {
		return [];
	}

	isCredentialUsableByNode(): boolean {
		return true;
	}

	getCredentialsProperties(type: string): INodeProperties[] {
		return this.type(type).properties;
	}

	async getCredentials(_details: INodeCredentialsDetails, type: string): Promise<ICredentials> {
		throw new Error(`getCredentials(${type}) is not used by nodes`);
	}

	async getDecrypted(
		_additionalData: IWorkflowExecuteAdditionalData,
		_details: INodeCredentialsDetails,
		type: string,
	): Promise<ICredentialDataDecryptedObject> {
		const stored = this.store.get(type);
		if (this.failNextReads > 0) {
			this.failNextReads--;
			throw new Error(`Could not read the credential ${type} (the database did not answer)`);
		}
		if (!stored) throw new Error(`No stored credential of type ${type}`);
		this.reads.set(type, (this.reads.get(type) ?? 0) + 1);
		// As the CLI does: apply the credential type's defaults to what was stored.
		const withDefaults = NodeHelpers.getNodeParameters(
			this.type(type).properties,
			stored as never,
			true,
			false,
			null,
			null,
		);
		return { ...(withDefaults as ICredentialDataDecryptedObject) };
	}

	async updateCredentials(
		_details: INodeCredentialsDetails,
		type: string,
		data: ICredentialDataDecryptedObject,
	): Promise<void> {
		this.store.set(type, { ...data });
		this.updates.set(type, (this.updates.get(type) ?? 0) + 1);
	}

	async updateCredentialsOauthTokenData(): Promise<void> {}

	async runPreAuthentication(): Promise<ICredentialDataDecryptedObject | undefined> {
		return undefined;
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		requestOptions: IHttpRequestOptions | IRequestOptionsSimplified,
		workflow?: Workflow,
		node?: INode,
	): Promise<IHttpRequestOptions> {
		const credentialType = this.type(typeName);
		const { authenticate } = credentialType;
		if (typeof authenticate === 'function') {
			return await authenticate(credentials, requestOptions as IHttpRequestOptions);
		}
		if (typeof authenticate === 'object' && authenticate.type === 'generic') {
			if (!workflow || !node) throw new Error('Workflow and node are required for generic authentication');
			if (requestOptions.headers === undefined) requestOptions.headers = {};
			const resolve = (value: string): string => {
				if (!isExpression(value)) return value;
				const resolved = workflow.expression.getSimpleParameterValue(
					node,
					value,
					'internal',
					{ $credentials: credentials },
					undefined,
					'',
				);
				return resolved ? String(resolved) : '';
			};
			for (const [outerKey, outerValue] of Object.entries(authenticate.properties)) {
				const target = requestOptions as unknown as Record<string, Record<string, string>>;
				for (const [key, value] of Object.entries(outerValue as Record<string, string>)) {
					if (!target[outerKey]) target[outerKey] = {};
					target[outerKey][resolve(key)] = resolve(value);
				}
			}
		}
		return requestOptions as IHttpRequestOptions;
	}

	async preAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		node: INode,
		credentialsExpired: boolean,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		const credentialType = this.type(typeName);
		const expirable = credentialType.properties.find(
			(property) => property.type === 'hidden' && property.typeOptions?.expirable === true,
		);
		if (expirable?.name === undefined) return undefined;
		const isTestingCredentials = node?.parameters?.temp === '' && node?.type === 'n8n-nodes-base.noOp';
		if (typeof credentialType.preAuthentication !== 'function') return undefined;
		if (credentials[expirable.name] !== '' && !credentialsExpired && !isTestingCredentials) return undefined;
		const output = await credentialType.preAuthentication.call(helpers, credentials);
		if (output[expirable.name] === undefined) return undefined;
		if (node.credentials) {
			const stored = this.store.get(credentialType.name) ?? {};
			await this.updateCredentials(node.credentials[credentialType.name], credentialType.name, {
				...stored,
				...output,
			} as ICredentialDataDecryptedObject);
			return Object.assign(credentials, output);
		}
		return undefined;
	}
}
