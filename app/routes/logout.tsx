/**
 * Employer sign-out (R-AUTH-1): POST ends the session on the server (the row is deleted) and clears
 * the cookie. GET only shows a confirmation form, so a link or a prefetch can never sign anyone out.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/cloudflare";
import { redirect } from "@remix-run/cloudflare";
import { Form, Link } from "@remix-run/react";
import { Button } from "../components/form";
import { getEmployerSession } from "../utils/auth.server";
import { clearSessionCookie, invalidateSession } from "../utils/session.server";
import { redirectWithFlash } from "../utils/flash.server";

export const meta: MetaFunction = () => [{ title: "ログアウト | 求人者マイページ" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { session } = await getEmployerSession(request, context);
  if (!session) throw redirect("/login");
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { db, session } = await getEmployerSession(request, context);
  if (session) await invalidateSession(db, session.id);
  return redirectWithFlash("/login", "ログアウトしました。", { headers: { "Set-Cookie": clearSessionCookie("employer") } });
}

export default function LogoutPage() {
  return (
    <div className="max-w-2xl">
      <h1 className="mb-6 text-std-32B-150">ログアウト</h1>
      <p className="mb-6">求人者マイページからログアウトします。よろしいですか。</p>
      <Form method="post" className="mb-6">
        <Button>ログアウトする</Button>
      </Form>
      <p>
        <Link to="/mypage">マイページに戻る</Link>
      </p>
    </div>
  );
}
