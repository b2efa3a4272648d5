/**
 * The public 求人情報検索 and 求人票 through the real Worker (R-JOB-2, R-JOB-4, R-IMG-2): only postings valid today with
 * 公開希望 1–3 appear (not drafts, 申込み中, 修正依頼, 募集停止, expired even before the daily job, or 公開希望 4); 公開希望 2
 * and 3 never show the establishment's name; keywords typed in full-width find the posting; the filters, the order and
 * the 30-per-page paging; public images only when approved and chosen in the published content; and naughty query
 * parameters never cause a 500.
 */
import { env } from "cloudflare:test";
import { beforeEach, describe, expect, it } from "vitest";
import { fixedClock, type Clock } from "../../app/lib/clock";
import { imageObjectKey } from "../../app/models/images.server";
import { createDraft, saveStep } from "../../app/models/posting/drafts.server";
import type { EmployerScope, JobPosting } from "../../app/models/posting/queries.server";
import { acceptPosting, returnPosting } from "../../app/models/posting/review.server";
import { stopPosting } from "../../app/models/posting/stop.server";
import { submitPosting } from "../../app/models/posting/submission.server";
import { keywordTerms, normalizeJobNumber, PAGE_SIZE, searchPublicPostings } from "../../app/models/job-search.server";
import type { PostingContent, Publication } from "../../app/rules/posting";
import { getDb, schema } from "../../app/utils/db.server";
import { setWorkerNow } from "../helpers/clock";
import { createEmployerAccount, createEstablishment, createStaffAccount } from "../helpers/factories";
import { testMail } from "../helpers/postings";
import { workerFetch } from "../helpers/worker";
import { bodyText, fieldError } from "../helpers/html";
import { TINY_PNG } from "../fixtures/images";
import { completePosting } from "../unit/posting-fixture";

const db = () => getDb(env);
import { NOW } from "../helpers/clock";
const TODAY = "2026-11-26";
const clock = fixedClock(NOW);

interface Owner {
  establishment: Awaited<ReturnType<typeof createEstablishment>>;
  scope: EmployerScope;
  officer: { staffId: string; officeCode: string };
}

async function owner(name = "株式会社日光ゆば工房", overrides: Parameters<typeof createEstablishment>[0] = {}): Promise<Owner> {
  const establishment = await createEstablishment({ name, ...overrides });
  const main = await createEmployerAccount(establishment.id);
  const officer = await createStaffAccount(establishment.officeCode);
  return {
    establishment,
    scope: { establishmentId: establishment.id, accountId: main.id, officeCode: establishment.officeCode },
    officer: { staffId: officer.id, officeCode: establishment.officeCode },
  };
}

function content(jobTitle: string, options: { publication?: Publication; imageIds?: string[]; patch?: Partial<PostingContent> } = {}): PostingContent {
  const base = completePosting();
  return {
    ...base,
    jobTitle,
    category: { ...base.category, publication: options.publication ?? 1 },
    pr: { ...base.pr, imageIds: options.imageIds ?? [] },
    ...options.patch,
  };
}

async function draft(o: Owner, c: PostingContent, at: Clock = clock): Promise<JobPosting> {
  return createDraft(db(), at, o.establishment, c, { accountId: o.scope.accountId });
}

/** 申込み through the model (sets 公開希望 from the content, as the real 申込み does). */
async function submitted(o: Owner, c: PostingContent, at: Clock = clock): Promise<JobPosting> {
  const posting = await draft(o, c, at);
  const result = await submitPosting(db(), at, o.scope, posting.id);
  expect(result).toMatchObject({ ok: true });
  return posting;
}

/** 申込み and 受理 by an officer of the establishment's office: returns the 求人番号. */
async function accepted(o: Owner, c: PostingContent, at: Clock = clock): Promise<{ posting: JobPosting; jobNumber: string }> {
  const posting = await submitted(o, c, at);
  const acceptance = await acceptPosting(db(), at, o.officer, posting.id, testMail());
  expect(acceptance.ok).toBe(true);
  return { posting, jobNumber: acceptance.ok ? acceptance.jobNumber : "" };
}

