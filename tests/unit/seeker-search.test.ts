import { describe, expect, it } from "vitest";
import { ageOn } from "../../app/rules/referral";
import { ageBandOf, ageBandRange, AGE_BANDS, formatPublicNumber, isAgeBand } from "../../app/rules/seeker-search";

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
