/**
 * 退会 (R-DEL-1), its restoration by the jurisdictional office, and the closing of a relocated establishment's My Page
 * (R-DEL-3). Each is one batch: the compare-and-set on the establishment's status, its audit row (R-AUDIT-1; a lost race
 * fails the whole batch), and — for 退会 and relocation — the end of the My Page: valid postings stopped today (求人無効日),
 * postings waiting for review taken back to drafts and a pending 事業所情報の変更 withdrawn (so no officer reviews them),
 * pending 直接リクエスト expired, open conversations closed, every session of every login account deleted, and the mail. The accounts' KV keys are voided
 * after the batch. Nothing is erased here: the daily erasure job does that from day 31 (rules/retention.ts).
 */
import { data, type AppLoadContext } from "@remix-run/cloudflare";
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import { formatJapaneseDate, formatJstDateTime, jstDate, todayJst, type Clock } from "../lib/clock";
import type { MailContext } from "../mail/templates";
import type { OfficeContact } from "../rules/gates";
import { canRestoreWithdrawal, lastRestorableOn, withdrawalErasedFrom } from "../rules/retention";
import { closedStatusLabel, relocatedNotice, withdrawalRestoredNotice, withdrawnNotice } from "../rules/withdrawal";
import { auditStatement } from "../utils/audit.server";
import { requireStaff } from "../utils/auth.server";
import { voidAuthKey, type AuthKeyPurpose } from "../utils/auth-keys.server";
import { schema, type Db, type ScopeValue } from "../utils/db.server";
import { valueWhile } from "../utils/sql.server";
import { ESTABLISHMENT_STATUS_LABELS, type StaffScope } from "./establishment.server";
import { officesQuery } from "./office.server";
import { tellEstablishment } from "./gates/tell.server";
import { establishmentStateIs, runEstablishmentChange } from "./gates/usability.server";
import type { Outcome } from "./posting/outcome";
import { stillValidSql } from "./posting/queries.server";
import { stoppedColumns } from "./posting/stop.server";

const e = schema.establishments;
const a = schema.employerAccounts;
const p = schema.jobPostings;

/** 募集停止の理由 recorded on the postings a 退会 or a relocation stopped. */
export const WITHDRAWAL_STOP_REASON = "退会";
export const RELOCATION_STOP_REASON = "管轄変更";

const TAKEN = "事業所の状態が変わりました。画面を開き直して確認してください。";
const run = (db: Db, statements: BatchItem<"sqlite">[]) => runEstablishmentChange(db, statements, TAKEN);
const stateIs = establishmentStateIs;

/**
 * The end of a My Page (退会, relocation) after its status changed in the same batch: postings, 直接リクエスト,
 * conversations and sessions. Every statement is scoped to the establishment; they change nothing twice.
 */
function endMyPageStatements(db: Db, establishmentId: string, today: string, now: number, stopReason: string): BatchItem<"sqlite">[] {
  const threads = schema.messageThreads;
  const requests = schema.directRequests;
  const changes = schema.establishmentChangeRequests;
  return [
    db
      .update(p)
      .set(stoppedColumns(today, stopReason, now))
      .where(and(eq(p.establishmentId, establishmentId), stillValidSql(today))),
    // 申込み済み (waiting in the office's queue) back to a draft: nobody reviews a posting of a closed My Page.
    db
      .update(p)
      .set({ status: "draft", updatedAt: now })
      .where(and(eq(p.establishmentId, establishmentId), eq(p.status, "submitted"))),
    // A 事業所情報の変更 waiting for review is withdrawn (it leaves the office's queue), as when the employer withdraws it.
    db
      .update(changes)
      .set({ status: "withdrawn" })
      .where(and(eq(changes.establishmentId, establishmentId), eq(changes.status, "pending"))),
    db
      .update(requests)
      .set({ status: "expired" })
      .where(and(eq(requests.establishmentId, establishmentId), eq(requests.status, "requested"))),
    db
      .update(threads)
      .set({ closedAt: now })
      .where(and(eq(threads.establishmentId, establishmentId), isNull(threads.closedAt))),
    db
      .delete(schema.sessions)
      .where(
        and(
          eq(schema.sessions.accountType, "employer"),
          sql`${schema.sessions.accountId} IN (SELECT ${a.id} FROM ${a} WHERE ${a.establishmentId} = ${establishmentId})`,
        ),
      ),
  ];
}

const KEY_PURPOSES: AuthKeyPurpose[] = ["login", "reset", "open"];

/** The establishment's login account ids (read before the batch, for voiding their KV keys after it). */
async function accountIds(db: Db, establishmentId: string): Promise<string[]> {
  const rows = await db.select({ id: a.id }).from(a).where(eq(a.establishmentId, establishmentId)).all();
  return rows.map((r) => r.id);
}

