/**
 * issue 11, the officers' gates through the Worker: R-GATE-2 利用不可 (confirmation step, every session of the
 * establishment ends at once, sign-in then gives the office's phone) and its restoration; R-GATE-4 the restriction
 * page (count, overdue referrals, the lift with a confirmation step) and the office's list by backlog; the employer's
 * banner under a restriction; who may open and post to each (authorisation matrix). The daily job itself:
 * tests/integration/backlog-restriction.test.ts; the forms' fuzzers: tests/fuzz/gates.test.ts.
 */
import { env } from "cloudflare:test";
import { and, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { getDb, schema } from "../../app/utils/db.server";
import { checkAuthorisationMatrix, describeMatrixFailures } from "../helpers/authz";
import { NOW } from "../helpers/clock";
import { PASSWORD } from "../helpers/employer-signin";
import { flashMessage } from "../helpers/flash";
import { alertText, bodyText, columnHeaders, fieldError, formsTo, headings, hrefs, parse, textOf } from "../helpers/html";
import { openMyPage } from "../helpers/mypage";
import { createEmployerAccount, signIn } from "../helpers/factories";
import { acceptedPosting } from "../helpers/postings";
import { createReferral, createReferrals, createSeeker } from "../helpers/referrals";
import { atWorkerNow, signedInOfficer } from "../helpers/staff";
import { postForm, workerFetch } from "../helpers/worker";

const db = () => getDb(env);
const OFFICE_PHONE = "0288-22-0353";

beforeEach(async () => {
  await atWorkerNow(NOW);
});

async function establishment(id: string) {
  return (await db().select().from(schema.establishments).where(eq(schema.establishments.id, id)).get())!;
}

async function audits(id: string, action: string) {
  return db()
    .select()
    .from(schema.auditLog)
    .where(and(eq(schema.auditLog.subjectId, id), eq(schema.auditLog.action, action)))
    .all();
}

async function gateMail(to: string) {
  return db()
    .select()
    .from(schema.mailOutbox)
    .where(and(eq(schema.mailOutbox.toAddress, to), eq(schema.mailOutbox.template, "establishmentNotice")))
    .all();
}

async function sessionsOf(accountId: string) {
  return db().select().from(schema.sessions).where(eq(schema.sessions.accountId, accountId)).all();
}

const page = async (path: string, cookie?: string) => (await workerFetch(path, { cookie })).text();

describe("R-GATE-2 (issue 11): 利用不可 and its restoration", () => {
  it("R-GATE-2: the officer confirms 「この内容で利用不可にしますか」, then every session of the establishment ends at once; the next request goes to sign-in, and sign-in gives the office's phone", async () => {
    const clock = await atWorkerNow(NOW);
    const employer = await openMyPage({ password: true });
    const second = await createEmployerAccount(employer.establishment.id, { email: "jinji@nikko-yuba.example.jp", isMain: false });
    await signIn("employer", second.id, clock);
    const { staff, cookie } = await signedInOfficer("0910", clock);
    const path = `/staff/establishments/${employer.establishment.id}/usability`;

    const detail = await page(`/staff/establishments/${employer.establishment.id}`, cookie);
    expect(hrefs(detail)).toContain(path);
    const form = await page(path, cookie);
    expect(headings(form, 1)).toEqual(["利用不可の設定"]);
    expect(headings(form, 2)).toContain("利用不可にする");

    // Step 1: the confirmation screen shows the reason; nothing changes yet.
    const reason = "求人票と異なる条件での募集が繰り返されたため（職員 確認済み）";
    const confirm = await postForm(path, { intent: "confirm", reason: `  ${reason}  ` }, cookie);
    expect(confirm.status).toBe(200);
    const confirmHtml = await confirm.text();
    expect(headings(confirmHtml, 2)).toContain("この内容で利用不可にしますか");
    expect(textOf(parse(confirmHtml).querySelector("[data-confirm-reason]"))).toBe(reason);
    expect(bodyText(confirmHtml)).toContain("ログイン中のセッション（2件）");
    expect((await establishment(employer.establishment.id)).status).toBe("open");
    expect(await sessionsOf(employer.main.id)).toHaveLength(1);

    // Step 2: 利用不可.
    const done = await postForm(path, { intent: "unusable", reason }, cookie);
    expect(done.status).toBe(303);
    expect(done.headers.get("Location")).toBe(`/staff/establishments/${employer.establishment.id}`);
    expect(flashMessage(done)).toContain("利用不可にしました");
    expect(await establishment(employer.establishment.id)).toMatchObject({ status: "unusable", unusableAt: Date.parse(NOW), unusableReason: reason });
    expect(await sessionsOf(employer.main.id)).toEqual([]);
    expect(await sessionsOf(second.id)).toEqual([]);
    const [audit] = await audits(employer.establishment.id, "establishment.unusable");
    expect(audit).toMatchObject({ actorType: "staff", actorId: staff.id, officeCode: "0910" });
    expect(JSON.parse(audit!.details)).toEqual({ reason });
    for (const to of [employer.main.email, second.email]) {
      const [mail] = await gateMail(to);
      expect(mail!.subject).toBe("【求人者マイページ】求人者マイページが利用不可になりました");
      expect(mail!.textBody).toContain(`ハローワーク日光（電話 ${OFFICE_PHONE}）`);
      expect(mail!.textBody).not.toContain(reason);
    }

    // The employer's open session: the next request is sent to sign-in, which asks to sign in again…
    const next = await workerFetch("/mypage", { cookie: employer.cookie });
    expect(next.status).toBe(302);
    expect(next.headers.get("Location")).toBe("/login?redirectTo=%2Fmypage");
    expect(bodyText(await page("/login?redirectTo=%2Fmypage"))).toContain("このページを利用するには、ログインしてください。");
    // …and signing in says the My Page is unusable, with the office's phone (rules/sign-in unusableMessage).
    const signin = await postForm("/login", { email: employer.main.email, password: PASSWORD, redirectTo: "/mypage" });
    expect(signin.status).toBe(403);
    const refused = alertText(await signin.text());
    expect(refused).toContain("利用不可");
    expect(refused).toContain(`ハローワーク日光、電話 ${OFFICE_PHONE}`);
    expect(await sessionsOf(employer.main.id)).toEqual([]);

    // A second 利用不可 (a stale page) changes nothing.
    const again = await postForm(path, { intent: "unusable", reason }, cookie);
    expect(again.status).toBe(409);
    expect(await audits(employer.establishment.id, "establishment.unusable")).toHaveLength(1);
  });

  it("R-GATE-2: restoring goes through 「この内容で利用を再開しますか」; the establishment is open again with an お知らせ, a mail and an audit row", async () => {
    const clock = await atWorkerNow(NOW);
    const employer = await openMyPage({ password: true });
    await db()
      .update(schema.establishments)
      .set({ status: "unusable", unusableAt: Date.parse(NOW) - 86_400_000, unusableReason: "不正利用の疑い" })
      .where(eq(schema.establishments.id, employer.establishment.id));
    const { cookie } = await signedInOfficer("0910", clock);
    const path = `/staff/establishments/${employer.establishment.id}/usability`;
    const form = await page(path, cookie);
    expect(headings(form, 2)).toContain("利用を再開する");
    expect(bodyText(form)).toContain("不正利用の疑い");
    const confirm = await postForm(path, { intent: "confirm", reason: "事業主から改善報告を受けた" }, cookie);
    expect(headings(await confirm.text(), 2)).toContain("この内容で利用を再開しますか");
    // 「入力画面に戻る」 keeps what was typed.
    const back = await postForm(path, { intent: "back", reason: "事業主から改善報告を受けた" }, cookie);
    expect(parse(await back.text()).querySelector("textarea[name=reason]")?.textContent).toBe("事業主から改善報告を受けた");
    expect((await establishment(employer.establishment.id)).status).toBe("unusable");

    const done = await postForm(path, { intent: "restore", reason: "事業主から改善報告を受けた" }, cookie);
    expect(done.status).toBe(303);
    expect(await establishment(employer.establishment.id)).toMatchObject({ status: "open", unusableAt: null, unusableReason: null });
    expect(JSON.parse((await audits(employer.establishment.id, "establishment.restore"))[0]!.details)).toEqual({ reason: "事業主から改善報告を受けた" });
    const notices = await db().select().from(schema.notices).where(eq(schema.notices.establishmentId, employer.establishment.id)).all();
    expect(notices.map((n) => n.title)).toEqual(["求人者マイページを再び利用できるようになりました"]);
    expect((await gateMail(employer.main.email)).map((m) => m.subject)).toEqual(["【求人者マイページ】求人者マイページを再び利用できるようになりました"]);
    // Sign-in works again.
    expect((await postForm("/login", { email: employer.main.email, password: PASSWORD })).status).toBe(303);
  });

  it("R-GATE-2: the reason is required and at most 200 characters; the form keeps what was typed and nothing changes", async () => {
    const clock = await atWorkerNow(NOW);
    const employer = await openMyPage();
    const { cookie } = await signedInOfficer("0910", clock);
    const path = `/staff/establishments/${employer.establishment.id}/usability`;
    for (const intent of ["confirm", "unusable"]) {
      const empty = await postForm(path, { intent, reason: "　 " }, cookie);
      expect(empty.status).toBe(400);
      expect(fieldError(await empty.text(), "reason")).toContain("理由を入力してください");
    }
    const long = `${"あ".repeat(200)}い`;
    const tooLong = await postForm(path, { intent: "unusable", reason: long }, cookie);
    expect(tooLong.status).toBe(400);
    const html = await tooLong.text();
    expect(fieldError(html, "reason")).toContain("200文字以内");
    expect(html).toContain(long);
    expect((await establishment(employer.establishment.id)).status).toBe("open");
    expect((await postForm(path, { intent: "unusable", reason: "あ".repeat(200) }, cookie)).status).toBe(303);
  });
});

describe("R-GATE-4 (issue 11): the restriction page and the lift", () => {
  it("R-GATE-4: the page shows the count, since when, and the overdue referrals linking to /staff/referrals/:id; the lift is confirmed with the count and tells the employer, whose banner goes", async () => {
    const clock = await atWorkerNow(NOW); // 2026-11-26: day 21 is 2026-11-05
    const employer = await openMyPage({ restrictedAt: Date.parse("2026-11-20T00:05:00+09:00") });
    const posting = await acceptedPosting(employer, "2026-10-01T10:00:00+09:00");
    const seeker = await createSeeker({ name: "架空 一郎" });
    const overdue = await createReferral({ seekerId: seeker.id, posting, referredOn: "2026-11-05" });
    await createReferral({ seekerId: (await createSeeker()).id, posting, referredOn: "2026-11-06" }); // day 20
    await createReferral({ seekerId: (await createSeeker()).id, posting, referredOn: "2026-10-01", status: "hired" });
    await createReferrals(1, { posting, referredOn: "2026-10-10" });

    // The employer's home: one banner with the reason, since when and the office's phone.
    const home = await page("/mypage", employer.cookie);
    const banner = parse(home).querySelectorAll("[data-restriction]");
    expect(banner).toHaveLength(1);
    expect(banner[0]!.getAttribute("role")).toBe("alert");
    expect(textOf(banner[0])).toContain("利用が制限されています（2026-11-20 00:05から）");
    expect(textOf(banner[0])).toContain(`ハローワーク日光（電話 ${OFFICE_PHONE}）`);

    const { staff, cookie } = await signedInOfficer("0910", clock);
    const path = `/staff/establishments/${employer.establishment.id}/restriction`;
    const html = await page(path, cookie);
    expect(headings(html, 1)).toEqual(["利用制限"]);
    expect(textOf(parse(html).querySelector("[data-overdue-count]"))).toContain("2件");
    expect(textOf(parse(html).querySelector("[data-restricted]"))).toBe("制限中（2026-11-20 00:05から）");
    expect(columnHeaders(html)).toEqual(["紹介日", "経過日数", "求人番号", "職種", "求職者", "詳細"]);
    const rows = [...parse(html).querySelectorAll("[data-referral-id]")];
    expect(rows.map((r) => r.getAttribute("data-referral-id"))).toEqual([expect.any(String), overdue.id]);
    expect(textOf(rows[1])).toContain("2026年11月5日");
    expect(textOf(rows[1])).toContain("21日");
    expect(textOf(rows[1])).toContain("架空 一郎");
    expect(textOf(rows[1])).toContain(posting.jobNumber!);
    expect(hrefs(rows[1]!)).toEqual([`/staff/referrals/${overdue.id}`]);
    expect(formsTo(html, path)).toHaveLength(1);

    const confirm = await postForm(path, { intent: "confirm", note: "事業主から電話で申出" }, cookie);
    expect(confirm.status).toBe(200);
    const confirmHtml = await confirm.text();
    expect(headings(confirmHtml, 2)).toContain("利用制限を解除しますか");
    expect(textOf(parse(confirmHtml).querySelector("[data-confirm-overdue]"))).toBe("2件");
    expect((await establishment(employer.establishment.id)).restrictedAt).not.toBeNull();

    const done = await postForm(path, { intent: "lift", note: "事業主から電話で申出" }, cookie);
    expect(done.status).toBe(303);
    expect(flashMessage(done)).toContain("利用制限を解除しました");
    expect(await establishment(employer.establishment.id)).toMatchObject({
      restrictedAt: null,
      restrictionLiftedAt: Date.parse(NOW),
      restrictionLiftedBy: staff.id,
    });
    const [audit] = await audits(employer.establishment.id, "establishment.restriction-lift");
    expect(JSON.parse(audit!.details)).toEqual({ overdue: 2, restrictedAt: Date.parse("2026-11-20T00:05:00+09:00"), note: "事業主から電話で申出" });
    const notices = await db().select().from(schema.notices).where(eq(schema.notices.establishmentId, employer.establishment.id)).all();
    expect(notices.map((n) => n.title)).toContain("利用制限が解除されました");
    expect((await gateMail(employer.main.email)).map((m) => m.subject)).toEqual(["【求人者マイページ】利用制限が解除されました"]);
    expect(parse(await page("/mypage", employer.cookie)).querySelector("[data-restriction]")).toBeNull();
    expect(textOf(parse(await page(path, cookie)).querySelector("[data-restricted]"))).toBe("制限されていません");
    // A second lift (a stale page) is refused and writes nothing.
    expect((await postForm(path, { intent: "lift", note: "" }, cookie)).status).toBe(409);
    expect(await audits(employer.establishment.id, "establishment.restriction-lift")).toHaveLength(1);
  });

  it("R-GATE-4: /staff/backlog lists the office's establishments with 40 or more overdue (要連絡) or restricted (制限中), most first, with the oldest 紹介日; 39 and another office's are not listed", async () => {
    const clock = await atWorkerNow(NOW);
    const watch = await openMyPage({ name: "株式会社四十件", email: "forty@example.jp" });
    const below = await openMyPage({ name: "株式会社三十九件", email: "thirtynine@example.jp" });
    const restricted = await openMyPage({ name: "株式会社制限中", email: "restricted@example.jp", restrictedAt: Date.parse("2026-11-20T00:05:00+09:00") });
    const other = await openMyPage({ name: "宇都宮の四十件", email: "utsunomiya@example.jp", officeCode: "0901" });
    const watchPosting = await acceptedPosting(watch, "2026-10-01T10:00:00+09:00");
    await createReferrals(39, { posting: watchPosting, referredOn: "2026-11-01" });
    await createReferral({ seekerId: (await createSeeker()).id, posting: watchPosting, referredOn: "2026-10-20" });
    await createReferrals(39, { posting: await acceptedPosting(below, "2026-10-01T10:00:00+09:00"), referredOn: "2026-11-01" });
    await createReferrals(40, { posting: await acceptedPosting(other, "2026-10-01T10:00:00+09:00"), referredOn: "2026-11-01", seekerOffice: "0901" });
    await createReferral({
      seekerId: (await createSeeker()).id,
      posting: await acceptedPosting(restricted, "2026-10-01T10:00:00+09:00"),
      referredOn: "2026-10-02",
    });

    const { cookie } = await signedInOfficer("0910", clock);
    const html = await page("/staff/backlog", cookie);
    expect(headings(html, 1)).toEqual(["選考結果の未登録（事業所別）"]);
    const rows = [...parse(html).querySelectorAll("[data-establishment-id]")];
    expect(rows.map((r) => r.getAttribute("data-establishment-id"))).toEqual([watch.establishment.id, restricted.establishment.id]);
    expect(textOf(rows[0])).toContain("40件");
    expect(textOf(rows[0])).toContain("要連絡");
    expect(textOf(rows[0])).toContain("2026年10月20日");
    expect(textOf(rows[1])).toContain("1件");
    expect(textOf(rows[1])).toContain("制限中");
    expect(hrefs(rows[0]!)).toEqual([`/staff/establishments/${watch.establishment.id}/restriction`]);
    expect(bodyText(html)).not.toContain("株式会社三十九件");
    expect(bodyText(html)).not.toContain("宇都宮の四十件");
  });
});

describe("R-GATE-2, R-GATE-4 (issue 11): only the jurisdictional office", () => {
  it("R-GATE-2, R-GATE-4: another office's officer gets 404 on the pages and the actions (nothing changes); anonymous is sent to sign-in; an employer session gets no staff page", async () => {
    const clock = await atWorkerNow(NOW);
    const employer = await openMyPage({ name: "株式会社日光ひみつ商会", restrictedAt: Date.parse("2026-11-20T00:05:00+09:00") });
    const owner = await signedInOfficer("0910", clock);
    const other = await signedInOfficer("0901", clock);
    const id = employer.establishment.id;
    const state = async () => establishment(id);
    const failures = await checkAuthorisationMatrix(
      // The owner acts last, so the foreign attempts are checked before the owner's POST takes effect.
      [{ name: "other office", cookie: other.cookie }, { name: "anonymous" }, { name: "owner", cookie: owner.cookie }],
      [
        { name: "利用不可 page", path: `/staff/establishments/${id}/usability`, owners: ["owner"], secret: employer.establishment.name },
        { name: "restriction page", path: `/staff/establishments/${id}/restriction`, owners: ["owner"], secret: employer.establishment.name },
        {
          name: "利用不可 confirmation",
          method: "POST",
          path: `/staff/establishments/${id}/usability`,
          body: { intent: "confirm", reason: "行政の判断" },
          owners: ["owner"],
          secret: employer.establishment.name,
        },
        {
          name: "lift",
          method: "POST",
          path: `/staff/establishments/${id}/restriction`,
          body: { intent: "lift", note: "" },
          owners: ["owner"],
          secret: employer.establishment.name,
          changed: async () => (await state()).restrictedAt === null,
        },
        {
          name: "利用不可",
          method: "POST",
          path: `/staff/establishments/${id}/usability`,
          body: { intent: "unusable", reason: "行政の判断" },
          owners: ["owner"],
          secret: employer.establishment.name,
          changed: async () => (await state()).status === "unusable",
        },
      ],
    );
    expect(failures, describeMatrixFailures(failures)).toEqual([]);
    expect(await state()).toMatchObject({ status: "unusable", restrictedAt: null });
    // The other office's list never shows it; an employer session is sent to the staff sign-in.
    expect(await page("/staff/backlog", other.cookie)).not.toContain(employer.establishment.name);
    const employerCookie = await signIn("employer", employer.main.id, clock);
    for (const path of [`/staff/establishments/${id}/usability`, `/staff/establishments/${id}/restriction`, "/staff/backlog"]) {
      const res = await workerFetch(path, { cookie: employerCookie });
      expect(res.status, path).toBe(302);
      expect(res.headers.get("Location"), path).toMatch(/^\/staff\/login\?/);
    }
    const post = await postForm(`/staff/establishments/${id}/usability`, { intent: "restore", reason: "事業主の試み" }, employerCookie);
    expect(post.status).toBe(302);
    expect((await state()).status).toBe("unusable");
  });
});
