import type { Logger as PinoLogger } from 'pino';
import { TypeormPinoLogger } from './typeorm-pino.logger';

/**
 * A TypeORM logger that counts the SQL statements a DataSource sends — through `ds.query`,
 * repositories, query builders and transactions (`START TRANSACTION` and `COMMIT` count too).
 * N+1 guard tests use it: `counter.reset()`, run one GraphQL operation, assert `counter.count`.
 * Slow and failed queries are still logged when a pino logger is given.
 *
 * For tests only: it keeps every statement in memory.
 */
export class QueryCounter extends TypeormPinoLogger {
  private readonly executed: string[] = [];

  constructor(logger?: PinoLogger) {
    super(logger);
  }

  /** Number of statements since construction or the last {@link reset}. */
  get count(): number {
    return this.executed.length;
  }

  /** The statements since construction or the last {@link reset}, in order. */
  get statements(): readonly string[] {
    return [...this.executed];
  }

  /** Statements matching `pattern`, e.g. `/^SELECT/i` to ignore transaction control. */
  matching(pattern: RegExp): string[] {
    return this.executed.filter((sql) => pattern.test(sql));
  }

  /** Forgets what was counted so far. */
  reset(): void {
    this.executed.length = 0;
  }

  override logQuery(query: string): void {
    this.executed.push(query);
  }
}
