/**
 * 年齢制限 (R-JOB-1; reference/hellowork-domain.md §2.3 1; 労働施策総合推進法 9条, 施行規則 1条の3第1項).
 * Recruitment is 年齢不問 unless one of the exceptions applies, and then with its conditions and a reason:
 * - 1号: 定年 (itself ≥ 60, 高年齢者雇用安定法 8条) as the upper limit, for 期間の定めのない労働契約 only: the upper
 *   limit is exactly 定年 − 1 (「60歳未満の方を募集（定年60歳）」; a lower number is not "the 定年 as the upper
 *   limit" — issue 10 #1), no lower limit;
 * - 2号: 法令 forbids or restricts work by an age group (e.g. 警備業法: 18歳以上) — reason required (name the law);
 * - 3号イ: 若年者等 for long-term career development: 無期契約, 職業経験不問 (and 新卒と同等の処遇, which the form
 *   cannot see: the reason text should state it), an upper limit only;
 * - 3号ロ: 技能・ノウハウの継承: 無期契約, a band of 5–10 ages (counted inclusively: 30–34 is 5 ages, 30–39 is 10)
 *   inside 30–49, where the workers of that age are markedly few;
 * - 3号ハ: 芸術・芸能 (表現の真実性): reason required;
 * - 3号ニ: 60歳以上の高年齢者 (lower limit ≥ 60), or an age group targeted by a national measure (reason naming it).
 * Every exception needs the reason text; a limit without either bound is not a limit.
 */
import { normalizeText } from "../../lib/normalize";
import { error, warning, type Finding } from "./findings";
import type { PostingContent } from "./types";

export const AGE_EXCEPTION_LABELS = {
  "1": "例外事由1号（定年年齢を上限）",
  "2": "例外事由2号（法令の規定による年齢制限）",
  "3イ": "例外事由3号イ（長期勤続によるキャリア形成）",
  "3ロ": "例外事由3号ロ（技能・ノウハウの継承）",
  "3ハ": "例外事由3号ハ（芸術・芸能の分野における表現の真実性等）",
  "3ニ": "例外事由3号ニ（60歳以上の高年齢者等、国の施策の対象）",
} as const;

/** 定年 may not be set below 60 (高年齢者雇用安定法 8条). */
export const MIN_RETIREMENT_AGE = 60;

/** Whether the contract is 期間の定めのない労働契約 (無期). */
export function isIndefiniteContract(content: PostingContent): boolean {
  return content.contract.kind === "indefinite" && content.employmentType !== "有期雇用派遣労働者";
}

/** 1号, 3号イ and 3号ロ are for 期間の定めのない労働契約 only. */
function indefiniteRequired(code: string, exception: string): Finding {
  return error(
    "age.code",
    code,
    `${exception}は期間の定めのない労働契約（無期契約）の募集に限られます。雇用期間を「定めなし」にするか、年齢を「不問」にしてください。`,
  );
}

/** 1号 and 3号イ allow an upper limit only. */
function minNotAllowed(code: string, exception: string): Finding {
  return error("age.min", code, `${exception}では下限年齢は設定できません。下限年齢を空欄にしてください。`);
}

