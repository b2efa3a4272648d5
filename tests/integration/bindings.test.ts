import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { manualClock, MINUTE_MS } from "../../app/lib/clock";
import { getUnexpired, putExpiring } from "../../app/utils/expiring-kv.server";

describe("KV: values that expire by the clock (the 30-minute 認証キー store)", () => {
  it("R-OPEN-5: a key stored with a 30-minute expiry is refused once the clock passes 30 minutes", async () => {
    const clock = manualClock("2026-11-26T09:00:00+09:00");
    await putExpiring(env.AUTH_KEYS, "auth-key:test", { code: "12345678" }, clock, 30 * 60);

    clock.advance(29 * MINUTE_MS + 59_000);
    expect((await getUnexpired<{ code: string }>(env.AUTH_KEYS, "auth-key:test", clock))?.value).toEqual({ code: "12345678" });

    clock.advance(1_000); // exactly 30 minutes after issue
    expect(await getUnexpired(env.AUTH_KEYS, "auth-key:test", clock)).toBeNull();
    // The expired value was removed from KV as well.
    expect(await env.AUTH_KEYS.get("auth-key:test")).toBeNull();
  });

  it("stores the expiry inside the value and asks KV to clean up no sooner than 60 s", async () => {
    const clock = manualClock("2026-11-26T09:00:00+09:00");
    const expiresAt = await putExpiring(env.AUTH_KEYS, "auth-key:raw", "v", clock, 1800);
    const { value, metadata } = await env.AUTH_KEYS.getWithMetadata("auth-key:raw");
    expect(metadata).toBeNull();
    expect(JSON.parse(value!)).toEqual({ value: "v", expiresAt });
    expect(expiresAt).toBe(clock.now().getTime() + 1800 * 1000);
  });

  it("treats a corrupt value as absent", async () => {
    await env.AUTH_KEYS.put("auth-key:corrupt", "{not json");
    expect(await getUnexpired(env.AUTH_KEYS, "auth-key:corrupt", manualClock(0))).toBeNull();
  });
});

describe("R2: image storage", () => {
  it("puts and gets an object with its content type and custom metadata", async () => {
    const bytes = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
    await env.IMAGES.put("establishments/e1/images/i1", bytes, {
      httpMetadata: { contentType: "image/png" },
      customMetadata: { caption: "工場の外観" },
    });
    const object = await env.IMAGES.get("establishments/e1/images/i1");
    expect(object).not.toBeNull();
    expect(object!.httpMetadata?.contentType).toBe("image/png");
    expect(object!.customMetadata).toEqual({ caption: "工場の外観" });
    expect(new Uint8Array(await object!.arrayBuffer())).toEqual(bytes);

    await env.IMAGES.delete("establishments/e1/images/i1");
    expect(await env.IMAGES.get("establishments/e1/images/i1")).toBeNull();
  });
});
