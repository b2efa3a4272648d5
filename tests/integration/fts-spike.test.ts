import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";

/**
 * issue 12 spike (ADR 0021): the local D1 (workerd/miniflare) runs FTS5 with the trigram tokenizer (SQLite ≥ 3.34),
 * and triggers can keep such a table in step with a base table in the same statement.
 */
describe("issue 12 spike: FTS5 trigram on the local D1", () => {
  it("creates an FTS5 trigram table, matches a 3-character Japanese term inside a word and is kept in step by a trigger", async () => {
    // D1 refuses sqlite_version() ("not authorized to use function"): the trigram tokenizer itself (SQLite ≥ 3.34) is the proof.
    await expect(env.DB.prepare("SELECT sqlite_version() AS v").first()).rejects.toThrow(/not authorized/);
    await env.DB.batch([
      env.DB.prepare("DROP TABLE IF EXISTS spike_base"),
      env.DB.prepare("DROP TABLE IF EXISTS spike_fts"),
      env.DB.prepare("CREATE TABLE spike_base (id INTEGER PRIMARY KEY, body TEXT NOT NULL)"),
      env.DB.prepare("CREATE VIRTUAL TABLE spike_fts USING fts5(body, tokenize='trigram')"),
      env.DB.prepare("CREATE TRIGGER spike_ai AFTER INSERT ON spike_base BEGIN INSERT INTO spike_fts(rowid, body) VALUES (new.id, new.body); END"),
      env.DB.prepare("INSERT INTO spike_base (id, body) VALUES (1, '介護福祉士の資格があります'), (2, '一般事務の経験')"),
    ]);
    try {
      const hit = await env.DB.prepare("SELECT rowid FROM spike_fts WHERE spike_fts MATCH ?").bind('"介護福祉"').all<{ rowid: number }>();
      expect(hit.results.map((r) => r.rowid)).toEqual([1]);
      // Two characters are below the trigram: MATCH finds nothing, LIKE over the same text does.
      const short = await env.DB.prepare("SELECT rowid FROM spike_fts WHERE spike_fts MATCH ?").bind('"介護"').all();
      expect(short.results).toEqual([]);
      const like = await env.DB.prepare("SELECT rowid FROM spike_fts WHERE body LIKE ?").bind("%介護%").all<{ rowid: number }>();
      expect(like.results.map((r) => r.rowid)).toEqual([1]);
    } finally {
      await env.DB.batch([env.DB.prepare("DROP TABLE spike_fts"), env.DB.prepare("DROP TABLE spike_base")]);
    }
  });
});
