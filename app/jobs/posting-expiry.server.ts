/**
 * R-JOB-4: every day, accepted postings whose 紹介期限 has passed become 無効 with their 求人無効日 recorded, and the
 * establishment gets an お知らせ and a mail. Bounded chunks; a second run finds nothing more to do. (The public search
 * and capability checks compare the 紹介期限 with today themselves, so a posting is down at midnight even before this
 * job runs.)
 */
import type { Clock } from "../lib/clock";
import { expirePostings, MAX_STATEMENTS_PER_POSTING } from "../models/posting/expiry.server";
import type { Db } from "../utils/db.server";
import type { MailContext } from "../mail/templates";
import { mailContext } from "../utils/mail.server";
import { D1_QUERIES_PER_INVOCATION, type Job } from "./job.server";

export const POSTING_EXPIRY_CHUNK = 40;

/**
 * Expires due postings chunk after chunk within one invocation's budget of D1 queries (issue 14: the benchmark's
 * heaviest run sent 4 712 statements; D1 allows 1 000 queries per Worker invocation on Workers Paid, counted here in
 * the strict reading, every statement of a batch). A backlog beyond the budget goes on at the next run; the public
 * search and the capabilities already compare the 紹介期限 with today, so a posting still waiting is down anyway.
 */
export async function expireDuePostings(db: Db, clock: Clock, mail: MailContext, { chunk = POSTING_EXPIRY_CHUNK, budget = D1_QUERIES_PER_INVOCATION } = {}) {
  let expired = 0;
  let statements = 0;
  for (;;) {
    const round = await expirePostings(db, clock, mail, chunk);
    expired += round.expired;
    statements += round.statements;
    if (round.found < chunk) break;
    // Another full chunk of the largest kind (every posting with a lapsed extension request, sent a second time posting by
    // posting after a lost race) must fit in the budget.
    if (statements + 2 * chunk * MAX_STATEMENTS_PER_POSTING + 2 > budget) break;
  }
  return { expired, statements };
}

export const postingExpiryJob: Job = {
  name: "postings.expire",
  frequency: "daily",
  description: "紹介期限を過ぎた求人を無効にし、求人無効日を記録する",
  async run({ env, db, clock }) {
    return (await expireDuePostings(db, clock, mailContext(env))).expired;
  },
};
