/**
 * The officer's review page's data and decisions (route.tsx guards and renders). The page's own reads are one batch
 * (models/posting/pages.server.ts reviewPageReads, read in the guard's batch); what waits for review is rules/posting reviewKind, whether 受理 is
 * possible canAccept; each decision is a model whose typed outcome says what to answer — a decision another officer
 * made first (a state or race refusal) is a 409, a rule's refusal a 400 with its message.
 */
import { parseWithZod } from "@conform-to/zod/v4";
import { data } from "@remix-run/cloudflare";
import { formatJapaneseDate, formatJstDateTime, todayJst, type Clock } from "../../lib/clock";
import { CHANGE_STATUS_LABELS, EXTENSION_STATUS_LABELS, STATUS_LABELS } from "../../lib/posting-labels";
import { staffPostingSchema } from "../../lib/schemas/staff-posting";
import type { MailContext } from "../../mail/templates";
import { alertCandidateOf } from "../../models/minimum-wage-alerts.server";
import { findingsOf, parseContent } from "../../models/posting/content.server";
import { decideExtension } from "../../models/posting/extension.server";
import { getPostingForReview } from "../../models/posting/office.server";
import type { Refused } from "../../models/posting/outcome";
import { reviewPageOf } from "../../models/posting/pages.server";
import { current } from "../../models/posting/queries.server";
import { acceptChange, acceptPosting, returnPosting } from "../../models/posting/review.server";
import { kyujinhyoView } from "../../models/posting/view.server";
import { ROLE_LABELS } from "../../models/staff.server";
import { canAccept, diffContent, extensionCheck, postingKindLabel, reviewKind, STEPS, stepOf } from "../../rules/posting";
import { publishedMinimumWage } from "../../rules/posting/minimum-wage-alerts";
import type { StaffContext } from "../../utils/auth.server";
import { redirectWithFlash } from "../../utils/flash.server";
import { readForm } from "../../utils/body.server";

const RACE_LOST = "ほかの職員がすでに処理しました。最新の状態を確認してください。";

const date = (d: string | null) => (d ? formatJapaneseDate(d) : null);

export function reviewPage({ staff, office }: StaffContext, clock: Clock, reads: Parameters<typeof reviewPageOf>[0]) {
  const today = todayJst(clock);
  const read = reviewPageOf(reads, today);
  if (!read) throw data(null, { status: 404 });
  const { sheet, minimumWages, images } = read;
  const { posting, establishment } = sheet;
  const content = parseContent(posting.content);
  const kind = reviewKind(posting);
  const findings = findingsOf(content, { today, minimumWages, validUntil: posting.validUntil });
  const acceptance = canAccept(findings);
  const minimumWage = publishedMinimumWage(alertCandidateOf(posting), minimumWages, today);
  // Issue 10 #4: a requested extension is checked on the published 求人票 for the extended period; the button says the date.
  const extension =
    posting.status === "accepted" && posting.extensionStatus === "requested" && posting.validUntil !== null
      ? extensionCheck(parseContent(posting.publishedContent ?? posting.content), { today, minimumWages, validUntil: posting.validUntil })
      : null;
  return {
    title: content.jobTitle || "職種未入力の求人",
    staff: { name: staff.name, officeName: office.name, roleLabel: ROLE_LABELS[staff.role] },
    establishment: {
      id: establishment.id,
      name: establishment.name,
      number: establishment.establishmentNumber,
      // 管轄変更 moves the establishment to another office; its postings stay with the accepting one.
      linkable: establishment.officeCode === office.code,
    },
    posting: {
      id: posting.id,
      kindLabel: postingKindLabel(content),
      status: STATUS_LABELS[posting.status],
      changeStatus: posting.status === "accepted" && posting.changeStatus ? CHANGE_STATUS_LABELS[posting.changeStatus] : null,
      extensionStatus: posting.extensionStatus ? EXTENSION_STATUS_LABELS[posting.extensionStatus] : null,
      jobNumber: posting.jobNumber,
      acceptedOn: date(posting.acceptedOn),
      validUntil: date(posting.validUntil),
      invalidatedOn: date(posting.invalidatedOn),
      extended: posting.extended,
      submittedAt: posting.submittedAt ? formatJstDateTime(posting.submittedAt) : null,
      changeSubmittedAt: posting.changeSubmittedAt ? formatJstDateTime(posting.changeSubmittedAt) : null,
      reviewComment: posting.reviewComment,
      renewalOf: posting.renewalOf,
    },
    review: kind,
    /** Why 受理 is refused now (red findings), or null. */
    acceptRefusal: acceptance.allowed ? null : acceptance.reason,
    extension: extension && { newValidUntil: formatJapaneseDate(extension.validUntil), refusal: extension.reason },
    findings: findings.map((f) => ({ ...f, screen: STEPS[stepOf(f.field) - 1]?.title ?? "" })),
    /** Issue 10 #3: the published 求人票 against a minimum-wage revision (公開保留 from its 発効日). */
    minimumWage: minimumWage && {
      phase: minimumWage.phase,
      effectiveFrom: formatJapaneseDate(minimumWage.effectiveFrom),
      messages: minimumWage.findings.map((f) => ({ severity: f.severity, code: f.code, message: f.message })),
    },
    diff: kind === "change" ? diffContent(parseContent(posting.publishedContent), content) : null,
    kyujinhyo: kyujinhyoView(sheet, images, { published: false, imageSrc: (imageId) => `/staff/images/${imageId}` }),
  };
}

