/**
 * 紹介 across shards (issue 14, ADR 0028, docs/scale.md §3 "Cross-office 紹介"): an officer of office A refers a seeker
 * of A to a posting held by another shard B. D1 has no transaction across databases, so the 紹介 is written in B — ONE
 * batch: the seeker's snapshot (only what R-REF-2 lets B show: rules/seeker-snapshot.ts), the referral, its history
 * row, the お知らせ, the mail to the establishment, the audit row and an outbox row `referral_ref → A` — and A gets its
 * reference later by delivery (models/shard-outbox.server.ts). The 紹介 is thereby atomic with everything the
 * establishment sees and counts (応募者管理, R-GATE-3's backlog); A's copy may lag by a delivery.
 *
 * With one shard, or the posting in the seeker's own shard, this is exactly createReferral (models/referrals.server.ts).
 */
import { and, eq } from "drizzle-orm";
import { todayJst, type Clock } from "../lib/clock";
import { newId } from "../lib/ids";
import type { ReferralInput } from "../lib/schemas/seeker";
import type { MailContext } from "../mail/templates";
import { seekerSnapshot } from "../rules/seeker-snapshot";
import { shardOf, type ShardId } from "../rules/shards";
import { schema, type Db } from "../utils/db.server";
import type { Shards } from "../utils/shards.server";
import { isLostRace } from "../utils/sql.server";
import { referralRefOutboxStatement } from "./shard-outbox.server";
import type { StaffScope } from "./establishment.server";
import {
  ALREADY_REFERRED,
  createReferral,
  isUniqueViolation,
  officerReferralStatements,
  openReferralQuery,
  POSTING_NOT_FOUND,
  postingByJobNumberQuery,
  postingReferableSql,
  referralCheck,
  type ReferralOutcome,
} from "./referrals.server";

const js = schema.jobSeekers;

/** Where a 紹介 by an officer of `officeCode` to the posting `jobNumber` is written: the seeker's shard and the posting's. */
export function referralShards(shards: Shards, officeCode: string, jobNumber: string): { home: ShardId; posting: ShardId | null } {
  const home = shards.directory.shardOfOffice(officeCode) ?? shards.defaultShard;
  return { home, posting: shardOf(shards.map, { kind: "jobNumber", value: jobNumber }) };
}

/**
 * The referral page's look-up of a posting held by another shard than the officer's (one round trip to that shard):
 * the posting and the seeker's open referral to it there. Null when the posting is in the officer's own shard (the
 * guard's batch read it already).
 */
export async function lookUpPostingElsewhere(shards: Shards, officeCode: string, seekerId: string, jobNumber: string, today: string) {
  const where = referralShards(shards, officeCode, jobNumber);
  if (where.posting === where.home) return null;
  if (where.posting === null) return { posting: [], open: [] };
  const db = shards.db(where.posting);
  const [posting, open] = await db.batch([postingByJobNumberQuery(db, jobNumber, today), openReferralQuery(db, seekerId, jobNumber)]);
  return { posting, open };
}

/** The seeker of the officer's office (the whole row: the snapshot takes what it may). */
function seekerOfOfficeRow(db: Db, seekerId: string, officeCode: string) {
  return db
    .select()
    .from(js)
    .where(and(eq(js.id, seekerId), eq(js.officeCode, officeCode)))
    .limit(1);
}

export type ShardedReferralOutcome = ReferralOutcome & { delivery?: { from: ShardId } };

/**
 * 紹介 (R-REF-1) through the shard map: in the seeker's shard as always when the posting is there; else written in the
 * posting's shard with its outbox row, and `delivery` names the shard whose outbox the caller delivers.
 */
export async function createReferralAcrossShards(args: {
  db: Db;
  shards: Shards;
  clock: Clock;
  mail: MailContext;
  scope: StaffScope;
  seekerId: string;
  input: ReferralInput;
}): Promise<ShardedReferralOutcome> {
  const { shards, clock, mail, scope, seekerId, input } = args;
  const where = referralShards(shards, scope.officeCode, input.jobNumber);
  if (where.posting === where.home) return createReferral(args);
  if (where.posting === null) return { ok: false, reason: "posting", field: "jobNumber", message: POSTING_NOT_FOUND, posting: null };

  const home = args.db;
  const b = shards.db(where.posting);
  const today = todayJst(clock);
  const o = schema.offices;
  // The seeker and the office's name in A, the posting and an open referral in B: two databases, in parallel.
  const [[seekers, offices], [postings, open]] = await Promise.all([
    home.batch([seekerOfOfficeRow(home, seekerId, scope.officeCode), home.select({ name: o.name }).from(o).where(eq(o.code, scope.officeCode)).limit(1)]),
    b.batch([postingByJobNumberQuery(b, input.jobNumber, today), openReferralQuery(b, seekerId, input.jobNumber)]),
  ]);
  const seeker = seekers[0];
  const checked = referralCheck({ seekerFound: Boolean(seeker), row: postings[0], openReferral: Boolean(open[0]), today });
  if ("refusal" in checked || !seeker) return "refusal" in checked ? checked.refusal : { ok: false, reason: "seeker-not-found" };
  const { row, posting, refuse } = checked;

  const referralId = newId();
  const snapshot = seekerSnapshot(seeker, where.home);
  const now = clock.now().getTime();
  const { id: _id, ...refreshed } = snapshot;
  try {
    await b.batch([
      // The snapshot first (the referral's foreign key); a later 紹介 of the same seeker refreshes it.
      b
        .insert(js)
        .values({ ...snapshot, createdAt: now, updatedAt: now })
        .onConflictDoUpdate({ target: js.id, set: { ...refreshed, updatedAt: now } }),
      // Still referable in B when the batch runs (the seeker's side was read in A just now).
      ...officerReferralStatements(b, clock, mail, {
        referralId,
        seekerId,
        posting,
        row,
        officeName: offices[0]?.name,
        scope,
        input,
        condition: postingReferableSql(posting.id, today),
        details: { seekerShard: where.home },
      }),
      referralRefOutboxStatement(b, clock, where.home, {
        referralId,
        seekerId,
        shard: where.posting,
        postingId: posting.id,
        jobNumber: posting.jobNumber,
        establishmentName: row.establishmentName,
        jobTitle: posting.jobTitle,
        officeCode: scope.officeCode,
        referredBy: scope.staffId,
        referredOn: input.referredOn,
        status: "screening",
      }),
    ]);
  } catch (error) {
    if (isLostRace(error)) return refuse("この求人には、いま紹介できません。求人の状態を確かめてください。");
    if (isUniqueViolation(error)) return refuse(ALREADY_REFERRED);
    throw error;
  }
  return { ok: true, referralId, posting, delivery: { from: where.posting } };
}
