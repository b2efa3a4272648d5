/**
 * The bench's signed-in actors and the records its pages point at, chosen by SQL in the generated data (written
 * straight into the state's SQLite file before `wrangler dev` opens it):
 *
 * - the employer: the main account of the establishment with the most 紹介 (referrals), with the current 利用規約 and
 *   プライバシーポリシー agreed so that no page sends it to the consent screen;
 * - an officer and a supervisor of that establishment's office (added when the data has none);
 * - a seeker with a login account, preferably one the employer has a 直接リクエスト or a thread with;
 * - the same accounts once more with the second factor not yet done (the verify pages), a 仮登録 account, and an
 *   additional employer account without consents (the consent page).
 *
 * Sessions are rows as app/utils/session.server.ts writes them (Lucia's guide: the cookie holds the token, the row its
 * SHA-256), marked `two_factor_verified` for the signed-in actors.
 */
import { createHash, randomBytes, randomUUID } from "node:crypto";
import { DatabaseSync, type SQLInputValue } from "node:sqlite";
import { encodeBase32LowerCaseNoPadding } from "@oslojs/encoding";
import { currentVersion, PRIVACY, TERMS } from "../../app/content/legal.ts";
import type { Actor, World } from "../../tests/helpers/page-catalogue.ts";
import { MISSING } from "./pages.ts";

type Ids = World["ids"];

const COOKIE: Record<"employer" | "staff" | "seeker", string> = {
  employer: "__Host-mp_session",
  staff: "__Host-staff_session",
  seeker: "__Host-seeker_session",
};
const HOUR_MS = 3_600_000;
/** Any PHC string: the verify pages serve only accounts that can sign in. */
const PASSWORD_HASH = "$argon2id$v=19$m=19456,t=2,p=1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";

/** A session token as generateSessionToken makes it: 20 random bytes in lower-case base32 without padding. */
export function sessionToken(): string {
  return encodeBase32LowerCaseNoPadding(randomBytes(20));
}

export interface BenchWorld {
  world: World;
  /** Keys of `world.ids` the data has no record for. */
  missing: (keyof Ids)[];
  /** What was chosen, for the report. */
  chosen: { establishmentId: string; officeCode: string; referrals: number };
}

export function pickBenchWorld(sqlitePath: string, now: Date): BenchWorld {
  const db = new DatabaseSync(sqlitePath);
  try {
    return pick(db, now.getTime());
  } finally {
    db.close();
  }
}

