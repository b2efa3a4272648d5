/**
 * Helpers for tests that sign an employer in through the real forms (R-AUTH-1): a cookie jar, the
 * mailed one-time code and 認証キー read from the outbox, and accounts with a known password.
 */
import { env } from "cloudflare:test";
import { systemClock, type Clock } from "../../app/lib/clock";
import { consentStatements } from "../../app/models/consent.server";
import { getDb, schema } from "../../app/utils/db.server";
import { createEmployerAccount, createEstablishment } from "./factories";
import { workerFetch } from "./worker";

/** The password of every account made by `createSignInAccount` (12+ characters, not a common one). */
export const PASSWORD = "日光の山で湯波を食べる二〇二六";
export const NEW_PASSWORD = "鬼怒川の流れを眺める春の朝";

/**
 * argon2id of PASSWORD with the current parameters, computed once (~30 ms per call in workerd since ADR 0025); the
 * session tests check that it still verifies and needs no rehash.
 */
export const PASSWORD_HASH = "$argon2id$v=19$m=19456,t=2,p=1$WFaxbbiIiJk1IedSBN5YfQ$hAFoeXbycUAkFNIe5HZ1FeBOFeSjC6q/emXjndKOMZE";

/** PASSWORD_HASH (async, as the factories await it). */
export async function passwordHash(): Promise<string> {
  return PASSWORD_HASH;
}

/** Cookies as a browser keeps them: Set-Cookie with Max-Age=0 deletes. */
export class CookieJar {
  readonly cookies = new Map<string, string>();

  constructor(initial?: Record<string, string>) {
    for (const [k, v] of Object.entries(initial ?? {})) this.cookies.set(k, v);
  }

  apply(res: Response): Response {
    for (const header of res.headers.getSetCookie()) {
      const [pair] = header.split(";");
      const eq = pair!.indexOf("=");
      const name = pair!.slice(0, eq).trim();
      const value = decodeURIComponent(pair!.slice(eq + 1).trim());
      if (/;\s*Max-Age=0(;|$)/i.test(header) || value === "") this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return res;
  }

  header(): string | undefined {
    if (this.cookies.size === 0) return undefined;
    return [...this.cookies].map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join("; ");
  }

  get(name: string): string | undefined {
    return this.cookies.get(name);
  }

  clone(): CookieJar {
    return new CookieJar(Object.fromEntries(this.cookies));
  }
}

export async function get(path: string, jar?: CookieJar, headers?: Record<string, string>): Promise<Response> {
  const res = await workerFetch(path, { cookie: jar?.header(), headers });
  jar?.apply(res);
  return res;
}

export async function post(path: string, fields: Record<string, string>, jar?: CookieJar, headers?: Record<string, string>): Promise<Response> {
  const res = await workerFetch(path, {
    method: "POST",
    body: new URLSearchParams(fields),
    cookie: jar?.header(),
    headers: { "Content-Type": "application/x-www-form-urlencoded", ...headers },
  });
  jar?.apply(res);
  return res;
}

/** The text of the latest mail to an address (optionally of one template), or undefined. */
export async function latestMail(to: string, template?: string): Promise<string | undefined> {
  const row = await env.DB.prepare(`SELECT text_body FROM mail_outbox WHERE to_address = ?1 ${template ? "AND template = ?2" : ""} ORDER BY rowid DESC LIMIT 1`)
    .bind(...(template ? [to, template] : [to]))
    .first<{ text_body: string }>();
  return row?.text_body;
}

export async function mailCount(to: string, template?: string): Promise<number> {
  const row = await env.DB.prepare(`SELECT count(*) AS n FROM mail_outbox WHERE to_address = ?1 ${template ? "AND template = ?2" : ""}`)
    .bind(...(template ? [to, template] : [to]))
    .first<{ n: number }>();
  return row?.n ?? 0;
}

export async function latestLoginCode(to: string): Promise<string> {
  const text = await latestMail(to, "loginCode");
  const code = /ワンタイムパスワード：(\d{6})/.exec(text ?? "")?.[1];
  if (!code) throw new Error(`no one-time code mailed to ${to}`);
  return code;
}

export async function latestResetKey(to: string): Promise<string> {
  const text = await latestMail(to, "authKeyReset");
  const key = /認証キー：(\d{8})/.exec(text ?? "")?.[1];
  if (!key) throw new Error(`no reset key mailed to ${to}`);
  return key;
}

/** Agreement to the current 利用規約 and プライバシーポリシー (so /mypage does not ask for it). */
export async function agreeToCurrentDocuments(accountId: string, clock: Clock = systemClock): Promise<void> {
  const db = getDb(env);
  const [first, ...rest] = consentStatements(db, accountId, clock);
  await db.batch([first!, ...rest]);
}

/** An establishment (default: open, under ハローワーク日光) with a main account that has PASSWORD. */
export async function createSignInAccount(
  options: {
    establishment?: Partial<typeof schema.establishments.$inferInsert>;
    account?: Partial<typeof schema.employerAccounts.$inferInsert>;
  } = {},
) {
  const establishment = await createEstablishment(options.establishment);
  const account = await createEmployerAccount(establishment.id, { passwordHash: await passwordHash(), ...options.account });
  await agreeToCurrentDocuments(account.id);
  return { establishment, account };
}

/** An online 仮登録 account (no establishment) with PASSWORD and its provisional registration. */
export async function createProvisionalAccount() {
  const account = await createEmployerAccount(null as unknown as string, { establishmentId: null, passwordHash: await passwordHash() });
  const now = Date.now();
  await getDb(env).insert(schema.provisionalRegistrations).values({
    id: crypto.randomUUID(),
    accountId: account.id,
    name: "仮登録の会社",
    createdAt: now,
    updatedAt: now,
    expiresOn: "2099-12-31",
  });
  await agreeToCurrentDocuments(account.id);
  return account;
}

/** Signs in through /login and /login/verify with the mailed code; returns the final response. */
export async function signInThroughForms(
  email: string,
  jar: CookieJar,
  options: { password?: string; trust?: boolean; redirectTo?: string } = {},
): Promise<Response> {
  const login = await post("/login", { email, password: options.password ?? PASSWORD, ...(options.redirectTo ? { redirectTo: options.redirectTo } : {}) }, jar);
  if (login.status !== 303) throw new Error(`sign-in refused: ${login.status}`);
  const location = login.headers.get("Location") ?? "";
  if (!location.startsWith("/login/verify")) return login; // trusted browser: signed in already
  const code = await latestLoginCode(email);
  return post("/login/verify", { code, ...(options.trust ? { trust: "on" } : {}), ...(options.redirectTo ? { redirectTo: options.redirectTo } : {}) }, jar);
}
