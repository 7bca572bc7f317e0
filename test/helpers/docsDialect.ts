// jest.config.js's `docs` project: the integration suite again, against the emulator's docs dialect.
process.env.EMULATOR_DIALECT = 'docs';
