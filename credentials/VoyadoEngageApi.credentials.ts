import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	Icon,
	INodeProperties,
} from 'n8n-workflow';

import { voyadoBaseUrl } from '../nodes/VoyadoEngage/tenant';
import { checkedRequestBaseUrl, credentialRequest, REDIRECT_TEST_RULES } from '../nodes/shared/baseUrl';
import { PACKAGE_USER_AGENT } from '../nodes/shared/userAgent';

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

	// A function so the tenant host rule applies to every request, the test included, before
	// the key is attached; Voyado also requires User-Agent and a JSON Content-Type on every call.
	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const userAgent = String(credentials.userAgent ?? '').trim() || PACKAGE_USER_AGENT;
		return credentialRequest(requestOptions, checkedRequestBaseUrl(requestOptions, () => voyadoBaseUrl(credentials)), {
			apikey: credentials.apiKey as string,
			'User-Agent': userAgent,
			'Content-Type': 'application/json',
		});
	}

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