/** 受理 (of a posting or of its 内容変更), 修正依頼 with a comment, or the decision on an extension request. */
export async function reviewAction({ db, staff, office }: StaffContext, clock: Clock, request: Request, id: string, mail: MailContext) {
  const scope = { staffId: staff.id, officeCode: office.code };
  // Another office's posting is a 404 before anything is read from the form.
  const posting = current(await getPostingForReview(db, office.code, id), todayJst(clock));
  if (!posting) throw data(null, { status: 404 });
  const submission = parseWithZod(await readForm(request), { schema: staffPostingSchema });
  if (submission.status !== "success") return data({ intent: "return" as const, result: submission.reply() }, { status: 400 });
  const { intent, comment } = submission.value;
  const refuse = (refusal: Refused) =>
    refusal.reason === "rule"
      ? data({ intent, result: submission.reply({ formErrors: [refusal.message] }) }, { status: 400 })
      : data({ intent, result: submission.reply({ formErrors: [RACE_LOST] }) }, { status: 409 });
  const back = (message: string) => redirectWithFlash(`/staff/postings/${id}`, message);
  const until = (d: string | null) => (d ? formatJapaneseDate(d) : "");

  switch (intent) {
    case "accept": {
      if (reviewKind(posting) === "change") {
        const result = await acceptChange(db, clock, scope, id, mail);
        return result.ok ? back(`内容変更を受理しました。変更後の内容が公開されています（求人番号 ${posting.jobNumber ?? ""}）。`) : refuse(result);
      }
      const result = await acceptPosting(db, clock, scope, id, mail);
      return result.ok ? back(`受理しました。求人番号 ${result.jobNumber}、紹介期限は${until(result.validUntil)}です。`) : refuse(result);
    }
    case "return": {
      const result = await returnPosting(db, clock, scope, id, comment, mail);
      return result.ok ? back("修正依頼をしました。事業主にお知らせとメールで通知しました。") : refuse(result);
    }
    case "extension-approve":
    case "extension-refuse": {
      const approve = intent === "extension-approve";
      const result = await decideExtension(db, clock, scope, id, approve, mail);
      if (!result.ok) return refuse(result);
      // issue 10 #4: an approval the rules refuse for the extended period refuses the request, with the reason.
      if (result.refusedBecause)
        return back(`有効期間の延長は承認できないため、申請を不承認にしました（事業主に理由を通知しました）。${result.refusedBecause}`);
      return back(
        approve ? `有効期間の延長を承認しました。紹介期限は${until(result.validUntil)}です。` : "有効期間の延長を承認しませんでした。事業主に通知しました。",
      );
    }
  }
}
