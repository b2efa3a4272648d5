import { env } from "cloudflare:test";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb, schema } from "../../app/utils/db.server";
import { workerFetch } from "../helpers/worker";
import { bodyText, parse } from "../helpers/html";

describe("platform bindings", () => {
  it("writes and reads D1 through drizzle", async () => {
    const db = getDb(env);
    await db.insert(schema.prefectures).values({ code: "99", name: "テスト県" });
    const row = await db.select().from(schema.prefectures).where(eq(schema.prefectures.code, "99")).get();
    expect(row).toEqual({ code: "99", name: "テスト県" });
  });

  it("serves the Japanese top page through the Worker (issue 10 wording: 求人の取消（募集停止）)", async () => {
    const res = await workerFetch("/");
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(parse(html).documentElement.getAttribute("lang")).toBe("ja");
    expect(html).toContain("求人者マイページ");
    // issue 10 wording: the service list names 募集停止 as the My Page does.
    expect(bodyText(html)).toContain("求人の内容変更や求人の取消（募集停止）");
  });
});
