import type { IDataObject, INodeParameters } from 'n8n-workflow';

import type { VendorUnderTest } from './harness/vendors';
import { intercomUnderTest, loopsUnderTest, sfmcUnderTest, voyadoUnderTest } from './harness/vendors';

/** [case, node parameters (on top of a valid create), the item, the start of the message]. */
type BadInput = [string, INodeParameters, IDataObject, RegExp];

const long = (length: number) => 'a'.repeat(length);
const longEmail = `${long(250)}@example.com`;
const ZERO_WIDTH = '\u200b';
const RTL_OVERRIDE = '\u202e';
const NUL = String.fromCharCode(0);

const loops: BadInput[] = [
	['missing email', {}, {}, /^Email: is required/],
	['empty email', {}, { email: '' }, /^Email: is required/],
	['email without @', {}, { email: 'ada.example.com' }, /^Email: "ada\.example\.com" is not a valid email address/],
	['email with a space', {}, { email: 'ada @example.com' }, /^Email: .* is not a valid email address/],
	['email over 254 characters', {}, { email: longEmail }, /^Email: is 262 characters long; an email address has at most 254/],
	['email with a zero-width space', {}, { email: `ada${ZERO_WIDTH}@example.com` }, /^Email: .* contains an invisible character/],
	['email with a right-to-left override', {}, { email: `ada${RTL_OVERRIDE}@example.com` }, /^Email: .* contains an invisible character/],
	['email that is an object', {}, { email: { value: 'a@example.com' } }, /^Email: must be text, but the value is an object/],
	['email that is a list', {}, { email: ['a@example.com'] }, /^Email: must be text, but the value is a list/],
	['first name with a NUL character', { additionalFields: { firstName: `Ada${NUL}` } }, { email: 'a@example.com' }, /^First Name: contains a control character/],
	['first name of 10,001 characters', { additionalFields: { firstName: long(10_001) } }, { email: 'a@example.com' }, /^First Name: is 10001 characters long; the limit is 10000/],
	['source that is an object', { additionalFields: { source: '={{ $json.src }}' } }, { email: 'a@example.com', src: { a: 1 } }, /^Source: must be text/],
	['user ID that is a list', { additionalFields: { userId: '={{ $json.ids }}' } }, { email: 'a@example.com', ids: [1, 2] }, /^User ID: must be text, but the value is a list/],
	['unknown Subscribed value', { additionalFields: { subscribed: '={{ "yes" }}' } }, { email: 'a@example.com' }, /^Subscribed: must be one of unchanged, subscribe, unsubscribe/],
	['mailing list ID that is empty', { additionalFields: { addToMailingLists: '={{ ["", "x"] }}' } }, { email: 'a@example.com' }, /^Add to Lists: is required but empty/],
	['list added and removed', { additionalFields: { addToMailingLists: ['l1'], removeFromMailingLists: ['l1'] } }, { email: 'a@example.com' }, /^Remove From Lists: list "l1" is also in Add to Lists/],
	['reserved name id', { customPropertiesMode: 'json', customPropertiesJson: '{"id": "x"}' }, { email: 'a@example.com' }, /^Properties \(JSON\): "id" is a name Loops reserves/],
	['reserved name teamId', { customPropertiesMode: 'json', customPropertiesJson: '{"teamId": "x"}' }, { email: 'a@example.com' }, /^Properties \(JSON\): "teamId" is a name Loops reserves/],
	['reserved name listId in fields', { customPropertiesMode: 'fields', customProperties: { property: [{ key: 'listId', type: 'string', stringValue: 'x' }] } }, { email: 'a@example.com' }, /^Custom Properties: "listId" is a name Loops reserves/],
	['standard field mailingLists as a property', { customPropertiesMode: 'json', customPropertiesJson: '{"mailingLists": true}' }, { email: 'a@example.com' }, /^Properties \(JSON\): "mailingLists" is a standard field/],
	['malformed JSON', { customPropertiesMode: 'json', customPropertiesJson: '{"plan": "pro",}' }, { email: 'a@example.com' }, /^Properties \(JSON\): is not valid JSON/],
	['JSON that is a number', { customPropertiesMode: 'json', customPropertiesJson: '42' }, { email: 'a@example.com' }, /^Properties \(JSON\): must be a JSON object, but is a number/],
	['JSON with a list value', { customPropertiesMode: 'json', customPropertiesJson: '{"tags": ["a"]}' }, { email: 'a@example.com' }, /^Properties \(JSON\): "tags" is a list/],
	['unknown property type', { customPropertiesMode: 'fields', customProperties: { property: [{ key: 'plan', type: '={{ "text" }}', stringValue: 'x' }] } }, { email: 'a@example.com' }, /^Custom Properties > plan > Type: must be one of auto, boolean, date, null, number, string/],
	['boolean property that is not true/false', { customPropertiesMode: 'fields', customProperties: { property: [{ key: 'isTrial', type: 'boolean', booleanValue: '={{ "maybe" }}' }] } }, { email: 'a@example.com' }, /^Custom Properties > isTrial: must be true or false/],
	['date property in day/month/year', { customPropertiesMode: 'fields', customProperties: { property: [{ key: 'dateJoined', type: 'date', dateValue: '={{ "08/01/2024" }}' }] } }, { email: 'a@example.com' }, /^Custom Properties > dateJoined: "08\/01\/2024" is not a date/],
	['number property that is text', { customPropertiesMode: 'fields', customProperties: { property: [{ key: 'seats', type: 'number', numberValue: '={{ "ten" }}' }] } }, { email: 'a@example.com' }, /^Custom Properties > seats: must be a number/],
];

