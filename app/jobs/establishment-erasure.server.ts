/**
 * R-DEL-1…4 (issue 13): once a day (00:05 JST, after messages.erase) the My Pages due for erasure — 31 days after 退会
 * or closing on relocation, and after 5 years of dormancy — are erased with everything registered through them, in
 * bounded chunks, resumable and idempotent (models/erasure.server.ts), each with one erasure report in the audit log.
 */
import { eraseDueEstablishments } from "../models/erasure.server";
import type { Job } from "./job.server";

export const establishmentErasureJob: Job = {
  name: "establishments.erase",
  frequency: "daily",
  description:
    "退会・管轄変更から31日を過ぎた求人者マイページと、5年間求人の申込みのない求人者マイページを、登録されたすべての情報とともに消去する（件数だけを監査ログに記録）",
  run: (ctx) => eraseDueEstablishments(ctx),
};
