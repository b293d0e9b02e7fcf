import type {
	ICredentialTestRequest,
	ICredentialType,
	Icon,
	INodeProperties,
} from 'n8n-workflow';

import { intercomRegionUrl } from '../nodes/Intercom/regions';
import { type AuthenticateFunction, authenticatedRequest, checkBaseUrl, REDIRECT_TEST_RULES } from '../nodes/shared/baseUrl';

// Not `intercomApi`: n8n's built-in Intercom node owns that name, and credential names are global.
export class IntercomContactsApi implements ICredentialType {
	name = 'intercomContactsApi';

	displayName = 'Intercom Contacts API';

	icon: Icon = { light: 'file:../nodes/Intercom/intercom.svg', dark: 'file:../nodes/Intercom/intercom.dark.svg' };

	documentationUrl = 'https://developers.intercom.com/docs/build-an-integration/learn-more/authentication';

	properties: INodeProperties[] = [
		{
			displayName: 'Access Token',
			name: 'accessToken',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			description: 'From the Intercom Developer Hub: your app > Authentication',
		},
		{
			displayName: 'Region',
			name: 'region',
			type: 'options',
			options: [
				{ name: 'Australia (api.au.intercom.io)', value: 'au' },
				{ name: 'Europe (api.eu.intercom.io)', value: 'eu' },
				{ name: 'United States (api.intercom.io)', value: 'us' },
			],
			default: 'us',
			description: 'Where your Intercom workspace is hosted. A token only works in its own region.',
		},
		{
			displayName: 'Base URL Override',
			name: 'baseUrl',
			type: 'string',
			default: '',
			placeholder: 'e.g. https://api.intercom.io',
			description:
				'Advanced: leave empty to use the region. Set only to reach Intercom through a proxy or a test server; must use https (plain http only for localhost).',
		},
	];

	// An own property (n8n offers a credential in the HTTP Request node only when its type has
	// `authenticate` of its own), and a function so the region, the override and the https rule
	// apply to every request, the credential test and the HTTP Request node included.
	authenticate: AuthenticateFunction = async (credentials, requestOptions) =>
		authenticatedRequest(
			requestOptions,
			() => (credentials.baseUrl ? checkBaseUrl(credentials.baseUrl, 'Base URL Override') : intercomRegionUrl(credentials.region)),
			{ Authorization: `Bearer ${credentials.accessToken as string}`, Accept: 'application/json' },
		);

	// Custom API calls: the HTTP Request node's Predefined Credential Type. The host depends on the
	// workspace's region (US api.intercom.io, EU api.eu.intercom.io, Australia api.au.intercom.io).
	httpRequestNode = {
		name: 'Intercom',
		docsUrl: 'https://developers.intercom.com/docs/references/rest-api/api.intercom.io',
		apiBaseUrlPlaceholder: 'https://api.intercom.io',
	};

	test: ICredentialTestRequest = {
		request: { url: '/me', method: 'GET' },
		rules: [
			...REDIRECT_TEST_RULES,
			{
				type: 'responseCode',
				properties: {
					value: 401,
					message: 'Access Token Invalid: check the token, and that the region matches your workspace',
				},
			},
		],
	};
}
