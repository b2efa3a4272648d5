/**
 * D1 round trips per page (issue 8 §5): on Cloudflare each call to D1 is a network hop to the database's
 * primary, so every page reads what its guard needs (session, account, establishment, office, consent, the
 * capability facts) and its own data in at most two round trips. Counted through an instrumented binding
 * (tests/helpers/d1-count.ts), page by page over the catalogue of every route (tests/helpers/pages.ts).
 */
import { beforeEach, describe, expect, it } from "vitest";
import { countingD1 } from "../helpers/d1-count";
import { buildWorld, pageCatalogue, uncataloguedRoutes, type World } from "../helpers/pages";
import { callWorker, ORIGIN } from "../helpers/worker";

const MAX_ROUND_TRIPS = 2;

let world: World;
beforeEach(async () => {
  world = await buildWorld();
});

async function roundTrips(path: string, cookie: string | undefined) {
  const counter = countingD1();
  const headers = new Headers({ Host: new URL(ORIGIN).host });
  if (cookie) headers.set("Cookie", cookie);
  const res = await callWorker(new Request(new URL(path, ORIGIN), { headers, redirect: "manual" }), { DB: counter.db });
  await res.arrayBuffer();
  return { status: res.status, location: res.headers.get("Location"), count: counter.count(), log: counter.log() };
}

/** Each page's status and round trips, one page after the other. */
async function answersOf(pages: { path: string; cookie: string | undefined }[]) {
  const answers = [];
  for (const page of pages) {
    const result = await roundTrips(page.path, page.cookie);
    answers.push({ path: page.path, status: result.status, count: result.count });
  }
  return answers;
}

describe("D1 round trips", () => {
  it("every route of the build is in the page catalogue (or listed as not a page)", () => {
    expect(uncataloguedRoutes(world)).toEqual([]);
  });

  it(`every page answers in at most ${MAX_ROUND_TRIPS} round trips`, async () => {
    const report: string[] = [];
    for (const page of pageCatalogue(world)) {
      const result = await roundTrips(page.path, world.cookies[page.actor]);
      const line = `${result.count} ${result.status} ${page.path} (${page.actor})`;
      const ok = result.count <= MAX_ROUND_TRIPS && result.status === (page.status ?? 200);
      report.push(!ok ? `${line}\n    ${result.log.join("\n    ")}${result.location ? `\n    → ${result.location}` : ""}` : line);
    }
    console.log(report.join("\n"));
    const over = report.filter((l) => l.includes("\n"));
    expect(over).toEqual([]);
  }, 120_000);

  // Issue 14 (`npm run bench` target: one): lists whose reads were folded into the guard's batch.
  it("issue 14: the login accounts, the images, the officers' menu, the 事業所情報の変更 queue and the 認証アプリ登録コード page answer in one round trip", async () => {
    const pages = [
      { path: "/mypage/accounts", cookie: world.cookies.employer },
      { path: "/mypage/images", cookie: world.cookies.employer },
      { path: "/staff", cookie: world.cookies.staff },
      { path: "/staff/establishment-changes", cookie: world.cookies.staff },
      { path: "/staff/enrolment", cookie: world.cookies.supervisor },
    ];
    expect(await answersOf(pages)).toEqual(pages.map((p) => ({ path: p.path, status: 200, count: 1 })));
  });

  // Issue 14: the posting pages, the officers' lists and the second-factor page hand their reads to the guard's batch.
  it("issue 14: every catalogued path of the posting pages, the officers' lists and /staff/login/totp answers in one round trip", async () => {
    const routes = new Set([
      "mypage/postings",
      "mypage/postings/new",
      "mypage/postings/:id",
      "mypage/postings/:id/step/:step",
      "mypage/postings/:id/print",
      "staff/postings",
      "staff/postings/:id",
      "staff/postings/:id/print",
      "staff/images",
      "staff/provisional",
      "staff/establishments",
      "staff/login/totp",
    ]);
    const pages = pageCatalogue(world).filter((p) => routes.has(p.route));
    expect(new Set(pages.map((p) => p.route))).toEqual(routes);
    const answers = await answersOf(pages.map((p) => ({ path: p.path, cookie: world.cookies[p.actor] })));
    expect(answers).toEqual(pages.map((p) => ({ path: p.path, status: p.status ?? 200, count: 1 })));
  }, 60_000);
});
