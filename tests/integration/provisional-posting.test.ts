/**
 * The 求人 of an online 仮登録 (R-OPEN-8, issue 10 #8; ADR 0016): after the 事業所情報, the registrant enters the 求人 in
 * the same 8-screen wizard as the My Page (一時保存, red findings beside the field); only their own; the officer sees it
 * with its findings at 本登録, and 本登録 puts it in the office's review queue as 申込み済み (audited, one batch); the
 * 14-day deadline job erases it with the rest of the 仮登録.
 */
import { env } from "cloudflare:test";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { fixedClock } from "../../app/lib/clock";
import { newId } from "../../app/lib/ids";
import { findJob, runJob } from "../../app/jobs/dispatch.server";
import { parseContent } from "../../app/models/posting/content.server";
import { getDb, schema } from "../../app/utils/db.server";
import { signIn } from "../helpers/factories";
import { flashMessage, withFlash } from "../helpers/flash";
import { fieldError, formsTo, parse, textOf } from "../helpers/html";
import { SCREEN1, shownFields } from "../helpers/postings";
import { atWorkerNow, createProvisional, ENTERED, provisionalForm, signedInOfficer } from "../helpers/staff";
import { postForm, workerFetch } from "../helpers/worker";
import { completePosting } from "../unit/posting-fixture";

const db = () => getDb(env);
const pp = () => schema.provisionalPostings;
const step = (n: number) => `/provisional/posting/step/${n}`;

/** A 仮登録 (日光, 事業所情報 entered) whose 求人 is `content` with the wizard reached to `draftStep`. */
async function provisionalWithPosting(content = completePosting(), draftStep = 8, overrides: Parameters<typeof createProvisional>[0] = {}) {
  const reg = await createProvisional(overrides);
  const id = newId();
  await db()
    .insert(pp())
    .values({ id, registrationId: reg.id, content: JSON.stringify(content), draftStep, createdAt: 0, updatedAt: 0 });
  return { ...reg, postingId: id };
}

describe("R-OPEN-8, issue 10 #8: the 求人 wizard under 仮登録", () => {
  it("R-OPEN-8, issue 10 #8: the registrant starts the 求人, saves screens, meets a red finding beside its field; another registrant cannot see or change it", async () => {
    const clock = await atWorkerNow("2026-11-26T10:00:00+09:00");
    const a = await createProvisional({ email: "a-kari@example.jp" });
    const cookieA = await signIn("employer", a.accountId, clock);

    // The provisional page offers the 求人 after the 事業所情報; starting it opens screen 1.
    const home = await (await workerFetch("/provisional", { cookie: cookieA })).text();
    expect(formsTo(home, "/provisional").length).toBeGreaterThanOrEqual(2);
    const started = await postForm("/provisional", { intent: "start-posting" }, cookieA);
    expect(started.status).toBe(303);
    expect(started.headers.get("Location")).toBe(step(1));

    const content = completePosting();
    const next1 = await postForm(step(1), { ...SCREEN1, intent: "next" }, cookieA);
    expect(next1.headers.get("Location")).toBe(step(2));
    const next2 = await postForm(step(2), { ...shownFields(2, content), intent: "next" }, cookieA);
    expect(next2.headers.get("Location")).toBe(step(3));
    // Screen 3 without 職種: saved as typed, stopped with the red message beside the field.
    const red = await postForm(step(3), { ...shownFields(3, { ...content, jobTitle: "" }), intent: "next" }, cookieA);
    expect(red.status).toBe(400);
    expect(fieldError(await red.text(), "jobTitle")).toContain("職種を入力してください");
    const stored = (await db().select().from(pp()).all())[0]!;
    expect(stored.draftStep).toBe(3);
    expect(parseContent(stored.content).jobDescription).toBe(content.jobDescription);
    expect(parseContent(stored.content).workplace.prefectureCode).toBe("09");
    // Screens beyond the one reached are not open.
    expect((await workerFetch(step(5), { cookie: cookieA })).headers.get("Location")).toBe(step(3));

    // Another registrant: no 求人 of theirs, so the wizard sends them to their own page; nothing of A's is shown or changed.
    const b = await createProvisional({ email: "b-kari@example.jp" });
    const cookieB = await signIn("employer", b.accountId, clock);
    expect((await workerFetch(step(1), { cookie: cookieB })).headers.get("Location")).toBe("/provisional");
    expect(await (await workerFetch("/provisional", { cookie: cookieB })).text()).not.toContain(content.jobDescription.slice(0, 10));
    const write = await postForm(step(1), { ...SCREEN1, "category.publication": "4", intent: "save" }, cookieB);
    expect(write.headers.get("Location")).toBe("/provisional");
    expect(await db().select().from(pp()).all()).toHaveLength(1);
    expect(parseContent((await db().select().from(pp()).get())!.content).category.publication).toBe(2);
  });
});

