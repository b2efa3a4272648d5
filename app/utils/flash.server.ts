/**
 * The one way a page tells the user what a POST did (STYLE: one flash mechanism, Epic Stack's toast): the action
 * redirects with `redirectWithFlash(to, message)`, which sets a short-lived cookie; the root loader reads it once,
 * clears it, and the root renders it above the page (role="status"). No query-string flags, nothing left on
 * reload. The cookie is `__Host-` (no other host can set it), HttpOnly, and its text is rendered as text only.
 */
import { redirect } from "@remix-run/cloudflare";
import { deleteCookie, readCookie, serializeCookie } from "./cookies.server";

export const FLASH_COOKIE = "__Host-flash";
const MAX_LENGTH = 400;

export type FlashTone = "success" | "info" | "warning";

export interface Flash {
  message: string;
  tone: FlashTone;
}

export function flashCookie(message: string, tone: FlashTone = "success"): string {
  return serializeCookie(FLASH_COOKIE, JSON.stringify({ message: message.slice(0, MAX_LENGTH), tone }), { maxAge: 60 });
}

/** A 303 redirect that shows `message` on the page it leads to (extra headers, e.g. a session cookie, are kept). */
export function redirectWithFlash(
  to: string,
  message: string,
  init: { headers?: HeadersInit; tone?: FlashTone; status?: number } = {},
): ReturnType<typeof redirect> {
  const headers = new Headers(init.headers);
  headers.append("Set-Cookie", flashCookie(message, init.tone));
  return redirect(to, { status: init.status ?? 303, headers });
}

function parse(raw: string | null): Flash | null {
  if (!raw) return null;
  try {
    const value = JSON.parse(raw) as Partial<Flash>;
    if (typeof value?.message !== "string" || value.message === "") return null;
    const tone: FlashTone = value.tone === "info" || value.tone === "warning" ? value.tone : "success";
    return { message: value.message.slice(0, MAX_LENGTH), tone };
  } catch {
    return null;
  }
}

/** The request's flash (shown once) and the header that clears it. */
export function readFlash(request: Request): { flash: Flash | null; headers?: HeadersInit } {
  const raw = readCookie(request, FLASH_COOKIE);
  if (raw === null) return { flash: null };
  return { flash: parse(raw), headers: { "Set-Cookie": deleteCookie(FLASH_COOKIE) } };
}
