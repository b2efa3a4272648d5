/**
 * Which database (shard) holds what (issue 14, docs/scale.md §3, ADR 0028). Pure: the shard map in, a shard id out.
 *
 * A shard is a group of offices (by default a prefecture); it holds every row of its offices (事業所, 求人, 求職者, 紹介 of
 * its postings, sessions of its accounts). The map comes from configuration (`SHARDS`, JSON: shard id → the D1 binding
 * and the prefectures and/or offices it holds); absent, there is one shard "main" on the `DB` binding that holds
 * everything — the app as it always ran. Numbers carry their office: 事業所番号 `OOOO-…`, 求人番号 and 求職番号
 * `OOOOO-…` (the office's 4-digit code and one digit, data/reference/offices.csv), and a session token carries its
 * shard as a prefix (`<shard>.<random>`; a token without a prefix is the default shard's, so sessions issued before
 * sharding, and by the sign-in pages until the directory exists, keep working).
 */
import { z } from "zod";

export type ShardId = string;

export interface ShardSpec {
  /** The name of the D1 binding of this shard's database. */
  binding: string;
  /** Prefectures (2-digit codes) whose offices this shard holds. */
  prefectures: string[];
  /** Offices (4-digit codes) held here whatever their prefecture: a prefecture split into office groups. */
  offices: string[];
}

export interface ShardMap {
  shards: Record<ShardId, ShardSpec>;
  /** The shard of tokens without a prefix: the one on the `DB` binding (or the only one). */
  defaultShard: ShardId;
  /** One shard holding everything (no SHARDS configured): no routing at all. */
  single: boolean;
}

export const DEFAULT_BINDING = "DB";
export const MAIN_SHARD = "main";

/** The map when SHARDS is not configured: one shard "main" on DB, every office. */
export const SINGLE_SHARD_MAP: ShardMap = {
  shards: { [MAIN_SHARD]: { binding: DEFAULT_BINDING, prefectures: [], offices: [] } },
  defaultShard: MAIN_SHARD,
  single: true,
};

const SHARD_ID = /^[a-z][a-z0-9-]{0,15}$/;

const shardSpecSchema = z
  .object({
    binding: z.string().regex(/^[A-Z][A-Z0-9_]*$/, "binding must be a D1 binding name such as DB_TOCHIGI"),
    prefectures: z.array(z.string().regex(/^(0[1-9]|[1-3]\d|4[0-7])$/, "prefectures are 2-digit codes 01–47")).default([]),
    offices: z.array(z.string().regex(/^\d{4}$/, "offices are 4-digit office codes")).default([]),
  })
  .strict();

const shardMapSchema = z.record(z.string(), shardSpecSchema);

/** A SHARDS value that cannot be used; the message says what is wrong (shown at start-up). */
export class ShardConfigError extends Error {
  constructor(problems: string[]) {
    super(`SHARDS is invalid: ${problems.join("; ")}`);
    this.name = "ShardConfigError";
  }
}

/**
 * The shard map from the SHARDS variable (undefined or "" → SINGLE_SHARD_MAP). Throws ShardConfigError naming every
 * problem: not JSON, a malformed entry, no shard, a prefecture or office held by two shards, two shards on one binding,
 * several shards and none on `DB` (the default shard is the one on DB: tokens without a prefix are its).
 */
export function parseShardMap(raw: string | undefined): ShardMap {
  if (raw === undefined || raw.trim() === "") return SINGLE_SHARD_MAP;
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    throw new ShardConfigError(["not JSON"]);
  }
  const parsed = shardMapSchema.safeParse(json);
  if (!parsed.success) {
    // Our own words where zod's would depend on the error map the app installs for the forms (Japanese, per field).
    const message = (i: z.core.$ZodIssue) =>
      i.code === "unrecognized_keys"
        ? `unknown keys ${i.keys.join(", ")} (allowed: binding, prefectures, offices)`
        : i.code === "invalid_type"
          ? `expected ${i.expected}`
          : i.message;
    throw new ShardConfigError(parsed.error.issues.map((i) => `${i.path.join(".") || "(root)"}: ${message(i)}`));
  }
  const shards = parsed.data;
  const ids = Object.keys(shards);
  const problems: string[] = [];
  if (ids.length === 0) problems.push("no shard");
  for (const id of ids) if (!SHARD_ID.test(id)) problems.push(`${id}: the shard id must be a lower-case letter and up to 15 of a-z, 0-9, -`);
  const owners = new Map<string, string>();
  const claim = (what: string, id: string) => {
    const other = owners.get(what);
    if (other && other !== id) problems.push(`${what} is held by both ${other} and ${id}`);
    owners.set(what, id);
  };
  for (const [id, spec] of Object.entries(shards)) {
    claim(`binding ${spec.binding}`, id);
    for (const p of spec.prefectures) claim(`prefecture ${p}`, id);
    for (const o of spec.offices) claim(`office ${o}`, id);
    if (ids.length > 1 && spec.prefectures.length === 0 && spec.offices.length === 0) problems.push(`${id} holds no prefecture or office`);
  }
  const onDb = ids.find((id) => shards[id]!.binding === DEFAULT_BINDING);
  if (ids.length > 1 && !onDb) problems.push(`no shard is on the ${DEFAULT_BINDING} binding (the default shard)`);
  if (problems.length > 0) throw new ShardConfigError(problems);
  return { shards, defaultShard: onDb ?? ids[0]!, single: ids.length === 1 };
}

