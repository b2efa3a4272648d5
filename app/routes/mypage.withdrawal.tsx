/**
 * 求人者マイページの退会 (R-DEL-1), for the main login account only (rules/capabilities "withdraw"; another account sees
 * why, and its POST is refused with a 403). The confirmation screen says what ends today and when everything is erased
 * (rules/withdrawal withdrawalEffects); the main account's current password and 「上記の内容を確認しました」 are required.
 * The change is one batch (models/withdrawal.server.ts); then the browser is signed out and lands on the public
 * /withdrawal/complete with the erasure date.
 */
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/cloudflare";
import { data, redirect } from "@remix-run/cloudflare";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Button, CheckboxField, FormErrors, TextField } from "../components/form";
import { formatJapaneseDate, todayJst } from "../lib/clock";
import { withdrawalSchema } from "../lib/schemas/withdrawal";
import { checkCurrentPassword } from "../models/employer-signin.server";
import { withdrawEstablishment } from "../models/withdrawal.server";
import { decide } from "../rules/capabilities";
import { withdrawalErasedFrom } from "../rules/retention";
import { withdrawalEffects } from "../rules/withdrawal";
import { requireEmployer } from "../utils/auth.server";
import { readForm } from "../utils/body.server";
import { requireCapability } from "../utils/capabilities.server";
import { mailContext } from "../utils/mail.server";
import { clearSessionCookie } from "../utils/session.server";
import { runStatements, provenStatements } from "../utils/throttle.server";

export const meta: MetaFunction = () => [{ title: "求人者マイページの退会 | 求人者マイページ" }];

const HIDDEN = ["currentPassword"];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const employer = await requireEmployer(request, context);
  const today = todayJst(employer.clock);
  const office = { name: employer.office.name, phone: employer.office.phone };
  const decision = decide("withdraw", employer.facts);
  return {
    establishment: { name: employer.establishment.name, number: employer.establishment.establishmentNumber ?? "" },
    email: employer.account.email,
    refusal: decision.allowed ? null : (decision.reason ?? null),
    effects: withdrawalEffects(today, office),
    erasedFrom: formatJapaneseDate(withdrawalErasedFrom(today)),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const employer = await requireEmployer(request, context);
  requireCapability(employer, "withdraw");
  const { db, clock, account, establishment, office } = employer;
  const submission = parseWithZod(await readForm(request), { schema: withdrawalSchema });
  if (submission.status !== "success") return data(submission.reply({ hideFields: HIDDEN }), { status: 400 });
  const refuse = (message: string, status: number) => data(submission.reply({ fieldErrors: { currentPassword: [message] }, hideFields: HIDDEN }), { status });
  const tries = await checkCurrentPassword(db, clock, request, account, submission.value.currentPassword);
  if (!tries.ok) return refuse(tries.message, tries.status);
  await runStatements(db, provenStatements(db, tries.held));
  const outcome = await withdrawEstablishment(db, context.cloudflare.env.AUTH_KEYS, clock, mailContext(context.cloudflare.env), {
    establishment: { id: establishment.id, name: establishment.name },
    account: { id: account.id, officeCode: establishment.officeCode },
    office: { name: office.name, phone: office.phone },
  });
  if (!outcome.ok) return data(submission.reply({ formErrors: [outcome.message], hideFields: HIDDEN }), { status: 409 });
  // Every session of the establishment is gone (this one too): the browser forgets its cookie and leaves the My Page.
  return redirect(`/withdrawal/complete?on=${outcome.withdrawnOn}`, { status: 303, headers: { "Set-Cookie": clearSessionCookie("employer") } });
}

export default function WithdrawalPage() {
  const { establishment, email, refusal, effects, erasedFrom } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "withdrawal",
    lastResult,
    shouldValidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: withdrawalSchema }),
  });
  return (
    <div className="max-w-3xl">
      <h1 className="mb-6 text-std-32B-150">求人者マイページの退会</h1>
      <p className="mb-6">
        {establishment.name}（事業所番号 {establishment.number}）の求人者マイページを退会します。
      </p>
      {refusal ? (
        <div className="mb-8 rounded-8 border-l-4 border-blue-900 bg-blue-50 p-4" data-withdrawal-refused>
          <p className="mb-2">{`退会の手続きは、主たるログインアカウントだけができます。${refusal}`}</p>
          <p>退会を希望する場合は、主たるログインアカウントでログインしてください。</p>
        </div>
      ) : (
        <>
          <section aria-labelledby="effects-title" className="mb-8 rounded-8 border-2 border-red-800 p-6">
            <h2 id="effects-title" className="mb-4 text-std-24B-150">
              退会すると、次のとおりになります
            </h2>
            <ul className="grid list-disc gap-2 pl-6" data-withdrawal-effects>
              {effects.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
            <p className="mt-4 text-std-17B-170" data-erased-from>{`${erasedFrom}以降に消去`}</p>
          </section>
          <section aria-labelledby="withdraw-title">
            <h2 id="withdraw-title" className="mb-4 text-std-24B-150">
              退会の手続き
            </h2>
            <Form method="post" {...getFormProps(form)}>
              <FormErrors errors={form.errors} id={form.errorId} />
              <input type="hidden" name="username" autoComplete="username" value={email} />
              <TextField meta={fields.currentPassword} label="現在のパスワード" type="password" required autoComplete="current-password" />
              <CheckboxField meta={fields.confirmed} label="上記の内容を確認しました" required />
              <Button>退会する</Button>
            </Form>
          </section>
        </>
      )}
      <p className="mt-8">
        <Link to="/mypage">マイページトップへ戻る</Link>
      </p>
    </div>
  );
}