const intercom: BadInput[] = [
	['no email, external ID or role', { role: '={{ "" }}' }, { email: '' }, /^Email: at least one of Email, External ID or Role is required/],
	['user without email or external ID', {}, { email: '' }, /^Email: a contact with the role User needs an Email or an External ID/],
	['unknown role', { role: '={{ "visitor" }}' }, { email: 'a@example.com' }, /^Role: must be one of user, lead/],
	['role that is a list', { role: '={{ ["user"] }}' }, { email: 'a@example.com' }, /^Role: must be text, but the value is a list/],
	['email without domain dot', {}, { email: 'joe@example' }, /^Email: "joe@example" is not a valid email address/],
	['email over 254 characters', {}, { email: longEmail }, /^Email: is 262 characters long/],
	['email with a zero-width space', {}, { email: `joe${ZERO_WIDTH}@example.com` }, /^Email: .* contains an invisible character/],
	['email that is an object', {}, { email: { a: 1 } }, /^Email: must be text, but the value is an object/],
	['external ID that is an object', { external_id: '={{ $json.ext }}' }, { email: 'a@example.com', ext: { id: 1 } }, /^External ID: must be text, but the value is an object/],
	['name with a control character', { additionalFields: { name: `Joe${String.fromCharCode(7)}` } }, { email: 'a@example.com' }, /^Name: contains a control character/],
	['phone of 10,001 characters', { additionalFields: { phone: long(10_001) } }, { email: 'a@example.com' }, /^Phone: is 10001 characters long/],
	['avatar that is not a URL', { additionalFields: { avatar: 'avatar.png' } }, { email: 'a@example.com' }, /^Avatar: "avatar.png" is not a web address/],
	['avatar with another scheme', { additionalFields: { avatar: 'ftp://example.org/a.png' } }, { email: 'a@example.com' }, /^Avatar: "ftp:\/\/example.org\/a.png" is not a web address/],
	['owner that is not a number', { additionalFields: { owner_id: '={{ "Ada" }}' } }, { email: 'a@example.com' }, /^Owner: must be a number/],
	['owner with decimals', { additionalFields: { owner_id: '={{ 1.5 }}' } }, { email: 'a@example.com' }, /^Owner: must be a whole number/],
	['owner that is negative', { additionalFields: { owner_id: '={{ -3 }}' } }, { email: 'a@example.com' }, /^Owner: must be a positive admin ID/],
	['signed up at that is not a date', { additionalFields: { signed_up_at: '={{ "last week" }}' } }, { email: 'a@example.com' }, /^Signed Up At: "last week" is not a date/],
	['last seen at on 30 February', { additionalFields: { last_seen_at: '2024-02-30T10:00:00' } }, { email: 'a@example.com' }, /^Last Seen At: "2024-02-30T10:00:00" is not a date/],
	['unsubscribed that is not true/false', { additionalFields: { unsubscribed_from_emails: '={{ "no" }}' } }, { email: 'a@example.com' }, /^Unsubscribed From Emails: must be true or false/],
	['malformed custom attributes JSON', { customAttributesMode: 'json', customAttributesJson: "{'plan': 'pro'}" }, { email: 'a@example.com' }, /^Attributes \(JSON\): is not valid JSON/],
	['custom attributes JSON that is a list', { customAttributesMode: 'json', customAttributesJson: '[{"plan": "pro"}]' }, { email: 'a@example.com' }, /^Attributes \(JSON\): must be a JSON object, but is a list/],
	['custom attribute that is a list', { customAttributesMode: 'json', customAttributesJson: '{"tags": ["a", "b"]}' }, { email: 'a@example.com' }, /^Attributes \(JSON\): "tags" is a list/],
	['custom attribute that is a list', { customAttributesMode: 'json', customAttributesJson: '{"plan": ["pro"]}' }, { email: 'a@example.com' }, /^Attributes \(JSON\): "plan" is a list/],
	['unknown attribute type', { customAttributesMode: 'fields', customAttributes: { attribute: [{ name: 'plan', type: '={{ "text" }}', stringValue: 'x' }] } }, { email: 'a@example.com' }, /^Custom Attributes > plan > Type: must be one of auto, boolean, clear, date, float, integer, string/],
	['integer attribute with decimals', { customAttributesMode: 'fields', customAttributes: { attribute: [{ name: 'seats', type: 'integer', numberValue: 2.5 }] } }, { email: 'a@example.com' }, /^Custom Attributes > seats: must be a whole number/],
	['float attribute that is text', { customAttributesMode: 'fields', customAttributes: { attribute: [{ name: 'spend', type: 'float', numberValue: '={{ "a lot" }}' }] } }, { email: 'a@example.com' }, /^Custom Attributes > spend: must be a number/],
	['unknown API version', { options: { apiVersion: '={{ "1.4" }}' } }, { email: 'a@example.com' }, /^Options > API Version: must be one of 2\.0/],
];

