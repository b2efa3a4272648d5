/**
 * A Worker that runs one daily job per request (issue 14, scripts/bench/jobs.ts starts it with `wrangler dev` over a
 * copy of the generated state): the app's real job objects, with the D1 binding counted. `GET /?job=backlog&now=ISO`
 * → `{ processed, statements, trips, ms }` (ms: the Worker's own clock, which only advances on I/O). Not part of the app.
 */
import { drizzle } from "drizzle-orm/d1";
import * as schema from "../../db/schema";
import { backlogRestrictionJob } from "../../app/jobs/backlog-restriction.server";
import { establishmentErasureJob } from "../../app/jobs/establishment-erasure.server";
import type { Job } from "../../app/jobs/job.server";
import { messageErasureJob } from "../../app/jobs/message-retention.server";
import { postingExpiryJob } from "../../app/jobs/posting-expiry.server";
import { fixedClock } from "../../app/lib/clock";
import { countingD1, type D1Counter } from "./d1-counter";

const JOBS: Record<string, Job> = {
  backlog: backlogRestrictionJob,
  expiry: postingExpiryJob,
  messages: messageErasureJob,
  erasure: establishmentErasureJob,
};

export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    const url = new URL(request.url);
    const job = JOBS[url.searchParams.get("job") ?? ""];
    if (!job) return new Response("ready");
    const counter: D1Counter = { trips: 0, statements: 0 };
    const db = drizzle(countingD1(env.DB, counter), { schema });
    const started = Date.now();
    const processed = await job.run({ env, db, clock: fixedClock(url.searchParams.get("now") ?? Date.now()) });
    return Response.json({ processed, statements: counter.statements, trips: counter.trips, ms: Date.now() - started });
  },
};
