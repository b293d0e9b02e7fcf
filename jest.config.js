/** Tests run the TypeScript sources through n8n-core's real engine; swc only strips types. */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	testMatch: ['**/*.test.ts'],
	transform: { '^.+\\.ts$': ['@swc/jest', { jsc: { target: 'es2022' } }] },
	setupFiles: ['<rootDir>/test/harness/env.js'],
	// Every suite's outputs, errors and logs are scanned for credential values after the run.
	globalSetup: '<rootDir>/test/harness/globalSetup.js',
	globalTeardown: '<rootDir>/test/harness/globalTeardown.js',
	testTimeout: 30000,
	maxWorkers: 2,
};
