/** 職員メニュー: who is signed in, at which office, and the officer's tasks. */
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/cloudflare";
import { Link, useLoaderData } from "@remix-run/react";
import { StaffHeader } from "../components/staff-header";
import { formatJstDateTime } from "../lib/clock";
import { reviewQueueCountQuery } from "../models/posting/queries.server";
import { pendingProvisionalCountQuery } from "../models/provisional.server";
import { ROLE_LABELS } from "../models/staff.server";
import { requireStaff } from "../utils/auth.server";

export const meta: MetaFunction = () => [{ title: "職員メニュー | 求人者マイページ" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { staff, office, session, reads } = await requireStaff(request, context, {
    reads: ({ db, officeCode, today }) => ({
      pendingProvisional: pendingProvisionalCountQuery(db, officeCode),
      pendingPostings: reviewQueueCountQuery(db, officeCode, today),
    }),
  });
  const pendingProvisional = reads.pendingProvisional[0]?.n ?? 0;
  const pendingPostings = reads.pendingPostings[0]?.n ?? 0;
  return {
    staff: { name: staff.name, officeName: office.name, roleLabel: ROLE_LABELS[staff.role] },
    officeCode: office.code,
    isSupervisor: staff.role === "supervisor",
    pendingProvisional,
    pendingPostings,
    sessionEndsAt: formatJstDateTime(session.expiresAt),
  };
}

export default function StaffHome() {
  const { staff, officeCode, isSupervisor, pendingProvisional, pendingPostings, sessionEndsAt } = useLoaderData<typeof loader>();
  return (
    <>
      <StaffHeader staff={staff} />
      <h1 className="mb-6 text-std-32B-150">職員メニュー</h1>
      <dl className="mb-8 grid max-w-xl grid-cols-[8rem_1fr] gap-2">
        <dt className="text-std-16B-170">氏名</dt>
        <dd>{staff.name}</dd>
        <dt className="text-std-16B-170">所属</dt>
        <dd>
          {staff.officeName}（所番号 {officeCode}）
        </dd>
        <dt className="text-std-16B-170">権限</dt>
        <dd>{staff.roleLabel}</dd>
      </dl>
      <section aria-labelledby="menu-title" className="mb-8">
        <h2 id="menu-title" className="mb-4 text-std-24B-150">
          業務
        </h2>
        <ul className="grid gap-4 sm:grid-cols-2">
          <li className="rounded-16 border border-solid-gray-420 p-6">
            <Link to="/staff/establishments" className="text-std-20B-150">
              事業所一覧・登録
            </Link>
            <p className="mt-2 text-dns-16N-130">管轄の事業所の検索、事業所登録、マイページ開設のためのメールアドレス登録（窓口①）。</p>
          </li>
          <li className="rounded-16 border border-solid-gray-420 p-6">
            <Link to="/staff/postings" className="text-std-20B-150">
              求人の確認
            </Link>
            <p className="mt-2 text-dns-16N-130">
              申し込まれた求人・内容変更の受理または修正依頼、有効期間延長の承認。確認待ち：<strong>{pendingPostings}件</strong>
            </p>
          </li>
          <li className="rounded-16 border border-solid-gray-420 p-6">
            <Link to="/staff/seekers" className="text-std-20B-150">
              求職者・紹介
            </Link>
            <p className="mt-2 text-dns-16N-130">この所で登録した求職者の検索・登録・変更と、全国の有効中の求人への紹介（事業所にお知らせとメールで通知）。</p>
          </li>
          <li className="rounded-16 border border-solid-gray-420 p-6">
            <Link to="/staff/provisional" className="text-std-20B-150">
              仮登録の確認
            </Link>
            <p className="mt-2 text-dns-16N-130">
              オンラインで仮登録された事業所情報の確認と本登録。本登録待ち：<strong>{pendingProvisional}件</strong>
            </p>
          </li>
          <li className="rounded-16 border border-solid-gray-420 p-6">
            <Link to="/staff/images" className="text-std-20B-150">
              画像の審査
            </Link>
            <p className="mt-2 text-dns-16N-130">管轄の事業所が登録した画像の確認（承認・差戻し）。</p>
          </li>
          <li className="rounded-16 border border-solid-gray-420 p-6">
            <Link to="/staff/establishment-changes" className="text-std-20B-150">
              事業所情報の変更の確認
            </Link>
            <p className="mt-2 text-dns-16N-130">管轄の事業所が申請した事業所情報の変更の確認（承認・差戻し）。</p>
          </li>
          <li className="rounded-16 border border-solid-gray-420 p-6">
            <Link to="/staff/minimum-wages" className="text-std-20B-150">
              最低賃金の管理
            </Link>
            <p className="mt-2 text-dns-16N-130">都道府県別の地域別最低賃金（適用中の金額・改定予定・履歴）。改定の登録は統括職員が行います。</p>
          </li>
          <li className="rounded-16 border border-solid-gray-420 p-6">
            <Link to="/staff/audit" className="text-std-20B-150">
              監査ログ
            </Link>
            <p className="mt-2 text-dns-16N-130">この所の職員の操作、事業所の状態の変更、選考結果の登録などの記録の確認と、CSVでのダウンロード。</p>
          </li>
          {isSupervisor ? (
            <>
              <li className="rounded-16 border border-solid-gray-420 p-6">
                <Link to="/staff/mail" className="text-std-20B-150">
                  送信できなかったメール
                </Link>
                <p className="mt-2 text-dns-16N-130">所の事業所・職員あてのシステムメールのうち、送信を断られたもの・再送の上限まで失敗したもの。</p>
              </li>
              <li className="rounded-16 border border-solid-gray-420 p-6">
                <Link to="/staff/enrolment" className="text-std-20B-150">
                  認証アプリ登録コードの発行
                </Link>
                <p className="mt-2 text-dns-16N-130">認証アプリを設定していない職員の初回ログインに必要な登録コードの発行（統括職員のみ）。</p>
              </li>
            </>
          ) : null}
        </ul>
      </section>
      <p className="text-dns-14N-130 text-solid-gray-800">このログインは {sessionEndsAt} まで有効です（30分間操作がない場合も終了します）。</p>
    </>
  );
}
