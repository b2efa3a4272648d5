/**
 * 職員ログイン, step 1 of 2 (R-AUTH-4): e-mail + password. A correct password gives a half session
 * (second factor not done) and leads to the TOTP step. Failures are throttled per address and per
 * client, the try reserved before the password hash (issue 9 #3), and the answer never tells whether the
 * address exists (R-AUTH-3).
 */
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/cloudflare";
import { data, redirect } from "@remix-run/cloudflare";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { Button, FormErrors, TextField } from "../components/form";
import { emailKey, normalizeEmailInput } from "../lib/normalize";
import { hashPassword, needsRehash, verifyPassword } from "../lib/password";
import {
  DUMMY_PASSWORD_HASH,
  findActiveStaffByEmailKey,
  recordStaffFailedTry,
  staffRedirectTarget,
  staffSignInBudgets,
  updateStaffPasswordHashStatement,
} from "../models/staff.server";
import { getDb, schema } from "../utils/db.server";
import { createSession, getSessionFromRequest, sessionCookie } from "../utils/session.server";
import { readForm } from "../utils/body.server";
import { lockedByUntil, lockedMessage, provenStatements, reserveAttempts, runStatements } from "../utils/throttle.server";

export const meta: MetaFunction = () => [{ title: "職員ログイン | 求人者マイページ" }];

const WRONG_CREDENTIALS = "メールアドレスまたはパスワードが正しくありません。";
const RETYPE_PASSWORD = "パスワードをもう一度入力してください。";

const loginSchema = z.object({
  email: z
    .string({ error: "メールアドレスを入力してください。" })
    .transform(normalizeEmailInput)
    .pipe(z.string().min(1, { error: "メールアドレスを入力してください。" }).max(100, { error: "メールアドレスは100文字以内で入力してください。" })),
  password: z.string({ error: "パスワードを入力してください。" }).max(128, { error: "パスワードは128文字以内で入力してください。" }),
  redirectTo: z.string().optional(),
});

export async function loader({ request, context }: LoaderFunctionArgs) {
  const db = getDb(context.cloudflare.env);
  const session = await getSessionFromRequest(db, request, "staff", context.clock);
  const redirectTo = staffRedirectTarget(new URL(request.url).searchParams.get("redirectTo"));
  if (session?.twoFactorVerified) throw redirect(redirectTo);
  return { redirectTo };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const db = getDb(context.cloudflare.env);
  const clock = context.clock;
  const previous = await getSessionFromRequest(db, request, "staff", clock);
  const submission = parseWithZod(await readForm(request), { schema: loginSchema });
  if (submission.status !== "success") return data(submission.reply({ hideFields: ["password"] }), { status: 400 });
  const { email, password } = submission.value;
  const key = emailKey(email);
  const fieldErrors = (message: string) => ({ email: [message], password: [RETYPE_PASSWORD] });

  // The try is reserved before the password hash (issue 9 #3).
  const tries = await reserveAttempts(db, clock, staffSignInBudgets(request, key));
  if (!tries.ok) return data(submission.reply({ fieldErrors: fieldErrors(lockedMessage(tries.until, clock)), hideFields: ["password"] }), { status: 429 });

  const staff = await findActiveStaffByEmailKey(db, key);
  // Unknown addresses are checked against a dummy hash: same work, same answer (R-AUTH-3).
  const valid = await verifyPassword(staff?.passwordHash ?? DUMMY_PASSWORD_HASH, password);
  if (!staff || !valid) {
    await recordStaffFailedTry(db, clock, tries.held, "password", staff ? { id: staff.id, officeCode: staff.officeCode } : undefined);
    const lockedNow = lockedByUntil(tries.held);
    return data(submission.reply({ fieldErrors: fieldErrors(lockedNow ? lockedMessage(lockedNow, clock) : WRONG_CREDENTIALS), hideFields: ["password"] }), {
      status: lockedNow ? 429 : 400,
    });
  }

  await runStatements(db, provenStatements(db, tries.held));
  if (needsRehash(staff.passwordHash)) {
    await updateStaffPasswordHashStatement(db, staff.id, await hashPassword(password));
  }
  // A new half session (password done, TOTP not yet); any earlier staff session in this browser ends.
  if (previous) await db.delete(schema.sessions).where(eq(schema.sessions.id, previous.id));
  const { token } = await createSession(db, "staff", staff.id, clock, false);
  const redirectTo = staffRedirectTarget(submission.value.redirectTo);
  const next = redirectTo === "/staff" ? "/staff/login/totp" : `/staff/login/totp?redirectTo=${encodeURIComponent(redirectTo)}`;
  return redirect(next, { headers: { "Set-Cookie": sessionCookie("staff", token) } });
}

export default function StaffLoginPage() {
  const { redirectTo } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: loginSchema }),
    shouldRevalidate: "onInput",
  });
  return (
    <>
      <h1 className="mb-6 text-std-32B-150">職員ログイン</h1>
      <p className="mb-6">
        ハローワーク職員の方は、職員用のメールアドレスとパスワードを入力してください。次の画面で、認証アプリに表示される6桁の確認コードを入力します。
      </p>
      <Form method="post" {...getFormProps(form)} className="max-w-xl">
        <FormErrors errors={form.errors} id={form.errorId} />
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <TextField meta={fields.email} label="メールアドレス" type="email" required autoComplete="username" inputMode="email" />
        <TextField meta={fields.password} label="パスワード" type="password" required autoComplete="current-password" />
        <Button>次へ</Button>
      </Form>
      <p className="mt-8 text-dns-16N-130">
        パスワードを忘れた場合や認証アプリを使えなくなった場合は、所の統括職員に連絡してください。
        <Link to="/" className="ml-2">
          トップページへ
        </Link>
      </p>
    </>
  );
}
