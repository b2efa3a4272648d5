import { env } from "cloudflare:test";

/**
 * Empties every table except the append-only audit log (which the database refuses to delete from;
 * tests that read it filter by their own action names). Runs before each test (tests/setup).
 */
export async function resetDatabase(): Promise<void> {
  const { results } = await env.DB.prepare(
    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT IN ('audit_log', 'd1_migrations', 'sqlite_sequence') AND name NOT LIKE '\\_cf\\_%' ESCAPE '\\' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'",
  ).all<{ name: string }>();
  await env.DB.batch([env.DB.prepare("PRAGMA defer_foreign_keys = on"), ...results.map((r) => env.DB.prepare(`DELETE FROM "${r.name}"`))]);
}
