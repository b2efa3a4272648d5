/**
 * R-JOB-4: every day, accepted postings whose 紹介期限 has passed become 無効 with their 求人無効日 recorded, and the
 * establishment gets an お知らせ and a mail. Bounded chunks; a second run finds nothing more to do. (The public search
 * and capability checks compare the 紹介期限 with today themselves, so a posting is down at midnight even before this
 * job runs.)
 */
import { expirePostings } from "../models/posting/expiry.server";
import { mailContext } from "../utils/mail.server";
import type { Job } from "./job.server";

export const POSTING_EXPIRY_CHUNK = 40;

export const postingExpiryJob: Job = {
  name: "postings.expire",
  frequency: "daily",
  description: "紹介期限を過ぎた求人を無効にし、求人無効日を記録する",
  async run({ env, db, clock }) {
    const mail = mailContext(env);
    let total = 0;
    for (let round = 0; round < 50; round++) {
      const { found, expired } = await expirePostings(db, clock, mail, POSTING_EXPIRY_CHUNK);
      total += expired;
      if (found < POSTING_EXPIRY_CHUNK) break;
    }
    return total;
  },
};
