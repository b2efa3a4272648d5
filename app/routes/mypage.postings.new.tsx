/**
 * 新しい求人を申し込む (R-JOB-1, R-JOB-5): start a blank 求人 (the 事業所 screen comes from the latest posting, the
 * 就業場所 from the establishment), or copy one of the establishment's postings into a new draft (転用); from 7 days
 * before a posting's 紹介期限 the copy can be made as its 更新求人. Each is a plain POST form (intent blank / copy /
 * renewal) that opens the wizard's first screen. Refused under the R-GATE-3 restriction: the page shows the reason
 * instead of the buttons and the action answers 403.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/cloudflare";
import { data, redirect } from "@remix-run/cloudflare";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Button } from "../components/form";
import { stepPath } from "../components/posting-wizard";
import { formatJapaneseDate, todayJst } from "../lib/clock";
import { CHANGE_STATUS_LABELS, STATUS_LABELS } from "../lib/posting-labels";
import { parseContent } from "../models/posting/content.server";
import { copyPosting, createDraft, newDraftContent } from "../models/posting/drafts.server";
import { postingsOfEstablishment } from "../models/posting/queries.server";
import { decide } from "../rules/capabilities";
import { asOf, postingKindLabel, renewalWindowOf } from "../rules/posting";
import { requireEmployer } from "../utils/auth.server";
import { loadCapabilityFacts, requireCapability } from "../utils/capabilities.server";
import { PostingRouteError } from "../components/posting-error";
import { TableHead } from "../components/table";
import { readForm } from "../utils/body.server";

export const meta: MetaFunction = () => [{ title: "新しい求人を申し込む | 求人者マイページ" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  // The postings to copy from ride in the guard's batch (issue 14: one round trip).
  const employer = await requireEmployer(request, context, {
    reads: ({ db, establishmentId }) => ({ postings: postingsOfEstablishment(db, establishmentId) }),
  });
  const decision = decide("postings.apply", await loadCapabilityFacts(employer));
  const today = todayJst(employer.clock);
  const postings = employer.reads.postings;
  return {
    decision,
    postings: postings.map((stored) => {
      const p = asOf(stored, today); // the status as of today (issue 10 #6)
      const content = parseContent(p.publishedContent ?? p.content);
      const renewal = renewalWindowOf(p, today);
      return {
        id: p.id,
        jobTitle: content.jobTitle || "（職種未入力）",
        kind: postingKindLabel(content),
        status: STATUS_LABELS[p.status],
        change: p.changeStatus ? CHANGE_STATUS_LABELS[p.changeStatus] : null,
        jobNumber: p.jobNumber,
        validUntil: p.validUntil ? formatJapaneseDate(p.validUntil) : null,
        renewalAllowed: renewal?.allowed ?? false,
        renewalNote: renewal && !renewal.allowed ? (renewal.reason ?? null) : null,
      };
    }),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const employer = await requireEmployer(request, context);
  await requireCapability(employer, "postings.apply");
  const { db, clock, establishment, account } = employer;
  const form = await readForm(request);
  const intent = form.get("intent");
  if (intent === "blank") {
    const content = await newDraftContent(db, { id: establishment.id, prefectureCode: establishment.prefectureCode });
    const posting = await createDraft(db, clock, { id: establishment.id, officeCode: establishment.officeCode }, content, { accountId: account.id });
    return redirect(stepPath(posting.id, 1), 303);
  }
  if (intent === "copy" || intent === "renewal") {
    const sourceId = form.get("sourceId");
    const result = await copyPosting(
      db,
      clock,
      { establishmentId: establishment.id, accountId: account.id, officeCode: establishment.officeCode },
      typeof sourceId === "string" ? sourceId : "",
      { renewal: intent === "renewal" },
    );
    if (!result.ok) return data({ error: result.message }, { status: 400 });
    return redirect(stepPath(result.posting.id, 1), 303);
  }
  return data({ error: "操作を選び直してください。" }, { status: 400 });
}

export default function NewPostingPage() {
  const page = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <>
      <p className="mb-2 text-dns-16N-130">
        <Link to="/mypage/postings">求人の一覧</Link>
      </p>
      <h1 className="mb-6 text-std-32B-150">新しい求人を申し込む</h1>
      {actionData?.error ? (
        <p role="alert" className="mb-6 rounded-8 border-2 border-red-800 bg-red-50 p-4 text-dns-16B-130 text-red-900">
          {actionData.error}
        </p>
      ) : null}
      {!page.decision.allowed ? (
        <p role="alert" className="rounded-8 border-2 border-red-800 bg-red-50 p-4 text-dns-16B-130 text-red-900" data-refused="postings.apply">
          {`現在、求人の申込みは利用できません。${page.decision.reason ?? ""}`}
        </p>
      ) : (
        <>
          <section aria-labelledby="blank-title" className="mb-10">
            <h2 id="blank-title" className="mb-4 text-std-24B-150">
              新しく入力する
            </h2>
            <p className="mb-4">
              8つの画面で求人票の内容を入力します。途中で「一時保存」すると、続きは後から入力できます。事業所情報（従業員数・事業内容など）は、最後に入力した求人の内容が入った状態で始まります。
            </p>
            <Form method="post">
              <input type="hidden" name="intent" value="blank" />
              <Button>新しい求人を入力する</Button>
            </Form>
          </section>

          <section aria-labelledby="copy-title">
            <h2 id="copy-title" className="mb-4 text-std-24B-150">
              これまでの求人から転用する
            </h2>
            <p className="mb-4">
              これまでの求人の内容をコピーして、新しい求人を作ります（転用）。受理済みの求人は公開中の内容をコピーします。紹介期限の7日前からは、その求人を引き継ぐ「更新求人」として転用することもできます（受理されると新しい求人番号になります）。
            </p>
            {page.postings.length === 0 ? (
              <p>転用できる求人はまだありません。</p>
            ) : (
              <div className="overflow-x-auto">
                <table className="w-full border-collapse text-left text-dns-16N-130">
                  <caption className="mb-2 text-left text-std-16B-170">転用できる求人</caption>
                  <TableHead columns={["職種", "状態", "求人番号", "紹介期限", "操作"]} />
                  <tbody>
                    {page.postings.map((p) => (
                      <tr key={p.id} className="border-b border-solid-gray-420 align-top" data-posting={p.id}>
                        <th scope="row" className="p-2 text-left font-bold">
                          <span className="break-all">{p.jobTitle}</span>
                          <span className="block text-dns-14N-130 font-normal text-solid-gray-800">{p.kind}</span>
                        </th>
                        <td className="p-2">
                          {p.status}
                          {p.change ? <span className="block text-dns-14N-130">{p.change}</span> : null}
                        </td>
                        <td className="p-2">{p.jobNumber ?? "—"}</td>
                        <td className="p-2">{p.validUntil ?? "—"}</td>
                        <td className="p-2">
                          <div className="flex flex-wrap gap-2">
                            <Form method="post">
                              <input type="hidden" name="intent" value="copy" />
                              <input type="hidden" name="sourceId" value={p.id} />
                              <button
                                type="submit"
                                aria-label={`「${p.jobTitle}」を転用する`}
                                className="min-h-11 rounded-8 border border-blue-900 bg-white px-4 py-2 text-dns-16B-130 text-blue-900 hover:bg-blue-50 hover:underline"
                              >
                                転用
                              </button>
                            </Form>
                            {p.renewalAllowed ? (
                              <Form method="post">
                                <input type="hidden" name="intent" value="renewal" />
                                <input type="hidden" name="sourceId" value={p.id} />
                                <button
                                  type="submit"
                                  aria-label={`「${p.jobTitle}」を更新求人として転用する`}
                                  className="min-h-11 rounded-8 bg-blue-900 px-4 py-2 text-dns-16B-130 text-white hover:bg-blue-1000 hover:underline"
                                >
                                  更新求人として転用
                                </button>
                              </Form>
                            ) : null}
                          </div>
                          {p.renewalNote ? <p className="mt-2 text-dns-14N-130 text-solid-gray-800">{p.renewalNote}</p> : null}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </section>
        </>
      )}
    </>
  );
}

export function ErrorBoundary() {
  return <PostingRouteError refusedTitle="求人の申込みは利用できません" />;
}
