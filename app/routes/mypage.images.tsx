/**
 * 画像情報 (R-IMG-1, R-IMG-2): the establishment's workplace images — up to 10, ≤ 2 MB each, JPEG/PNG/GIF/BMP
 * recognised by their bytes — with their review status (審査中 / 公開可 / 差戻し and the reason), the upload
 * form (multipart, works without JavaScript) and a delete button per image. Images lose their metadata (Exif,
 * text chunks, comments…) before they are stored, and more than 40 megapixels is refused (app/lib/image-metadata.ts). Actions ask the capability rules (images.manage).
 */
import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/cloudflare";
import { data } from "@remix-run/cloudflare";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Button, FieldError, TextField } from "../components/form";
import { formatJstDateTime } from "../lib/clock";
import {
  BROKEN_IMAGE_MESSAGE,
  CAPTION_MAX,
  imageDimensions,
  MAX_IMAGE_BYTES,
  MAX_IMAGES_PER_ESTABLISHMENT,
  sniffImageType,
  tooLargeMessage,
  UNKNOWN_FORMAT_MESSAGE,
} from "../lib/images";
import { exceedsPixelLimit, stripImageMetadata, tooManyPixelsMessage } from "../lib/image-metadata";
import { normalizeJaText } from "../lib/normalize";
import { z } from "../lib/schemas/zod-ja";
import { deleteImage, findImage, IMAGE_STATUS_LABELS, imagesQuery, uploadImage, type EmployerImageActor } from "../models/images.server";
import { decide } from "../rules/capabilities";
import { requireEmployer, type EmployerContext } from "../utils/auth.server";
import { loadCapabilityFacts, requireCapability } from "../utils/capabilities.server";
import { bodyTooLarge, IMAGE_FORM_LIMIT, readFormWithin } from "../utils/body.server";
import { redirectWithFlash } from "../utils/flash.server";

export const meta: MetaFunction = () => [{ title: "画像情報 | 求人者マイページ" }];

const NO_FILE_MESSAGE = "登録する画像ファイルを選んでください。";

/** The upload form: the file (size checked here, format on the server from its bytes) and the caption. */
export const uploadSchema = z.object({
  image: z
    .instanceof(File, { error: NO_FILE_MESSAGE })
    .refine((f) => f.size > 0, { error: NO_FILE_MESSAGE })
    .superRefine((f, ctx) => {
      if (f.size > MAX_IMAGE_BYTES) ctx.addIssue({ code: "custom", message: tooLargeMessage(f.size) });
    }),
  caption: z
    .string({ error: "画像の説明を入力してください。" })
    .transform(normalizeJaText)
    .pipe(
      // Conform turns a caption that normalises to "" into undefined inside the pipe: same message.
      z
        .string({ error: "画像の説明を入力してください。" })
        .min(1, { error: "画像の説明を入力してください。" })
        .refine((v) => [...v].length <= CAPTION_MAX, { error: `画像の説明は${CAPTION_MAX}文字以内で入力してください。` }),
    ),
});

export async function loader({ request, context }: LoaderFunctionArgs) {
  const employer = await requireEmployer(request, context, { reads: ({ db, establishmentId }) => ({ images: imagesQuery(db, establishmentId) }) });
  const images = employer.reads.images;
  const manage = decide("images.manage", await loadCapabilityFacts(employer));
  return {
    establishmentName: employer.establishment.name,
    images: images.map((i) => ({
      id: i.id,
      caption: i.caption,
      status: i.status,
      statusLabel: IMAGE_STATUS_LABELS[i.status],
      rejectReason: i.rejectReason,
      size: `${Math.max(1, Math.round(i.bytes / 1024))}KB`,
      dimensions: i.width && i.height ? `${i.width}×${i.height}` : null,
      createdAt: formatJstDateTime(i.createdAt),
    })),
    max: MAX_IMAGES_PER_ESTABLISHMENT,
    manage,
  };
}

