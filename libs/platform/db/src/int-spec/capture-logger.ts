import pino, { type Logger } from 'pino';

/** A pino logger that keeps its records in memory, so a test can assert on what was logged. */
export function captureLogger(): { logger: Logger; records: Array<Record<string, any>> } {
  const records: Array<Record<string, any>> = [];
  const logger = pino({ level: 'debug' }, { write: (line: string) => records.push(JSON.parse(line)) });
  return { logger, records };
}
