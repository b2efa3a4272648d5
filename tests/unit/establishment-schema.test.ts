import { describe, expect, it } from "vitest";
import industriesCsv from "../../data/reference/industries.csv?raw";
import { industryLabel, parseIndustryCsv, resolveIndustry } from "../../app/lib/industry";
import { establishmentSchema, establishmentSchemaFor } from "../../app/lib/schemas/establishment";

const INDUSTRIES = parseIndustryCsv(industriesCsv);

const valid = {
  name: "株式会社日光ゆば工房",
  nameKana: "カブシキガイシャニッコウユバコウボウ",
  corporateNumber: "5835678256246",
  postalCode: "321-1272",
  municipalityCode: "09206",
  address: "今市本町1-1",
  phone: "0288-22-0353",
  industryDivision: "E",
  industry: "09",
  employees: "42",
  representativeName: "湯波 守",
};

describe("事業所の基本情報 (shared schema)", () => {
  it("normalises full-width digits, hyphens and half-width kana", () => {
    const r = establishmentSchema.safeParse({
      ...valid,
      nameKana: "ｶﾌﾞｼｷｶﾞｲｼｬﾆｯｺｳﾕﾊﾞｺｳﾎﾞｳ",
      postalCode: "３２１１２７２",
      phone: "０２８８－２２－０３５３",
      employees: "４２",
      corporateNumber: "５８３５６７８２５６２４６",
    });
    expect(r.success).toBe(true);
    expect(r.data).toMatchObject({
      nameKana: "カブシキガイシャニッコウユバコウボウ",
      postalCode: "321-1272",
      phone: "0288-22-0353",
      employees: 42,
      corporateNumber: "5835678256246",
    });
  });

  it("R-OPEN-1: refuses a 法人番号 whose check digit is wrong, and requires it unless 個人事業主", () => {
    const wrong = establishmentSchema.safeParse({ ...valid, corporateNumber: "5835678256247" });
    expect(wrong.success).toBe(false);
    expect(wrong.error!.issues[0]).toMatchObject({ path: ["corporateNumber"] });
    expect(wrong.error!.issues[0]!.message).toMatch(/チェックデジット/);
    expect(establishmentSchema.safeParse({ ...valid, corporateNumber: "" }).success).toBe(false);
    expect(establishmentSchema.safeParse({ ...valid, corporateNumber: "", isSoleProprietor: "on" }).success).toBe(true);
  });

  it("gives a Japanese message beside each bad field", () => {
    const r = establishmentSchema.safeParse({ ...valid, nameKana: "かぶしき", postalCode: "12", phone: "abc", industry: "x" });
    expect(r.success).toBe(false);
    const paths = r.error!.issues.map((i) => i.path.join("."));
    expect(paths).toEqual(expect.arrayContaining(["nameKana", "postalCode", "phone", "industry"]));
    for (const i of r.error!.issues) expect(i.message).toMatch(/[ぁ-んァ-ン一-龥]/);
  });
});

describe("産業分類: 日本標準産業分類 大分類 → 中分類 (issue 10)", () => {
  const industryIssues = (patch: Record<string, string>) => {
    const r = establishmentSchemaFor(INDUSTRIES).safeParse({ ...valid, ...patch });
    return r.success ? [] : r.error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
  };

  it("issue 10: a 中分類 of its 大分類 is accepted and stored as the 中分類 code (E 製造業 › 09 食料品製造業)", () => {
    const r = establishmentSchemaFor(INDUSTRIES).safeParse(valid);
    expect(r.success).toBe(true);
    expect(r.data).toMatchObject({ industryDivision: "E", industry: "09" });
  });

  it("issue 10: a 中分類 of another 大分類 is refused beside the 中分類, naming both", () => {
    const issues = industryIssues({ industryDivision: "M", industry: "09" });
    expect(issues).toEqual([{ path: "industry", message: expect.stringContaining("食料品製造業") }]);
    expect(issues[0]!.message).toContain("宿泊業，飲食サービス業");
  });

  it("issue 10: a 大分類 or 中分類 not in the classification, or none, is refused with a Japanese message", () => {
    expect(industryIssues({ industryDivision: "Z" }).map((i) => i.path)).toEqual(["industryDivision"]);
    expect(industryIssues({ industry: "00" }).map((i) => i.path)).toEqual(["industry"]);
    expect(industryIssues({ industry: "" }).map((i) => i.path)).toEqual(["industry"]);
    expect(industryIssues({ industry: "食料品製造業" })[0]).toMatchObject({ path: "industry", message: expect.stringMatching(/中分類/) });
  });

  it("issue 10: a stored value before the 中分類 (a name, or a 大分類 alone) is read as the form's 大分類 / 中分類", () => {
    expect(resolveIndustry(INDUSTRIES, "食料品製造業")).toEqual({ industryDivision: "E", industry: "09" });
    expect(resolveIndustry(INDUSTRIES, "09")).toEqual({ industryDivision: "E", industry: "09" });
    expect(resolveIndustry(INDUSTRIES, "製造業")).toEqual({ industryDivision: "E", industry: "" });
    expect(resolveIndustry(INDUSTRIES, "E")).toEqual({ industryDivision: "E", industry: "" });
    expect(resolveIndustry(INDUSTRIES, "")).toEqual({ industryDivision: "", industry: "" });
    expect(industryLabel(INDUSTRIES, "09")).toBe("食料品製造業（製造業）");
    expect(industryLabel(INDUSTRIES, "E")).toBe("製造業（中分類未登録）");
  });
});

describe("Japanese messages only", () => {
  it("an optional field left empty is accepted and an all-blank required field gets its Japanese message", async () => {
    const { parseWithZod } = await import("@conform-to/zod/v4");
    const form = new FormData();
    for (const [k, v] of Object.entries({ ...valid, representativeTitle: "", representativeName: "　 " })) form.set(k, v);
    const submission = parseWithZod(form, { schema: establishmentSchema });
    expect(submission.status).toBe("error");
    const errors = submission.reply().error ?? {};
    expect(errors.representativeTitle).toBeUndefined();
    expect(errors.representativeName).toEqual(["代表者の氏名を入力してください。"]);
  });
});
