/**
 * Request bodies (issue 9 #12): every action reads its form through app/utils/body.server.ts, which stops reading at
 * the route's limit (forms 64 KB; the image upload 2 MB + 64 KB) whether the length is declared, missing (a streamed,
 * chunked body) or a lie, and answers 413 with a Japanese page. Forms within the limit work as before.
 */
import { env } from "cloudflare:test";
import { beforeEach, describe, expect, it } from "vitest";
import { MAX_IMAGE_BYTES } from "../../app/lib/images";
import { FORM_BODY_LIMIT, IMAGE_FORM_LIMIT } from "../../app/utils/body.server";
import { NOW, setWorkerNow } from "../helpers/clock";
import { parse, textOf } from "../helpers/html";
import { imagesOf } from "../helpers/images";
import { openMyPage } from "../helpers/mypage";
import { asBrowserMultipart, callWorker, ORIGIN, postForm, workerFetch } from "../helpers/worker";
import { TINY_PNG } from "../fixtures/images";

beforeEach(async () => {
  await setWorkerNow(NOW);
});

/** A urlencoded login form whose password field makes the body `size` bytes long. */
function loginBody(size: number): Uint8Array<ArrayBuffer> {
  const head = "email=saiyo%40nikko-yuba.example.jp&password=";
  return new TextEncoder().encode(head + "a".repeat(Math.max(0, size - head.length)));
}

/** A body sent in chunks without Content-Length (Transfer-Encoding: chunked), as a client can stream it. */
function streamed(bytes: Uint8Array, chunk = 16 * 1024): ReadableStream<Uint8Array> {
  let offset = 0;
  return new ReadableStream({
    pull(controller) {
      if (offset >= bytes.length) return controller.close();
      controller.enqueue(bytes.slice(offset, offset + chunk));
      offset += chunk;
    },
  });
}

function post(path: string, body: BodyInit, headers: Record<string, string>, cookie?: string): Promise<Response> {
  const h = new Headers(headers);
  h.set("Origin", ORIGIN);
  h.set("Host", new URL(ORIGIN).host);
  if (cookie) h.set("Cookie", cookie);
  return callWorker(new Request(new URL(path, ORIGIN), { method: "POST", body, headers: h, redirect: "manual" }));
}

const URLENCODED = { "Content-Type": "application/x-www-form-urlencoded" };

/** The 413 page: its heading and text in Japanese, no form data echoed. */
async function expectTooLargePage(res: Response) {
  expect(res.status).toBe(413);
  const doc = parse(await res.text());
  expect(textOf(doc.querySelector("h1"))).toBe("送信された内容が大きすぎます");
  expect(textOf(doc.querySelector("main"))).toContain("受け付けられる大きさを超えていた");
}

describe("request body limits (issue 9 #12)", () => {
  it("issue 9 #12: a form body over 64 KB streamed without Content-Length is not read: 413 with a Japanese page", async () => {
    const bytes = loginBody(FORM_BODY_LIMIT + 1);
    const request = new Request(new URL("/login", ORIGIN), {
      method: "POST",
      body: streamed(bytes),
      headers: { ...URLENCODED, Origin: ORIGIN, Host: new URL(ORIGIN).host },
    });
    expect(request.headers.get("Content-Length")).toBeNull();
    await expectTooLargePage(await callWorker(request));
  });

  it("issue 9 #12: a body larger than its declared Content-Length is cut at the limit: 413", async () => {
    const bytes = loginBody(10 * FORM_BODY_LIMIT);
    const lying = new Request(new URL("/login", ORIGIN), {
      method: "POST",
      body: streamed(bytes),
      headers: { ...URLENCODED, "Content-Length": "100", Origin: ORIGIN, Host: new URL(ORIGIN).host },
    });
    expect(lying.headers.get("Content-Length")).toBe("100");
    await expectTooLargePage(await callWorker(lying));
  });

  it("issue 9 #12: a declared Content-Length over the limit is refused before anything is read: 413", async () => {
    await expectTooLargePage(await post("/login", loginBody(FORM_BODY_LIMIT + 1), URLENCODED));
  });

  it("issue 9 #12: every kind of action refuses an over-limit streamed body (public, employer, staff forms)", async () => {
    const { cookie } = await openMyPage();
    for (const path of [
      "/staff/login",
      "/password-reset",
      "/register",
      "/mypage/consent",
      "/mypage/accounts",
      "/mypage/settings/password",
      "/mypage/establishment",
    ]) {
      const res = await post(path, streamed(loginBody(FORM_BODY_LIMIT + 1024)), URLENCODED, cookie);
      expect(res.status, path).toBe(413);
    }
  });

  it("issue 9 #12: a form at the limit is read as before (a field message, not 413); so is a streamed small form", async () => {
    const atLimit = await post("/login", loginBody(FORM_BODY_LIMIT), URLENCODED);
    expect(atLimit.status).toBe(400);
    const small = await post("/password-reset", streamed(new TextEncoder().encode("email=nobody%40example.jp")), URLENCODED);
    expect(small.status).toBe(303);
    const normal = await postForm("/password-reset", { email: "nobody@example.jp" });
    expect(normal.status).toBe(303);
  });

  it("issue 9 #12: a body that is not a form answers 400 with a Japanese page, not 500", async () => {
    const res = await post("/login", "{}", { "Content-Type": "multipart/form-data; boundary=nothing" });
    expect(res.status).toBe(400);
    expect(textOf(parse(await res.text()).querySelector("h1"))).toBe("リクエストを処理できません");
  });

  it("issue 9 #12, R-IMG-1: an image of exactly 2 MB still uploads; a streamed upload over 2 MB + 64 KB is not read: 413", async () => {
    const { establishment, cookie } = await openMyPage();
    const image = new Uint8Array(MAX_IMAGE_BYTES);
    image.set(TINY_PNG, 0);
    const form = new FormData();
    form.set("intent", "upload");
    form.set("image", new File([image], "photo.png", { type: "image/png" }));
    form.set("caption", "ちょうど2MB");
    expect((await workerFetch("/mypage/images", { method: "POST", body: form, cookie })).status).toBe(303);
    expect(await imagesOf(establishment.id)).toHaveLength(1);

    // A form over 2 MB + 64 KB streamed without a length, and the same bytes claiming to be short.
    const big = new FormData();
    big.set("intent", "upload");
    big.set("image", new File([new Uint8Array(IMAGE_FORM_LIMIT + 1)], "photo.png", { type: "image/png" }));
    big.set("caption", "大きすぎる");
    const { body, headers } = await asBrowserMultipart(big);
    await expectTooLargePage(await post("/mypage/images", streamed(body, 256 * 1024), { "Content-Type": headers["Content-Type"]! }, cookie));
    await expectTooLargePage(
      await post("/mypage/images", streamed(body, 256 * 1024), { "Content-Type": headers["Content-Type"]!, "Content-Length": "1000" }, cookie),
    );
    expect(await imagesOf(establishment.id)).toHaveLength(1);
    expect((await env.IMAGES.list({ prefix: `establishments/${establishment.id}/` })).objects).toHaveLength(1);
  });
});
