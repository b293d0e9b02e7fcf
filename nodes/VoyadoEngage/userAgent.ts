/** How this package identifies itself to Voyado, which requires a User-Agent. Kept equal to its package name and version by a test. */
export const PACKAGE_USER_AGENT = 'n8n-nodes-contacts-voyado-engage/0.1.0';
