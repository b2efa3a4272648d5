/**
 * Layout of the employer's My Page: who is signed in, the My Page sub-navigation and the sign-out
 * button. Its guard admits an account that still has to agree to new documents (R-OPEN-7) so that the
 * consent page can render inside it; every child route guards itself with requireEmployer, which sends
 * such an account to /mypage/consent. While consent is pending the navigation is hidden.
 */
import type { LoaderFunctionArgs } from "@remix-run/cloudflare";
import { Form, NavLink, Outlet, useLoaderData } from "@remix-run/react";
import { requireEmployer } from "../utils/auth.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { account, establishment, pendingConsents } = await requireEmployer(request, context, { allowPendingConsent: true });
  return {
    email: account.email,
    establishmentName: establishment.name,
    consentPending: pendingConsents.length > 0,
  };
}

const NAV = [
  { to: "/mypage", label: "マイページトップ", end: true },
  { to: "/mypage/postings", label: "求人の一覧", end: false },
  { to: "/mypage/images", label: "画像情報", end: false },
  { to: "/mypage/establishment", label: "事業所情報の変更", end: false },
  { to: "/mypage/accounts", label: "ログインアカウントの管理", end: false },
  { to: "/mypage/settings/password", label: "パスワードの変更", end: false },
];

export default function MyPageLayout() {
  const { email, establishmentName, consentPending } = useLoaderData<typeof loader>();
  return (
    <>
      <div className="mb-8 flex flex-wrap items-start justify-between gap-4 rounded-8 bg-solid-gray-50 p-4">
        <div className="text-dns-16N-130">
          <p className="text-dns-16B-130">{establishmentName}</p>
          <p className="mt-1 break-all">ログイン中：{email}</p>
        </div>
        <Form method="post" action="/logout">
          <button
            type="submit"
            className="min-h-11 rounded-8 border border-blue-900 bg-white px-4 py-2 text-dns-16B-130 text-blue-900 hover:bg-blue-50 hover:underline"
          >
            ログアウト
          </button>
        </Form>
      </div>
      {consentPending ? null : (
        <nav aria-label="マイページ" className="mb-8">
          <ul className="flex flex-wrap gap-x-6 gap-y-2 border-b border-solid-gray-420 pb-3 text-dns-16N-130">
            {NAV.map((item) => (
              <li key={item.to}>
                <NavLink to={item.to} end={item.end} className="aria-[current=page]:font-bold">
                  {item.label}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
      )}
      <Outlet />
    </>
  );
}
