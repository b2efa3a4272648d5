/**
 * The 求人申込み wizard's screens 4–8 (R-JOB-1, R-IMG-2): each screen's field component, rendered as the server
 * renders it, holds an input for every value of its part of the 求人票, and what the browser would submit from that
 * HTML (no JavaScript) parses back through the screen's schema into the same content. A field left out, a radio with
 * the wrong value or a misnamed input would silently lose what the employer entered.
 */
import { useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { createElement, type ComponentType } from "react";
import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { FieldWarningsContext } from "../../app/components/form";
import { Step4Fields } from "../../app/components/posting-steps/step4";
import { Step5Fields } from "../../app/components/posting-steps/step5";
import { Step6Fields } from "../../app/components/posting-steps/step6";
import { Step7Fields } from "../../app/components/posting-steps/step7";
import { Step8Fields } from "../../app/components/posting-steps/step8";
import type { StepProps, WizardContext } from "../../app/components/posting-steps/types";
import { ALLOWANCE_ROWS, SHIFT_ROWS, STEP_SCHEMAS, stepFormValues } from "../../app/lib/schemas/posting";
import { emptyPostingContent, STEPS, type PostingContent } from "../../app/rules/posting";
import { completePosting } from "./posting-fixture";
import { controls, fieldError, headings, parse, textOf, type Doc } from "../helpers/html";

type ScreenNumber = 4 | 5 | 6 | 7 | 8;

const SCREENS: Record<ScreenNumber, ComponentType<StepProps<ScreenNumber>>> = {
  4: Step4Fields as ComponentType<StepProps<ScreenNumber>>,
  5: Step5Fields as ComponentType<StepProps<ScreenNumber>>,
  6: Step6Fields as ComponentType<StepProps<ScreenNumber>>,
  7: Step7Fields as ComponentType<StepProps<ScreenNumber>>,
  8: Step8Fields as ComponentType<StepProps<ScreenNumber>>,
};

const IMAGES: WizardContext["images"] = [
  { id: "img-1", caption: "工場の外観", src: "/mypage/images/img-1" },
  { id: "img-2", caption: "湯葉を引き上げる作業", src: "/mypage/images/img-2" },
  { id: "img-3", caption: "包装ライン & 検品", src: "/mypage/images/img-3" },
];

function context(images = IMAGES): WizardContext {
  return {
    establishment: {
      name: "株式会社日光ゆば工房",
      postalCode: "321-1272",
      address: "栃木県日光市今市1-2-3",
      prefectureCode: "09",
      phone: "0288-22-0353",
      industry: "製造業",
      representative: "代表取締役 日光 太郎",
    },
    images,
  };
}

/** A 求人票 with every field of screens 4–8 filled in with a value other than its default. */
function richPosting(): PostingContent {
  const p = completePosting();
  return {
    ...p,
    wage: {
      form: "月給",
      baseMin: 200_000,
      baseMax: 240_000,
      allowances: [
        { name: "職務手当", amountYen: 10_000, kind: "other" },
        { name: "精勤手当", amountYen: 5_000, kind: "attendance" },
        { name: "家族手当", amountYen: 8_000, kind: "family" },
      ],
      fixedOvertime: { present: true, amountYen: 30_000, minutes: 20 * 60 + 30, excessPaidStatement: true, includedInBasePay: true },
      bonus: { present: true, description: "年2回・計2.0か月分" },
      monthlyWorkingDays: 20.5,
    },
    payTerms: {
      closingDay: "20日",
      paymentMonth: "当月",
      paymentDay: "25日",
      raise: { present: true, lastYear: false, description: "月3,000円" },
      bonusLastYear: { paid: false, times: 1, description: "計1.0か月分" },
      annualIncomeExample: "300万円（経験3年）",
      otherAllowancesNote: "残業手当は別途支給\n出張手当あり",
    },
    commuting: { kind: "定額", monthlyYen: 15_000 },
    hours: {
      dailyMinutes: 465,
      weeklyMinutes: 2325,
      shifts: [
        { start: "08:30", end: "17:15", breakMinutes: 60 },
        { start: "13:00", end: "22:00", breakMinutes: null },
      ],
      breakMinutes: 45,
      variableSystem: "1か月単位",
      overtime: { present: true, monthlyAverageMinutes: 610, specialClause: true },
      annualHolidays: 110,
      holidaysText: "土日祝\n年末年始",
      fullTimeWeeklyMinutes: 2400,
      weeklyDays: 5,
      shiftSystem: true,
      hoursNote: "月に数回、就業時間2の勤務があります。",
      weeklyTwoDaysOff: "その他",
      paidLeaveDays: 10,
    },
    benefits: {
      insurance: { employment: true, industrialAccident: true, publicAccident: true, health: true, pension: true, other: "財形" },
      corporatePension: "確定拠出年金",
      retirementMutualAid: true,
      retirementAllowance: { present: true, minYears: 3 },
      reemployment: { present: true, maxAge: 70 },
      workExtension: { present: false, maxAge: 68 },
      housing: { single: true, family: true, note: "社員寮あり" },
      childcare: { available: true, note: "事業所内保育所" },
    },
    retirement: { present: true, age: 65 },
    pr: {
      message: "未経験の方も歓迎します。<見学>できます。",
      jobPaySystem: true,
      reinstatement: true,
      training: "OJT",
      regularConversion: { present: true, results: "過去3年間で5人" },
      foreignWorkers: false,
      imageIds: ["img-1", "img-3"],
    },
    specialNotes: "「特記事項」です。\n2行目",
    selection: {
      hires: 3,
      methods: { documents: true, interview: true, writtenTest: true, other: true },
      otherMethod: "適性検査",
      resultDaysAfterDocuments: 5,
      resultDaysAfterInterview: 10,
      notifyBy: { post: true, phone: true, email: true, mypage: true },
      schedule: "随時",
      place: "本社事務所",
      documents: { referralLetter: true, resume: true, careerHistory: true, other: true },
      documentsOther: "資格証明書の写し",
      onlineDocuments: false,
      sendMethod: "郵送又は持参",
      returnDocuments: true,
      contact: {
        title: "総務課長",
        name: "日光 花子",
        nameKana: "ニッコウ ハナコ",
        phone: "0288-22-0000",
        extension: "12",
        fax: "0288-22-0001",
        email: "saiyo@nikko-yuba.example.jp",
      },
      notes: "面接時に履歴書をお持ちください。",
    },
  };
}

function render(
  step: ScreenNumber,
  content: PostingContent,
  options: { images?: WizardContext["images"]; lastResult?: SubmissionResult<string[]>; warnings?: Record<string, string[]> } = {},
): string {
  function Harness() {
    const [form] = useForm({ id: `step${step}`, defaultValue: stepFormValues(step, content) as never, lastResult: options.lastResult });
    return createElement(SCREENS[step], { form: form as never, context: context(options.images) });
  }
  return renderToString(createElement(FieldWarningsContext.Provider, { value: options.warnings ?? {} }, createElement(Harness)));
}

/** Every form control of the rendered HTML (input, textarea, select), in document order. */
function formControls(html: string | Doc): Element[] {
  return [...parse(html).querySelectorAll("input, textarea, select")];
}

/** What a browser submits from the rendered HTML: text inputs, checked boxes and radios, selected options, textareas. */
function submittedFormData(html: string): FormData {
  const fd = new FormData();
  for (const control of formControls(html)) {
    const name = control.getAttribute("name");
    if (!name || control.hasAttribute("disabled")) continue;
    if (control.tagName === "INPUT") {
      const type = control.getAttribute("type");
      if (type === "checkbox" || type === "radio") {
        if (control.hasAttribute("checked")) fd.append(name, control.getAttribute("value") ?? "on");
      } else fd.append(name, control.getAttribute("value") ?? "");
    } else if (control.tagName === "TEXTAREA") {
      fd.append(name, control.textContent ?? "");
    } else {
      fd.append(name, control.querySelector("option[selected]")?.getAttribute("value") ?? "");
    }
  }
  return fd;
}

/** Input names as Conform writes them ("wage.allowances[0].name") for every value of the form's defaults. */
function leafNames(values: unknown, prefix = ""): string[] {
  if (Array.isArray(values)) {
    return values.every((v) => v !== null && typeof v === "object") ? values.flatMap((v, i) => leafNames(v, `${prefix}[${i}]`)) : [prefix];
  }
  if (values !== null && typeof values === "object") {
    return Object.entries(values).flatMap(([k, v]) => leafNames(v, prefix ? `${prefix}.${k}` : k));
  }
  return [prefix];
}

function namesIn(html: string): Set<string> {
  return new Set(formControls(html).flatMap((c) => c.getAttribute("name") ?? []));
}

const SCREEN_NUMBERS: ScreenNumber[] = [4, 5, 6, 7, 8];

describe("R-JOB-1: the wizard's screens 4–8 render every field of their part of the 求人票", () => {
  for (const step of SCREEN_NUMBERS) {
    const title = STEPS.find((s) => s.number === step)!.title;

    it(`R-JOB-1: screen ${step} (${title}) has an input named by each dotted path of its form values, and no other`, () => {
      const content = richPosting();
      const html = render(step, content);
      const names = namesIn(html);
      const expected = new Set(leafNames(stepFormValues(step, content)));
      for (const name of expected) expect(names, `missing input ${name}`).toContain(name);
      for (const name of names) expect(expected, `unexpected input ${name}`).toContain(name);
    });

    it(`R-JOB-1: what the browser submits from screen ${step} (${title}) parses back into the same content`, () => {
      const content = richPosting();
      const submission = parseWithZod(submittedFormData(render(step, content)), { schema: STEP_SCHEMAS[step] });
      expect(submission.status, JSON.stringify(submission.status === "error" ? submission.error : null)).toBe("success");
      const value = (submission.status === "success" ? submission.value : {}) as Record<string, unknown>;
      const owns = STEPS.find((s) => s.number === step)!.owns;
      for (const key of owns) expect(value[key], key).toEqual((content as unknown as Record<string, unknown>)[key]);
    });

    it(`R-JOB-1: screen ${step} (${title}) has one h2 per section and Japanese labels for every input`, () => {
      const html = render(step, richPosting());
      const doc = parse(html);
      expect(headings(doc, 2).length).toBeGreaterThan(0);
      expect([...headings(doc, 1), ...headings(doc, 3)]).toEqual([]);
      for (const control of formControls(doc)) {
        const id = control.getAttribute("id");
        if (id) expect(doc.querySelector(`label[for=${JSON.stringify(id)}]`), `label for ${id}`).not.toBeNull();
      }
    });
  }

  it("R-JOB-1: the fixed rows are there without JavaScript — 5 手当 rows and 3 就業時間 rows", () => {
    const html4 = namesIn(render(4, completePosting()));
    for (let i = 0; i < ALLOWANCE_ROWS; i++) {
      for (const f of ["name", "amountYen", "kind"]) expect(html4).toContain(`wage.allowances[${i}].${f}`);
    }
    expect(html4).not.toContain(`wage.allowances[${ALLOWANCE_ROWS}].name`);
    const html5 = namesIn(render(5, completePosting()));
    for (let i = 0; i < SHIFT_ROWS; i++) {
      for (const f of ["start", "end", "breakMinutes"]) expect(html5).toContain(`hours.shifts[${i}].${f}`);
    }
  });

  it("R-JOB-1: an empty draft renders every screen (一時保存 of nothing) and submits as blanks", () => {
    const empty = emptyPostingContent();
    for (const step of SCREEN_NUMBERS) {
      const html = render(step, empty);
      expect(parseWithZod(submittedFormData(html), { schema: STEP_SCHEMAS[step] }).status).toBe("success");
    }
  });

  it("R-JOB-1: 必須 items are marked 必須 (aria-required or ※必須 in the legend)", () => {
    const html4 = render(4, richPosting());
    expect(controls(html4, "wage.baseMin").map((c) => c.getAttribute("aria-required"))).toContain("true");
    const html8 = render(8, richPosting());
    const methods = [...parse(html8).querySelectorAll("legend")].find((l) => l.firstChild?.textContent === "選考方法");
    expect(textOf(methods?.querySelector("span"))).toMatch(/^※必須/);
    expect(controls(html8, "selection.contact.name").map((c) => c.getAttribute("aria-required"))).toContain("true");
  });

  it("R-JOB-1: a red error on a group (選考方法) and an orange warning show beside their fields", () => {
    const html = render(8, richPosting(), {
      lastResult: {
        status: "error",
        initialValue: stepFormValues(8, richPosting()) as Record<string, string>,
        error: { "selection.methods": ["選考方法を1つ以上選択してください。"] },
      },
      warnings: { "selection.documents": ["応募書類を確認してください。"], "selection.hires": ["採用人数を確認してください。"] },
    });
    expect(fieldError(html, "selection.methods")).toBe("エラー：選考方法を1つ以上選択してください。");
    expect(html).toContain("確認：応募書類を確認してください。");
    expect(html).toContain("確認：採用人数を確認してください。");
  });

  it("R-IMG-2: screen 7 offers the approved images as checkboxes pr.imageIds with thumbnail and caption; the chosen ones are checked", () => {
    const html = render(7, richPosting());
    const boxes = controls(html, "pr.imageIds");
    expect(boxes.map((b) => [b.tagName, b.getAttribute("type")])).toEqual(Array(3).fill(["INPUT", "checkbox"]));
    expect(boxes.map((b) => b.getAttribute("value"))).toEqual(["img-1", "img-2", "img-3"]);
    expect(boxes.map((b) => b.hasAttribute("checked"))).toEqual([true, false, true]);
    expect(html).toContain('src="/mypage/images/img-2"');
    expect(html).toContain('alt="湯葉を引き上げる作業"');
    expect(html).toContain("3枚まで");
  });

  it("R-IMG-2: with no approved image, screen 7 says where to register images instead", () => {
    const html = render(7, completePosting(), { images: [] });
    expect(html).not.toContain('name="pr.imageIds"');
    expect(html).toContain('href="/mypage/images"');
    expect(html).toContain("ハローワークの承認後に選べます");
  });

  it("R-IMG-2: an image chosen before but no longer approved is not offered, and screen 7 says it will be dropped", () => {
    const html = render(7, richPosting(), { images: IMAGES.slice(0, 1) });
    expect(controls(html, "pr.imageIds").map((c) => c.getAttribute("value"))).toEqual(["img-1"]);
    expect(html).toContain("この求人で選んでいた画像のうち1枚は");
  });

  it("R-IMG-2: one chosen image submits as a list of one; a fourth is refused with a Japanese message", () => {
    const fd = new FormData();
    fd.append("pr.imageIds", "img-2");
    const one = parseWithZod(fd, { schema: STEP_SCHEMAS[7] });
    expect(one.status === "success" && one.value.pr.imageIds).toEqual(["img-2"]);
    for (const id of ["img-1", "img-3", "img-4"]) fd.append("pr.imageIds", id);
    const four = parseWithZod(fd, { schema: STEP_SCHEMAS[7] });
    expect(four.status).toBe("error");
    expect(four.status === "error" ? four.error?.["pr.imageIds"]?.[0] : "").toMatch(/3枚まで/);
  });
});