export function checkAge(content: PostingContent): Finding[] {
  const age = content.age;
  const findings: Finding[] = [];
  const bound = (value: number | null, field: string): boolean => {
    if (value === null) return false;
    if (!Number.isInteger(value) || value < 15 || value > 99) {
      findings.push(error(field, "age.range-invalid", "年齢は15歳から99歳までの整数で入力してください。"));
    }
    return true;
  };

  if (age.kind === "none") {
    if (age.min !== null || age.max !== null) {
      findings.push(
        error(
          "age.kind",
          "age.limit-without-exception",
          "年齢は原則「不問」です。年齢を制限する場合は「制限あり」を選び、例外事由と理由を入力してください。制限しない場合は年齢の範囲を空欄にしてください。",
        ),
      );
    }
    return findings;
  }

  if (age.code === null) {
    findings.push(
      error(
        "age.code",
        "age.exception-missing",
        "年齢を制限する場合は、例外事由（1号、2号、3号イ〜ニ）を選択してください。制限しない場合は「不問」を選んでください。",
      ),
    );
    return findings;
  }
  const hasMin = bound(age.min, "age.min");
  const hasMax = bound(age.max, "age.max");
  if (findings.length > 0) return findings;
  if (!hasMin && !hasMax) {
    findings.push(error("age.min", "age.range-missing", "年齢制限の範囲（○歳以上、○歳以下）を入力してください。制限しない場合は「不問」を選んでください。"));
  }
  if (age.min !== null && age.max !== null && age.min > age.max) {
    findings.push(error("age.max", "age.range-reversed", "上限年齢は下限年齢以上にしてください。"));
  }
  if (normalizeText(age.reason) === "") {
    findings.push(
      error("age.reason", "age.reason-missing", `${AGE_EXCEPTION_LABELS[age.code]}により年齢を制限する理由を入力してください（求人票に表示されます）。`),
    );
  }
  const indefinite = isIndefiniteContract(content);

  switch (age.code) {
    case "1": {
      if (!indefinite) findings.push(indefiniteRequired("age.1.indefinite-required", "1号"));
      const r = content.retirement;
      if (!r.present || r.age === null) {
        findings.push(
          error("retirement.age", "age.1.retirement-required", "1号は定年年齢を上限とする場合に限られます。定年制「あり」と定年年齢を入力してください。"),
        );
      } else if (r.age < MIN_RETIREMENT_AGE) {
        findings.push(error("retirement.age", "age.1.retirement-below-60", `定年年齢は${MIN_RETIREMENT_AGE}歳以上にしてください（高年齢者雇用安定法）。`));
      } else if (age.max !== null && age.max !== r.age - 1) {
        findings.push(
          error(
            "age.max",
            "age.1.max-not-retirement-minus-one",
            `1号の上限年齢は定年年齢から1を引いた${r.age - 1}歳にしてください（「${r.age}歳未満の方を募集（定年${r.age}歳）」）。ほかの年齢を上限にする場合は、1号ではなく該当する例外事由を選んでください。`,
          ),
        );
      }
      if (age.max === null) {
        findings.push(
          error(
            "age.max",
            "age.1.max-required",
            r.present && r.age !== null
              ? `1号では上限年齢（${r.age - 1}歳：定年年齢から1を引いた年齢）を入力してください。`
              : "1号では上限年齢（定年年齢から1を引いた年齢）を入力してください。",
          ),
        );
      }
      if (age.min !== null) findings.push(minNotAllowed("age.1.min-not-allowed", "1号"));
      break;
    }
    case "3イ": {
      if (!indefinite) findings.push(indefiniteRequired("age.3i.indefinite-required", "3号イ"));
      if (content.experience !== "不問") {
        findings.push(
          error(
            "experience",
            "age.3i.experience-required-none",
            "3号イは職業経験を問わない募集に限られます。必要な経験を「不問」にするか、年齢を「不問」にしてください。",
          ),
        );
      }
      if (age.max === null) {
        findings.push(error("age.max", "age.3i.max-required", "3号イでは上限年齢（○歳以下）を入力してください。"));
      }
      if (age.min !== null) findings.push(minNotAllowed("age.3i.min-not-allowed", "3号イ"));
      break;
    }
    case "3ロ": {
      if (!indefinite) findings.push(indefiniteRequired("age.3ro.indefinite-required", "3号ロ"));
      if (age.min === null || age.max === null) {
        findings.push(error("age.min", "age.3ro.band-required", "3号ロでは下限年齢と上限年齢の両方を入力してください（30〜49歳のうち5〜10歳の幅）。"));
      } else {
        const width = age.max - age.min + 1;
        if (age.min < 30 || age.max > 49) {
          findings.push(error("age.min", "age.3ro.band-outside", "3号ロの年齢の範囲は30歳から49歳までの間で設定してください。"));
        }
        if (width < 5 || width > 10) {
          findings.push(error("age.max", "age.3ro.band-width", `3号ロの年齢の幅は5〜10歳にしてください（現在${width}歳の幅です。例：30〜39歳）。`));
        }
      }
      break;
    }
    case "3ニ": {
      if (age.min === null || age.min < 60) {
        findings.push(
          warning(
            "age.min",
            "age.3ni.not-senior",
            "3号ニは60歳以上の高年齢者に限る募集、または国の施策の対象となる年齢層に限る募集です。60歳以上に限る場合は下限年齢を60歳以上に、国の施策による場合は施策の名称を理由に入力してください。",
          ),
        );
      }
      break;
    }
    case "2":
    case "3ハ":
      break; // the reason (checked above) carries the law or the artistic need
  }
  return findings;
}
