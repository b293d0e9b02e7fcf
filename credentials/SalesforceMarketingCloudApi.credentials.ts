import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IDataObject,
	IHttpRequestHelper,
	Icon,
	INodeProperties,
} from 'n8n-workflow';

import { sfmcHosts } from '../nodes/SalesforceMarketingCloud/subdomain';
import { oneTokenRequestAtATime } from '../nodes/SalesforceMarketingCloud/tokenRequests';
import { type AuthenticateFunction, authenticatedRequest, checkBaseUrl, REDIRECT_TEST_RULES } from '../nodes/shared/baseUrl';

interface TokenResponse {
	access_token?: string;
	rest_instance_url?: string;
}

/**
 * Server-to-server OAuth (client credentials) for Marketing Cloud Engagement. n8n calls
 * `preAuthentication` when the hidden, expirable `accessToken` is empty, and on the credential
 * test (and on a 401 for dropdowns); it stores the result with the credential, so one token
 * serves every item and execution until Marketing Cloud rejects it. In a node run, a 401 empties
 * the token once for all requests in flight (see ExecutionCredential), so one token request
 * replaces it. Nothing is kept in module memory.
 */
export class SalesforceMarketingCloudApi implements ICredentialType {
	name = 'salesforceMarketingCloudApi';

	displayName = 'Salesforce Marketing Cloud API';

	icon: Icon = {
		light: 'file:../nodes/SalesforceMarketingCloud/salesforceMarketingCloud.svg',
		dark: 'file:../nodes/SalesforceMarketingCloud/salesforceMarketingCloud.dark.svg',
	};

	documentationUrl = 'https://developer.salesforce.com/docs/marketing/marketing-cloud/guide/access-token-s2s.html';

	properties: INodeProperties[] = [
		{
			displayName: 'Subdomain',
			name: 'subdomain',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. mc563885gzs27c5t9-63k636ttgm',
			description:
				'The 28-character tenant subdomain starting with "mc" (Setup > Installed Packages > your package > API Integration). You can also paste the Authentication or REST Base URI.',
		},
		{
			displayName: 'Client ID',
			name: 'clientId',
			type: 'string',
			required: true,
			default: '',
		},
		{
			displayName: 'Client Secret',
			name: 'clientSecret',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
		},
		{
			displayName: 'Account ID (MID)',
			name: 'accountId',
			type: 'string',
			default: '',
			description: 'The MID of the business unit to work in. Leave it empty for the business unit that owns the package.',
		},
		{
			displayName: 'Scope',
			name: 'scope',
			type: 'string',
			default: '',
			placeholder: 'e.g. list_and_subscribers_read list_and_subscribers_write',
			description: 'Space-separated scopes. Leave it empty for every scope the package grants.',
		},
		{
			displayName: 'Auth Base URL Override',
			name: 'authBaseUrl',
			type: 'string',
			default: '',
			description:
				'Advanced: leave empty. Replaces https://{subdomain}.auth.marketingcloudapis.com, for a test server only (https, or http on localhost).',
		},
		{
			displayName: 'REST Base URL Override',
			name: 'restBaseUrl',
			type: 'string',
			default: '',
			description:
				"Advanced: leave empty to use the token's rest_instance_url. For a test server only (https, or http on localhost).",
		},
		{
			displayName: 'Access Token',
			name: 'accessToken',
			type: 'hidden',
			typeOptions: { expirable: true, password: true },
			default: '',
		},
		{
			displayName: 'REST Instance URL',
			name: 'restInstanceUrl',
			type: 'hidden',
			default: '',
		},
	];

	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
		const { auth } = sfmcHosts(credentials);
		const body: IDataObject = {
			grant_type: 'client_credentials',
			client_id: credentials.clientId,
			client_secret: credentials.clientSecret,
		};
		const accountId = String(credentials.accountId ?? '').trim();
		if (accountId !== '') body.account_id = /^\d+$/.test(accountId) ? Number(accountId) : accountId;
		const scope = String(credentials.scope ?? '').trim();
		if (scope !== '') body.scope = scope;
		return await oneTokenRequestAtATime([auth, body], async () => {
			const token = (await this.helpers.httpRequest({
				method: 'POST',
				url: `${auth}/v2/token`,
				headers: { 'Content-Type': 'application/json' },
				body,
				json: true,
				// The body holds the client secret: never re-post it to wherever a 3xx points.
				disableFollowRedirect: true,
			})) as TokenResponse;
			return { accessToken: token.access_token ?? '', restInstanceUrl: token.rest_instance_url ?? '' };
		});
	}

	// An own property (n8n offers a credential in the HTTP Request node only when its type has
	// `authenticate` of its own), and a function because the REST host comes from the token
	// (rest_instance_url), and so the host rules apply before the token is attached. In the HTTP
	// Request node a URL may also be on the tenant's SOAP host.
	authenticate: AuthenticateFunction = async (credentials, requestOptions) => {
		const hosts = sfmcHosts(credentials);
		const rest = credentials.restBaseUrl
			? hosts.rest
			: credentials.restInstanceUrl
				? checkBaseUrl(credentials.restInstanceUrl, 'REST instance URL')
				: hosts.rest;
		return authenticatedRequest(requestOptions, () => rest, { Authorization: `Bearer ${credentials.accessToken as string}` }, () => [
			hosts.rest,
			hosts.soap,
		]);
	};

	// Custom API calls: the HTTP Request node's Predefined Credential Type (the token is fetched by
	// preAuthentication, once, and reused until Marketing Cloud refuses it).
	httpRequestNode = {
		name: 'Salesforce Marketing Cloud',
		docsUrl: 'https://developer.salesforce.com/docs/marketing/marketing-cloud/guide/apis-overview.html',
		apiBaseUrlPlaceholder: 'https://{subdomain}.rest.marketingcloudapis.com',
	};

	// n8n's tester shows only the status text ("Unauthorized") unless a rule names the cause. A 401
	// comes from the token request (client ID or secret refused) or from tokenContext (token refused).
	test: ICredentialTestRequest = {
		request: { url: '/platform/v1/tokenContext', method: 'GET' },
		rules: [
			...REDIRECT_TEST_RULES,
			{
				type: 'responseCode',
				properties: {
					value: 401,
					message:
						'Marketing Cloud refused the Client ID or Client Secret: copy both again from Setup > Installed Packages > your package > API Integration, and check that the package is installed and enabled',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 400,
					message:
						'Marketing Cloud refused the token request: check the Account ID (MID) and the Scope, or leave them empty',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 403,
					message: "Marketing Cloud refused access: the package's API Integration lacks a permission for this business unit",
				},
			},
		],
	};
}
