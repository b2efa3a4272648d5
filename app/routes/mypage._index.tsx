/**
 * My Page home (R-OPEN-6 result): the establishment, its 事業所番号, the jurisdictional office, the
 * signed-in address, and the menu of services. Each service asks the capability rules (R-GATE): one
 * that is refused is plain text with the reason; one not built yet says 準備中. The お知らせ (R-MSG-2): the latest 10
 * notices of the establishment, unread ones marked 「未読」; each opens on its own page (which marks it read).
 */
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/cloudflare";
import { Link, useLoaderData } from "@remix-run/react";
import { formatJstDateTime } from "../lib/clock";
import { noticesQuery, unreadNoticesQuery } from "../models/notices.server";
import { decideAll, type Capability } from "../rules/capabilities";
import { requireEmployer } from "../utils/auth.server";

export const meta: MetaFunction = () => [{ title: "マイページトップ | 求人者マイページ" }];

interface MenuEntry {
  label: string;
  /** The capability that decides whether it may be used (none: always). */
  capability: Capability | null;
  /** Where it lives; null while the service is not built yet (準備中). */
  href: string | null;
  /** A capability refusal that only limits part of the page (shown as a note, the link stays). */
  partial?: boolean;
}

const MENU: MenuEntry[] = [
  { label: "求人の申込み", capability: "postings.apply", href: "/mypage/postings/new" },
  // The list stays viewable under the R-GATE-3 restriction; only the changes are refused (the note says why).
  { label: "求人の一覧・内容変更", capability: "postings.change", href: "/mypage/postings", partial: true },
  { label: "画像情報", capability: "images.manage", href: "/mypage/images" },
  { label: "応募者管理", capability: "applicants.view", href: "/mypage/applicants" },
  { label: "選考結果の登録", capability: "selection.register", href: "/mypage/applicants?status=screening" },
  { label: "求職情報検索", capability: "search", href: "/mypage/search" },
  // Reading stays possible while sending is refused (R-GATE-1/3): the page says why.
  { label: "メッセージ", capability: "messages.send", href: "/mypage/messages", partial: true },
  { label: "事業所情報の変更", capability: "establishment.change", href: "/mypage/establishment" },
  // Every account may see the list; adding and removing are for the main account only.
  { label: "ログインアカウントの管理", capability: "accounts.manage", href: "/mypage/accounts", partial: true },
  { label: "パスワードの変更", capability: null, href: "/mypage/settings/password" },
  // R-DEL-1: the main account only; the others see why.
  { label: "求人者マイページの退会", capability: "withdraw", href: "/mypage/withdrawal" },
];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const employer = await requireEmployer(request, context, {
    reads: ({ db, establishmentId }) => ({ notices: noticesQuery(db, establishmentId, 10), unread: unreadNoticesQuery(db, establishmentId) }),
  });
  const decisions = decideAll(employer.facts);
  const menu = MENU.map((entry) => {
    const decision = entry.capability ? decisions[entry.capability] : { allowed: true };
    const usable = decision.allowed || !!entry.partial;
    return {
      label: entry.label,
      href: usable ? entry.href : null,
      reason: decision.allowed ? null : (decision.reason ?? null),
      preparing: usable && entry.href === null,
    };
  });
  const { notices } = employer.reads;
  const unread = employer.reads.unread[0]?.n ?? 0;
  return {
    notices: notices.map((n) => ({ id: n.id, title: n.title, createdAt: formatJstDateTime(n.createdAt), unread: n.readAt === null })),
    unread,
    establishment: { name: employer.establishment.name, number: employer.establishment.establishmentNumber },
    office: { name: employer.office.name, phone: employer.office.phone },
    email: employer.account.email,
    isMain: employer.account.isMain,
    // R-GATE-3: one banner with the reason, since when, and the office to call (R-GATE-4: only it lifts).
    restricted: employer.establishment.restrictedAt === null ? null : { since: formatJstDateTime(employer.establishment.restrictedAt) },
    menu,
  };
}

