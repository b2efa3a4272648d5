import { data } from "@remix-run/cloudflare";
import { isProduction } from "./env.server";

/** Development-only pages answer 404 in production, as if they did not exist. */
export function requireDevelopment(env: Env): void {
  if (isProduction(env)) throw data(null, { status: 404 });
}
