import { createExecutionContext, env, waitOnExecutionContext } from "cloudflare:test";
import worker from "../../workers/app";

export const ORIGIN = "http://localhost";

/** Calls the Worker's fetch handler, the way a browser on this site would (same Origin on POST). */
export async function workerFetch(path: string, init: RequestInit & { cookie?: string; noOrigin?: boolean } = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  const method = (init.method ?? "GET").toUpperCase();
  if (method !== "GET" && method !== "HEAD" && !headers.has("Origin") && !init.noOrigin) headers.set("Origin", ORIGIN);
  if (init.cookie) headers.set("Cookie", init.cookie);
  if (!headers.has("Host")) headers.set("Host", new URL(ORIGIN).host);
  return callWorker(new Request(new URL(path, ORIGIN), { ...init, headers, redirect: "manual" }));
}

export function postForm(path: string, fields: Record<string, string>, cookie?: string): Promise<Response> {
  const body = new URLSearchParams(fields);
  return workerFetch(path, { method: "POST", body, cookie, headers: { "Content-Type": "application/x-www-form-urlencoded" } });
}

/** Calls the Worker's fetch handler in this isolate and waits for its waitUntil() work (e.g. mail delivery). */
export async function callWorker(request: Request, overrides: Partial<Env> = {}): Promise<Response> {
  const ctx = createExecutionContext();
  const response = await worker.fetch(request as Request<unknown, IncomingRequestCfProperties>, { ...env, ...overrides }, ctx);
  await waitOnExecutionContext(ctx);
  return response;
}
