import { describe, expect, it } from "vitest";
import { establishmentSchema } from "../../app/lib/schemas/establishment";

const valid = {
  name: "株式会社日光ゆば工房",
  nameKana: "カブシキガイシャニッコウユバコウボウ",
  corporateNumber: "5835678256246",
  postalCode: "321-1272",
  municipalityCode: "09206",
  address: "今市本町1-1",
  phone: "0288-22-0353",
  industry: "製造業",
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
