/**
 * R-GATE-3: once a day, just after midnight JST (the daily Cron "5 15 * * *" is 00:05 JST, so "today" is the new day),
 * every open, unrestricted establishment with more than 50 overdue referrals (紹介日 ≤ today − 21, no 採用/不採用/辞退) is
 * restricted, with an お知らせ and a mail, in chunks (models/gates/backlog.server.ts restrictChunk: one grouped statement
 * per chunk). Idempotent: a re-run, or a run overlapping this one, restricts and tells nobody twice; after a crash the
 * next run does what is left. Bounded: at most RESTRICTION_MAX_CHUNKS chunks of 90 (180 000 establishments) per run. Nothing
 * here lifts a restriction: only an officer does (R-GATE-4), and the next run restricts again if the count is still over.
 */
import { restrictOverdueEstablishments } from "../models/gates/backlog.server";
import { mailContext } from "../utils/mail.server";
import type { Job } from "./job.server";

export const backlogRestrictionJob: Job = {
  name: "establishments.backlogRestriction",
  frequency: "daily",
  description: "紹介日から21日以上たっても選考結果が未登録の紹介が50件を超えた事業所のマイページを利用制限し、お知らせとメールで伝える",
  async run({ env, db, clock }) {
    return restrictOverdueEstablishments(db, clock, mailContext(env));
  },
};
