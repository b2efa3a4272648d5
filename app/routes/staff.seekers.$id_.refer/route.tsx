/**
 * 紹介 (R-REF-1) of a seeker of the officer's office: the officer enters a 求人番号 (`?jobNumber=`, any office's posting:
 * the one exception to office scoping), confirms the posting (事業所名, 職種, 就業場所, 紹介期限, 受理した安定所), enters the
 * 紹介日 (today by default; up to 7 days back, never ahead), an optional 面接日時・場所 and a note, and refers. A posting that
 * is not valid today, or a second open referral to the same posting, is refused beside the 求人番号 in Japanese. The
 * employer is told by an お知らせ and a mail (models/referrals.server.ts createReferral). Another office's seeker is a 404.
 */
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/cloudflare";
import { data } from "@remix-run/cloudflare";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { StaffHeader } from "../../components/staff-header";
import { todayJst } from "../../lib/clock";
import { JOB_NUMBER } from "../../lib/identifiers";
import { normalizeJobNumberInput, referralSchemaFor } from "../../lib/schemas/seeker";
import { createReferralAcrossShards, lookUpPostingElsewhere } from "../../models/cross-shard-referrals.server";
import { ALREADY_REFERRED, openReferralQuery, postingByJobNumberQuery, referralPostingSummary } from "../../models/referrals.server";
import { deliverShardOutbox } from "../../models/shard-outbox.server";
import { seekerOfOfficeQuery } from "../../models/seekers.server";
import { ROLE_LABELS } from "../../models/staff.server";
import { earliestReferralDate } from "../../rules/seeker";
import { requireStaff } from "../../utils/auth.server";
import { readForm } from "../../utils/body.server";
import { redirectWithFlash } from "../../utils/flash.server";
import { mailContext } from "../../utils/mail.server";
import { shardsOf } from "../../utils/shards.server";
import { JobNumberLookup } from "./components/job-number-lookup";
import { PostingSummary } from "./components/posting-summary";
import { ReferralFields, type ReferralFieldset } from "./components/referral-fields";

export const meta: MetaFunction = () => [{ title: "求職者の紹介 | 求人者マイページ" }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const id = params.id ?? "";
  const typed = (new URL(request.url).searchParams.get("jobNumber") ?? "").slice(0, 40);
  const jobNumber = normalizeJobNumberInput(typed);
  const lookUp = JOB_NUMBER.test(jobNumber);
  const { staff, office, clock, reads } = await requireStaff(request, context, {
    reads: ({ db, officeCode, today }) => ({
      found: seekerOfOfficeQuery(db, officeCode, id),
      // Nothing has the 求人番号 "" (a number typed wrong looks nothing up).
      posting: postingByJobNumberQuery(db, lookUp ? jobNumber : "", today),
      open: openReferralQuery(db, id, lookUp ? jobNumber : ""),
    }),
  });
  const [found] = reads.found;
  if (!found) throw data(null, { status: 404 });
  const today = todayJst(clock);
  // A posting held by another shard than the officer's (issue 14, ADR 0028) is looked up there.
  const elsewhere = lookUp ? await lookUpPostingElsewhere(shardsOf(context.cloudflare.env), office.code, id, jobNumber, today) : null;
  const [row] = elsewhere?.posting ?? reads.posting;
  const [open] = elsewhere?.open ?? reads.open;
  const posting = row ? referralPostingSummary(row, today) : null;
  let lookupError: string | null = null;
  if (typed.trim() !== "" && !lookUp) lookupError = "求人番号は「09100-00000012」のように、5桁と8桁の数字で入力してください。";
  else if (lookUp && !posting) lookupError = "この求人番号の求人はありません。番号を確かめてください。";
  else if (posting?.refusal) lookupError = posting.refusal;
  else if (posting && open) lookupError = ALREADY_REFERRED;
  return {
    staff: { name: staff.name, officeName: office.name, roleLabel: ROLE_LABELS[staff.role] },
    seeker: { id: found.seeker.id, name: found.seeker.name, nameKana: found.seeker.nameKana, seekerNumber: found.seeker.seekerNumber },
    today,
    earliest: earliestReferralDate(today),
    typed,
    lookupError,
    posting,
    canRefer: posting !== null && lookupError === null,
  };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const id = params.id ?? "";
  const { db, clock, staff, office, reads } = await requireStaff(request, context, {
    reads: ({ db, officeCode }) => ({ found: seekerOfOfficeQuery(db, officeCode, id) }),
  });
  if (!reads.found[0]) throw data(null, { status: 404 });
  const submission = parseWithZod(await readForm(request), { schema: referralSchemaFor(todayJst(clock)) });
  if (submission.status !== "success") return data({ result: submission.reply(), posting: null }, { status: 400 });
  const shards = shardsOf(context.cloudflare.env);
  const outcome = await createReferralAcrossShards({
    db,
    shards,
    clock,
    mail: mailContext(context.cloudflare.env),
    scope: { staffId: staff.id, officeCode: office.code },
    seekerId: id,
    input: submission.value,
  });
  if (!outcome.ok) {
    if (outcome.reason === "seeker-not-found") throw data(null, { status: 404 });
    return data({ result: submission.reply({ fieldErrors: { jobNumber: [outcome.message] } }), posting: outcome.posting }, { status: 400 });
  }
  const { posting, delivery } = outcome;
  // A 紹介 written in the posting's shard: its reference goes to the seeker's shard now (a failure stays pending).
  if (delivery) context.cloudflare.ctx.waitUntil(deliverShardOutbox({ shards, from: delivery.from, clock }));
  return redirectWithFlash(
    `/staff/seekers/${id}`,
    `求人番号 ${posting.jobNumber}（${posting.jobTitle}）に紹介しました。${posting.establishmentName}にお知らせとメールで通知しました。`,
  );
}

