/**
 * issue 9 #4 (R-AUTH-4): an officer without an authenticator sets one up only with a one-time 登録コード issued by a
 * supervisor of the same office — shown once, stored hashed, valid 24 hours, used once, audited. The password alone
 * shows no QR code and enrols nothing.
 */
import { env } from "cloudflare:test";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { HOUR_MS } from "../../app/lib/clock";
import { totpAt } from "../../app/lib/totp";
import { getDb, schema } from "../../app/utils/db.server";
import { createStaffAccount, signIn } from "../helpers/factories";
import { fieldError, parse, textOf } from "../helpers/html";
import { atWorkerNow, cookieFrom, passwordStep, STAFF_PASSWORD_HASH } from "../helpers/staff";
import { postForm, workerFetch } from "../helpers/worker";

const db = () => getDb(env);
const T0 = "2026-11-26T10:00:00+09:00";

const totpSecretOf = async (id: string) => (await db().select().from(schema.staffAccounts).where(eq(schema.staffAccounts.id, id)).get())!.totpSecret;
const qrShown = (html: string) => parse(html).querySelector('img[alt*="QRコード"]') !== null;
/** The secret the set-up page shows as text (grouped by 4). */
const shownSecret = (html: string) => textOf(parse(html).querySelector("dd code")).replace(/\s/g, "");

async function officerWithoutAuthenticator(officeCode = "0910") {
  return createStaffAccount(officeCode, { passwordHash: STAFF_PASSWORD_HASH, totpSecret: null, role: "officer" });
}

/** A supervisor of the office, signed in, issues a code for `staffId` through the page; returns the response and the code shown. */
async function issueThroughPage(cookie: string, staffId: string) {
  const res = await postForm("/staff/enrolment", { staffId }, cookie);
  const html = res.status === 200 ? await res.text() : "";
  return { res, code: textOf(parse(html).querySelector("[data-enrolment-code]")) };
}

