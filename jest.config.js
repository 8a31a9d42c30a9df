/** Unit, golden and property tests. Interop tests (need VOLATILITY3_PATH) run under jest.interop.config.js, browser tests under jest.browser.config.js. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/src'],
  testMatch: ['**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '\\.interop\\.test\\.ts$', '\\.browser\\.test\\.ts$'],
  transform: { '^.+\\.ts$': ['ts-jest', { isolatedModules: true }] },
  testTimeout: 60000,
  // A private temp folder per run; the run fails if a test leaves anything in it (src/testing/jestTempFolder.js).
  globalSetup: '<rootDir>/src/testing/jestTempFolder.js',
  globalTeardown: '<rootDir>/src/testing/jestTempFolder.js',
};
