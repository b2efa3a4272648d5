/**
 * Issue 9 #9: a supervisor's power over the 地域別最低賃金 table. Only the prefecture of the supervisor's own office
 * (R-AUTH-4); a change of more than ±20 % against the amount in force on the new 発効日 asks for a confirmation (the
 * form shows the warning and a checkbox, no JavaScript); a revision not yet in force (発効日 after today JST) can be
 * corrected (amount / 発効日) or withdrawn (取消) with a reason, one in force cannot; every change writes its audit
 * row in the same batch (R-AUDIT-1: who, what, before / after, why). A withdrawn revision is deleted (the audit row
 * keeps it), so the postings' minimum-wage check (R-JOB-1) no longer sees it.
 */
import { env } from "cloudflare:test";
import { and, eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { recordRevision } from "../../app/models/minimum-wage.server";
import { getDb, schema } from "../../app/utils/db.server";
import { mailContext } from "../../app/utils/mail.server";
import { signIn } from "../helpers/factories";
import { withFlash } from "../helpers/flash";
import { controls, fieldError, parse, textOf } from "../helpers/html";
import { openMyPage } from "../helpers/mypage";
import { submittedPosting } from "../helpers/postings";
import {
  atWorkerNow,
  MINIMUM_WAGES_PATH as PATH,
  minimumWageRevision as revision,
  seedMinimumWages as seedWages,
  signedInOfficer,
  supervisor,
} from "../helpers/staff";
import { postForm, workerFetch } from "../helpers/worker";

const db = () => getDb(env);
const REVISION_ACTIONS = ["minimumWage.add", "minimumWage.correct", "minimumWage.withdraw"];
const revisionPath = (date: string, prefecture = "09") => `${PATH}?prefecture=${prefecture}&revision=${date}`;

async function wageRows(prefectureCode = "09") {
  return db()
    .select({ amountYen: schema.minimumWages.amountYen, effectiveFrom: schema.minimumWages.effectiveFrom })
    .from(schema.minimumWages)
    .where(eq(schema.minimumWages.prefectureCode, prefectureCode))
    .orderBy(schema.minimumWages.effectiveFrom)
    .all();
}

/** The audit rows of minimum-wage changes (the audit log is never emptied between tests: compare counts). */
async function revisionAudit() {
  return db().select().from(schema.auditLog).where(inArray(schema.auditLog.action, REVISION_ACTIONS)).orderBy(schema.auditLog.id).all();
}

const correction = (revisionDate: string, overrides: Record<string, string> = {}) => ({
  intent: "correct",
  revision: revisionDate,
  amountYen: "1120",
  effectiveFrom: "2026-12-15",
  correctionReason: "官報掲載の発効日の誤りを訂正",
  ...overrides,
});
const withdrawal = (revisionDate: string, overrides: Record<string, string> = {}) => ({
  intent: "withdraw",
  revision: revisionDate,
  withdrawalReason: "審議会の決定が取り消されたため",
  ...overrides,
});

/** The confirmation checkbox the form shows after a warning (its value ties the confirmation to what was checked). */
function confirmationBox(html: string): Element | undefined {
  return controls(html, "confirmChange").find((c) => c.getAttribute("type") === "checkbox");
}

describe("issue 9 #9: a supervisor records minimum wages for the prefecture of the office only (R-AUTH-4)", () => {
  it("issue 9 #9 / R-AUTH-4: a supervisor of 0910 (栃木) cannot add for 東京 — refused beside the prefecture, nothing stored or audited; an officer cannot either", async () => {
    const clock = await atWorkerNow();
    await seedWages();
    const boss = await supervisor(clock);
    const officer = await signedInOfficer("0910", clock);
    const tokyoBefore = await wageRows("13");
    const auditBefore = (await revisionAudit()).length;

    // The form offers the office's prefecture only.
    const page = await (await workerFetch(PATH, { cookie: boss.cookie })).text();
    const select = controls(page, "prefectureCode").find((c) => c.tagName === "SELECT");
    expect([...(select?.querySelectorAll("option[value]") ?? [])].map((o) => o.getAttribute("value")).filter(Boolean)).toEqual(["09"]);

    const res = await postForm(PATH, revision({ prefectureCode: "13", amountYen: "1250" }), boss.cookie);
    expect(res.status).toBe(403);
    expect(fieldError(await res.text(), "prefectureCode")).toContain("栃木県");
    expect((await postForm(PATH, revision({ prefectureCode: "13", amountYen: "1250" }), officer.cookie)).status).toBe(403);
    expect(await wageRows("13")).toEqual(tokyoBefore);
    expect((await revisionAudit()).length).toBe(auditBefore);

    // 東京's history shows no way to change it to 栃木's supervisor.
    const tokyo = await (await workerFetch(`${PATH}?prefecture=13`, { cookie: boss.cookie })).text();
    expect(controls(tokyo, "amountYen")).toEqual([]);
  });

  it("issue 9 #9 / R-AUTH-4: a supervisor of another prefecture cannot correct or withdraw 栃木's revision; an officer of 栃木 cannot either", async () => {
    const clock = await atWorkerNow();
    await seedWages();
    const boss = await supervisor(clock);
    expect((await postForm(PATH, revision(), boss.cookie)).status).toBe(302);
    await db()
      .insert(schema.offices)
      .values({ code: "1301", jobNumberPrefix: "13010", name: "ハローワーク飯田橋", prefectureCode: "13" })
      .onConflictDoNothing();
    const tokyoBoss = await signedInOfficer("1301", clock, { role: "supervisor" });
    const officer = await signedInOfficer("0910", clock);
    const before = await wageRows();
    const auditBefore = (await revisionAudit()).length;
    for (const cookie of [tokyoBoss.cookie, officer.cookie]) {
      expect((await postForm(revisionPath("2026-12-01"), withdrawal("2026-12-01"), cookie)).status).toBe(403);
      expect((await postForm(revisionPath("2026-12-01"), correction("2026-12-01"), cookie)).status).toBe(403);
    }
    expect(await wageRows()).toEqual(before);
    expect((await revisionAudit()).length).toBe(auditBefore);
  });
});

describe("issue 9 #9: a change of more than ±20 % asks for a confirmation", () => {
  it("issue 9 #9 / R-AUDIT-1: +25 % without confirmation → the warning and a checkbox, nothing stored; with confirmation → stored, the audit row says before/after", async () => {
    const clock = await atWorkerNow();
    await seedWages();
    const { staff, cookie } = await supervisor(clock);
    // In force on 2026-12-01: 1,068円 (from 2025-10-01); 1,335円 is +25 %.
    const res = await postForm(PATH, revision({ amountYen: "1335" }), cookie);
    expect(res.status).toBe(400);
    const html = await res.text();
    const warning = fieldError(html, "amountYen");
    expect(warning).toContain("1,068円");
    expect(warning).toContain("+25.0%");
    expect(warning).toContain("20%");
    const box = confirmationBox(html);
    expect(box).toBeDefined();
    expect(box!.hasAttribute("checked")).toBe(false);
    expect(controls(html, "amountYen")[0]?.getAttribute("value")).toBe("1335");
    expect((await wageRows()).map((r) => r.effectiveFrom)).not.toContain("2026-12-01");

    // A confirmation of another amount does not carry over.
    const other = await postForm(PATH, revision({ amountYen: "1400", confirmChange: box!.getAttribute("value") ?? "" }), cookie);
    expect(other.status).toBe(400);
    expect(fieldError(await other.text(), "amountYen")).toContain("+31.1%");

    const auditBefore = (await revisionAudit()).length;
    const confirmed = await postForm(PATH, revision({ amountYen: "1335", confirmChange: box!.getAttribute("value") ?? "" }), cookie);
    expect(confirmed.status).toBe(302);
    expect((await wageRows()).find((r) => r.effectiveFrom === "2026-12-01")).toEqual({ amountYen: 1335, effectiveFrom: "2026-12-01" });
    const audit = (await revisionAudit()).slice(auditBefore);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: "minimumWage.add", actorType: "staff", actorId: staff.id, officeCode: "0910", subjectId: "09:2026-12-01" });
    expect(JSON.parse(audit[0]!.details)).toMatchObject({
      prefectureCode: "09",
      before: null,
      after: { amountYen: 1335, effectiveFrom: "2026-12-01" },
      inForce: { amountYen: 1068, effectiveFrom: "2025-10-01" },
      changePercent: 25,
      confirmed: true,
    });
  });

  it("issue 9 #9: −25 % asks too; a change within ±20 % needs no confirmation", async () => {
    const clock = await atWorkerNow();
    await seedWages();
    const { cookie } = await supervisor(clock);
    const down = await postForm(PATH, revision({ amountYen: "801" }), cookie);
    expect(down.status).toBe(400);
    const html = await down.text();
    expect(fieldError(html, "amountYen")).toContain("-25.0%");
    expect(confirmationBox(html)).toBeDefined();
    expect((await postForm(PATH, revision({ amountYen: "1281" }), cookie)).status).toBe(302);
  });
});

