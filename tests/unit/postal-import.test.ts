/**
 * 住所の自動入力 (issue 10; ADR 0018): what `npm run import:reference` loads into `postal_codes` — by default the
 * prefectures of the reference offices (栃木), `--postal-codes all` for the whole country — and the SQL that replaces a
 * prefecture's rows (so a code Japan Post abolished disappears) in multi-row INSERTs.
 */
import { describe, expect, it } from "vitest";
import { postalCodeRows, postalCodesSql, postalPrefectures } from "../../scripts/lib/postal-codes";

describe("issue 10: the 郵便番号 import", () => {
  it("loads the offices' prefectures by default, the whole country or none on request", () => {
    expect(postalPrefectures(undefined, ["09", "09", "09"])).toEqual(["09"]);
    expect(postalPrefectures("all", ["09"])).toBe("all");
    expect(postalPrefectures("none", ["09"])).toEqual([]);
    expect(postalPrefectures("9,13", ["09"])).toEqual(["09", "13"]);
    expect(() => postalPrefectures("48", ["09"])).toThrow(/not a prefecture code/);
    expect(() => postalPrefectures("09;DROP", ["09"])).toThrow(/not a prefecture code/);
  });

  it("replaces a prefecture's rows: one DELETE, then INSERTs of several hundred rows each, values quoted", () => {
    const rows = Array.from({ length: 401 }, (_, i) => ({
      code: String(3210000 + i),
      prefectureCode: "09",
      municipalityCode: "09206",
      municipality: "日光市",
      town: i === 0 ? "O'Brien町" : "今市",
    }));
    const lines = postalCodesSql(rows, ["09"]).trim().split("\n");
    expect(lines[0]).toBe("DELETE FROM postal_codes WHERE prefecture_code = '09';");
    expect(lines).toHaveLength(3);
    expect(lines[1]).toMatch(
      /^INSERT INTO postal_codes \(code, prefecture_code, municipality_code, municipality, town\) VALUES \('3210000','09','09206','日光市','O''Brien町'\),/,
    );
    expect(lines[2]).toBe(
      "INSERT INTO postal_codes (code, prefecture_code, municipality_code, municipality, town) VALUES ('3210400','09','09206','日光市','今市');",
    );
    expect(postalCodesSql(rows, "all").split("\n")[0]).toBe("DELETE FROM postal_codes;");
    expect(postalCodesSql([], [])).toBe("");
  });

  it("reads 栃木's codes from the package: 321-1261 is 日光市今市 (the code of the Chromium journey), 321-0000 has no town (以下に掲載がない場合)", () => {
    const rows = postalCodeRows(["09"]);
    expect(rows.length).toBeGreaterThan(1500);
    expect(rows.every((r) => r.prefectureCode === "09" && /^\d{7}$/.test(r.code) && /^09\d{3}$/.test(r.municipalityCode))).toBe(true);
    expect(rows.filter((r) => r.code === "3211261")).toEqual([
      { code: "3211261", prefectureCode: "09", municipalityCode: "09206", municipality: "日光市", town: "今市" },
    ]);
    expect(rows.filter((r) => r.code === "3210000")).toEqual([
      { code: "3210000", prefectureCode: "09", municipalityCode: "09201", municipality: "宇都宮市", town: "" },
    ]);
  });
});
