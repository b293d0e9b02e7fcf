import type {
	ICredentialTestRequest,
	ICredentialType,
	Icon,
	INodeProperties,
} from 'n8n-workflow';

import { type AuthenticateFunction, authenticatedRequest, checkBaseUrl, REDIRECT_TEST_RULES } from '../nodes/shared/baseUrl';

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

	// An own property (n8n offers a credential in the HTTP Request node only when its type has
	// `authenticate` of its own), and a function rather than the generic form so the base-URL rule
	// applies to every request, the credential test and the HTTP Request node included.
	authenticate: AuthenticateFunction = async (credentials, requestOptions) =>
		authenticatedRequest(requestOptions, () => checkBaseUrl(credentials.baseUrl || 'https://app.loops.so/api/v1'), {
			Authorization: `Bearer ${credentials.apiKey as string}`,
		});

	// Custom API calls: the HTTP Request node's Predefined Credential Type.
	httpRequestNode = {
		name: 'Loops',
		docsUrl: 'https://loops.so/docs/api-reference/intro',
		apiBaseUrl: 'https://app.loops.so/api/v1',
	};

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