/**
 * The referral form for the posting looked up. Keyed by the 求人番号 (below): a new look-up (a client-side GET) mounts a
 * new form, so its read-only 求人番号 is the posting just confirmed, never the previous one's (Conform reads
 * `defaultValue` once per form).
 */
function ReferralForm({ jobNumber, today, earliest }: { jobNumber: string; today: string; earliest: string }) {
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: `refer-${jobNumber || "none"}`,
    lastResult: actionData?.result,
    defaultValue: { jobNumber, referredOn: today },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: referralSchemaFor(today) }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  return (
    <Form method="post" {...getFormProps(form)} className="max-w-2xl">
      <ReferralFields fields={fields as unknown as ReferralFieldset} errors={form.errors} errorId={form.errorId} today={today} earliest={earliest} />
    </Form>
  );
}

export default function ReferSeeker() {
  const { staff, seeker, today, earliest, typed, lookupError, posting: looked, canRefer } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const posting = actionData?.posting ?? looked;
  const jobNumber = posting?.jobNumber ?? "";
  return (
    <>
      <StaffHeader staff={staff} />
      <h1 className="mb-2 text-std-32B-150">求職者の紹介</h1>
      <p className="mb-6 text-std-17N-170">
        紹介する求職者：<strong>{seeker.name}</strong>（{seeker.nameKana}、求職番号 {seeker.seekerNumber}）
      </p>
      <p className="mb-6">
        全国の有効中の求人に紹介できます。紹介すると、求人の事業所に求人者マイページのお知らせとメールで通知されます（求職者の個人情報は通知に含まれません）。
      </p>
      <JobNumberLookup key={typed} typed={typed} error={actionData ? null : lookupError} />
      {posting ? <PostingSummary posting={posting} /> : null}
      {canRefer || actionData ? (
        <section aria-labelledby="refer-title" className="mb-10">
          <h2 id="refer-title" className="mb-4 text-std-24B-150">
            紹介の内容
          </h2>
          <ReferralForm key={jobNumber} jobNumber={jobNumber} today={today} earliest={earliest} />
        </section>
      ) : null}
      <p>
        <Link to={`/staff/seekers/${seeker.id}`}>求職者の詳細へ戻る</Link>
      </p>
    </>
  );
}
