/** Tests run the TypeScript sources through n8n-core's real engine; swc only strips types. */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	testMatch: ['**/*.test.ts'],
	transform: { '^.+\\.ts$': ['@swc/jest', { jsc: { target: 'es2022' } }] },
	setupFiles: ['<rootDir>/test/harness/env.js'],
	testTimeout: 30000,
	maxWorkers: 2,
};
