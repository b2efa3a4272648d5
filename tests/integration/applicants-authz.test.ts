/**
 * Authorisation matrices over the issue 11 pages of this part (R-REF-1…3): an employer sees and acts on its own
 * establishment's applicants and 紹介状 only (another establishment's are a 404); an officer sees a referral only when
 * the office made it or has the establishment under its 管轄 (other offices: 404), and records results likewise.
 */
import { env } from "cloudflare:test";
import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { fixedClock } from "../../app/lib/clock";
import { versionOf } from "../../app/models/applicants.server";
import { getDb, schema } from "../../app/utils/db.server";
import { checkAuthorisationMatrix, describeMatrixFailures } from "../helpers/authz";
import { NOW, setWorkerNow } from "../helpers/clock";
import { seedReference } from "../helpers/factories";
import { openMyPage } from "../helpers/mypage";
import { acceptedPosting } from "../helpers/postings";
import { createReferral, createSeeker } from "../helpers/referrals";
import { signedInOfficer } from "../helpers/staff";
import { workerFetch } from "../helpers/worker";

const db = () => getDb(env);

beforeEach(async () => {
  await setWorkerNow(NOW);
});

async function changed(id: string) {
  const row = await db().select({ status: schema.referrals.status }).from(schema.referrals).where(eq(schema.referrals.id, id)).get();
  return row?.status !== "screening";
}

describe("R-REF-2, R-REF-3 (issue 11): who sees and acts on a referral", () => {
  it("R-REF-2, R-REF-3, R-REF-1: an employer gets its own applicants, 紹介状 and result form only — another establishment's are a 404", async () => {
    const yuba = await openMyPage();
    const hotel = await openMyPage({ name: "鬼怒川リバーサイドホテル株式会社", email: "jinji@kinugawa-hotel.example.jp" });
    const seeker = await createSeeker({ name: "架空 秘密子" });
    const referral = await createReferral({ seekerId: seeker.id, posting: await acceptedPosting(yuba), referredOn: "2026-11-20" });
    // The other establishment has a valid posting too, so R-GATE-1 is not what refuses it.
    await acceptedPosting(hotel);
    const row = (await db().select().from(schema.referrals).where(eq(schema.referrals.id, referral.id)).get())!;
    const actors = [{ name: "anonymous" }, { name: "yuba", cookie: yuba.cookie }, { name: "hotel", cookie: hotel.cookie }];
    const failures = await checkAuthorisationMatrix(actors, [
      { name: "applicant", path: `/mypage/applicants/${referral.id}`, owners: ["yuba"], secret: "架空 秘密子" },
      { name: "letter", path: `/mypage/applicants/${referral.id}/letter`, owners: ["yuba"], secret: "架空 秘密子" },
    ]);
    expect(describeMatrixFailures(failures)).toBe("");
    // The list answers every employer, with its own rows only.
    const list = await workerFetch(`/mypage/applicants?posting=${referral.postingId}`, { cookie: hotel.cookie });
    expect(list.status).toBe(200);
    expect(await list.text()).not.toContain("架空 秘密子");
    const actionFailures = await checkAuthorisationMatrix(
      actors.filter((a) => a.name !== "yuba"),
      [
        {
          name: "result",
          method: "POST",
          path: `/mypage/applicants/${referral.id}`,
          body: { version: versionOf(row), result: "rejected", conditionsDiffer: "false" },
          owners: [],
          secret: "架空 秘密子",
          changed: () => changed(referral.id),
        },
      ],
    );
    expect(describeMatrixFailures(actionFailures)).toBe("");
  });

  it("R-REF-3, R-REF-1: an officer sees a referral of the office or of its 管轄 — other offices get a 404, and employers never reach the staff pages", async () => {
    await seedReference();
    await db().insert(schema.offices).values({ code: "0902", jobNumberPrefix: "09020", name: "ハローワーク鹿沼", prefectureCode: "09", phone: "0289-00-0000" });
    const yuba = await openMyPage();
    const posting = await acceptedPosting(yuba);
    const local = await createReferral({ seekerId: (await createSeeker({ name: "架空 日光子" })).id, posting, referredOn: "2026-11-20" });
    const fromUtsunomiya = await createReferral({
      seekerId: (await createSeeker({ name: "架空 宇都宮子", officeCode: "0901" })).id,
      posting,
      referredOn: "2026-11-20",
      officeCode: "0901",
    });
    const clock = fixedClock(NOW);
    const actors = [
      { name: "anonymous" },
      { name: "employer", cookie: yuba.cookie },
      { name: "nikko", cookie: (await signedInOfficer("0910", clock)).cookie },
      { name: "utsunomiya", cookie: (await signedInOfficer("0901", clock)).cookie },
      { name: "kanuma", cookie: (await signedInOfficer("0902", clock)).cookie },
    ];
    const failures = await checkAuthorisationMatrix(
      actors.filter((a) => a.name !== "employer"),
      [
        { name: "local referral", path: `/staff/referrals/${local.id}`, owners: ["nikko"], secret: "架空 日光子" },
        { name: "local letter", path: `/staff/referrals/${local.id}/letter`, owners: ["nikko"], secret: "架空 日光子" },
        { name: "referral from 宇都宮", path: `/staff/referrals/${fromUtsunomiya.id}`, owners: ["nikko", "utsunomiya"], secret: "架空 宇都宮子" },
        { name: "letter from 宇都宮", path: `/staff/referrals/${fromUtsunomiya.id}/letter`, owners: ["nikko", "utsunomiya"], secret: "架空 宇都宮子" },
      ],
    );
    expect(describeMatrixFailures(failures)).toBe("");
    const row = (await db().select().from(schema.referrals).where(eq(schema.referrals.id, local.id)).get())!;
    const actionFailures = await checkAuthorisationMatrix(
      actors.filter((a) => a.name === "utsunomiya" || a.name === "kanuma" || a.name === "anonymous"),
      [
        {
          name: "辞退",
          method: "POST",
          path: `/staff/referrals/${local.id}`,
          body: { version: versionOf(row), intent: "declined", declinedOn: "2026-11-25" },
          owners: [],
          secret: "架空 日光子",
          changed: () => changed(local.id),
        },
      ],
    );
    expect(describeMatrixFailures(actionFailures)).toBe("");
    // The employer's session is not a staff session: the staff page sends it to the staff sign-in.
    const res = await workerFetch(`/staff/referrals/${local.id}`, { cookie: yuba.cookie });
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toMatch(/^\/staff\/login\?/);
  });
});
