/**
 * 求職者マイページ sign-out (issue 12): POST ends the session on the server and clears the cookie; GET only shows a
 * confirmation form, so a link or a prefetch can never sign anyone out.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/cloudflare";
import { redirect } from "@remix-run/cloudflare";
import { Form, Link } from "@remix-run/react";
import { Button } from "../components/form";
import { seekerSignOutAction } from "../models/seeker-signin.server";
import { getSeekerSession } from "../utils/auth.server";

export const meta: MetaFunction = () => [{ title: "ログアウト | 求職者マイページ" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { session } = await getSeekerSession(request, context);
  if (!session) throw redirect("/seeker/login");
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  // Ends only this browser's own seeker session (from its cookie).
  return seekerSignOutAction(request, context);
}

export default function SeekerLogoutPage() {
  return (
    <div className="max-w-2xl">
      <h1 className="mb-6 text-std-32B-150">ログアウト</h1>
      <p className="mb-6">求職者マイページからログアウトします。よろしいですか。</p>
      <Form method="post" className="mb-6">
        <Button>ログアウトする</Button>
      </Form>
      <p>
        <Link to="/seeker">求職者マイページに戻る</Link>
      </p>
    </div>
  );
}
