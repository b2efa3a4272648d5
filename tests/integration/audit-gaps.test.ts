/**
 * issue 9 #16 (R-AUDIT-1): the actions that wrote no audit row — saving and discarding a 内容変更, sign-out (employer and
 * staff), the consent to revised documents, trusting a browser, returning a 事業所情報の変更 — each write exactly one,
 * with the actor, the target and the action's name, through the Worker. The return of a change request is scoped to the
 * officer's office in its SQL: its statements run for another office change nothing and leave no audit row. The
 * test-only submitForReview is not production code.
 */
import { env } from "cloudflare:test";
import { eq, gt } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { fixedClock } from "../../app/lib/clock";
import { changeReturnStatements } from "../../app/models/establishment-change.server";
import { getDb, schema } from "../../app/utils/db.server";
import { NOW, setWorkerNow } from "../helpers/clock";
import { CookieJar, signInThroughForms } from "../helpers/employer-signin";
import { pendingRequest, requestsOf } from "../helpers/establishment-change";
import { createEmployerAccount, createEstablishment, signIn } from "../helpers/factories";
import { MAIN_EMAIL, openMyPage } from "../helpers/mypage";
import { acceptedPosting, SCREEN1, stepUrl } from "../helpers/postings";
import { signedInOfficer } from "../helpers/staff";
import { postForm } from "../helpers/worker";

const db = () => getDb(env);
const log = schema.auditLog;

/** The id of the newest audit row (0 when none): rows after it are the action's. */
async function lastAuditId(): Promise<number> {
  const rows = await db().select({ id: log.id }).from(log).orderBy(log.id).all();
  return rows.at(-1)?.id ?? 0;
}

/** The audit rows written since `after`. */
async function auditSince(after: number) {
  return db().select().from(log).where(gt(log.id, after)).orderBy(log.id).all();
}

/** Runs `action` and expects exactly one audit row written by it, matching `row`. */
async function expectOneAuditRow(action: () => Promise<Response>, row: Record<string, unknown>): Promise<Response> {
  const before = await lastAuditId();
  const res = await action();
  expect([302, 303], `${String(row.action)}: ${res.status}`).toContain(res.status);
  const rows = await auditSince(before);
  expect(rows, String(row.action)).toHaveLength(1);
  expect(rows[0]).toMatchObject({ at: Date.parse(NOW), ...row });
  return res;
}

beforeEach(async () => {
  await setWorkerNow(NOW);
});

