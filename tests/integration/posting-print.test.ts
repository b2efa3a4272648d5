/**
 * The printable 求人票 (R-JOB-6) through the real Worker: the employer prints its own posting (working copy, or the
 * published version with ?version=published), an officer prints the postings of the office; everyone else gets a 404
 * (authorisation matrix). The 求人票 shows every section of the usual layout, 「―」 for what is not filled in, the
 * computed 賃金 (a+b+c), and the page carries the hooks of the A4 print rules (app/tailwind.css).
 */
import { env } from "cloudflare:test";
import { beforeEach, describe, expect, it } from "vitest";
import { fixedClock } from "../../app/lib/clock";
import { createDraft, saveStep } from "../../app/models/posting/drafts.server";
import type { EmployerScope } from "../../app/models/posting/queries.server";
import { acceptPosting } from "../../app/models/posting/review.server";
import { submitPosting } from "../../app/models/posting/submission.server";
import { emptyPostingContent, type PostingContent } from "../../app/rules/posting";
import { getDb } from "../../app/utils/db.server";
import { checkAuthorisationMatrix, describeMatrixFailures } from "../helpers/authz";
import { agreeToCurrentDocuments } from "../helpers/employer-signin";
import { createEmployerAccount, createEstablishment, signIn } from "../helpers/factories";
import { testMail } from "../helpers/postings";
import { workerFetch } from "../helpers/worker";
import { completePosting } from "../unit/posting-fixture";
import { atWorkerNow, signedInOfficer } from "../helpers/staff";
import { NOW } from "../helpers/clock";
import { bodyText, byAriaLabel, headings, parse, textOf } from "../helpers/html";

const db = () => getDb(env);
const clock = fixedClock(NOW);

const SECTIONS = ["求人区分等", "求人事業所", "仕事内容", "賃金・手当", "労働時間", "その他の労働条件等", "求人PR", "選考方法"];

/** An open My Page (consents given) with a signed-in main account. */
async function employer(name: string, officeCode = "0910") {
  const establishment = await createEstablishment({ name, officeCode, representativeTitle: "代表取締役", representativeName: "日光 太郎" });
  const main = await createEmployerAccount(establishment.id);
  await agreeToCurrentDocuments(main.id, clock);
  const cookie = await signIn("employer", main.id, clock);
  const scope: EmployerScope = { establishmentId: establishment.id, accountId: main.id, officeCode };
  return { establishment, main, cookie, scope };
}

async function acceptedPosting(owner: Awaited<ReturnType<typeof employer>>, officerId: string, c: PostingContent) {
  const posting = await createDraft(db(), clock, owner.establishment, c, { accountId: owner.main.id });
  expect(await submitPosting(db(), clock, owner.scope, posting.id)).toMatchObject({ ok: true });
  const acceptance = await acceptPosting(db(), clock, { staffId: officerId, officeCode: owner.scope.officeCode }, posting.id, testMail());
  expect(acceptance.ok).toBe(true);
  return { posting, jobNumber: acceptance.ok ? acceptance.jobNumber : "" };
}

async function html(path: string, cookie?: string) {
  const res = await workerFetch(path, { cookie });
  return { status: res.status, html: await res.text() };
}

beforeEach(async () => {
  await atWorkerNow(NOW);
});

