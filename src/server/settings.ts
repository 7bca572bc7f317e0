/** The part of the configuration that shapes a gateway (the rest is the entry point's: port, host, logs, traces). */
import type { Config } from '../config.js';

export type GatewaySettings = Omit<Config, 'port' | 'host' | 'upstream' | 'log' | 'otlpTracesUrl'>;

export function settingsOf(config: Config): GatewaySettings {
  const { port: _port, host: _host, upstream: _upstream, log: _log, otlpTracesUrl: _otlp, ...settings } = config;
  return settings;
}
