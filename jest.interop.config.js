/** Cross-checks against volatility3 (../shared/tools/vol_read.py). Each test says when it skips. */
const base = require('./jest.config.js');
module.exports = { ...base, testMatch: ['**/*.interop.test.ts'], testPathIgnorePatterns: ['/node_modules/'] };
