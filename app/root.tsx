import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/cloudflare";
import { data } from "@remix-run/cloudflare";
import { isRouteErrorResponse, Link, Links, Meta, Outlet, Scripts, ScrollRestoration, useLoaderData, useLocation, useRouteError } from "@remix-run/react";
import type { ShouldRevalidateFunction } from "@remix-run/react";
import { TOO_LARGE_COPY } from "./components/error-copy";
import { FlashNotice } from "./components/flash-notice";
import { readFlash } from "./utils/flash.server";
import type { ReactNode } from "react";
import stylesheet from "./tailwind.css?url";
import { useNonce } from "./utils/nonce";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: stylesheet }];

export const meta: MetaFunction = () => [{ title: "求人者マイページ | ハローワークインターネットサービス" }];

function SiteHeader() {
  // The seeker's pages are the 求職者マイページ (issue 12); every other page belongs to the 求人者マイページ.
  const { pathname } = useLocation();
  const service = pathname === "/seeker" || pathname.startsWith("/seeker/") ? "求職者マイページ" : "求人者マイページ";
  return (
    <header className="border-b border-solid-gray-420 bg-white">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-4 px-4 py-3">
        <Link to="/" className="text-std-20B-150 text-solid-gray-900 no-underline">
          <span className="block text-dns-14N-130 text-solid-gray-800">ハローワークインターネットサービス</span>
          {service}
        </Link>
        <nav aria-label="サイト">
          <ul className="flex flex-wrap gap-4 text-dns-16N-130">
            <li>
              <Link to="/">トップページ</Link>
            </li>
            <li>
              <Link to="/terms">利用規約</Link>
            </li>
            <li>
              <Link to="/privacy">プライバシーポリシー</Link>
            </li>
          </ul>
        </nav>
      </div>
    </header>
  );
}

function SiteFooter() {
  return (
    <footer className="mt-16 border-t border-solid-gray-420 bg-solid-gray-50">
      <div className="mx-auto max-w-5xl px-4 py-8 text-dns-14N-130">
        <ul className="mb-4 flex flex-wrap gap-4">
          <li>
            <Link to="/terms">利用規約</Link>
          </li>
          <li>
            <Link to="/privacy">プライバシーポリシー</Link>
          </li>
          <li>
            <Link to="/accessibility">ウェブアクセシビリティ方針</Link>
          </li>
        </ul>
        <p>厚生労働省 職業安定局 ハローワーク（公共職業安定所）</p>
        <p className="mt-1 text-solid-gray-800">求人者マイページのお問い合わせは、事業所所在地を管轄するハローワークへお願いします。</p>
      </div>
    </footer>
  );
}

export function Layout({ children }: { children: ReactNode }) {
  const nonce = useNonce();
  return (
    <html lang="ja">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body className="flex min-h-screen flex-col">
        <a href="#main" className="absolute left-2 top-2 z-50 -translate-y-20 bg-white p-2 text-dns-16B-130 focus:translate-y-0">
          本文へ移動
        </a>
        <SiteHeader />
        <main id="main" tabIndex={-1} className="mx-auto w-full max-w-5xl flex-1 px-4 py-8">
          {children}
        </main>
        <SiteFooter />
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

/** The flash message of the last POST, read once and cleared (app/utils/flash.server.ts). No database. */
export function loader({ request }: LoaderFunctionArgs) {
  const { flash, headers } = readFlash(request);
  return data({ flash }, { headers });
}

/** Every navigation asks again, so that a flash is shown on the page it was meant for and nowhere else. */
export const shouldRevalidate: ShouldRevalidateFunction = () => true;

export default function App() {
  const { flash } = useLoaderData<typeof loader>();
  return (
    <>
      <FlashNotice flash={flash} />
      <Outlet />
    </>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  let title = "ただいま処理できません";
  let body = "システムで問題が発生したため、処理を完了できませんでした。時間をおいて、もう一度お試しください。";
  if (isRouteErrorResponse(error)) {
    if (error.status === 404) {
      title = "ページが見つかりません";
      body = "お探しのページは、削除されたか、アドレスが変わった可能性があります。アドレスをご確認のうえ、トップページからお探しください。";
    } else if (error.status === 403) {
      title = "このページを表示する権限がありません";
      body = "ログインしているアカウントでは、このページを表示できません。";
    } else if (error.status === 413) {
      ({ title, body } = TOO_LARGE_COPY);
    } else if (error.status === 400) {
      title = "リクエストを処理できません";
      body = "送信された内容を処理できませんでした。画面を読み込み直して、もう一度お試しください。";
    }
  } else {
    console.error(error);
  }
  return (
    <section aria-labelledby="error-title">
      <h1 id="error-title" className="mb-4 text-std-32B-150">
        {title}
      </h1>
      <p className="mb-6">{body}</p>
      <p>
        <Link to="/">トップページへ戻る</Link>
      </p>
    </section>
  );
}
