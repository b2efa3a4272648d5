import type { Clock } from "./lib/clock";

export interface AppLoadContextValues {
  cloudflare: { env: Env; ctx: ExecutionContext };
  /** Per-response nonce for the Content-Security-Policy (scripts carry it). */
  cspNonce: string;
  /** The clock of this request: the system clock, or the operator's fixed "now" outside production. */
  clock: Clock;
}

declare module "@remix-run/cloudflare" {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface AppLoadContext extends AppLoadContextValues {}
}
declare module "@remix-run/server-runtime" {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface AppLoadContext extends AppLoadContextValues {}
}
