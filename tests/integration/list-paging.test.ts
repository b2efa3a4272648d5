/**
 * issue 9 #15: the lists that had no LIMIT are paged, 50 a page, through the Worker: the employer's 求人の一覧
 * (/mypage/postings?page=N), the officer's 確認待ち queue (/staff/postings?queuePage=N) and the images waiting for review
 * (/staff/images?page=N). With more rows than a page: the first page shows 50, the second the rest, nothing twice and
 * nothing missing, a count, links 前へ / 次へ (plain links: no JavaScript); a page out of range or not a number is
 * answered with a page (the last one, or the first), never a 500.
 */
import { env } from "cloudflare:test";
import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { fixedClock } from "../../app/lib/clock";
import { newId } from "../../app/lib/ids";
import { createDraft } from "../../app/models/posting/drafts.server";
import { getDb, schema } from "../../app/utils/db.server";
import { NOW, setWorkerNow } from "../helpers/clock";
import { createEstablishment } from "../helpers/factories";
import { controls, links, parse, textOf } from "../helpers/html";
import { openMyPage } from "../helpers/mypage";
import { signedInOfficer } from "../helpers/staff";
import { workerFetch } from "../helpers/worker";
import { completePosting } from "../unit/posting-fixture";

const db = () => getDb(env);
const clock = fixedClock(NOW);
const ROWS = 57;

async function html(path: string, cookie: string): Promise<string> {
  const res = await workerFetch(path, { cookie });
  expect(res.status, path).toBe(200);
  return res.text();
}

/** The navigation between pages: its links by text. */
function pager(page: string, label: string): Map<string, string> {
  const nav = parse(page).querySelector(`nav[aria-label=${JSON.stringify(label)}]`);
  return new Map(nav ? links(nav.outerHTML).map(([text, href]) => [text.replace(/\s+/g, ""), href] as const) : []);
}

/** Checks the two pages: 50 + the rest, no duplicates, all present. */
function expectPaged(first: string[], second: string[], all: string[]) {
  expect(first).toHaveLength(50);
  expect(second).toHaveLength(all.length - 50);
  expect(new Set([...first, ...second]).size).toBe(all.length);
  expect([...first, ...second].sort()).toEqual([...all].sort());
}

beforeEach(async () => {
  await setWorkerNow(NOW);
});

