/**
 * 求職情報検索's model (R-SEARCH-1, issue 12) and the Japanese full-text search under it (ADR 0021): the FTS5 trigram
 * index of the published seekers' profile text, kept in step by triggers; two-character words by LIKE over the same
 * folded text; full-width/half-width and katakana/hiragana alike; FTS5 syntax in a query is text; only published
 * seekers, only anonymised columns. Through the model (no page yet: the next session builds it).
 */
import { env } from "cloudflare:test";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { foldKana } from "../../app/lib/search-text";
import { searchPublishedSeekers, type SeekerSearchFilters } from "../../app/models/seeker-search.server";
import { getDb, schema } from "../../app/utils/db.server";
import { createSeeker } from "../helpers/referrals";

const db = () => getDb(env);
const js = schema.jobSeekers;
const TODAY = "2026-11-26";

async function found(filters: SeekerSearchFilters, sort?: "updated" | "wageAsc" | "wageDesc") {
  return searchPublishedSeekers({ db: db(), today: TODAY, filters, sort });
}

/** The desired occupations of the results, as a sorted list (each seeker below has its own). */
async function occupations(filters: SeekerSearchFilters): Promise<string[]> {
  return (await found(filters)).rows.map((r) => r.desiredOccupation).sort();
}

async function ftsRows(id: string): Promise<string[]> {
  const { results } = await env.DB.prepare("SELECT text FROM job_seekers_fts WHERE id = ?").bind(id).all<{ text: string }>();
  return results.map((r) => r.text);
}

