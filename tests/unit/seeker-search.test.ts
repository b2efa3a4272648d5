import { describe, expect, it } from "vitest";
import { parseSeekerSearch, SEEKER_SEARCH_MESSAGES, SEEKER_SEARCH_TEXT_MAX } from "../../app/lib/schemas/seeker-search";
import { foldKana, searchTerms, unfoldKana } from "../../app/lib/search-text";
import { ageOn } from "../../app/rules/referral";
import {
  ageBandOf,
  ageBandRange,
  AGE_BANDS,
  desiredPlaceLabel,
  excerpt,
  formatPublicNumber,
  isAgeBand,
  publicNumberOf,
  wageLabel,
} from "../../app/rules/seeker-search";

describe("R-SEARCH-1 issue 12: 年齢層 and 公開番号 (rules/seeker-search)", () => {
  it("R-SEARCH-1: the age band is the decade, 15–19 is 10代, 70 and over one band; each band's range holds its ages", () => {
    expect([15, 19, 20, 29, 30, 69, 70, 99].map(ageBandOf)).toEqual(["10", "10", "20", "20", "30", "60", "70", "70"]);
    for (const band of AGE_BANDS) {
      const { min, max } = ageBandRange(band);
      expect(ageBandOf(min)).toBe(band);
      if (max !== null) expect(ageBandOf(max)).toBe(band);
    }
    expect(ageBandRange("70")).toEqual({ min: 70, max: null });
    // On the 30th birthday (2026-11-26) the band changes; the day before it is still 20代.
    expect(ageBandOf(ageOn("1996-11-26", "2026-11-26"))).toBe("30");
    expect(ageBandOf(ageOn("1996-11-27", "2026-11-26"))).toBe("20");
    expect([isAgeBand("20"), isAgeBand("25"), isAgeBand(20)]).toEqual([true, false, false]);
  });

  it("R-SEARCH-1: the 公開番号 is shown in groups of four", () => {
    expect(formatPublicNumber("3FA9C01B7E42")).toBe("3FA9-C01B-7E42");
  });
});

describe("R-SEARCH-1 issue 12: the search form's query (lib/schemas/seeker-search parseSeekerSearch)", () => {
  const parsed = (query: Record<string, string>) => parseSeekerSearch(new URLSearchParams(query));

  it("R-SEARCH-1: full-width digits and Latin letters, half-width kana and runs of spaces are normalised; the canonical query keeps what was accepted", () => {
    const p = parsed({ q: "　ＰＣ\t　ｶｲｺﾞ  ", occupation: "ﾄﾞﾗｲﾊﾞｰ", wageForm: "時間給", wage: "１，２００円", age: "４０", muni: "０９２０６", page: "２" });
    expect(p.errors).toEqual({});
    expect(p.criteria).toEqual({
      keyword: "PC カイゴ",
      occupation: "ドライバー",
      wageForm: "時間給",
      wageMax: 1200,
      ageBand: "40",
      prefectureCode: "09",
      municipalityCode: "09206",
    });
    expect(p.values).toMatchObject({ q: "PC カイゴ", wage: "1200", age: "40", muni: "09206" });
    expect(p.page).toBe(2);
    expect(p.query.toString()).toBe(
      new URLSearchParams({ q: "PC カイゴ", occupation: "ドライバー", muni: "09206", age: "40", wageForm: "時間給", wage: "1200" }).toString(),
    );
    // カイゴ, ｶｲｺﾞ and かいご are one word for the search; ＰＣ and pc too.
    expect(searchTerms("ｶｲｺﾞ ＰＣ")).toEqual(searchTerms("かいご pc"));
    expect(unfoldKana(foldKana("ドライバー"))).toBe("ドライバー");
  });

  it("R-SEARCH-1: bad values get their Japanese message (no criteria, what was typed kept); an unknown 並び順 and a bad page are ignored", () => {
    const p = parsed({ age: "25", pref: "48", type: "アルバイト", style: "either", wageForm: "年俸", wage: "0", muni: "1234", sort: "random", page: "-3" });
    expect(p.criteria).toBeNull();
    expect(p.errors).toEqual({
      age: SEEKER_SEARCH_MESSAGES.age,
      pref: SEEKER_SEARCH_MESSAGES.pref,
      type: SEEKER_SEARCH_MESSAGES.type,
      style: SEEKER_SEARCH_MESSAGES.style,
      wageForm: SEEKER_SEARCH_MESSAGES.wageForm,
      wage: SEEKER_SEARCH_MESSAGES.wage,
      muni: SEEKER_SEARCH_MESSAGES.muni,
    });
    expect(p.values.age).toBe("25");
    expect(p.page).toBe(1);
    expect(parsed({ sort: "random" })).toMatchObject({ errors: {}, sort: "updated" });
    expect(parsed({ sort: "wageDesc" }).sort).toBe("wageDesc");
    // Across fields: an amount without its form; a municipality outside the chosen prefecture.
    expect(parsed({ wage: "1000" }).errors).toEqual({ wage: SEEKER_SEARCH_MESSAGES.wageWithoutForm });
    expect(parsed({ pref: "13", muni: "09206" }).errors).toEqual({ muni: SEEKER_SEARCH_MESSAGES.muniOutsidePref });
    // The texts' limit, counted in characters (surrogate pairs are one).
    expect(parsed({ q: "𠮷".repeat(SEEKER_SEARCH_TEXT_MAX) }).errors).toEqual({});
    expect(parsed({ q: "字".repeat(SEEKER_SEARCH_TEXT_MAX + 1) }).errors).toEqual({ q: SEEKER_SEARCH_MESSAGES.text("キーワード") });
    expect(parsed({}).criteria).toEqual({});
  });

  it("R-SEARCH-1: the 公開番号 of a URL, the wage, the desired place and the self-PR's beginning as shown", () => {
    expect(["3fa9c01b7e42", "3FA9-C01B-7E42", "３ＦＡ９Ｃ０１Ｂ７Ｅ４２"].map(publicNumberOf)).toEqual(["3FA9C01B7E42", "3FA9C01B7E42", "3FA9C01B7E42"]);
    expect(["3FA9C01B7E4", "3FA9C01B7E42G", "../x", ""].map(publicNumberOf)).toEqual([null, null, null, null]);
    expect([wageLabel("月給", 200_000), wageLabel("時間給", 1_100), wageLabel(null, null)]).toEqual(["月給 200,000円以上", "時間給 1,100円以上", "指定なし"]);
    expect([desiredPlaceLabel("栃木県", "日光市"), desiredPlaceLabel("栃木県", null), desiredPlaceLabel(null, null)]).toEqual([
      "栃木県日光市",
      "栃木県（市区町村は問わない）",
      "指定なし",
    ]);
    expect(excerpt("介護福祉士です。\n夜勤も\tできます。", 12)).toBe("介護福祉士です。 夜勤も…");
    expect(excerpt("短い", 12)).toBe("短い");
  });
});
