import pino, { type Logger } from 'pino';

/** Structured JSON logs (pino); `LOG_LEVEL` sets the level, tests default to silent. */
export function createLogger(name: string, level = process.env.LOG_LEVEL ?? (process.env.JEST_WORKER_ID ? 'silent' : 'info')): Logger {
  return pino({
    name,
    level,
    redact: { paths: ['req.headers.authorization', 'headers.authorization', '*.password', '*.token'], censor: '[redacted]' },
  });
}

export type { Logger };
