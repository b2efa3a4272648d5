import { env } from "cloudflare:test";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { JOB_NUMBER } from "../../app/lib/identifiers";
import { manualClock } from "../../app/lib/clock";
import { createDraft } from "../../app/models/posting/drafts.server";
import { acceptPosting } from "../../app/models/posting/review.server";
import { getDb, schema } from "../../app/utils/db.server";
import { createEstablishment, createStaffAccount } from "../helpers/factories";
import { submitForReview, testMail } from "../helpers/postings";
import { completePosting } from "../unit/posting-fixture";

async function submittedPosting(clock: ReturnType<typeof manualClock>, options: { universityGraduate?: boolean } = {}) {
  const db = getDb(env);
  const establishment = await createEstablishment();
  // A complete 求人票: 受理 refuses one with a red finding (R-JOB-2).
  const posting = await createDraft(db, clock, establishment, completePosting(), options);
  expect(await submitForReview(db, clock, { establishmentId: establishment.id }, posting.id)).toBe(true);
  return posting;
}

describe("受理 (R-JOB-2)", () => {
  it("R-JOB-2: acceptance issues the office's 求人番号 and validity to the end of the month after next (2025-12-31 → 2026-02-28)", async () => {
    const db = getDb(env);
    const clock = manualClock("2025-12-31T16:00:00+09:00");
    const officer = await createStaffAccount("0910");
    const posting = await submittedPosting(clock);
    const accepted = await acceptPosting(db, clock, { staffId: officer.id, officeCode: "0910" }, posting.id, testMail());
    expect(accepted).toEqual({ ok: true, jobNumber: "09100-00000001", acceptedOn: "2025-12-31", validUntil: "2026-02-28" });
    const row = await db.select().from(schema.jobPostings).where(eq(schema.jobPostings.id, posting.id)).get();
    expect(row).toMatchObject({ status: "accepted", jobNumber: "09100-00000001", validUntil: "2026-02-28", publishedContent: row!.content });
    const audit = await db.select().from(schema.auditLog).where(eq(schema.auditLog.subjectId, posting.id)).all();
    expect(audit.map((a) => a.action).filter((a) => a !== "posting.draft")).toEqual(["posting.accept"]);
  });

  it("R-JOB-2: a 大卒等 posting is valid to 31 March", async () => {
    const db = getDb(env);
    const clock = manualClock("2026-05-15T10:00:00+09:00");
    const officer = await createStaffAccount("0910");
    const posting = await submittedPosting(clock, { universityGraduate: true });
    const accepted = await acceptPosting(db, clock, { staffId: officer.id, officeCode: "0910" }, posting.id, testMail());
    expect(accepted.ok && accepted.validUntil).toBe("2027-03-31");
  });

  it("R-JOB-2: two acceptances racing get different 求人番号", async () => {
    const db = getDb(env);
    const clock = manualClock("2026-11-26T10:00:00+09:00");
    const a = await createStaffAccount("0910");
    const b = await createStaffAccount("0910");
    const postings = await Promise.all([submittedPosting(clock), submittedPosting(clock), submittedPosting(clock), submittedPosting(clock)]);
    const results = await Promise.all(postings.map((p, i) => acceptPosting(db, clock, { staffId: (i % 2 ? a : b).id, officeCode: "0910" }, p.id, testMail())));
    const numbers = results.map((r) => (r.ok ? r.jobNumber : null));
    expect(new Set(numbers).size).toBe(4);
    for (const n of numbers) expect(n).toMatch(JOB_NUMBER);
  });

  it("R-JOB-2: the same posting accepted twice at once is accepted once; an officer of another office cannot accept it", async () => {
    const db = getDb(env);
    const clock = manualClock("2026-11-26T10:00:00+09:00");
    const nikko = await createStaffAccount("0910");
    const utsunomiya = await createStaffAccount("0901");
    const posting = await submittedPosting(clock);
    expect(await acceptPosting(db, clock, { staffId: utsunomiya.id, officeCode: "0901" }, posting.id, testMail())).toMatchObject({ ok: false });
    const both = await Promise.all([
      acceptPosting(db, clock, { staffId: nikko.id, officeCode: "0910" }, posting.id, testMail()),
      acceptPosting(db, clock, { staffId: nikko.id, officeCode: "0910" }, posting.id, testMail()),
    ]);
    expect(both.filter((r) => r.ok)).toHaveLength(1);
    const audit = await db.select().from(schema.auditLog).where(eq(schema.auditLog.subjectId, posting.id)).all();
    expect(audit.filter((a) => a.action === "posting.accept")).toHaveLength(1);
  });
});
