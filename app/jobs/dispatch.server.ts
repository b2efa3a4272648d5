import { eq } from "drizzle-orm";
import { formatJstDateTime, jstDate, type Clock } from "../lib/clock";
import { newId } from "../lib/ids";
import { getDb, schema } from "../utils/db.server";
import { ALL_JOBS, SCHEDULES, type Job } from "./registry.server";

export interface JobOutcome {
  job: string;
  processed: number;
  error: string | null;
}

/** Runs one job and records the run in `job_runs`. A failing job is recorded, never thrown. */
export async function runJob(job: Job, env: Env, clock: Clock): Promise<JobOutcome> {
  const db = getDb(env);
  const id = newId();
  let processed = 0;
  let error: string | null = null;
  try {
    await db.insert(schema.jobRuns).values({
      id,
      job: job.name,
      runKey: job.frequency === "daily" ? jstDate(clock.now()) : formatJstDateTime(clock.now()),
      startedAt: clock.now().getTime(),
    });
    processed = await job.run({ env, db, clock });
  } catch (e) {
    error = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
    console.error(`job ${job.name} failed`, e);
  }
  try {
    await db.update(schema.jobRuns).set({ finishedAt: clock.now().getTime(), processed, error }).where(eq(schema.jobRuns.id, id));
  } catch (e) {
    console.error(`job ${job.name}: could not record the run`, e);
  }
  return { job: job.name, processed, error };
}

/** The `scheduled()` handler's whole work: run the jobs of the cron that fired. */
export async function dispatchCron(cron: string, env: Env, clock: Clock): Promise<JobOutcome[]> {
  const jobs = SCHEDULES[cron];
  if (!jobs) {
    console.error(`no jobs for cron "${cron}"`);
    return [];
  }
  const outcomes: JobOutcome[] = [];
  for (const job of jobs) outcomes.push(await runJob(job, env, clock));
  return outcomes;
}

export function findJob(name: string): Job | undefined {
  return ALL_JOBS.find((j) => j.name === name);
}
