/**
 * Structured logs: one JSON object per line (pino), for the log platform of the
 * municipality's estate; `LOG_FORMAT=pretty` writes short readable lines for people.
 *
 * The promise (AVG, BIO): a log line never holds a request URL, query string, header,
 * token, client IP address or a person's name. Callers pass a message and plain,
 * non-secret fields (counts, codes, route patterns, request ids). Error messages and
 * stacks are the one place where text from elsewhere could slip in, so IP addresses
 * are scrubbed from them before they are written.
 */
import { pino, stdTimeFunctions, type DestinationStream } from 'pino';

/** Plain, non-secret values only: no names, tokens, addresses or URLs. */
export type LogFields = Record<string, string | number | boolean | null | undefined>;

export interface Logger {
  info(message: string, fields?: LogFields): void;
  /** `fields` is optional so that loggers written before it (tests) still fit. */
  error(message: string, error?: unknown, fields?: LogFields): void;
}

export type LogLevel = 'silent' | 'error' | 'info';
export type LogFormat = 'json' | 'pretty';

export interface LoggerOptions {
  level: LogLevel;
  format?: LogFormat;
  /** Where lines go; stdout by default. Tests pass their own to read every line. */
  destination?: DestinationStream;
}

const IPV4 = /\b(?:\d{1,3}\.){3}\d{1,3}\b/g;
// Full (8 groups) or compressed (with ::) IPv6; line:column pairs in stacks are neither.
const IPV6 = /(?<![\w:.])(?:(?:[0-9a-f]{1,4}:){7}[0-9a-f]{1,4}|(?:[0-9a-f]{1,4}(?::[0-9a-f]{1,4})*)?::(?:[0-9a-f]{1,4}(?::[0-9a-f]{1,4})*)?)(?![\w:])/gi;

/** Replaces IPv4 and IPv6 addresses in free text (error messages such as "connect ECONNREFUSED 10.0.0.5:5432"). */
export function scrubAddresses(text: string): string {
  return text.replace(IPV4, '[ip]').replace(IPV6, '[ip]');
}

function serializeError(error: unknown): { type: string; message: string; stack?: string } | undefined {
  if (error === undefined || error === null) return undefined;
  if (error instanceof Error) {
    const code = (error as Error & { code?: unknown }).code;
    return {
      type: typeof code === 'string' ? `${error.name} ${code}` : error.name,
      message: scrubAddresses(error.message),
      ...(error.stack ? { stack: scrubAddresses(error.stack) } : {}),
    };
  }
  return { type: typeof error, message: scrubAddresses(String(error)) };
}

/** A few readable words per line for people at a terminal (LOG_FORMAT=pretty); no dependency needed. */
function prettyStream(out: NodeJS.WritableStream): DestinationStream {
  return {
    write(line: string) {
      const { level, time, msg, error: err, ...rest } = JSON.parse(line) as Record<string, unknown>;
      const fields = Object.entries(rest)
        .map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`)
        .join(' ');
      const e = err as { type?: string; message?: string; stack?: string } | undefined;
      const clock = typeof time === 'string' ? time.slice(11, 23) : '';
      out.write(`${clock} ${String(level).toUpperCase().padEnd(5)} ${String(msg)}${fields ? ' ' + fields : ''}\n`);
      if (e) out.write(`      ${e.stack ?? `${e.type}: ${e.message}`}\n`);
    },
  };
}

export function createLogger(options: LoggerOptions | LogLevel): Logger {
  const { level, format = 'json', destination } = typeof options === 'string' ? { level: options } : options;
  // Synchronous writes to stdout: a line is out before a crash, and containers collect stdout.
  const out = destination ?? (format === 'pretty' ? prettyStream(process.stdout) : pino.destination({ dest: 1, sync: true }));
  const base = pino(
    {
      level,
      // No pid or hostname: the platform adds where a line came from; keep lines small.
      base: undefined,
      messageKey: 'msg',
      timestamp: stdTimeFunctions.isoTime,
      // "level":"info" rather than 30: what log platforms (Loki, Elastic, Splunk) read without mapping.
      formatters: { level: (label) => ({ level: label }) },
    },
    out,
  );
  return {
    info(message, fields) {
      base.info(fields ?? {}, message);
    },
    error(message, error, fields) {
      base.error({ ...fields, error: serializeError(error) }, message);
    },
  };
}
