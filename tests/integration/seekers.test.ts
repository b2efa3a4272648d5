/**
 * 求職者 on the officer's side (issue 11): registration with the 求職番号 from the office's atomic serial, normalised input,
 * the office-scoped list (search, paging) and detail, the edit with its audit row (ids and field names, no personal
 * data), and who may see and act: officers of another office get 404, employers and anonymous visitors get nothing.
 */
import { env } from "cloudflare:test";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { newId } from "../../app/lib/ids";
import { getDb, schema } from "../../app/utils/db.server";
import { checkAuthorisationMatrix, describeMatrixFailures, type MatrixActor } from "../helpers/authz";
import { flashMessage, withFlash } from "../helpers/flash";
import { bodyText, columnHeaders, controls, fieldError, headings, links, pageTitle } from "../helpers/html";
import { openMyPage } from "../helpers/mypage";
import { createSeeker } from "../helpers/referrals";
import { seekerForm } from "../helpers/seekers";
import { atWorkerNow, signedInOfficer } from "../helpers/staff";
import { postForm, workerFetch } from "../helpers/worker";

const db = () => getDb(env);

function idFromLocation(res: Response): string {
  const m = /^\/staff\/seekers\/([^/?]+)$/.exec(res.headers.get("Location") ?? "");
  if (!m) throw new Error(`not a registration redirect: ${res.status} ${res.headers.get("Location")}`);
  return m[1]!;
}

const seekerRow = async (id: string) => (await db().select().from(schema.jobSeekers).where(eq(schema.jobSeekers.id, id)).get())!;
/** The audit rows of an action about one seeker (the audit log is append-only: it outlives each test's reset). */
const auditOf = (action: string, subjectId: string) =>
  db()
    .select()
    .from(schema.auditLog)
    .where(and(eq(schema.auditLog.action, action), eq(schema.auditLog.subjectId, subjectId)))
    .all();

describe("issue 11: 求職者の登録 by an officer", () => {
  it("issue 11: registers the seeker at the officer's office with 求職番号 = the office's prefix + an 8-digit serial; カナ, digits and dates are normalised; audited with ids only", async () => {
    const clock = await atWorkerNow();
    const { staff, cookie } = await signedInOfficer("0910", clock);
    const form = await workerFetch("/staff/seekers/new", { cookie });
    expect(form.status).toBe(200);
    expect(pageTitle(await form.text())).toBe("求職者の登録 | 求人者マイページ");

    const res = await postForm(
      "/staff/seekers/new",
      seekerForm({
        name: "　架空　花子 ",
        nameKana: "ｶｸｳ はなこ",
        birthDate: "１９９０／５／１５",
        postalCode: "〒３２１－１２６１",
        phone: "０９０ー００００ー１２３４",
        desiredWage: "２００，０００円",
        disclosure: "licences",
      }),
      cookie,
    );
    expect(res.status).toBe(303);
    expect(flashMessage(res)).toBe("求職者を登録しました（求職番号 09100-00000001）。");
    const id = idFromLocation(res);
    expect(await seekerRow(id)).toMatchObject({
      officeCode: "0910",
      seekerNumber: "09100-00000001",
      name: "架空 花子",
      nameKana: "カクウ ハナコ",
      birthDate: "1990-05-15",
      postalCode: "321-1261",
      phone: "090-0000-1234",
      desiredWageForm: "月給",
      desiredWage: 200000,
      disclosure: '["licences"]',
      createdBy: staff.id,
    });
    // The next registration takes the next serial.
    const second = await postForm("/staff/seekers/new", seekerForm({ name: "架空 次郎" }), cookie);
    expect((await seekerRow(idFromLocation(second))).seekerNumber).toBe("09100-00000002");

    const [audit] = await auditOf("seeker.register", id);
    expect(audit).toMatchObject({ actorType: "staff", actorId: staff.id, officeCode: "0910", subjectType: "job_seeker", subjectId: id });
    expect(JSON.parse(audit!.details)).toEqual({ seekerNumber: "09100-00000001" });

    const page = await workerFetch(`/staff/seekers/${id}`, { cookie: withFlash(cookie, res) });
    const html = await page.text();
    expect(headings(html, 1)).toEqual(["架空 花子"]);
    expect(html).toContain("09100-00000001");
  });

  it("issue 11: refuses a birth date in the future or under 15 (2011-11-27 on 2026-11-26), a bad カナ and a wage without its form, beside each field, keeping what was typed", async () => {
    const clock = await atWorkerNow();
    const { cookie } = await signedInOfficer("0910", clock);
    const res = await postForm(
      "/staff/seekers/new",
      seekerForm({ birthDate: "2011-11-27", nameKana: "Kakuu", desiredWageForm: "", phone: "12345", municipalityCode: "13101" }),
      cookie,
    );
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(fieldError(html, "birthDate")).toContain("15歳以上");
    expect(fieldError(html, "nameKana")).toContain("カタカナ");
    expect(fieldError(html, "desiredWageForm")).toContain("形態");
    expect(fieldError(html, "phone")).toContain("電話番号");
    expect(fieldError(html, "municipalityCode")).toContain("一覧から");
    expect(html).toContain('value="Kakuu"');
    expect(await db().select().from(schema.jobSeekers).all()).toEqual([]);
  });
});

