/**
 * R-REF-1: an officer refers a seeker of the officer's office to a valid posting of any office — the referral (選考中),
 * its history row, the お知らせ 「ハローワーク○○から求職者を紹介しました」 and one mail per active login account, with nothing
 * about the seeker in either; refused in Japanese for a posting that is not valid today and for a second open referral.
 */
import { env } from "cloudflare:test";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb, schema } from "../../app/utils/db.server";
import { fixedClock } from "../../app/lib/clock";
import { ALREADY_REFERRED, createReferral } from "../../app/models/referrals.server";
import { createEmployerAccount } from "../helpers/factories";
import { flashMessage } from "../helpers/flash";
import { bodyText, fieldError } from "../helpers/html";
import { openMyPage } from "../helpers/mypage";
import { acceptedPosting, clearOutbox, officerOf, testMail } from "../helpers/postings";
import { createSeeker } from "../helpers/referrals";
import { referralForm } from "../helpers/seekers";
import { atWorkerNow, signedInOfficer } from "../helpers/staff";
import { postForm, workerFetch } from "../helpers/worker";

const db = () => getDb(env);
const referralsOf = (seekerId: string) => db().select().from(schema.referrals).where(eq(schema.referrals.seekerId, seekerId)).all();
/** The establishment's お知らせ of referrals (the 受理 of the set-up wrote one too). */
const referralNotices = async (establishmentId: string) =>
  (await db().select().from(schema.notices).where(eq(schema.notices.establishmentId, establishmentId)).all()).filter((n) =>
    n.link?.startsWith("/mypage/applicants/"),
  );
const refer = (seekerId: string, fields: Record<string, string>, cookie: string) => postForm(`/staff/seekers/${seekerId}/refer`, fields, cookie);

/** A valid posting (受理 2026-11-26, 紹介期限 2027-01-31) of 日光's 株式会社日光ゆば工房, which has a main and an additional account. */
async function nikkoPosting() {
  const page = await openMyPage();
  const extra = await createEmployerAccount(page.establishment.id, { email: "jinji@nikko-yuba.example.jp", isMain: false });
  await createEmployerAccount(page.establishment.id, { email: "pending@nikko-yuba.example.jp", isMain: false, status: "pending" });
  const posting = await acceptedPosting(page);
  await clearOutbox(db());
  return { page, posting, extra };
}