function actorOf(employer: EmployerContext): EmployerImageActor {
  return { accountId: employer.account.id, establishmentId: employer.establishment.id, officeCode: employer.establishment.officeCode };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const employer = await requireEmployer(request, context);
  await requireCapability(employer, "images.manage");
  const bucket = context.cloudflare.env.IMAGES;
  // At most 2 MB + the form around it is read (issue 9 #12). A browser declares the size of its form: the answer is then
  // beside the file field with that size (nothing was read, so the caption has to be typed again); a streamed body
  // without a length, or one longer than it said, gets the 413 page.
  const read = await readFormWithin(request, IMAGE_FORM_LIMIT);
  if (!read.ok) {
    if (read.declaredBytes === null) throw bodyTooLarge();
    const unread = parseWithZod(new FormData(), { schema: z.object({}) });
    return data(unread.reply({ fieldErrors: { image: [tooLargeMessage(read.declaredBytes)] } }), { status: 400 });
  }
  const formData = read.form;
  if (formData.get("intent") === "delete") {
    const imageId = formData.get("imageId");
    const image = typeof imageId === "string" ? await findImage(employer.db, { id: imageId, establishmentId: employer.establishment.id }) : undefined;
    if (!image) throw data(null, { status: 404 });
    await deleteImage(employer.db, bucket, context.clock, actorOf(employer), image);
    return redirectWithFlash("/mypage/images", "画像を削除しました。");
  }
  const submission = parseWithZod(formData, { schema: uploadSchema });
  if (submission.status !== "success") return data(submission.reply({ hideFields: ["image"] }), { status: 400 });
  const refuse = (message: string) => data(submission.reply({ fieldErrors: { image: [message] }, hideFields: ["image"] }), { status: 400 });

  const original = new Uint8Array(await submission.value.image.arrayBuffer());
  const contentType = sniffImageType(original);
  if (!contentType) return refuse(UNKNOWN_FORMAT_MESSAGE);
  const bytes = stripImageMetadata(original, contentType);
  if (!bytes) return refuse(BROKEN_IMAGE_MESSAGE);
  const dimensions = imageDimensions(bytes, contentType);
  if (!dimensions) return refuse(BROKEN_IMAGE_MESSAGE);
  if (exceedsPixelLimit(dimensions)) return refuse(tooManyPixelsMessage(dimensions));
  const result = await uploadImage(employer.db, bucket, context.clock, actorOf(employer), {
    bytes,
    contentType,
    width: dimensions.width,
    height: dimensions.height,
    caption: submission.value.caption,
  });
  if (!result.ok) return refuse(result.message);
  return redirectWithFlash("/mypage/images", "画像を登録しました。ハローワークの確認が終わるまで「審査中」と表示されます。");
}

const STATUS_CLASS: Record<string, string> = {
  pending: "bg-yellow-50 text-solid-gray-900",
  approved: "bg-green-50 text-green-900",
  rejected: "bg-red-50 text-red-900",
};

