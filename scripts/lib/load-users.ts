/**
 * The load run's simulated users and its write counts (issue 14), on a D1 binding: wrangler's local one
 * (getPlatformProxy, scripts/load.ts) or the test pool's (tests/integration/load.test.ts). The users are found in
 * whatever data the database holds — the demo data, or a test's fixtures — and each gets a signed-in session written
 * the way app/utils/session.server.ts writes one (a random token in the cookie, its SHA-256 as the row's id, the second
 * factor done), so no sign-in (password hash, mailed code, TOTP) runs inside the measured time.
 *
 * Runs in Node (relative imports with `.ts`) and in workerd: Web APIs only.
 */

export const WRITE_KINDS = ["draft", "result", "employerMessage", "referral", "seekerReply"] as const;
export type WriteKind = (typeof WRITE_KINDS)[number];

export type Role = "employer" | "officer" | "seeker";

export interface LoadUser {
  role: Role;
  /** The Cookie header of the user's session. */
  cookie: string;
  targets: {
    /** employer: its own referrals (no other simulated user registers on them); officer: referrals to open. */
    referralIds: string[];
    /** employer or seeker: conversations to write in. */
    threadIds: string[];
    /** officer: (seeker, posting) pairs not yet referred, this officer's alone. */
    referralPairs: { seekerId: string; jobNumber: string }[];
  };
}

/** The session cookies (app/utils/session.server.ts SESSION_POLICIES); a load session lives 8 hours, the shortest absolute lifetime (staff). */
const COOKIE: Record<Role, string> = { employer: "__Host-mp_session", officer: "__Host-staff_session", seeker: "__Host-seeker_session" };
const ACCOUNT_TYPE: Record<Role, string> = { employer: "employer", officer: "staff", seeker: "seeker" };
const EIGHT_HOURS = 8 * 3600 * 1000;

/** JST calendar date of `at` (ms), or `given` when set. */
export function today(given?: string, at: number = Date.now()): string {
  return given ?? new Date(at + 9 * 3600 * 1000).toISOString().slice(0, 10);
}