describe("issue 9 #4: first authenticator set-up needs a supervisor's 登録コード (R-AUTH-4)", () => {
  it("issue 9 #4: the password alone shows no QR code and cannot enrol", async () => {
    const clock = await atWorkerNow(T0);
    const officer = await officerWithoutAuthenticator();
    const half = cookieFrom(await passwordStep(officer.email));
    const page = await workerFetch("/staff/login/totp", { cookie: half });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(qrShown(html)).toBe(false);
    expect(shownSecret(html)).toBe("");
    expect(parse(html).querySelector('input[name="enrolmentCode"]')).not.toBeNull();
    // A TOTP code for a secret of one's own choosing is no way in.
    for (const code of ["123456", totpAt("JBSWY3DPEHPK3PXP", clock)]) {
      const res = await postForm("/staff/login/totp", { code }, half);
      expect(res.status).toBe(400);
    }
    const guess = await postForm("/staff/login/totp", { intent: "enrol", enrolmentCode: "1234-5678-9012" }, half);
    expect(guess.status).toBe(400);
    expect(fieldError(await guess.text(), "enrolmentCode")).toContain("登録コードが正しくない");
    expect(await totpSecretOf(officer.id)).toBeNull();
    expect(qrShown(await (await workerFetch("/staff/login/totp", { cookie: half })).text())).toBe(false);
  });

  it("issue 9 #4: only a supervisor of the same office issues a code (shown once, stored hashed, audited); the right code enrols, once", async () => {
    const clock = await atWorkerNow(T0);
    const officer = await officerWithoutAuthenticator();
    const foreign = await createStaffAccount("0901", { role: "supervisor" });
    const colleague = await createStaffAccount("0910", { role: "officer" });
    const supervisor = await createStaffAccount("0910", { role: "supervisor" });
    const foreignCookie = await signIn("staff", foreign.id, clock);
    const supervisorCookie = await signIn("staff", supervisor.id, clock);

    // Another office's supervisor cannot issue one; an officer cannot open the page.
    expect((await issueThroughPage(foreignCookie, officer.id)).res.status).toBe(404);
    expect((await workerFetch("/staff/enrolment", { cookie: await signIn("staff", colleague.id, clock) })).status).toBe(403);
    expect(await db().select().from(schema.staffEnrolmentCodes).all()).toEqual([]);

    // The office's supervisor sees the officer and issues a code.
    expect(await (await workerFetch("/staff/enrolment", { cookie: supervisorCookie })).text()).toContain(officer.email);
    const { res, code } = await issueThroughPage(supervisorCookie, officer.id);
    expect(res.status).toBe(200);
    expect(code).toMatch(/^\d{4}-\d{4}-\d{4}$/);
    const rows = await db().select().from(schema.staffEnrolmentCodes).all();
    expect(rows).toMatchObject([
      { staffId: officer.id, officeCode: "0910", issuedBy: supervisor.id, usedAt: null, expiresAt: clock.now().getTime() + 24 * HOUR_MS },
    ]);
    expect(JSON.stringify(rows)).not.toContain(code.replace(/-/g, ""));
    expect(await (await workerFetch("/staff/enrolment", { cookie: supervisorCookie })).text()).not.toContain(code);
    const issued = await db()
      .select()
      .from(schema.auditLog)
      .where(and(eq(schema.auditLog.action, "staff.enrolment_code.issue"), eq(schema.auditLog.subjectId, officer.id)))
      .all();
    expect(issued).toMatchObject([{ actorId: supervisor.id, subjectId: officer.id, officeCode: "0910" }]);

    // The officer enters it (full-width digits and hyphens are fine): the QR code appears, in this half session only.
    const half = cookieFrom(await passwordStep(officer.email));
    const other = cookieFrom(await passwordStep(officer.email));
    const entered = await postForm(
      "/staff/login/totp",
      { intent: "enrol", enrolmentCode: code.normalize("NFKC").replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0)) },
      half,
    );
    expect(entered.status).toBe(303);
    expect(entered.headers.get("Location")).toBe("/staff/login/totp");
    const setup = await (await workerFetch("/staff/login/totp", { cookie: half })).text();
    expect(qrShown(setup)).toBe(true);
    expect(qrShown(await (await workerFetch("/staff/login/totp", { cookie: other })).text())).toBe(false);
    // Used once: the same code in another half session is refused.
    const again = await postForm("/staff/login/totp", { intent: "enrol", enrolmentCode: code }, other);
    expect(again.status).toBe(400);
    expect(
      await db()
        .select()
        .from(schema.auditLog)
        .where(and(eq(schema.auditLog.action, "staff.enrolment_code.use"), eq(schema.auditLog.subjectId, officer.id)))
        .all(),
    ).toHaveLength(1);

    const secret = shownSecret(setup);
    const done = await postForm("/staff/login/totp", { code: totpAt(secret, clock) }, half);
    expect(done.status).toBe(302);
    expect(await totpSecretOf(officer.id)).toBe(secret);
  }, 20_000);

  it("issue 9 #4: an expired code, a code voided by a newer one, and another officer's code are refused", async () => {
    const clock = await atWorkerNow(T0);
    const officer = await officerWithoutAuthenticator();
    const otherOfficer = await officerWithoutAuthenticator();
    const supervisor = await createStaffAccount("0910", { role: "supervisor" });
    const first = (await issueThroughPage(await signIn("staff", supervisor.id, clock), officer.id)).code;
    const othersCode = (await issueThroughPage(await signIn("staff", supervisor.id, clock), otherOfficer.id)).code;

    const later = await atWorkerNow(new Date(clock.now().getTime() + 24 * HOUR_MS + 60_000).toISOString());
    const half = cookieFrom(await passwordStep(officer.email));
    const expired = await postForm("/staff/login/totp", { intent: "enrol", enrolmentCode: first }, half);
    expect(expired.status).toBe(400);

    const sup = await signIn("staff", supervisor.id, later);
    const voided = (await issueThroughPage(sup, officer.id)).code;
    const newest = (await issueThroughPage(sup, officer.id)).code;
    for (const code of [voided, othersCode]) {
      const res = await postForm("/staff/login/totp", { intent: "enrol", enrolmentCode: code }, half);
      expect(res.status, code).toBe(400);
    }
    expect(await totpSecretOf(officer.id)).toBeNull();
    expect((await postForm("/staff/login/totp", { intent: "enrol", enrolmentCode: newest }, half)).status).toBe(303);
  }, 20_000);
});
