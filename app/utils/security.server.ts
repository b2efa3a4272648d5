/**
 * Security baseline in one place: per-response CSP nonce, security headers, and the refusal of
 * state-changing requests from a foreign origin (before Remix runs).
 */
import { encodeBase64 } from "@oslojs/encoding";

export function createNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return encodeBase64(bytes);
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * A non-GET request whose `Origin` is not this site's is refused. Without `Origin`, a browser's
 * `Sec-Fetch-Site: cross-site` is refused too. Requests from non-browser clients carry neither and pass.
 */
export function isForeignOriginRequest(request: Request): boolean {
  if (SAFE_METHODS.has(request.method.toUpperCase())) return false;
  const origin = request.headers.get("Origin");
  const own = new URL(request.url).origin;
  if (origin !== null) return origin !== own;
  const site = request.headers.get("Sec-Fetch-Site");
  return site === "cross-site";
}

export function contentSecurityPolicy(nonce: string): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`,
    "style-src 'self'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** Adds the security headers to a response (a copy when the original's headers are immutable). */
export function withSecurityHeaders(response: Response, nonce: string, production: boolean): Response {
  const res = new Response(response.body, response);
  const h = res.headers;
  const type = h.get("Content-Type") ?? "";
  if (type.startsWith("text/html")) h.set("Content-Security-Policy", contentSecurityPolicy(nonce));
  h.set("X-Content-Type-Options", "nosniff");
  h.set("X-Frame-Options", "DENY");
  h.set("Referrer-Policy", "strict-origin-when-cross-origin");
  h.set("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=(), usb=()");
  h.set("Cross-Origin-Opener-Policy", "same-origin");
  h.set("Cross-Origin-Resource-Policy", "same-origin");
  if (production) h.set("Strict-Transport-Security", "max-age=63072000; includeSubDomains");
  if (!h.has("Cache-Control") && type.startsWith("text/html")) h.set("Cache-Control", "no-store");
  return res;
}
