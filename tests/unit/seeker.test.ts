/**
 * Issue 11: the 求職者 form's schema (normalisation, limits, dates) and the rules of rules/seeker.ts — the age a seeker
 * may have (15–99), the 紹介日 an officer may enter (today − 7 … today, R-REF-1), the postings that take a referral today,
 * and the disclosure items — at their boundaries, with the dates written out.
 */
import { parseWithZod } from "@conform-to/zod/v4";
import { describe, expect, it } from "vitest";
import {
  referralSchemaFor,
  seekerFormValues,
  seekerSchemaFor,
  SEEKER_LIMITS,
  normalizeSeekerKana,
  normalizeJobNumberInput,
} from "../../app/lib/schemas/seeker";
import { birthDateProblem, DISCLOSURE_ITEMS, parseDisclosure, referralRefusal, referredOnProblem, type ReferablePosting } from "../../app/rules/seeker";

const TODAY = "2026-11-26";
const schema = seekerSchemaFor({ today: TODAY, municipalityCodes: ["09206", "09201"] });

const VALID: Record<string, string> = {
  name: "架空 花子",
  nameKana: "カクウ ハナコ",
  birthDate: "1990-05-15",
  postalCode: "321-1261",
  prefectureCode: "09",
  municipalityCode: "09206",
  address: "今市本町1-1",
  phone: "090-0000-1234",
  email: "",
  desiredOccupation: "食品製造オペレーター",
  desiredPrefectureCode: "",
  desiredMunicipalityCode: "",
  desiredEmploymentType: "",
  desiredWorkStyle: "either",
  desiredWageForm: "",
  desiredWage: "",
  desiredHours: "",
  licences: "",
  workHistory: "",
  selfPr: "",
  hasMypage: "false",
  publishProfile: "true",
};

function parse(overrides: Record<string, string | string[]> = {}) {
  const fd = new FormData();
  for (const [name, value] of Object.entries({ ...VALID, ...overrides })) for (const v of [value].flat()) fd.append(name, v);
  return parseWithZod(fd, { schema });
}

function errorsOf(overrides: Record<string, string | string[]>) {
  const submission = parse(overrides);
  if (submission.status === "success") return {};
  return submission.reply().error ?? {};
}

