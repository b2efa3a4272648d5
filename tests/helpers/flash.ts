/**
 * The flash message a response sets (app/utils/flash.server.ts): what the next page will show once. Tests that
 * follow a redirect with a plain Cookie header add `flashPair(res)` to it (a CookieJar keeps it by itself).
 */
import { FLASH_COOKIE } from "../../app/utils/flash.server";

function flashSetCookie(res: Response): string | undefined {
  return res.headers.getSetCookie().find((c) => c.startsWith(`${FLASH_COOKIE}=`));
}

/** `name=value` of the flash cookie the response sets; throws when it sets none. */
export function flashPair(res: Response): string {
  const header = flashSetCookie(res);
  if (!header) throw new Error("the response sets no flash message");
  return header.split(";")[0]!;
}

/** The message of the flash the response sets, or null. */
export function flashMessage(res: Response): string | null {
  const header = flashSetCookie(res);
  if (!header) return null;
  const value = decodeURIComponent(header.split(";")[0]!.slice(FLASH_COOKIE.length + 1));
  return (JSON.parse(value) as { message: string }).message;
}

/** A Cookie header with the response's flash added to `cookie`. */
export function withFlash(cookie: string | undefined, res: Response): string {
  return [cookie, flashPair(res)].filter(Boolean).join("; ");
}
