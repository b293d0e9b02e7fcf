import type { IDataObject } from 'n8n-workflow';

import { VoyadoEngageApi } from '../credentials/VoyadoEngageApi.credentials';
import { ItemChecks } from '../nodes/shared/validation';
import { buildCreateContactRequest } from '../nodes/VoyadoEngage/mapping';
import { VoyadoEngage } from '../nodes/VoyadoEngage/VoyadoEngage.node';
import { TestEngine } from '../test/harness/engine';
import { VoyadoMock } from '../test/mocks/voyado';
import { measureEngineRun, microsecondsPerCall } from './common';

const FIELDS = {
	contactType: 'Member',
	additionalFields: { firstName: 'Example', lastName: 'Person', countryCode: 'SE', birthDay: '1966-06-26', lang: 'en' },
	preferences: { acceptsEmail: true, acceptsSms: false },
	consents: { consent: [{ id: 'memberConsent', value: true, source: 'ECOM' }] },
};

export async function voyadoBench(): Promise<IDataObject[]> {
	const node = { id: '1', name: 'Voyado', type: 'voyado', typeVersion: 1, position: [0, 0] as [number, number], parameters: {} };
	const mapping = microsecondsPerCall(20_000, (i) =>
		buildCreateContactRequest(new ItemChecks(node, i), {
			contactType: 'Member',
			keyField: 'email',
			keys: { email: `user${i}@example.com`, mobilePhone: '', externalId: '', socialSecurityNumber: '' },
			additionalFields: FIELDS.additionalFields,
			preferences: FIELDS.preferences,
			consents: FIELDS.consents,
			extraAttributesMode: 'none',
			extraAttributes: {},
			extraAttributesJson: undefined,
			queryParameters: { source: 'bench', storeExternalId: '444' },
		}),
	);

	const mock = new VoyadoMock('bench-key');
	await mock.start();
	const engine = new TestEngine({ nodeType: new VoyadoEngage(), credentialTypes: [new VoyadoEngageApi()] });
	engine.setCredential('voyadoEngageApi', { tenant: 'bench', apiKey: 'bench-key', baseUrlOverride: mock.baseUrl });
	const rows: IDataObject[] = [{ case: 'Voyado mapping + validation (full item)', items: 20000, 'µs/item': mapping.toFixed(1) }];
	for (const checkExistsFirst of [false, true]) {
		const setup = {
			label: `Voyado${checkExistsFirst ? ' (check first)' : ''}`,
			engine,
			server: mock.server,
			createPath: '/api/v3/contacts',
			parameters: { resource: 'contact', operation: 'create', email: '={{ $json.email }}', ...FIELDS, options: { checkExistsFirst } },
			item: (i: number) => ({ email: `user${i}-${Date.now()}-${checkExistsFirst}@example.com` }),
		};
		for (const [items, latency] of [[1000, 0], [200, 50]]) rows.push(await measureEngineRun(setup, items, latency));
	}
	await mock.stop();
	return rows;
}
