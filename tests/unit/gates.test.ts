/** issue 11: what the employer is told about the gates (rules/gates.ts), and the sign-in refusal of R-GATE-2. */
import { describe, expect, it } from "vitest";
import { liftNotice, officeContact, restoredNotice, restrictionNotice, unusableNotice } from "../../app/rules/gates";
import { unusableMessage } from "../../app/rules/sign-in";

const NIKKO = { name: "ハローワーク日光", phone: "0288-22-0353" };

describe("R-GATE-2…4 (issue 11): the texts", () => {
  it("R-GATE-3: the restriction's お知らせ names the count, the day, what is refused, what stays possible and whom to call", () => {
    const { title, body } = restrictionNotice(51, NIKKO, "2026-03-01");
    expect(title).toBe("利用が制限されました");
    expect(body).toContain("選考結果（採用・不採用）が登録されていない紹介が51件");
    expect(body).toContain("2026年3月1日から");
    expect(body).toContain("募集停止");
    expect(body).toContain("選考結果の登録はできます");
    expect(body).toContain("ハローワーク日光（電話 0288-22-0353）に制限の解除を申し出てください");
  });

  it("R-GATE-2, R-GATE-4: 利用不可, restoration and lift name the office; an unknown office falls back to 管轄のハローワーク", () => {
    expect(unusableNotice(NIKKO).body).toContain("ハローワーク日光（電話 0288-22-0353）にお問い合わせください");
    expect(restoredNotice(NIKKO).title).toBe("求人者マイページを再び利用できるようになりました");
    expect(liftNotice(NIKKO).body).toContain("翌日の確認で再び制限されます");
    expect(officeContact(null)).toBe("管轄のハローワーク");
    expect(officeContact({ name: "ハローワーク日光", phone: null })).toBe("ハローワーク日光");
  });

  it("R-GATE-2: sign-in of a 利用不可 My Page gives the office's name and phone", () => {
    expect(unusableMessage(NIKKO)).toBe(
      "この求人者マイページは利用不可となっています。管轄のハローワーク（ハローワーク日光、電話 0288-22-0353）にお問い合わせください。",
    );
  });
});
