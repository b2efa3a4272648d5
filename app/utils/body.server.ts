/**
 * Request bodies (issue 9 #12). Every action reads its form through `readForm` (never `request.formData()`, which
 * reads a body of any size into memory — tests/unit/request-body-reads.test.ts keeps it so). The body is read as a
 * stream and reading stops at the route's limit, whatever the request says about its length: a declared
 * Content-Length over the limit is refused before anything is read, a streamed (chunked) body without one and a body
 * longer than its declared length are cut off at the limit. Refused → 413, which the root ErrorBoundary shows as a
 * Japanese page. A body that is not a form (a broken multipart, JSON…) → 400, never a 500.
 *
 * Limits: forms 64 KB (the longest form, a screen of the 求人票 with every text at its limit, url-encoded at 9 bytes
 * per kanji, is far below); the image upload 2 MB (R-IMG-1) + the same 64 KB for the form around the file.
 */
import { data } from "@remix-run/cloudflare";
import { MAX_IMAGE_BYTES } from "../lib/images";

/** The body limit of an ordinary form. */
export const FORM_BODY_LIMIT = 64 * 1024;
/** The body limit of the image upload: the 2 MB file and the form around it. */
export const IMAGE_FORM_LIMIT = MAX_IMAGE_BYTES + FORM_BODY_LIMIT;

export type FormRead =
  | { ok: true; form: FormData }
  /** Over the limit. `declaredBytes` is the Content-Length when that was already over it (nothing was read), else null. */
  | { ok: false; declaredBytes: number | null };

/** The thrown answer to a body over its limit: the root ErrorBoundary's Japanese 413 page. */
export function bodyTooLarge() {
  return data(null, { status: 413 });
}

/** The form of a request, read up to `limit` bytes; 413 (thrown) beyond it, 400 (thrown) when it is not a form. */
export async function readForm(request: Request, limit: number = FORM_BODY_LIMIT): Promise<FormData> {
  const read = await readFormWithin(request, limit);
  if (!read.ok) throw bodyTooLarge();
  return read.form;
}

/**
 * The form of a request read up to `limit` bytes, or why it was not read — for a route that answers an over-limit
 * body its own way (the image upload puts the message beside the file field when the browser declared the size).
 */
export async function readFormWithin(request: Request, limit: number): Promise<FormRead> {
  const declared = declaredLength(request);
  if (declared !== null && declared > limit) {
    await request.body?.cancel();
    return { ok: false, declaredBytes: declared };
  }
  const bytes = await readAtMost(request.body, limit);
  if (!bytes) return { ok: false, declaredBytes: null };
  return { ok: true, form: await parseForm(request.headers.get("Content-Type"), bytes) };
}

function declaredLength(request: Request): number | null {
  const value = request.headers.get("Content-Length");
  if (value === null || !/^\d+$/.test(value.trim())) return null;
  return Number(value.trim());
}

/** The whole body, or null as soon as it passes `limit` bytes (the rest is not read). */
async function readAtMost(body: ReadableStream<Uint8Array> | null, limit: number): Promise<Uint8Array<ArrayBuffer> | null> {
  if (!body) return new Uint8Array(0);
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

async function parseForm(contentType: string | null, bytes: Uint8Array<ArrayBuffer>): Promise<FormData> {
  if (bytes.byteLength === 0) return new FormData();
  try {
    return await new Response(bytes, { headers: contentType ? { "Content-Type": contentType } : {} }).formData();
  } catch {
    throw data(null, { status: 400 });
  }
}
