/**
 * 郵便番号 as Japanese employers type them (issue 10, 「Addresses as Japanese employers type them」): the 〒 mark,
 * full-width digits and every dash look-alike are accepted wherever a postal code is asked, and stored as NNN-NNNN.
 */
import { describe, expect, it } from "vitest";
import { normalizePostalCode, postalCodeDigits } from "../../app/lib/normalize";
import { establishmentSchema } from "../../app/lib/schemas/establishment";
import { STEP_SCHEMAS } from "../../app/lib/schemas/posting";

const TYPED = [
  ["〒321-1261", "321-1261"],
  ["〒３２１－１２６１", "321-1261"],
  ["〒 321-1261", "321-1261"],
  ["〶321-1261", "321-1261"],
  ["３２１ー１２６１", "321-1261"],
  ["321−1261", "321-1261"],
  ["321―1261", "321-1261"],
  ["321‐1261", "321-1261"],
  ["３２１１２６１", "321-1261"],
  ["3211261", "321-1261"],
  [" 321-1261 ", "321-1261"],
] as const;

const ESTABLISHMENT = {
  name: "株式会社日光ゆば工房",
  nameKana: "カブシキガイシャニッコウユバコウボウ",
  corporateNumber: "5835678256246",
  municipalityCode: "09206",
  address: "今市1-2-3",
  phone: "0288-22-0353",
  industryDivision: "E",
  industry: "09",
  employees: "42",
  representativeName: "湯波 守",
};

describe("issue 10: 郵便番号 as typed", () => {
  it.each(TYPED)("normalizePostalCode(%j) is %j", (typed, stored) => {
    expect(normalizePostalCode(typed)).toBe(stored);
    expect(postalCodeDigits(typed)).toBe(stored.replace("-", ""));
  });

  it("leaves what is not a 7-digit code for the message (no digits invented or dropped)", () => {
    expect(normalizePostalCode("321-126")).toBe("321-126");
    expect(normalizePostalCode("〒32112610")).toBe("32112610");
    expect(normalizePostalCode("〒")).toBe("");
    expect(postalCodeDigits("321-126")).toBeNull();
    expect(postalCodeDigits("32-11261")).toBeNull();
  });

  it.each(TYPED)("R-OPEN-1, R-OPEN-8: the establishment form (事業所登録, 仮登録, 変更届) accepts %j as %j", (typed, stored) => {
    const r = establishmentSchema.safeParse({ ...ESTABLISHMENT, postalCode: typed });
    expect(r.error?.issues ?? []).toEqual([]);
    expect(r.data?.postalCode).toBe(stored);
  });

  it("R-OPEN-1: the establishment form still refuses a code that is not 7 digits, with the message beside the field", () => {
    const r = establishmentSchema.safeParse({ ...ESTABLISHMENT, postalCode: "〒321-126" });
    expect(r.success).toBe(false);
    expect(r.error!.issues).toEqual([expect.objectContaining({ path: ["postalCode"], message: "郵便番号は「321-1272」のように7桁で入力してください。" })]);
  });

  it.each(TYPED)("R-JOB-1: the 求人's 就業場所 (screen 3) accepts %j as %j", (typed, stored) => {
    const r = STEP_SCHEMAS[3].safeParse({ workplaceDetail: { postalCode: typed } });
    const postalIssues = (r.error?.issues ?? []).filter((i) => i.path.join(".") === "workplaceDetail.postalCode");
    expect(postalIssues).toEqual([]);
    if (r.success) expect(r.data.workplaceDetail.postalCode).toBe(stored);
  });

  it("R-JOB-1: screen 3 refuses 〒321-126 beside the 就業場所's postal code and keeps an empty one empty", () => {
    const bad = STEP_SCHEMAS[3].safeParse({ workplaceDetail: { postalCode: "〒321-126" } });
    expect(bad.error!.issues.filter((i) => i.path.join(".") === "workplaceDetail.postalCode")).toHaveLength(1);
    const empty = STEP_SCHEMAS[3].safeParse({ workplaceDetail: { postalCode: "" } });
    expect((empty.error?.issues ?? []).filter((i) => i.path.join(".") === "workplaceDetail.postalCode")).toEqual([]);
  });
});
