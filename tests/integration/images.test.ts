/**
 * 画像情報 (R-IMG-1, R-IMG-2, R-AUDIT-1) through the real Worker: multipart uploads recognised by their bytes,
 * the 2 MB and 10-image limits, location metadata removed from JPEGs before R2, deletion, the officer's
 * review with the notice mail, and who may see which bytes. The fuzzers are in tests/fuzz/images.test.ts.
 */
import { env } from "cloudflare:test";
import { and, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { jpegSegments } from "../../app/lib/images";
import { listPublishableImages } from "../../app/models/images.server";
import { getDb, schema } from "../../app/utils/db.server";
import { setWorkerNow } from "../helpers/clock";
import { checkAuthorisationMatrix, describeMatrixFailures, type MatrixActor } from "../helpers/authz";
import { latestMail, mailCount } from "../helpers/employer-signin";
import { imagesOf, insertImages } from "../helpers/images";
import { openMyPage as openSharedMyPage } from "../helpers/mypage";
import { NOW, nowClock } from "../helpers/clock";
import { fieldError, formsTo } from "../helpers/html";
import { asBrowserMultipart, postForm, workerFetch } from "../helpers/worker";
import { GPS_JPG, TINY_BMP, TINY_GIF, TINY_JPG, TINY_PNG } from "../fixtures/images";
import { ascii, pngChunk, pngDeclaring, pngOfSize, pngWith } from "../fixtures/images/build";
import { signedInOfficer } from "../helpers/staff";
import { flashMessage, withFlash } from "../helpers/flash";

const db = () => getDb(env);

const TOO_MANY = "エラー：画像は1事業所につき10枚まで登録できます。不要な画像を削除してから登録してください。";

/** An open My Page with its main account (consents given), signed in. */
const openMyPage = (name?: string, email?: string, officeCode?: string) => openSharedMyPage({ name, email, officeCode });

function uploadBody(bytes: Uint8Array<ArrayBuffer>, caption: string, name = "photo.png", type = "image/png"): FormData {
  const body = new FormData();
  body.set("intent", "upload");
  body.set("image", new File([bytes], name, { type }));
  body.set("caption", caption);
  return body;
}

/** An upload as a browser sends it (with its Content-Length). */
async function upload(cookie: string, bytes: Uint8Array<ArrayBuffer>, options: { caption?: string; name?: string; type?: string } = {}) {
  const { body, headers } = await asBrowserMultipart(uploadBody(bytes, options.caption ?? "工場の作業場の様子", options.name, options.type));
  return workerFetch("/mypage/images", { method: "POST", body, headers, cookie });
}

async function storedBytes(key: string): Promise<{ bytes: Uint8Array; contentType: string | undefined } | null> {
  const object = await env.IMAGES.get(key);
  if (!object) return null;
  return { bytes: new Uint8Array(await object.arrayBuffer()), contentType: object.httpMetadata?.contentType };
}

async function auditRows(action: string, subjectId: string) {
  return db()
    .select()
    .from(schema.auditLog)
    .where(and(eq(schema.auditLog.action, action), eq(schema.auditLog.subjectId, subjectId)))
    .all();
}

beforeEach(async () => {
  await setWorkerNow(NOW);
});

describe("画像の登録 (R-IMG-1)", () => {
  it("R-IMG-1, R-AUDIT-1: a file named .jpg with PNG bytes is stored as PNG (row and R2 object), audited, listed as 審査中", async () => {
    const { establishment, main, cookie } = await openMyPage();
    const res = await upload(cookie, TINY_PNG, { name: "office.jpg", type: "image/jpeg", caption: "事務所の入口" });
    expect(res.status).toBe(303);
    expect(res.headers.get("Location")).toBe("/mypage/images");
    expect(flashMessage(res)).toContain("画像を登録しました");
    const [row] = await imagesOf(establishment.id);
    expect(row).toMatchObject({
      contentType: "image/png",
      bytes: TINY_PNG.length,
      width: 3,
      height: 2,
      caption: "事務所の入口",
      status: "pending",
      r2Key: `establishments/${establishment.id}/images/${row!.id}`,
    });
    const stored = await storedBytes(row!.r2Key);
    expect(stored?.contentType).toBe("image/png");
    expect([...stored!.bytes]).toEqual([...TINY_PNG]);
    expect(await auditRows("image.upload", row!.id)).toMatchObject([{ actorType: "employer", actorId: main.id, officeCode: "0910" }]);

    const page = await (await workerFetch("/mypage/images", { cookie: withFlash(cookie, res) })).text();
    expect(page).toContain("画像を登録しました");
    expect(page).toContain("事務所の入口");
    expect(page).toContain("審査中");
    expect(page).toContain(`src="/mypage/images/${row!.id}"`);
    // A plain multipart POST: works without JavaScript.
    // (HTML attribute names are case-insensitive: React writes encType.) The form posts to the page itself.
    const uploadForms = formsTo(page, "/mypage/images").filter((f) => f.querySelector('input[type="file"]'));
    expect(uploadForms).toHaveLength(1);
    expect(uploadForms[0]!.getAttribute("enctype")).toBe("multipart/form-data");
    expect(page).toContain('type="file"');
  });

  it("R-IMG-1: GIF, BMP and JPEG are recognised by their bytes whatever their names; GIF, BMP and PNG bytes are stored unchanged", async () => {
    const { establishment, cookie } = await openMyPage();
    const cases: [Uint8Array<ArrayBuffer>, string, string][] = [
      [TINY_GIF, "a.png", "image/gif"],
      [TINY_BMP, "a.gif", "image/bmp"],
      [TINY_JPG, "a.bmp", "image/jpeg"],
      [TINY_PNG, "noextension", "image/png"],
    ];
    for (const [bytes, name, type] of cases) {
      const res = await upload(cookie, bytes, { name, type: "application/octet-stream", caption: type });
      expect(res.status, type).toBe(303);
      const row = (await imagesOf(establishment.id)).find((r) => r.caption === type)!;
      expect(row.contentType).toBe(type);
      const stored = await storedBytes(row.r2Key);
      expect(stored?.contentType).toBe(type);
      expect([...stored!.bytes]).toEqual([...bytes]);
    }
  });

  it("R-IMG-1: a file that is not JPEG/PNG/GIF/BMP is refused beside the file field, whatever its name; the caption is kept", async () => {
    const { establishment, cookie } = await openMyPage();
    const svg = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    const res = await upload(cookie, svg, { name: "photo.png", type: "image/png", caption: "玄関の写真" });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(fieldError(html, "image")).toBe("エラー：JPEG、PNG、GIF、BMPの画像を選んでください。");
    expect(html).toContain('value="玄関の写真"');
    expect(await imagesOf(establishment.id)).toHaveLength(0);
    expect((await env.IMAGES.list({ prefix: `establishments/${establishment.id}/` })).objects).toHaveLength(0);
  });

  it("R-IMG-1: a 2.1 MB file is refused with the size in the message; just over 2 MB too, with the caption kept; exactly 2 MB is accepted", async () => {
    const { establishment, cookie } = await openMyPage();
    // Over the upload's body limit (2 MB + 64 KB, issue 9 #12): not read, answered from the declared size.
    const res = await upload(cookie, pngOfSize(Math.round(2.1 * 1024 * 1024)), { caption: "大きな画像" });
    expect(res.status).toBe(400);
    expect(fieldError(await res.text(), "image")).toBe("エラー：ファイルサイズが2MBを超えています（2.1MB）。2MB以下の画像を選んでください。");
    // Within the body limit: read, refused by the form's schema, the caption shown again.
    const justOver = await upload(cookie, pngOfSize(2 * 1024 * 1024 + 1), { caption: "少し大きな画像" });
    expect(justOver.status).toBe(400);
    const html = await justOver.text();
    expect(fieldError(html, "image")).toBe("エラー：ファイルサイズが2MBを超えています（2.1MB）。2MB以下の画像を選んでください。");
    expect(html).toContain('value="少し大きな画像"');
    expect(await imagesOf(establishment.id)).toHaveLength(0);
    expect((await env.IMAGES.list({ prefix: `establishments/${establishment.id}/` })).objects).toHaveLength(0);

    expect((await upload(cookie, pngOfSize(2 * 1024 * 1024), { caption: "ちょうど2MB" })).status).toBe(303);
    expect(await imagesOf(establishment.id)).toMatchObject([{ bytes: 2 * 1024 * 1024, caption: "ちょうど2MB" }]);
  });

  it("R-IMG-1: a request far over the limit is not read; the message is still beside the file field", async () => {
    const { establishment, cookie } = await openMyPage();
    const res = await upload(cookie, pngOfSize(11 * 1024 * 1024));
    expect(res.status).toBe(400);
    expect(fieldError(await res.text(), "image")).toMatch(/^エラー：ファイルサイズが2MBを超えています（11\.\dMB）。/);
    expect(await imagesOf(establishment.id)).toHaveLength(0);
  });

  it("R-IMG-1: no file, an empty caption or one over 50 characters are refused with Japanese messages; captions have full-width letters and digits made half-width (Japanese spaces and punctuation kept)", async () => {
    const { establishment, cookie } = await openMyPage();
    const noFile = new FormData();
    noFile.set("intent", "upload");
    noFile.set("image", new File([], "", { type: "application/octet-stream" }));
    noFile.set("caption", "説明");
    const res1 = await workerFetch("/mypage/images", { method: "POST", body: noFile, cookie });
    expect(res1.status).toBe(400);
    expect(fieldError(await res1.text(), "image")).toBe("エラー：登録する画像ファイルを選んでください。");

    const res2 = await upload(cookie, TINY_PNG, { caption: "　 " });
    expect(res2.status).toBe(400);
    expect(fieldError(await res2.text(), "caption")).toBe("エラー：画像の説明を入力してください。");

    const res3 = await upload(cookie, TINY_PNG, { caption: "あ".repeat(51) });
    expect(res3.status).toBe(400);
    expect(fieldError(await res3.text(), "caption")).toBe("エラー：画像の説明は50文字以内で入力してください。");

    expect((await upload(cookie, TINY_PNG, { caption: "あ".repeat(50) })).status).toBe(303);
    expect((await upload(cookie, TINY_PNG, { caption: " ＡＢＣ工場　第１棟 " })).status).toBe(303);
    expect((await imagesOf(establishment.id)).map((r) => r.caption).sort()).toEqual(["ABC工場　第1棟", "あ".repeat(50)].sort());
  });

  it("R-IMG-1: exactly 10 images are accepted; the 11th is refused — pending, approved and sent-back images all count", async () => {
    const { establishment, cookie } = await openMyPage();
    await insertImages(establishment.id, ["approved", "rejected", "pending"]);
    for (let i = 4; i <= 10; i++) expect((await upload(cookie, TINY_PNG, { caption: `画像${i}` })).status, `image ${i}`).toBe(303);
    expect(await imagesOf(establishment.id)).toHaveLength(10);
    const res = await upload(cookie, TINY_PNG, { caption: "11枚目" });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(fieldError(html, "image")).toBe(TOO_MANY);
    expect(html).toContain('value="11枚目"');
    expect(await imagesOf(establishment.id)).toHaveLength(10);
    expect((await env.IMAGES.list({ prefix: `establishments/${establishment.id}/` })).objects).toHaveLength(7);
  });

  it("R-IMG-1: two uploads at once when 9 are stored make 10, not 11; the refused one's R2 object is deleted", async () => {
    const { establishment, cookie } = await openMyPage();
    await insertImages(establishment.id, Array(9).fill("pending"));
    const responses = await Promise.all([upload(cookie, TINY_PNG, { caption: "同時A" }), upload(cookie, TINY_PNG, { caption: "同時B" })]);
    const statuses = responses.map((r) => r.status).sort();
    expect(statuses).toEqual([303, 400]);
    const refused = responses.find((r) => r.status === 400)!;
    expect(fieldError(await refused.text(), "image")).toBe(TOO_MANY);
    expect(await imagesOf(establishment.id)).toHaveLength(10);
    expect((await env.IMAGES.list({ prefix: `establishments/${establishment.id}/` })).objects).toHaveLength(1);
  });

  it("R-IMG-1: a JPEG with GPS comes back without it: no Exif/XMP/IRB segment in R2, FFD8…FFD9, the image data segments identical", async () => {
    const { establishment, cookie } = await openMyPage();
    expect((await upload(cookie, GPS_JPG, { name: "IMG_0001.JPG", type: "image/jpeg", caption: "日光の工房" })).status).toBe(303);
    const [row] = await imagesOf(establishment.id);
    expect(row).toMatchObject({ contentType: "image/jpeg", width: 16, height: 8, bytes: TINY_JPG.length });
    const stored = (await storedBytes(row!.r2Key))!;
    expect(stored.contentType).toBe("image/jpeg");
    const text = new TextDecoder("latin1").decode(stored.bytes);
    expect(text).not.toContain("Exif");
    expect(text).not.toContain("GPS");
    expect(text).not.toContain("Photoshop");
    expect(new TextDecoder("latin1").decode(GPS_JPG)).toContain("Exif");
    expect([...stored.bytes.slice(0, 2)]).toEqual([0xff, 0xd8]);
    expect([...stored.bytes.slice(-2)]).toEqual([0xff, 0xd9]);
    // Every segment other than the metadata ones (tables, frame, scan and its entropy-coded data) is byte-identical.
    const segmentsOf = (b: Uint8Array) =>
      jpegSegments(b)!
        .filter((s) => s.marker !== 0xe1 && s.marker !== 0xed)
        .map((s) => [s.marker, ...b.slice(s.start, s.end)].join(","));
    expect(segmentsOf(stored.bytes)).toEqual(segmentsOf(GPS_JPG));
    expect([...stored.bytes]).toEqual([...TINY_JPG]);

    // The bytes served to the employer are the cleaned ones.
    const res = await workerFetch(`/mypage/images/${row!.id}`, { cookie });
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toBe("image/jpeg");
    expect(res.headers.get("Cache-Control")).toContain("private");
    expect(res.headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect([...new Uint8Array(await res.arrayBuffer())]).toEqual([...TINY_JPG]);
  });

  it("R-IMG-1: a truncated JPEG is refused with a message, nothing stored", async () => {
    const { establishment, cookie } = await openMyPage();
    const res = await upload(cookie, GPS_JPG.slice(0, 200), { name: "a.jpg", type: "image/jpeg" });
    expect(res.status).toBe(400);
    expect(fieldError(await res.text(), "image")).toBe("エラー：画像ファイルが壊れているため読み取れませんでした。別の画像を選んでください。");
    expect(await imagesOf(establishment.id)).toHaveLength(0);
  });

  it("R-IMG-1, issue 9 #13: a PNG's text and eXIf chunks are not stored: R2 holds the picture's chunks only", async () => {
    const { establishment, cookie } = await openMyPage();
    const tagged = pngWith(pngChunk("tEXt", ascii("Comment\0日光市今市1-2-3")), pngChunk("eXIf", ascii("MM\0*GPSLatitude")));
    expect((await upload(cookie, tagged, { caption: "説明つきPNG" })).status).toBe(303);
    const [row] = await imagesOf(establishment.id);
    expect(row).toMatchObject({ contentType: "image/png", bytes: TINY_PNG.length, width: 3, height: 2 });
    expect([...(await storedBytes(row!.r2Key))!.bytes]).toEqual([...TINY_PNG]);
  });

  it("R-IMG-1, issue 9 #13: an image declaring more than 40 megapixels is refused beside the file field, the caption kept; 40 exactly is accepted", async () => {
    const { establishment, cookie } = await openMyPage();
    const res = await upload(cookie, pngDeclaring(10000, 8000), { caption: "巨大な画像" });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(fieldError(html, "image")).toBe(
      "エラー：画像の画素数が多すぎます（10000×8000ピクセル）。4000万画素以下（例：8000×5000ピクセル）の画像を選んでください。",
    );
    expect(html).toContain('value="巨大な画像"');
    expect(await imagesOf(establishment.id)).toHaveLength(0);
    expect((await env.IMAGES.list({ prefix: `establishments/${establishment.id}/` })).objects).toHaveLength(0);
    expect((await upload(cookie, pngDeclaring(8000, 5000), { caption: "4000万画素" })).status).toBe(303);
  });

  it("R-IMG-1, R-AUDIT-1: deleting removes the row and the R2 object, and is audited", async () => {
    const { establishment, main, cookie } = await openMyPage();
    await upload(cookie, TINY_PNG, { caption: "削除する画像" });
    const [row] = await imagesOf(establishment.id);
    expect(await env.IMAGES.head(row!.r2Key)).not.toBeNull();
    const res = await postForm("/mypage/images", { intent: "delete", imageId: row!.id }, cookie);
    expect(res.status).toBe(303);
    expect(res.headers.get("Location")).toBe("/mypage/images");
    expect(flashMessage(res)).toBe("画像を削除しました。");
    expect(await imagesOf(establishment.id)).toHaveLength(0);
    expect(await env.IMAGES.head(row!.r2Key)).toBeNull();
    expect(await auditRows("image.delete", row!.id)).toMatchObject([{ actorType: "employer", actorId: main.id }]);
    expect((await workerFetch(`/mypage/images/${row!.id}`, { cookie })).status).toBe(404);
  });

  it("R-IMG-1: the My Page menu links to 画像情報", async () => {
    const { cookie } = await openMyPage();
    const html = await (await workerFetch("/mypage", { cookie })).text();
    expect(html).toContain('href="/mypage/images"');
  });
});

describe("画像の審査 (R-IMG-2)", () => {
  async function pendingImage() {
    const employer = await openMyPage();
    await upload(employer.cookie, TINY_PNG, { caption: "作業場の全景" });
    const [image] = await imagesOf(employer.establishment.id);
    return { ...employer, image: image! };
  }

  it("R-IMG-2: the officer sees the office's pending images with thumbnails, not another office's", async () => {
    const { image } = await pendingImage();
    const other = await openMyPage("宇都宮ぎょうざ食品株式会社", "recruit@utsunomiya-gyoza.example.jp", "0901");
    await upload(other.cookie, TINY_GIF, { caption: "餃子の製造ライン" });
    const { cookie } = await signedInOfficer("0910", nowClock());
    const html = await (await workerFetch("/staff/images", { cookie })).text();
    expect(html).toContain("作業場の全景");
    expect(html).toContain("株式会社日光ゆば工房");
    expect(html).toContain(`src="/staff/images/${image.id}"`);
    expect(html).not.toContain("餃子の製造ライン");
    const bytes = await workerFetch(`/staff/images/${image.id}`, { cookie });
    expect(bytes.status).toBe(200);
    expect(bytes.headers.get("Content-Type")).toBe("image/png");
    expect(bytes.headers.get("Cache-Control")).toContain("private");
    expect([...new Uint8Array(await bytes.arrayBuffer())]).toEqual([...TINY_PNG]);
    expect(await (await workerFetch("/staff", { cookie })).text()).toContain('href="/staff/images"');
  });

  it("R-IMG-2, R-AUDIT-1: approval sets 公開可 with reviewer and time, is audited and mailed in one go; only approved images are publishable", async () => {
    const { establishment, image, cookie: employerCookie } = await pendingImage();
    const { staff, cookie } = await signedInOfficer("0910", nowClock());
    expect(await listPublishableImages(db(), establishment.id)).toHaveLength(0);
    const res = await postForm("/staff/images", { imageId: image.id, intent: "approve", reason: "" }, cookie);
    expect(res.status).toBe(303);
    expect(res.headers.get("Location")).toBe("/staff/images");
    expect(flashMessage(res)).toBe("画像を承認しました。");
    const [row] = await imagesOf(establishment.id);
    expect(row).toMatchObject({ status: "approved", reviewedBy: staff.id, reviewedAt: Date.parse(NOW), rejectReason: null });
    expect(await auditRows("image.approve", image.id)).toMatchObject([{ actorType: "staff", actorId: staff.id, officeCode: "0910" }]);
    const mail = await latestMail("saiyo@nikko-yuba.example.jp", "imageApproved");
    expect(mail).toContain("作業場の全景");
    expect(mail).toContain("承認しました");
    expect((await listPublishableImages(db(), establishment.id)).map((i) => i.id)).toEqual([image.id]);
    expect(await (await workerFetch("/mypage/images", { cookie: employerCookie })).text()).toContain("公開可");
    // Reviewed once: a second decision is not possible (404), and the list no longer shows it.
    expect((await postForm("/staff/images", { imageId: image.id, intent: "reject", reason: "やはり不可" }, cookie)).status).toBe(404);
    expect(await (await workerFetch("/staff/images", { cookie })).text()).not.toContain("作業場の全景");
  });

  it("R-IMG-2, R-AUDIT-1: sending back needs a reason; the reason is stored, shown to the employer and mailed", async () => {
    const { establishment, image, cookie: employerCookie } = await pendingImage();
    const { staff, cookie } = await signedInOfficer("0910", nowClock());
    const missing = await postForm("/staff/images", { imageId: image.id, intent: "reject", reason: "　" }, cookie);
    expect(missing.status).toBe(400);
    expect(fieldError(await missing.text(), "reason")).toBe("エラー：差し戻す理由を入力してください。");
    const tooLong = await postForm("/staff/images", { imageId: image.id, intent: "reject", reason: "あ".repeat(201) }, cookie);
    expect(tooLong.status).toBe(400);
    const tooLongHtml = await tooLong.text();
    expect(fieldError(tooLongHtml, "reason")).toBe("エラー：差し戻す理由は200文字以内で入力してください。");
    expect(tooLongHtml).toContain("あ".repeat(201)); // what was typed is kept
    expect((await imagesOf(establishment.id))[0]!.status).toBe("pending");

    const res = await postForm(
      "/staff/images",
      { imageId: image.id, intent: "reject", reason: " 人物の顔が写っています。別の画像を登録してください。 " },
      cookie,
    );
    expect(res.status).toBe(303);
    const [row] = await imagesOf(establishment.id);
    expect(row).toMatchObject({ status: "rejected", reviewedBy: staff.id, rejectReason: "人物の顔が写っています。別の画像を登録してください。" });
    expect(await auditRows("image.reject", image.id)).toMatchObject([{ actorType: "staff", actorId: staff.id }]);
    const mail = await latestMail("saiyo@nikko-yuba.example.jp", "imageRejected");
    expect(mail).toContain("差戻しの理由：人物の顔が写っています。別の画像を登録してください。");
    const page = await (await workerFetch("/mypage/images", { cookie: employerCookie })).text();
    expect(page).toContain("差戻し");
    expect(page).toContain("人物の顔が写っています。");
    expect(await listPublishableImages(db(), establishment.id)).toHaveLength(0);
  });

  it("R-IMG-2: an officer of another office cannot review the image (404), and nothing is changed or mailed", async () => {
    const { establishment, image } = await pendingImage();
    const { cookie } = await signedInOfficer("0901", nowClock());
    expect((await postForm("/staff/images", { imageId: image.id, intent: "approve" }, cookie)).status).toBe(404);
    expect((await imagesOf(establishment.id))[0]!.status).toBe("pending");
    expect(await mailCount("saiyo@nikko-yuba.example.jp")).toBe(0);
  });
});

describe("who may see and change images (R-IMG-1, R-IMG-2)", () => {
  it("R-IMG-1, R-IMG-2: authorisation matrix — foreign employers and officers get 404, anonymous visitors are sent to sign in", async () => {
    const a = await openMyPage();
    const b = await openMyPage("鬼怒川リバーサイドホテル株式会社", "jinji@kinugawa-hotel.example.jp");
    await upload(a.cookie, TINY_PNG, { caption: "日光ゆば工房の作業場" });
    const [image] = await imagesOf(a.establishment.id);
    const nikko = await signedInOfficer("0910", nowClock());
    const utsunomiya = await signedInOfficer("0901", nowClock());
    const anonymous: MatrixActor = { name: "anonymous" };
    const deleted = async () => (await imagesOf(a.establishment.id)).length === 0;
    const reviewed = async () => (await imagesOf(a.establishment.id))[0]?.status !== "pending";

    const employerActors: MatrixActor[] = [anonymous, { name: "employer A", cookie: a.cookie }, { name: "employer B", cookie: b.cookie }];
    const employerFailures = await checkAuthorisationMatrix(employerActors, [
      { name: "image bytes", path: `/mypage/images/${image!.id}`, owners: ["employer A"], secret: "IHDR" },
    ]);
    expect(employerFailures, describeMatrixFailures(employerFailures)).toEqual([]);
    // The list is per establishment: B sees its own (empty) list, never A's images; anonymous visitors sign in first.
    expect(await (await workerFetch("/mypage/images", { cookie: b.cookie })).text()).not.toContain("日光ゆば工房の作業場");
    const anonymousList = await workerFetch("/mypage/images");
    expect(anonymousList.status).toBe(302);
    expect(anonymousList.headers.get("Location")).toBe("/login?redirectTo=%2Fmypage%2Fimages");
    const deleteFailures = await checkAuthorisationMatrix(
      [anonymous, { name: "employer B", cookie: b.cookie }],
      [
        {
          name: "delete",
          method: "POST",
          path: "/mypage/images",
          body: { intent: "delete", imageId: image!.id },
          owners: [],
          secret: "日光ゆば工房の作業場",
          changed: deleted,
        },
      ],
    );
    expect(deleteFailures, describeMatrixFailures(deleteFailures)).toEqual([]);

    const staffActors: MatrixActor[] = [anonymous, { name: "officer 日光", cookie: nikko.cookie }, { name: "officer 宇都宮", cookie: utsunomiya.cookie }];
    const staffFailures = await checkAuthorisationMatrix(staffActors, [
      { name: "review bytes", path: `/staff/images/${image!.id}`, owners: ["officer 日光"], secret: "IHDR" },
    ]);
    expect(staffFailures, describeMatrixFailures(staffFailures)).toEqual([]);
    // The review list is per office: 宇都宮 sees its own list, never 日光's images; anonymous visitors sign in first.
    expect(await (await workerFetch("/staff/images", { cookie: nikko.cookie })).text()).toContain("日光ゆば工房の作業場");
    expect(await (await workerFetch("/staff/images", { cookie: utsunomiya.cookie })).text()).not.toContain("日光ゆば工房の作業場");
    const anonymousReview = await workerFetch("/staff/images");
    expect(anonymousReview.status).toBe(302);
    expect(anonymousReview.headers.get("Location")).toBe("/staff/login?redirectTo=%2Fstaff%2Fimages");
    const reviewFailures = await checkAuthorisationMatrix(
      [anonymous, { name: "officer 宇都宮", cookie: utsunomiya.cookie }],
      [
        {
          name: "approve",
          method: "POST",
          path: "/staff/images",
          body: { imageId: image!.id, intent: "approve" },
          owners: [],
          secret: "日光ゆば工房の作業場",
          changed: reviewed,
        },
      ],
    );
    expect(reviewFailures, describeMatrixFailures(reviewFailures)).toEqual([]);
    // After all of that, the image is still A's, pending and in R2.
    expect(await imagesOf(a.establishment.id)).toMatchObject([{ id: image!.id, status: "pending" }]);
    expect(await env.IMAGES.head(image!.r2Key)).not.toBeNull();
  });
});
