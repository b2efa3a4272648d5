/**
 * 事業所情報の変更 through the real Worker: the employer's request (one pending at a time, the same office's
 * jurisdiction: R-OPEN-1, R-DEL-3), refusal under the backlog restriction (R-GATE-3) on the page and in the
 * action, the officer's approval (the establishment row is updated, audited and mailed in one batch:
 * R-AUDIT-1) and return with a comment, who may see what (authorisation matrix), and the fuzzer on the forms.
 */
import { env } from "cloudflare:test";
import { and, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { getDb, schema } from "../../app/utils/db.server";
import { checkAuthorisationMatrix, describeMatrixFailures, type MatrixActor } from "../helpers/authz";
import { setWorkerNow } from "../helpers/clock";
import { latestMail, mailCount } from "../helpers/employer-signin";
import { changeForm, pendingRequest, requestsOf } from "../helpers/establishment-change";
import { MAIN_EMAIL, openMyPage } from "../helpers/mypage";
import { NOW, nowClock } from "../helpers/clock";
import { bodyText, fieldError, formsTo, pageTitle, rowCells, selectedValue } from "../helpers/html";
import { postForm, workerFetch } from "../helpers/worker";
import { signedInOfficer } from "../helpers/staff";
import { flashMessage, withFlash } from "../helpers/flash";

const db = () => getDb(env);
const req = schema.establishmentChangeRequests;
const est = schema.establishments;

async function establishmentRow(id: string) {
  return (await db().select().from(est).where(eq(est.id, id)).get())!;
}

async function auditRows(action: string, subjectId: string) {
  return db()
    .select()
    .from(schema.auditLog)
    .where(and(eq(schema.auditLog.action, action), eq(schema.auditLog.subjectId, subjectId)))
    .all();
}

async function page(path: string, cookie: string) {
  const res = await workerFetch(path, { cookie });
  expect(res.status).toBe(200);
  return res.text();
}

beforeEach(async () => {
  await setWorkerNow(NOW);
});

describe("the employer's request", () => {
  it("R-AUDIT-1: submitting creates a pending request (audited); the establishment is unchanged until approval; the page shows 変更あり", async () => {
    const employer = await openMyPage();
    const form = await page("/mypage/establishment", employer.cookie);
    expect(pageTitle(form)).toBe("事業所情報の変更 | 求人者マイページ");
    // Pre-filled with the current values; a plain POST form (works without JavaScript).
    expect(form).toContain('value="株式会社日光ゆば工房"');
    expect(form).toContain('value="0288-22-0353"');
    expect(formsTo(form, "/mypage/establishment")).toHaveLength(1);

    const res = await postForm(
      "/mypage/establishment",
      changeForm(employer.establishment, { name: " 株式会社日光ゆば工房　本店 ", phone: "０２８８－９９－１２３４" }),
      employer.cookie,
    );
    expect(res.status).toBe(303);
    expect(res.headers.get("Location")).toBe("/mypage/establishment");
    const [request] = await requestsOf(employer.establishment.id);
    expect(request).toMatchObject({ status: "pending", requestedBy: employer.main.id, createdAt: Date.parse(NOW) });
    expect(JSON.parse(request!.data)).toMatchObject({ name: "株式会社日光ゆば工房 本店", phone: "0288-99-1234", municipalityCode: "09206", employees: 25 });
    expect(await auditRows("establishment.change.request", employer.establishment.id)).toMatchObject([
      { actorType: "employer", actorId: employer.main.id, officeCode: "0910" },
    ]);
    expect((await establishmentRow(employer.establishment.id)).name).toBe("株式会社日光ゆば工房");

    const after = await page("/mypage/establishment", withFlash(employer.cookie, res));
    expect(after).toContain("事業所情報の変更を申請しました");
    expect(after).toContain("変更の申請（確認中）");
    expect(bodyText(after).match(/変更あり/g)).toHaveLength(2);
    expect(after).toContain("0288-99-1234");
  });

  it("R-OPEN-1 (issue 10 産業分類): 「食料品製造業」 as stored before the 中分類 codes pre-fills E / 09; a phone change alone is accepted; a 中分類 of another 大分類 is refused beside it", async () => {
    const employer = await openMyPage();
    await db().update(est).set({ industry: "食料品製造業" }).where(eq(est.id, employer.establishment.id));
    const form = await page("/mypage/establishment", employer.cookie);
    expect(selectedValue(form, "industryDivision")).toBe("E");
    expect(selectedValue(form, "industry")).toBe("09");
    expect(bodyText(form)).toContain("食料品製造業（製造業）");
    const stored = { ...employer.establishment, industry: "食料品製造業" };

    const wrong = await postForm("/mypage/establishment", changeForm(stored, { industryDivision: "M", phone: "0288-99-1234" }), employer.cookie);
    expect(wrong.status).toBe(400);
    const refused = await wrong.text();
    expect(fieldError(refused, "industry")).toContain("大分類「宿泊業，飲食サービス業」に含まれません");
    expect(refused).toContain('value="0288-99-1234"');

    const res = await postForm("/mypage/establishment", changeForm(stored, { phone: "0288-99-1234" }), employer.cookie);
    expect(res.status).toBe(303);
    const [request] = await requestsOf(employer.establishment.id);
    expect(JSON.parse(request!.data)).toMatchObject({ industryDivision: "E", industry: "09", phone: "0288-99-1234" });
  });

  it("R-OPEN-1: the My Page menu and navigation link to 事業所情報の変更 while allowed", async () => {
    const { cookie } = await openMyPage();
    const home = await page("/mypage", cookie);
    expect(home).toContain('href="/mypage/establishment"');
  });

  it("R-OPEN-1: a submission that changes nothing is refused with a message; nothing is stored", async () => {
    const employer = await openMyPage();
    const res = await postForm("/mypage/establishment", changeForm(employer.establishment), employer.cookie);
    expect(res.status).toBe(400);
    expect(await res.text()).toContain("現在の事業所情報から変更された項目がありません。");
    expect(await requestsOf(employer.establishment.id)).toHaveLength(0);
  });

  it("R-OPEN-1: invalid input is refused beside the field, what was typed is kept", async () => {
    const employer = await openMyPage();
    const res = await postForm("/mypage/establishment", changeForm(employer.establishment, { phone: "12345", address: "本町9-9" }), employer.cookie);
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(fieldError(html, "phone")).toContain("電話番号は");
    expect(html).toContain('value="本町9-9"');
    expect(await requestsOf(employer.establishment.id)).toHaveLength(0);
  });

  it("R-OPEN-1: moving to a municipality under another office is refused; the message names that office and says to register anew there (R-DEL-3)", async () => {
    const employer = await openMyPage();
    const res = await postForm("/mypage/establishment", changeForm(employer.establishment, { municipalityCode: "09201", address: "本町1-1" }), employer.cookie);
    expect(res.status).toBe(400);
    const message = fieldError(await res.text(), "municipalityCode");
    expect(message).toContain("宇都宮市はハローワーク宇都宮の管轄です。");
    expect(message).toContain("ハローワーク宇都宮で新たに事業所登録をしてください");
    expect(await requestsOf(employer.establishment.id)).toHaveLength(0);
    // A code that is no municipality at all is refused too.
    const unknown = await postForm("/mypage/establishment", changeForm(employer.establishment, { municipalityCode: "99999" }), employer.cookie);
    expect(unknown.status).toBe(400);
    expect(fieldError(await unknown.text(), "municipalityCode")).toBe("エラー：市区町村を一覧から選択してください。");
  });

  it("R-AUDIT-1: one pending request at a time — a new submission withdraws the pending one", async () => {
    const employer = await openMyPage();
    const first = await pendingRequest(employer);
    const res = await postForm("/mypage/establishment", changeForm(employer.establishment, { address: "今市9-9-9" }), employer.cookie);
    expect(res.status).toBe(303);
    const rows = await requestsOf(employer.establishment.id);
    expect(rows).toHaveLength(2);
    expect(rows.filter((r) => r.status === "pending")).toHaveLength(1);
    expect(rows.find((r) => r.id === first.id)!.status).toBe("withdrawn");
    const second = rows.find((r) => r.id !== first.id)!;
    expect(JSON.parse(second.data)).toMatchObject({ address: "今市9-9-9" });
    const audits = await auditRows("establishment.change.request", employer.establishment.id);
    expect(audits).toHaveLength(2);
    expect(JSON.parse(audits[1]!.details)).toMatchObject({ requestId: second.id, replaced: [first.id] });
    // The page pre-fills the form with the pending request's values.
    expect(await page("/mypage/establishment", employer.cookie)).toContain('value="今市9-9-9"');
  });

  it("R-AUDIT-1: two submissions at the same moment still leave exactly one pending", async () => {
    const employer = await openMyPage();
    const responses = await Promise.all([
      postForm("/mypage/establishment", changeForm(employer.establishment, { address: "同時A" }), employer.cookie),
      postForm("/mypage/establishment", changeForm(employer.establishment, { address: "同時B" }), employer.cookie),
    ]);
    expect(responses.map((r) => r.status)).toEqual([303, 303]);
    expect((await requestsOf(employer.establishment.id)).filter((r) => r.status === "pending")).toHaveLength(1);
  });
});

describe("R-GATE-3: refused under the backlog restriction", () => {
  it("R-GATE-3: the page shows the reason instead of the form; the menu item is plain text", async () => {
    const employer = await openMyPage({ restrictedAt: Date.parse(NOW) - 1000 });
    const html = await page("/mypage/establishment", employer.cookie);
    expect(html).toContain("現在、事業所情報の変更は利用できません。");
    expect(html).toContain("50件を超えたため");
    expect(formsTo(html, "/mypage/establishment")).toHaveLength(0);
    expect(html).not.toContain('name="nameKana"');
    // The current information is still shown.
    expect(html).toContain("株式会社日光ゆば工房");
  });

  it("R-GATE-3: the action refuses a direct POST with 403 and the reason; nothing is stored or audited", async () => {
    const employer = await openMyPage({ restrictedAt: Date.parse(NOW) - 1000 });
    const res = await postForm("/mypage/establishment", changeForm(employer.establishment, { name: "株式会社別名" }), employer.cookie);
    expect(res.status).toBe(403);
    const html = await res.text();
    expect(html).toContain("事業所情報の変更は利用できません");
    expect(html).toContain("50件を超えたため");
    expect(await requestsOf(employer.establishment.id)).toHaveLength(0);
    expect(await auditRows("establishment.change.request", employer.establishment.id)).toHaveLength(0);
  });
});

describe("the officer's review", () => {
  it("R-OPEN-1: the officer's list shows the office's pending requests only; the detail shows current and requested side by side with 変更あり in text", async () => {
    const a = await pendingRequest(await openMyPage());
    const other = await openMyPage({ name: "宇都宮ぎょうざ食品株式会社", email: "recruit@utsunomiya-gyoza.example.jp", officeCode: "0901" });
    await postForm("/mypage/establishment", changeForm(other.establishment, { name: "宇都宮ぎょうざ食品 本社" }), other.cookie);
    const { cookie } = await signedInOfficer("0910", nowClock());
    expect(await page("/staff", cookie)).toContain('href="/staff/establishment-changes"');
    const list = await page("/staff/establishment-changes", cookie);
    expect(list).toContain("株式会社日光ゆば工房");
    expect(list).toContain(`href="/staff/establishment-changes/${a.id}"`);
    expect(list).not.toContain("宇都宮ぎょうざ");

    const detail = await page(`/staff/establishment-changes/${a.id}`, cookie);
    expect(pageTitle(detail)).toMatch(/事業所情報の変更の確認） \| 求人者マイページ$/);
    // A row: the item (with 「変更あり」 when changed), the current value, the requested value.
    const nameRow = rowCells(detail, "事業所名")!;
    expect(nameRow).toEqual(["事業所名変更あり", "株式会社日光ゆば工房", "株式会社日光ゆば工房 本店"]);
    const phoneRow = rowCells(detail, "電話番号")!;
    expect(phoneRow).toEqual(["電話番号変更あり", "0288-22-0353", "0288-99-1234"]);
    const addressRow = rowCells(detail, "所在地（市区町村より後）")!;
    expect(addressRow.join("|")).not.toContain("変更あり");
    expect(bodyText(detail).match(/変更あり/g)).toHaveLength(3); // two rows and the heading's count
    expect(detail).toContain("変更あり 2項目");
  });

  it("R-AUDIT-1: approval updates the establishment row, the request, the audit log and mails the main account; the employer sees the new information", async () => {
    const employer = await openMyPage();
    const request = await pendingRequest(employer);
    const { staff, cookie } = await signedInOfficer("0910", nowClock());
    const res = await postForm(`/staff/establishment-changes/${request.id}`, { intent: "approve", comment: "" }, cookie);
    expect(res.status).toBe(303);
    expect(res.headers.get("Location")).toBe("/staff/establishment-changes");
    expect(flashMessage(res)).toBe("変更を承認し、事業所情報を更新しました。");
    const row = await establishmentRow(employer.establishment.id);
    expect(row).toMatchObject({
      name: "株式会社日光ゆば工房 本店",
      phone: "0288-99-1234",
      address: "今市1-2-3",
      prefectureCode: "09",
      updatedAt: Date.parse(NOW),
    });
    expect((await requestsOf(employer.establishment.id))[0]).toMatchObject({ status: "approved", reviewedBy: staff.id, reviewedAt: Date.parse(NOW) });
    expect(await auditRows("establishment.change.approve", employer.establishment.id)).toMatchObject([
      { actorType: "staff", actorId: staff.id, officeCode: "0910" },
    ]);
    const mail = await latestMail(MAIN_EMAIL, "establishmentChangeApproved");
    expect(mail).toContain("承認しました");
    expect(mail).toContain("/mypage/establishment");
    expect(await page("/staff/establishment-changes", cookie)).not.toContain(`/staff/establishment-changes/${request.id}"`);
    const mine = await page("/mypage/establishment", employer.cookie);
    expect(mine).toContain("承認されました");
    expect(mine).toContain('value="株式会社日光ゆば工房 本店"');
    expect(await page("/mypage", employer.cookie)).toContain("株式会社日光ゆば工房 本店");
    // Reviewed once: a second decision is refused with a message, nothing else changes.
    const again = await postForm(`/staff/establishment-changes/${request.id}`, { intent: "return", comment: "やはり不可" }, cookie);
    expect(again.status).toBe(400);
    expect(await again.text()).toContain("既に確認済み");
    expect(await mailCount(MAIN_EMAIL)).toBe(1);
  });

  it("R-AUDIT-1: returning needs a comment of at most 400 characters; it is stored, audited, mailed and shown to the employer, who can resubmit", async () => {
    const employer = await openMyPage();
    const request = await pendingRequest(employer);
    const { staff, cookie } = await signedInOfficer("0910", nowClock());
    const path = `/staff/establishment-changes/${request.id}`;
    const missing = await postForm(path, { intent: "return", comment: "　" }, cookie);
    expect(missing.status).toBe(400);
    expect(fieldError(await missing.text(), "comment")).toBe("エラー：差し戻す理由（コメント）を入力してください。");
    const tooLong = await postForm(path, { intent: "return", comment: "あ".repeat(401) }, cookie);
    expect(tooLong.status).toBe(400);
    const tooLongHtml = await tooLong.text();
    expect(fieldError(tooLongHtml, "comment")).toBe("エラー：コメントは400文字以内で入力してください。");
    expect(tooLongHtml).toContain("あ".repeat(401));
    expect((await requestsOf(employer.establishment.id))[0]!.status).toBe("pending");

    const comment = "電話番号が登記と異なります。確認のうえ再度申請してください。";
    const res = await postForm(path, { intent: "return", comment: ` ${comment} ` }, cookie);
    expect(res.status).toBe(303);
    expect(res.headers.get("Location")).toBe("/staff/establishment-changes");
    expect(flashMessage(res)).toBe("申請を差し戻しました。");
    expect((await requestsOf(employer.establishment.id))[0]).toMatchObject({ status: "returned", reviewComment: comment, reviewedBy: staff.id });
    expect((await establishmentRow(employer.establishment.id)).name).toBe("株式会社日光ゆば工房");
    expect(await auditRows("establishment.change.return", employer.establishment.id)).toMatchObject([{ actorType: "staff", actorId: staff.id }]);
    expect(await latestMail(MAIN_EMAIL, "establishmentChangeReturned")).toContain(`ハローワークからのコメント：${comment}`);

    const mine = await page("/mypage/establishment", employer.cookie);
    expect(mine).toContain("変更の申請（差戻し）");
    expect(mine).toContain(comment);
    // The form keeps the returned request's values so the employer corrects them.
    expect(mine).toContain('value="0288-99-1234"');
    const resubmit = await postForm("/mypage/establishment", changeForm(employer.establishment, { name: "株式会社日光ゆば工房 本店" }), employer.cookie);
    expect(resubmit.status).toBe(303);
    const rows = await requestsOf(employer.establishment.id);
    expect(rows.map((r) => r.status).sort()).toEqual(["pending", "returned"]);
    expect(await page("/mypage/establishment", employer.cookie)).toContain("変更の申請（確認中）");
  });

  it("R-OPEN-1: approval is refused when the requested municipality is no longer under the office", async () => {
    const employer = await openMyPage();
    const request = await pendingRequest(employer);
    await db()
      .update(req)
      .set({ data: JSON.stringify({ ...JSON.parse(request.data), municipalityCode: "09201" }) })
      .where(eq(req.id, request.id));
    const { cookie } = await signedInOfficer("0910", nowClock());
    const res = await postForm(`/staff/establishment-changes/${request.id}`, { intent: "approve" }, cookie);
    expect(res.status).toBe(400);
    expect(await res.text()).toContain("ハローワーク宇都宮の管轄です");
    expect((await establishmentRow(employer.establishment.id)).municipalityCode).toBe("09206");
    expect((await requestsOf(employer.establishment.id))[0]!.status).toBe("pending");
  });
});

describe("who may see and act (R-OPEN-1)", () => {
  it("R-OPEN-1: authorisation matrix — officers of another office get 404 on the detail and its approve/return; anonymous visitors sign in; employers see only their own", async () => {
    const a = await openMyPage();
    const b = await openMyPage({ name: "鬼怒川リバーサイドホテル株式会社", email: "jinji@kinugawa-hotel.example.jp" });
    const request = await pendingRequest(a);
    const nikko = await signedInOfficer("0910", nowClock());
    const utsunomiya = await signedInOfficer("0901", nowClock());
    const anonymous: MatrixActor = { name: "anonymous" };
    const reviewed = async () => (await requestsOf(a.establishment.id))[0]?.status !== "pending";
    const secret = "株式会社日光ゆば工房 本店";

    const staffActors: MatrixActor[] = [anonymous, { name: "officer 日光", cookie: nikko.cookie }, { name: "officer 宇都宮", cookie: utsunomiya.cookie }];
    const viewFailures = await checkAuthorisationMatrix(staffActors, [
      { name: "detail", path: `/staff/establishment-changes/${request.id}`, owners: ["officer 日光"], secret },
    ]);
    expect(viewFailures, describeMatrixFailures(viewFailures)).toEqual([]);
    const actFailures = await checkAuthorisationMatrix(
      [anonymous, { name: "officer 宇都宮", cookie: utsunomiya.cookie }],
      [
        {
          name: "approve",
          method: "POST",
          path: `/staff/establishment-changes/${request.id}`,
          body: { intent: "approve" },
          owners: [],
          secret,
          changed: reviewed,
        },
        {
          name: "return",
          method: "POST",
          path: `/staff/establishment-changes/${request.id}`,
          body: { intent: "return", comment: "差戻し" },
          owners: [],
          secret,
          changed: reviewed,
        },
      ],
    );
    expect(actFailures, describeMatrixFailures(actFailures)).toEqual([]);
    // The lists are per office and per establishment.
    expect(await page("/staff/establishment-changes", utsunomiya.cookie)).not.toContain(secret);
    expect(await page("/mypage/establishment", b.cookie)).not.toContain(secret);
    expect(await page("/mypage/establishment", a.cookie)).toContain(secret);
    // B's own submission never touches A's request.
    expect((await postForm("/mypage/establishment", changeForm(b.establishment, { address: "鬼怒川温泉1-1" }), b.cookie)).status).toBe(303);
    expect(await requestsOf(a.establishment.id)).toMatchObject([{ id: request.id, status: "pending" }]);
    // Employers are not officers: the staff pages send them to the staff sign-in.
    const asEmployer = await workerFetch(`/staff/establishment-changes/${request.id}`, { cookie: a.cookie });
    expect(asEmployer.status).toBe(302);
    expect(asEmployer.headers.get("Location")).toMatch(/^\/staff\/login/);
    // Anonymous visitors of the employer page sign in first.
    const anonymousPage = await workerFetch("/mypage/establishment");
    expect(anonymousPage.status).toBe(302);
    expect(anonymousPage.headers.get("Location")).toBe("/login?redirectTo=%2Fmypage%2Festablishment");
    const anonymousList = await workerFetch("/staff/establishment-changes");
    expect(anonymousList.status).toBe(302);
    expect(anonymousList.headers.get("Location")).toBe("/staff/login?redirectTo=%2Fstaff%2Festablishment-changes");
    // After all of that, A's request is untouched and nothing was mailed.
    expect(await requestsOf(a.establishment.id)).toMatchObject([{ status: "pending" }]);
    expect(await mailCount(MAIN_EMAIL)).toBe(0);
    expect(await auditRows("establishment.change.approve", a.establishment.id)).toHaveLength(0);
  });
});