describe("issue 11: the 求職者 form normalises what officers type", () => {
  it("issue 11: full-width digits, 〒, dashes and yen; half-width katakana and hiragana カナ → full-width katakana; dates typed as 1990/5/15 or 1990年5月15日", () => {
    const submission = parse({
      nameKana: "ｶｸｳ　はなこ",
      birthDate: "１９９０年５月１５日",
      postalCode: "〒３２１ー１２６１",
      phone: "０９０－００００－１２３４",
      desiredWageForm: "時間給",
      desiredWage: "１，１００円",
      email: " Ｈａｎａｋｏ@Example.jp ",
      disclosure: ["selfPr", "birthDate"],
    });
    expect(submission.status).toBe("success");
    if (submission.status !== "success") return;
    expect(submission.value).toMatchObject({
      nameKana: "カクウ ハナコ",
      birthDate: "1990-05-15",
      postalCode: "321-1261",
      phone: "090-0000-1234",
      desiredWage: 1100,
      email: "Hanako@Example.jp",
      hasMypage: false,
      publishProfile: true,
      // In DISCLOSURE_ITEMS order, whatever the order posted.
      disclosure: ["birthDate", "selfPr"],
    });
    expect(normalizeSeekerKana("ﾆｯｺｳ ﾀﾛｳ")).toBe("ニッコウ タロウ");
    expect(normalizeJobNumberInput("０９１００００００００１２")).toBe("09100-00000012");
  });

  it("issue 11: the form's values of a parsed seeker read back the same (a fixed point)", () => {
    const first = parse({ disclosure: ["phone"], desiredWageForm: "月給", desiredWage: "200000" });
    if (first.status !== "success") throw new Error("invalid");
    const shown = seekerFormValues({ ...first.value, desiredWageForm: first.value.desiredWageForm as "月給" });
    const again = parse({ ...shown });
    expect(again.status === "success" && again.value).toEqual(first.value);
  });

  it("issue 11: the limits — 氏名 40, カナ 60, 住所 120, 自己PR 1000 characters — accept the limit and refuse one more", () => {
    for (const [field, max, char] of [
      ["name", SEEKER_LIMITS.name, "山"],
      ["nameKana", SEEKER_LIMITS.nameKana, "ア"],
      ["address", SEEKER_LIMITS.address, "町"],
      ["selfPr", SEEKER_LIMITS.selfPr, "あ"],
    ] as const) {
      expect(errorsOf({ [field]: char.repeat(max) })[field], field).toBeUndefined();
      expect(errorsOf({ [field]: char.repeat(max + 1) })[field]?.[0], field).toContain(`${max}文字以内`);
    }
  });

  it("issue 11: refuses a カナ in Latin letters, an unknown disclosure item, a municipality outside the list or the prefecture, and a wage without its form", () => {
    expect(errorsOf({ nameKana: "Kakuu" }).nameKana?.[0]).toContain("カタカナ");
    expect(errorsOf({ disclosure: ["phone", "bankAccount"] }).disclosure?.[0]).toContain("一覧から");
    expect(errorsOf({ municipalityCode: "13101" }).municipalityCode?.[0]).toContain("一覧から");
    expect(errorsOf({ prefectureCode: "13" }).municipalityCode?.[0]).toContain("都道府県と合っていません");
    expect(errorsOf({ desiredWage: "200000" }).desiredWageForm?.[0]).toContain("形態");
    expect(errorsOf({ desiredWageForm: "月給" }).desiredWage?.[0]).toContain("下限額");
    expect(errorsOf({ desiredMunicipalityCode: "09206" }).desiredPrefectureCode?.[0]).toContain("都道府県も選択");
    expect(errorsOf({ hasMypage: "" }).hasMypage?.[0]).toContain("求職者マイページ");
    // A rule across fields speaks even when other fields are wrong too: every message at once.
    const many = errorsOf({ name: "", desiredWage: "200000", municipalityCode: "09201", prefectureCode: "13" });
    expect(many.name?.[0]).toContain("氏名");
    expect(many.desiredWageForm?.[0]).toContain("形態");
    expect(many.municipalityCode?.[0]).toContain("都道府県と合っていません");
  });
});

describe("issue 11: the seeker's age is 15–99 on the day of registration", () => {
  it("issue 11: on 2026-11-26 born 2011-11-26 (15 today) is accepted, 2011-11-27 (14) refused; born 1927-11-26 (99) accepted, 1926-11-26 (100) refused; today and later refused", () => {
    expect(birthDateProblem("2011-11-26", TODAY)).toBeNull();
    expect(birthDateProblem("2011-11-27", TODAY)).toContain("15歳以上");
    expect(birthDateProblem("1927-11-26", TODAY)).toBeNull(); // 99
    expect(birthDateProblem("1926-11-26", TODAY)).toContain("99歳");
    expect(birthDateProblem("2026-11-26", TODAY)).toContain("今日より前");
    expect(birthDateProblem("2030-01-01", TODAY)).toContain("今日より前");
    expect(errorsOf({ birthDate: "1990-02-30" }).birthDate?.[0]).toContain("存在しない日付");
    expect(errorsOf({ birthDate: "平成2年" }).birthDate?.[0]).toContain("年-月-日");
  });
});