function pick(db: DatabaseSync, now: number): BenchWorld {
  const one = (sql: string, ...params: SQLInputValue[]) => db.prepare(sql).get(...params) as Record<string, string | number | null> | undefined;
  const text = (sql: string, ...params: SQLInputValue[]) => {
    const row = one(sql, ...params);
    const value = row ? Object.values(row)[0] : undefined;
    return value === undefined || value === null ? undefined : String(value);
  };
  const run = (sql: string, ...params: SQLInputValue[]) => db.prepare(sql).run(...params);

  const employer = one(
    `SELECT a.id AS id, a.establishment_id AS establishment, e.office_code AS office, count(r.id) AS referrals
       FROM employer_accounts a JOIN establishments e ON e.id = a.establishment_id
       LEFT JOIN referrals r ON r.establishment_id = a.establishment_id
      WHERE a.is_main = 1 AND a.status = 'active' AND a.password_hash IS NOT NULL
      GROUP BY a.id ORDER BY referrals DESC, a.id LIMIT 1`,
  );
  if (!employer) throw new Error("the data has no active main employer account");
  const establishment = String(employer.establishment);
  const office = String(employer.office);

  const staffOf = (role: "officer" | "supervisor") => {
    const existing = text("SELECT id FROM staff_accounts WHERE office_code = ? AND role = ? AND active = 1 ORDER BY id LIMIT 1", office, role);
    if (existing) return existing;
    const id = randomUUID();
    run(
      `INSERT INTO staff_accounts (id, office_code, email, email_normalized, name, role, password_hash, totp_secret, active, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, NULL, 1, ?)`,
      id,
      office,
      `bench-${role}-${office}@example.jp`,
      `bench-${role}-${office}@example.jp`,
      role === "officer" ? "ベンチ 職員" : "ベンチ 統括",
      role,
      PASSWORD_HASH,
      now,
    );
    return id;
  };
  const officer = staffOf("officer");
  const supervisor = staffOf("supervisor");

  const seeker = one(
    `SELECT sa.id AS account, sa.seeker_id AS seeker FROM seeker_accounts sa
       LEFT JOIN direct_requests d ON d.seeker_id = sa.seeker_id AND d.establishment_id = ?
       LEFT JOIN message_threads t ON t.seeker_id = sa.seeker_id AND t.establishment_id = ?
      WHERE sa.status = 'active' AND sa.password_hash IS NOT NULL
      ORDER BY (d.id IS NOT NULL) + (t.id IS NOT NULL) DESC, EXISTS (SELECT 1 FROM direct_requests x WHERE x.seeker_id = sa.seeker_id) DESC, sa.id LIMIT 1`,
    establishment,
    establishment,
  );
  const seekerAccount = seeker ? String(seeker.account) : undefined;
  const seekerId = seeker ? String(seeker.seeker) : undefined;

  const posting = (where: string) => text(`SELECT id FROM job_postings WHERE establishment_id = ? AND ${where} ORDER BY id LIMIT 1`, establishment);
  const accepted = posting("status = 'accepted' AND change_status IS NULL");
  const found: Partial<Ids> = {
    accepted,
    draft: posting("status = 'draft'"),
    submitted: posting("status = 'submitted'"),
    change: posting("status = 'accepted' AND change_status = 'submitted'"),
    image: text("SELECT id FROM establishment_images WHERE establishment_id = ? ORDER BY id LIMIT 1", establishment),
    notice: text("SELECT id FROM notices WHERE establishment_id = ? ORDER BY id LIMIT 1", establishment),
    changeRequest: text("SELECT id FROM establishment_change_requests WHERE establishment_id = ? ORDER BY id LIMIT 1", establishment),
    provisional: text("SELECT id FROM provisional_registrations WHERE office_code = ? AND completed_at IS NULL ORDER BY id LIMIT 1", office),
    establishment,
    referral: text("SELECT id FROM referrals WHERE establishment_id = ? ORDER BY referred_on DESC, id LIMIT 1", establishment),
    seeker: text("SELECT id FROM job_seekers WHERE office_code = ? ORDER BY id LIMIT 1", office),
    // One thread for both sides' pages: the chosen seeker's with the establishment when there is one.
    thread: text(
      "SELECT id FROM message_threads WHERE establishment_id = ? ORDER BY seeker_id = ? DESC, last_message_at DESC LIMIT 1",
      establishment,
      seekerId ?? "",
    ),
    publicNumber: text("SELECT public_number FROM job_seekers WHERE publish_profile = 1 AND public_number IS NOT NULL ORDER BY public_number LIMIT 1"),
    directRequest: seekerId
      ? text("SELECT id FROM direct_requests WHERE seeker_id = ? ORDER BY establishment_id = ? DESC, created_at DESC LIMIT 1", seekerId, establishment)
      : undefined,
  };
  const keys: (keyof Ids)[] = [
    "accepted",
    "draft",
    "submitted",
    "change",
    "image",
    "notice",
    "changeRequest",
    "provisional",
    "establishment",
    "referral",
    "seeker",
    "thread",
    "publicNumber",
    "directRequest",
  ];
  const missing = keys.filter((k) => !found[k]);
  const ids = Object.fromEntries(keys.map((k) => [k, found[k] ?? MISSING])) as Ids;
  const jobNumber = (accepted && text("SELECT job_number FROM job_postings WHERE id = ?", accepted)) ?? MISSING;

  const consent = (accountId: string) => {
    for (const doc of [TERMS, PRIVACY]) {
      run(
        "INSERT INTO consents (id, account_id, document, version, agreed_at) VALUES (?, ?, ?, ?, ?)",
        randomUUID(),
        accountId,
        doc.id,
        currentVersion(doc).version,
        now,
      );
    }
  };
  const session = (type: "employer" | "staff" | "seeker", accountId: string | undefined, verified: boolean) => {
    if (!accountId) return undefined;
    const token = sessionToken();
    const id = createHash("sha256").update(token).digest("hex");
    run(
      "INSERT INTO sessions (id, account_type, account_id, created_at, last_seen_at, expires_at, two_factor_verified) VALUES (?, ?, ?, ?, ?, ?, ?)",
      id,
      type,
      accountId,
      now,
      now,
      now + 8 * HOUR_MS,
      verified ? 1 : 0,
    );
    return `${COOKIE[type]}=${token}`;
  };

  consent(String(employer.id));
  if (seekerAccount) consent(seekerAccount);
  const provisionalAccount = found.provisional ? text("SELECT account_id FROM provisional_registrations WHERE id = ?", found.provisional) : undefined;
  if (provisionalAccount) consent(provisionalAccount);
  const notAgreed = text(
    `SELECT a.id FROM employer_accounts a WHERE a.establishment_id IS NOT NULL AND a.status = 'active'
        AND NOT EXISTS (SELECT 1 FROM consents c WHERE c.account_id = a.id) ORDER BY a.id LIMIT 1`,
  );

  const cookies: Record<Actor, string | undefined> = {
    anonymous: undefined,
    employer: session("employer", String(employer.id), true),
    employerPending2fa: session("employer", String(employer.id), false),
    employerPendingConsent: session("employer", notAgreed, true),
    provisional: session("employer", provisionalAccount, true),
    staff: session("staff", officer, true),
    staffPending2fa: session("staff", officer, false),
    supervisor: session("staff", supervisor, true),
    seeker: session("seeker", seekerAccount, true),
    seekerPending2fa: session("seeker", seekerAccount, false),
  };
  return {
    world: { cookies, ids, jobNumber },
    missing,
    chosen: { establishmentId: establishment, officeCode: office, referrals: Number(employer.referrals) },
  };
}
