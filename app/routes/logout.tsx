/**
 * Employer sign-out (R-AUTH-1, R-AUDIT-1): POST ends the session on the server (the row is deleted, with an audit row)
 * and clears the cookie. GET only shows a confirmation form, so a link or a prefetch can never sign anyone out.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/cloudflare";
import { redirect } from "@remix-run/cloudflare";
import { Form, Link } from "@remix-run/react";
import { Button } from "../components/form";
import { signOutEmployer } from "../models/employer-account.server";
import { getEmployerSession } from "../utils/auth.server";
import { clearSessionCookie } from "../utils/session.server";
import { redirectWithFlash } from "../utils/flash.server";

export const meta: MetaFunction = () => [{ title: "ログアウト | 求人者マイページ" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { session } = await getEmployerSession(request, context);
  if (!session) throw redirect("/login");
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { db, session, account, establishment, provisional } = await getEmployerSession(request, context);
  if (session) {
    const actor = account ? { id: account.id, officeCode: establishment?.officeCode ?? provisional?.officeCode ?? null } : null;
    await signOutEmployer(db, context.clock, session.id, actor);
  }
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
