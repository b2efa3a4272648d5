/**
 * R-MSG-3: once a day (00:05 JST, with the other daily jobs) the messages sent more than a year ago are erased, in
 * bounded chunks, idempotently (models/message-retention.server.ts). The threads stay.
 */
import { eraseExpiredMessages } from "../models/message-retention.server";
import type { Job } from "./job.server";

export const messageErasureJob: Job = {
  name: "messages.erase",
  frequency: "daily",
  description: "送信から1年を過ぎたメッセージを消去する（やりとりの件名は残す。件数だけを監査ログに記録）",
  async run({ db, clock }) {
    return eraseExpiredMessages(db, clock);
  },
};
