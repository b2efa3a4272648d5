import { env } from "cloudflare:test";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { fixedClock } from "../../app/lib/clock";
import { auditStatement } from "../../app/utils/audit.server";
import { getDb, schema } from "../../app/utils/db.server";

describe("audit log", () => {
  it("R-AUDIT-1: is written in the same batch as the change and the database refuses UPDATE and DELETE", async () => {
    const db = getDb(env);
    const clock = fixedClock("2026-11-26T10:00:00+09:00");
    await db.batch([
      db.insert(schema.settings).values({ key: "audited-change", value: "1" }),
      auditStatement(db, clock, {
        actorType: "staff",
        actorId: "staff-1",
        action: "test.change",
        subjectType: "setting",
        subjectId: "audited-change",
        officeCode: "0910",
        details: { value: "1" },
      }),
    ]);
    const [entry] = await db.select().from(schema.auditLog).where(eq(schema.auditLog.action, "test.change")).all();
    expect(entry).toMatchObject({ actorType: "staff", subjectId: "audited-change", at: clock.now().getTime() });

    await expect(env.DB.prepare("UPDATE audit_log SET action = 'tampered' WHERE id = ?").bind(entry!.id).run()).rejects.toThrow(/append-only/);
    await expect(env.DB.prepare("DELETE FROM audit_log WHERE id = ?").bind(entry!.id).run()).rejects.toThrow(/append-only/);
    await expect(db.delete(schema.auditLog)).rejects.toThrow();

    const [still] = await db.select().from(schema.auditLog).where(eq(schema.auditLog.id, entry!.id)).all();
    expect(still!.action).toBe("test.change");
  });

  it("R-AUDIT-1: a batch whose change fails leaves no audit row behind (one transaction)", async () => {
    const db = getDb(env);
    const clock = fixedClock("2026-11-26T10:00:00+09:00");
    await db.insert(schema.settings).values({ key: "dup", value: "1" });
    await expect(
      db.batch([
        auditStatement(db, clock, { actorType: "system", action: "test.rollback", subjectType: "setting" }),
        db.insert(schema.settings).values({ key: "dup", value: "2" }), // primary-key violation
      ]),
    ).rejects.toThrow();
    expect(await db.select().from(schema.auditLog).where(eq(schema.auditLog.action, "test.rollback")).all()).toEqual([]);
  });
});