/** What a shard can be looked up by. */
export type ShardKey =
  | { kind: "office"; code: string }
  | { kind: "establishmentNumber"; value: string }
  | { kind: "jobNumber"; value: string }
  | { kind: "seekerNumber"; value: string }
  | { kind: "sessionToken"; value: string };

/** The office (4 digits) a key names, or null when the key is malformed. */
function officeOf(key: Exclude<ShardKey, { kind: "sessionToken" }>): string | null {
  switch (key.kind) {
    case "office":
      return /^\d{4}$/.test(key.code) ? key.code : null;
    case "establishmentNumber":
      return /^(\d{4})-\d{6}-\d$/.exec(key.value)?.[1] ?? null;
    case "jobNumber":
    case "seekerNumber":
      // The 5-digit prefix is the office's 4-digit code and one more digit (offices.csv job_number_prefix).
      return /^(\d{4})\d-\d{8}$/.exec(key.value)?.[1] ?? null;
  }
}

/** The shard that holds an office: listed by code first, else by its prefecture (the code's first two digits). */
function shardOfOffice(map: ShardMap, office: string): ShardId | null {
  if (map.single) return map.defaultShard;
  const entries = Object.entries(map.shards);
  const byOffice = entries.find(([, s]) => s.offices.includes(office));
  if (byOffice) return byOffice[0];
  return entries.find(([, s]) => s.prefectures.includes(office.slice(0, 2)))?.[0] ?? null;
}

/** The shard prefix of a session token (`<shard>.<random>`) or the default shard for a token without one. */
export function splitSessionToken(token: string): { shard: string | null; random: string } {
  const dot = token.indexOf(".");
  return dot < 0 ? { shard: null, random: token } : { shard: token.slice(0, dot), random: token.slice(dot + 1) };
}

/**
 * The shard that holds the key, or null when none does (a malformed key, an office of no shard, a token whose prefix
 * names no shard). With one shard every well-formed key is its.
 */
export function shardOf(map: ShardMap, key: ShardKey): ShardId | null {
  if (key.kind === "sessionToken") {
    const { shard } = splitSessionToken(key.value);
    if (shard === null) return map.defaultShard;
    return Object.hasOwn(map.shards, shard) ? shard : null;
  }
  const office = officeOf(key);
  return office === null ? null : shardOfOffice(map, office);
}

/** The prefix a new session token of this shard gets: none for the default shard (tokens stay as they were). */
export function sessionTokenPrefix(map: ShardMap, shard: ShardId): string {
  return shard === map.defaultShard ? "" : `${shard}.`;
}

/**
 * The shards a /jobs search must ask: with a 就業場所 prefecture, the shards holding that prefecture's offices (or
 * offices whose code starts with it); else every shard. Until the directory's `posting_prefectures` exists (scale.md §5
 * step 3) a posting whose 就業場所 lies outside its office's prefecture is found only by a search without that filter.
 */
export function searchShards(map: ShardMap, prefectureCode?: string): ShardId[] {
  const ids = Object.keys(map.shards);
  if (map.single || !prefectureCode) return ids;
  return ids.filter((id) => {
    const s = map.shards[id]!;
    return s.prefectures.includes(prefectureCode) || s.offices.some((o) => o.startsWith(prefectureCode));
  });
}

/**
 * The national directory (scale.md §3) as far as steps 1–2 need it: office → shard, kept in memory from the map. Its
 * tables `account_emails`, `establishment_shards`, `seeker_numbers`, `posting_prefectures` are step 3 and not built.
 */
export interface Directory {
  shardOfOffice(officeCode: string): ShardId | null;
  shardsForWorkplacePrefecture(prefectureCode?: string): ShardId[];
  allShards(): ShardId[];
}

export function memoryDirectory(map: ShardMap): Directory {
  return {
    shardOfOffice: (officeCode) => shardOf(map, { kind: "office", code: officeCode }),
    shardsForWorkplacePrefecture: (prefectureCode) => searchShards(map, prefectureCode),
    allShards: () => Object.keys(map.shards),
  };
}