function hex(bytes: ArrayBuffer): string {
  return [...new Uint8Array(bytes)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

/** A session row for the account (two factors done) and the cookie that carries its token. */
async function session(db: D1Database, role: Role, accountId: string, now: number): Promise<string> {
  const alphabet = "abcdefghijklmnopqrstuvwxyz234567";
  const random = crypto.getRandomValues(new Uint8Array(32));
  const token = [...random].map((b) => alphabet[b % 32]).join("");
  const id = hex(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(token)));
  await db
    .prepare("INSERT INTO sessions (id, account_type, account_id, created_at, last_seen_at, expires_at, two_factor_verified) VALUES (?, ?, ?, ?, ?, ?, 1)")
    .bind(id, ACCOUNT_TYPE[role], accountId, now, now, now + EIGHT_HOURS)
    .run();
  return `${COOKIE[role]}=${token}`;
}

async function rows<T>(db: D1Database, sql: string, ...params: unknown[]): Promise<T[]> {
  return (
    await db
      .prepare(sql)
      .bind(...params)
      .all<T>()
  ).results;
}

/** Deals `items` out to `hands` round robin: each item to exactly one hand. */
function deal<T>(items: T[], hands: number): T[][] {
  const out: T[][] = Array.from({ length: hands }, () => []);
  items.forEach((item, i) => out[i % hands]!.push(item));
  return out;
}

export interface UserCounts {
  employers: number;
  officers: number;
  seekers: number;
}

/** The split of `users` used by `npm run load`: half employers, three tenths officers, the rest seekers. */
export function splitUsers(users: number): UserCounts {
  const employers = Math.ceil(users / 2);
  const officers = Math.round((users * 3) / 10);
  return { employers, officers, seekers: users - employers - officers };
}

/**
 * Users of each role over the accounts the data holds (several users may share an account, each with its own session):
 * employers of open, usable, unrestricted establishments with a valid posting; officers of offices with seekers and
 * valid postings to refer them to; seekers with an open 求職者マイページ. A resource one user writes to (a referral's
 * 選考結果, a (seeker, posting) pair to refer) is dealt to that user alone, so no two simulated users race for it.
 */
export async function prepareLoadUsers(db: D1Database, counts: UserCounts, now: number = Date.now()): Promise<LoadUser[]> {
  const day = today(undefined, now);
  const users: LoadUser[] = [];
  const employers = await rows<Account>(
    db,
    `SELECT a.id AS accountId, a.establishment_id AS "group" FROM employer_accounts a JOIN establishments e ON e.id = a.establishment_id
     WHERE a.status = 'active' AND e.status = 'open' AND e.restricted_at IS NULL AND e.unusable_at IS NULL
       AND EXISTS (SELECT 1 FROM job_postings p WHERE p.establishment_id = e.id AND p.status = 'accepted' AND p.valid_until >= ?)
     ORDER BY a.is_main DESC, a.id LIMIT ?`,
    day,
    counts.employers,
  );
  // Each establishment's referrals dealt among its users; its open conversations shared.
  for (const [establishmentId, hands] of await usersOf(db, users, "employer", employers, counts.employers, now)) {
    const referrals = await rows<{ id: string }>(
      db,
      "SELECT id FROM referrals WHERE establishment_id = ? ORDER BY referred_on DESC, id LIMIT ?",
      establishmentId,
      hands.length * 3,
    );
    const threads = await rows<{ id: string }>(
      db,
      "SELECT id FROM message_threads WHERE establishment_id = ? AND closed_at IS NULL ORDER BY id LIMIT 3",
      establishmentId,
    );
    deal(referrals, hands.length).forEach((mine, i) => {
      hands[i]!.targets.referralIds = mine.map((r) => r.id);
      hands[i]!.targets.threadIds = threads.map((t) => t.id);
    });
  }

  const staff = await rows<Account>(
    db,
    `SELECT s.id AS accountId, s.office_code AS "group" FROM staff_accounts s WHERE s.active = 1
       AND EXISTS (SELECT 1 FROM job_seekers j WHERE j.office_code = s.office_code)
     ORDER BY s.office_code, s.id LIMIT ?`,
    counts.officers,
  );
  // Each office's unreferred (seeker, valid posting) pairs dealt among its officers; its referrals to look at shared.
  for (const [officeCode, hands] of await usersOf(db, users, "officer", staff, counts.officers, now)) {
    const pairs = await rows<{ seekerId: string; jobNumber: string }>(
      db,
      `SELECT j.id AS seekerId, p.job_number AS jobNumber FROM job_seekers j JOIN job_postings p ON p.status = 'accepted' AND p.valid_until >= ? AND p.job_number IS NOT NULL
       JOIN establishments e ON e.id = p.establishment_id AND e.status = 'open'
       WHERE j.office_code = ? AND NOT EXISTS (SELECT 1 FROM referrals r WHERE r.seeker_id = j.id AND r.posting_id = p.id)
       ORDER BY j.id, p.id LIMIT ?`,
      day,
      officeCode,
      hands.length * 200,
    );
    const referrals = await rows<{ id: string }>(db, "SELECT id FROM referrals WHERE office_code = ? ORDER BY id LIMIT 20", officeCode);
    deal(pairs, hands.length).forEach((mine, i) => {
      hands[i]!.targets.referralPairs = mine;
      hands[i]!.targets.referralIds = referrals.map((r) => r.id);
    });
  }

  const seekers = await rows<Account>(
    db,
    `SELECT id AS accountId, seeker_id AS "group" FROM seeker_accounts WHERE status = 'active' ORDER BY id LIMIT ?`,
    counts.seekers,
  );
  for (const [seekerId, hands] of await usersOf(db, users, "seeker", seekers, counts.seekers, now)) {
    const threads = await rows<{ id: string }>(db, "SELECT id FROM message_threads WHERE seeker_id = ? AND closed_at IS NULL ORDER BY id LIMIT 3", seekerId);
    for (const user of hands) user.targets.threadIds = threads.map((t) => t.id);
  }
  return users;
}

/** An account a simulated user signs in as, and what its users share (establishment, office or seeker). */
interface Account {
  accountId: string;
  group: string;
}

/** `count` users of a role over the accounts, round robin, each with a session of its own, added to `users`; grouped by the accounts' group. */
async function usersOf(db: D1Database, users: LoadUser[], role: Role, accounts: Account[], count: number, now: number): Promise<Map<string, LoadUser[]>> {
  if (count > 0 && accounts.length === 0) throw new Error(`no account for the ${role}s in the data`);
  const groups = new Map<string, LoadUser[]>();
  for (let i = 0; i < count; i++) {
    const account = accounts[i % accounts.length]!;
    const user: LoadUser = { role, cookie: await session(db, role, account.accountId, now), targets: { referralIds: [], threadIds: [], referralPairs: [] } };
    users.push(user);
    groups.set(account.group, [...(groups.get(account.group) ?? []), user]);
  }
  return groups;
}

/** The rows each kind of write adds (a draft saved once, a 選考結果 or its correction, a message, a referral). */
const COUNTS: Record<WriteKind, string> = {
  draft: "SELECT count(*) AS n FROM job_postings WHERE status = 'draft' AND json_extract(content, '$.category.publication') = 2",
  result: "SELECT count(*) AS n FROM referral_events WHERE actor_type = 'employer' AND action IN ('result', 'correction')",
  employerMessage: "SELECT count(*) AS n FROM messages WHERE sender_type = 'employer' AND kind = 'text'",
  referral: "SELECT count(*) AS n FROM referrals WHERE channel = 'referral'",
  seekerReply: "SELECT count(*) AS n FROM messages WHERE sender_type = 'seeker'",
};

export async function countWrites(db: D1Database): Promise<Record<WriteKind, number>> {
  const results = await db.batch<{ n: number }>(WRITE_KINDS.map((k) => db.prepare(COUNTS[k])));
  return Object.fromEntries(WRITE_KINDS.map((k, i) => [k, results[i]!.results[0]!.n])) as Record<WriteKind, number>;
}

/** Rows gained per kind (after − before) beside the writes the app acknowledged. */
export function checkWrites(acknowledged: Record<WriteKind, number>, before: Record<WriteKind, number>, after: Record<WriteKind, number>) {
  return WRITE_KINDS.map((kind) => ({ kind, acknowledged: acknowledged[kind], stored: after[kind] - before[kind] }));
}