const email = { emailAddresses: [{ emailAddress: 'a@example.com', htmlEnabled: true }] };
const sfmc: BadInput[] = [
	['missing contact key', { contactKey: '={{ $json.none }}' }, { email: 'a@example.com' }, /^Contact Key: is required/],
	['contact key that is an object', { contactKey: '={{ $json.key }}' }, { email: 'a@example.com', key: { id: 1 } }, /^Contact Key: must be text, but the value is an object/],
	['contact key of 10,001 characters', { contactKey: long(10_001) }, { email: 'a@example.com' }, /^Contact Key: is 10001 characters long/],
	['contact key with a control character', { contactKey: `key${NUL}` }, { email: 'a@example.com' }, /^Contact Key: contains a control character/],
	['contact ID that is a list', { additionalFields: { contactID: '={{ [1, 2] }}' } }, { email: 'a@example.com' }, /^Contact ID: must be text, a number or true\/false, but is a list/],
	['no attribute set', { attributeSets: {} }, { email: 'a@example.com' }, /^Sets: a contact needs at least one of the attribute sets/],
	['Email Demographics alone', { attributeSets: { emailDemographics: [{ firstName: 'A' }] } }, { email: 'a@example.com' }, /^Sets: a contact needs at least one/],
	['Email Demographics without Email Addresses', { attributeSets: { emailDemographics: [{ firstName: 'A' }], mobilePushDemographics: [{ application: 'app1' }] } }, { email: 'a@example.com' }, /^Sets > Email Demographics: needs the Email Addresses attribute set too/],
	['LINE Demographics without LINE Addresses', { attributeSets: { ...email, lineSubscriptions: [{ addressId: 'x', channelId: 'c' }], lineDemographics: [{ addressId: 'x' }] } }, { email: 'a@example.com' }, /^Sets > GroupConnect LINE Demographics: needs the GroupConnect LINE Addresses and GroupConnect LINE Subscriptions/],
	['MobileConnect without Locale', { attributeSets: { mobileConnectDemographics: [{ mobileNumber: '317-531-5555', locale: '={{ $json.missing }}' }] } }, { email: 'a@example.com' }, /^Sets > MobileConnect Demographics > Locale: must be a two-letter country code/],
	['MobileConnect Locale that is a language tag', { attributeSets: { mobileConnectDemographics: [{ mobileNumber: '1', locale: 'en-US' }] } }, { email: 'a@example.com' }, /^Sets > MobileConnect Demographics > Locale: must be a two-letter country code such as US, but is "en-US"/],
	['MobileConnect Locale that is an emoji flag', { attributeSets: { mobileConnectDemographics: [{ mobileNumber: '1', locale: '🇺🇸' }] } }, { email: 'a@example.com' }, /^Sets > MobileConnect Demographics > Locale: must be a two-letter country code/],
	['MobilePush without Application', { attributeSets: { mobilePushDemographics: [{ deviceId: 'd', application: '={{ $json.missing }}' }] } }, { email: 'a@example.com' }, /^Sets > MobilePush Demographics > Application: is required/],
	['Email Addresses without the address', { attributeSets: { emailAddresses: [{ htmlEnabled: false, emailAddress: '={{ $json.missing }}' }] } }, { email: 'a@example.com' }, /^Sets > Email Addresses > Email Address: is required/],
	['Email Address that is not an email', { attributeSets: { emailAddresses: [{ emailAddress: 'acruz', htmlEnabled: true }] } }, { email: 'a@example.com' }, /^Sets > Email Addresses > Email Address: "acruz" is not a valid email address/],
	['Email Address over 254 characters', { attributeSets: { emailAddresses: [{ emailAddress: longEmail, htmlEnabled: true }] } }, { email: 'a@example.com' }, /^Sets > Email Addresses > Email Address: is 262 characters long/],
	['HTML Enabled that is not true/false', { attributeSets: { emailAddresses: [{ emailAddress: 'a@example.com', htmlEnabled: '={{ "yes" }}' }] } }, { email: 'a@example.com' }, /^Sets > Email Addresses > HTML Enabled: must be true or false/],
	['HTML Enabled missing (JSON)', { attributeSetsMode: 'json', attributeSetsJson: '[{"name": "Email Addresses", "items": [{"values": [{"name": "Email Address", "value": "a@example.com"}]}]}]' }, { email: 'a@example.com' }, /^Attribute Sets \(JSON\) > Email Addresses > HTML Enabled: is required/],
	['Email Addresses twice', { attributeSets: { emailAddresses: [{ emailAddress: 'a@example.com', htmlEnabled: true }, { emailAddress: 'b@example.com', htmlEnabled: true }] } }, { email: 'a@example.com' }, /^Sets > Email Addresses: is given more than once/],
	['a set twice in JSON, in other case', { attributeSetsMode: 'json', attributeSetsJson: '[{"name": "Email Addresses", "values": [{"name": "Email Address", "value": "a@example.com"}, {"name": "HTML Enabled", "value": true}]}, {"name": "email addresses", "values": []}]' }, { email: 'a@example.com' }, /^Attribute Sets \(JSON\) > email addresses: is given more than once/],
	['WhatsApp set', { attributeSetsMode: 'json', attributeSetsJson: '[{"name": "WhatsApp Subscriptions", "values": []}]' }, { email: 'a@example.com' }, /^Attribute Sets \(JSON\) > WhatsApp Subscriptions: WhatsApp is not supported\./],
	['malformed JSON', { attributeSetsMode: 'json', attributeSetsJson: '[{"name": "Email Addresses"' }, { email: 'a@example.com' }, /^Attribute Sets \(JSON\): is not valid JSON/],
	['JSON set without a name', { attributeSetsMode: 'json', attributeSetsJson: '[{"items": []}]' }, { email: 'a@example.com' }, /^Attribute Sets \(JSON\) > set 1 > name: is required/],
	['JSON value without a name', { attributeSetsMode: 'json', attributeSetsJson: '[{"name": "Email Addresses", "values": [{"value": "a@example.com"}]}]' }, { email: 'a@example.com' }, /^Attribute Sets \(JSON\) > Email Addresses > value name: is required/],
	['profile attribute without a name', { profileAttributes: { attribute: [{ setName: 'Email Demographics', name: '', value: 'x' }] } }, { email: 'a@example.com' }, /^Profile Attributes > entry 1 > Attribute Name: is required/],
	['profile attribute value that is an object', { profileAttributes: { attribute: [{ setName: 'Loyalty', name: 'Tier', value: '={{ { level: 1 } }}' }] } }, { email: 'a@example.com' }, /^Profile Attributes > Loyalty > Tier: must be text, a number or true\/false, but is an object/],
];

