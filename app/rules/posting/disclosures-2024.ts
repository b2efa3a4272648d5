/**
 * Disclosures required at 求人申込み (R-JOB-1; reference/hellowork-domain.md §9): the 2024-04-01 additions to
 * 職業安定法施行規則 4条の2 — the 変更の範囲 of duties and of the workplace, and for fixed-term contracts the rule for
 * renewal including any cap on the total term or the number of renewals — and the 受動喫煙対策 (健康増進法, 2020-04).
 * All are red: Hello Work does not accept a 求人 without them.
 */
import { normalizeText } from "../../lib/normalize";
import { error, type Finding } from "./findings";
import type { PostingContent } from "./types";

const blank = (value: string): boolean => normalizeText(value) === "";

export function checkDisclosures2024(content: PostingContent): Finding[] {
  const findings: Finding[] = [];

  // 1. 従事すべき業務の変更の範囲: its own field, or 「変更範囲：…」 written in 仕事内容.
  if (blank(content.dutiesChangeScope) && !/変更範囲/.test(content.jobDescription.normalize("NFKC"))) {
    findings.push(
      error(
        "dutiesChangeScope",
        "disclosure.duties-change-scope-missing",
        "従事すべき業務の変更の範囲を入力してください（変更がない場合は「変更なし」、ある場合は将来従事する可能性のある業務）。",
      ),
    );
  }

  // 2. 就業場所の変更の範囲: 転勤の可能性, and the 転勤範囲 when a transfer is possible.
  const wp = content.workplace;
  if (wp.transferPossible === null) {
    findings.push(error("workplace.transferPossible", "disclosure.transfer-missing", "転勤の可能性（あり・なし）を選択してください。"));
  } else if (wp.transferPossible && blank(wp.changeScope)) {
    findings.push(
      error(
        "workplace.changeScope",
        "disclosure.workplace-change-scope-missing",
        "転勤の可能性がある場合は、就業場所の変更の範囲（転勤範囲。例：本社及び全国の支店）を入力してください。",
      ),
    );
  }

  // 3. 有期労働契約: period, 契約更新の可能性, 更新の基準, 更新上限.
  const c = content.contract;
  if (c.kind === "fixed") {
    if ((c.months === null || c.months <= 0) && (c.startDate === null || c.endDate === null)) {
      findings.push(
        error(
          "contract.months",
          "disclosure.contract-period-missing",
          "雇用期間の定めがある場合は、契約期間（○か月、または開始日と終了日）を入力してください。",
        ),
      );
    } else if (c.startDate !== null && c.endDate !== null && c.endDate < c.startDate) {
      findings.push(error("contract.endDate", "disclosure.contract-period-reversed", "契約期間の終了日は開始日より後の日付にしてください。"));
    }
    if (c.renewal === null) {
      findings.push(
        error("contract.renewal", "disclosure.renewal-missing", "契約更新の可能性（あり（原則更新）・あり（条件付きで更新あり）・なし）を選択してください。"),
      );
    } else if (c.renewal !== "none") {
      if (c.renewal === "conditional" && blank(c.renewalConditions)) {
        findings.push(
          error(
            "contract.renewalConditions",
            "disclosure.renewal-conditions-missing",
            "条件付きで更新ありの場合は、契約更新の条件（例：契約期間満了時の業務量、勤務成績、態度、能力により判断）を入力してください。",
          ),
        );
      }
      if (c.renewalCap === null) {
        findings.push(
          error(
            "contract.renewalCap",
            "disclosure.renewal-cap-missing",
            "更新上限の有無を選択してください。上限がある場合は通算契約期間（○年）または更新回数（○回）を入力してください。",
          ),
        );
      } else if (c.renewalCap.present) {
        const { totalYears, renewalCount } = c.renewalCap;
        const years = totalYears !== null && totalYears > 0;
        const count = renewalCount !== null && renewalCount >= 0 && Number.isInteger(renewalCount);
        if (!years && !count) {
          findings.push(
            error(
              "contract.renewalCap.totalYears",
              "disclosure.renewal-cap-value-missing",
              "更新上限がある場合は、通算契約期間の上限（○年）または更新回数の上限（○回）を入力してください。",
            ),
          );
        }
      }
    }
  }

  // 受動喫煙対策.
  if (content.smoking.measure === null) {
    findings.push(
      error(
        "smoking.measure",
        "disclosure.smoking-missing",
        "就業場所における受動喫煙対策（屋内禁煙、敷地内禁煙、喫煙室設置、屋内喫煙可、その他）を選択してください。",
      ),
    );
  } else if ((content.smoking.measure === "その他" || content.smoking.measure === "屋内喫煙可") && blank(content.smoking.note)) {
    findings.push(
      error("smoking.note", "disclosure.smoking-note-missing", "受動喫煙対策が「その他」または「屋内喫煙可」の場合は、その内容を補足欄に入力してください。"),
    );
  }
  return findings;
}
