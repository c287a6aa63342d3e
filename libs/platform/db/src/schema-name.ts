const SCHEMA_NAME = /^[a-z_][a-z0-9_]*$/;

/**
 * Checks a PostgreSQL schema name and returns it double-quoted for use in DDL.
 * Identifiers cannot be bound as query parameters, so names are restricted to a safe
 * alphabet before they are ever interpolated into SQL.
 */
export function quoteSchemaName(schema: string): string {
  assertSchemaName(schema);
  return `"${schema}"`;
}

/** Throws unless `schema` is a lower-case identifier PostgreSQL will accept as a user schema. */
export function assertSchemaName(schema: string): void {
  if (!SCHEMA_NAME.test(schema)) {
    throw new Error(`Invalid schema name ${JSON.stringify(schema)}: use lower-case letters, digits and _`);
  }
  // PostgreSQL silently truncates longer identifiers, which would merge two subgraphs' schemas.
  if (schema.length > 63) throw new Error(`Invalid schema name "${schema}": longer than 63 characters`);
  if (schema.startsWith('pg_')) throw new Error(`Invalid schema name "${schema}": the pg_ prefix is reserved`);
}
