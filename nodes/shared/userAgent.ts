/** How this package identifies itself to vendors that ask for a User-Agent (Voyado requires one). Kept equal to package.json's version by a test. */
export const PACKAGE_USER_AGENT = 'n8n-nodes-contacts/0.1.0';