/** Voids every 認証キー and sign-in code of the accounts (`authkey:{purpose}:{accountId}`). */
async function voidKeys(kv: KVNamespace, ids: string[]): Promise<void> {
  await Promise.all(ids.flatMap((id) => KEY_PURPOSES.map((purpose) => voidAuthKey(kv, purpose, id))));
}

export interface WithdrawInput {
  establishment: { id: string; name: string };
  account: { id: string; officeCode: string };
  office: OfficeContact;
}

/**
 * R-DEL-1 退会 by the main account (the route asks rules/capabilities "withdraw"): open → withdrawn. Returns the JST date
 * of the withdrawal and the erasure date.
 */
export async function withdrawEstablishment(
  db: Db,
  kv: KVNamespace,
  clock: Clock,
  mail: MailContext,
  input: WithdrawInput,
): Promise<Outcome<{ withdrawnOn: string; erasedFrom: string }>> {
  const { establishment, account } = input;
  const now = clock.now().getTime();
  const today = todayJst(clock);
  const erasedFrom = withdrawalErasedFrom(today);
  const ids = await accountIds(db, establishment.id);
  const done = stateIs(establishment.id, sql`${e.status} = 'withdrawn' AND ${e.withdrawnAt} = ${now}`);
  const outcome = await run(db, [
    db
      .update(e)
      .set({ status: "withdrawn", withdrawnAt: now, updatedAt: now })
      .where(and(eq(e.id, establishment.id), eq(e.status, "open"))),
    auditStatement(db, clock, {
      actorType: "employer",
      actorId: account.id,
      action: valueWhile("establishment.withdraw", done),
      subjectType: "establishment",
      subjectId: establishment.id,
      officeCode: account.officeCode,
      details: { withdrawnOn: today, erasedFrom },
    }),
    ...endMyPageStatements(db, establishment.id, today, now, WITHDRAWAL_STOP_REASON),
    ...tellEstablishment(db, clock, mail, establishment, withdrawnNotice(today, input.office), { link: null, notice: true, when: done }),
  ]);
  if (!outcome.ok) return outcome;
  await voidKeys(kv, ids);
  return { ok: true, withdrawnOn: today, erasedFrom };
}

/** The establishment as the officers' 退会 and relocation pages show it (batchable; another office's yields nothing). */
export function endingQuery(db: Db, officeCode: ScopeValue, id: string) {
  const o = schema.offices;
  return db
    .select({
      id: e.id,
      name: e.name,
      establishmentNumber: e.establishmentNumber,
      officeCode: e.officeCode,
      status: e.status,
      withdrawnAt: e.withdrawnAt,
      closedAt: e.closedAt,
      relocatedToOfficeCode: e.relocatedToOfficeCode,
      relocatedToOfficeName: sql<string | null>`(SELECT ${o.name} FROM ${o} WHERE ${o.code} = ${e.relocatedToOfficeCode})`.as("relocated_to_office_name"),
    })
    .from(e)
    .where(and(eq(e.id, id), eq(e.officeCode, officeCode)))
    .limit(1);
}

export type EndingRow = Awaited<ReturnType<typeof endingQuery>>[number];

/**
 * The guard of the officers' 退会 and 管轄の変更 pages: a signed-in officer and the establishment of their office (another
 * office's is a 404), with every office (the relocation's choices), read in the guard's batch.
 */
export async function requireEndingOfOffice(request: Request, context: AppLoadContext, id: string) {
  const officer = await requireStaff(request, context, {
    reads: ({ db, officeCode }) => ({ rows: endingQuery(db, officeCode, id), offices: officesQuery(db) }),
  });
  const row = officer.reads.rows[0];
  if (!row) throw data(null, { status: 404 });
  return { ...officer, row, offices: officer.reads.offices, today: todayJst(officer.clock) };
}

/** The heading of the officers' 退会 and 管轄の変更 pages: a closed one's status names the new office. */
export function endingHeading(row: EndingRow) {
  const status = row.status === "closed" ? closedStatusLabel(row.relocatedToOfficeName) : ESTABLISHMENT_STATUS_LABELS[row.status];
  return { id: row.id, name: row.name, establishmentNumber: row.establishmentNumber ?? "", status };
}

/** The JST date a withdrawn (or closed) My Page ended, or null. */
export function endedOn(row: Pick<EndingRow, "status" | "withdrawnAt" | "closedAt">): string | null {
  const at = row.status === "withdrawn" ? row.withdrawnAt : row.status === "closed" ? row.closedAt : null;
  return at === null ? null : jstDate(at);
}

export interface RestoreInput {
  scope: StaffScope;
  establishment: { id: string; name: string; withdrawnAt: number };
  office: OfficeContact;
  /** 事業主からの申出の内容 (staff text, kept in the audit row). */
  note: string;
}

