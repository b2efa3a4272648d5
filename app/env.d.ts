/** Bindings that `wrangler types` cannot see: secrets, and test-only bindings. */
interface __SecretsEnv {
  /** Resend API key (production only; `wrangler secret put RESEND_API_KEY`). */
  RESEND_API_KEY?: string;
  /** The shard map (issue 14, ADR 0028; rules/shards.ts): JSON, shard id → D1 binding and what it holds. Absent: one DB. */
  SHARDS?: string;
}
declare namespace Cloudflare {
  interface Env extends __SecretsEnv {}
}
interface Env extends __SecretsEnv {}

declare module "*.txt?raw" {
  const text: string;
  export default text;
}

/** A WebAssembly binary imported as a module of the Worker (wrangler's CompiledWasm rule): already compiled. */
declare module "*.wasm" {
  const module: WebAssembly.Module;
  export default module;
}
