/**
 * Each posting page reads its own data in ONE D1 round trip (models/posting/pages.server.ts, office.server.ts,
 * job-search.server.ts): one `db.batch()` of statements each scoped by the actor, or one statement. Counted on a D1
 * binding that counts what it runs (tests/helpers/round-trips.ts); the data read is checked too (R-JOB-1…6).
 */
import { env } from "cloudflare:test";
import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { fixedClock } from "../../app/lib/clock";
import { readPublicPostingPage, searchPublicPostings } from "../../app/models/job-search.server";
import { createDraft } from "../../app/models/posting/drafts.server";
import { readOfficePostingsPage } from "../../app/models/posting/office.server";
import { readPostingPage, readPrintPage, readReviewPage, readWizardScreen } from "../../app/models/posting/pages.server";
import { listPostingsOfEstablishment } from "../../app/models/posting/queries.server";
import { acceptPosting } from "../../app/models/posting/review.server";
import { newId } from "../../app/lib/ids";
import { getDb, schema } from "../../app/utils/db.server";
import { createEmployerAccount, createEstablishment, createStaffAccount, seedReference } from "../helpers/factories";
import { submitForReview, testMail } from "../helpers/postings";
import { countingDb } from "../helpers/round-trips";
import { completePosting } from "../unit/posting-fixture";

const db = () => getDb(env);
import { NOW } from "../helpers/clock";
const TODAY = "2026-11-26";
const clock = fixedClock(NOW);

async function image(establishmentId: string, status: "approved" | "pending", caption: string, createdAt: number) {
  const id = newId();
  await db()
    .insert(schema.establishmentImages)
    .values({ id, establishmentId, r2Key: `images/${id}`, contentType: "image/png", bytes: 1, caption, status, createdAt });
  return id;
}

/** An establishment of 日光 with two approved images and a pending one, an accepted posting showing them, and its 更新求人 draft. */
async function world() {
  await seedReference();
  await db()
    .insert(schema.minimumWages)
    .values([
      { prefectureCode: "09", amountYen: 1004, effectiveFrom: "0000-01-01", createdAt: 0 },
      { prefectureCode: "09", amountYen: 1068, effectiveFrom: "2025-10-01", createdAt: 0 },
      { prefectureCode: "13", amountYen: 1226, effectiveFrom: "2025-10-03", createdAt: 0 },
    ])
    .onConflictDoNothing();
  const establishment = await createEstablishment({ name: "株式会社日光ゆば工房", address: "今市1-2-3" });
  const main = await createEmployerAccount(establishment.id);
  const officer = await createStaffAccount("0910");
  const first = await image(establishment.id, "approved", "工場の外観", 1);
  const second = await image(establishment.id, "approved", "湯葉を引き上げる作業", 2);
  const pending = await image(establishment.id, "pending", "審査中の写真", 3);
  const content = { ...completePosting(), pr: { ...completePosting().pr, imageIds: [second, pending, first] } };
  const accepted = await createDraft(db(), clock, establishment, content, { accountId: main.id });
  await submitForReview(db(), clock, { establishmentId: establishment.id }, accepted.id);
  const acceptance = await acceptPosting(db(), clock, { staffId: officer.id, officeCode: "0910" }, accepted.id, testMail());
  if (!acceptance.ok) throw new Error(acceptance.message);
  const renewal = await createDraft(db(), clock, establishment, content, { renewalOf: accepted.id, sourcePostingId: accepted.id });
  return { establishment, accepted: { ...accepted, jobNumber: acceptance.jobNumber }, renewal, images: { first, second, pending } };
}

let counting: ReturnType<typeof countingDb>;

/** Runs a read on the counting binding and says how many round trips it took. */
async function once<T>(read: (db: ReturnType<typeof countingDb>["db"]) => Promise<T>): Promise<{ value: T; trips: number }> {
  counting.reset();
  const value = await read(counting.db);
  return { value, trips: counting.trips() };
}

beforeEach(() => {
  counting = countingDb();
});