const voyado: BadInput[] = [
	['missing key field value', {}, { email: '' }, /^Email: is required: it is the key of contact type Member/],
	['mobile phone key missing', { keyField: 'mobilePhone', mobilePhone: '={{ "" }}' }, {}, /^Mobile Phone: is required: it is the key/],
	['unknown key field', { keyField: 'memberNumber' }, { email: 'a@example.com' }, /^Key Field: must be one of email, mobilePhone, externalId, socialSecurityNumber/],
	['invalid email', {}, { email: 'example.com' }, /^Email: "example.com" is not a valid email address/],
	['email over 254 characters', {}, { email: longEmail }, /^Email: is 262 characters long/],
	['email with a zero-width space', {}, { email: `a${ZERO_WIDTH}@example.com` }, /^Email: .* contains an invisible character/],
	['email that is a list', {}, { email: ['a@example.com'] }, /^Email: must be text, but the value is a list/],
	['mobile phone without +', { additionalFields: { mobilePhone: '46701234567' } }, { email: 'a@example.com' }, /^Mobile Phone: "46701234567" needs the country calling code/],
	['mobile phone with letters', { additionalFields: { mobilePhone: '+46 70 CALL ME' } }, { email: 'a@example.com' }, /^Mobile Phone: .* needs the country calling code/],
	['birthday with slashes', { additionalFields: { birthDay: '1966/06/26' } }, { email: 'a@example.com' }, /^Birthday: "1966\/06\/26" is not a date/],
	['birthday as a year', { additionalFields: { birthDay: '1966' } }, { email: 'a@example.com' }, /^Birthday: "1966" is not a date/],
	['birthday on 31 April', { additionalFields: { birthDay: '1990-04-31' } }, { email: 'a@example.com' }, /^Birthday: "1990-04-31" is not a real date/],
	['country code of three letters', { additionalFields: { countryCode: 'SWE' } }, { email: 'a@example.com' }, /^Country Code: "SWE" is not a two-letter country code/],
	['country code that is a flag emoji', { additionalFields: { countryCode: '🇸🇪' } }, { email: 'a@example.com' }, /^Country Code: ".*" is not a two-letter country code/],
	['unknown gender', { additionalFields: { gender: '={{ "F" }}' } }, { email: 'a@example.com' }, /^Gender: must be one of Female, Male, Other/],
	['first name with a control character', { additionalFields: { firstName: `Eva${String.fromCharCode(27)}` } }, { email: 'a@example.com' }, /^First Name: contains a control character/],
	['city of 10,001 characters', { additionalFields: { city: long(10_001) } }, { email: 'a@example.com' }, /^City: is 10001 characters long/],
	['preference that is not true/false', { preferences: { acceptsSms: '={{ "sometimes" }}' } }, { email: 'a@example.com' }, /^Preferences > Accepts SMS: must be true or false/],
	['consent whose id is an expression giving nothing', { consents: { consent: [{ id: '={{ $json.missing }}', value: true }] } }, { email: 'a@example.com' }, /^Consents > consent 1 > Consent: is required/],
	['consent id that is an object', { consents: { consent: [{ id: '={{ { id: 1 } }}', value: true }] } }, { email: 'a@example.com' }, /^Consents > consent 1 > Consent: must be text, but the value is an object/],
	['consent value that is text', { consents: { consent: [{ id: 'memberConsent', value: '={{ "ok" }}' }] } }, { email: 'a@example.com' }, /^Consents > consent 1 > Value: must be true or false/],
	['`country` in extra attributes', { extraAttributesMode: 'fields', extraAttributes: { attribute: [{ name: 'country', value: 'Sweden' }] } }, { email: 'a@example.com' }, /^Extra Attributes: "country" is never sent/],
	['malformed extra attributes JSON', { extraAttributesMode: 'json', extraAttributesJson: '{favoriteStore: 444}' }, { email: 'a@example.com' }, /^Attributes \(JSON\): is not valid JSON/],
	['null extra attribute', { extraAttributesMode: 'json', extraAttributesJson: '{"favoriteStore": null}' }, { email: 'a@example.com' }, /^Attributes \(JSON\): "favoriteStore" is null/],
	['extra attribute given twice', { extraAttributesMode: 'fields', extraAttributes: { attribute: [{ name: 'shoe', value: '1' }, { name: 'shoe', value: '2' }] } }, { email: 'a@example.com' }, /^Extra Attributes: "shoe" is given more than once/],
	['response-only field age', { extraAttributesMode: 'json', extraAttributesJson: '{"age": 57}' }, { email: 'a@example.com' }, /^Attributes \(JSON\): "age" is set by Engage/],
	['store that is a list', { queryParameters: { storeExternalId: '={{ ["444"] }}' } }, { email: 'a@example.com' }, /^Store: must be text, but the value is a list/],
];

