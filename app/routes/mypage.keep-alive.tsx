/**
 * Staying signed in (issue 10, ADR 0017): the dialog shown 5 minutes before the 30-minute idle limit posts here.
 * The guard's upkeep is the whole work — it records the request as the session's last activity — and the answer says
 * when the session now ends (server clock) and the server's now. No session → 401 (no redirect: the caller is script).
 * POST only (a GET is not an activity the employer chose); the Worker refuses cross-origin POSTs as for every form.
 */
import type { ActionFunctionArgs } from "@remix-run/cloudflare";
import { requireEmployer } from "../utils/auth.server";
import { readForm } from "../utils/body.server";

const NO_STORE = { "Cache-Control": "no-store" };

export async function action({ request, context }: ActionFunctionArgs) {
  let employer: Awaited<ReturnType<typeof requireEmployer>>;
  try {
    employer = await requireEmployer(request, context, { allowPendingConsent: true });
  } catch (thrown) {
    if (thrown instanceof Response) return Response.json({ ok: false }, { status: 401, headers: NO_STORE });
    throw thrown;
  }
  await readForm(request);
  const { endsAt, now } = employer.keptForm;
  return Response.json({ ok: true, endsAt, now }, { headers: NO_STORE });
}
