import type {
	ICredentialTestRequest,
	ICredentialType,
	Icon,
	INodeProperties,
} from 'n8n-workflow';

import { voyadoBaseUrl } from '../nodes/VoyadoEngage/tenant';
import { type AuthenticateFunction, authenticatedRequest, REDIRECT_TEST_RULES } from '../nodes/shared/baseUrl';
import { PACKAGE_USER_AGENT } from '../nodes/VoyadoEngage/userAgent';

export class VoyadoEngageApi implements ICredentialType {
	name = 'voyadoEngageApi';

	displayName = 'Voyado Engage API';

	icon: Icon = { light: 'file:../nodes/VoyadoEngage/voyadoEngage.svg', dark: 'file:../nodes/VoyadoEngage/voyadoEngage.dark.svg' };

	documentationUrl = 'https://developer.voyado.com/en/api/api-authentication.html';

	properties: INodeProperties[] = [
		{
			displayName: 'Tenant',
			name: 'tenant',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. https://acme.voyado.com',
			description:
				'Your Engage address: https://{tenant}.voyado.com, or https://{tenant}.staging.voyado.com for staging. The tenant name alone also works.',
		},
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			description: 'From Config Hub > API connections. Use a key for this integration only.',
		},
		{
			displayName: 'User-Agent',
			name: 'userAgent',
			type: 'string',
			default: PACKAGE_USER_AGENT,
			description: 'Voyado requires every call to name the integration, e.g. AcmeShop/1.5',
		},
		{
			displayName: 'Base URL Override',
			name: 'baseUrlOverride',
			type: 'string',
			default: '',
			description:
				'Advanced: leave empty. Replaces the tenant address, for a test server only (https, or http on localhost).',
		},
	];

	// An own property (n8n offers a credential in the HTTP Request node only when its type has
	// `authenticate` of its own), and a function so the tenant host rule applies to every request,
	// the test and the HTTP Request node included, before the key is attached. Voyado also requires
	// User-Agent and a JSON Content-Type on every call.
	authenticate: AuthenticateFunction = async (credentials, requestOptions) =>
		authenticatedRequest(requestOptions, () => voyadoBaseUrl(credentials), {
			apikey: credentials.apiKey as string,
			'User-Agent': String(credentials.userAgent ?? '').trim() || PACKAGE_USER_AGENT,
			'Content-Type': 'application/json',
		});

	// Custom API calls: the HTTP Request node's Predefined Credential Type.
	httpRequestNode = {
		name: 'Voyado Engage',
		docsUrl: 'https://developer.voyado.com/en/api/api-authentication.html',
		apiBaseUrlPlaceholder: 'https://{tenant}.voyado.com',
	};

	test: ICredentialTestRequest = {
		request: { url: '/api/v2/contacts/count', method: 'GET' },
		rules: [
			...REDIRECT_TEST_RULES,
			{
				type: 'responseCode',
				properties: { value: 401, message: 'Invalid API key, or this machine\'s IP address is not allowed for it' },
			},
		],
	};
}
