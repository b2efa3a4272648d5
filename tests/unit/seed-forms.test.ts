/**
 * Issue 10 (産業分類 and the demo data): every seeded establishment and 求人 (scripts/lib/demo-data.ts,
 * scripts/lib/demo-postings.ts, and issue 11's scripts/lib/demo-referrals.ts — what `npm run dev` loads) passes, unchanged, every form it is shown in, so that the
 * demo never refuses a field its user did not touch.
 * - An establishment: its current values as the 事業所情報の変更 page pre-fills them (currentFormValues), posted back
 *   through the establishment form schema with the 産業分類 of data/reference/industries.csv — the schema of the
 *   employer's change, the officer's 事業所登録 and 本登録, and the online 仮登録 (one schema: establishmentSchemaFor).
 * - The online 仮登録: its stored JSON as the officer's 本登録 form pre-fills it (establishmentFormDefaults).
 * - A 求人: every screen's values (stepFormValues) through that screen's schema, and no red finding of the rules on
 *   the tests' "today" (NOW, 2026-11-26) — drafts are checked against the legal rules only (their 必須 items may still
 *   be open: the draft resumes at its screen).
 */
import { parseWithZod } from "@conform-to/zod/v4";
import { describe, expect, it } from "vitest";
import industriesCsv from "../../data/reference/industries.csv?raw";
import { addDays, jstDate } from "../../app/lib/clock";
import { corporateNumberCheckDigit } from "../../app/lib/identifiers";
import { parseIndustryCsv } from "../../app/lib/industry";
import { establishmentSchemaFor } from "../../app/lib/schemas/establishment";
import { formEntries, STEP_SCHEMAS, stepFormValues, type StepNumber } from "../../app/lib/schemas/posting";
import { currentFormValues } from "../../app/models/establishment-change.server";
import { establishmentFormDefaults } from "../../app/models/provisional.server";
import { reviewPosting, validatePosting, validUntil } from "../../app/rules/posting";
import type { schema } from "../../app/utils/db.server";
import { DEMO_ESTABLISHMENTS, DEMO_PROVISIONAL, type DemoEstablishment } from "../../scripts/lib/demo-data";
import { ALL_DEMO_POSTINGS, REFERRAL_ESTABLISHMENTS } from "../../scripts/lib/demo-referrals";
import { NOW } from "../helpers/clock";
import { MINIMUM_WAGES } from "./posting-fixture";

const INDUSTRIES = parseIndustryCsv(industriesCsv);
const TODAY = jstDate(new Date(NOW).getTime()); // 2026-11-26

function formData(entries: Iterable<[string, string]>): FormData {
  const fd = new FormData();
  for (const [name, value] of entries) fd.append(name, value);
  return fd;
}

/** The establishment row scripts/seed.ts inserts for a demo establishment. */
function seededRow(e: DemoEstablishment): typeof schema.establishments.$inferSelect {
  return {
    id: e.id,
    officeCode: e.officeCode,
    establishmentNumber: null,
    status: e.status,
    name: e.name,
    nameKana: e.nameKana,
    corporateNumber: e.corporateBase12 ? `${corporateNumberCheckDigit(e.corporateBase12)}${e.corporateBase12}` : null,
    postalCode: e.postalCode,
    prefectureCode: "09",
    municipalityCode: e.municipalityCode,
    address: e.address,
    phone: e.phone,
    industry: e.industry,
    employees: e.employees,
    representativeTitle: e.representativeTitle,
    representativeName: e.representativeName,
    restrictedAt: null,
    restrictionLiftedAt: null,
    restrictionLiftedBy: null,
    unusableReason: e.unusableReason ?? null,
    unusableAt: null,
    withdrawnAt: null,
    closedAt: null,
    relocatedToOfficeCode: null,
    createdAt: 0,
    updatedAt: 0,
  };
}

function establishmentErrors(values: Record<string, string>) {
  const submission = parseWithZod(formData(Object.entries(values)), { schema: establishmentSchemaFor(INDUSTRIES) });
  return submission.status === "success" ? {} : submission.error;
}

describe("issue 10: the demo data passes the forms it is shown in", () => {
  it("the 産業分類 file has the 20 大分類 A–T and the 99 中分類 01–99 of 日本標準産業分類 (食料品製造業 is 09 under E 製造業)", () => {
    expect(new Set(INDUSTRIES.map((g) => g.divisionCode)).size).toBe(20);
    expect(INDUSTRIES.map((g) => g.code)).toEqual(Array.from({ length: 99 }, (_, i) => String(i + 1).padStart(2, "0")));
    expect(INDUSTRIES.find((g) => g.code === "09")).toEqual({ code: "09", name: "食料品製造業", divisionCode: "E", divisionName: "製造業" });
  });

  for (const e of [...DEMO_ESTABLISHMENTS, ...REFERRAL_ESTABLISHMENTS]) {
    it(`R-OPEN-1 (issue 10): ${e.name} — its 事業所情報, posted back unchanged, passes the establishment form`, () => {
      expect(
        INDUSTRIES.map((g) => g.code),
        "the seed stores a 中分類 code of the classification",
      ).toContain(e.industry);
      const values = currentFormValues(seededRow(e), INDUSTRIES);
      expect(establishmentErrors(values)).toEqual({});
    });
  }

  it("R-OPEN-8 (issue 10): the online 仮登録, as the officer's 本登録 form pre-fills it, passes the establishment form", () => {
    expect(establishmentErrors(establishmentFormDefaults(JSON.stringify(DEMO_PROVISIONAL.data), INDUSTRIES))).toEqual({});
  });

  const contents = ALL_DEMO_POSTINGS.flatMap((p) => [
    { posting: p, label: p.content.jobTitle, content: p.content },
    ...(p.change ? [{ posting: p, label: `${p.change.jobTitle}（内容変更）`, content: p.change }] : []),
  ]);
  for (const { posting, label, content } of contents) {
    it(`R-JOB-1 (issue 10): ${label} (${posting.status}) — every screen's schema accepts it unchanged; no red finding on ${TODAY}`, () => {
      for (const step of [1, 2, 3, 4, 5, 6, 7, 8] as StepNumber[]) {
        const submission = parseWithZod(formData(formEntries(stepFormValues(step, content))), { schema: STEP_SCHEMAS[step] });
        expect(submission.status === "success" ? {} : submission.error, `screen ${step}`).toEqual({});
      }
      const acceptedOn = posting.acceptedDaysAgo === undefined ? undefined : addDays(TODAY, -posting.acceptedDaysAgo);
      const context = {
        today: TODAY,
        minimumWages: MINIMUM_WAGES,
        validUntil: acceptedOn && posting.status === "accepted" ? validUntil(acceptedOn, { universityGraduate: content.universityGraduate }) : undefined,
      };
      const findings = posting.status === "draft" ? validatePosting(content, context) : reviewPosting(content, context);
      expect(findings.filter((f) => f.severity === "error").map((f) => `${f.field}: ${f.message}`)).toEqual([]);
    });
  }
});
