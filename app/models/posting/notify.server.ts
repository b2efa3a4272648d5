/**
 * お知らせ and mail to the establishment about its posting (R-MSG-2; ADR 0011 "Notices"): each review outcome, the
 * extension decision, 募集停止 and expiry write an お知らせ row and a mail to the main account, as statements for the
 * same batch as the change (so a lost race writes neither).
 */
import { and, eq, inArray, type SQL } from "drizzle-orm";
import { formatJapaneseDate, type Clock } from "../../lib/clock";
import { newId } from "../../lib/ids";
import type { MailContext } from "../../mail/templates";
import { schema, type Db } from "../../utils/db.server";
import { enqueueMail } from "../../utils/mail.server";

export type PostingMailEvent = "accepted" | "returned" | "changeAccepted" | "changeReturned" | "extended" | "extensionRefused" | "stopped" | "expired";

/** Who the mail goes to: the establishment's main account, and the establishment's name for the greeting. */
export interface Recipient {
  establishmentId: string | null;
  email: string;
  name: string;
}

const account = schema.employerAccounts;

function recipientColumns() {
  return { establishmentId: account.establishmentId, email: account.email, name: schema.establishments.name };
}

/**
 * The main account of an establishment (an id, or a subquery such as the establishment of the posting being read), as
 * a query for the batch that reads the posting.
 */
export function recipientOf(db: Db, establishmentId: string | SQL) {
  return db
    .select(recipientColumns())
    .from(account)
    .innerJoin(schema.establishments, eq(schema.establishments.id, account.establishmentId))
    .where(and(eq(account.establishmentId, establishmentId), eq(account.isMain, true)))
    .limit(1);
}

/** The main accounts of several establishments (the daily expiry's chunk). */
export function recipientsOf(db: Db, establishmentIds: readonly string[]) {
  return db
    .select(recipientColumns())
    .from(account)
    .innerJoin(schema.establishments, eq(schema.establishments.id, account.establishmentId))
    .where(and(inArray(account.establishmentId, [...establishmentIds]), eq(account.isMain, true)));
}

interface EventData {
  jobTitle: string;
  jobNumber?: string | null;
  validUntil?: string | null;
  comment?: string | null;
  /** Why the rules refused an extension, or why the daily job did (issue 10 #4, #5): shown in the お知らせ. */
  reason?: string | null;
  /** 公開開始日 when it is later than the 受理日 (a 大卒等求人 accepted in February or March, ADR 0014). */
  publicFrom?: string | null;
}

/** The お知らせ's title and text (the mail says the same). */
export function noticeText(event: PostingMailEvent, data: EventData): { title: string; body: string } {
  const number = data.jobNumber ? `（求人番号 ${data.jobNumber}）` : "";
  const until = data.validUntil ? formatJapaneseDate(data.validUntil) : "";
  const texts: Record<PostingMailEvent, { title: string; body: string }> = {
    accepted: {
      title: "求人が受理されました",
      body:
        `「${data.jobTitle}」の求人を受理しました${number}。紹介期限は${until}です。` +
        (data.publicFrom ? `大卒等求人のため、求人情報の公開は${formatJapaneseDate(data.publicFrom)}からです。` : ""),
    },
    returned: {
      title: "求人に修正依頼があります",
      body: `「${data.jobTitle}」の求人について、ハローワークから修正依頼があります。内容を直して、もう一度申し込んでください。`,
    },
    changeAccepted: {
      title: "求人の内容変更が受理されました",
      body: `「${data.jobTitle}」${number}の内容変更を受理しました。変更後の内容が公開されています。`,
    },
    changeReturned: {
      title: "求人の内容変更に修正依頼があります",
      body: `「${data.jobTitle}」${number}の内容変更について、ハローワークから修正依頼があります。公開中の内容は変わっていません。`,
    },
    extended: { title: "求人の有効期間を延長しました", body: `「${data.jobTitle}」${number}の紹介期限を${until}まで延長しました。延長は1回限りです。` },
    extensionRefused: { title: "有効期間の延長は承認されませんでした", body: `「${data.jobTitle}」${number}の有効期間延長の申請は承認されませんでした。` },
    stopped: { title: "求人の募集を停止しました", body: `「${data.jobTitle}」${number}の募集を停止しました。求人無効日は${until}です。` },
    expired: {
      title: "求人の紹介期限が過ぎました",
      body: `「${data.jobTitle}」${number}は紹介期限を過ぎたため無効になりました。引き続き募集する場合は、転用して新しい求人を申し込んでください。`,
    },
  };
  const text = texts[event];
  const body = data.reason ? `${text.body}\n理由：${data.reason}` : text.body;
  return { title: text.title, body: data.comment ? `${body}\nハローワークからのコメント：${data.comment}` : body };
}

/** お知らせ + mail for an event, as statements for the event's batch (no mail when the establishment has no main account). */
export function tellEstablishment(
  db: Db,
  clock: Clock,
  mail: MailContext,
  recipient: Recipient | undefined,
  posting: { id: string; establishmentId: string },
  event: PostingMailEvent,
  data: EventData,
) {
  const link = `/mypage/postings/${posting.id}`;
  const { title, body } = noticeText(event, data);
  const statements: (ReturnType<typeof noticeStatement> | ReturnType<typeof enqueueMail>)[] = [
    noticeStatement(db, clock, posting.establishmentId, { title, body, link }),
  ];
  if (recipient && recipient.establishmentId === posting.establishmentId) {
    statements.push(enqueueMail(db, clock, mail, recipient.email, "postingNotice", { establishmentName: recipient.name, title, body, link }));
  }
  return statements;
}

function noticeStatement(db: Db, clock: Clock, establishmentId: string, notice: { title: string; body: string; link: string }) {
  return db.insert(schema.notices).values({ id: newId(), establishmentId, ...notice, createdAt: clock.now().getTime() });
}
