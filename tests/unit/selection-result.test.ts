/**
 * R-REF-3 (issue 11): the 選考結果 forms' schemas — the employer's and the officer's — and the history's words; R-REF-2:
 * what the employer may see of a seeker (rules/disclosure). Exhaustive cases here, so the Worker-level tests stay lean.
 */
import { parseWithZod } from "@conform-to/zod/v4";
import { describe, expect, it } from "vitest";
import { resultSchema, resultValuesOf, RESULT_MESSAGES, staffResultSchema, staffValuesOf } from "../../app/lib/schemas/selection-result";
import { DISCLOSURE_ITEMS, disclosedSeeker, fullSeeker, parseDisclosure, type SeekerForDisclosure } from "../../app/rules/disclosure";
import { actorText, resultText } from "../../app/rules/selection-history";

function form(entries: Record<string, string | string[]>) {
  const fd = new FormData();
  for (const [k, v] of Object.entries(entries)) for (const one of Array.isArray(v) ? v : [v]) fd.append(k, one);
  return fd;
}

const errorsOf = (entries: Record<string, string>, schema: typeof resultSchema | typeof staffResultSchema = resultSchema) => {
  const submission = parseWithZod(form(entries), { schema });
  return submission.status === "success" ? {} : (submission.reply().error ?? {});
};

describe("R-REF-3 (issue 11): the employer's 選考結果 form", () => {
  it("R-REF-3: 選考結果 and 相違の有無 are required; nothing else is asked of 不採用 without a 相違", () => {
    expect(errorsOf({})).toMatchObject({ result: [RESULT_MESSAGES.result], conditionsDiffer: [RESULT_MESSAGES.conditionsDiffer] });
    expect(errorsOf({ result: "screening", conditionsDiffer: "false" })).toMatchObject({ result: [RESULT_MESSAGES.result] });
    expect(errorsOf({ result: "declined", conditionsDiffer: "false" })).toMatchObject({ result: [RESULT_MESSAGES.result] });
    expect(errorsOf({ result: "rejected", conditionsDiffer: "maybe" })).toMatchObject({ conditionsDiffer: [RESULT_MESSAGES.conditionsDiffer] });
    expect(errorsOf({ result: "rejected", conditionsDiffer: "false" })).toEqual({});
  });

  it("R-REF-3: 採用 needs a 雇用予定日, a real date (full-width digits and 年月日 accepted); 不採用 drops it", () => {
    expect(errorsOf({ result: "hired", conditionsDiffer: "false" })).toMatchObject({ hireDate: [RESULT_MESSAGES.hireDate] });
    expect(errorsOf({ result: "hired", conditionsDiffer: "false", hireDate: "2026-02-30" }).hireDate?.[0]).toContain("雇用予定日は");
    const ok = parseWithZod(form({ result: "hired", conditionsDiffer: "false", hireDate: "２０２６年１２月１日" }), { schema: resultSchema });
    expect(ok.status).toBe("success");
    if (ok.status === "success")
      expect(resultValuesOf(ok.value)).toEqual({ status: "hired", hireDate: "2026-12-01", conditionsDiffer: false, differences: [], differenceNote: "" });
    const rejected = parseWithZod(form({ result: "rejected", conditionsDiffer: "false", hireDate: "2026-12-01" }), { schema: resultSchema });
    if (rejected.status === "success") expect(resultValuesOf(rejected.value).hireDate).toBeNull();
  });

  it("R-REF-3: 相違あり needs at least one item; その他 needs the note (≤ 400 characters)", () => {
    expect(errorsOf({ result: "rejected", conditionsDiffer: "true" })).toMatchObject({ differences: [RESULT_MESSAGES.differences] });
    expect(errorsOf({ result: "rejected", conditionsDiffer: "true", "differences.wage": "on" })).toEqual({});
    expect(errorsOf({ result: "rejected", conditionsDiffer: "true", "differences.other": "on" })).toMatchObject({
      differenceNote: [RESULT_MESSAGES.differenceNote],
    });
    expect(errorsOf({ result: "rejected", conditionsDiffer: "true", "differences.other": "on", differenceNote: "　" })).toMatchObject({
      differenceNote: [RESULT_MESSAGES.differenceNote],
    });
    expect(errorsOf({ result: "rejected", conditionsDiffer: "true", "differences.other": "on", differenceNote: "あ".repeat(400) })).toEqual({});
    expect(errorsOf({ result: "rejected", conditionsDiffer: "true", "differences.other": "on", differenceNote: "あ".repeat(401) })).toMatchObject({
      differenceNote: [RESULT_MESSAGES.differenceNoteMax],
    });
  });

  it("R-REF-3: with 相違なし the items and the note are not stored", () => {
    const s = parseWithZod(form({ result: "rejected", conditionsDiffer: "false", "differences.wage": "on", differenceNote: "月給が違う" }), {
      schema: resultSchema,
    });
    expect(s.status).toBe("success");
    if (s.status === "success") expect(resultValuesOf(s.value)).toMatchObject({ conditionsDiffer: false, differences: [], differenceNote: "" });
    const d = parseWithZod(
      form({ result: "rejected", conditionsDiffer: "true", "differences.hours": "on", "differences.wage": "on", differenceNote: " 月給が違う " }),
      {
        schema: resultSchema,
      },
    );
    if (d.status === "success") expect(resultValuesOf(d.value)).toMatchObject({ differences: ["wage", "hours"], differenceNote: "月給が違う" });
  });
});

