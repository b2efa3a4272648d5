/**
 * The public 求人情報検索 on the Japanese full-text index (R-JOB-2, issue 12, ADR 0021): job_postings_fts follows
 * search_text through its triggers; a word of 3 characters or more is an FTS5 phrase, a shorter one LIKE over the same
 * folded text; katakana and hiragana find each other. Through the model (job-search.test.ts covers the page).
 */
import { env } from "cloudflare:test";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { fixedClock } from "../../app/lib/clock";
import { foldKana } from "../../app/lib/search-text";
import { searchPublicPostings } from "../../app/models/job-search.server";
import { createDraft } from "../../app/models/posting/drafts.server";
import { acceptPosting } from "../../app/models/posting/review.server";
import { submitPosting } from "../../app/models/posting/submission.server";
import { getDb, schema } from "../../app/utils/db.server";
import { NOW } from "../helpers/clock";
import { createEmployerAccount, createEstablishment, createStaffAccount } from "../helpers/factories";
import { testMail } from "../helpers/postings";
import { completePosting } from "../unit/posting-fixture";

const db = () => getDb(env);
const t = schema.jobPostings;
const TODAY = "2026-11-26";
const clock = fixedClock(NOW);

async function acceptedPosting(jobTitle: string, jobDescription: string) {
  const establishment = await createEstablishment({ name: "株式会社日光サンプルケア" });
  const main = await createEmployerAccount(establishment.id);
  const officer = await createStaffAccount(establishment.officeCode);
  const base = completePosting();
  const posting = await createDraft(
    db(),
    clock,
    establishment,
    { ...base, jobTitle, jobDescription, category: { ...base.category, publication: 1 } },
    { accountId: main.id },
  );
  expect(
    await submitPosting(db(), clock, { establishmentId: establishment.id, accountId: main.id, officeCode: establishment.officeCode }, posting.id),
  ).toMatchObject({ ok: true });
  const acceptance = await acceptPosting(db(), clock, { staffId: officer.id, officeCode: establishment.officeCode }, posting.id, testMail());
  expect(acceptance.ok).toBe(true);
  return { id: posting.id, jobNumber: acceptance.ok ? acceptance.jobNumber : "" };
}

const titles = async (keyword: string) => (await searchPublicPostings(db(), TODAY, { keyword })).rows.map((r) => r.jobTitle);

async function ftsText(id: string): Promise<string[]> {
  const { results } = await env.DB.prepare("SELECT text FROM job_postings_fts WHERE id = ?").bind(id).all<{ text: string }>();
  return results.map((r) => r.text);
}

describe("R-JOB-2 issue 12: /jobs on the FTS5 trigram index", () => {
  it("R-JOB-2: 介護 (2 characters) and 介護職員 (FTS) find the posting; カナ, かな and ｶﾅ find each other; the index holds the folded search_text", async () => {
    const posting = await acceptedPosting("介護職員（デイサービス）", "ホームヘルパーとして送迎と入浴介助を担当します。");
    expect(await titles("介護")).toEqual(["介護職員（デイサービス）"]);
    expect(await titles("介護職員")).toEqual(["介護職員（デイサービス）"]);
    for (const keyword of ["ヘルパー", "へるぱー", "ﾍﾙﾊﾟｰ", "デイ", "でい"]) expect(await titles(keyword), keyword).toEqual(["介護職員（デイサービス）"]);
    expect(await titles('介護" OR "存在しない')).toEqual([]);
    const [row] = await db().select({ searchText: t.searchText }).from(t).where(eq(t.id, posting.id));
    expect(await ftsText(posting.id)).toEqual([foldKana(row!.searchText!)]);
  });

  it("R-JOB-2: the triggers follow search_text — a new text is found and the old not, a cleared text leaves the index, a deleted posting too", async () => {
    const posting = await acceptedPosting("調理補助", "厨房で盛り付けを担当します。");
    expect(await titles("盛り付け")).toEqual(["調理補助"]);
    await db().update(t).set({ searchText: "清掃スタッフ 客室の清掃" }).where(eq(t.id, posting.id));
    expect(await titles("盛り付け")).toEqual([]);
    expect(await titles("せいそう")).toEqual([]); // 清掃 is kanji: no reading is indexed
    expect(await titles("すたっふ")).toEqual(["調理補助"]);
    await db().update(t).set({ searchText: null }).where(eq(t.id, posting.id));
    expect(await ftsText(posting.id)).toEqual([]);
    await db().update(t).set({ searchText: "清掃" }).where(eq(t.id, posting.id));
    expect(await titles("清掃")).toEqual(["調理補助"]);
    await env.DB.batch([env.DB.prepare("PRAGMA defer_foreign_keys = on"), env.DB.prepare("DELETE FROM job_postings WHERE id = ?").bind(posting.id)]);
    expect(await ftsText(posting.id)).toEqual([]);
  });

  it("issue 14: the triggers find a posting's FTS row through job_postings_fts_rows (no scan), which follows every insert, update and delete", async () => {
    const mapped = async (id: string) =>
      (
        await env.DB.prepare("SELECT f.id, f.text FROM job_postings_fts_rows m JOIN job_postings_fts f ON f.rowid = m.fts_rowid WHERE m.id = ?")
          .bind(id)
          .all<{ id: string; text: string }>()
      ).results;
    const first = await acceptedPosting("倉庫作業", "フォークリフトで入出庫を担当します。");
    const second = await acceptedPosting("配送ドライバー", "ルート配送です。");
    expect((await mapped(first.id)).map((r) => r.id)).toEqual([first.id]);
    await db().update(t).set({ searchText: "検品スタッフ" }).where(eq(t.id, first.id));
    expect(await mapped(first.id)).toEqual([{ id: first.id, text: foldKana("検品スタッフ") }]);
    await env.DB.batch([env.DB.prepare("PRAGMA defer_foreign_keys = on"), env.DB.prepare("DELETE FROM job_postings WHERE id = ?").bind(first.id)]);
    expect(await mapped(first.id)).toEqual([]);
    expect(await ftsText(first.id)).toEqual([]);
    // The other posting's row is untouched, and each indexed row has exactly one entry in the map.
    expect(await titles("ドライバー")).toEqual(["配送ドライバー"]);
    const counts = await env.DB.prepare("SELECT (SELECT count(*) FROM job_postings_fts) AS fts, (SELECT count(*) FROM job_postings_fts_rows) AS rows").first<{
      fts: number;
      rows: number;
    }>();
    expect(counts).toEqual({ fts: 1, rows: 1 });
    expect((await mapped(second.id)).length).toBe(1);
  });
});
