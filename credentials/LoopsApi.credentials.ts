import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	Icon,
	INodeProperties,
} from 'n8n-workflow';

import { checkBaseUrl, checkedRequestBaseUrl, credentialRequest, REDIRECT_TEST_RULES } from '../nodes/shared/baseUrl';

export class LoopsApi implements ICredentialType {
	name = 'loopsApi';

	displayName = 'Loops API';

	icon: Icon = { light: 'file:../nodes/Loops/loops.svg', dark: 'file:../nodes/Loops/loops.dark.svg' };

	documentationUrl = 'https://loops.so/docs/api-reference/intro#authentication';

	properties: INodeProperties[] = [
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			description: 'Create one in Loops under Settings > API',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://app.loops.so/api/v1',
			description:
				'Advanced: change only to reach Loops through a proxy or a test server. Must use https (plain http only for localhost).',
		},
	];

	// A function rather than the generic form so the base-URL rule is enforced on every request,
	// the credential test included, before the key is attached.
	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const baseURL = checkedRequestBaseUrl(requestOptions, () =>
			checkBaseUrl(credentials.baseUrl || 'https://app.loops.so/api/v1'),
		);
		return credentialRequest(requestOptions, baseURL, { Authorization: `Bearer ${credentials.apiKey as string}` });
	}

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl || "https://app.loops.so/api/v1"}}',
			url: '/api-key',
			method: 'GET',
		},
		rules: [
			...REDIRECT_TEST_RULES,
			{
				type: 'responseCode',
				properties: { value: 401, message: 'Invalid API key: copy it again from Loops > Settings > API' },
			},
		],
	};
}
