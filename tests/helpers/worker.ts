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

/**
 * A multipart form encoded the way a browser sends it: the bytes with their Content-Type and Content-Length (workerd's
 * Request does not declare a length for a FormData body; a browser always does).
 */
export async function asBrowserMultipart(form: FormData): Promise<{ body: Uint8Array<ArrayBuffer>; headers: Record<string, string> }> {
  const encoded = new Request(ORIGIN, { method: "POST", body: form });
  const body = new Uint8Array(await encoded.arrayBuffer());
  return { body, headers: { "Content-Type": encoded.headers.get("Content-Type")!, "Content-Length": String(body.byteLength) } };
}

/** Statuses whose responses have no body. */
const NULL_BODY = new Set([101, 204, 205, 304]);

/**
 * Calls the Worker's fetch handler in this isolate and waits for its waitUntil() work (e.g. mail delivery). The
 * response is read to its end and then the request's signal is aborted, as when a real request's context ends: Remix
 * clears a per-request timer on that signal (single fetch's 4.95 s stream timeout), and in the one long-lived test
 * context those timers pile up — workerd refuses more than 10 000 active ones (seen with FUZZ=full).
 */
export async function callWorker(request: Request, overrides: Partial<Env> = {}): Promise<Response> {
  const ended = new AbortController();
  const ctx = createExecutionContext();
  const response = await worker.fetch(
    new Request(request, { signal: ended.signal }) as Request<unknown, IncomingRequestCfProperties>,
    { ...env, ...overrides },
    ctx,
  );
  await waitOnExecutionContext(ctx);
  const body = NULL_BODY.has(response.status) || response.body === null ? null : await response.arrayBuffer();
  ended.abort();
  return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
}
