import type { Logger as PinoLogger } from 'pino';
import type { Logger as TypeormLogger } from 'typeorm';
import { postgresErrorCode } from './postgres-errors';

// Query parameters are never logged: they carry phone numbers, addresses and names.
const MAX_SQL_LENGTH = 2_000;

function clip(sql: string): string {
  return sql.length > MAX_SQL_LENGTH ? `${sql.slice(0, MAX_SQL_LENGTH)}…` : sql;
}

/**
 * TypeORM logger writing to pino: slow queries and failed queries as warnings, migrations as
 * info, everything else at debug. Individual statements are not logged (too many, and TypeORM
 * already reports failures to the caller).
 */
export class TypeormPinoLogger implements TypeormLogger {
  constructor(protected readonly logger?: PinoLogger) {}

  logQuery(_query: string, _parameters?: unknown[]): void {
    // Nothing: a statement that neither failed nor was slow is not news.
  }

  logQueryError(error: string | Error, query: string): void {
    const message = typeof error === 'string' ? error : error.message;
    this.logger?.warn({ sql: clip(query), code: postgresErrorCode(error), err: message }, 'query failed');
  }

  logQuerySlow(time: number, query: string): void {
    this.logger?.warn({ sql: clip(query), ms: time }, 'slow query');
  }

  logSchemaBuild(message: string): void {
    this.logger?.debug(message);
  }

  logMigration(message: string): void {
    this.logger?.info(message);
  }

  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    if (level === 'warn') this.logger?.warn(String(message));
    else this.logger?.debug(String(message));
  }
}
