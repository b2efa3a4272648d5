/**
 * 職員ログイン, step 2 of 2 (R-AUTH-4): the 6-digit code of an authenticator app (TOTP). A code whose
 * time step was already used is refused (replay). An officer without a TOTP secret first sets one up
 * here, after entering the one-time 登録コード a supervisor of the office issued (issue 9 #4: the password alone
 * cannot enrol): QR code and the secret as text; the secret is saved only after the first correct code.
 * Success replaces the half session with a new, verified one (a fresh token) and is audited. Wrong codes count in
 * the officer's second-factor budget, which a correct password does not reset: 5 lock it for an hour and alert
 * the office's supervisors (issue 9 #1).
 */
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, AppLoadContext, LoaderFunctionArgs, MetaFunction } from "@remix-run/cloudflare";
import { data, redirect } from "@remix-run/cloudflare";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { eq } from "drizzle-orm";
import { renderSVG } from "uqr";
import { z } from "zod";
import { Button, TextField } from "../../components/form";
import { EnrolForm } from "./enrol-form";
import { enrol } from "./enrol.server";
import { totpUri, verifyTotp } from "../../lib/totp";
import {
  deletePendingTotpSecret,
  getPendingTotpSecret,
  isReplayedStep,
  recordStaffFailedTry,
  rememberUsedStep,
  saveTotpSecretStatement,
  signInAuditStatement,
  staffRedirectTarget,
} from "../../models/staff.server";
import {
  codeRefusedMessage,
  SECOND_FACTOR_LIMIT,
  secondFactorBudgets,
  secondFactorLockedMessage,
  secondFactorScope,
  staffSecondFactorLockStatements,
} from "../../models/second-factor.server";
import { getStaffSession } from "../../utils/auth.server";
import { schema } from "../../utils/db.server";
import { clearSessionCookie, generateSessionToken, newSessionRow, sessionCookie } from "../../utils/session.server";
import { lockedBy, lockedByUntil, lockedMessage, provenStatements, releaseStatements, reserveAttempts, runStatements } from "../../utils/throttle.server";
import { readForm } from "../../utils/body.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.mode === "verify" ? "確認コードの入力" : "認証アプリの設定"} | 求人者マイページ` },
];

const codeSchema = z.object({
  code: z
    .string({ error: "確認コードを入力してください。" })
    .transform((v) => v.normalize("NFKC").replace(/\s+/g, ""))
    .pipe(z.string().regex(/^\d{6}$/, { error: "確認コードは、認証アプリに表示されている6桁の数字で入力してください。" })),
  redirectTo: z.string().optional(),
});

const WRONG_CODE = "確認コードが正しくありません。認証アプリに表示されている最新の6桁の数字を入力してください。";
const REPLAYED_CODE = "この確認コードは使用済みです。認証アプリに次のコードが表示されてから入力してください。";
const SETUP_EXPIRED = "設定の有効期限が切れました。統括職員に新しい登録コードの発行を依頼してください。";

/**
 * Guard: a staff session whose password step is done and whose second factor is not. The session and the active
 * officer's account are read in one round trip (the staff guard's batch, getStaffSession; issue 14).
 */
async function requireHalfSignedInStaff(request: Request, context: AppLoadContext) {
  const { db, session, staff } = await getStaffSession(request, context);
  const redirectTo = staffRedirectTarget(new URL(request.url).searchParams.get("redirectTo"));
  if (!session) throw redirect("/staff/login");
  if (session.twoFactorVerified) throw redirect(redirectTo);
  if (!staff) {
    await db.delete(schema.sessions).where(eq(schema.sessions.id, session.id));
    throw redirect("/staff/login", { headers: { "Set-Cookie": clearSessionCookie("staff") } });
  }
  return { db, session, staff, redirectTo };
}

