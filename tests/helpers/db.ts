import { env } from "cloudflare:test";

/**
 * Empties every table except the append-only audit log (which the database refuses to delete from;
 * tests that read it filter by their own action names) and the FTS5 shadow tables (`*_fts_data`, `_idx`, `_content`,
 * `_docsize`, `_config`: the FTS5 table itself is emptied, by its triggers and by name). Runs before each test (tests/setup).
 * No parameter: it is passed to beforeEach as it is.
 */
export function resetDatabase(): Promise<void> {
  return resetDatabaseOf(env.DB);
}

/** resetDatabase of another D1 database (the shard tests' second one, issue 14). */
export async function resetDatabaseOf(database: D1Database): Promise<void> {
  const { results } = await database
    .prepare(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT IN ('audit_log', 'd1_migrations', 'sqlite_sequence') AND name NOT LIKE '\\_cf\\_%' ESCAPE '\\' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND name NOT LIKE '%\\_fts\\_%' ESCAPE '\\'",
    )
    .all<{ name: string }>();
  await database.batch([database.prepare("PRAGMA defer_foreign_keys = on"), ...results.map((r) => database.prepare(`DELETE FROM "${r.name}"`))]);
}
