/**
 * 大卒等求人 (R-JOB-2, issue 10 #2, ADR 0014) through the models and the public pages: accepted from 2月1日 for the
 * students who graduate at the end of the coming fiscal year, published from 4月1日, valid until 3月31日 of the
 * following year; accepted in January, for this March's graduates, public at once until 3月31日.
 */
import { env } from "cloudflare:test";
import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { fixedClock } from "../../app/lib/clock";
import { searchPublicPostings } from "../../app/models/job-search.server";
import { createDraft } from "../../app/models/posting/drafts.server";
import { acceptPosting } from "../../app/models/posting/review.server";
import { submitPosting } from "../../app/models/posting/submission.server";
import { getDb, schema } from "../../app/utils/db.server";
import { setWorkerNow } from "../helpers/clock";
import { createEmployerAccount, createEstablishment, createStaffAccount } from "../helpers/factories";
import { testMail } from "../helpers/postings";
import { workerFetch } from "../helpers/worker";
import { completePosting } from "../unit/posting-fixture";

const db = () => getDb(env);

/** A 大卒等 posting (公開希望 1) submitted and accepted on `day` at 10:00 JST. */
async function acceptedOn(day: string) {
  const clock = fixedClock(`${day}T10:00:00+09:00`);
  const establishment = await createEstablishment();
  const main = await createEmployerAccount(establishment.id);
  const officer = await createStaffAccount(establishment.officeCode);
  const base = completePosting();
  const content = { ...base, universityGraduate: true, category: { ...base.category, publication: 1 as const } };
  const posting = await createDraft(db(), clock, establishment, content, { accountId: main.id });
  expect(
    await submitPosting(db(), clock, { establishmentId: establishment.id, accountId: main.id, officeCode: establishment.officeCode }, posting.id),
  ).toMatchObject({
    ok: true,
  });
  const acceptance = await acceptPosting(db(), clock, { staffId: officer.id, officeCode: establishment.officeCode }, posting.id, testMail());
  expect(acceptance.ok).toBe(true);
  const row = (await db().select().from(schema.jobPostings).where(eq(schema.jobPostings.id, posting.id)).get())!;
  return { row, establishment, jobNumber: row.jobNumber! };
}

const found = async (today: string, jobNumber: string) => (await searchPublicPostings(db(), today, { jobNumber })).total;

beforeEach(async () => {
  await setWorkerNow(null);
});

describe("大卒等求人 (R-JOB-2, issue 10 #2)", () => {
  it("R-JOB-2 (issue 10 #2): accepted 2026-02-10 → valid until 2027-03-31, hidden from /jobs until 2026-03-31, public from 2026-04-01; the お知らせ says when", async () => {
    const { row, establishment, jobNumber } = await acceptedOn("2026-02-10");
    expect(row).toMatchObject({ status: "accepted", acceptedOn: "2026-02-10", validUntil: "2027-03-31", publicFrom: "2026-04-01" });
    const [notice] = await db().select().from(schema.notices).where(eq(schema.notices.establishmentId, establishment.id)).all();
    expect(notice?.body).toContain("紹介期限は2027年3月31日です。大卒等求人のため、求人情報の公開は2026年4月1日からです。");

    expect(await found("2026-02-10", jobNumber)).toBe(0);
    expect(await found("2026-03-31", jobNumber)).toBe(0);
    expect(await found("2026-04-01", jobNumber)).toBe(1);
    expect(await found("2027-03-31", jobNumber)).toBe(1);
    expect(await found("2027-04-01", jobNumber)).toBe(0);

    // The public 求人票: a 404 on 2026-03-31, shown on 2026-04-01.
    await setWorkerNow("2026-03-31T23:00:00+09:00");
    expect((await workerFetch(`/jobs/${jobNumber}`)).status).toBe(404);
    await setWorkerNow("2026-04-01T00:10:00+09:00");
    expect((await workerFetch(`/jobs/${jobNumber}`)).status).toBe(200);
  });

  it("R-JOB-2 (issue 10 #2): accepted 2026-01-31 → this March's graduates, public at once, valid until 2026-03-31; accepted 2026-02-01 → public from 2026-04-01", async () => {
    const january = await acceptedOn("2026-01-31");
    expect(january.row).toMatchObject({ validUntil: "2026-03-31", publicFrom: "2026-01-31" });
    expect(await found("2026-01-31", january.jobNumber)).toBe(1);
    expect(await found("2026-04-01", january.jobNumber)).toBe(0);

    const february = await acceptedOn("2026-02-01");
    expect(february.row).toMatchObject({ validUntil: "2027-03-31", publicFrom: "2026-04-01" });
    expect(await found("2026-02-01", february.jobNumber)).toBe(0);
    expect(await found("2026-04-01", february.jobNumber)).toBe(1);
  });
});
