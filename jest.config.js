/** Jest runs the TypeScript sources as native ES modules: @swc/jest strips types, Node's VM modules load them. */
const base = {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  transform: {
    '^.+\\.ts$': [
      '@swc/jest',
      {
        jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
        module: { type: 'es6' },
        sourceMaps: 'inline',
      },
    ],
  },
  // Sources import siblings as './x.js' (NodeNext); under jest those are the .ts files.
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
};

export default {
  testTimeout: 20000,
  projects: [
    { ...base, displayName: 'default', testMatch: ['<rootDir>/test/**/*.test.ts'] },
    // The integration suite again, against the emulator's docs dialect (test/helpers/dialect.ts).
    { ...base, displayName: 'docs', testMatch: ['<rootDir>/test/integration/**/*.test.ts'], setupFiles: ['<rootDir>/test/helpers/docsDialect.ts'] },
  ],
};
