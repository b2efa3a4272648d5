/** 有効期間延長 checked against every posting rule for the extended period (R-JOB-2, R-JOB-1 最低賃金; issue 10 #4). */
import { describe, expect, it } from "vitest";
import { errorsOf, extensionCheck, validatePosting, type PostingContent } from "../../app/rules/posting";
import { completePosting, MINIMUM_WAGES } from "./posting-fixture";

/** 秋田 (05), 時間給 1,000円: above 951円, below the revision to 1,031円 that takes effect on 2026-03-31. */
function akita(hourlyYen = 1000): PostingContent {
  const p = completePosting();
  return {
    ...p,
    workplace: { ...p.workplace, prefectureCode: "05" },
    workplaceDetail: { ...p.workplaceDetail, sameAsEstablishment: false, postalCode: "010-0951", address: "秋田県秋田市山王1-1" },
    wage: { ...p.wage, form: "時間給", baseMin: hourlyYen, baseMax: null, allowances: [] },
  };
}

describe("有効期間延長 and the rules (R-JOB-2, issue 10 #4)", () => {
  it("R-JOB-2/R-JOB-1 (issue 10 #4): 秋田 時間給 1,000円, 紹介期限 2026-02-28, asked on 2026-02-20: the extension to 2026-03-31 reaches the 1,031円 revision of 2026-03-31 — red, refused", () => {
    // Valid as it is: the revision is after the 紹介期限 2026-02-28.
    expect(errorsOf(validatePosting(akita(), { today: "2026-02-20", minimumWages: MINIMUM_WAGES, validUntil: "2026-02-28" }))).toEqual([]);
    // The usual rule for the extended period is only orange on 2026-02-20 (red from 発効日 − 7 = 2026-03-24): not enough.
    expect(errorsOf(validatePosting(akita(), { today: "2026-02-20", minimumWages: MINIMUM_WAGES, validUntil: "2026-03-31" }))).toEqual([]);

    const check = extensionCheck(akita(), { today: "2026-02-20", minimumWages: MINIMUM_WAGES, validUntil: "2026-02-28" });
    expect(check.validUntil).toBe("2026-03-31");
    expect(errorsOf(check.findings).map((f) => [f.field, f.code])).toEqual([["wage.baseMin", "minimum-wage.below-revision"]]);
    expect(check.reason).toContain("延長後の紹介期限（2026年3月31日）までの期間について求人票に赤色のエラーがあるため、有効期間を延長できません。");
    expect(check.reason).toContain("2026年3月31日から秋田県の最低賃金が時間額1,031円に改定されます。");
  });

  it("R-JOB-2 (issue 10 #4): the same posting at 1,031円 is extended; one whose 紹介期限 is 2026-01-31 (extended to 2026-02-28) is too", () => {
    expect(extensionCheck(akita(1031), { today: "2026-02-20", minimumWages: MINIMUM_WAGES, validUntil: "2026-02-28" })).toMatchObject({
      validUntil: "2026-03-31",
      reason: null,
    });
    expect(extensionCheck(akita(), { today: "2026-01-20", minimumWages: MINIMUM_WAGES, validUntil: "2026-01-31" })).toMatchObject({
      validUntil: "2026-02-28",
      reason: null,
    });
  });

  it("R-JOB-1 (issue 10 #4): any other red finding of the 求人票 refuses the extension too", () => {
    const p = akita(1100);
    const broken: PostingContent = { ...p, wage: { ...p.wage, baseMax: 1050 } }; // 上限 < 下限
    const own = errorsOf(validatePosting(broken, { today: "2026-02-20", minimumWages: MINIMUM_WAGES, validUntil: "2026-03-31" }));
    const check = extensionCheck(broken, { today: "2026-02-20", minimumWages: MINIMUM_WAGES, validUntil: "2026-02-28" });
    expect(own.length).toBeGreaterThan(0);
    expect(errorsOf(check.findings).map((f) => f.code)).toEqual(["wage.range-reversed"]);
    expect(own.map((f) => f.code)).toEqual(["wage.range-reversed"]);
    expect(check.reason).not.toBeNull();
  });
});
