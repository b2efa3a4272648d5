/**
 * The two key pages that パスワード登録 (counter path ②–⑥, R-OPEN-4–R-OPEN-7) and 仮登録 (R-OPEN-8) share: asking for
 * an 認証キー, and entering it with a new password. The flows are the same; `kind` says which account the key is for
 * ("open": an account registered at the counter; "signup": a new 仮登録 account), and the pages' texts and where
 * they lead stay in the routes. Both are public forms: the guard is the limit on key requests and on wrong keys
 * (R-AUTH-3), and the key itself.
 */
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type AppLoadContext } from "@remix-run/cloudflare";
import { PASSWORD_MAX, PASSWORD_MIN } from "../lib/password-policy";
import { PASSWORD_FIELDS } from "../lib/schemas/fields";
import { keyRequestSchema } from "../lib/schemas/opening";
import { getDb } from "../utils/db.server";
import { mailFromAddress } from "../utils/env.server";
import { redirectWithFlash } from "../utils/flash.server";
import { mailContext } from "../utils/mail.server";
import { startEmployerSession } from "./employer-signin.server";
import { keyCompletionServerSchema, keyRequestLockedMessage, throttleKeyRequest } from "./key-entry.server";
import { completeOpening, requestOpenKey } from "./login-accounts.server";
import { completeSignup, requestSignupKey } from "./provisional-employer.server";
import { completeSeekerOpening, requestSeekerOpenKey } from "./seeker-account.server";
import { readForm } from "../utils/body.server";
import { KEY_STORE_UNAVAILABLE_MESSAGE, KeyStoreUnavailable } from "../utils/auth-keys.server";

export type KeyKind = "open" | "signup" | "seeker";

const REQUEST_KEY = { open: requestOpenKey, signup: requestSignupKey, seeker: requestSeekerOpenKey } as const;

/**
 * ②–④ and its 仮登録 twin (R-OPEN-4, R-OPEN-8, R-OPEN-9): the address and the agreement. Within the limits a key is
 * issued (mailed only when the address may use it), and the visitor goes on to the key-entry page `next.to` with
 * `next.message`: POST → redirect → GET, the same whether or not the address is registered, and reloading it sends
 * nothing again.
 */
export async function keyRequestAction(request: Request, context: AppLoadContext, kind: KeyKind, next: { to: string; message: string }) {
  const env = context.cloudflare.env;
  const submission = parseWithZod(await readForm(request), { schema: keyRequestSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const db = getDb(env);
  const { email } = submission.value;
  const until = await throttleKeyRequest(db, context.clock, kind, email, request);
  if (until) {
    return data(submission.reply({ fieldErrors: { email: [keyRequestLockedMessage(until, context.clock)] } }), { status: 429 });
  }
  try {
    await REQUEST_KEY[kind](db, env.AUTH_KEYS, context.clock, mailContext(env), email);
  } catch (error) {
    if (!(error instanceof KeyStoreUnavailable)) throw error;
    // Issue 14: KV down. Nothing was issued or mailed; the form keeps what was typed and says so beside the address.
    console.error(error);
    return data(submission.reply({ fieldErrors: { email: [KEY_STORE_UNAVAILABLE_MESSAGE] } }), { status: 503 });
  }
  return redirectWithFlash(next.to, next.message, { tone: "info" });
}

/**
 * The key-entry page's data: the sender address to allow (R-OPEN-9) and the password policy's lengths, sent from the
 * server so that the common-password list is not shipped to the browser.
 */
export function keyCompletionPageData(env: Env) {
  return { mailFrom: mailFromAddress(env), passwordMin: PASSWORD_MIN, passwordMax: PASSWORD_MAX };
}

/**
 * ⑤–⑥ and its 仮登録 twin (R-OPEN-5, R-OPEN-6, R-OPEN-7, R-OPEN-8): the address, the key and a new password. With the
 * right key the account is opened (`open`: the My Page too, for the main account of a registered establishment) or
 * created with its 仮登録 (`signup`), or a seeker's 求職者マイページ account is opened (`seeker`, issue 12); the account is
 * signed in (a session of its type) and goes on to `next`. A wrong key, or an address that
 * cannot be used, answers beside the key field; the password fields are never sent back.
 */
export async function keyCompletionAction(request: Request, context: AppLoadContext, kind: KeyKind, next: string) {
  const env = context.cloudflare.env;
  const submission = parseWithZod(await readForm(request), { schema: keyCompletionServerSchema });
  if (submission.status !== "success") return data(submission.reply({ hideFields: PASSWORD_FIELDS }), { status: 400 });
  const db = getDb(env);
  const outcome =
    kind === "open"
      ? await completeOpening(db, env.AUTH_KEYS, context.clock, mailContext(env), request, submission.value)
      : kind === "seeker"
        ? await completeSeekerOpening(db, env.AUTH_KEYS, context.clock, mailContext(env), request, submission.value)
        : await completeSignup(db, env.AUTH_KEYS, context.clock, request, submission.value);
  if (!outcome.ok) {
    return data(submission.reply({ fieldErrors: { key: [outcome.message] }, hideFields: PASSWORD_FIELDS }), { status: outcome.status });
  }
  const cookie =
    outcome.cookie ?? (await startEmployerSession(db, context.clock, outcome.accountId, request, kind === "seeker" ? "seeker" : "employer")).cookie;
  return redirect(next, { status: 303, headers: { "Set-Cookie": cookie } });
}
