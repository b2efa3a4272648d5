/**
 * The demo seekers of 求職情報検索 (issue 12, R-SEARCH-1; scripts/lib/demo-published-seekers.ts): 300, all published,
 * fictitious (names distinct, addresses （架空）, phones 090-0001-…), 求職番号 unique and not those of demo-seekers.ts,
 * every occupation group and age band, the words the README's searches use, and a few SQL statements for all of them.
 */
import { describe, expect, it } from "vitest";
import { ageOn } from "../../app/rules/referral";
import { ageBandOf, AGE_BANDS } from "../../app/rules/seeker-search";
import { demoPublishedSeekers, demoPublishedSeekersSql, PUBLISHED_SEEKER_COUNT } from "../../scripts/lib/demo-published-seekers";
import { DEMO_SEEKERS } from "../../scripts/lib/demo-seekers";

const NOW_MS = Date.parse("2026-11-26T10:00:00+09:00");

describe("R-SEARCH-1 issue 12: the published demo seekers", () => {
  it("R-SEARCH-1: 300 published, fictitious and distinct seekers of every age band, across 栃木's municipalities and a few other prefectures", () => {
    const rows = demoPublishedSeekers(NOW_MS);
    expect(rows).toHaveLength(PUBLISHED_SEEKER_COUNT);
    expect(rows.every((r) => r.publishProfile === true)).toBe(true);
    expect(new Set(rows.map((r) => r.name)).size).toBe(rows.length);
    const numbers = [...rows, ...DEMO_SEEKERS].map((r) => r.seekerNumber);
    expect(new Set(numbers).size).toBe(numbers.length);
    for (const r of rows) {
      expect(r.seekerNumber).toMatch(/^09\d{3}-\d{8}$/);
      expect(r.seekerNumber.slice(0, 4)).toBe(r.officeCode);
      expect(r.address).toContain("（架空）");
      expect(r.nameKana).toMatch(/^[ァ-ヶー]+ [ァ-ヶー]+$/);
      expect(r.phone).toMatch(/^090-0001-\d{4}$/);
    }
    expect(new Set(rows.map((r) => ageBandOf(ageOn(r.birthDate, "2026-11-26"))))).toEqual(new Set(AGE_BANDS));
    expect(new Set(rows.map((r) => r.prefectureCode))).toEqual(new Set(["09", "08", "10", "11", "13"]));
    expect(new Set(rows.map((r) => r.municipalityCode)).size).toBe(26); // 25 municipalities and none
    expect(new Set(rows.map((r) => r.desiredWorkStyle))).toEqual(new Set(["full", "part", "either"]));
    const text = (r: (typeof rows)[number]) => `${r.desiredOccupation} ${r.licences} ${r.workHistory} ${r.selfPr}`;
    for (const word of [
      "介護福祉士",
      "初任者研修",
      "大型免許",
      "フォークリフト",
      "製造オペレーター",
      "一般事務",
      "MOS",
      "簿記2級",
      "調理師",
      "販売",
      "看護師",
    ]) {
      expect(rows.filter((r) => text(r).includes(word)).length, word).toBeGreaterThanOrEqual(5);
    }
    expect(rows.filter((r) => r.hasMypage).length).toBeGreaterThan(200);
  });

  it("R-SEARCH-1: one INSERT per 50 rows (the seed stays fast) and the offices' counters after them", () => {
    const sql = demoPublishedSeekersSql(NOW_MS);
    const inserts = sql.filter((s) => s.startsWith("INSERT INTO job_seekers"));
    expect(inserts).toHaveLength(6);
    expect(inserts.every((s) => s.endsWith("ON CONFLICT DO NOTHING;"))).toBe(true);
    expect(sql.filter((s) => s.startsWith("UPDATE offices SET next_seeker_serial")).length).toBe(11);
  });
});
