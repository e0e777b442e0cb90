const fs = require('node:fs');
const swc = JSON.parse(fs.readFileSync(`${__dirname}/.swcrc`, 'utf8'));
const ESM_PACKAGES = [
  '@nestjs',
  'file-type',
  'strtok3',
  'token-types',
  'peek-readable',
  'uint8array-extras',
  '@tokenizer',
  'load-esm',
  '@fastify',
  'content-disposition',
  'kdbush',
];
const shared = {
  rootDir: __dirname,
  testEnvironment: 'node',
  // NestJS 12 ships ES modules; Jest on Node 20 cannot require() them, so SWC turns them into CommonJS.
  transform: { '^.+\\.(ts|js|mjs)$': ['@swc/jest', { ...swc, swcrc: false }] },
  transformIgnorePatterns: [`/node_modules/(?!(${ESM_PACKAGES.join('|')})/)`],
  moduleNameMapper: { '^@circle/(.*)$': '<rootDir>/libs/$1/src' },
  moduleFileExtensions: ['ts', 'js', 'json'],
};
module.exports = {
  // A project-level testTimeout is ignored by Jest; integration tests boot real processes.
  testTimeout: 60000,
  projects: [
    { ...shared, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs}/**/*.spec.ts'] },
    {
      ...shared,
      displayName: 'integration',
      testMatch: ['<rootDir>/test/**/*.int-spec.ts'],
      testTimeout: 60000,
    },
  ],
};
