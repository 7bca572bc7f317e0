/**
 * `npm run doctor`: checks, with the gateway's own settings, what the gateway assumes about an
 * Acquire account, and says per assumption what it observed, what the gateway will do and what
 * to set. Read-only: its one write, an internal note, is made only with `--write-case <case id>`.
 * `--json` prints one JSON object instead of the table. Exits 1 when a finding fails, 0 otherwise
 * (2 for a configuration that does not load, as the gateway).
 */
import { ConfigError, loadConfig, type Config } from '../src/config.js';
import { runChecks, type Finding } from './doctor/checks.js';
import { Prober } from './doctor/prober.js';
import { renderTable } from './doctor/table.js';

interface Arguments {
  json: boolean;
  writeCase: string | null;
}

const USAGE = 'npm run doctor [-- --json] [-- --write-case <case id>]';

function argumentsOf(argv: readonly string[]): Arguments {
  const parsed: Arguments = { json: false, writeCase: null };
  for (let index = 0; index < argv.length; index += 1) {
    const argument = argv[index]!;
    if (argument === '--json') parsed.json = true;
    else if (argument === '--write-case') {
      const value = argv[index + 1];
      if (value === undefined) throw new ConfigError(`--write-case needs a case id: ${USAGE}`);
      parsed.writeCase = value;
      index += 1;
    } else if (argument.startsWith('--write-case=')) parsed.writeCase = argument.slice('--write-case='.length);
    else throw new ConfigError(`unknown argument "${argument.slice(0, 40)}": ${USAGE}`);
  }
  return parsed;
}

async function findingsOf(config: Config, args: Arguments): Promise<Finding[]> {
  const upstream = config.upstream;
  if (!upstream?.apiKey) {
    return [
      {
        id: 'credentials',
        status: 'fail',
        assumption: 'The gateway is pointed at an account, with a key.',
        observed: upstream ? 'ACQUIRE_API_KEY is not set.' : 'Neither ACQUIRE_ACCOUNT_ID nor ACQUIRE_BASE_URL is set: the gateway would run on its emulator.',
        action: 'Set ACQUIRE_ACCOUNT_ID (or ACQUIRE_BASE_URL) and ACQUIRE_API_KEY, as for npm start.',
      },
    ];
  }
  const prober = new Prober(upstream.baseUrl, upstream.apiKey, config.timeoutMs);
  const findings = await runChecks(prober, { dialect: config.dialect, webhookSecret: config.live.webhookSecret !== null, writeCase: args.writeCase });
  return findings;
}

async function main(): Promise<void> {
  let config: Config;
  let args: Arguments;
  try {
    config = loadConfig();
    args = argumentsOf(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(`Configuration error: ${error.message}`);
    process.exit(2);
  }
  const findings = await findingsOf(config, args);
  const ok = findings.every((finding) => finding.status !== 'fail');
  if (args.json) {
    console.log(JSON.stringify({ ok, account: config.upstream?.baseUrl ?? null, findings }, null, 2));
  } else {
    console.log(`Acquire account: ${config.upstream?.baseUrl ?? 'none configured'}\n`);
    console.log(renderTable(findings));
    console.log(ok ? '\nNo finding failed.' : '\nSome findings failed: see "What to do".');
  }
  process.exitCode = ok ? 0 : 1;
}

await main();
