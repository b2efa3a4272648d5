/**
 * GET /api/postal-codes/:code — 住所の自動入力 (issue 10; ADR 0018): the 都道府県, 市区町村 and 町域 of a 郵便番号, with
 * the 管轄 office, as JSON for the address forms' enhancement (app/components/postal-code-autofill.tsx). Public and
 * without a rate limit (the data is Japan Post's public table); the code may be typed as people type it (〒, full-width
 * digits, any dash). 400 for what is not a 7-digit code, 404 for an unknown one, 503 if the database fails — never a 500.
 */
import type { LoaderFunctionArgs } from "@remix-run/cloudflare";
import { postalCodeDigits } from "../lib/normalize";
import { lookUpPostalCode } from "../models/postal-code.server";
import { getDb } from "../utils/db.server";

/** Japan Post revises the table monthly at most: a day in browsers and shared caches. */
const CACHEABLE = "public, max-age=86400";

function answer(body: unknown, status: number, cacheControl: string): Response {
  return Response.json(body, { status, headers: { "Cache-Control": cacheControl } });
}

export async function loader({ params, context }: LoaderFunctionArgs) {
  // Public on purpose: anyone filling in an address may look a code up (R-OPEN-8's 仮登録 has no session yet).
  const raw = params.code ?? "";
  const digits = raw.length <= 32 ? postalCodeDigits(raw) : null;
  if (!digits) return answer({ error: "郵便番号は「321-1272」のように7桁で指定してください。" }, 400, CACHEABLE);
  let addresses;
  try {
    addresses = await lookUpPostalCode(getDb(context.cloudflare.env), digits);
  } catch (error) {
    console.error("postal-code look-up failed", error);
    return answer({ error: "住所を調べられませんでした。住所を入力してください。" }, 503, "no-store");
  }
  if (addresses.length === 0) {
    // Short: a code missing today may be loaded by the next import.
    return answer({ error: "この郵便番号の住所は見つかりませんでした。住所を入力してください。" }, 404, "public, max-age=3600");
  }
  return answer({ postalCode: `${digits.slice(0, 3)}-${digits.slice(3)}`, addresses }, 200, CACHEABLE);
}
