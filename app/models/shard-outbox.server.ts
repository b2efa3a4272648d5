/**
 * Messages between shards (issue 14, ADR 0028, docs/scale.md §3): the outbox row is written in the batch of the change
 * it reports; deliverShardOutbox copies it into the target shard with INSERT … ON CONFLICT DO NOTHING and then marks it
 * delivered. A failure in between (the target down, the Worker killed) leaves the row pending, and the next delivery
 * completes it; delivering twice writes one reference. It is what a Queue consumer would call (scale.md §5 step 4);
 * today the 紹介 page calls it after the write (waitUntil) and tests call it directly.
 */
import { and, asc, eq, isNull, sql } from "drizzle-orm";
import type { Clock } from "../lib/clock";
import type { ShardId } from "../rules/shards";
import { schema, type Db } from "../utils/db.server";
import type { Shards } from "../utils/shards.server";

const o = schema.shardOutbox;

/** A 紹介 written in the posting's shard, as the seeker's shard keeps it (seeker_referral_refs). */
export interface ReferralRef {
  referralId: string;
  seekerId: string;
  shard: ShardId;
  postingId: string;
  jobNumber: string;
  establishmentName: string;
  jobTitle: string;
  officeCode: string;
  referredBy: string | null;
  referredOn: string;
  status: string;
}

/** The outbox row of a referral_ref, for the batch that writes the 紹介 (its id is the idempotency key). */
export function referralRefOutboxStatement(db: Db, clock: Clock, target: ShardId, ref: ReferralRef) {
  return db.insert(o).values({
    id: `referral_ref:${ref.referralId}`,
    kind: "referral_ref",
    targetShard: target,
    payload: JSON.stringify(ref),
    createdAt: clock.now().getTime(),
  });
}

export interface DeliveryOutcome {
  delivered: number;
  failed: number;
}

/** Pending rows delivered per call: one bounded chunk (a Queue message's worth). */
export const OUTBOX_CHUNK = 50;

/**
 * Delivers the pending outbox rows of shard `from` (oldest first, at most OUTBOX_CHUNK). Each row: the reference
 * inserted in its target (ON CONFLICT DO NOTHING: a repeat is harmless), then the row marked delivered. A row whose
 * delivery fails stays pending with its attempt counted and the error kept; nothing is thrown.
 */
export async function deliverShardOutbox({ shards, from, clock }: { shards: Shards; from: ShardId; clock: Clock }): Promise<DeliveryOutcome> {
  const source = shards.db(from);
  const pending = await source
    .select({ id: o.id, kind: o.kind, targetShard: o.targetShard, payload: o.payload })
    .from(o)
    .where(isNull(o.deliveredAt))
    .orderBy(asc(o.createdAt), asc(o.id))
    .limit(OUTBOX_CHUNK);
  const outcome: DeliveryOutcome = { delivered: 0, failed: 0 };
  for (const row of pending) {
    try {
      const ref = JSON.parse(row.payload) as ReferralRef;
      const target = shards.db(row.targetShard);
      await target
        .insert(schema.seekerReferralRefs)
        .values({ ...ref, createdAt: clock.now().getTime() })
        .onConflictDoNothing();
      await source
        .update(o)
        .set({ deliveredAt: clock.now().getTime(), attempts: sql`${o.attempts} + 1`, lastError: null })
        .where(and(eq(o.id, row.id), isNull(o.deliveredAt)));
      outcome.delivered++;
    } catch (error) {
      outcome.failed++;
      const message = error instanceof Error ? `${error.name}: ${error.message}`.slice(0, 500) : String(error).slice(0, 500);
      await source
        .update(o)
        .set({ attempts: sql`${o.attempts} + 1`, lastError: message })
        .where(eq(o.id, row.id));
    }
  }
  return outcome;
}
