/**
 * The load generator of `npm run load` (scripts/lib/load.ts), small: 4 simulated users — employers, an officer and
 * a seeker — against the Worker in this isolate over a few fixtures, mixing their pages with their writes (draft 一時保存,
 * 選考結果, messages both ways, 紹介). No error, and every write the app acknowledged is a row in the database.
 */
import { env } from "cloudflare:test";
import { beforeEach, describe, expect, it } from "vitest";
import { newId } from "../../app/lib/ids";
import { schema } from "../../app/utils/db.server";
import { checkWrites, countWrites, prepareLoadUsers, WRITE_KINDS } from "../../scripts/lib/load-users.ts";
import { errorsOf, formatReport, runLoad } from "../../scripts/lib/load.ts";
import { NOW, setWorkerNow } from "../helpers/clock";
import { createStaffAccount, db } from "../helpers/factories";
import { openMyPage } from "../helpers/mypage";
import { acceptedPosting } from "../helpers/postings";
import { createReferral, createSeeker } from "../helpers/referrals";
import { seekerWithLogin } from "../helpers/seeker-auth";
import { callWorker, ORIGIN } from "../helpers/worker";

beforeEach(async () => {
  await setWorkerNow(NOW);
});

/**
 * An establishment with a valid posting, a seeker with a 求職者マイページ referred to it and their conversation, two more
 * referrals, and two seekers not yet referred (for the officer).
 */
async function world() {
  const page = await openMyPage();
  const posting = await acceptedPosting(page);
  const { seeker } = await seekerWithLogin();
  await createReferral({ seekerId: seeker.id, posting, referredOn: "2026-11-20" });
  for (let i = 0; i < 2; i++) await createReferral({ seekerId: (await createSeeker()).id, posting, referredOn: "2026-11-24" });
  for (let i = 0; i < 2; i++) await createSeeker({ name: `架空 次郎${i}` });
  await createStaffAccount("0910");
  const at = new Date(NOW).getTime();
  await db()
    .insert(schema.messageThreads)
    .values({ id: newId(), establishmentId: page.establishment.id, seekerId: seeker.id, postingId: posting.id, createdAt: at, lastMessageAt: at });
}

/** The Worker in this isolate, called with the Host header a browser sends (Remix compares it with Origin on a POST). */
function asBrowser(request: Request): Promise<Response> {
  const headers = new Headers(request.headers);
  headers.set("Host", new URL(ORIGIN).host);
  return callWorker(new Request(request, { headers }));
}

describe("issue 14: load", () => {
  it("issue 14: load — 4 users (2 employers sharing an establishment, an officer, a seeker) mixing reads and writes: 0 errors, every acknowledged write stored", async () => {
    await world();
    const users = await prepareLoadUsers(env.DB, { employers: 2, officers: 1, seekers: 1 }, new Date(NOW).getTime());
    const before = await countWrites(env.DB);
    const report = await runLoad({
      fetch: asBrowser,
      baseUrl: ORIGIN,
      users,
      seconds: 20,
      maxRequestsPerUser: 8,
      readsPerRound: 1,
      today: "2026-11-26",
      tag: "issue14",
    });
    const checks = checkWrites(report.writes, before, await countWrites(env.DB));

    expect(errorsOf(report), formatReport(report, checks)).toEqual([]);
    // Every kind of write was made and acknowledged, and each is a row.
    for (const kind of WRITE_KINDS) expect(report.writes[kind], kind).toBeGreaterThan(0);
    for (const c of checks) expect(c.stored, c.kind).toBe(c.acknowledged);
    expect(report.samples.length).toBeGreaterThanOrEqual(users.length * 8);
  });
});
