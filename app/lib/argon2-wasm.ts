/**
 * argon2id in WebAssembly for the Worker (ADR 0025): the reference C implementation compiled ahead of time
 * (`@phi-ag/argon2`, MIT, its `argon2.wasm` only — not its JavaScript, which passes a string's UTF-16 length as the
 * password's byte length). workerd refuses Wasm compiled at run time, so the binary is a module of the Worker: the
 * server build leaves the import to wrangler (vite.config.ts), which uploads it as a compiled Wasm module; lib/password.ts
 * imports it and makes the engine here. One instance per engine (per isolate); its memory grows to the largest `m` used
 * (19 MiB) and stays. The benchmark compiles the same file in Node.
 */
import type { Argon2idEngine, Argon2Params } from "./password-phc";

interface Argon2Exports {
  memory: WebAssembly.Memory;
  _initialize(): void;
  malloc(size: number): number;
  free(ptr: number): void;
  /** The reference `argon2_hash` (encoded output optional: NULL, 0). Returns ARGON2_OK (0) or an error code. */
  argon2_hash(
    t: number,
    m: number,
    p: number,
    pwd: number,
    pwdLen: number,
    salt: number,
    saltLen: number,
    hash: number,
    hashLen: number,
    encoded: number,
    encodedLen: number,
    type: number,
    version: number,
  ): number;
}

const ARGON2ID = 2;
const VERSION_13 = 0x13;

/** The argon2id engine of a compiled `argon2.wasm`, instantiated on first use. */
export function argon2idFromModule(module: WebAssembly.Module): Argon2idEngine {
  let instance: Argon2Exports | undefined;
  const exportsOf = (): Argon2Exports => {
    if (!instance) {
      const created = new WebAssembly.Instance(module, {}).exports as unknown as Argon2Exports;
      created._initialize();
      instance = created;
    }
    return instance;
  };
  return async (password, salt, params, dkLen) => hashIn(exportsOf(), password, salt, params, dkLen);
}

/** Copies `bytes` into the instance's memory (zero-length inputs still get a valid pointer). */
function place(wasm: Argon2Exports, bytes: Uint8Array): number {
  const ptr = wasm.malloc(Math.max(1, bytes.length));
  if (ptr === 0) throw new Error("argon2: out of memory");
  new Uint8Array(wasm.memory.buffer).set(bytes, ptr);
  return ptr;
}

function hashIn(wasm: Argon2Exports, password: Uint8Array, salt: Uint8Array, params: Argon2Params, dkLen: number): Uint8Array {
  const pwd = place(wasm, password);
  const saltPtr = place(wasm, salt);
  const out = wasm.malloc(dkLen);
  try {
    const code = wasm.argon2_hash(params.t, params.m, params.p, pwd, password.length, saltPtr, salt.length, out, dkLen, 0, 0, ARGON2ID, VERSION_13);
    if (code !== 0) throw new Error(`argon2 error ${code}`);
    return new Uint8Array(wasm.memory.buffer).slice(out, out + dkLen);
  } finally {
    // The password does not stay in the instance's memory.
    new Uint8Array(wasm.memory.buffer).fill(0, pwd, pwd + password.length);
    wasm.free(pwd);
    wasm.free(saltPtr);
    wasm.free(out);
  }
}
