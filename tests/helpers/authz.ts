/**
 * Authorisation matrix: given protected resources and actors, asserts that every actor who does not
 * own a resource gets 404 or 403 (anonymous visitors may instead be sent to a sign-in page) and never
 * sees the resource's data; and, so the check cannot pass vacuously, that each owner does get it.
 */
import { workerFetch } from "./worker";

export interface MatrixActor {
  name: string;
  /** Cookie header; undefined = anonymous. */
  cookie?: string;
}

export interface ProtectedResource {
  name: string;
  method?: "GET" | "POST";
  path: string;
  /** Form fields for POST. */
  body?: Record<string, string>;
  /** Names of the actors allowed to see/act on it. */
  owners: string[];
  /** Text that only an allowed actor may receive (e.g. the establishment's name). */
  secret: string;
  /** For POST: true when the side effect happened (checked to be false after each foreign request). */
  changed?: () => Promise<boolean>;
}

export interface MatrixFailure {
  resource: string;
  actor: string;
  problem: string;
}

export type Send = (path: string, init: RequestInit & { cookie?: string }) => Promise<Response>;

const SIGN_IN = /^\/(login|staff\/login|mypage\/login|seeker\/login)(\?|$)/;

export async function checkAuthorisationMatrix(actors: MatrixActor[], resources: ProtectedResource[], send: Send = workerFetch): Promise<MatrixFailure[]> {
  const failures: MatrixFailure[] = [];
  for (const resource of resources) {
    for (const actor of actors) {
      const method = resource.method ?? "GET";
      const res = await send(resource.path, {
        method,
        cookie: actor.cookie,
        body: method === "POST" ? new URLSearchParams(resource.body ?? {}) : undefined,
        headers: method === "POST" ? { "Content-Type": "application/x-www-form-urlencoded" } : undefined,
      });
      const body = await res.text();
      const fail = (problem: string) => failures.push({ resource: resource.name, actor: actor.name, problem });
      if (resource.owners.includes(actor.name)) {
        if (res.status >= 400) fail(`owner refused with ${res.status}`);
        else if (method === "GET" && !body.includes(resource.secret)) fail("owner did not receive the data");
        continue;
      }
      const location = res.headers.get("Location") ?? "";
      const toSignIn =
        !actor.cookie &&
        (res.status === 302 || res.status === 303) &&
        SIGN_IN.test(new URL(location, "http://x").pathname + new URL(location, "http://x").search);
      if (!(res.status === 404 || res.status === 403 || toSignIn)) fail(`got ${res.status}${location ? ` → ${location}` : ""}, expected 404/403`);
      if (body.includes(resource.secret)) fail("received the data");
      if (resource.changed && (await resource.changed())) fail("the action took effect");
    }
  }
  return failures;
}

export function describeMatrixFailures(failures: MatrixFailure[]): string {
  return failures.map((f) => `${f.resource} × ${f.actor}: ${f.problem}`).join("\n");
}
