import type { IDataObject, INodeParameters } from 'n8n-workflow';

import type { VendorUnderTest } from './harness/vendors';
import { intercomUnderTest, loopsUnderTest, voyadoUnderTest } from './harness/vendors';

// n8n's date picker gives wall-clock time without an offset; the workflow's time zone says where.
const PICKED = '2026-11-24T10:00:00';
const PICKED_IN_SUMMER = '2026-07-01T10:00:00';
const WITH_OFFSET = '2026-11-24T10:00:00+02:00';

/** Runs one create in the given workflow time zone and returns the body the vendor received. */
async function sentBody(vendor: VendorUnderTest, timezone: string, parameters: INodeParameters): Promise<IDataObject> {
	vendor.reset();
	const result = await vendor.engine.run({ parameters: vendor.parameters(parameters), items: [{ email: 'tz@example.com' }], timezone });
	expect(result.status).toBe('success');
	const [request] = vendor.server.requestsTo('POST', vendor.createPath);
	return request.body as IDataObject;
}

const seconds = (iso: string) => Date.parse(iso) / 1000;

describe('Dates are read in the workflow time zone; a value with an offset keeps it', () => {
	const loops = loopsUnderTest();
	const intercom = intercomUnderTest();
	const voyado = voyadoUnderTest();
	beforeAll(async () => await Promise.all([loops.start(), intercom.start(), voyado.start()]));
	afterAll(async () => await Promise.all([loops.stop(), intercom.stop(), voyado.stop()]));

	test.each([
		['Europe/Stockholm', '2026-11-24T09:00:00.000Z'],
		['America/New_York', '2026-11-24T15:00:00.000Z'],
	])('Loops: a picked date-time in %s goes as the same moment in UTC', async (timezone, utc) => {
		const date = (value: string) => ({
			customPropertiesMode: 'fields',
			customProperties: { property: [{ key: 'dateJoined', type: 'date', dateValue: value }] },
		});

		expect((await sentBody(loops, timezone, date(PICKED))).dateJoined).toBe(utc);
		expect((await sentBody(loops, timezone, date(WITH_OFFSET))).dateJoined).toBe('2026-11-24T08:00:00.000Z');
	});

	test.each([
		['Europe/Stockholm', '2026-11-24T09:00:00Z'],
		['America/New_York', '2026-11-24T15:00:00Z'],
	])('Intercom: a picked date-time in %s goes as the Unix seconds of that moment', async (timezone, utc) => {
		const body = await sentBody(intercom, timezone, {
			additionalFields: { signed_up_at: PICKED },
			customAttributesMode: 'fields',
			customAttributes: { attribute: [{ name: 'trial_ends', type: 'date', dateValue: PICKED }] },
		});
		const withOffset = await sentBody(intercom, timezone, { additionalFields: { last_seen_at: WITH_OFFSET } });

		expect(body.signed_up_at).toBe(seconds(utc));
		expect((body.custom_attributes as IDataObject).trial_ends).toBe(seconds(utc));
		expect(withOffset.last_seen_at).toBe(seconds('2026-11-24T08:00:00Z'));
	});

	test.each([
		['Europe/Stockholm', '2026-11-24T10:00:00+0100', '2026-07-01T10:00:00+0200'],
		['America/New_York', '2026-11-24T10:00:00-0500', '2026-07-01T10:00:00-0400'],
	])("Voyado: a consent date picked in %s is sent with that zone's offset on that day", async (timezone, winter, summer) => {
		const consent = async (date: string) => {
			const body = await sentBody(voyado, timezone, { consents: { consent: [{ id: 'memberConsent', value: true, date }] } });
			return (body.consents as IDataObject[])[0].date;
		};

		expect(await consent(PICKED)).toBe(winter);
		expect(await consent(PICKED_IN_SUMMER)).toBe(summer);
		expect(await consent(WITH_OFFSET)).toBe('2026-11-24T10:00:00+0200');
	});
});
