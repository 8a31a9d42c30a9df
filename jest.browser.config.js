/** Browser tests (npm run test:browser): the HTML reports in headless Chromium. Kept out of `npm test`. */
const base = require('./jest.config.js');
module.exports = { ...base, testMatch: ['**/*.browser.test.ts'], testPathIgnorePatterns: ['/node_modules/'], testTimeout: 120000 };
