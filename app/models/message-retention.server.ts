/**
 * R-MSG-3: the erasure of messages one year after they were sent (issue 12; rules/message-retention.ts decides the
 * cutoff from today's JST date). Each chunk is ONE bounded statement — delete the (at most MESSAGE_ERASURE_CHUNK)
 * oldest messages sent before the cutoff, by the sent_on index — so a run never holds a long transaction, a crash leaves
 * only whole chunks done, and the next run (or a re-run) continues from what is left: idempotent and resumable. The
 * threads stay (message_threads outlive their messages). One audit row per run that erased anything: the count, the
 * cutoff and the day — no content, no ids of people.
 */
import { asc, inArray, lt } from "drizzle-orm";
import { todayJst, type Clock } from "../lib/clock";
import { messageErasureCutoff } from "../rules/message-retention";
import { auditStatement } from "../utils/audit.server";
import { schema, type Db } from "../utils/db.server";

const m = schema.messages;

/** Messages per statement (one DELETE … WHERE id IN (SELECT … LIMIT 500): the limit is SQL, not bound ids). */
export const MESSAGE_ERASURE_CHUNK = 500;
/** Chunks per run at most (100 000 messages); a larger backlog continues the next day. */
export const MESSAGE_ERASURE_MAX_CHUNKS = 200;

/** Erases the messages whose erasure day (rules/message-retention) is today or earlier; returns how many. */
export async function eraseExpiredMessages(db: Db, clock: Clock, options: { chunk?: number; maxChunks?: number } = {}): Promise<number> {
  const chunk = options.chunk ?? MESSAGE_ERASURE_CHUNK;
  const maxChunks = options.maxChunks ?? MESSAGE_ERASURE_MAX_CHUNKS;
  const today = todayJst(clock);
  const cutoff = messageErasureCutoff(today);
  let erased = 0;
  for (let round = 0; round < maxChunks; round++) {
    const oldest = db.select({ id: m.id }).from(m).where(lt(m.sentOn, cutoff)).orderBy(asc(m.sentOn)).limit(chunk);
    const result = await db.delete(m).where(inArray(m.id, oldest)).run();
    const changes = Number(result.meta.changes ?? 0);
    erased += changes;
    if (changes < chunk) break;
  }
  if (erased > 0)
    await auditStatement(db, clock, {
      actorType: "system",
      action: "messages.erase",
      subjectType: "message",
      details: { count: erased, sentBefore: cutoff, runOn: today },
    });
  return erased;
}