describe("求人票の印刷 (R-JOB-6)", () => {
  it("R-JOB-6: the employer prints its own posting: the working copy of a 内容変更, or the published version with ?version=published", async () => {
    const owner = await employer("株式会社日光ゆば工房");
    const officer = await signedInOfficer("0910", clock);
    const c = { ...completePosting(), jobTitle: "湯葉製造スタッフ" };
    const { posting, jobNumber } = await acceptedPosting(owner, officer.staff.id, c);
    expect(await saveStep(db(), clock, { ...owner.scope, prefectureCode: "09" }, posting.id, 3, { jobTitle: "湯葉製造スタッフ（経験者）" })).toMatchObject({
      ok: true,
    });

    const working = await html(`/mypage/postings/${posting.id}/print`, owner.cookie);
    expect(working.status).toBe(200);
    expect(working.html).toContain("湯葉製造スタッフ（経験者）");
    expect(working.html).toContain("求人票（変更中の内容）");
    expect(headings(working.html, 2)).toEqual(expect.arrayContaining(SECTIONS));
    expect(working.html).toContain(jobNumber);
    expect(working.html).toContain("ハローワーク日光"); // 受理安定所
    expect(working.html).toContain("株式会社日光ゆば工房");
    expect(working.html).toContain(owner.establishment.establishmentNumber!);
    expect(working.html).toContain("〒321-1200 栃木県日光市テスト1-1");
    expect(working.html).toContain("代表取締役 日光 太郎");
    expect(working.html).toContain("1952年"); // 設立年, not "1,952年"
    expect(working.html).toContain("1 事業所名等を含む求人情報を公開する"); // 公開範囲: shown to the employer
    expect(working.html).toContain("印刷する");
    expect(working.html).toContain("ブラウザの印刷機能で『PDFに保存』を選ぶとPDFになります");
    // 賃金 a+b+c: 基本給 200,000–240,000 + 職務手当 10,000, no 固定残業代.
    expect(working.html).toContain("210,000円〜250,000円");
    // Tables with row headers; the 仕事内容 keeps its line break.
    expect(parse(working.html).querySelector("th[scope=row]")).not.toBeNull();
    expect(working.html).toContain("湯葉の製造と包装を担当していただきます。\n未経験の方も丁寧に指導します。");

    const published = await html(`/mypage/postings/${posting.id}/print?version=published`, owner.cookie);
    expect(published.status).toBe(200);
    expect(published.html).toContain("求人票（公開中の内容）");
    expect(published.html).toContain("湯葉製造スタッフ");
    expect(published.html).not.toContain("湯葉製造スタッフ（経験者）");

    const staff = await html(`/staff/postings/${posting.id}/print`, officer.cookie);
    expect(staff.status).toBe(200);
    expect(staff.html).toContain("湯葉製造スタッフ（経験者）");
    const staffPublished = await html(`/staff/postings/${posting.id}/print?version=published`, officer.cookie);
    expect(staffPublished.html).not.toContain("湯葉製造スタッフ（経験者）");
  });

  it("R-JOB-6: a draft prints with 「―」 for every item not filled in, no 求人番号 yet, and no published version", async () => {
    const owner = await employer("株式会社日光ゆば工房");
    const draft = await createDraft(db(), clock, owner.establishment, emptyPostingContent(), { accountId: owner.main.id });
    const page = await html(`/mypage/postings/${draft.id}/print`, owner.cookie);
    expect(page.status).toBe(200);
    expect(page.html).toContain("未発行（受理前）");
    expect(headings(page.html, 2)).toEqual(expect.arrayContaining(SECTIONS));
    // 職種, 仕事内容, 賃金, 採用人数… all unfilled.
    expect((bodyText(page.html).match(/―/g) ?? []).length).toBeGreaterThan(30);
    const noPublished = await workerFetch(`/mypage/postings/${draft.id}/print?version=published`, { cookie: owner.cookie });
    expect(noPublished.status).toBe(404);
    await noPublished.body?.cancel();
  });

  it("R-JOB-6: the print pages are 404 for another establishment and another office (authorisation matrix)", async () => {
    const owner = await employer("株式会社印刷テスト商会");
    const stranger = await employer("鬼怒川リバーサイドホテル株式会社");
    const nikko = await signedInOfficer("0910", clock);
    const utsunomiya = await signedInOfficer("0901", clock);
    const { posting } = await acceptedPosting(owner, nikko.staff.id, { ...completePosting(), jobTitle: "印刷確認用の職種" });

    const employerFailures = await checkAuthorisationMatrix(
      [{ name: "owner", cookie: owner.cookie }, { name: "stranger", cookie: stranger.cookie }, { name: "anonymous" }],
      [
        { name: "working copy", path: `/mypage/postings/${posting.id}/print`, owners: ["owner"], secret: "株式会社印刷テスト商会" },
        { name: "published", path: `/mypage/postings/${posting.id}/print?version=published`, owners: ["owner"], secret: "株式会社印刷テスト商会" },
      ],
    );
    expect(employerFailures, describeMatrixFailures(employerFailures)).toEqual([]);

    const staffFailures = await checkAuthorisationMatrix(
      [{ name: "nikko", cookie: nikko.cookie }, { name: "utsunomiya", cookie: utsunomiya.cookie }, { name: "anonymous" }],
      [
        { name: "working copy", path: `/staff/postings/${posting.id}/print`, owners: ["nikko"], secret: "株式会社印刷テスト商会" },
        { name: "published", path: `/staff/postings/${posting.id}/print?version=published`, owners: ["nikko"], secret: "株式会社印刷テスト商会" },
      ],
    );
    expect(staffFailures, describeMatrixFailures(staffFailures)).toEqual([]);

    // The 404 is the Japanese page.
    const foreign = await html(`/mypage/postings/${posting.id}/print`, stranger.cookie);
    expect(foreign.html).toContain("ページが見つかりません");
  });

  it("R-JOB-6: the print page marks what the A4 print rules hide and keep whole (controls hidden, 求人票 rows kept)", async () => {
    const owner = await employer("株式会社日光ゆば工房");
    const draft = await createDraft(db(), clock, owner.establishment, completePosting(), { accountId: owner.main.id });
    const page = await html(`/mypage/postings/${draft.id}/print`, owner.cookie);
    // The print block of app/tailwind.css hides the site header and footer of a page that holds `.kyujinhyo`.
    const kyujinhyo = byAriaLabel(page.html, "求人票");
    expect(kyujinhyo?.tagName).toBe("ARTICLE");
    expect(kyujinhyo?.classList.contains("kyujinhyo")).toBe(true);
    expect(page.html).toContain('class="kyujinhyo-row');
    expect(page.html).toContain('class="kyujinhyo-section');
    // The navigation and the 「印刷する」 controls are not printed.
    const printNav = byAriaLabel(page.html, "求人票の印刷");
    expect(printNav?.tagName).toBe("NAV");
    expect(printNav?.classList.contains("print:hidden")).toBe(true);
    const printButtons = [...parse(page.html).querySelectorAll("button")].filter((b) => textOf(b) === "印刷する");
    expect(printButtons).toHaveLength(1);
    expect(printButtons[0]!.getAttribute("type")).toBe("button");
    expect(printButtons[0]!.parentElement?.tagName).toBe("DIV");
    expect(printButtons[0]!.parentElement?.classList.contains("print:hidden")).toBe(true);
  });
});
