/**
 * 求職情報検索's model (R-SEARCH-1, issue 12) and the Japanese full-text search under it (ADR 0021): the FTS5 trigram
 * index of the published seekers' profile text, kept in step by triggers; two-character words by LIKE over the same
 * folded text; full-width/half-width and katakana/hiragana alike; FTS5 syntax in a query is text; only published
 * seekers, only anonymised columns. Through the model, then through the pages (/mypage/search, /mypage/search/:公開番号):
 * the same words found there, no personal data in the HTML or the loader data, paging keeping the filters, messages
 * beside bad values, and the capability refusals (R-GATE-1, R-GATE-3).
 */
import { env } from "cloudflare:test";
import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { SEEKER_SEARCH_MESSAGES } from "../../app/lib/schemas/seeker-search";
import { foldKana } from "../../app/lib/search-text";
import { searchPublishedSeekers, type SeekerSearchFilters } from "../../app/models/seeker-search.server";
import { formatPublicNumber } from "../../app/rules/seeker-search";
import { getDb, schema } from "../../app/utils/db.server";
import { NOW, setWorkerNow } from "../helpers/clock";
import { bodyText, byLabel, fieldError, headings, links, parse, statusText, textOf } from "../helpers/html";
import { openMyPage, type MyPage } from "../helpers/mypage";
import { acceptedPosting } from "../helpers/postings";
import { createSeeker } from "../helpers/referrals";
import { publishedSeeker, seekerPath, type PublishedSeeker } from "../helpers/search";
import { workerFetch } from "../helpers/worker";

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

  it("R-SEARCH-1: the filters (年齢層 with its boundary on the birthday, 希望勤務地 — else 居住地 —, 雇用形態, フルタイム/パート, 資格, 希望職種, 希望賃金) and the wage order", async () => {
    // Today 2026-11-26: born 1996-11-26 is 30 today (30代), born 1996-11-27 is still 29 (20代).
    await createSeeker({
      desiredOccupation: "A",
      birthDate: "1996-11-26",
      desiredWorkStyle: "part",
      desiredWageForm: "時間給",
      desiredWage: 1100,
      desiredEmploymentType: "パート労働者",
      desiredMunicipalityCode: "09206",
      publishProfile: true,
    });
    await createSeeker({
      desiredOccupation: "B",
      birthDate: "1996-11-27",
      desiredWorkStyle: "either",
      desiredWage: 250000,
      desiredEmploymentType: "",
      municipalityCode: "09201",
      desiredPrefectureCode: null,
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
    // 希望勤務地: A names 日光市, B names none (lives in 宇都宮市), C names 栃木県 without a municipality.
    expect(await occupations({ municipalityCode: "09201" })).toEqual(["B", "C 介護職員"]);
    expect(await occupations({ municipalityCode: "09206" })).toEqual(["A", "C 介護職員"]);
    expect(await occupations({ prefectureCode: "13" })).toEqual([]);
    expect(await occupations({ prefectureCode: "09" })).toEqual(["A", "B", "C 介護職員"]);
    expect(await occupations({ workStyle: "part" })).toEqual(["A", "B"]);
    expect(await occupations({ workStyle: "full" })).toEqual(["B", "C 介護職員"]);
    expect(await occupations({ employmentType: "パート労働者" })).toEqual(["A", "B"]);
    expect(await occupations({ licence: "介護福祉士" })).toEqual(["C 介護職員"]);
    expect(await occupations({ occupation: "介護" })).toEqual(["C 介護職員"]);
    expect(await occupations({ licence: "介護福祉士 普通" })).toEqual(["C 介護職員"]);
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

// ---------------------------------------------------------------------------------------------------------------
// The pages: /mypage/search and /mypage/search/:公開番号 through the Worker (one set-up for the reading tests).

/** Distinctive personal data of the searched seeker: none of it may reach an employer's page or its loader data. */
const SECRET = {
  name: "霧降 珠子",
  nameKana: "キリフリ タマコ",
  address: "所野九丁目8-7（架空）",
  postalCode: "321-1421",
  phone: "090-9876-5432",
  email: "tamako.kirifuri@example.jp",
  birthDate: "1987-03-14",
  seekerNumber: "09100-77770001",
};

describe("R-SEARCH-1 issue 12: the search pages", () => {
  beforeEach(async () => {
    await setWorkerNow(NOW);
  });

  let yuba: MyPage;
  let care: PublishedSeeker;
  let driver: PublishedSeeker;
  let hidden: PublishedSeeker;

  /** The 公開番号 of each result row of a search page. */
  async function searched(query: Record<string, string>): Promise<string[]> {
    const res = await workerFetch(`/mypage/search?${new URLSearchParams(query)}`, { cookie: yuba.cookie });
    expect(res.status).toBe(200);
    return [...parse(await res.text()).querySelectorAll("tr[data-public-number]")].map((tr) => tr.getAttribute("data-public-number")!);
  }

  /** An employer with a valid posting, a published 介護 seeker (with SECRET), a driver and an unpublished seeker. */
  async function world() {
    yuba = await openMyPage();
    await acceptedPosting(yuba);
    care = await publishedSeeker({
      ...SECRET,
      desiredOccupation: "介護職員",
      licences: "介護職員初任者研修",
      selfPr: "介護福祉士の資格を活かして働きたいです。PC操作もできます。",
    });
    driver = await publishedSeeker({ desiredOccupation: "ドライバー", licences: "フォークリフト運転技能講習修了", selfPr: "無事故無違反です。" });
    hidden = await publishedSeeker({ desiredOccupation: "介護職員（非公開）", selfPr: "介護福祉士です。", publishProfile: false });
  }

  /** 31 published 製造 seekers: two pages of 30 (one batch). */
  async function manySeekers() {
    const rows = Array.from({ length: 31 }, (_, i) => ({
      id: `search-page-${i}`,
      officeCode: "0910",
      seekerNumber: `09100-7777${String(1000 + i).padStart(4, "0")}`,
      name: "架空 一郎",
      nameKana: "カクウ イチロウ",
      birthDate: "1980-01-01",
      prefectureCode: "09",
      desiredOccupation: "製造オペレーター",
      publishProfile: true,
      createdAt: Date.parse(NOW),
      updatedAt: Date.parse(NOW) - i * 1000,
    }));
    const [first, ...rest] = rows.map((row) => db().insert(js).values(row));
    await db().batch([first!, ...rest]);
  }

  it("R-SEARCH-1: 介護 (2 characters) finds the self-PR's 介護福祉士 and 介護福祉 the same; ＰＣ, pc, ﾄﾞﾗｲﾊﾞｰ, どらいばー find as the plain words; the count is announced; the unpublished never", async () => {
    await world();
    expect(await searched({ q: "介護" })).toEqual([care.publicNumber]);
    expect(await searched({ q: "介護福祉" })).toEqual([care.publicNumber]);
    expect(await searched({ q: "ＰＣ操作" })).toEqual([care.publicNumber]);
    expect(await searched({ q: "pc" })).toEqual([care.publicNumber]);
    for (const occupation of ["ドライバー", "ﾄﾞﾗｲﾊﾞｰ", "どらいばー"]) expect(await searched({ occupation })).toEqual([driver.publicNumber]);
    expect(await searched({ licence: "ﾌｫｰｸﾘﾌﾄ" })).toEqual([driver.publicNumber]);
    // 希望職種 is its own column: 介護 in the self-PR of nobody else, but not the driver's occupation.
    expect(await searched({ occupation: "介護" })).toEqual([care.publicNumber]);
    const html = await (await workerFetch(`/mypage/search?${new URLSearchParams({ q: "介護 福祉士" })}`, { cookie: yuba.cookie })).text();
    expect(statusText(html)).toBe("1人の求職者が見つかりました（1〜1人目を表示、新着順）。");
    expect(html).not.toContain(hidden.publicNumber);
    expect((await workerFetch(seekerPath(hidden), { cookie: yuba.cookie })).status).toBe(404);
    expect((await workerFetch("/mypage/search/0000-0000-0000", { cookie: yuba.cookie })).status).toBe(404);
  });

  it("R-SEARCH-1: no response of the search or the detail — HTML or loader data — holds the seeker's name, kana, address, phone, e-mail, birth date, 求職番号 or id", async () => {
    await world();
    const pages = [
      `/mypage/search?q=${encodeURIComponent("介護")}`,
      `/mypage/search.data?q=${encodeURIComponent("介護")}`,
      seekerPath(care),
      `${seekerPath(care)}.data`,
    ];
    for (const path of pages) {
      const res = await workerFetch(path, { cookie: yuba.cookie });
      expect(res.status, path).toBe(200);
      const body = await res.text();
      expect(body, path).toContain("介護福祉士の資格を活かして");
      for (const secret of [...Object.values(SECRET), "霧降", "キリフリ", "所野", "9876-5432", "tamako", "1987", care.id])
        expect(body, `${path}: ${secret}`).not.toContain(secret);
    }
    const detail = parse(await (await workerFetch(seekerPath(care), { cookie: yuba.cookie })).text());
    expect(headings(detail, 1)).toEqual([`求職者 ${formatPublicNumber(care.publicNumber)}`]);
    expect(bodyText(detail)).toContain("30代");
    expect(bodyText(detail)).toContain("栃木県日光市");
  });

  it("R-SEARCH-1: paging keeps every filter in the URL (31 results: 30 and 1)", async () => {
    yuba = await openMyPage();
    await acceptedPosting(yuba);
    await manySeekers();
    const first = parse(await (await workerFetch(`/mypage/search?occupation=${encodeURIComponent("製造")}&sort=wageAsc`, { cookie: yuba.cookie })).text());
    expect(first.querySelectorAll("tr[data-public-number]")).toHaveLength(30);
    expect(statusText(first)).toBe("31人の求職者が見つかりました（1〜30人目を表示、希望賃金の低い順）。");
    const [, next] = links(first, "次へ")[0]!;
    const params = new URL(next, "http://x").searchParams;
    expect([params.get("occupation"), params.get("sort"), params.get("page")]).toEqual(["製造", "wageAsc", "2"]);
    const second = parse(await (await workerFetch(next, { cookie: yuba.cookie })).text());
    expect(second.querySelectorAll("tr[data-public-number]")).toHaveLength(1);
    expect(new URL(links(second, "前へ")[0]![1], "http://x").searchParams.get("occupation")).toBe("製造");
  });

  it("R-SEARCH-1: bad values come back as messages beside their fields (no results, never a 500); an unknown 並び順 is ignored; full-width digits are digits", async () => {
    await world();
    const res = await workerFetch(
      `/mypage/search?${new URLSearchParams({ age: "25", pref: "99", wage: "1000", type: "アルバイト", style: "x", muni: "13101" })}`,
      {
        cookie: yuba.cookie,
      },
    );
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(fieldError(html, "age")).toBe(`エラー：${SEEKER_SEARCH_MESSAGES.age}`);
    expect(fieldError(html, "pref")).toBe(`エラー：${SEEKER_SEARCH_MESSAGES.pref}`);
    expect(fieldError(html, "wage")).toBe(`エラー：${SEEKER_SEARCH_MESSAGES.wageWithoutForm}`);
    expect(fieldError(html, "type")).toBe(`エラー：${SEEKER_SEARCH_MESSAGES.type}`);
    expect(fieldError(html, "style")).toBe(`エラー：${SEEKER_SEARCH_MESSAGES.style}`);
    expect(parse(html).querySelectorAll("tr[data-public-number]")).toHaveLength(0);
    // A municipality of another prefecture than the list offers (東京都千代田区: not in the reference data).
    expect(fieldError(await (await workerFetch("/mypage/search?muni=13101", { cookie: yuba.cookie })).text(), "muni")).toBe(
      `エラー：${SEEKER_SEARCH_MESSAGES.muni}`,
    );
    expect(await searched({ sort: "bogus", occupation: "ドライバー" })).toEqual([driver.publicNumber]);
    const wide = await (
      await workerFetch(`/mypage/search?${new URLSearchParams({ wageForm: "月給", wage: "２５０，０００円", occupation: "ドライバー" })}`, {
        cookie: yuba.cookie,
      })
    ).text();
    expect(byLabel(wide, "賃金（円）")?.getAttribute("value")).toBe("250000");
    expect(parse(wide).querySelectorAll("tr[data-public-number]")).toHaveLength(1);
  });
});

describe("R-SEARCH-1, R-GATE-1, R-GATE-3 issue 12: who may search", () => {
  it("R-GATE-3: a restricted employer, R-GATE-1: one without a valid posting — the search and the detail say why (403), no results", async () => {
    await setWorkerNow(NOW);
    const restricted = await openMyPage({ restrictedAt: Date.parse(NOW) - 86_400_000 });
    await acceptedPosting(restricted);
    const idle = await openMyPage({ name: "鬼怒川リバーサイドホテル株式会社", email: "jinji@kinugawa-hotel.example.jp" });
    const seeker = await publishedSeeker({ selfPr: "介護福祉士です。" });
    for (const [page, reason] of [
      [restricted, "利用が制限されています"],
      [idle, "有効中の求人がないため利用できません。"],
    ] as const) {
      for (const path of ["/mypage/search?q=介護", seekerPath(seeker)]) {
        const res = await workerFetch(path, { cookie: page.cookie });
        expect(res.status, path).toBe(403);
        const html = await res.text();
        expect(textOf(parse(html).querySelector("[data-refused-reason]"))).toContain(reason);
        expect(html).not.toContain(seeker.publicNumber);
        expect(html).not.toContain("介護福祉士です");
      }
    }
  });
});
