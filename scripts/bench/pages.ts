/**
 * The pages the bench opens: the catalogue of every route (tests/helpers/page-catalogue.ts) over the world picked from
 * the generated data, each fetched once from the Worker under `wrangler dev --var D1_COUNT:1` — its status, its D1
 * round trips and statements (the Worker's counting wrapper, app/utils/d1-count.server.ts), what each trip was, and
 * the HTML it sent.
 */
import { pageCatalogue, type Actor, type PageEntry, type World } from "../../tests/helpers/page-catalogue.ts";

/** What a page's path holds in place of a record the data does not have (the page is then skipped). */
export const MISSING = "missing";

export interface PageResult {
  entry: PageEntry;
  status: number;
  roundTrips: number;
  statements: number;
  trips: string[];
  html: string;
}

/** The catalogue's pages the bench can open: those whose records the data has and whose actor could sign in. */
export function benchPages(world: World): { pages: PageEntry[]; skipped: PageEntry[] } {
  const pages: PageEntry[] = [];
  const skipped: PageEntry[] = [];
  for (const entry of pageCatalogue(world)) {
    const openable = !entry.path.includes(MISSING) && (entry.actor === "anonymous" || world.cookies[entry.actor] !== undefined);
    (openable ? pages : skipped).push(entry);
  }
  return { pages, skipped };
}

/** Signed-in actors: their pages are the ones that must read in one round trip. */
export function isAuthenticated(actor: Actor): boolean {
  return actor !== "anonymous";
}

export async function openPage(baseUrl: string, entry: PageEntry, cookie: string | undefined): Promise<PageResult> {
  const headers: Record<string, string> = {};
  if (cookie) headers.Cookie = cookie;
  const res = await fetch(new URL(entry.path, baseUrl), { headers, redirect: "manual" });
  const html = await res.text();
  const trips = res.headers.get("X-D1-Trips");
  return {
    entry,
    status: res.status,
    roundTrips: Number(res.headers.get("X-D1-Round-Trips") ?? Number.NaN),
    statements: Number(res.headers.get("X-D1-Statements") ?? Number.NaN),
    trips: trips ? trips.split(" | ") : [],
    html,
  };
}

export async function openPages(baseUrl: string, world: World, pages: readonly PageEntry[]): Promise<PageResult[]> {
  const results: PageResult[] = [];
  // One at a time: the pages share the machine with nothing of the bench's own.
  for (const entry of pages) results.push(await openPage(baseUrl, entry, world.cookies[entry.actor]));
  return results;
}