describe("R-REF-1: the 紹介日 is today or up to 7 days back", () => {
  it("R-REF-1: on 2026-11-26, 2026-11-19 and 2026-11-26 are accepted; 2026-11-18 and 2026-11-27 are refused", () => {
    expect(referredOnProblem("2026-11-19", TODAY)).toBeNull();
    expect(referredOnProblem("2026-11-26", TODAY)).toBeNull();
    expect(referredOnProblem("2026-11-18", TODAY)).toContain("2026年11月19日");
    expect(referredOnProblem("2026-11-27", TODAY)).toContain("未来");
  });

  it("R-REF-1: the referral form — 求人番号 without its hyphen, an interview time needs its date, an interview before the 紹介日 is refused", () => {
    const referral = referralSchemaFor(TODAY);
    const parseReferral = (fields: Record<string, string>) => {
      const fd = new FormData();
      for (const [k, v] of Object.entries({
        jobNumber: "0910000000012",
        referredOn: "2026/11/26",
        interviewDate: "",
        interviewTime: "",
        interviewPlace: "",
        note: "",
        ...fields,
      }))
        fd.append(k, v);
      return parseWithZod(fd, { schema: referral });
    };
    const ok = parseReferral({ interviewDate: "2026-12-01", interviewTime: "９：３０" });
    expect(ok.status === "success" && ok.value).toMatchObject({ jobNumber: "09100-00000012", referredOn: "2026-11-26", interviewTime: "09:30" });
    expect(parseReferral({ interviewTime: "10:00" }).reply().error?.interviewDate?.[0]).toContain("面接日も入力");
    expect(parseReferral({ interviewDate: "2026-11-25" }).reply().error?.interviewDate?.[0]).toContain("紹介日以降");
    expect(parseReferral({ jobNumber: "0910-123" }).reply().error?.jobNumber?.[0]).toContain("5桁と8桁");
  });
});

describe("R-REF-1: only a posting valid today takes a referral", () => {
  const valid: ReferablePosting = {
    status: "accepted",
    acceptedOn: "2026-11-20",
    validUntil: "2027-01-31",
    invalidatedOn: null,
    suspended: false,
    establishmentStatus: "open",
  };

  it("R-REF-1: valid from its 受理日 (2026-11-20) to its 紹介期限 (2027-01-31) inclusive; the day before and the day after are refused", () => {
    expect(referralRefusal(valid, "2026-11-20")).toBeNull();
    expect(referralRefusal(valid, "2027-01-31")).toBeNull();
    expect(referralRefusal(valid, "2026-11-19")).toContain("まだ受理されていません");
    expect(referralRefusal(valid, "2027-02-01")).toContain("紹介期限（2027年1月31日）を過ぎています");
  });

  it("R-REF-1: refused when stopped (募集停止), expired, not accepted, 公開保留, or of an establishment that left; 利用不可 does not stop a referral", () => {
    expect(referralRefusal({ ...valid, status: "stopped", invalidatedOn: "2026-11-25" }, TODAY)).toContain("募集を停止");
    expect(referralRefusal({ ...valid, invalidatedOn: "2026-11-26" }, TODAY)).toContain("募集を停止");
    expect(referralRefusal({ ...valid, status: "expired" }, TODAY)).toContain("紹介期限");
    expect(referralRefusal({ ...valid, status: "submitted", acceptedOn: null, validUntil: null }, TODAY)).toContain("まだ受理されていません");
    expect(referralRefusal({ ...valid, suspended: true }, TODAY)).toContain("公開保留");
    expect(referralRefusal({ ...valid, establishmentStatus: "withdrawn" }, TODAY)).toContain("退会");
    expect(referralRefusal({ ...valid, establishmentStatus: "unusable" }, TODAY)).toBeNull();
  });
});

describe("R-REF-2: what a seeker may agree to disclose", () => {
  it("R-REF-2: the eight items beyond 氏名 and 年齢; a stored list is read in that order, unknown or malformed entries dropped", () => {
    expect(DISCLOSURE_ITEMS).toEqual(["birthDate", "address", "phone", "email", "licences", "workHistory", "selfPr", "desired"]);
    expect(parseDisclosure('["desired","phone","x"]')).toEqual(["phone", "desired"]);
    expect(parseDisclosure("not json")).toEqual([]);
    expect(parseDisclosure('{"phone":true}')).toEqual([]);
  });
});