describe("R-REF-1: 紹介 by an officer (issue 11)", () => {
  it("R-REF-1: the referral, its history, the お知らせ and one mail per active account — none naming the seeker — and the audit row", async () => {
    const { page, posting } = await nikkoPosting();
    const clock = await atWorkerNow("2026-11-27T09:00:00+09:00");
    const { staff, cookie } = await signedInOfficer("0910", clock);
    const seeker = await createSeeker({ name: "紹介 花子", nameKana: "ショウカイ ハナコ", phone: "090-9876-5432", address: "今市本町9-9-9" });

    // The look-up shows the posting to confirm.
    const lookUp = await workerFetch(`/staff/seekers/${seeker.id}/refer?jobNumber=${encodeURIComponent(posting.jobNumber!.replace("-", ""))}`, { cookie });
    const lookUpText = bodyText(await lookUp.text());
    expect(lookUpText).toContain("株式会社日光ゆば工房");
    expect(lookUpText).toContain("2027年1月31日");
    expect(lookUpText).toContain("ハローワーク日光");

    const res = await refer(
      seeker.id,
      referralForm(posting.jobNumber!, "2026-11-27", { interviewDate: "2026-12-01", interviewTime: "10:30", interviewPlace: "本社2階" }),
      cookie,
    );
    expect(res.status).toBe(303);
    expect(res.headers.get("Location")).toBe(`/staff/seekers/${seeker.id}`);
    expect(flashMessage(res)).toContain(`求人番号 ${posting.jobNumber}`);

    const [referral] = await referralsOf(seeker.id);
    expect(referral).toMatchObject({
      postingId: posting.id,
      establishmentId: page.establishment.id,
      channel: "referral",
      officeCode: "0910",
      referredBy: staff.id,
      referredOn: "2026-11-27",
      interviewAt: "2026-12-01T10:30",
      interviewPlace: "本社2階",
      status: "screening",
    });
    const events = await db().select().from(schema.referralEvents).where(eq(schema.referralEvents.referralId, referral!.id)).all();
    expect(events.map((e) => [e.action, e.actorType, e.actorId])).toEqual([["referred", "staff", staff.id]]);

    const notices = await referralNotices(page.establishment.id);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ title: "ハローワーク日光から求職者を紹介しました", link: `/mypage/applicants/${referral!.id}` });

    const mails = await db().select().from(schema.mailOutbox).all();
    expect(mails.map((m) => m.toAddress).sort()).toEqual(["jinji@nikko-yuba.example.jp", "saiyo@nikko-yuba.example.jp"]);
    for (const text of [...mails.flatMap((m) => [m.subject, m.textBody, m.htmlBody]), notices[0]!.title, notices[0]!.body]) {
      for (const personal of ["紹介 花子", "ショウカイ", "090-9876-5432", "今市本町9-9-9", "1990"]) expect(text).not.toContain(personal);
    }
    expect(mails[0]!.subject).toContain("ハローワーク日光から求職者を紹介しました");
    expect(mails[0]!.textBody).toContain(`求人番号：${posting.jobNumber}`);
    expect(mails[0]!.textBody).toContain("職種：");
    expect(mails[0]!.textBody).toContain("/login");
    // R-OPEN-9: like every system mail, it names the sender address to allow.
    expect(mails[0]!.textBody).toContain(`「${testMail().fromAddress}」からのメールを受信できるよう設定してください`);

    const audit = await db()
      .select()
      .from(schema.auditLog)
      .where(and(eq(schema.auditLog.action, "referral.create"), eq(schema.auditLog.subjectId, referral!.id)))
      .get();
    expect(audit).toMatchObject({ actorId: staff.id, officeCode: "0910" });
    expect(audit!.details).not.toContain("紹介 花子");

    // The seeker's page lists the referral with its state and the officer's link.
    const detail = await (await workerFetch(`/staff/seekers/${seeker.id}`, { cookie })).text();
    expect(detail).toContain(`/staff/referrals/${referral!.id}`);
    expect(bodyText(detail)).toContain("選考中");

    // A second open referral to the same posting is refused, beside the 求人番号.
    const again = await refer(seeker.id, referralForm(posting.jobNumber!, "2026-11-27"), cookie);
    expect(again.status).toBe(400);
    expect(fieldError(await again.text(), "jobNumber")).toContain("紹介済みで選考中");
    expect(await referralsOf(seeker.id)).toHaveLength(1);
    expect(await db().select().from(schema.mailOutbox).all()).toHaveLength(2);
  });

  it("R-REF-1: refused with the reason for a stopped posting, one past its 紹介期限 (2026-11-26 on 2026-11-27), one accepted after today, and one 公開保留; and the 紹介日 7 days back at most", async () => {
    const { posting } = await nikkoPosting();
    const seeker = await createSeeker();
    const t = schema.jobPostings;
    const attempt = async (at: string, referredOn: string) => {
      const clock = await atWorkerNow(at);
      const { cookie } = await signedInOfficer("0910", clock);
      const res = await refer(seeker.id, referralForm(posting.jobNumber!, referredOn), cookie);
      expect(res.status).toBe(400);
      const html = await res.text();
      return html;
    };
    // Accepted on 2026-11-26: not yet valid on 2026-11-25.
    expect(fieldError(await attempt("2026-11-25T10:00:00+09:00", "2026-11-25"), "jobNumber")).toContain("まだ受理されていません");
    // 紹介期限 2026-11-26 (set back for the test): the next day it has expired, before the daily job records it.
    await db().update(t).set({ validUntil: "2026-11-26" }).where(eq(t.id, posting.id));
    expect(fieldError(await attempt("2026-11-27T10:00:00+09:00", "2026-11-27"), "jobNumber")).toContain("紹介期限（2026年11月26日）を過ぎています");
    await db().update(t).set({ validUntil: "2027-01-31", status: "stopped", invalidatedOn: "2026-11-27" }).where(eq(t.id, posting.id));
    expect(fieldError(await attempt("2026-11-27T10:00:00+09:00", "2026-11-27"), "jobNumber")).toContain("募集を停止しています");
    await db().update(t).set({ status: "accepted", invalidatedOn: null }).where(eq(t.id, posting.id));
    await db()
      .insert(schema.minimumWageAlerts)
      .values({ postingId: posting.id, prefectureCode: "09", effectiveFrom: "2026-11-27", amountYen: 1200, alertFrom: "2026-11-20", createdAt: 0 });
    expect(fieldError(await attempt("2026-11-27T10:00:00+09:00", "2026-11-27"), "jobNumber")).toContain("公開保留");
    // 紹介日: 2026-11-19 is 8 days before 2026-11-27; tomorrow is in the future.
    expect(fieldError(await attempt("2026-11-27T10:00:00+09:00", "2026-11-19"), "referredOn")).toContain("2026年11月20日");
    expect(fieldError(await attempt("2026-11-27T10:00:00+09:00", "2026-11-28"), "referredOn")).toContain("未来");
    expect(await referralsOf(seeker.id)).toEqual([]);
    expect(await db().select().from(schema.mailOutbox).all()).toEqual([]);
  });

  it("R-REF-1: an officer of 宇都宮 (0901) refers the office's own seeker to a posting of 日光 (0910), but cannot open 日光's seeker (404)", async () => {
    const { page, posting } = await nikkoPosting();
    const clock = await atWorkerNow("2026-11-27T09:00:00+09:00");
    const { cookie } = await signedInOfficer("0901", clock);
    const own = await createSeeker({ officeCode: "0901" });
    const nikkoSeeker = await createSeeker({ officeCode: "0910", name: "日光 秘密" });
    const res = await refer(own.id, referralForm(posting.jobNumber!, "2026-11-27"), cookie);
    expect(res.status).toBe(303);
    expect(await referralsOf(own.id)).toMatchObject([{ officeCode: "0901", establishmentId: page.establishment.id }]);
    const [notice] = await referralNotices(page.establishment.id);
    expect(notice!.title).toBe("ハローワーク宇都宮から求職者を紹介しました");

    for (const path of [`/staff/seekers/${nikkoSeeker.id}`, `/staff/seekers/${nikkoSeeker.id}/refer?jobNumber=${posting.jobNumber}`]) {
      const denied = await workerFetch(path, { cookie });
      expect(denied.status, path).toBe(404);
      expect(await denied.text(), path).not.toContain("日光 秘密");
    }
    expect((await refer(nikkoSeeker.id, referralForm(posting.jobNumber!, "2026-11-27"), cookie)).status).toBe(404);
    expect(await referralsOf(nikkoSeeker.id)).toEqual([]);
  });

  it("R-REF-1: two referrals of the same seeker to the same posting at the same moment — one is made, the other is told in Japanese (the partial unique index), never a 500", async () => {
    const { posting } = await nikkoPosting();
    const seeker = await createSeeker();
    const scope = await officerOf("0910");
    const input = { jobNumber: posting.jobNumber!, referredOn: "2026-11-27", interviewDate: "", interviewTime: "", interviewPlace: "", note: "" };
    const refer = () => createReferral({ db: db(), clock: fixedClock("2026-11-27T09:00:00+09:00"), mail: testMail(), scope, seekerId: seeker.id, input });
    const results = await Promise.all([refer(), refer()]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toMatchObject({ ok: false, reason: "posting", message: ALREADY_REFERRED });
    expect(await referralsOf(seeker.id)).toHaveLength(1);
    expect(await db().select().from(schema.mailOutbox).all()).toHaveLength(2);
  });
});