describe("issue 9 #15: the lists are paged", () => {
  it("issue 9 #15: 求人の一覧 shows 50 postings a page with 前へ/次へ and a count; ?page=2 the rest; out of range is the last page", async () => {
    const me = await openMyPage();
    const ids: string[] = [];
    for (let i = 0; i < ROWS; i++) {
      const content = { ...completePosting(), jobTitle: `製造スタッフ${i}` };
      // One updatedAt for all: the order's id tiebreak keeps the pages apart.
      ids.push((await createDraft(db(), clock, me.establishment, content, { accountId: me.main.id })).id);
    }
    const postingIds = (page: string) =>
      links(page)
        .map(([, href]) => /^\/mypage\/postings\/([^/?#]+)$/.exec(href)?.[1])
        .filter((id): id is string => id !== undefined && id !== "new");
    const first = await html("/mypage/postings", me.cookie);
    const second = await html("/mypage/postings?page=2", me.cookie);
    expectPaged(postingIds(first), postingIds(second), ids);
    expect(textOf(parse(first).querySelector("[data-page-count]"))).toContain(`${ROWS}件`);
    expect(pager(first, "求人の一覧のページ").get("次へ")).toBe("/mypage/postings?page=2");
    expect(pager(first, "求人の一覧のページ").has("前へ")).toBe(false);
    expect(pager(second, "求人の一覧のページ").get("前へ")).toBe("/mypage/postings");
    expect(pager(second, "求人の一覧のページ").has("次へ")).toBe(false);
    expect(postingIds(await html("/mypage/postings?page=999", me.cookie))).toEqual(postingIds(second));
    for (const bad of ["0", "-1", "abc", "1e9", "２"]) {
      const page = await html(`/mypage/postings?page=${encodeURIComponent(bad)}`, me.cookie);
      expect(postingIds(page), bad).toHaveLength(bad === "２" ? ROWS - 50 : 50);
    }
  });

  it("issue 9 #15: the officer's 確認待ち queue shows 50 a page, oldest first, ?queuePage=2 the rest; the office list's paging is kept", async () => {
    const owner = await openMyPage();
    const ids: string[] = [];
    const t = schema.jobPostings;
    for (let i = 0; i < ROWS; i++) {
      const posting = await createDraft(db(), clock, owner.establishment, { ...completePosting(), jobTitle: `検査員${i}` }, { accountId: owner.main.id });
      // Submitted at the same instant for some: the id breaks the tie.
      await db()
        .update(t)
        .set({ status: "submitted", submittedAt: Date.parse(NOW) - (i % 5) * 1000 })
        .where(eq(t.id, posting.id));
      ids.push(posting.id);
    }
    const { cookie } = await signedInOfficer("0910", clock);
    const queueIds = (page: string) => {
      const section = parse(page).querySelector("section[aria-labelledby=queue-title]");
      return links(section?.outerHTML ?? "")
        .map(([, href]) => /^\/staff\/postings\/([^/?#]+)$/.exec(href)?.[1])
        .filter((id): id is string => id !== undefined);
    };
    const first = await html("/staff/postings", cookie);
    const second = await html("/staff/postings?queuePage=2", cookie);
    expectPaged(queueIds(first), queueIds(second), ids);
    expect(textOf(parse(first).querySelector("#queue-title"))).toContain(`${ROWS}件`);
    expect(pager(first, "確認待ちのページ").get("次へ")).toBe("/staff/postings?queuePage=2");
    expect(pager(second, "確認待ちのページ").get("前へ")).toBe("/staff/postings");
    expect(queueIds(await html("/staff/postings?queuePage=999", cookie))).toEqual(queueIds(second));
    expect(queueIds(await html("/staff/postings?queuePage=abc", cookie))).toEqual(queueIds(first));
    // The other list's parameters are kept by the queue's links.
    expect(pager(await html("/staff/postings?status=submitted&page=2", cookie), "確認待ちのページ").get("次へ")).toBe(
      "/staff/postings?status=submitted&page=2&queuePage=2",
    );
  });

  it("issue 9 #15: the images waiting for review show 50 a page, oldest first, ?page=2 the rest", async () => {
    const ids: string[] = [];
    const establishments = await Promise.all([0, 1, 2, 3, 4, 5].map(() => createEstablishment({ officeCode: "0910" })));
    for (let i = 0; i < ROWS; i++) {
      const id = newId();
      const establishment = establishments[i % establishments.length]!;
      await db()
        .insert(schema.establishmentImages)
        .values({
          id,
          establishmentId: establishment.id,
          r2Key: `images/${establishment.id}/${id}`,
          contentType: "image/png",
          bytes: 100,
          width: 1,
          height: 1,
          caption: `写真${i}`,
          status: "pending",
          createdAt: Date.parse(NOW) - (i % 3) * 1000,
        });
      ids.push(id);
    }
    const { cookie } = await signedInOfficer("0910", clock);
    const imageIds = (page: string) => controls(page, "imageId").map((c) => c.getAttribute("value") ?? "");
    const first = await html("/staff/images", cookie);
    const second = await html("/staff/images?page=2", cookie);
    expectPaged(imageIds(first), imageIds(second), ids);
    expect(textOf(parse(first).querySelector("[data-page-count]"))).toContain(`${ROWS}件`);
    expect(pager(first, "審査待ちの画像のページ").get("次へ")).toBe("/staff/images?page=2");
    expect(pager(second, "審査待ちの画像のページ").get("前へ")).toBe("/staff/images");
    expect(imageIds(await html("/staff/images?page=999", cookie))).toEqual(imageIds(second));
  });
});