async function page(path: string): Promise<{ status: number; html: string }> {
  const res = await workerFetch(path);
  return { status: res.status, html: await res.text() };
}

beforeEach(async () => {
  await setWorkerNow(NOW);
});

describe("公開される求人 (R-JOB-2, R-JOB-4)", () => {
  it("R-JOB-2, R-JOB-4: the search lists an accepted valid posting and hides drafts, 申込み中, 修正依頼, 募集停止, expired (before the daily job) and 公開希望 4", async () => {
    const o = await owner();
    const shown = await accepted(o, content("湯葉製造スタッフ"));
    const drafted = await draft(o, content("下書きの検品係"));
    await submitted(o, content("申込み中の配送係"));
    const returned = await submitted(o, content("修正依頼の販売員"));
    expect(await returnPosting(db(), clock, o.officer, returned.id, "賃金を見直してください。", testMail())).toMatchObject({ ok: true });
    const stopped = await accepted(o, content("募集停止の清掃員"));
    expect(await stopPosting(db(), clock, o.scope, stopped.posting.id, "採用者が決まったため", testMail())).toMatchObject({ ok: true });
    // 受理 on 2026-08-10: 紹介期限 2026-10-31 has passed, the daily job has not run (status is still accepted).
    const expired = await accepted(o, content("期限切れの調理補助"), fixedClock("2026-08-10T10:00:00+09:00"));
    const hidden = await accepted(o, content("非公開の経理事務", { publication: 4 }));

    const { status, html } = await page("/jobs");
    expect(status).toBe(200);
    expect(html).toContain("湯葉製造スタッフ");
    expect(html).toContain(shown.jobNumber);
    for (const title of ["下書きの検品係", "申込み中の配送係", "修正依頼の販売員", "募集停止の清掃員", "期限切れの調理補助", "非公開の経理事務"]) {
      expect(html, title).not.toContain(title);
    }
    expect(html).toContain("1件の求人が見つかりました");

    // The detail pages: the public one is shown, the others are the Japanese 404 page.
    const detail = await page(`/jobs/${shown.jobNumber}`);
    expect(detail.status).toBe(200);
    expect(detail.html).toContain("湯葉製造スタッフ");
    for (const path of [
      `/jobs/${stopped.jobNumber}`,
      `/jobs/${expired.jobNumber}`,
      `/jobs/${hidden.jobNumber}`,
      `/jobs/${drafted.id}`,
      "/jobs/09100-99999999",
    ]) {
      const res = await page(path);
      expect(res.status, path).toBe(404);
      expect(res.html, path).toContain("ページが見つかりません");
      expect(res.html, path).not.toContain("求人票");
    }
  });

  it("R-JOB-3: the public sees the published version while a 内容変更 is being written", async () => {
    const o = await owner();
    const { posting, jobNumber } = await accepted(o, content("湯葉製造スタッフ"));
    expect(await saveStep(db(), clock, { ...o.scope, prefectureCode: "09" }, posting.id, 3, { jobTitle: "変更中の新しい職種" })).toMatchObject({ ok: true });
    const list = await page("/jobs");
    expect(list.html).toContain("湯葉製造スタッフ");
    expect(list.html).not.toContain("変更中の新しい職種");
    const detail = await page(`/jobs/${jobNumber}`);
    expect(detail.html).toContain("湯葉製造スタッフ");
    expect(detail.html).not.toContain("変更中の新しい職種");
  });

  it("R-JOB-2: 公開希望 3 hides the establishment's name on the list and the 求人票, 2 adds the note, 1 shows it", async () => {
    const named = await owner("株式会社日光ゆば工房");
    const anonymous = await owner("鬼怒川リバーサイドホテル株式会社", {
      phone: "0288-77-1234",
      representativeTitle: "代表取締役",
      representativeName: "鬼怒川 一郎",
    });
    const limited = await owner("今市精機有限会社");
    const one = await accepted(named, content("湯葉製造スタッフ"));
    const three = await accepted(anonymous, content("客室清掃スタッフ", { publication: 3 }));
    const two = await accepted(limited, content("精密部品の検査員", { publication: 2 }));

    const list = await page("/jobs");
    expect(list.html).toContain("株式会社日光ゆば工房");
    expect(list.html).toContain("客室清掃スタッフ");
    expect(list.html).toContain("精密部品の検査員");
    expect(list.html).not.toContain("鬼怒川リバーサイドホテル");
    expect(list.html).not.toContain("今市精機");
    expect(bodyText(list.html).match(/事業所名等は公開していません/g)).toHaveLength(2);

    const anon = await page(`/jobs/${three.jobNumber}`);
    expect(anon.status).toBe(200);
    expect(anon.html).toContain("客室清掃スタッフ");
    expect(anon.html).toContain("栃木県");
    for (const secret of [
      "鬼怒川リバーサイドホテル",
      anonymous.establishment.establishmentNumber!,
      anonymous.establishment.corporateNumber!,
      "0288-77-1234",
      "鬼怒川 一郎",
      "テスト1-1", // the street address
      "nikko-yuba.example.jp", // homepage and the contact person's e-mail
      "日光 花子", // the contact person
    ]) {
      expect(anon.html, secret).not.toContain(secret);
    }
    expect(anon.html).not.toContain("事業所名等は、ハローワークに求職登録した方に公開しています");

    const limitedPage = await page(`/jobs/${two.jobNumber}`);
    expect(limitedPage.html).toContain("事業所名等は、ハローワークに求職登録した方に公開しています");
    expect(limitedPage.html).not.toContain("今市精機");

    const namedPage = await page(`/jobs/${one.jobNumber}`);
    expect(namedPage.html).toContain("株式会社日光ゆば工房");
    expect(namedPage.html).toContain(named.establishment.establishmentNumber!);
    expect(namedPage.html).toContain("日光 花子");
    expect(namedPage.html).toContain("https://nikko-yuba.example.jp");
  });
});