describe("R-OPEN-8, issue 10 #8: 本登録 with the 求人", () => {
  it("R-OPEN-8, issue 10 #8: the officer sees the 求人 with its findings; 本登録 puts it in that office's review queue as 申込み済み, audited", async () => {
    const clock = await atWorkerNow("2026-11-26T10:00:00+09:00");
    const { staff, cookie } = await signedInOfficer("0910", clock);
    const complete = completePosting();
    const content = { ...complete, jobTitle: "仮登録の調理スタッフ", category: { ...complete.category, publication: 2 as const } };
    const reg = await provisionalWithPosting(content, 8);

    const detail = parse(await (await workerFetch(`/staff/provisional/${reg.id}`, { cookie })).text());
    const section = detail.querySelector("[aria-labelledby=provisional-posting-title]");
    expect(textOf(section)).toContain("仮登録の調理スタッフ");
    expect(textOf(section)).toContain("入力内容の確認結果");
    expect(textOf(section)).toContain("申込み済み");

    const res = await postForm(`/staff/provisional/${reg.id}`, provisionalForm(reg.data), cookie);
    expect(res.status).toBe(302);
    const establishmentId = /^\/staff\/establishments\/([^?]+)$/.exec(res.headers.get("Location") ?? "")![1]!;
    const posting = (await db().select().from(schema.jobPostings).where(eq(schema.jobPostings.establishmentId, establishmentId)).get())!;
    expect(posting).toMatchObject({ officeCode: "0910", status: "submitted", submittedAt: clock.now().getTime(), publication: 2 });
    expect(parseContent(posting.content).jobTitle).toBe("仮登録の調理スタッフ");
    expect(await db().select().from(pp()).all()).toEqual([]);
    const audit = await db()
      .select()
      .from(schema.auditLog)
      .where(and(eq(schema.auditLog.action, "posting.submit"), eq(schema.auditLog.subjectId, posting.id)))
      .all();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorType: "employer", actorId: reg.accountId, officeCode: "0910", subjectType: "job_posting" });
    expect(JSON.parse(audit[0]!.details)).toMatchObject({ provisionalRegistrationId: reg.id, completedBy: staff.id });

    const flashed = await (await workerFetch(`/staff/establishments/${establishmentId}`, { cookie: withFlash(cookie, res) })).text();
    expect(flashed).toContain("求人の確認");
    const queue = await (await workerFetch("/staff/postings", { cookie })).text();
    expect(queue).toContain("仮登録の調理スタッフ");
    expect(queue).toContain(reg.data.name);
    // Another office's queue does not list it.
    const other = await signedInOfficer("0901", clock);
    expect(await (await workerFetch("/staff/postings", { cookie: other.cookie })).text()).not.toContain("仮登録の調理スタッフ");
  });
});

describe("R-OPEN-8, issue 10 #8: the 14-day deadline", () => {
  it("R-OPEN-8, issue 10 #8: the expiry job erases the 求人 of a 仮登録 past its last day (2026-11-25) and keeps one whose last day is today (2026-11-26)", async () => {
    const expired = await provisionalWithPosting(completePosting(), 4, { expiresOn: "2026-11-25" });
    const lastDay = await provisionalWithPosting(completePosting(), 4, { expiresOn: "2026-11-26" });
    const result = await runJob(findJob("provisional.expire")!, env, fixedClock("2026-11-26T00:05:00+09:00"));
    expect(result).toEqual({ job: "provisional.expire", processed: 1, error: null });
    const left = await db().select({ id: pp().id }).from(pp()).all();
    expect(left.map((r) => r.id)).toEqual([lastDay.postingId]);
    expect(left.map((r) => r.id)).not.toContain(expired.postingId);
  });
});

describe("R-OPEN-8: nothing is saved into a 仮登録 past its 本登録 deadline, whether or not the daily job has run", () => {
  it("R-OPEN-8: deadline 2026-11-26 — a save on 11-26 is taken; deadline 2026-11-25 — the 事業所情報 and the 求人 screens are refused on 11-26 with the reason", async () => {
    const clock = await atWorkerNow("2026-11-26T10:00:00+09:00");
    const open = await provisionalWithPosting(completePosting(), 1, { email: "open-kari@example.jp", expiresOn: "2026-11-26" });
    const openCookie = await signIn("employer", open.accountId, clock);
    const saved = await postForm(step(1), { ...SCREEN1, intent: "save" }, openCookie);
    expect(saved.status).toBe(303);
    expect(saved.headers.get("Location")).toBe(step(1));

    const late = await provisionalWithPosting(completePosting(), 1, { email: "late-kari@example.jp", expiresOn: "2026-11-25" });
    const cookie = await signIn("employer", late.accountId, clock);
    const before = await db().select().from(schema.provisionalRegistrations).where(eq(schema.provisionalRegistrations.id, late.id)).get();
    for (const [path, form] of [
      ["/provisional", provisionalForm(ENTERED, { name: "変えた名前" })],
      [step(1), { ...SCREEN1, intent: "save" }],
    ] as const) {
      const res = await postForm(path, form, cookie);
      expect(res.status).toBe(303);
      expect(res.headers.get("Location")).toBe("/provisional");
      expect(flashMessage(res)).toContain("本登録の期限（2026年11月25日）を過ぎたため、この仮登録には保存できません");
    }
    const after = await db().select().from(schema.provisionalRegistrations).where(eq(schema.provisionalRegistrations.id, late.id)).get();
    expect(after?.establishmentData).toBe(before?.establishmentData);
    const posting = await db().select().from(pp()).where(eq(pp().id, late.postingId)).get();
    expect(posting?.updatedAt).toBe(0);
  });
});