describe("R-SEARCH-1 issue 12: Japanese full-text search of the published seekers", () => {
  it("R-SEARCH-1: 介護福祉士 in a self-PR is found by 介護 (2 characters, LIKE) and 介護福祉 (FTS); full-width, half-width, カナ and かな find the same; unpublished seekers never", async () => {
    await createSeeker({
      desiredOccupation: "介護職員",
      selfPr: "介護福祉士の資格を活かしたいです。ヘルパー経験あり、Excelも使えます。",
      publishProfile: true,
    });
    await createSeeker({ desiredOccupation: "一般事務", selfPr: "事務職で10年働きました。", licences: "日商簿記2級", publishProfile: true });
    await createSeeker({ desiredOccupation: "介護職員（非公開）", selfPr: "介護福祉士です。ヘルパー。Excel。", publishProfile: false });

    expect(await occupations({ keyword: "介護" })).toEqual(["介護職員"]);
    expect(await occupations({ keyword: "介護福祉" })).toEqual(["介護職員"]);
    expect(await occupations({ keyword: "介護　福祉士" })).toEqual(["介護職員"]);
    for (const keyword of ["ヘルパー", "へるぱー", "ﾍﾙﾊﾟｰ", "excel", "ＥＸＣＥＬ", "ExCeL"]) expect(await occupations({ keyword })).toEqual(["介護職員"]);
    expect(await occupations({ keyword: "簿記２級" })).toEqual(["一般事務"]);
    expect(await occupations({ keyword: "介護 簿記" })).toEqual([]);
    // No keyword: every published seeker, never the unpublished one.
    expect(await occupations({})).toEqual(["一般事務", "介護職員"]);
    expect(await occupations({ keyword: "非公開" })).toEqual([]);
  });

  it("R-SEARCH-1: FTS5 query syntax in a keyword is plain text — no error, no operator (quotes, *, NEAR, OR, NOT, -, parentheses, column filters)", async () => {
    await createSeeker({ desiredOccupation: "介護職員", selfPr: "介護福祉士です。", publishProfile: true });
    await createSeeker({ desiredOccupation: "配送ドライバー", selfPr: "体力に自信あり。", publishProfile: true });
    const hostile = [
      '"',
      '"""',
      '介護福祉" OR "体力に',
      "介護福祉 OR 体力に",
      "NEAR(介護福祉 体力に)",
      "介護*",
      "-介護福祉",
      "NOT 体力に",
      "(介護福祉士)",
      "text:介護",
      "id:*",
      "^介護",
      "AND",
      "' OR 1=1 --",
      "%",
      "_",
      "\\",
    ];
    for (const keyword of hostile) expect(await occupations({ keyword }), keyword).toEqual([]);
    // The same words without the syntax do find.
    expect(await occupations({ keyword: "介護福祉 体力に" })).toEqual([]);
    expect(await occupations({ keyword: "体力に" })).toEqual(["配送ドライバー"]);
    // A NUL would end an FTS5 string (a syntax error, a 500 on /jobs): control characters separate words.
    expect(await occupations({ keyword: "体力\u0000に自信" })).toEqual(["配送ドライバー"]);
    expect(await occupations({ keyword: "a\u0000bc" })).toEqual([]);
  });

  it("R-SEARCH-1: the results hold only anonymised columns — no 氏名, カナ, 住所, 電話, メール, 生年月日, 求職番号 or id, as keys or values", async () => {
    const seeker = await createSeeker({
      name: "霧降 太郎",
      nameKana: "キリフリ タロウ",
      address: "所野1-2-3（架空）",
      phone: "090-1111-2222",
      email: "kirifuri@example.jp",
      birthDate: "1980-04-01",
      selfPr: "介護福祉士です。",
      publishProfile: true,
    });
    const { rows, total } = await found({ keyword: "介護" });
    expect(total).toBe(1);
    const row = rows[0]!;
    expect(Object.keys(row).sort()).toEqual(
      [
        "ageBand",
        "ageBandLabel",
        "desiredEmploymentType",
        "desiredHours",
        "desiredMunicipalityName",
        "desiredOccupation",
        "desiredPrefectureName",
        "desiredWage",
        "desiredWageForm",
        "desiredWorkStyle",
        "hasMypage",
        "licences",
        "municipalityName",
        "prefectureName",
        "publicNumber",
        "publicNumberLabel",
        "selfPr",
        "updatedOn",
        "workHistory",
      ].sort(),
    );
    const json = JSON.stringify(rows);
    for (const secret of [seeker.id, seeker.seekerNumber, "霧降", "キリフリ", "所野", "090-1111-2222", "kirifuri", "1980", "04-01", "321-1261"])
      expect(json).not.toContain(secret);
    expect(row).toMatchObject({ ageBand: "40", ageBandLabel: "40代", prefectureName: "栃木県", municipalityName: "日光市" });
    expect(row.publicNumber).toMatch(/^[0-9A-F]{12}$/);
    expect(row.publicNumberLabel).toBe(row.publicNumber.replace(/(.{4})(?=.)/g, "$1-"));
    // Stable: the same number on the next search.
    expect((await found({})).rows[0]!.publicNumber).toBe(row.publicNumber);
  });

  it("R-SEARCH-1: the triggers keep the index in step — a new self-PR is found and the old one not after an UPDATE, nothing after a DELETE", async () => {
    const seeker = await createSeeker({ selfPr: "フォークリフトの運転が得意です。", publishProfile: true });
    expect(await ftsRows(seeker.id)).toHaveLength(1);
    expect(await occupations({ keyword: "ふぉーくりふと" })).toEqual(["食品製造オペレーター"]);

    await db().update(js).set({ selfPr: "介護福祉士の資格があります。" }).where(eq(js.id, seeker.id));
    expect(await occupations({ keyword: "フォークリフト" })).toEqual([]);
    expect(await occupations({ keyword: "介護福祉" })).toEqual(["食品製造オペレーター"]);
    expect(await ftsRows(seeker.id)).toHaveLength(1);
    // A write of other columns leaves the index as it is; unpublishing hides the seeker at once.
    await db().update(js).set({ publishProfile: false }).where(eq(js.id, seeker.id));
    expect(await occupations({ keyword: "介護福祉" })).toEqual([]);

    await db().delete(js).where(eq(js.id, seeker.id));
    expect(await ftsRows(seeker.id)).toEqual([]);
  });

  it("R-SEARCH-1: the filters (年齢層 with its boundary on the birthday, 居住地, 雇用形態, フルタイム/パート, 資格, 希望職種, 希望賃金) and the wage order", async () => {
    // Today 2026-11-26: born 1996-11-26 is 30 today (30代), born 1996-11-27 is still 29 (20代).
    await createSeeker({
      desiredOccupation: "A",
      birthDate: "1996-11-26",
      desiredWorkStyle: "part",
      desiredWageForm: "時間給",
      desiredWage: 1100,
      desiredEmploymentType: "パート労働者",
      publishProfile: true,
    });
    await createSeeker({
      desiredOccupation: "B",
      birthDate: "1996-11-27",
      desiredWorkStyle: "either",
      desiredWage: 250000,
      desiredEmploymentType: "",
      municipalityCode: "09201",
      publishProfile: true,
    });
    await createSeeker({
      desiredOccupation: "C 介護職員",
      birthDate: "1950-01-01",
      licences: "介護福祉士\n普通自動車免許",
      desiredWage: null,
      desiredWageForm: null,
      publishProfile: true,
    });

    expect(await occupations({ ageBand: "30" })).toEqual(["A"]);
    expect(await occupations({ ageBand: "20" })).toEqual(["B"]);
    expect(await occupations({ ageBand: "70" })).toEqual(["C 介護職員"]);
    expect(await occupations({ municipalityCode: "09201" })).toEqual(["B"]);
    expect(await occupations({ prefectureCode: "09" })).toEqual(["A", "B", "C 介護職員"]);
    expect(await occupations({ workStyle: "part" })).toEqual(["A", "B"]);
    expect(await occupations({ workStyle: "full" })).toEqual(["B", "C 介護職員"]);
    expect(await occupations({ employmentType: "パート労働者" })).toEqual(["A", "B"]);
    expect(await occupations({ licence: "介護福祉士" })).toEqual(["C 介護職員"]);
    expect(await occupations({ occupation: "介護" })).toEqual(["C 介護職員"]);
    expect(await occupations({ wageForm: "月給", wageMin: 200000 })).toEqual(["B"]);
    expect(await occupations({ wageMax: 1100 })).toEqual(["A"]);
    expect((await found({}, "wageAsc")).rows.map((r) => r.desiredOccupation)).toEqual(["A", "B", "C 介護職員"]);
    expect((await found({}, "wageDesc")).rows.map((r) => r.desiredOccupation)).toEqual(["B", "A", "C 介護職員"]);
  });

  it("R-SEARCH-1: the stored text is folded in SQL exactly as lib/search-text folds it in the Worker (katakana → hiragana, lower case)", async () => {
    const seeker = await createSeeker({ desiredOccupation: "ドライバー", licences: "ABC", workHistory: "ヴァイオリン教室", selfPr: "ケアマネジャー" });
    expect(await ftsRows(seeker.id)).toEqual([foldKana("ドライバー abc ヴァイオリン教室 ケアマネジャー")]);
  });
});
