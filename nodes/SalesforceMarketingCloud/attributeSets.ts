/**
 * The attribute sets the create-contact doc names, with their documented attributes, in the
 * doc's order. `key` is the n8n option name; `name` the set name sent to Marketing Cloud.
 */
export interface AttributeDefinition {
	/** The attribute name Marketing Cloud expects (the doc's spelling). */
	name: string;
	/** The n8n parameter holding it. */
	parameter: string;
	/**
	 * string: text; boolean: a switch; numeric: a number when the text is one, as the doc's
	 * example shows (Status 1, Device ID 958405948), else text; scalar: text, number or boolean as given.
	 */
	type: 'string' | 'boolean' | 'numeric' | 'scalar';
	description: string;
	placeholder?: string;
	/** Marked required in the editor once the set is added: the doc's rules need it with the set. */
	required?: boolean;
}

export interface AttributeSetDefinition {
	key: string;
	name: string;
	description: string;
	attributes: AttributeDefinition[];
}

export const EMAIL_ADDRESSES = 'Email Addresses';
export const EMAIL_DEMOGRAPHICS = 'Email Demographics';
export const MOBILECONNECT_DEMOGRAPHICS = 'MobileConnect Demographics';
export const MOBILEPUSH_DEMOGRAPHICS = 'MobilePush Demographics';
export const LINE_ADDRESSES = 'GroupConnect LINE Addresses';
export const LINE_SUBSCRIPTIONS = 'GroupConnect LINE Subscriptions';
export const LINE_DEMOGRAPHICS = 'GroupConnect LINE Demographics';

/** The create rule on sets, in the sets' own names (the panel's notice and the error say the same). */
export const REQUIRED_SETS_RULE = `at least one of the attribute sets Email Addresses, MobileConnect Demographics, MobilePush Demographics, or ${LINE_ADDRESSES} with ${LINE_SUBSCRIPTIONS}`;

/** Set and attribute names are matched the same way everywhere: trimmed, case ignored. */
export function sameName(a: string, b: string): boolean {
	return a.trim().toLowerCase() === b.trim().toLowerCase();
}

export const DOCUMENTED_SETS: AttributeSetDefinition[] = [
	{
		key: 'emailAddresses',
		name: EMAIL_ADDRESSES,
		description: 'The email channel address. Needs HTML Enabled.',
		attributes: [
			{ name: 'Email Address', parameter: 'emailAddress', type: 'string', description: "The contact's email address", placeholder: 'e.g. nathan@example.com', required: true },
			{ name: 'HTML Enabled', parameter: 'htmlEnabled', type: 'boolean', description: 'Whether the contact receives HTML emails' },
		],
	},
	{
		key: 'emailDemographics',
		name: EMAIL_DEMOGRAPHICS,
		description: 'Profile attributes of the email channel. Needs Email Addresses.',
		attributes: [
			{ name: 'Last Name', parameter: 'lastName', type: 'string', description: "The contact's last name" },
			{ name: 'First Name', parameter: 'firstName', type: 'string', description: "The contact's first name" },
		],
	},
	{
		key: 'mobileConnectDemographics',
		name: MOBILECONNECT_DEMOGRAPHICS,
		description: 'The SMS channel (MobileConnect). Needs a country code as Locale.',
		attributes: [
			{ name: 'Mobile Number', parameter: 'mobileNumber', type: 'scalar', description: 'The mobile phone number', placeholder: 'e.g. 317-531-5555' },
			{ name: 'Locale', parameter: 'locale', type: 'string', description: 'Two-letter country code of the number', placeholder: 'e.g. US', required: true },
			{ name: 'Status', parameter: 'status', type: 'numeric', description: 'The MobileConnect status code, e.g. 1' },
		],
	},
	{
		key: 'mobilePushDemographics',
		name: MOBILEPUSH_DEMOGRAPHICS,
		description: 'The push channel (MobilePush). Needs the application ID.',
		attributes: [
			{ name: 'Device ID', parameter: 'deviceId', type: 'numeric', description: 'The device ID' },
			{ name: 'Application', parameter: 'application', type: 'numeric', description: 'The MobilePush application ID', required: true },
		],
	},
	{
		key: 'lineAddresses',
		name: LINE_ADDRESSES,
		description: `The LINE channel address. Goes with ${LINE_SUBSCRIPTIONS}.`,
		attributes: [{ name: 'Address ID', parameter: 'addressId', type: 'string', description: 'The LINE address ID' }],
	},
	{
		key: 'lineSubscriptions',
		name: LINE_SUBSCRIPTIONS,
		description: `The LINE channel subscription. Goes with ${LINE_ADDRESSES}.`,
		attributes: [
			{ name: 'Address ID', parameter: 'addressId', type: 'string', description: 'The LINE address ID' },
			{ name: 'Channel ID', parameter: 'channelId', type: 'string', description: 'The LINE channel ID' },
		],
	},
	{
		key: 'lineDemographics',
		name: LINE_DEMOGRAPHICS,
		description: `LINE profile attributes. Needs ${LINE_ADDRESSES} and ${LINE_SUBSCRIPTIONS}.`,
		attributes: [
			{ name: 'Address ID', parameter: 'addressId', type: 'string', description: 'The LINE address ID' },
			{ name: 'Display Name', parameter: 'displayName', type: 'string', description: 'The LINE display name' },
			{ name: 'Picture Url', parameter: 'pictureUrl', type: 'string', description: 'The LINE picture URL' },
			{ name: 'Status Message', parameter: 'statusMessage', type: 'string', description: 'The LINE status message' },
		],
	},
];