export default function ImagesPage() {
  const page = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: uploadSchema }),
    shouldValidate: "onSubmit",
  });
  const full = page.images.length >= page.max;
  return (
    <>
      <h1 className="mb-6 text-std-32B-150">画像情報</h1>
      <p className="mb-6">{page.establishmentName}の職場の画像です。登録した画像はハローワークが確認し、承認された画像（公開可）だけを求人票に掲載できます。</p>

      <section aria-labelledby="list-title" className="mb-10">
        <h2 id="list-title" className="mb-4 text-std-24B-150">
          登録済みの画像（{page.images.length}枚／最大{page.max}枚）
        </h2>
        {page.images.length === 0 ? (
          <p>登録された画像はありません。</p>
        ) : (
          <ul className="grid gap-4 sm:grid-cols-2">
            {page.images.map((image) => (
              <li key={image.id} className="rounded-8 border border-solid-gray-420 p-4" data-image-id={image.id}>
                <img
                  src={`/mypage/images/${image.id}`}
                  alt={image.caption}
                  className="mb-3 max-h-48 w-auto max-w-full rounded-8 border border-solid-gray-420 bg-solid-gray-50"
                  loading="lazy"
                />
                <p className="mb-2 break-all text-std-17B-170">{image.caption}</p>
                <dl className="mb-3 grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-dns-16N-130">
                  <dt>状態</dt>
                  <dd>
                    <span className={`rounded-8 px-2 py-1 text-dns-14B-130 ${STATUS_CLASS[image.status] ?? ""}`}>{image.statusLabel}</span>
                  </dd>
                  {image.rejectReason ? (
                    <>
                      <dt>差戻しの理由</dt>
                      <dd className="break-all">{image.rejectReason}</dd>
                    </>
                  ) : null}
                  <dt>サイズ</dt>
                  <dd>{image.dimensions ? `${image.dimensions}ピクセル、${image.size}` : image.size}</dd>
                  <dt>登録日時</dt>
                  <dd>{image.createdAt}</dd>
                </dl>
                {page.manage.allowed ? (
                  <Form method="post" action="/mypage/images">
                    <input type="hidden" name="imageId" value={image.id} />
                    <Button variant="secondary" name="intent" value="delete">
                      削除<span className="sr-only">（{image.caption}）</span>
                    </Button>
                  </Form>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="upload-title">
        <h2 id="upload-title" className="mb-4 text-std-24B-150">
          画像の登録
        </h2>
        {!page.manage.allowed ? (
          <p className="rounded-8 bg-solid-gray-50 p-4">{page.manage.reason}</p>
        ) : (
          <>
            <ul className="mb-6 list-disc pl-6">
              <li>JPEG、PNG、GIF、BMPの画像を、1枚2MBまで、1事業所につき{page.max}枚まで登録できます。</li>
              <li>画像に含まれる撮影場所やコメントなどの情報（Exifなど）は、削除してから保存します。</li>
              <li>人物の顔や個人が特定できる情報が写った画像は登録しないでください。</li>
            </ul>
            {full ? (
              <p className="mb-4 rounded-8 bg-solid-gray-50 p-4">画像は1事業所につき10枚まで登録できます。不要な画像を削除してから登録してください。</p>
            ) : null}
            <Form method="post" action="/mypage/images" encType="multipart/form-data" {...getFormProps(form)}>
              <input type="hidden" name="intent" value="upload" />
              <div className="mb-6">
                <label htmlFor={fields.image.id} className="mb-2 flex items-center gap-2 text-std-17B-170">
                  画像ファイル<span className="text-dns-14B-130 text-red-900">※必須</span>
                </label>
                <p id={`${fields.image.id}-hint`} className="mb-2 text-dns-16N-130 text-solid-gray-800">
                  JPEG、PNG、GIF、BMP（2MB以下）。入力内容に誤りがあった場合は、もう一度ファイルを選んでください。
                </p>
                <input
                  {...getInputProps(fields.image, {
                    type: "file",
                    ariaDescribedBy: [`${fields.image.id}-hint`, fields.image.errors?.length ? fields.image.errorId : null].filter(Boolean).join(" "),
                  })}
                  required={undefined}
                  aria-required
                  accept="image/jpeg,image/png,image/gif,image/bmp"
                  className="block w-full rounded-8 border border-solid-gray-600 bg-white px-4 py-3 text-std-16N-170"
                />
                <FieldError meta={fields.image} />
              </div>
              <TextField meta={fields.caption} label="画像の説明" required hint={`${CAPTION_MAX}文字以内（例：工場の作業場の様子）`} />
              <Button>画像を登録する</Button>
            </Form>
          </>
        )}
      </section>
      <p className="mt-10">
        <Link to="/mypage">マイページのトップへ戻る</Link>
      </p>
    </>
  );
}
