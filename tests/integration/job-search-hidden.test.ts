/**
 * issue 9 #8 (R-JOB-2): what the anonymised public 求人票 (公開希望 2 and 3) hides cannot be recovered through the search.
 * `/jobs?no=<求人番号>&q=<guess>` answers 1 or 0 results, so a hidden value that is in the posting's search text is an
 * oracle: for every field the anonymised page hides (the establishment's 事業所名等, the 就業場所's street address, the
 * 選考場所, the 担当者, the ホームページ), the page does not show it AND a query on its value finds nothing. The same
 * values on a 公開希望 1 posting are shown and found (the queries can find what they look for).
 */
import { env } from "cloudflare:test";
import { beforeEach, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { runJob } from "../../app/jobs/dispatch.server";
import { postingSearchTextJob } from "../../app/jobs/posting-search-text.server";
import { ALL_JOBS } from "../../app/jobs/registry.server";
import { fixedClock } from "../../app/lib/clock";
import { createDraft } from "../../app/models/posting/drafts.server";
import { acceptPosting } from "../../app/models/posting/review.server";
import { submitPosting } from "../../app/models/posting/submission.server";
import type { PostingContent, Publication } from "../../app/rules/posting";
import { getDb, schema } from "../../app/utils/db.server";
import { NOW, setWorkerNow } from "../helpers/clock";
import { createEmployerAccount, createEstablishment, createStaffAccount } from "../helpers/factories";
import { parse, statusText, textOf } from "../helpers/html";
import { testMail } from "../helpers/postings";
import { workerFetch } from "../helpers/worker";
import { completePosting } from "../unit/posting-fixture";

const db = () => getDb(env);
const clock = fixedClock(NOW);

/** Values found nowhere else in the posting, one per field that the anonymised page hides. */
const HIDDEN = {
  establishmentName: "株式会社秘匿ホールディングス",
  establishmentKana: "ヒトクホールディングス",
  establishmentPostalCode: "329-9876",
  establishmentAddress: "栃木県日光市秘匿本町5-4-3",
  establishmentPhone: "0288-98-7654",
  representative: "秘匿 太郎",
  homepage: "https://hitoku-holdings.example.jp",
  workplacePostalCode: "321-1299",
  workplaceAddress: "日光市今市隠れ町9-8-7",
  selectionPlace: "隠れ町第二会館3階会議室",
  contactTitle: "人事部秘匿課長",
  contactName: "隠岐 次郎",
  contactKana: "オキ ジロウ",
  contactPhone: "0288-11-2233",
  contactExtension: "4455",
  contactFax: "0288-11-6677",
  contactEmail: "saiyo@hitoku-holdings.example.jp",
} as const;

function posting(jobTitle: string, publication: Publication): PostingContent {
  const base = completePosting();
  return {
    ...base,
    jobTitle,
    category: { ...base.category, publication },
    company: { ...base.company, homepage: HIDDEN.homepage },
    workplaceDetail: { ...base.workplaceDetail, sameAsEstablishment: false, postalCode: HIDDEN.workplacePostalCode, address: HIDDEN.workplaceAddress },
    pr: { ...base.pr, imageIds: [] },
    selection: {
      ...base.selection,
      place: HIDDEN.selectionPlace,
      contact: {
        title: HIDDEN.contactTitle,
        name: HIDDEN.contactName,
        nameKana: HIDDEN.contactKana,
        phone: HIDDEN.contactPhone,
        extension: HIDDEN.contactExtension,
        fax: HIDDEN.contactFax,
        email: HIDDEN.contactEmail,
      },
    },
  };
}

/** An establishment carrying the hidden values, a posting of `publication` accepted by its office: the 求人番号. */
async function acceptedPosting(jobTitle: string, publication: Publication): Promise<string> {
  const establishment = await createEstablishment({
    name: HIDDEN.establishmentName,
    nameKana: HIDDEN.establishmentKana,
    postalCode: HIDDEN.establishmentPostalCode,
    address: HIDDEN.establishmentAddress,
    phone: HIDDEN.establishmentPhone,
    representativeTitle: "代表取締役",
    representativeName: HIDDEN.representative,
  });
  const main = await createEmployerAccount(establishment.id);
  const officer = await createStaffAccount(establishment.officeCode);
  const scope = { establishmentId: establishment.id, accountId: main.id, officeCode: establishment.officeCode };
  const draft = await createDraft(db(), clock, establishment, posting(jobTitle, publication), { accountId: main.id });
  expect(await submitPosting(db(), clock, scope, draft.id)).toMatchObject({ ok: true });
  const acceptance = await acceptPosting(db(), clock, { staffId: officer.id, officeCode: establishment.officeCode }, draft.id, testMail());
  if (!acceptance.ok) throw new Error(`not accepted: ${acceptance.message}`);
  return acceptance.jobNumber;
}

/** How many postings `/jobs?no=…&q=…` finds (the oracle of the attack). */
async function hits(jobNumber: string, q: string): Promise<number> {
  const res = await workerFetch(`/jobs?no=${encodeURIComponent(jobNumber)}&q=${encodeURIComponent(q)}`);
  expect(res.status).toBe(200);
  const status = statusText(await res.text()) ?? "";
  if (status.startsWith("条件に合う求人は見つかりませんでした")) return 0;
  const found = /^(\d+)件の求人が見つかりました/.exec(status);
  if (!found) throw new Error(`unexpected search status: ${status}`);
  return Number(found[1]);
}

/** The text of the public 求人票 as read (tags gone). */
async function publicSheetText(jobNumber: string): Promise<string> {
  const res = await workerFetch(`/jobs/${jobNumber}`);
  expect(res.status).toBe(200);
  return textOf(parse(await res.text()).querySelector("main") ?? parse("").body);
}

beforeEach(async () => {
  await setWorkerNow(NOW);
});

describe("R-JOB-2 issue 9 #8: the search text of a 公開希望 2/3 posting holds only what its public page shows", () => {
  for (const publication of [2, 3] as const) {
    it(`R-JOB-2 issue 9 #8: 公開希望 ${publication} — every field the anonymised page hides is not shown and a query on its value finds nothing`, async () => {
      const jobNumber = await acceptedPosting(`秘匿検査スタッフ${publication}`, publication);
      // The oracle works: a shown value (職種, the 就業場所's prefecture stays) finds the posting.
      expect(await hits(jobNumber, `秘匿検査スタッフ${publication}`)).toBe(1);
      const sheet = await publicSheetText(jobNumber);
      expect(sheet).toContain(`秘匿検査スタッフ${publication}`);
      for (const [field, value] of Object.entries(HIDDEN)) {
        expect(sheet, `${field} on the public 求人票`).not.toContain(value);
        expect(await hits(jobNumber, value), `${field}: q=${value}`).toBe(0);
      }
      // A part of the street address or of the 選考場所 finds nothing either (the attacker guesses piece by piece).
      for (const part of ["隠れ町", "今市隠れ", "9-8-7", "第二会館"]) expect(await hits(jobNumber, part), part).toBe(0);
    });
  }

  it("R-JOB-2 issue 9 #8: 公開希望 1 shows the 就業場所 and the 選考場所, and a query on them finds the posting", async () => {
    const jobNumber = await acceptedPosting("秘匿検査スタッフ1", 1);
    const sheet = await publicSheetText(jobNumber);
    expect(sheet).toContain(HIDDEN.workplaceAddress);
    expect(sheet).toContain(HIDDEN.selectionPlace);
    expect(await hits(jobNumber, HIDDEN.workplaceAddress)).toBe(1);
    expect(await hits(jobNumber, "隠れ町")).toBe(1);
  });
});

describe("issue 9 #8: postings accepted before the fix", () => {
  it("R-JOB-2 issue 9 #8: a search text cleared by the data migration is rebuilt by the daily postings.searchText job without the hidden address; a second run does nothing", async () => {
    expect(ALL_JOBS).toContain(postingSearchTextJob);
    const jobNumber = await acceptedPosting("秘匿検査スタッフ3", 3);
    const t = schema.jobPostings;
    // The data migration: `UPDATE job_postings SET search_text = NULL WHERE publication IN (2, 3)`.
    await db().update(t).set({ searchText: null }).where(eq(t.jobNumber, jobNumber));
    expect(await hits(jobNumber, "秘匿検査スタッフ3")).toBe(0);
    expect(await hits(jobNumber, "隠れ町")).toBe(0);

    expect(await runJob(postingSearchTextJob, env, clock)).toEqual({ job: "postings.searchText", processed: 1, error: null });
    expect(await hits(jobNumber, "秘匿検査スタッフ3")).toBe(1);
    expect(await hits(jobNumber, "隠れ町")).toBe(0);
    expect(await hits(jobNumber, HIDDEN.workplaceAddress)).toBe(0);
    expect(await runJob(postingSearchTextJob, env, fixedClock("2026-11-27T10:00:00+09:00"))).toEqual({ job: "postings.searchText", processed: 0, error: null });
  });
});
