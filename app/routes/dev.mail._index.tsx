/** Development outbox: every system mail, newest first (404 in production). */
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/cloudflare";
import { data, redirect } from "@remix-run/cloudflare";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { desc } from "drizzle-orm";
import { z } from "zod";
import { Button, TextField } from "../components/form";
import { TableHead } from "../components/table";
import { formatJstDateTime } from "../lib/clock";
import { emailField } from "../lib/schemas/fields";
import { getDb, schema } from "../utils/db.server";
import { requireDevelopment } from "../utils/dev.server";
import { deliverDueMail, enqueueMail, localSender, mailContext } from "../utils/mail.server";
import { readForm } from "../utils/body.server";

export const meta: MetaFunction = () => [{ title: "開発用：送信メール | 求人者マイページ" }];

const testMailSchema = z.object({
  to: emailField,
});

export async function loader({ context }: LoaderFunctionArgs) {
  const env = context.cloudflare.env;
  requireDevelopment(env);
  const rows = await getDb(env)
    .select({
      id: schema.mailOutbox.id,
      toAddress: schema.mailOutbox.toAddress,
      subject: schema.mailOutbox.subject,
      status: schema.mailOutbox.status,
      attempts: schema.mailOutbox.attempts,
      createdAt: schema.mailOutbox.createdAt,
    })
    .from(schema.mailOutbox)
    .orderBy(desc(schema.mailOutbox.createdAt))
    .limit(100)
    .all();
  return { mails: rows.map((r) => ({ ...r, createdAt: formatJstDateTime(r.createdAt) })) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const env = context.cloudflare.env;
  requireDevelopment(env);
  const submission = parseWithZod(await readForm(request), { schema: testMailSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const db = getDb(env);
  await db.batch([
    enqueueMail(db, context.clock, mailContext(env), submission.value.to, "test", {
      note: "送信箱から配送されるまでの流れを確認できます。",
    }),
  ]);
  await deliverDueMail(db, context.clock, localSender);
  return redirect("/dev/mail");
}

export default function DevMailPage() {
  const { mails } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: testMailSchema }),
  });
  return (
    <>
      <h1 className="mb-6 text-std-32B-150">開発用：送信メール</h1>
      <p className="mb-6">
        開発環境ではメールを外部に送信せず、ここに表示します。<Link to="/dev">時計とジョブ</Link>
      </p>
      {mails.length === 0 ? (
        <p className="mb-8">まだメールはありません。</p>
      ) : (
        <table className="mb-10 w-full border-collapse text-left">
          <caption className="mb-2 text-left text-dns-16B-130">送信メール（新しい順、最大100件）</caption>
          <TableHead columns={["作成日時", "宛先", "件名", "状態"]} />
          <tbody>
            {mails.map((m) => (
              <tr key={m.id} className="border-b border-solid-gray-420" data-mail-to={m.toAddress}>
                <td className="p-2">{m.createdAt}</td>
                <td className="p-2">{m.toAddress}</td>
                <td className="p-2">
                  <Link to={`/dev/mail/${m.id}`}>{m.subject}</Link>
                </td>
                <td className="p-2">{m.status === "sent" ? "送信済み" : `送信待ち（試行${m.attempts}回）`}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <section aria-labelledby="test-title">
        <h2 id="test-title" className="mb-4 text-std-24B-150">
          テストメールを送る
        </h2>
        <Form method="post" {...getFormProps(form)}>
          <TextField meta={fields.to} label="宛先メールアドレス" type="email" required autoComplete="email" />
          <Button>送信する</Button>
        </Form>
      </section>
    </>
  );
}
