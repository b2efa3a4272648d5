/**
 * ログインアカウントの管理 (R-OPEN-2): the establishment's login accounts. The main account may add up to
 * 10 more (each gets a mailed 認証キー and opens itself at パスワード登録) and remove them; the others
 * only see the list. The server asks the capability rules (accounts.manage) on every action.
 */
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/cloudflare";
import { data } from "@remix-run/cloudflare";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { MailFromNotice } from "../components/opening";
import { Button, TextField } from "../components/form";
import { TableHead } from "../components/table";
import { addAccountSchema } from "../lib/schemas/opening";
import { ACCOUNT_CHANGES_PER_DAY, DAILY_LIMIT_MESSAGE } from "../models/login-account-limits.server";
import {
  addLoginAccount,
  findAdditionalAccount,
  loginAccountsQuery,
  MAX_ADDITIONAL_ACCOUNTS,
  toLoginAccountRows,
  removeLoginAccount,
} from "../models/login-accounts.server";
import { decide } from "../rules/capabilities";
import { requireEmployer, type EmployerContext } from "../utils/auth.server";
import { loadCapabilityFacts, requireCapability } from "../utils/capabilities.server";
import { mailFromAddress } from "../utils/env.server";
import { mailContext } from "../utils/mail.server";
import { redirectWithFlash } from "../utils/flash.server";
import { readForm } from "../utils/body.server";

export const meta: MetaFunction = () => [{ title: "ログインアカウントの管理 | 求人者マイページ" }];

/** The answer to every accepted addition, whether the address was free or already used by a login account. */
const ADD_ANSWER =
  "入力したメールアドレスあてにご案内を送信しました。追加したログインアカウントは一覧に「未開設（パスワード未登録）」と表示され、受け取った方が「パスワード登録」で認証キー（30分有効）とパスワードを入力すると利用を開始できます。一覧に表示されない場合、そのメールアドレスはすでにほかのログインアカウントで使われているため追加できません。";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const employer = await requireEmployer(request, context, {
    reads: ({ db, establishmentId }) => ({ accounts: loginAccountsQuery(db, establishmentId) }),
  });
  const accounts = toLoginAccountRows(employer.reads.accounts);
  const manage = decide("accounts.manage", await loadCapabilityFacts(employer));
  return {
    establishmentName: employer.establishment.name,
    me: employer.account.id,
    accounts: accounts.map((a) => ({ id: a.id, email: a.email, isMain: a.isMain, inUse: a.opened && a.status === "active" })),
    additional: accounts.filter((a) => !a.isMain).length,
    max: MAX_ADDITIONAL_ACCOUNTS,
    changesPerDay: ACCOUNT_CHANGES_PER_DAY,
    manage,
    mailFrom: mailFromAddress(context.cloudflare.env),
  };
}

function actorOf(employer: EmployerContext) {
  return {
    accountId: employer.account.id,
    establishmentId: employer.establishment.id,
    establishmentName: employer.establishment.name,
    officeCode: employer.establishment.officeCode,
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const employer = await requireEmployer(request, context);
  await requireCapability(employer, "accounts.manage");
  const env = context.cloudflare.env;
  const formData = await readForm(request);
  const intent = formData.get("intent");
  if (intent === "remove") {
    const accountId = formData.get("accountId");
    const target =
      typeof accountId === "string" ? await findAdditionalAccount(employer.db, { accountId, establishmentId: employer.establishment.id }) : undefined;
    if (!target) throw data(null, { status: 404 });
    if (!(await removeLoginAccount(employer.db, env.AUTH_KEYS, context.clock, actorOf(employer), target))) {
      return redirectWithFlash("/mypage/accounts", DAILY_LIMIT_MESSAGE, { tone: "warning" });
    }
    return redirectWithFlash("/mypage/accounts", "ログインアカウントを削除しました。");
  }
  const submission = parseWithZod(formData, { schema: addAccountSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const result = await addLoginAccount(employer.db, env.AUTH_KEYS, context.clock, mailContext(env), actorOf(employer), submission.value.email);
  if (!result.ok) return data(submission.reply({ fieldErrors: { email: [result.message] } }), { status: result.limited ? 429 : 400 });
  // The same answer whether or not the address was free (issue 9 #7): the list below shows what was added.
  return redirectWithFlash("/mypage/accounts", ADD_ANSWER);
}

export default function LoginAccountsPage() {
  const page = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: addAccountSchema }),
  });
  return (
    <>
      <h1 className="mb-6 text-std-32B-150">ログインアカウントの管理</h1>
      <p className="mb-6">{page.establishmentName}の求人者マイページにログインできるアカウントです。</p>

      <section aria-labelledby="list-title" className="mb-10">
        <h2 id="list-title" className="mb-4 text-std-24B-150">
          ログインアカウント一覧
        </h2>
        <table className="w-full border-collapse text-left">
          <caption className="mb-2 text-left text-dns-16B-130">
            追加したログインアカウント：{page.additional}個（最大{page.max}個）
          </caption>
          <TableHead columns={["メールアドレス", "種類", "状態", page.manage.allowed && "操作"]} />
          <tbody>
            {page.accounts.map((a) => (
              <tr key={a.id} className="border-b border-solid-gray-420" data-account-email={a.email}>
                <td className="p-2 break-all">{a.id === page.me ? `${a.email}（ログイン中）` : a.email}</td>
                <td className="p-2">{a.isMain ? "主たるアカウント" : "追加アカウント"}</td>
                <td className="p-2">{a.inUse ? "利用中" : "未開設（パスワード未登録）"}</td>
                {page.manage.allowed ? (
                  <td className="p-2">
                    {a.isMain ? null : (
                      <Form method="post">
                        <input type="hidden" name="accountId" value={a.id} />
                        <Button variant="secondary" name="intent" value="remove">
                          削除<span className="sr-only">（{a.email}）</span>
                        </Button>
                      </Form>
                    )}
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section aria-labelledby="add-title">
        <h2 id="add-title" className="mb-4 text-std-24B-150">
          ログインアカウントの追加
        </h2>
        {page.manage.allowed ? (
          <>
            <p className="mb-4">
              追加するメールアドレスに認証キーを送信します。受け取った方が「パスワード登録」でパスワードを登録すると、利用を開始できます。ログインアカウントの追加・削除は、1日に
              {page.changesPerDay}回までです。
            </p>
            <MailFromNotice mailFrom={page.mailFrom} />
            <Form method="post" {...getFormProps(form)} className="mt-6">
              <input type="hidden" name="intent" value="add" />
              <TextField meta={fields.email} label="追加するメールアドレス" type="email" required autoComplete="off" hint="100文字以内" />
              <Button>追加して認証キーを送信する</Button>
            </Form>
          </>
        ) : (
          <p className="rounded-8 bg-solid-gray-50 p-4">
            {page.manage.reason} ログインアカウントの追加・削除は、主たるログインアカウントでログインして行ってください。
          </p>
        )}
      </section>
      <p className="mt-10">
        <Link to="/mypage">マイページのトップへ戻る</Link>
      </p>
    </>
  );
}
