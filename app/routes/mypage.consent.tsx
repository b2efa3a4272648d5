/**
 * R-OPEN-7: agreement to the current 利用規約 and プライバシーポリシー. requireEmployer sends an account here
 * whenever either document has a version it has not agreed to; the agreement (versions and time) is
 * recorded in the consents table with an audit row, and the employer goes back to where it was going.
 */
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/cloudflare";
import { data, redirect } from "@remix-run/cloudflare";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { Button, CheckboxField, FormErrors } from "../components/form";
import { currentVersion, LEGAL_DOCUMENTS, PRIVACY, TERMS } from "../content/legal";
import { formatJapaneseDate } from "../lib/clock";
import { redirectToField } from "../lib/schemas/employer-auth";
import { recordConsent } from "../models/consent.server";
import { safeRedirect } from "../lib/redirect";
import { requireEmployer } from "../utils/auth.server";
import { readForm } from "../utils/body.server";

export const meta: MetaFunction = () => [{ title: "利用規約・プライバシーポリシーへの同意 | 求人者マイページ" }];

const consentSchema = z.object({
  agreeTerms: z.literal("on", { error: "利用規約を確認し、同意する場合はチェックを入れてください。" }),
  agreePrivacy: z.literal("on", { error: "プライバシーポリシーを確認し、同意する場合はチェックを入れてください。" }),
  redirectTo: redirectToField,
});

/** Where to go after agreeing: a local path, never this page itself. */
function nextPath(to: FormDataEntryValue | string | null | undefined): string {
  const path = safeRedirect(to, "/mypage");
  return path.startsWith("/mypage/consent") ? "/mypage" : path;
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { pendingConsents: pending } = await requireEmployer(request, context, { allowPendingConsent: true });
  const redirectTo = nextPath(new URL(request.url).searchParams.get("redirectTo"));
  if (pending.length === 0) throw redirect(redirectTo);
  return {
    redirectTo,
    documents: pending.map((id) => {
      const doc = LEGAL_DOCUMENTS[id];
      const version = currentVersion(doc);
      return { id, title: doc.title, version: version.version, effectiveFrom: formatJapaneseDate(version.effectiveFrom) };
    }),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { db, account, establishment } = await requireEmployer(request, context, { allowPendingConsent: true });
  const submission = parseWithZod(await readForm(request), { schema: consentSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  await recordConsent(db, context.clock, { id: account.id, officeCode: establishment.officeCode });
  return redirect(nextPath(submission.value.redirectTo), { status: 303 });
}

export default function ConsentPage() {
  const { redirectTo, documents } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: consentSchema }),
  });
  return (
    <div className="max-w-3xl">
      <h1 className="mb-6 text-std-32B-150">利用規約・プライバシーポリシーへの同意</h1>
      <p className="mb-6">
        求人者マイページの利用規約またはプライバシーポリシーが改定されました。引き続き求人者マイページを利用するには、改定後の内容を確認し、同意してください。
      </p>
      <section aria-labelledby="documents-title" className="mb-8">
        <h2 id="documents-title" className="mb-4 text-std-24B-150">
          改定された文書
        </h2>
        <ul className="grid list-disc gap-2 pl-6">
          {documents.map((d) => (
            <li key={d.id}>
              <Link to={d.id === "terms" ? "/terms" : "/privacy"} target="_blank" rel="noopener">
                {d.title}（版 {d.version}、{d.effectiveFrom}から適用）（新しいタブで開きます）
              </Link>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="agree-title">
        <h2 id="agree-title" className="mb-4 text-std-24B-150">
          同意
        </h2>
        <Form method="post" {...getFormProps(form)}>
          <FormErrors errors={form.errors} id={form.errorId} />
          <input type="hidden" name="redirectTo" value={redirectTo} />
          <CheckboxField meta={fields.agreeTerms} required label={`${TERMS.title}（版 ${currentVersion(TERMS).version}）に同意する`} />
          <CheckboxField meta={fields.agreePrivacy} required label={`${PRIVACY.title}（版 ${currentVersion(PRIVACY).version}）に同意する`} />
          <Button>同意して利用を続ける</Button>
        </Form>
      </section>
    </div>
  );
}
