/**
 * 求職者マイページ home (issue 12): the signed-in seeker's name and 求職番号, and the places of 「直接リクエスト」 and
 * 「メッセージ」, which the next session fills. One round trip: the guard's batch.
 */
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/cloudflare";
import { Form, useLoaderData } from "@remix-run/react";
import { Button } from "../components/form";
import { requireSeeker } from "../utils/auth.server";

export const meta: MetaFunction = () => [{ title: "求職者マイページ" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { seeker, account } = await requireSeeker(request, context);
  return { name: seeker.name, seekerNumber: seeker.seekerNumber, email: account.email };
}

export default function SeekerHomePage() {
  const { name, seekerNumber, email } = useLoaderData<typeof loader>();
  return (
    <div className="max-w-3xl">
      <h1 className="mb-2 text-std-32B-150">求職者マイページ</h1>
      <p className="mb-8">
        {name} 様（求職番号 {seekerNumber}）
      </p>
      <section aria-labelledby="seeker-requests-title" className="mb-8">
        <h2 id="seeker-requests-title" className="mb-3 text-std-24B-150">
          直接リクエスト
        </h2>
        <p>事業所から届いた直接リクエストは、ここに表示されます。現在、表示できる直接リクエストはありません。</p>
      </section>
      <section aria-labelledby="seeker-messages-title" className="mb-8">
        <h2 id="seeker-messages-title" className="mb-3 text-std-24B-150">
          メッセージ
        </h2>
        <p>事業所やハローワークとのメッセージは、ここに表示されます。現在、表示できるメッセージはありません。</p>
      </section>
      <section aria-labelledby="seeker-account-title">
        <h2 id="seeker-account-title" className="mb-3 text-std-24B-150">
          ログイン情報
        </h2>
        <p className="mb-4 break-all">ログインID（メールアドレス）：{email}</p>
        <Form method="post" action="/seeker/logout">
          <Button variant="secondary">ログアウト</Button>
        </Form>
      </section>
    </div>
  );
}