/**
 * R-DEL-1: the office restores a withdrawn My Page at the employer's request (the route asks canRestoreWithdrawal):
 * withdrawn → open, the conversations the withdrawal closed reopened, an お知らせ and a mail. Postings stay stopped.
 */
export async function restoreWithdrawal(db: Db, clock: Clock, mail: MailContext, input: RestoreInput): Promise<Outcome> {
  const { scope, establishment, note } = input;
  const now = clock.now().getTime();
  const threads = schema.messageThreads;
  return run(db, [
    db
      .update(e)
      .set({ status: "open", withdrawnAt: null, updatedAt: now })
      .where(and(eq(e.id, establishment.id), eq(e.officeCode, scope.officeCode), eq(e.status, "withdrawn"), eq(e.withdrawnAt, establishment.withdrawnAt))),
    auditStatement(db, clock, {
      actorType: "staff",
      actorId: scope.staffId,
      action: valueWhile("establishment.withdrawal-restore", stateIs(establishment.id, sql`${e.status} = 'open' AND ${e.updatedAt} = ${now}`)),
      subjectType: "establishment",
      subjectId: establishment.id,
      officeCode: scope.officeCode,
      details: { from: "withdrawn", withdrawnOn: jstDate(establishment.withdrawnAt), note },
    }),
    // Only the conversations this withdrawal closed (closed at the very instant of the 退会).
    db
      .update(threads)
      .set({ closedAt: null })
      .where(and(eq(threads.establishmentId, establishment.id), eq(threads.closedAt, establishment.withdrawnAt))),
    ...tellEstablishment(db, clock, mail, establishment, withdrawalRestoredNotice(input.office), { link: "/mypage", notice: true }),
  ]);
}

export interface RelocateInput {
  scope: StaffScope;
  establishment: { id: string; name: string };
  newOffice: { code: string; name: string; phone: string };
}

/** The states a relocation closes: a registered establishment, and a My Page open or 利用不可. */
export const RELOCATABLE = ["registered", "open", "unusable"] as const;

/**
 * R-DEL-3: the establishment moved into another office's area: its My Page is closed (no data crosses over; the new
 * office registers it afresh), the end of the My Page as for 退会, a mail naming the new office.
 */
export async function relocateEstablishment(
  db: Db,
  kv: KVNamespace,
  clock: Clock,
  mail: MailContext,
  input: RelocateInput,
): Promise<Outcome<{ closedOn: string }>> {
  const { scope, establishment, newOffice } = input;
  const now = clock.now().getTime();
  const today = todayJst(clock);
  const ids = await accountIds(db, establishment.id);
  const done = stateIs(establishment.id, sql`${e.status} = 'closed' AND ${e.closedAt} = ${now}`);
  const outcome = await run(db, [
    db
      .update(e)
      .set({ status: "closed", closedAt: now, relocatedToOfficeCode: newOffice.code, updatedAt: now })
      .where(and(eq(e.id, establishment.id), eq(e.officeCode, scope.officeCode), inArray(e.status, [...RELOCATABLE]))),
    auditStatement(db, clock, {
      actorType: "staff",
      actorId: scope.staffId,
      action: valueWhile("establishment.relocate", done),
      subjectType: "establishment",
      subjectId: establishment.id,
      officeCode: scope.officeCode,
      details: { toOfficeCode: newOffice.code, closedOn: today },
    }),
    ...endMyPageStatements(db, establishment.id, today, now, RELOCATION_STOP_REASON),
    ...tellEstablishment(db, clock, mail, establishment, relocatedNotice(today, newOffice), { link: null, notice: false, when: done }),
  ]);
  if (!outcome.ok) return outcome;
  await voidKeys(kv, ids);
  return { ok: true, closedOn: today };
}

/** What the officer's 事業所の詳細 shows of a 退会 or a relocation (components/establishment-ending.tsx). */
export function endingFacts(row: EndingRow, today: string) {
  const on = endedOn(row);
  return {
    id: row.id,
    withdrawal:
      row.status === "withdrawn" && on
        ? {
            at: formatJstDateTime(row.withdrawnAt!),
            erasedFrom: formatJapaneseDate(withdrawalErasedFrom(on)),
            restorableUntil: formatJapaneseDate(lastRestorableOn(on)),
            canRestore: canRestoreWithdrawal(on, today),
          }
        : null,
    closed:
      row.status === "closed" && on ? { label: closedStatusLabel(row.relocatedToOfficeName), erasedFrom: formatJapaneseDate(withdrawalErasedFrom(on)) } : null,
    canRelocate: (RELOCATABLE as readonly string[]).includes(row.status),
  };
}
