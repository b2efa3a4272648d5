/**
 * Development operator page: fix "now" to demonstrate date rules, run a job by hand.
 * 404 in production (the whole /dev/* tree).
 */
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/cloudflare";
import { data, redirect } from "@remix-run/cloudflare";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { Button, TextField } from "../components/form";
import { ALL_JOBS } from "../jobs/registry.server";
import { findJob, runJob } from "../jobs/dispatch.server";
import { formatJstDateTime } from "../lib/clock";
import { getFixedNow, setFixedNow } from "../utils/clock.server";
import { requireDevelopment } from "../utils/dev.server";
import { readForm } from "../utils/body.server";

export const meta: MetaFunction = () => [{ title: "開発用：時計とジョブ | 求人者マイページ" }];

const clockSchema = z.object({
  intent: z.literal("set-clock"),
  at: z
    .string({ error: "日時を入力してください。" })
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, { error: "日時は「2026-11-26T09:00」の形で入力してください。" })
    .refine((v) => !Number.isNaN(new Date(`${v}:00+09:00`).getTime()), { error: "存在する日時を入力してください。" }),
});

export async function loader({ context }: LoaderFunctionArgs) {
  const env = context.cloudflare.env;
  requireDevelopment(env);
  const fixed = await getFixedNow(env);
  return {
    now: formatJstDateTime(context.clock.now()),
    fixed: fixed ? formatJstDateTime(fixed) : null,
    jobs: ALL_JOBS.map((j) => ({ name: j.name, description: j.description })),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const env = context.cloudflare.env;
  requireDevelopment(env);
  const formData = await readForm(request);
  const intent = formData.get("intent");
  if (intent === "clear-clock") {
    await setFixedNow(env, null);
    return redirect("/dev");
  }
  if (intent === "run-job") {
    const job = findJob(String(formData.get("job") ?? ""));
    if (!job) throw data(null, { status: 404 });
    const outcome = await runJob(job, env, context.clock);
    return { jobResult: `${outcome.job}: ${outcome.processed}件処理${outcome.error ? `（エラー：${outcome.error}）` : ""}` };
  }
  const submission = parseWithZod(formData, { schema: clockSchema });
  if (submission.status !== "success") return data({ clock: submission.reply() }, { status: 400 });
  await setFixedNow(env, new Date(`${submission.value.at}:00+09:00`));
  return redirect("/dev");
}

export default function DevPage() {
  const { now, fixed, jobs } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm({
    lastResult: actionData && "clock" in actionData ? actionData.clock : undefined,
    shouldValidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: clockSchema }),
  });
  return (
    <>
      <h1 className="mb-6 text-std-32B-150">開発用：時計とジョブ</h1>
      <p className="mb-6">
        この画面は開発環境だけのものです。<Link to="/dev/mail">送信メール一覧</Link>
      </p>
      <section aria-labelledby="clock-title" className="mb-10">
        <h2 id="clock-title" className="mb-4 text-std-24B-150">
          現在日時
        </h2>
        <p className="mb-4">
          システムの現在日時（日本時間）：<strong>{now}</strong>
          {fixed ? `（${fixed} に固定中）` : "（実際の時計）"}
        </p>
        <Form method="post" {...getFormProps(form)}>
          <input type="hidden" name="intent" value="set-clock" />
          <TextField meta={fields.at} label="固定する日時（日本時間）" type="datetime-local" required hint="例：2026-11-26T09:00" />
          <Button>この日時に固定する</Button>
        </Form>
        {fixed ? (
          <Form method="post" className="mt-4">
            <Button variant="secondary" name="intent" value="clear-clock">
              固定を解除する
            </Button>
          </Form>
        ) : null}
      </section>
      <section aria-labelledby="jobs-title">
        <h2 id="jobs-title" className="mb-4 text-std-24B-150">
          ジョブを今すぐ実行
        </h2>
        {actionData && "jobResult" in actionData ? (
          <p role="status" className="mb-4 rounded-8 bg-green-50 p-4">
            {actionData.jobResult}
          </p>
        ) : null}
        <ul className="grid gap-3">
          {jobs.map((j) => (
            <li key={j.name}>
              <Form method="post" className="flex flex-wrap items-center gap-4">
                <input type="hidden" name="job" value={j.name} />
                <Button variant="secondary" name="intent" value="run-job">
                  {j.name} を実行
                </Button>
                <span>{j.description}</span>
              </Form>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