describe("issue 9 #9: correcting and withdrawing a revision not yet in force (R-AUDIT-1)", () => {
  it("issue 9 #9 / R-AUDIT-1: a future revision is corrected (amount and 発効日) and then withdrawn, each with a required reason and an audit row", async () => {
    const clock = await atWorkerNow();
    await seedWages();
    const { staff, cookie } = await supervisor(clock);
    expect((await postForm(PATH, revision(), cookie)).status).toBe(302);

    // The history offers the change for the future revision only.
    const history = await (await workerFetch(`${PATH}?prefecture=09`, { cookie })).text();
    const changeLinks = [...parse(history).querySelectorAll("a[href]")].map((a) => a.getAttribute("href")).filter((h) => h?.includes("revision="));
    expect(changeLinks).toEqual([revisionPath("2026-12-01")]);
    const view = await (await workerFetch(revisionPath("2026-12-01"), { cookie })).text();
    expect(controls(view, "correctionReason")).toHaveLength(1);
    expect(controls(view, "withdrawalReason")).toHaveLength(1);

    // A reason is required.
    const noReason = await postForm(revisionPath("2026-12-01"), correction("2026-12-01", { correctionReason: "　" }), cookie);
    expect(noReason.status).toBe(400);
    expect(fieldError(await noReason.text(), "correctionReason")).toContain("理由");
    const auditBefore = (await revisionAudit()).length;

    const corrected = await postForm(revisionPath("2026-12-01"), correction("2026-12-01"), cookie);
    expect(corrected.status).toBe(302);
    expect(corrected.headers.get("Location")).toBe(`${PATH}?prefecture=09`);
    expect((await wageRows()).filter((r) => r.effectiveFrom > "2026-01-01")).toEqual([{ amountYen: 1120, effectiveFrom: "2026-12-15" }]);
    const after = await (await workerFetch(`${PATH}?prefecture=09`, { cookie: withFlash(cookie, corrected) })).text();
    expect(textOf(parse(after).body)).toContain("改定予定を訂正しました。");

    const noWithdrawalReason = await postForm(revisionPath("2026-12-15"), withdrawal("2026-12-15", { withdrawalReason: "" }), cookie);
    expect(noWithdrawalReason.status).toBe(400);
    expect(fieldError(await noWithdrawalReason.text(), "withdrawalReason")).toContain("理由");

    const withdrawn = await postForm(revisionPath("2026-12-15"), withdrawal("2026-12-15"), cookie);
    expect(withdrawn.status).toBe(302);
    expect(await wageRows()).toEqual([
      { amountYen: 1004, effectiveFrom: "0000-01-01" },
      { amountYen: 1068, effectiveFrom: "2025-10-01" },
    ]);

    const audit = (await revisionAudit()).slice(auditBefore);
    expect(audit.map((a) => a.action)).toEqual(["minimumWage.correct", "minimumWage.withdraw"]);
    for (const row of audit) {
      expect(row).toMatchObject({ actorType: "staff", actorId: staff.id, officeCode: "0910", subjectType: "minimumWage", at: clock.now().getTime() });
    }
    expect(audit[0]!.subjectId).toBe("09:2026-12-01");
    expect(JSON.parse(audit[0]!.details)).toMatchObject({
      prefectureCode: "09",
      before: { amountYen: 1100, effectiveFrom: "2026-12-01" },
      after: { amountYen: 1120, effectiveFrom: "2026-12-15" },
      reason: "官報掲載の発効日の誤りを訂正",
    });
    expect(audit[1]!.subjectId).toBe("09:2026-12-15");
    expect(JSON.parse(audit[1]!.details)).toMatchObject({
      prefectureCode: "09",
      before: { amountYen: 1120, effectiveFrom: "2026-12-15" },
      after: null,
      reason: "審議会の決定が取り消されたため",
    });

    // The history page shows who changed what and why.
    const record = textOf(parse(await (await workerFetch(`${PATH}?prefecture=09`, { cookie })).text()).body);
    expect(record).toContain("審議会の決定が取り消されたため");
    expect(record).toContain("統括 花子");
  });

  it("issue 9 #9: a revision in force (発効日 today JST or earlier) cannot be corrected or withdrawn; the day before it still can", async () => {
    const clock = await atWorkerNow("2026-11-26T10:00:00+09:00");
    await seedWages();
    const boss = await supervisor(clock);
    expect((await postForm(PATH, revision({ effectiveFrom: "2026-12-01" }), boss.cookie)).status).toBe(302);
    expect((await postForm(PATH, revision({ effectiveFrom: "2026-12-02", amountYen: "1110" }), boss.cookie)).status).toBe(302);
    // 2026-12-01 00:00 JST: the first is in force; the second is not yet (a new session: the old one has idled out).
    let cookie = await signIn("staff", boss.staff.id, await atWorkerNow("2026-12-01T00:00:00+09:00"));
    const auditBefore = (await revisionAudit()).length;
    for (const date of ["2026-12-01", "2025-10-01", "0000-01-01"]) {
      const res = await postForm(revisionPath(date), withdrawal(date), cookie);
      expect(res.status, date).toBe(409);
      expect(textOf(parse(await res.text()).body), date).toContain("適用中");
      const fix = await postForm(revisionPath(date), correction(date, { effectiveFrom: "2027-01-01" }), cookie);
      expect(fix.status, date).toBe(409);
    }
    expect((await wageRows()).map((r) => r.effectiveFrom)).toEqual(["0000-01-01", "2025-10-01", "2026-12-01", "2026-12-02"]);
    expect((await revisionAudit()).length).toBe(auditBefore);
    // No change is offered for it either.
    const view = await (await workerFetch(revisionPath("2026-12-01"), { cookie })).text();
    expect(controls(view, "withdrawalReason")).toEqual([]);
    // 2026-12-01 23:59 JST: 12-02 is still ahead.
    cookie = await signIn("staff", boss.staff.id, await atWorkerNow("2026-12-01T23:59:00+09:00"));
    expect((await postForm(revisionPath("2026-12-02"), withdrawal("2026-12-02"), cookie)).status).toBe(302);
  });

  it("issue 9 #9: a withdrawn revision no longer affects the postings' minimum-wage check (R-JOB-1)", async () => {
    const clock = await atWorkerNow();
    await seedWages();
    const page = await openMyPage();
    // 200,000円 + 職務手当 10,000円 a month over 2,080 hours a year is 1,211円 an hour: below a revision to 1,250円 (+17 %) on 2026-12-01.
    const posting = await submittedPosting(page);
    const { cookie } = await supervisor(clock);
    const officer = await signedInOfficer("0910", clock);
    expect((await postForm(PATH, revision({ amountYen: "1250" }), cookie)).status).toBe(302);
    const findings = async () => textOf(parse(await (await workerFetch(`/staff/postings/${posting.id}`, { cookie: officer.cookie })).text()).body);
    expect(await findings()).toContain("時間額1,250円に改定されます");

    expect((await postForm(revisionPath("2026-12-01"), withdrawal("2026-12-01"), cookie)).status).toBe(302);
    expect(await findings()).not.toContain("1,250円");
    const stored = await db()
      .select()
      .from(schema.minimumWages)
      .where(and(eq(schema.minimumWages.prefectureCode, "09"), eq(schema.minimumWages.effectiveFrom, "2026-12-01")))
      .all();
    expect(stored).toEqual([]);
  });
});