describe("issue 11: the office's seekers (list, detail, edit)", () => {
  it("issue 11: the list shows the office's seekers only, found by 氏名, カナ or 求職番号 (full-width digits too)", async () => {
    const clock = await atWorkerNow();
    const nikko = await signedInOfficer("0910", clock);
    const utsunomiya = await signedInOfficer("0901", clock);
    const ours = await createSeeker({ name: "日光 一郎", nameKana: "ニッコウ イチロウ", seekerNumber: "09100-00000077" });
    await createSeeker({ name: "宇都宮 二郎", nameKana: "ウツノミヤ ジロウ", officeCode: "0901", seekerNumber: "09010-00000078" });
    const list = async (q: string, cookie: string) => (await workerFetch(`/staff/seekers?${new URLSearchParams({ q })}`, { cookie })).text();

    const all = await list("", nikko.cookie);
    expect(columnHeaders(all)).toEqual(["求職番号", "氏名（カナ）", "年齢", "希望職種", "登録日"]);
    expect(all).toContain("日光 一郎");
    expect(all).not.toContain("宇都宮 二郎");
    for (const q of ["一郎", "にっこう", "ﾆｯｺｳｲﾁﾛｳ", "０９１００００００００７７", "00000077"])
      expect(await list(q, nikko.cookie), q).toContain(`/staff/seekers/${ours.id}`);
    expect(await list("宇都宮", nikko.cookie)).toContain("該当する求職者はいません。");
    expect(await list("", utsunomiya.cookie)).not.toContain("日光 一郎");
  });

  it("issue 11: 50 seekers a page, newest first: 51 make two pages, ?page=２ shows the oldest, a page past the end shows the last", async () => {
    const clock = await atWorkerNow();
    const { cookie } = await signedInOfficer("0910", clock);
    const base = await createSeeker({ name: "頁 01", createdAt: Date.parse("2026-11-01T00:00:00Z") });
    // The other 50 in one batch (one statement each: D1 binds at most 100 values per statement).
    const rows = Array.from({ length: 50 }, (_, i) => ({
      ...base,
      id: newId(),
      seekerNumber: `09100-${String(900 + i).padStart(8, "0")}`,
      name: `頁 ${String(i + 2).padStart(2, "0")}`,
      createdAt: base.createdAt + (i + 1) * 60_000,
    }));
    await db().batch(rows.map((row) => db().insert(schema.jobSeekers).values(row)) as [never, ...never[]]);
    const names = async (query: string) => {
      const html = await (await workerFetch(`/staff/seekers${query}`, { cookie })).text();
      return { html, names: links(html, "頁 ").map(([text]) => text.slice(2)) };
    };
    const first = await names("");
    expect(first.names).toHaveLength(50);
    expect(first.names[0]).toBe("51");
    expect(bodyText(first.html)).toContain("1／2ページ");
    expect((await names("?page=２")).names).toEqual(["01"]);
    expect((await names("?page=99")).names).toEqual(["01"]);
  });

  it("issue 11: an edit stores the change and audits the changed fields' names, never their values", async () => {
    const clock = await atWorkerNow();
    const { staff, cookie } = await signedInOfficer("0910", clock);
    const seeker = await createSeeker();
    const res = await postForm(`/staff/seekers/${seeker.id}`, seekerForm({ phone: "080-1111-2222", disclosure: "phone" }), cookie);
    expect(res.status).toBe(303);
    expect(flashMessage(res)).toBe("求職者の登録内容を変更しました。");
    expect(await seekerRow(seeker.id)).toMatchObject({ phone: "080-1111-2222", disclosure: '["phone"]' });
    const [audit] = await auditOf("seeker.update", seeker.id);
    expect(audit).toMatchObject({ actorId: staff.id, subjectId: seeker.id, officeCode: "0910" });
    const details = JSON.parse(audit!.details) as { fields: string[] };
    expect(details.fields).toEqual(expect.arrayContaining(["phone", "disclosure"]));
    expect(audit!.details).not.toContain("080-1111-2222");
    // The edit form shows what is stored: the new number, and only the agreed disclosure checked.
    const html = await (await workerFetch(`/staff/seekers/${seeker.id}`, { cookie })).text();
    expect(controls(html, "phone")[0]!.getAttribute("value")).toBe("080-1111-2222");
    expect(
      controls(html, "disclosure")
        .filter((c) => c.hasAttribute("checked"))
        .map((c) => c.getAttribute("value")),
    ).toEqual(["phone"]);
  });

  it("issue 11: authorisation matrix — another office's officer gets 404 on the seeker's page, its edit and its 紹介; anonymous visitors sign in; an employer's session gets no staff page", async () => {
    const clock = await atWorkerNow();
    const nikko = await signedInOfficer("0910", clock);
    const utsunomiya = await signedInOfficer("0901", clock);
    const seeker = await createSeeker({ name: "秘密 花子" });
    const employer = await openMyPage();
    const referrals = async () => (await db().select().from(schema.referrals).where(eq(schema.referrals.seekerId, seeker.id)).all()).length > 0;
    const edited = async () => (await seekerRow(seeker.id)).name !== "秘密 花子";
    // The owner comes last: its POSTs change the row that `changed` checks after each foreign request.
    const actors: MatrixActor[] = [
      { name: "anonymous" },
      { name: "officer 宇都宮", cookie: utsunomiya.cookie },
      { name: "officer 日光", cookie: nikko.cookie },
    ];
    const failures = await checkAuthorisationMatrix(actors, [
      { name: "detail", path: `/staff/seekers/${seeker.id}`, owners: ["officer 日光"], secret: "秘密 花子" },
      { name: "refer page", path: `/staff/seekers/${seeker.id}/refer`, owners: ["officer 日光"], secret: "秘密 花子" },
      {
        name: "edit",
        method: "POST",
        path: `/staff/seekers/${seeker.id}`,
        body: seekerForm({ name: "改変 太郎" }),
        owners: ["officer 日光"],
        secret: "秘密 花子",
        changed: edited,
      },
    ]);
    expect(failures, describeMatrixFailures(failures)).toEqual([]);
    const referFailures = await checkAuthorisationMatrix(actors.slice(0, 2), [
      {
        name: "refer",
        method: "POST",
        path: `/staff/seekers/${seeker.id}/refer`,
        body: { jobNumber: "09100-00000001", referredOn: "2026-11-26" },
        owners: [],
        secret: "秘密 花子",
        changed: referrals,
      },
    ]);
    expect(referFailures, describeMatrixFailures(referFailures)).toEqual([]);
    for (const path of ["/staff/seekers", "/staff/seekers/new", `/staff/seekers/${seeker.id}`, `/staff/seekers/${seeker.id}/refer`]) {
      const res = await workerFetch(path, { cookie: employer.cookie });
      expect(res.status, path).toBe(302);
      expect(res.headers.get("Location"), path).toMatch(/^\/staff\/login\?/);
    }
    const employerPost = await postForm(`/staff/seekers/${seeker.id}`, seekerForm({ name: "改変 太郎" }), employer.cookie);
    expect(employerPost.status).toBe(302);
    expect((await seekerRow(seeker.id)).name).toBe("改変 太郎"); // the owner's edit, last in the matrix; nobody else's
    expect((await auditOf("seeker.update", seeker.id)).map((a) => a.actorId)).toEqual([nikko.staff.id]);
  });
});