describe("one round trip per posting page", () => {
  it("R-JOB-1, R-JOB-5: the employer's posting page — posting, establishment, office, renewal source, minimum wages, images", async () => {
    const w = await world();
    const { value, trips } = await once((d) => readPostingPage(d, { establishmentId: w.establishment.id, id: w.renewal.id }, TODAY));
    expect(trips).toBe(1);
    expect(value?.sheet.posting.id).toBe(w.renewal.id);
    expect(value?.sheet.establishment).toMatchObject({ id: w.establishment.id, name: "株式会社日光ゆば工房", address: "今市1-2-3" });
    expect(value?.sheet).toMatchObject({ prefectureName: "栃木県", municipalityName: "日光市", officeName: "ハローワーク日光" });
    expect(value?.sheet.renewalSource).toEqual({ id: w.accepted.id, jobNumber: w.accepted.jobNumber, validUntil: "2027-01-31" });
    expect(value?.minimumWages.map((r) => r.amountYen)).toEqual([1068, 1004]);
    expect(value?.images.map((i) => i.id)).toEqual([w.images.first, w.images.second]);

    // Another establishment's posting: not found, in the same one round trip.
    const other = await createEstablishment({ name: "他社株式会社" });
    const foreign = await once((d) => readPostingPage(d, { establishmentId: other.id, id: w.renewal.id }, TODAY));
    expect(foreign).toEqual({ value: undefined, trips: 1 });
  });

  it("R-JOB-1: the minimum wages are those of the 就業場所's prefecture in the stored content, not the establishment's; a malformed document has none", async () => {
    const w = await world();
    const tokyo = completePosting();
    tokyo.workplace.prefectureCode = "13";
    tokyo.workplaceDetail = { ...tokyo.workplaceDetail, sameAsEstablishment: false, address: "東京都千代田区1-1" };
    const posting = await createDraft(db(), clock, w.establishment, tokyo);
    const read = await once((d) => readPostingPage(d, { establishmentId: w.establishment.id, id: posting.id }, TODAY));
    expect(read.trips).toBe(1);
    expect(read.value?.minimumWages).toEqual([{ prefectureCode: "13", amountYen: 1226, effectiveFrom: "2025-10-03" }]);

    const broken = await createDraft(db(), clock, w.establishment, {});
    await db().update(schema.jobPostings).set({ content: "{not json" }).where(eqId(broken.id));
    const malformed = await once((d) => readPostingPage(d, { establishmentId: w.establishment.id, id: broken.id }, TODAY));
    expect(malformed.trips).toBe(1);
    expect(malformed.value?.minimumWages).toEqual([]);
  });

  it("R-JOB-2: the officer's review page, the print pages and a wizard screen", async () => {
    const w = await world();
    const review = await once((d) => readReviewPage(d, { officeCode: "0910", id: w.accepted.id }, TODAY));
    expect(review.trips).toBe(1);
    expect(review.value?.sheet.establishment.officeCode).toBe("0910");
    expect(review.value?.minimumWages).toHaveLength(2);
    expect(review.value?.images).toHaveLength(2);
    // A draft is not the office's yet; another office's posting is not found.
    expect(await once((d) => readReviewPage(d, { officeCode: "0910", id: w.renewal.id }, TODAY))).toEqual({ value: undefined, trips: 1 });
    expect(await once((d) => readReviewPage(d, { officeCode: "0901", id: w.accepted.id }, TODAY))).toEqual({ value: undefined, trips: 1 });

    for (const scope of [
      { establishmentId: w.establishment.id, id: w.accepted.id },
      { officeCode: "0910", id: w.accepted.id },
    ]) {
      const print = await once((d) => readPrintPage(d, scope, TODAY));
      expect(print.trips).toBe(1);
      expect(print.value?.images).toHaveLength(2);
    }

    const screen = await once((d) => readWizardScreen(d, { establishmentId: w.establishment.id, id: w.renewal.id }, TODAY));
    expect(screen.trips).toBe(1);
    expect(screen.value?.sheet.municipalityName).toBe("日光市");
    expect(screen.value?.images).toHaveLength(2);
  });

  it("R-JOB-1, R-JOB-2: the employer's list and the office's 求人の確認 (queue and list; a page past the end shows the last page)", async () => {
    const w = await world();
    const waiting = await createDraft(db(), clock, w.establishment, completePosting());
    await submitForReview(db(), clock, { establishmentId: w.establishment.id }, waiting.id);

    const list = await once((d) => listPostingsOfEstablishment(d, w.establishment.id));
    expect(list.trips).toBe(1);
    expect(list.value).toHaveLength(3);

    const office = await once((d) => readOfficePostingsPage(d, "0910", { status: null, jobNumber: null, page: 1, list: true, today: TODAY }));
    expect(office.trips).toBe(1);
    expect(office.value.queue.rows.map((q) => [q.id, q.kind])).toEqual([[waiting.id, "new"]]);
    expect(office.value.queue).toMatchObject({ total: 1, page: 1, pageCount: 1 });
    expect(office.value.list).toMatchObject({ total: 2, page: 1, pageCount: 1 });
    expect(office.value.list.rows.map((r) => r.id).sort()).toEqual([w.accepted.id, waiting.id].sort());
    const past = await once((d) => readOfficePostingsPage(d, "0910", { status: null, jobNumber: null, page: 9, list: true, today: TODAY }));
    expect(past.trips).toBe(1);
    expect(past.value.list).toMatchObject({ total: 2, page: 1, pageCount: 1 });
    expect(past.value.list.rows).toHaveLength(2);
    const found = await once((d) =>
      readOfficePostingsPage(d, "0910", { status: "accepted", jobNumber: w.accepted.jobNumber, page: 1, list: true, today: TODAY }),
    );
    expect(found.value.list.rows.map((r) => [r.id, r.jobTitle, r.establishmentName])).toEqual([
      [w.accepted.id, completePosting().jobTitle, "株式会社日光ゆば工房"],
    ]);
  });

  it("R-JOB-2: the public search and the public 求人票", async () => {
    const w = await world();
    const search = await once((d) => searchPublicPostings(d, TODAY, {}, 1));
    expect(search.trips).toBe(1);
    expect(search.value.rows.map((r) => r.jobNumber)).toEqual([w.accepted.jobNumber]);
    const detail = await once((d) => readPublicPostingPage(d, TODAY, w.accepted.jobNumber));
    expect(detail.trips).toBe(1);
    expect(detail.value?.sheet.posting.id).toBe(w.accepted.id);
    expect(detail.value?.images).toHaveLength(2);
    expect(await once((d) => readPublicPostingPage(d, TODAY, "09100-99999999"))).toEqual({ value: undefined, trips: 1 });
  });
});

function eqId(id: string) {
  return eq(schema.jobPostings.id, id);
}
