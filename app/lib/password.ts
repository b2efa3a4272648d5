/**
 * Password hashing in the Worker: argon2id in PHC string format (ADR 0004) computed by the WebAssembly engine
 * (ADR 0025, lib/argon2-wasm.ts). Parameters live in the hash, so they can rise later: a sign-in that verifies against
 * weaker parameters rehashes (see `needsRehash`). Hashes written by the earlier pure-JS engine verify unchanged.
 */
import argon2Module from "@phi-ag/argon2/argon2.wasm";
import { argon2idFromModule } from "./argon2-wasm";
import { CURRENT_PARAMS, hashPasswordWith, verifyPasswordWith, type Argon2Params } from "./password-phc";

export { CURRENT_PARAMS, needsRehash, parseHash, type Argon2Params } from "./password-phc";

/** The Worker's argon2id engine: ~30 ms per hash against ~0.45 s in pure JS (npm run bench). */
export const wasmArgon2id = argon2idFromModule(argon2Module);

export function hashPassword(password: string, params: Argon2Params = CURRENT_PARAMS): Promise<string> {
  return hashPasswordWith(wasmArgon2id, password, params);
}

export function verifyPassword(phc: string, password: string): Promise<boolean> {
  return verifyPasswordWith(wasmArgon2id, phc, password);
}
