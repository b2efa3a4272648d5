/**
 * 住所の自動入力 (issue 10, 「Addresses as Japanese employers type them」): our own look-up route answers a 郵便番号 with
 * its 都道府県, 市区町村 and 町域 and the 管轄 office, from the `postal_codes` table that `npm run import:reference`
 * loads (ADR 0018). Public, cacheable, JSON; bad input is a 400, an unknown code a 404, never a 500.
 */
import { beforeEach, describe, expect, it } from "vitest";
import { schema } from "../../app/utils/db.server";
import { db, seedReference } from "../helpers/factories";
import { workerFetch } from "../helpers/worker";

beforeEach(async () => {
  await seedReference();
  // Only the rows these tests need (the real table: scripts/lib/postal-codes.ts).
  await db()
    .insert(schema.postalCodes)
    .values([
      { code: "3211261", prefectureCode: "09", municipalityCode: "09206", municipality: "日光市", town: "今市" },
      { code: "1000001", prefectureCode: "13", municipalityCode: "13101", municipality: "千代田区", town: "千代田" },
      { code: "3212345", prefectureCode: "09", municipalityCode: "09206", municipality: "日光市", town: "東町" },
      { code: "3212345", prefectureCode: "09", municipalityCode: "09206", municipality: "日光市", town: "西町" },
    ]);
});

async function lookUp(code: string) {
  const res = await workerFetch(`/api/postal-codes/${encodeURIComponent(code)}`);
  return {
    status: res.status,
    type: res.headers.get("Content-Type"),
    cache: res.headers.get("Cache-Control"),
    body: (await res.json()) as Record<string, unknown>,
  };
}

describe("issue 10: GET /api/postal-codes/:code (住所の自動入力)", () => {
  it("R-OPEN-1: a 栃木 code answers 都道府県, 市区町村, 町域 and the 管轄 office, cacheable", async () => {
    const r = await lookUp("3211261");
    expect(r.status).toBe(200);
    expect(r.type).toMatch(/^application\/json/);
    expect(r.cache).toMatch(/public/);
    expect(r.body).toEqual({
      postalCode: "321-1261",
      addresses: [
        {
          prefectureCode: "09",
          prefecture: "栃木県",
          municipalityCode: "09206",
          municipality: "日光市",
          town: "今市",
          office: { code: "0910", name: "ハローワーク日光" },
        },
      ],
    });
  });

  it("accepts the code as typed: 〒, full-width digits and dashes (〒３２１－１２６１)", async () => {
    for (const typed of ["〒３２１－１２６１", "321-1261", "３２１ー１２６１"]) {
      const r = await lookUp(typed);
      expect(r.status, typed).toBe(200);
      expect(r.body.postalCode).toBe("321-1261");
    }
  });

  it("a code outside the offices' prefectures has no 管轄 office; a code of several towns lists each", async () => {
    const tokyo = await lookUp("1000001");
    expect(tokyo.body.addresses).toEqual([expect.objectContaining({ prefecture: "東京都", municipality: "千代田区", town: "千代田", office: null })]);
    const two = await lookUp("321-2345");
    expect((two.body.addresses as { town: string }[]).map((a) => a.town)).toEqual(["東町", "西町"]);
  });

  it("an unknown code is a 404 with a Japanese message", async () => {
    const r = await lookUp("3219999");
    expect(r.status).toBe(404);
    expect(r.body).toEqual({ error: "この郵便番号の住所は見つかりませんでした。住所を入力してください。" });
  });

  it("bad input is a 400, never a 500", async () => {
    for (const bad of ["321126", "32112610", "abc", "'; DROP TABLE postal_codes;--", "3".repeat(2000), "<script>"]) {
      const r = await lookUp(bad);
      expect(r.status, bad.slice(0, 20)).toBe(400);
      expect(r.body).toEqual({ error: "郵便番号は「321-1272」のように7桁で指定してください。" });
    }
  });
});
