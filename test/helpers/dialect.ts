/**
 * The emulator dialect a test file runs against (EMULATOR_DIALECT: jest.config.js runs
 * test/integration under both), and the settings a gateway in front of it takes: those that
 * `npm run doctor` names for that dialect (test/integration/doctor.test.ts checks that they agree).
 */
import type { DialectName } from '../../emulator/dialect.js';
import { startEmulator, type Emulator, type EmulatorOptions } from '../../emulator/server.js';

export const ACCOUNT_SETTINGS: Readonly<Record<DialectName, Readonly<Record<string, string>>>> = {
  default: {},
  docs: {
    ACQUIRE_LIST_PARAMS: 'pipe',
    ACQUIRE_QUEUE_STATUS: 'pending',
    ACQUIRE_CONTACT_PAGING: 'filter',
    ACQUIRE_EMAIL_CHANNEL: 'email',
    ACQUIRE_NOTES_FIRST_PAGE: '1',
  },
};

export function dialectUnderTest(): DialectName {
  return process.env.EMULATOR_DIALECT === 'docs' ? 'docs' : 'default';
}

/** The environment of a gateway configured for the dialect under test. */
export function accountEnv(): Readonly<Record<string, string>> {
  return ACCOUNT_SETTINGS[dialectUnderTest()];
}

/** The emulator in the dialect under test. */
export function startDialectEmulator(options: Omit<EmulatorOptions, 'dialect'> = {}): Promise<Emulator> {
  return startEmulator({ ...options, dialect: dialectUnderTest() });
}

/** What a test expects under each dialect, where the gateway sends otherwise (its settings differ). */
export function underDialect<T>(expected: Readonly<Record<DialectName, T>>): T {
  return expected[dialectUnderTest()];
}