describe("R-REF-3 (issue 11): the officer's forms", () => {
  it("R-REF-3: 辞退 needs the date of the call; the note is optional (≤ 400)", () => {
    expect(errorsOf({ intent: "declined" }, staffResultSchema)).toMatchObject({ declinedOn: [RESULT_MESSAGES.declinedOn] });
    expect(errorsOf({ intent: "declined", declinedOn: "2026-11-20" }, staffResultSchema)).toEqual({});
    expect(errorsOf({ intent: "declined", declinedOn: "2026-11-20", declineNote: "あ".repeat(401) }, staffResultSchema)).toMatchObject({
      declineNote: [RESULT_MESSAGES.declineNoteMax],
    });
    const s = parseWithZod(form({ intent: "declined", declinedOn: "2026/11/20", declineNote: "他社に決定" }), { schema: staffResultSchema });
    if (s.status === "success") expect(staffValuesOf(s.value)).toEqual({ kind: "declined", declinedOn: "2026-11-20", note: "他社に決定" });
  });

  it("R-REF-3: a result reported by phone asks what the employer's form asks", () => {
    expect(errorsOf({ intent: "phone" }, staffResultSchema)).toMatchObject({
      result: [RESULT_MESSAGES.result],
      conditionsDiffer: [RESULT_MESSAGES.conditionsDiffer],
    });
    expect(errorsOf({ intent: "phone", result: "hired", conditionsDiffer: "true" }, staffResultSchema)).toMatchObject({
      hireDate: [RESULT_MESSAGES.hireDate],
      differences: [RESULT_MESSAGES.differences],
    });
    expect(errorsOf({ intent: "other" }, staffResultSchema)).toMatchObject({ intent: [RESULT_MESSAGES.intent] });
    const s = parseWithZod(form({ intent: "phone", result: "hired", hireDate: "2026-12-01", conditionsDiffer: "false" }), { schema: staffResultSchema });
    if (s.status === "success") expect(staffValuesOf(s.value)).toMatchObject({ kind: "phone", result: { status: "hired", hireDate: "2026-12-01" } });
  });

  it("R-REF-3: the history's words", () => {
    expect(resultText({ status: "rejected", conditionsDiffer: true, differences: ["hours", "wage"], differenceNote: "" })).toBe(
      "不採用（相違あり（賃金・就業時間））",
    );
    expect(resultText({ status: "hired", hireDate: "2026-12-01", conditionsDiffer: false, differences: [] })).toBe(
      "採用（雇用予定日 2026年12月1日、相違なし）",
    );
    expect(resultText({ status: "declined", declinedOn: "2026-11-20", note: "他社に決定" })).toBe("辞退（2026年11月20日に連絡、メモ：他社に決定）");
    expect(resultText({ status: "screening" })).toBe("選考中");
    expect(actorText("employer", null)).toBe("事業所");
    expect(actorText("staff", "ハローワーク日光")).toBe("ハローワーク職員（ハローワーク日光）");
  });
});

const seeker = (disclosure: string[] | string): SeekerForDisclosure => ({
  name: "架空 花子",
  nameKana: "カクウ ハナコ",
  birthDate: "1990-05-15",
  postalCode: "321-1261",
  prefectureName: "栃木県",
  municipalityName: "日光市",
  address: "今市本町1-1",
  phone: "090-0000-1234",
  email: "hanako@example.jp",
  licences: "普通自動車第一種運転免許",
  workHistory: "食品工場で製造ライン作業",
  selfPr: "体力には自信があります。",
  desiredOccupation: "食品製造オペレーター",
  desiredEmploymentType: "正社員",
  desiredWorkStyle: "full",
  desiredWageForm: "月給",
  desiredWage: 200000,
  desiredHours: "",
  disclosure: typeof disclosure === "string" ? disclosure : JSON.stringify(disclosure),
});

describe("R-REF-2 (issue 11): what the employer sees of a seeker", () => {
  it("R-REF-2: 氏名, カナ and 年齢 always; nothing else without agreement — the birth date never", () => {
    const shown = disclosedSeeker(seeker([]), "2026-05-14");
    expect(shown).toEqual({ name: "架空 花子", nameKana: "カクウ ハナコ", age: 35, items: [] });
    expect(JSON.stringify(shown)).not.toContain("1990");
    expect(disclosedSeeker(seeker([]), "2026-05-15").age).toBe(36);
  });

  it("R-REF-2: each agreed item and only those, in the fixed order", () => {
    const shown = disclosedSeeker(seeker(["selfPr", "phone"]), "2026-11-26");
    expect(shown.items.map((i) => [i.label, i.value])).toEqual([
      ["電話番号", "090-0000-1234"],
      ["自己PR", "体力には自信があります。"],
    ]);
    expect(JSON.stringify(shown)).not.toContain("今市本町");
    expect(disclosedSeeker(seeker(["birthDate", "address"]), "2026-11-26").items.map((i) => i.value)).toEqual([
      "1990年5月15日",
      "〒321-1261 栃木県日光市今市本町1-1",
    ]);
  });

  it("R-REF-2: a broken or unknown disclosure agrees to nothing; the referring office sees every item", () => {
    expect(parseDisclosure("not json")).toEqual([]);
    expect(parseDisclosure('{"birthDate":true}')).toEqual([]);
    expect(parseDisclosure('["nationality","phone"]')).toEqual(["phone"]);
    expect(disclosedSeeker(seeker("oops"), "2026-11-26").items).toEqual([]);
    expect(fullSeeker(seeker([]), "2026-11-26").items.map((i) => i.item)).toEqual([...DISCLOSURE_ITEMS]);
  });
});
