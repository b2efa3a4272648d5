export type AppEnvironment = "production" | "development" | "test";

/** The deployment's environment; anything unknown is treated as production (the safe side). */
export function appEnvironment(env: Env): AppEnvironment {
  return env.APP_ENV === "development" || env.APP_ENV === "test" ? env.APP_ENV : "production";
}

export function isProduction(env: Env): boolean {
  return appEnvironment(env) === "production";
}

/** The address system mail comes from and that users are told to allow (R-OPEN-9). */
export function mailFrom(env: Env): string {
  return env.MAIL_FROM || "求人者マイページ <system@mail.example.jp>";
}

/** Just the address part of MAIL_FROM, for the "please allow mail from …" notices. */
export function mailFromAddress(env: Env): string {
  const from = mailFrom(env);
  const m = /<([^>]+)>/.exec(from);
  return (m ? m[1]! : from).trim();
}

/**
 * The site's own origin (APP_ORIGIN in wrangler.toml; the dev and e2e servers pass theirs), for links in mail. A missing
 * or malformed value is a deployment error: it fails loudly rather than falling back to the request's Host.
 */
export function appOrigin(env: Env): string {
  const origin = URL.canParse(env.APP_ORIGIN ?? "") ? new URL(env.APP_ORIGIN).origin : null;
  if (!origin || origin === "null") throw new Error("APP_ORIGIN must be the site's origin, e.g. https://mypage.example.jp");
  return origin;
}
