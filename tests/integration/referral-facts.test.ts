/**
 * The SQL twins of rules/referral.ts (utils/facts.server.ts) agree with the rules at the boundaries, and the guard's
 * R-GATE-1 exception (hasOpenSelectionWindow) comes from them.
 */
import { sql } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { newId } from "../../app/lib/ids";
import { isOverdue, isSelectionWindowOpen, type PostingValidity } from "../../app/rules/referral";
import { schema } from "../../app/utils/db.server";
import { hasOpenSelectionWindowSql, referralOverdueSql, selectionWindowOpenSql } from "../../app/utils/facts.server";
import { resetDatabase } from "../helpers/db";
import { createEstablishment, db } from "../helpers/factories";
import { createReferral, createSeeker } from "../helpers/referrals";

beforeEach(resetDatabase);

async function posting(establishmentId: string, validity: PostingValidity) {
  const id = newId();
  await db()
    .insert(schema.jobPostings)
    .values({ id, establishmentId, officeCode: "0910", content: "{}", createdAt: 0, updatedAt: 0, ...validity });
  return { id, establishmentId, officeCode: "0910" };
}

const POSTINGS: PostingValidity[] = [
  { status: "accepted", acceptedOn: "2026-01-10", validUntil: "2026-03-31", invalidatedOn: null },
  { status: "expired", acceptedOn: "2026-01-10", validUntil: "2026-03-31", invalidatedOn: "2026-04-01" },
  { status: "stopped", acceptedOn: "2026-01-10", validUntil: "2026-03-31", invalidatedOn: "2026-03-15" },
  { status: "accepted", acceptedOn: "2026-10-01", validUntil: "2026-12-31", invalidatedOn: null },
];
const DAYS = [
  "2026-03-14",
  "2026-03-15",
  "2026-03-31",
  "2026-04-01",
  "2026-06-30",
  "2026-07-01",
  "2026-07-31",
  "2026-08-01",
  "2027-02-28",
  "2027-03-01",
  "2027-04-01",
];

describe("R-REF-3: the SQL of the selection window is the rule's", () => {
  it("R-REF-3: SQL and rules agree on every boundary day for valid, expired, stopped and not-yet-processed postings", async () => {
    const establishment = await createEstablishment();
    const ids = await Promise.all(POSTINGS.map((p) => posting(establishment.id, p)));
    for (const today of DAYS) {
      const rows = await db()
        .select({ id: schema.jobPostings.id, open: sql<number>`${selectionWindowOpenSql(today)}` })
        .from(schema.jobPostings)
        .all();
      const byId = new Map(rows.map((r) => [r.id, Boolean(r.open)]));
      POSTINGS.forEach((p, i) => expect([today, i, byId.get(ids[i]!.id)]).toEqual([today, i, isSelectionWindowOpen(p, today)]));
    }
  });

  it("R-GATE-1: the exception holds while some referral's posting is inside its window, and ends with the window", async () => {
    const establishment = await createEstablishment();
    const p = await posting(establishment.id, POSTINGS[1]!);
    const open = async (today: string) =>
      Boolean((await db().get<{ open: number }>(sql`SELECT ${hasOpenSelectionWindowSql(establishment.id, today)} AS open`))?.open);
    expect(await open("2026-07-31")).toBe(false); // no referral at all
    await createReferral({ seekerId: (await createSeeker()).id, posting: p, referredOn: "2026-03-01" });
    expect(await open("2026-07-31")).toBe(true);
    expect(await open("2026-08-01")).toBe(false);
  });
});

describe("R-GATE-3: the SQL of an overdue referral is the rule's", () => {
  it("R-GATE-3: day 20 / day 21 and results, in SQL as in the rule", async () => {
    const establishment = await createEstablishment();
    const p = await posting(establishment.id, POSTINGS[3]!);
    const cases = [
      { referredOn: "2026-02-09", status: "screening" },
      { referredOn: "2026-02-08", status: "screening" },
      { referredOn: "2026-01-01", status: "hired" },
      { referredOn: "2026-01-01", status: "rejected" },
      { referredOn: "2026-01-01", status: "declined" },
      // R-GATE-3 (issue 12): an オンライン自主応募 is not a referral of Hello Work's: never counted.
      { referredOn: "2026-01-01", status: "screening", channel: "application" },
    ] as const;
    for (const c of cases) await createReferral({ seekerId: (await createSeeker()).id, posting: p, ...c });
    const rows = await db()
      .select({
        channel: schema.referrals.channel,
        referredOn: schema.referrals.referredOn,
        status: schema.referrals.status,
        overdue: sql<number>`${referralOverdueSql("2026-03-01")}`,
      })
      .from(schema.referrals)
      .all();
    for (const row of rows)
      expect([row.channel, row.referredOn, row.status, Boolean(row.overdue)]).toEqual([row.channel, row.referredOn, row.status, isOverdue(row, "2026-03-01")]);
    expect(rows.filter((r) => r.overdue).length).toBe(1);
  });
});