describe("検索条件 (R-JOB-2)", () => {
  it("R-JOB-2: a keyword typed in full-width or half-width kana finds the posting; words are ANDed; LIKE wildcards are literal", async () => {
    const o = await owner();
    const { jobNumber } = await accepted(o, content("ＷＥＢ担当スタッフ（湯葉の通販）"));
    await accepted(o, content("製造ライン作業員"));
    const hits = async (q: string) => (await page(`/jobs?q=${encodeURIComponent(q)}`)).html;
    expect(await hits("web")).toContain(jobNumber);
    expect(await hits("ｗｅｂ")).toContain(jobNumber);
    expect(await hits("ｽﾀｯﾌ")).toContain(jobNumber);
    expect(await hits("ｗｅｂ　通販")).toContain(jobNumber); // full-width space between two words
    const both = await hits("ｗｅｂ 存在しない言葉");
    expect(both).not.toContain(jobNumber);
    expect(both).toContain("条件に合う求人は見つかりませんでした");
    // A long word (57 bytes in UTF-8: beyond D1's 50-byte LIKE pattern) still matches.
    expect(await hits("湯葉の製造と包装を担当していただきます")).toContain(jobNumber);
    expect(await hits("湯葉の製造と包装を担当していただきませんでした")).not.toContain(jobNumber);
    for (const wildcard of ["%", "_", "%%", "\\"]) {
      const html = await hits(wildcard);
      expect(html, wildcard).toContain("条件に合う求人は見つかりませんでした");
    }
    const html = await hits("ﾗｲﾝ");
    expect(html).toContain("製造ライン作業員");
    expect(html).not.toContain("ＷＥＢ担当スタッフ");
  });

  it("R-JOB-2: filters by prefecture, 雇用形態, 求人区分 and the exact 求人番号 (full-width accepted)", async () => {
    const o = await owner();
    const { jobNumber } = await accepted(o, content("湯葉製造スタッフ"));
    const found = async (query: string) => (await page(`/jobs?${query}`)).html.includes(jobNumber);
    expect(await found("pref=09")).toBe(true);
    expect(await found("pref=13")).toBe(false);
    expect(await found(`type=${encodeURIComponent("正社員")}`)).toBe(true);
    expect(await found(`type=${encodeURIComponent("正社員以外")}`)).toBe(false);
    expect(await found(`kind=${encodeURIComponent("フルタイム")}`)).toBe(true);
    expect(await found(`kind=${encodeURIComponent("パート")}`)).toBe(false);
    expect(await found(`no=${encodeURIComponent(jobNumber)}`)).toBe(true);
    expect(await found(`no=${encodeURIComponent(jobNumber.replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0)).replace("-", "－"))}`)).toBe(
      true,
    );
    expect(await found(`no=${jobNumber.replace("-", "")}`)).toBe(true);
    expect(await found("no=09100-99999999")).toBe(false);
    // A value that is not a choice: a message beside the field, no search, no error page.
    const bad = await workerFetch(`/jobs?pref=99&no=${encodeURIComponent("13010")}&kind=x`);
    expect(bad.status).toBe(200);
    const html = await bad.text();
    expect(fieldError(html, "pref")).toBe("エラー：就業場所の都道府県は、一覧から選んでください。");
    expect(fieldError(html, "no")).toMatch(/^エラー：求人番号は/);
    expect(fieldError(html, "kind")).toMatch(/^エラー：求人区分は/);
    expect(html).not.toContain(jobNumber);
  });

  it("R-JOB-2: newest 受理 first, 30 per page, with page links that keep the conditions", async () => {
    const o = await owner();
    const older = await accepted(o, content("最初に受理された求人"), fixedClock("2026-11-20T10:00:00+09:00"));
    const newer: string[] = [];
    for (let i = 1; i <= PAGE_SIZE; i++) newer.push((await accepted(o, content(`新しい求人その${i}番`))).jobNumber);

    const result = await searchPublicPostings(db(), TODAY, {}, 1);
    expect(result.total).toBe(PAGE_SIZE + 1);
    expect(result.pageCount).toBe(2);
    expect(result.rows).toHaveLength(PAGE_SIZE);
    expect(result.rows[0]!.jobNumber).toBe(newer.at(-1));
    expect(result.rows.map((r) => r.jobNumber)).not.toContain(older.jobNumber);
    const second = await searchPublicPostings(db(), TODAY, {}, 2);
    expect(second.rows.map((r) => r.jobNumber)).toEqual([older.jobNumber]);

    const first = await page(`/jobs?q=${encodeURIComponent("求人")}`);
    expect(first.html).toContain("31件の求人が見つかりました（1〜30件目を表示");
    expect(first.html).toContain(`href="/jobs?q=${encodeURIComponent("求人")}&amp;page=2"`);
    const next = await page(`/jobs?q=${encodeURIComponent("求人")}&page=2`);
    expect(next.html).toContain("最初に受理された求人");
    expect(next.html).toContain("31〜31件目を表示");
    const beyond = await page("/jobs?page=999");
    expect(beyond.status).toBe(200);
    expect(beyond.html).toContain("このページには表示する求人がありません");
  });

  it("R-JOB-2: keyword words and 求人番号 are normalised (NFKC, lower case, at most 10 words)", () => {
    expect(keywordTerms("  ＡＢＣ　ｶﾅ abc ")).toEqual(["abc", "カナ"]);
    expect(keywordTerms(Array.from({ length: 20 }, (_, i) => `w${i}`).join(" "))).toHaveLength(10);
    expect(normalizeJobNumber("０９１００ー０００００００１")).toBe("09100-00000001");
    expect(normalizeJobNumber("0910000000001")).toBe("09100-00000001");
    expect(normalizeJobNumber("")).toBeNull();
    expect(normalizeJobNumber("13010-4589214")).toBeUndefined();
  });
});

