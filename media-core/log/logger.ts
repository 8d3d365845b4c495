import { pino, type Logger as PinoLogger, type DestinationStream } from 'pino';

export type Logger = PinoLogger;

export interface LoggerOptions {
  level?: string;
  /** Where JSON lines go; stdout by default (one JSON object per line, as the ready line). */
  destination?: DestinationStream;
}

// Secrets never reach the log, whatever a caller passes by mistake.
const REDACT = [
  'password',
  '*.password',
  'token',
  '*.token',
  'apipass',
  '*.apipass',
  'authorization',
  '*.authorization',
  'req.headers.authorization',
  'req.query.token',
];

export function createLogger(opts: LoggerOptions = {}): Logger {
  return pino(
    {
      level: opts.level ?? process.env.WINK_LOG_LEVEL ?? 'info',
      base: { app: 'wink-core' },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: { paths: REDACT, censor: '[redacted]' },
      formatters: { level: (label) => ({ level: label }) },
    },
    opts.destination ?? pino.destination({ fd: 1, sync: true }),
  );
}

/** A logger that drops everything; for unit tests that do not assert on logs. */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}
