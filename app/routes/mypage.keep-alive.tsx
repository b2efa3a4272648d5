/**
 * Staying signed in (issue 10, ADR 0017): the dialog shown 5 minutes before the 30-minute idle limit posts here.
 * The guard's upkeep is the whole work — it records the request as the session's last activity — and the answer says
 * when the session now ends (server clock) and the server's now. No session → 401 (no redirect: the caller is script).
 * POST only (a GET is not an activity the employer chose); the Worker refuses cross-origin POSTs as for every form.
 */
import type { ActionFunctionArgs } from "@remix-run/cloudflare";
import { getEmployerSession } from "../utils/auth.server";
import { sessionEndsAt } from "../utils/kept-form.server";
import { readForm } from "../utils/body.server";

const NO_STORE = { "Cache-Control": "no-store" };

export async function action({ request, context }: ActionFunctionArgs) {
  // The guard's read runs the session's upkeep (the touch); an online 仮登録 account may stay signed in too.
  const { session, account } = await getEmployerSession(request, context);
  await readForm(request);
  if (!session?.twoFactorVerified || account?.status !== "active") return Response.json({ ok: false }, { status: 401, headers: NO_STORE });
  return Response.json({ ok: true, endsAt: sessionEndsAt(session), now: context.clock.now().getTime() }, { headers: NO_STORE });
}