export default function MyPageHome() {
  const { establishment, office, email, isMain, restricted, menu, notices, unread } = useLoaderData<typeof loader>();
  return (
    <>
      <h1 className="mb-6 text-std-32B-150">マイページトップ</h1>
      {restricted ? (
        <div role="alert" className="mb-6 rounded-8 border-2 border-red-800 bg-red-50 p-4 text-dns-16B-130 text-red-900" data-restriction>
          <p className="mb-2 text-std-17B-170">{`利用が制限されています（${restricted.since}から）`}</p>
          <p className="mb-2">
            紹介日から3週間を過ぎても選考結果が登録されていない紹介が50件を超えたため、求人の申込み・内容変更・募集停止、事業所情報の変更、求職情報検索、メッセージの送信が制限されています。選考結果を登録のうえ、管轄のハローワークに解除を申し出てください。
          </p>
          <p>{`連絡先：${office.name}（電話 ${office.phone}）`}</p>
        </div>
      ) : null}
      <section aria-labelledby="notices-title" className="mb-10">
        <h2 id="notices-title" className="mb-4 text-std-24B-150">
          お知らせ
        </h2>
        {notices.length === 0 ? (
          <p>お知らせはありません。</p>
        ) : (
          <>
            <p className="mb-3 text-dns-16N-130">{unread > 0 ? `未読のお知らせが${unread}件あります。` : "未読のお知らせはありません。"}</p>
            <ul className="divide-y divide-solid-gray-420 border-y border-solid-gray-420">
              {notices.map((n) => (
                <li key={n.id} className="flex flex-wrap items-baseline gap-x-4 gap-y-1 py-3" data-notice-id={n.id} data-unread={n.unread ? "true" : undefined}>
                  <span className="text-dns-16N-130 text-solid-gray-800">{n.createdAt}</span>
                  {n.unread ? <span className="rounded-8 bg-red-50 px-2 py-0.5 text-dns-14B-130 text-red-900">未読</span> : null}
                  <Link to={`/mypage/notices/${n.id}`} className={`break-all ${n.unread ? "text-std-17B-170" : "text-std-17N-170"}`}>
                    {n.title}
                  </Link>
                </li>
              ))}
            </ul>
          </>
        )}
        <p className="mt-3">
          <Link to="/mypage/notices">すべてのお知らせ</Link>
        </p>
      </section>
      <section aria-labelledby="establishment-title" className="mb-10">
        <h2 id="establishment-title" className="mb-4 text-std-24B-150">
          事業所の情報
        </h2>
        <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]">
          <dt className="text-std-16B-170">事業所名</dt>
          <dd>{establishment.name}</dd>
          <dt className="text-std-16B-170">事業所番号</dt>
          <dd>{establishment.number}</dd>
          <dt className="text-std-16B-170">管轄のハローワーク</dt>
          <dd>{`${office.name}（電話 ${office.phone}）`}</dd>
          <dt className="text-std-16B-170">ログイン中のアカウント</dt>
          <dd className="break-all">{`${email}（${isMain ? "主たるログインアカウント" : "追加のログインアカウント"}）`}</dd>
        </dl>
      </section>
      <section aria-labelledby="menu-title">
        <h2 id="menu-title" className="mb-4 text-std-24B-150">
          メニュー
        </h2>
        <ul className="grid gap-3 sm:grid-cols-2">
          {menu.map((item) => (
            <li key={item.label} className="rounded-8 border border-solid-gray-420 p-4" data-menu-item={item.label}>
              {item.href ? (
                <Link to={item.href} className="text-std-17B-170">
                  {item.label}
                </Link>
              ) : (
                <span className="text-std-17B-170 text-solid-gray-800">
                  {item.label}
                  {item.preparing ? <span className="ml-2 text-dns-14N-130">（準備中）</span> : null}
                </span>
              )}
              {item.reason ? <p className="mt-2 text-dns-14N-130 text-solid-gray-800">{item.reason}</p> : null}
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
