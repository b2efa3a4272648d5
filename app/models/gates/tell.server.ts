/**
 * Telling an establishment about its My Page as a whole (R-MSG-2 for R-GATE-2…4): an お知らせ on the My Page and the
 * same text by mail to every active login account, as statements for the batch of the change. With `when` (SQL) both
 * are written only while it holds — the change took effect in this batch — so a re-run or a race tells nobody twice.
 */
import { sql, type SQL } from "drizzle-orm";
import type { Clock } from "../../lib/clock";
import { newId } from "../../lib/ids";
import type { MailContext } from "../../mail/templates";
import type { GateNotice } from "../../rules/gates";
import { schema, type Db } from "../../utils/db.server";
import { enqueueMailToAccounts } from "../../utils/mail.server";
import { insertWhere } from "../../utils/sql.server";

export interface TellOptions {
  /** A My Page path the お知らせ and mail point to; null while the My Page cannot be used (利用不可). */
  link: string | null;
  /** Write an お知らせ too (R-MSG-2: every gate change is in the one list of お知らせ). */
  notice: boolean;
  when?: SQL;
}

export function tellEstablishment(
  db: Db,
  clock: Clock,
  mail: MailContext,
  establishment: { id: string; name: string },
  text: GateNotice,
  options: TellOptions,
) {
  const row = { id: newId(), establishmentId: establishment.id, title: text.title, body: text.body, link: options.link, createdAt: clock.now().getTime() };
  const noticeStatement = options.when ? insertWhere(db, schema.notices, row, sql`WHERE ${options.when}`) : db.insert(schema.notices).values(row);
  const mailStatement = enqueueMailToAccounts(
    db,
    clock,
    mail,
    establishment.id,
    "establishmentNotice",
    { establishmentName: establishment.name, ...text, link: options.link },
    options.when,
  );
  return options.notice ? [noticeStatement, mailStatement] : [mailStatement];
}
