/**
 * A referral as its pages show it (/mypage/applicants/:id, /staff/referrals/:id and both 紹介状): the seeker as
 * disclosed (rules/disclosure — or in full for the referring office's officer), the 紹介, the current result, the
 * R-REF-3 window and the history in words (rules/selection-history). Only these values leave the server.
 */
import { formatJapaneseDate, formatJstDateTime } from "../lib/clock";
import type { ReferralPageView } from "../lib/referral-view";
import { disclosedSeeker, fullSeeker } from "../rules/disclosure";
import {
  daysSinceReferral,
  invalidOn,
  isOverdue,
  isSelectionWindowOpen,
  REFERRAL_CHANNEL_LABELS,
  REFERRAL_STATUS_LABELS,
  selectionWindowClosedMessage,
  selectionWindowLastDay,
} from "../rules/referral";
import { actorText, HISTORY_ACTION_LABELS, parseSnapshot, resultText, type ResultSnapshot } from "../rules/selection-history";

export type { ReferralPageView };
import { addressLine, versionOf, type ReferralDetail } from "./applicants.server";
import { snapshotOf } from "./selection-results.server";

/** 面接日時 `YYYY-MM-DDTHH:mm` → 「2026年12月1日 10:00」. */
export function interviewText(at: string | null): string | null {
  if (!at) return null;
  const [date, time] = at.split("T");
  return date ? `${formatJapaneseDate(date)}${time ? ` ${time.slice(0, 5)}` : ""}` : null;
}

function officeView(office: ReferralDetail["referringOffice"]) {
  return office ? { name: office.name, address: addressLine({ postalCode: office.postalCode, address: office.address }), phone: office.phone } : null;
}

/** The current result with what the history adds (a 辞退's date and note live in its event). */
function currentResult(detail: ReferralDetail): ResultSnapshot {
  const snapshot = snapshotOf(detail.referral);
  if (snapshot.status !== "declined") return snapshot;
  const last = [...detail.events].reverse().find((e) => e.action === "declined");
  return parseSnapshot(last?.after ?? null) ?? snapshot;
}

export function referralPageView(detail: ReferralDetail, today: string, options: { full?: boolean } = {}): ReferralPageView {
  const { referral, seeker, posting, establishment } = detail;
  const full = options.full ?? false;
  const shown = full ? fullSeeker(seeker, today) : disclosedSeeker(seeker, today);
  const invalid = invalidOn(posting, today);
  const open = isSelectionWindowOpen(posting, today);
  const result = currentResult(detail);
  const staffOfficeOf = (actorType: string) =>
    actorType === "staff" ? ([...detail.events].reverse().find((e) => e.actorType === "staff")?.staffOfficeName ?? null) : null;
  return {
    id: referral.id,
    version: versionOf(referral),
    status: referral.status,
    statusLabel: REFERRAL_STATUS_LABELS[referral.status],
    channel: REFERRAL_CHANNEL_LABELS[referral.channel],
    seeker: { ...shown, seekerNumber: full ? seeker.seekerNumber : null },
    fullSeeker: full,
    referredOn: formatJapaneseDate(referral.referredOn),
    days: daysSinceReferral(referral.referredOn, today),
    overdue: isOverdue(referral, today),
    interview: interviewText(referral.interviewAt),
    interviewPlace: referral.interviewPlace,
    note: referral.note,
    posting: { id: posting.id, jobNumber: posting.jobNumber ?? "―", jobTitle: posting.jobTitle || "（職種未入力）" },
    establishment: { name: establishment.name, address: addressLine(establishment), phone: establishment.phone },
    office: officeView(detail.referringOffice),
    jurisdictionOffice: officeView(detail.jurisdictionOffice),
    result: {
      text: resultText(result),
      at: referral.resultAt === null ? null : formatJstDateTime(referral.resultAt),
      by: referral.resultByType ? actorText(referral.resultByType, staffOfficeOf(referral.resultByType)) : null,
      values: result,
    },
    window: {
      open,
      lastDay: invalid ? formatJapaneseDate(selectionWindowLastDay(invalid)) : null,
      closedMessage: open || !invalid ? null : selectionWindowClosedMessage(invalid, detail.referringOffice),
    },
    history: detail.events.map((e) => ({
      id: e.id,
      at: formatJstDateTime(e.at),
      actor: actorText(e.actorType, e.staffOfficeName),
      action: e.action === "referred" && referral.channel === "application" ? REFERRAL_CHANNEL_LABELS.application : HISTORY_ACTION_LABELS[e.action],
      // The 紹介 itself (written by the referral's model) starts the history at 選考中 whatever else its row keeps.
      before: e.action === "referred" ? "―" : resultText(parseSnapshot(e.before)),
      after: e.action === "referred" ? "選考中" : resultText(parseSnapshot(e.after)),
    })),
  };
}