const corpora: Array<[string, () => VendorUnderTest, BadInput[]]> = [
	['Loops', loopsUnderTest, loops],
	['Intercom', intercomUnderTest, intercom],
	['Salesforce Marketing Cloud', sfmcUnderTest, sfmc],
	['Voyado Engage', voyadoUnderTest, voyado],
];

describe.each(corpora)('%s bad-input corpus', (_name, makeVendor, cases) => {
	const vendor = makeVendor();
	beforeAll(async () => await vendor.start());
	afterAll(async () => await vendor.stop());
	beforeEach(() => vendor.reset());

	test('a bad item in a Continue On Fail batch: its error names it, nothing is sent for it, the others are created', async () => {
		const items = [{ email: 'one@example.com' }, { email: 'two@example.com' }, { email: 'not-an-email' }, { email: 'four@example.com' }];

		const result = await vendor.engine.run({ parameters: vendor.parameters(), items, onError: 'continueRegularOutput' });

		expect(result.items.map((item) => item.pairedItem)).toEqual(items.map((_, item) => ({ item })));
		expect(result.items.map((item) => vendor.isContact(item.json))).toEqual([true, true, false, true]);
		expect(result.items[2].json.error).toMatch(/"not-an-email" is not a valid email address \[item 2\]$/);
		expect(vendor.server.requestsTo('POST', vendor.createPath).map(vendor.itemOf)).not.toContain('not-an-email');
		expect(vendor.contacts()).toBe(3);
	});

	test.each(cases)('%s: refused, naming the field and the item, nothing sent', async (_case, extra, item, message) => {
		const result = await vendor.engine.run({ parameters: vendor.parameters(extra), items: [item] });

		expect(result.status).toBe('error');
		expect(result.error?.name).toBe('NodeOperationError');
		expect(result.error?.message).toMatch(message);
		expect(result.error?.message).toMatch(/\[item 0\]$/);
		expect(vendor.server.requests).toHaveLength(0);
	});

	test('unicode in names is sent intact', async () => {
		const name = 'Zoë Ångström-李 ✨';
		const extra: INodeParameters =
			_name === 'Salesforce Marketing Cloud'
				? { attributeSets: { ...email, emailDemographics: [{ firstName: name }] } }
				: _name === 'Intercom'
					? { additionalFields: { name } }
					: { additionalFields: { firstName: name } };
		const result = await vendor.engine.run({ parameters: vendor.parameters(extra), items: [{ email: 'unicode@example.com' }] });

		expect(result.status).toBe('success');
		expect(JSON.stringify(vendor.server.requestsTo('POST', vendor.createPath)[0].body)).toContain(JSON.stringify(name).slice(1, -1));
	});
});