describe("R-AUDIT-1 issue 9 #16: audit rows of the actions that had none", () => {
  it("R-AUDIT-1 issue 9 #16: saving a screen of a 内容変更 and discarding the 内容変更 write one audit row each", async () => {
    const me = await openMyPage();
    const posting = await acceptedPosting(me);
    const who = { actorType: "employer", actorId: me.main.id, subjectType: "job_posting", subjectId: posting.id, officeCode: "0910" };
    await expectOneAuditRow(() => postForm(stepUrl(posting.id, 1), { ...SCREEN1, intent: "save" }, me.cookie), { ...who, action: "posting.change.save" });
    expect((await db().select().from(schema.jobPostings).where(eq(schema.jobPostings.id, posting.id)).get())?.changeStatus).toBe("draft");
    await expectOneAuditRow(() => postForm(`/mypage/postings/${posting.id}`, { intent: "discardChange" }, me.cookie), {
      ...who,
      action: "posting.change.discard",
    });
  });

  it("R-AUDIT-1 issue 9 #16: an employer's sign-out writes one audit row", async () => {
    const me = await openMyPage();
    await expectOneAuditRow(() => postForm("/logout", {}, me.cookie), {
      actorType: "employer",
      actorId: me.main.id,
      action: "employer.signout",
      subjectType: "employer_account",
      subjectId: me.main.id,
      officeCode: "0910",
    });
  });

  it("R-AUDIT-1 issue 9 #16: an officer's sign-out writes one audit row", async () => {
    const { staff, cookie } = await signedInOfficer("0910", fixedClock(NOW));
    await expectOneAuditRow(() => postForm("/staff/logout", {}, cookie), {
      actorType: "staff",
      actorId: staff.id,
      action: "staff.signout",
      subjectType: "staff_account",
      subjectId: staff.id,
      officeCode: "0910",
    });
  });

  it("R-AUDIT-1 issue 9 #16: agreeing to the revised 利用規約 and プライバシーポリシー writes one audit row", async () => {
    const establishment = await createEstablishment();
    const account = await createEmployerAccount(establishment.id);
    const cookie = await signIn("employer", account.id, fixedClock(NOW));
    await expectOneAuditRow(() => postForm("/mypage/consent", { agreeTerms: "on", agreePrivacy: "on", redirectTo: "/mypage" }, cookie), {
      actorType: "employer",
      actorId: account.id,
      action: "employer.consent",
      subjectType: "employer_account",
      subjectId: account.id,
      officeCode: establishment.officeCode,
    });
  });

  it("R-AUDIT-1 issue 9 #16: trusting a browser at sign-in writes its own audit row beside the sign-in's", async () => {
    const me = await openMyPage({ password: true });
    const before = await lastAuditId();
    const res = await signInThroughForms(MAIN_EMAIL, new CookieJar(), { trust: true });
    expect(res.status).toBe(303);
    const rows = (await auditSince(before)).filter((r) => r.action !== "employer.signin");
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      actorType: "employer",
      actorId: me.main.id,
      action: "employer.browser.trust",
      subjectType: "employer_account",
      subjectId: me.main.id,
      officeCode: "0910",
    });
    expect(JSON.parse(rows[0]!.details)).toMatchObject({ expiresAt: expect.any(Number) });
  });

  it("R-AUDIT-1 issue 9 #16: returning a 事業所情報の変更 writes one audit row, and its SQL refuses another office", async () => {
    const employer = await openMyPage();
    const request = await pendingRequest(employer);
    // Another office's officer, had the read been skipped: the statements change nothing and write no audit row.
    const foreign = await signedInOfficer("0901", fixedClock(NOW));
    const before = await lastAuditId();
    const statements = changeReturnStatements(
      db(),
      fixedClock(NOW),
      { staffId: foreign.staff.id, officeCode: "0901" },
      request.id,
      employer.establishment.id,
      "差し戻し",
    );
    await expect(db().batch(statements)).rejects.toThrow();
    expect(await auditSince(before)).toEqual([]);
    expect((await requestsOf(employer.establishment.id))[0]).toMatchObject({ status: "pending", reviewedBy: null });

    const { staff, cookie } = await signedInOfficer("0910", fixedClock(NOW));
    await expectOneAuditRow(
      () => postForm(`/staff/establishment-changes/${request.id}`, { intent: "return", comment: "電話番号を確認してください。" }, cookie),
      {
        actorType: "staff",
        actorId: staff.id,
        action: "establishment.change.return",
        subjectType: "establishment",
        subjectId: employer.establishment.id,
        officeCode: "0910",
      },
    );
    expect((await requestsOf(employer.establishment.id))[0]).toMatchObject({ status: "returned", reviewedBy: staff.id });
  });
});

describe("issue 9 #16: test-only code", () => {
  it("issue 9 #16: submitForReview lives in tests/helpers/postings.ts, not in the Worker's code", async () => {
    const sources = import.meta.glob("../../app/**/*.{ts,tsx}", { query: "?raw", import: "default", eager: true }) as Record<string, string>;
    expect(Object.keys(sources).length).toBeGreaterThan(50);
    const offenders = Object.entries(sources)
      .filter(([, source]) => source.includes("submitForReview"))
      .map(([path]) => path);
    expect(offenders).toEqual([]);
  });
});
