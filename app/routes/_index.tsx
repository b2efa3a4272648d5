import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/cloudflare";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { jurisdictionalOfficeQuery, municipalitiesWithOfficeQuery, officesQuery } from "../models/office.server";
import { getDb } from "../utils/db.server";
import { readBatch } from "../utils/request-batch.server";
import { mailFromAddress } from "../utils/env.server";
import { TableHead } from "../components/table";

export const meta: MetaFunction = () => [
  { title: "求人者マイページ | ハローワークインターネットサービス" },
  { name: "description", content: "事業主の方が、求人の申込みや応募者の管理をパソコンから行える求人者マイページのご案内です。" },
];

/** The demo data's prefecture (栃木県); the office directory shows its offices. */
const HOME_PREFECTURE = "09";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const db = getDb(context.cloudflare.env);
  const municipality = new URL(request.url).searchParams.get("municipality") ?? "";
  const [offices, municipalities, [jurisdiction]] = await readBatch(db, [
    officesQuery(db, HOME_PREFECTURE),
    municipalitiesWithOfficeQuery(db, HOME_PREFECTURE),
    jurisdictionalOfficeQuery(db, /^\d{5}$/.test(municipality) ? municipality : ""),
  ] as const);
  return {
    offices,
    municipalities: municipalities.map((m) => ({ code: m.code, name: m.name })),
    selectedMunicipality: municipality,
    jurisdiction: jurisdiction ?? null,
    mailFrom: mailFromAddress(context.cloudflare.env),
  };
}

const SERVICES = [
  "求人の申込み",
  "画像情報の登録・公開",
  "求人の内容変更や求人の取消（募集停止）",
  "ハローワークが紹介した求職者とのコンタクト",
  "選考結果の登録",
  "ハローワークに登録している求職者情報の検索",
];

const STEPS = [
  "窓口でメールアドレスを登録",
  "ハローワークインターネットサービスにアクセスし「パスワード登録」",
  "登録したメールアドレスを入力し、利用規約などに同意",
  "認証キーを受信（30分有効）",
  "パスワード登録・認証キー入力",
  "マイページ開設完了",
];

export default function Index() {
  const data = useLoaderData<typeof loader>();
  const selectedName = data.municipalities.find((m) => m.code === data.selectedMunicipality)?.name;
  return (
    <>
      <h1 className="mb-6 text-std-32B-150">求人者マイページ</h1>
      <p className="mb-8 text-std-17N-170">
        ハローワークインターネットサービス上に「求人者マイページ」を開設すると、会社のパソコンから求人に関する次のサービスをご利用いただけます。
      </p>

      <section aria-labelledby="employer-title" className="mb-10 rounded-16 border border-solid-gray-420 p-6">
        <h2 id="employer-title" className="mb-4 text-std-24B-150">
          事業主の方
        </h2>
        <ul className="mb-6 grid list-disc gap-1 pl-6 sm:grid-cols-2">
          {SERVICES.map((s) => (
            <li key={s}>{s}</li>
          ))}
        </ul>
        <ul className="flex flex-wrap gap-4" aria-label="事業主の方の手続き">
          <li>
            <Link
              to="/login"
              className="inline-block rounded-8 bg-blue-900 px-6 py-3 text-std-16B-170 text-white no-underline hover:bg-blue-1000 hover:underline"
            >
              ログイン
            </Link>
          </li>
          <li>
            <Link to="/password-registration" className="inline-block rounded-8 border border-blue-900 px-6 py-3 text-std-16B-170 text-blue-900">
              パスワード登録（窓口でメールアドレスを登録した方）
            </Link>
          </li>
          <li>
            <Link to="/register" className="inline-block rounded-8 border border-blue-900 px-6 py-3 text-std-16B-170 text-blue-900">
              事業所登録・求人申込み（仮登録）
            </Link>
          </li>
          <li>
            <Link to="/password-reset" className="inline-block px-2 py-3 text-std-16N-170">
              パスワードを忘れた方
            </Link>
          </li>
        </ul>
      </section>

      <section aria-labelledby="steps-title" className="mb-10">
        <h2 id="steps-title" className="mb-4 text-std-24B-150">
          マイページ開設の手順
        </h2>
        <p className="mb-4">
          開設を希望する方は、ログインアカウントとして使用する事業所のメールアドレスをご用意のうえ、事業所所在地を管轄するハローワークの窓口へお申し出ください。窓口でメールアドレスを登録した後（①）、会社のパソコンから②〜⑥の手続きを行います。
        </p>
        <ol className="mb-4 grid gap-2 sm:grid-cols-2">
          {STEPS.map((s, i) => (
            <li key={s} className="rounded-8 bg-solid-gray-50 p-3">
              <span className="mr-2 text-std-17B-170">{"①②③④⑤⑥"[i]}</span>
              {s}
            </li>
          ))}
        </ol>
        <p className="rounded-8 border-l-4 border-yellow-700 bg-yellow-50 p-4">
          メールの受信制限をしている場合は、パスワード登録の前に「<strong>{data.mailFrom}</strong>」からのメールを受信できるよう設定してください。
        </p>
      </section>

      <section aria-labelledby="jurisdiction-title" className="mb-10">
        <h2 id="jurisdiction-title" className="mb-4 text-std-24B-150">
          管轄のハローワークを調べる（栃木県）
        </h2>
        <Form method="get" className="mb-4 flex flex-wrap items-end gap-4">
          <div>
            <label htmlFor="municipality" className="mb-2 block text-std-17B-170">
              事業所の所在地（市町村）
            </label>
            <select id="municipality" name="municipality" defaultValue={data.selectedMunicipality} className="rounded-8 border border-solid-gray-600 px-4 py-3">
              <option value="">選択してください</option>
              {data.municipalities.map((m) => (
                <option key={m.code} value={m.code}>
                  {m.name}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="min-h-14 rounded-8 bg-blue-900 px-6 py-3 text-std-16B-170 text-white">
            調べる
          </button>
        </Form>
        {data.jurisdiction ? (
          <p role="status" className="mb-4 rounded-8 bg-blue-50 p-4">
            {selectedName}の事業所は<strong>{data.jurisdiction.name}</strong>（電話 {data.jurisdiction.phone}）の管轄です。
          </p>
        ) : null}
        <table className="w-full border-collapse text-left">
          <caption className="mb-2 text-left text-dns-16B-130">栃木県のハローワーク</caption>
          <TableHead columns={["名称", "電話番号", "所在地"]} />
          <tbody>
            {data.offices.map((o) => (
              <tr key={o.code} className="border-b border-solid-gray-420">
                <th scope="row" className="p-2 font-normal">
                  {o.name}
                </th>
                <td className="p-2">{o.phone}</td>
                <td className="p-2">
                  〒{o.postalCode} {o.address}
                  {o.illustrative ? <span className="ml-2 text-dns-14N-130 text-solid-gray-800">（デモ用の仮の情報）</span> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section aria-labelledby="staff-title" className="rounded-16 border border-solid-gray-420 p-6">
        <h2 id="staff-title" className="mb-2 text-std-24B-150">
          ハローワーク職員の方
        </h2>
        <p className="mb-4">職員用の画面は、パスワードと認証アプリ（ワンタイムパスワード）でログインしてご利用ください。</p>
        <p>
          <Link to="/staff/login">職員ログイン</Link>
        </p>
      </section>
    </>
  );
}