describe("issue 9 #9: the batch checks its own precondition (R-AUDIT-1)", () => {
  it("issue 9 #9 / R-AUDIT-1: two supervisors withdrawing the same revision at once: one succeeds, one audit row", async () => {
    const clock = await atWorkerNow();
    await seedWages();
    const a = await supervisor(clock);
    const b = await signedInOfficer("0910", clock, { role: "supervisor", name: "統括 次郎" });
    expect((await postForm(PATH, revision(), a.cookie)).status).toBe(302);
    const auditBefore = (await revisionAudit()).length;
    const scopeOf = (staffId: string) => ({ staffId, role: "supervisor" as const, officeCode: "0910", prefectureCode: "09" });
    const request = { kind: "withdraw" as const, prefectureCode: "09", revision: "2026-12-01", reason: "取消" };
    const results = await Promise.all([
      recordRevision(db(), clock, scopeOf(a.staff.id), request, null, mailContext(env)),
      recordRevision(db(), clock, scopeOf(b.staff.id), request, null, mailContext(env)),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toMatchObject({ ok: false });
    expect((await revisionAudit()).slice(auditBefore).map((r) => r.action)).toEqual(["minimumWage.withdraw"]);
  });

  it("issue 9 #9 / R-AUTH-4: the SQL refuses a scope that claims more than the staff row holds (an officer, or another prefecture's office)", async () => {
    const clock = await atWorkerNow();
    await seedWages();
    const officer = await signedInOfficer("0910", clock);
    await db()
      .insert(schema.offices)
      .values({ code: "1301", jobNumberPrefix: "13010", name: "ハローワーク飯田橋", prefectureCode: "13" })
      .onConflictDoNothing();
    const tokyoBoss = await signedInOfficer("1301", clock, { role: "supervisor" });
    const before = await wageRows();
    const auditBefore = (await revisionAudit()).length;
    for (const staffId of [officer.staff.id, tokyoBoss.staff.id]) {
      // The scope says "supervisor of an office in 栃木"; the staff row says otherwise.
      const result = await recordRevision(
        db(),
        clock,
        { staffId, role: "supervisor", officeCode: "0910", prefectureCode: "09" },
        { kind: "add", prefectureCode: "09", amountYen: 1100, effectiveFrom: "2026-12-01", source: "令和8年度" },
        null,
        mailContext(env),
      );
      expect(result).toMatchObject({ ok: false, reason: "race" });
    }
    expect(await wageRows()).toEqual(before);
    expect((await revisionAudit()).length).toBe(auditBefore);
  });
});
