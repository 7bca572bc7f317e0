/**
 * Structured logs (pino): one JSON line per event, pretty in development. Anything that looks
 * like a credential is redacted wherever it sits in a log object.
 */
import { pino, type DestinationStream, type Logger } from 'pino';

export type { Logger };

export interface LoggerOptions {
  /** Human-readable lines (pino-pretty) instead of JSON. */
  pretty?: boolean;
  level?: string;
  /** Where lines go; stdout by default. Tests pass a collector. */
  destination?: DestinationStream;
}

const REDACTED_PATHS = [
  'authorization',
  'apiKey',
  'headers.authorization',
  'req.headers.authorization',
  'request.headers.authorization',
  '*.authorization',
  '*.apiKey',
];

export function createLogger(options: LoggerOptions = {}): Logger {
  const settings = {
    level: options.level ?? 'info',
    base: undefined,
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label: string) => ({ level: label }) },
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
  };
  if (options.destination) return pino(settings, options.destination);
  if (options.pretty) {
    return pino({
      ...settings,
      formatters: {},
      transport: { target: 'pino-pretty', options: { translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname' } },
    });
  }
  return pino(settings);
}

export const silentLogger: Logger = pino({ level: 'silent' });
