/**
 * 応募者管理 and 選考結果 through the Worker (issue 11): R-REF-2 (the list scoped to the establishment, what is
 * disclosed), R-REF-3 (a result, its correction and history; the online window's last day and the day after; the
 * officer's 辞退 and phone report), R-GATE-1 (refused without a valid posting or an open window), R-GATE-3 (restricted
 * establishments still register), R-GATE-4 (registering never lifts a restriction). Referrals are rows written by
 * tests/helpers/referrals.ts; the exhaustive form cases are unit tests (tests/unit/selection-result.test.ts).
 */
import { env } from "cloudflare:test";
import { and, asc, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { fixedClock } from "../../app/lib/clock";
import { versionOf } from "../../app/models/applicants.server";
import { getDb, schema } from "../../app/utils/db.server";
import { referralOverdueSql } from "../../app/utils/facts.server";
import { NOW, setWorkerNow } from "../helpers/clock";
import { signIn } from "../helpers/factories";
import { flashMessage } from "../helpers/flash";
import { bodyText, columnHeaders, fieldError, formsTo, links, parse, textOf } from "../helpers/html";
import { openMyPage } from "../helpers/mypage";
import { acceptedPosting } from "../helpers/postings";
import { createReferral, createReferrals, createSeeker } from "../helpers/referrals";
import { signedInOfficer } from "../helpers/staff";
import { postForm, workerFetch } from "../helpers/worker";

const db = () => getDb(env);
const r = schema.referrals;

beforeEach(async () => {
  await setWorkerNow(NOW);
});

async function referralRow(id: string) {
  return (await db().select().from(r).where(eq(r.id, id)).get())!;
}

async function events(id: string) {
  return db().select().from(schema.referralEvents).where(eq(schema.referralEvents.referralId, id)).orderBy(asc(schema.referralEvents.id));
}

/** The result form as the browser posts it, with the version the page showed. */
async function resultForm(id: string, fields: Record<string, string>) {
  return { version: versionOf(await referralRow(id)), ...fields };
}

/** The cells of the applicants table, row by row, as read. */
function tableRows(html: string): string[][] {
  return [...parse(html).querySelectorAll("tbody tr")].map((tr) => [...tr.children].map((c) => textOf(c)));
}

const REJECTED_WITH_DIFFERENCE = {
  result: "rejected",
  conditionsDiffer: "true",
  "differences.wage": "on",
  "differences.other": "on",
  differenceNote: "夜勤手当の額",
};
const HIRED = { result: "hired", hireDate: "2026-12-01", conditionsDiffer: "false" };

describe("R-REF-2 (issue 11): 応募者管理", () => {
  it("R-REF-2: the list shows only the establishment's applicants with 年齢, 経過日数 and 「未登録（3週間経過）」 from day 21 (2026-11-05 on 2026-11-26), and the posting page links them with the count", async () => {
    const mine = await openMyPage();
    const other = await openMyPage({ name: "鬼怒川リバーサイドホテル株式会社", email: "jinji@kinugawa-hotel.example.jp" });
    const posting = await acceptedPosting(mine);
    const otherPosting = await acceptedPosting(other);
    const day21 = await createSeeker({ name: "架空 一郎" });
    const day20 = await createSeeker({ name: "架空 二郎" });
    const foreign = await createSeeker({ name: "架空 三郎" });
    await createReferral({ seekerId: day21.id, posting, referredOn: "2026-11-05" });
    await createReferral({ seekerId: day20.id, posting, referredOn: "2026-11-06" });
    await createReferral({ seekerId: foreign.id, posting: otherPosting, referredOn: "2026-11-01" });

    const html = await (await workerFetch("/mypage/applicants?sort=days", { cookie: mine.cookie })).text();
    expect(columnHeaders(html)).toEqual(["氏名", "年齢", "求人番号・職種", "応募経路", "紹介元", "紹介日・応募日", "経過日数", "状態"]);
    // 経過日数の長い順: day 21 first.
    expect(tableRows(html)).toEqual([
      [
        "架空 一郎",
        "36歳",
        `${posting.jobNumber}製造スタッフ（食品の製造・包装）`,
        "ハローワーク紹介",
        "ハローワーク日光",
        "2026年11月5日",
        "21日",
        "選考中未登録（3週間経過）",
      ],
      ["架空 二郎", "36歳", `${posting.jobNumber}製造スタッフ（食品の製造・包装）`, "ハローワーク紹介", "ハローワーク日光", "2026年11月6日", "20日", "選考中"],
    ]);
    expect(bodyText(html)).not.toContain("架空 三郎");

    const hired = await (await workerFetch("/mypage/applicants?status=hired", { cookie: mine.cookie })).text();
    expect(bodyText(hired)).toContain("条件に合う応募者はいません。");

    const postingPage = await (await workerFetch(`/mypage/postings/${posting.id}`, { cookie: mine.cookie })).text();
    expect(links(postingPage, "この求人の応募者")).toEqual([["この求人の応募者（2人）", `/mypage/applicants?posting=${posting.id}`]]);
  });

  it("R-REF-2: the applicant page shows 氏名 and 年齢 and what was agreed — the birth date never unless agreed, in the HTML and in the loader data", async () => {
    const page = await openMyPage();
    const posting = await acceptedPosting(page);
    const phoneOnly = await createSeeker({ name: "架空 花子", disclosure: JSON.stringify(["phone"]) });
    const withBirth = await createSeeker({ name: "架空 桜", disclosure: JSON.stringify(["birthDate"]) });
    const a = await createReferral({ seekerId: phoneOnly.id, posting, referredOn: "2026-11-20" });
    const b = await createReferral({ seekerId: withBirth.id, posting, referredOn: "2026-11-20" });

    const html = await (await workerFetch(`/mypage/applicants/${a.id}`, { cookie: page.cookie })).text();
    expect(bodyText(html)).toContain("36歳");
    expect(bodyText(html)).toContain("090-0000-1234");
    // Neither in the page nor in the data Remix sends with it (the scripts are part of `html`).
    for (const secret of ["1990-05-15", "1990年5月15日", "今市本町", "体力には自信があります"]) expect(html).not.toContain(secret);
    const data = await (await workerFetch(`/mypage/applicants/${a.id}.data`, { cookie: page.cookie })).text();
    expect(data).toContain("090-0000-1234");
    for (const secret of ["1990-05-15", "1990年5月15日", "今市本町"]) expect(data).not.toContain(secret);

    const agreed = await (await workerFetch(`/mypage/applicants/${b.id}`, { cookie: page.cookie })).text();
    expect(bodyText(agreed)).toContain("1990年5月15日");
    expect(agreed).not.toContain("090-0000-1234");
  });
});

describe("R-REF-3 (issue 11): 選考結果", () => {
  it("R-REF-3: 不採用 with a 相違, then corrected to 採用 — a stale form loses — and the history shows both with before and after", async () => {
    const page = await openMyPage();
    const posting = await acceptedPosting(page);
    const seeker = await createSeeker();
    const referral = await createReferral({ seekerId: seeker.id, posting, referredOn: "2026-11-10" });
    const path = `/mypage/applicants/${referral.id}`;

    const missing = await postForm(path, await resultForm(referral.id, { result: "hired", conditionsDiffer: "false" }), page.cookie);
    expect(missing.status).toBe(400);
    expect(fieldError(await missing.text(), "hireDate")).toContain("雇用予定日");

    const stale = await resultForm(referral.id, HIRED);
    const first = await postForm(path, await resultForm(referral.id, REJECTED_WITH_DIFFERENCE), page.cookie);
    expect(first.status).toBe(303);
    expect(flashMessage(first)).toBe("選考結果をハローワークへ登録しました。");
    expect(await referralRow(referral.id)).toMatchObject({
      status: "rejected",
      conditionsDiffer: true,
      differences: '["wage","other"]',
      differenceNote: "夜勤手当の額",
    });

    const lost = await postForm(path, stale, page.cookie);
    expect(lost.status).toBe(409);
    expect(bodyText(await lost.text())).toContain("画面を開いた後に変更されています");

    const corrected = await postForm(path, await resultForm(referral.id, HIRED), page.cookie);
    expect(flashMessage(corrected)).toBe("選考結果を訂正しました。訂正の内容は履歴に残ります。");
    expect(await referralRow(referral.id)).toMatchObject({
      status: "hired",
      hireDate: "2026-12-01",
      conditionsDiffer: false,
      differences: "[]",
      resultByType: "employer",
    });
    expect((await events(referral.id)).map((e) => e.action)).toEqual(["result", "correction"]);
    const audit = await db()
      .select()
      .from(schema.auditLog)
      .where(and(eq(schema.auditLog.subjectType, "referral"), eq(schema.auditLog.subjectId, referral.id)));
    expect(audit.map((a) => a.action)).toEqual(["referral.result", "referral.correction"]);

    const html = await (await workerFetch(path, { cookie: page.cookie })).text();
    const history = parse(html).querySelector("table[data-history]")!;
    const rows = [...history.querySelectorAll("tbody tr")].map((tr) => [...tr.children].slice(1).map((c) => textOf(c)));
    expect(rows).toEqual([
      ["事業所", "選考結果の登録", "選考中", "不採用（相違あり（賃金・その他：夜勤手当の額））"],
      ["事業所", "選考結果の訂正", "不採用（相違あり（賃金・その他：夜勤手当の額））", "採用（雇用予定日 2026年12月1日、相違なし）"],
    ]);
  });

  it("R-REF-3, R-GATE-1: a posting stopped on 2026-03-15 takes results on 2026-06-30 and not on 2026-07-01; without a valid posting the list is then refused with the reason, and with one the page says to call the office", async () => {
    const at = (day: string) => `${day}T10:00:00+09:00`;
    const page = await openMyPage({ at: at("2026-02-10") });
    const stopped = await acceptedPosting(page, at("2026-02-10"));
    await db().update(schema.jobPostings).set({ status: "stopped", invalidatedOn: "2026-03-15" }).where(eq(schema.jobPostings.id, stopped.id));
    const [one, two] = await createReferrals(2, { posting: stopped, referredOn: "2026-03-01" });

    await setWorkerNow(at("2026-06-30"));
    const june = await signIn("employer", page.main.id, fixedClock(at("2026-06-30")));
    expect((await workerFetch("/mypage/applicants", { cookie: june })).status).toBe(200);
    const ok = await postForm(`/mypage/applicants/${one!.id}`, await resultForm(one!.id, HIRED), june);
    expect(ok.status).toBe(303);

    await setWorkerNow(at("2026-07-01"));
    const july = await signIn("employer", page.main.id, fixedClock(at("2026-07-01")));
    const refused = await workerFetch("/mypage/applicants", { cookie: july });
    expect(refused.status).toBe(403);
    expect(bodyText(await refused.text())).toContain("有効中の求人がないため利用できません。");
    expect((await postForm(`/mypage/applicants/${two!.id}`, await resultForm(two!.id, HIRED), july)).status).toBe(403);

    // With another valid posting the applicants can be seen, but this posting's window stays closed.
    await acceptedPosting(page, at("2026-07-01"));
    const html = await (await workerFetch(`/mypage/applicants/${two!.id}`, { cookie: july })).text();
    expect(bodyText(html)).toContain("選考結果はハローワーク日光（電話 0288-22-0353）へ電話でお知らせください。");
    expect(formsTo(html, `/mypage/applicants/${two!.id}`)).toEqual([]);
    const closed = await postForm(`/mypage/applicants/${two!.id}`, await resultForm(two!.id, HIRED), july);
    expect(closed.status).toBe(403);
    expect(bodyText(await closed.text())).toContain("オンラインでの選考結果の登録期限（2026年6月30日）を過ぎました");
    expect((await referralRow(two!.id)).status).toBe("screening");
  });

  it("R-GATE-3, R-GATE-4: a restricted establishment still registers results, and registering down to 50 overdue does not lift the restriction", async () => {
    const restrictedAt = Date.parse("2026-11-20T00:05:00+09:00");
    const page = await openMyPage({ restrictedAt });
    const posting = await acceptedPosting(page);
    const referrals = await createReferrals(51, { posting, referredOn: "2026-10-01" });
    const res = await postForm(`/mypage/applicants/${referrals[0]!.id}`, await resultForm(referrals[0]!.id, HIRED), page.cookie);
    expect(res.status).toBe(303);
    const overdue = await db()
      .select({ id: r.id })
      .from(r)
      .where(and(eq(r.establishmentId, page.establishment.id), referralOverdueSql("2026-11-26")));
    expect(overdue).toHaveLength(50);
    const establishment = await db().select().from(schema.establishments).where(eq(schema.establishments.id, page.establishment.id)).get();
    expect(establishment).toMatchObject({ restrictedAt, restrictionLiftedAt: null });

    // R-REF-2: the 51 applicants are paged, 50 a page, and stay visible under the restriction.
    const first = await (await workerFetch("/mypage/applicants?sort=old", { cookie: page.cookie })).text();
    const second = await (await workerFetch("/mypage/applicants?sort=old&page=2", { cookie: page.cookie })).text();
    expect([tableRows(first).length, tableRows(second).length]).toEqual([50, 1]);
    expect(links(first, "次へ")).toEqual([["次へ", "/mypage/applicants?sort=old&page=2"]]);
    expect(bodyText(first)).toContain("応募者は51人です（1〜50人目を表示）。");
  });

  it("R-REF-3: an officer records a 辞退 and a result reported by phone (not bound by the window); the employer cannot overwrite the 辞退; only the referring office sees the seeker in full", async () => {
    const page = await openMyPage();
    const posting = await acceptedPosting(page);
    const seeker = await createSeeker({ officeCode: "0901", disclosure: "[]" });
    // Referred by ハローワーク宇都宮 to an establishment of ハローワーク日光.
    const referral = await createReferral({ seekerId: seeker.id, posting, referredOn: "2026-11-10", officeCode: "0901" });
    const nikko = await signedInOfficer("0910", fixedClock(NOW));
    const utsunomiya = await signedInOfficer("0901", fixedClock(NOW));
    const path = `/staff/referrals/${referral.id}`;

    const declined = await postForm(
      path,
      await resultForm(referral.id, { intent: "declined", declinedOn: "2026-11-20", declineNote: "他社に決定" }),
      nikko.cookie,
    );
    expect(flashMessage(declined)).toBe("辞退を記録しました。");
    expect(await referralRow(referral.id)).toMatchObject({ status: "declined", resultByType: "staff", resultBy: nikko.staff.id });

    const employer = await postForm(`/mypage/applicants/${referral.id}`, await resultForm(referral.id, HIRED), page.cookie);
    expect(employer.status).toBe(400);
    expect(bodyText(await employer.text())).toContain("辞退として記録しています");

    // The posting's window closes; the officer still records what the employer reports by phone.
    await db().update(schema.jobPostings).set({ status: "stopped", invalidatedOn: "2026-01-05" }).where(eq(schema.jobPostings.id, posting.id));
    const phone = await postForm(path, await resultForm(referral.id, { intent: "phone", ...REJECTED_WITH_DIFFERENCE }), utsunomiya.cookie);
    expect(flashMessage(phone)).toBe("電話で連絡を受けた選考結果を記録しました。");
    expect(await referralRow(referral.id)).toMatchObject({ status: "rejected", conditionsDiffer: true });
    expect((await events(referral.id)).map((e) => [e.action, e.actorType])).toEqual([
      ["declined", "staff"],
      ["phone", "staff"],
    ]);

    const full = bodyText(await (await workerFetch(path, { cookie: utsunomiya.cookie })).text());
    expect(full).toContain("1990年5月15日");
    expect(full).toContain(seeker.seekerNumber);
    const jurisdiction = await (await workerFetch(path, { cookie: nikko.cookie })).text();
    expect(jurisdiction).not.toContain("1990年5月15日");
    expect(jurisdiction).not.toContain("1990-05-15");
    expect(bodyText(jurisdiction)).toContain("辞退の記録");
    expect(bodyText(jurisdiction)).toContain("ハローワーク職員（ハローワーク日光）");
  });
});
