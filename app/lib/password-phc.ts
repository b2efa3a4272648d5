/**
 * Password hashes in PHC string format (ADR 0004): `$argon2id$v=19$m=…,t=…,p=…$salt$hash`, independent of the engine
 * that computes argon2id. The Worker uses the WebAssembly engine (lib/argon2-wasm.ts, through lib/password.ts); Node
 * scripts (the demo data) and the benchmark use the pure-JS one here (@noble/hashes). Both give the same bytes for the
 * same input, so a hash written by either verifies with the other (tests/unit/password-engines.test.ts).
 */
import { argon2idAsync } from "@noble/hashes/argon2.js";
import { decodeBase64, encodeBase64 } from "@oslojs/encoding";

export interface Argon2Params {
  /** Memory in KiB. */
  m: number;
  /** Iterations. */
  t: number;
  /** Parallelism. */
  p: number;
}

/** argon2id (version 0x13) of `password` (UTF-8 bytes) with `salt`, `dkLen` bytes long. */
export type Argon2idEngine = (password: Uint8Array, salt: Uint8Array, params: Argon2Params, dkLen: number) => Promise<Uint8Array>;

/** OWASP's minimum for argon2id: 19 MiB, 2 iterations, 1 lane. */
export const CURRENT_PARAMS: Argon2Params = { m: 19456, t: 2, p: 1 };
const HASH_BYTES = 32;
const SALT_BYTES = 16;

/** The pure-JS engine (@noble/hashes): ~0.3 s of CPU per hash in workerd at CURRENT_PARAMS. */
export const nobleArgon2id: Argon2idEngine = (password, salt, params, dkLen) => argon2idAsync(password, salt, { ...params, dkLen, version: 0x13 });

const encoder = new TextEncoder();

/** What is hashed: the password in NFC, as UTF-8. */
function passwordBytes(password: string): Uint8Array {
  return encoder.encode(password.normalize("NFC"));
}

function b64NoPad(bytes: Uint8Array): string {
  return encodeBase64(bytes).replace(/=+$/, "");
}

function fromB64NoPad(s: string): Uint8Array {
  const padded = s + "=".repeat((4 - (s.length % 4)) % 4);
  return decodeBase64(padded);
}

export async function hashPasswordWith(engine: Argon2idEngine, password: string, params: Argon2Params = CURRENT_PARAMS): Promise<string> {
  const salt = new Uint8Array(SALT_BYTES);
  crypto.getRandomValues(salt);
  const hash = await engine(passwordBytes(password), salt, params, HASH_BYTES);
  return `$argon2id$v=19$m=${params.m},t=${params.t},p=${params.p}$${b64NoPad(salt)}$${b64NoPad(hash)}`;
}

interface ParsedHash {
  params: Argon2Params;
  salt: Uint8Array;
  hash: Uint8Array;
}

const PHC = /^\$argon2id\$v=19\$m=(\d+),t=(\d+),p=(\d+)\$([A-Za-z0-9+/]+)\$([A-Za-z0-9+/]+)$/;

export function parseHash(phc: string): ParsedHash | null {
  const m = PHC.exec(phc);
  if (!m) return null;
  try {
    return {
      params: { m: Number(m[1]), t: Number(m[2]), p: Number(m[3]) },
      salt: fromB64NoPad(m[4]!),
      hash: fromB64NoPad(m[5]!),
    };
  } catch {
    return null;
  }
}

function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i]! ^ b[i]!;
  return diff === 0;
}

export async function verifyPasswordWith(engine: Argon2idEngine, phc: string, password: string): Promise<boolean> {
  const parsed = parseHash(phc);
  if (!parsed) return false;
  const candidate = await engine(passwordBytes(password), parsed.salt, parsed.params, parsed.hash.length);
  return constantTimeEqual(candidate, parsed.hash);
}

/** True when the stored hash uses weaker parameters than the current ones. */
export function needsRehash(phc: string, current: Argon2Params = CURRENT_PARAMS): boolean {
  const parsed = parseHash(phc);
  if (!parsed) return true;
  return parsed.params.m < current.m || parsed.params.t < current.t || parsed.params.p < current.p;
}