describe("公開される画像 (R-IMG-2)", () => {
  async function image(establishmentId: string, status: "pending" | "approved" | "rejected", caption: string) {
    const id = crypto.randomUUID();
    const r2Key = imageObjectKey(establishmentId, id);
    await env.IMAGES.put(r2Key, TINY_PNG, { httpMetadata: { contentType: "image/png" } });
    await db()
      .insert(schema.establishmentImages)
      .values({ id, establishmentId, r2Key, contentType: "image/png", bytes: TINY_PNG.length, caption, status, createdAt: 0 });
    return id;
  }

  it("R-IMG-2: the public 求人票 serves an approved chosen image and 404s a pending one, one not chosen, one only in a 内容変更, and another establishment's", async () => {
    const o = await owner();
    const other = await owner("他社株式会社");
    const approved = await image(o.establishment.id, "approved", "工場の外観");
    const pending = await image(o.establishment.id, "pending", "審査中の写真");
    const notChosen = await image(o.establishment.id, "approved", "選ばれていない写真");
    const foreign = await image(other.establishment.id, "approved", "他社の写真");
    const { posting, jobNumber } = await accepted(o, content("湯葉製造スタッフ", { imageIds: [approved, pending, foreign] }));

    const ok = await workerFetch(`/jobs/${jobNumber}/images/${approved}`);
    expect(ok.status).toBe(200);
    expect(ok.headers.get("Content-Type")).toBe("image/png");
    expect(new Uint8Array(await ok.arrayBuffer())).toEqual(TINY_PNG);
    for (const id of [pending, notChosen, foreign, "no-such-image"]) {
      const res = await workerFetch(`/jobs/${jobNumber}/images/${id}`);
      expect(res.status, id).toBe(404);
      await res.body?.cancel();
    }
    const detail = await page(`/jobs/${jobNumber}`);
    expect(detail.html).toContain(`src="/jobs/${jobNumber}/images/${approved}"`);
    expect(detail.html).toContain("工場の外観");
    expect(detail.html).not.toContain(pending);
    expect(detail.html).not.toContain("審査中の写真");
    expect(detail.html).not.toContain("他社の写真");

    // Chosen in the working copy of a 内容変更 only: not published, not served.
    expect(
      await saveStep(db(), clock, { ...o.scope, prefectureCode: "09" }, posting.id, 7, { pr: { ...completePosting().pr, imageIds: [notChosen] } }),
    ).toMatchObject({ ok: true });
    const draftChoice = await workerFetch(`/jobs/${jobNumber}/images/${notChosen}`);
    expect(draftChoice.status).toBe(404);
    await draftChoice.body?.cancel();

    // Once the posting is stopped, its images are no longer public either.
    expect(await stopPosting(db(), clock, o.scope, posting.id, "採用者が決まったため", testMail())).toMatchObject({ ok: true });
    const after = await workerFetch(`/jobs/${jobNumber}/images/${approved}`);
    expect(after.status).toBe(404);
    await after.body?.cancel();
  });

  it("R-IMG-2: a posting that hides the establishment (公開希望 3) shows and serves no image", async () => {
    const o = await owner();
    const approved = await image(o.establishment.id, "approved", "社屋の写真");
    const { jobNumber } = await accepted(o, content("客室清掃スタッフ", { publication: 3, imageIds: [approved] }));
    const res = await workerFetch(`/jobs/${jobNumber}/images/${approved}`);
    expect(res.status).toBe(404);
    await res.body?.cancel();
    const detail = await page(`/jobs/${jobNumber}`);
    expect(detail.html).not.toContain(approved);
    expect(detail.html).not.toContain("社屋の写真");
  });
});
