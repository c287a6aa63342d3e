import type { DataSource } from 'typeorm';
import { isUniqueViolation } from '@courierdesk/platform-db';
import type { Versioned } from '@courierdesk/domain-sla';
import { trackingError, type TrackingErrorCode } from '../common/tracking.errors';

/** Where one kind of published rule lives: its table, its JSON column and its not-found reason. */
export interface RuleTable {
  table: 'tariff_version' | 'prohibited_item_catalogue';
  body: 'body' | 'items';
  notFound: TrackingErrorCode;
}

/** A published version as stored: the rule, who published it, from which version. */
export interface Published<R extends Versioned> {
  rule: R;
  basedOn: string | null;
  publishedAt: Date;
  publishedBy: string;
}

interface RawVersion {
  version: string;
  effective_from: Date;
  content: unknown;
  based_on: string | null;
  published_at: Date;
  published_by: string;
}

/**
 * Published rule versions (tariffs, the prohibited-items catalogue): read whole (a handful of
 * versions, a few KB each), appended, never changed — the table's trigger refuses UPDATE and
 * DELETE, this class only inserts. `toRule` turns the stored JSON back into the domain's rule.
 */
export class RuleVersionStore<R extends Versioned> {
  constructor(
    private readonly ds: DataSource,
    private readonly where: RuleTable,
    private readonly toRule: (version: string, effectiveFrom: Date, content: unknown) => R,
  ) {}

  /** Every version, oldest first: one query. */
  async all(): Promise<Published<R>[]> {
    const rows: RawVersion[] = await this.ds.query(
      `SELECT version, effective_from, ${this.where.body} AS content, based_on, published_at, published_by
       FROM ${this.where.table} ORDER BY effective_from`,
    );
    return rows.map((row) => ({
      rule: this.toRule(row.version, row.effective_from, row.content),
      basedOn: row.based_on,
      publishedAt: row.published_at,
      publishedBy: row.published_by,
    }));
  }

  /** One version by name; NOT_FOUND with the table's reason. */
  async byName(version: string): Promise<Published<R>> {
    const found = (await this.all()).find((p) => p.rule.version === version);
    if (!found) throw trackingError(this.where.notFound, `No published version ${version}`);
    return found;
  }

  /**
   * Adds a version. CONFLICT (RULE_VERSION_EXISTS) when its name or its start is taken — two
   * publishers racing for one slot both reach the unique indexes, so exactly one wins.
   */
  async publish(rule: R, content: unknown, basedOn: string | null, publishedBy: string): Promise<void> {
    try {
      await this.ds.query(
        `INSERT INTO ${this.where.table} (version, effective_from, ${this.where.body}, based_on, published_by) VALUES ($1, $2, $3::jsonb, $4, $5)`,
        [rule.version, rule.effectiveFrom.toISOString(), JSON.stringify(content), basedOn, publishedBy],
      );
    } catch (err) {
      if (isUniqueViolation(err)) throw trackingError('RULE_VERSION_EXISTS', `A version named ${rule.version} or starting at that instant exists already`);
      throw err;
    }
  }

  /** Loads versions that ship with the code (demo, tests) unless present; returns how many it added. */
  async loadMissing(rules: readonly R[], contentOf: (rule: R) => unknown, publishedBy: string): Promise<number> {
    let added = 0;
    for (const rule of rules) {
      const result: unknown[] = await this.ds.query(
        `INSERT INTO ${this.where.table} (version, effective_from, ${this.where.body}, published_by) VALUES ($1, $2, $3::jsonb, $4)
         ON CONFLICT DO NOTHING RETURNING version`,
        [rule.version, rule.effectiveFrom.toISOString(), JSON.stringify(contentOf(rule)), publishedBy],
      );
      added += result.length;
    }
    return added;
  }
}