function qrDataUri(text: string): string {
  const svg = renderSVG(text, { ecc: "M" });
  return `data:image/svg+xml;base64,${btoa(svg)}`;
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { session, staff, redirectTo } = await requireHalfSignedInStaff(request, context);
  if (staff.totpSecret) return { mode: "verify" as const, redirectTo, setup: null };
  // No QR code before a supervisor's enrolment code was entered in this half session (issue 9 #4).
  const secret = await getPendingTotpSecret(context.cloudflare.env.AUTH_KEYS, context.clock, staff.id, session.id);
  if (!secret) return { mode: "enrol" as const, redirectTo, setup: null };
  return {
    mode: "setup" as const,
    redirectTo,
    setup: {
      account: staff.email,
      secretGroups: secret.match(/.{1,4}/g) ?? [secret],
      qr: qrDataUri(totpUri(secret, staff.email)),
    },
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const env = context.cloudflare.env;
  const clock = context.clock;
  const { db, session, staff } = await requireHalfSignedInStaff(request, context);
  const formData = await readForm(request);
  if (!staff.totpSecret && formData.get("intent") === "enrol") return enrol(request, env, db, clock, { session, staff }, formData);
  const submission = parseWithZod(formData, { schema: codeSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const redirectTo = staffRedirectTarget(submission.value.redirectTo);
  const actor = { id: staff.id, officeCode: staff.officeCode };
  const refuseWith = (message: string, status: 400 | 429) => data(submission.reply({ fieldErrors: { code: [message] } }), { status });

  // The try is reserved before the check, in the officer's second-factor budget, which a correct password does not
  // reset (issue 9 #1), and in the client's.
  const factorScope = secondFactorScope("staff", staff.id);
  const tries = await reserveAttempts(db, clock, secondFactorBudgets(request, "staff", staff.id));
  if (!tries.ok) return refuseWith(codeRefusedMessage("staff", tries, clock), 429);
  const refuse = async (message: string) => {
    const others = tries.held.filter((h) => h.scope !== factorScope);
    await recordStaffFailedTry(db, clock, others, "totp", actor);
    if (lockedBy(tries.held).includes(factorScope)) {
      // This wrong code locked the second factor: the supervisors of the office are told (mail and audit log).
      await runStatements(db, [...(await staffSecondFactorLockStatements(db, clock, env, staff))]);
      return refuseWith(secondFactorLockedMessage("staff", clock.now().getTime() + SECOND_FACTOR_LIMIT.lockMs, clock), 429);
    }
    const lockedNow = lockedByUntil(others);
    return lockedNow ? refuseWith(lockedMessage(lockedNow, clock), 429) : refuseWith(message, 400);
  };

  const kv = env.AUTH_KEYS;
  const settingUp = !staff.totpSecret;
  const secret = staff.totpSecret ?? (await getPendingTotpSecret(kv, clock, staff.id, session.id));
  if (!secret) {
    await runStatements(db, releaseStatements(db, tries.held));
    return refuseWith(SETUP_EXPIRED, 400);
  }

  const step = verifyTotp(secret, submission.value.code, clock);
  if (step === null) return refuse(WRONG_CODE);
  if (await isReplayedStep(kv, clock, staff.id, step)) return refuse(REPLAYED_CODE);
  await rememberUsedStep(kv, clock, staff.id, step);

  // Rotate: the half session ends and a verified one with a new token begins, in one batch with the audit row.
  const token = generateSessionToken();
  await db.batch([
    db.delete(schema.sessions).where(eq(schema.sessions.id, session.id)),
    db.insert(schema.sessions).values(newSessionRow(token, "staff", staff.id, clock, true)),
    ...(settingUp ? [saveTotpSecretStatement(db, staff.id, secret)] : []),
    signInAuditStatement(db, clock, actor, settingUp ? { totpEnrolled: true } : {}),
    ...provenStatements(db, tries.held),
  ]);
  if (settingUp) await deletePendingTotpSecret(kv, staff.id, session.id);
  return redirect(redirectTo, { headers: { "Set-Cookie": sessionCookie("staff", token) } });
}

export default function StaffTotpPage() {
  const { mode, redirectTo, setup } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: codeSchema }),
  });
  const codeForm = (
    <Form method="post" {...getFormProps(form)} className="max-w-xl">
      <input type="hidden" name="redirectTo" value={redirectTo} />
      <TextField
        meta={fields.code}
        label="確認コード（6桁）"
        required
        inputMode="numeric"
        autoComplete="one-time-code"
        hint="認証アプリに表示されている6桁の数字。30秒ごとに変わります。"
      />
      <Button>{mode === "setup" ? "設定してログイン" : "ログイン"}</Button>
    </Form>
  );
  return (
    <>
      <h1 className="mb-6 text-std-32B-150">{mode === "verify" ? "確認コードの入力" : "認証アプリの設定"}</h1>
      {mode === "enrol" ? (
        <EnrolForm redirectTo={redirectTo} lastResult={lastResult} />
      ) : setup ? (
        <>
          <p className="mb-6">
            職員用画面のログインには、パスワードに加えて認証アプリ（Google Authenticator、Microsoft Authenticator
            など）の確認コードが必要です。次の手順で設定してください。
          </p>
          <section aria-labelledby="setup-step1" className="mb-8">
            <h2 id="setup-step1" className="mb-4 text-std-24B-150">
              1. 認証アプリにアカウントを追加する
            </h2>
            <p className="mb-4">認証アプリでQRコードを読み取ってください。読み取れない場合は、下の設定キーを手入力してください（時間ベース、6桁）。</p>
            <img src={setup.qr} alt="認証アプリに登録するためのQRコード" width={220} height={220} className="mb-4 border border-solid-gray-420" />
            <dl className="grid gap-2">
              <dt className="text-std-16B-170">アカウント</dt>
              <dd>{setup.account}</dd>
              <dt className="text-std-16B-170">設定キー</dt>
              <dd>
                <code className="text-std-20B-150 tracking-wider">{setup.secretGroups.join(" ")}</code>
              </dd>
            </dl>
          </section>
          <section aria-labelledby="setup-step2">
            <h2 id="setup-step2" className="mb-4 text-std-24B-150">
              2. 表示された確認コードを入力する
            </h2>
            {codeForm}
          </section>
        </>
      ) : (
        <>
          <p className="mb-6">認証アプリに表示されている6桁の確認コードを入力してください。</p>
          {codeForm}
        </>
      )}
      <p className="mt-8 text-dns-16N-130">
        <Link to="/staff/login">最初からやり直す</Link>
      </p>
    </>
  );
}
