/** One JSON line per event on stdout (stderr for errors), ready for any log collector. */
export interface Logger {
  info(message: string, details?: Record<string, unknown>): void;
  error(message: string, details?: Record<string, unknown>): void;
}

export function createLogger(write: (line: string, isError: boolean) => void = defaultWrite): Logger {
  const emit = (level: 'info' | 'error', message: string, details?: Record<string, unknown>): void => {
    write(JSON.stringify({ time: new Date().toISOString(), level, msg: message, ...details }), level === 'error');
  };
  return {
    info: (message, details) => emit('info', message, details),
    error: (message, details) => emit('error', message, details),
  };
}

function defaultWrite(line: string, isError: boolean): void {
  (isError ? process.stderr : process.stdout).write(`${line}\n`);
}

export const silentLogger: Logger = { info() {}, error() {} };
