/**
 * A deliberately small logger. It never receives request URLs, query strings,
 * headers or tokens: callers pass a message and plain, non-secret fields.
 * No client IP addresses are logged (AVG).
 */
export interface Logger {
  info(message: string, fields?: Record<string, string | number | boolean>): void;
  error(message: string, error?: unknown): void;
}

export function createLogger(level: 'silent' | 'error' | 'info'): Logger {
  const write = (kind: string, message: string, extra?: string) => {
    const line = `${new Date().toISOString()} ${kind} ${message}${extra ? ' ' + extra : ''}\n`;
    (kind === 'ERROR' ? process.stderr : process.stdout).write(line);
  };
  return {
    info(message, fields) {
      if (level !== 'info') return;
      write('INFO', message, fields ? JSON.stringify(fields) : undefined);
    },
    error(message, error) {
      if (level === 'silent') return;
      const detail = error instanceof Error ? `${error.name}: ${error.message}` : error ? String(error) : '';
      write('ERROR', message, detail);
    },
  };
}
