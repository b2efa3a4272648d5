import { describe, expect, it } from "vitest";
import migration from "../../migrations/0019_fts_search.sql?raw";
import { foldKana, ftsPhrase, kanaFoldSql, normalizeSearchText, searchPlan, searchTerms } from "../../app/lib/search-text";

describe("R-SEARCH-1 issue 12: the search normalisation (lib/search-text)", () => {
  it("R-SEARCH-1: full-width and half-width, upper and lower case, katakana and hiragana become one text", () => {
    expect(normalizeSearchText("ＡＢＣ　１２３")).toBe("abc 123");
    expect(normalizeSearchText("ｶｲｺﾞ")).toBe("かいご");
    expect(normalizeSearchText("カイゴ")).toBe(normalizeSearchText("かいご"));
    expect(normalizeSearchText("ヘルパー２級")).toBe("へるぱー2級");
    expect(normalizeSearchText("介護福祉士")).toBe("介護福祉士");
    expect(foldKana("ヴァ・ヶ")).toBe("ゔぁ・ゖ");
  });

  it("R-SEARCH-1: a query is its distinct words (spaces of either width), at most 10 of at most 50 characters", () => {
    expect(searchTerms("  介護　カイゴ かいご Web ｗｅｂ ")).toEqual(["介護", "かいご", "web"]);
    expect(searchTerms(Array.from({ length: 20 }, (_, i) => `w${i}`).join(" "))).toHaveLength(10);
    expect([...searchTerms("あ".repeat(80))[0]!]).toHaveLength(50);
    expect(searchTerms(" 　 ")).toEqual([]);
    // Control characters separate words (FTS5 ends a string at NUL).
    expect(searchTerms("介護\u0000福祉士\u0007x\u009f")).toEqual(["介護", "福祉士", "x"]);
  });

  it("R-SEARCH-1: words of 3 characters or more are FTS5 phrases joined with AND; shorter ones go to LIKE", () => {
    expect(searchPlan("介護福祉士")).toEqual({ match: '"介護福祉士"', short: [] });
    expect(searchPlan("介護")).toEqual({ match: null, short: ["介護"] });
    expect(searchPlan("介護 福祉士 日光 ドライバー")).toEqual({ match: '"福祉士" AND "どらいばー"', short: ["介護", "日光"] });
    expect(searchPlan("")).toEqual({ match: null, short: [] });
  });

  it("R-SEARCH-1: FTS5 syntax in a query stays text — quotes, *, NEAR, OR, NOT, -, ^, : and parentheses", () => {
    expect(ftsPhrase('a"b')).toBe('"a""b"');
    const hostile = ['"', '"""', "abc*", "NEAR(a b)", "a OR b", "NOT", "-abc", "(abc)", "^abc", "text:abc", 'x" OR "y', "AND"];
    for (const query of hostile) {
      const { match } = searchPlan(query);
      if (match === null) continue;
      // Every phrase is one quoted string: outside the quotes there is only " AND " between phrases.
      const phrases = match.split(" AND ");
      for (const phrase of phrases) {
        expect(phrase.startsWith('"') && phrase.endsWith('"')).toBe(true);
        // Inside, every quote is doubled: removing the pairs leaves no quote.
        expect(phrase.slice(1, -1).replace(/""/g, "")).not.toContain('"');
      }
    }
    expect(searchPlan('abc" OR "def')).toEqual({ match: '"abc""" AND """def"', short: ["or"] });
    expect(searchPlan("abc* -def")).toEqual({ match: '"abc*" AND "-def"', short: [] });
    expect(searchPlan("NEAR(介護 福祉)")).toEqual({ match: '"near(介護" AND "福祉)"', short: [] });
  });

  it("R-SEARCH-1: the migration's triggers fold with exactly kanaFoldSql (lower case, every katakana to its hiragana)", () => {
    expect(migration).toContain(kanaFoldSql("new.search_text"));
    expect(migration).toContain(kanaFoldSql("search_text"));
    expect(migration).toContain(kanaFoldSql("new.desired_occupation || ' ' || new.licences || ' ' || new.work_history || ' ' || new.self_pr"));
    expect(migration).toContain(kanaFoldSql("desired_occupation || ' ' || licences || ' ' || work_history || ' ' || self_pr"));
    const fold = kanaFoldSql("x");
    expect(fold.match(/replace\(/g)).toHaveLength(0x30f6 - 0x30a1 + 1);
    expect(fold).toContain("'カ', 'か'");
  });
});
