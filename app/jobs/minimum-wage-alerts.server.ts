/**
 * Issue 10 #3 (R-JOB-1; ADR 0015): every day, the postings of each prefecture with a revision taking effect today or
 * later (or with alerts) are re-checked against its minimum wages: an alert becomes due on 発効日 − 7 days and the
 * employer is told then (once), alerts of withdrawn or corrected revisions, of raised wages and of ended postings go.
 * The 公開保留 from the 発効日 needs no run: the public search compares the alert's 発効日 with today itself.
 */
import { todayJst } from "../lib/clock";
import { prefecturesToRecheck, recheckMinimumWageAlerts } from "../models/minimum-wage-alerts.server";
import { mailContext } from "../utils/mail.server";
import type { Job } from "./job.server";

export const minimumWageAlertsJob: Job = {
  name: "postings.minimumWageAlerts",
  frequency: "daily",
  description: "最低賃金の改定を下回る有効中・申込み中の求人を確認し、発効日の7日前から事業所に内容変更をお願いする",
  async run({ env, db, clock }) {
    const mail = mailContext(env);
    let total = 0;
    for (const prefectureCode of await prefecturesToRecheck(db, todayJst(clock))) {
      const { changed, notified } = await recheckMinimumWageAlerts(db, clock, mail, prefectureCode);
      total += changed + notified;
    }
    return total;
  },
};
