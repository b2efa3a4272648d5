/**
 * 最低賃金の改定を下回る求人 (issue 10 #3, ADR 0015): the rows of the office's minimum-wage alerts (from 発効日 − 7) shaped
 * for their section of the 求人の確認 page.
 */
import { formatJapaneseDate } from "../../lib/clock";
import { prefectureName } from "../../lib/prefectures";
import { CHANGE_STATUS_LABELS, STATUS_LABELS } from "../../lib/posting-labels";
import type { officeAlertsQuery } from "../../models/minimum-wage-alerts.server";
import { parseContent } from "../../models/posting/content.server";
import { alertPhase } from "../../rules/posting/minimum-wage-alerts";

type AlertRow = Awaited<ReturnType<typeof officeAlertsQuery>>[number];

export function minimumWageAlertRows(rows: readonly AlertRow[], today: string) {
  return rows.map((r) => ({
    key: `${r.postingId}:${r.prefectureCode}:${r.effectiveFrom}:${r.amountYen}`,
    postingId: r.postingId,
    jobTitle: parseContent(r.content).jobTitle || "（職種未入力）",
    jobNumber: r.jobNumber,
    establishmentName: r.establishmentName,
    establishmentNumber: r.establishmentNumber,
    status: [STATUS_LABELS[r.status], r.status === "accepted" && r.changeStatus ? CHANGE_STATUS_LABELS[r.changeStatus] : null].filter(Boolean).join("・"),
    revision: `${prefectureName(r.prefectureCode)} 時間額${r.amountYen.toLocaleString("ja-JP")}円（${formatJapaneseDate(r.effectiveFrom)}から）`,
    suspended: alertPhase(r, today) === "suspended",
    notified: r.notifiedAt !== null,
  }));
}
