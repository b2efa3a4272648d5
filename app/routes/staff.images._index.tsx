/**
 * 画像の審査 (R-IMG-2): the images waiting for review (審査中) of the establishments under the officer's
 * office, oldest first, 50 a page (`?page=N`, issue 9 #15), with a thumbnail each; the officer approves (公開可) or sends back (差戻し) with a reason. Status,
 * reviewer, time, reason, the audit row and the notice to the employer are one batch. Another office's
 * image is a 404.
 */
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/cloudflare";
import { data } from "@remix-run/cloudflare";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Button, TextAreaField } from "../components/form";
import { Pager } from "../components/pager";
import { StaffHeader } from "../components/staff-header";
import { formatJstDateTime } from "../lib/clock";
import { REJECT_REASON_MAX } from "../lib/images";
import { pageHref, pageInfo, requestedPage } from "../lib/paging";
import { normalizeJaText } from "../lib/normalize";
import { z } from "../lib/schemas/zod-ja";
import { pendingImagesForOfficeQuery, reviewImage } from "../models/images.server";
import { ROLE_LABELS } from "../models/staff.server";
import { requireStaff } from "../utils/auth.server";
import { mailContext } from "../utils/mail.server";
import { redirectWithFlash } from "../utils/flash.server";
import { readForm } from "../utils/body.server";

export const meta: MetaFunction = () => [{ title: "画像の審査 | 求人者マイページ" }];

const REASON_REQUIRED = "差し戻す理由を入力してください。";

/** One review: approve, or reject with a reason (NFKC, trimmed, ≤ 200 characters). */
export const reviewSchema = z
  .object({
    imageId: z.string({ error: "画像を選び直してください。" }),
    intent: z.enum(["approve", "reject"], { error: "「承認する」か「差し戻す」を選んでください。" }),
    reason: z.string().transform(normalizeJaText).optional(),
  })
  .superRefine((value, ctx) => {
    if (value.intent !== "reject") return;
    if (!value.reason) ctx.addIssue({ code: "custom", path: ["reason"], message: REASON_REQUIRED });
    else if ([...value.reason].length > REJECT_REASON_MAX) {
      ctx.addIssue({ code: "custom", path: ["reason"], message: `差し戻す理由は${REJECT_REASON_MAX}文字以内で入力してください。` });
    }
  });

export async function loader({ request, context }: LoaderFunctionArgs) {
  const params = new URL(request.url).searchParams;
  const asked = requestedPage(params);
  const { staff, office, reads } = await requireStaff(request, context, {
    reads: ({ db, officeCode }) => ({ images: pendingImagesForOfficeQuery(db, officeCode, asked) }),
  });
  const images = reads.images;
  const { page, pageCount, total } = pageInfo(images, asked);
  return {
    pages: {
      page,
      pageCount,
      total,
      prev: page > 1 ? pageHref("/staff/images", params, page - 1) : null,
      next: page < pageCount ? pageHref("/staff/images", params, page + 1) : null,
    },
    staff: { name: staff.name, officeName: office.name, roleLabel: ROLE_LABELS[staff.role] },
    images: images.map((i) => ({
      id: i.id,
      caption: i.caption,
      establishmentName: i.establishmentName,
      establishmentNumber: i.establishmentNumber,
      size: `${Math.max(1, Math.round(i.bytes / 1024))}KB`,
      dimensions: i.width && i.height ? `${i.width}×${i.height}ピクセル` : null,
      createdAt: formatJstDateTime(i.createdAt),
    })),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { db, staff, office } = await requireStaff(request, context);
  const formData = await readForm(request);
  const submission = parseWithZod(formData, { schema: reviewSchema });
  const imageId = formData.get("imageId");
  if (submission.status !== "success") {
    return data({ imageId: typeof imageId === "string" ? imageId : null, result: submission.reply() }, { status: 400 });
  }
  const { value } = submission;
  const reviewed = await reviewImage(
    db,
    context.clock,
    mailContext(context.cloudflare.env),
    { staffId: staff.id, officeCode: office.code },
    value.imageId,
    value.intent === "approve" ? { decision: "approve" } : { decision: "reject", reason: value.reason ?? "" },
  );
  if (!reviewed) throw data(null, { status: 404 });
  return redirectWithFlash("/staff/images", value.intent === "approve" ? "画像を承認しました。" : "画像を差し戻しました。");
}

type PendingImage = ReturnType<typeof useLoaderData<typeof loader>>["images"][number];

function ReviewCard({ image }: { image: PendingImage }) {
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: `review-${image.id}`,
    lastResult: actionData?.imageId === image.id ? actionData.result : undefined,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: reviewSchema }),
    shouldValidate: "onSubmit",
  });
  return (
    <li className="rounded-8 border border-solid-gray-420 p-4" data-image-id={image.id}>
      <h3 className="mb-2 text-std-20B-150">{image.establishmentName}</h3>
      <p className="mb-3 text-dns-16N-130">事業所番号 {image.establishmentNumber ?? "（未採番）"}</p>
      <a href={`/staff/images/${image.id}`} className="mb-3 inline-block">
        <img
          src={`/staff/images/${image.id}`}
          alt={`${image.caption}（原寸で開く）`}
          className="max-h-48 w-auto max-w-full rounded-8 border border-solid-gray-420 bg-solid-gray-50"
          loading="lazy"
        />
      </a>
      <dl className="mb-4 grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-dns-16N-130">
        <dt>画像の説明</dt>
        <dd className="break-all">{image.caption}</dd>
        <dt>サイズ</dt>
        <dd>{image.dimensions ? `${image.dimensions}、${image.size}` : image.size}</dd>
        <dt>登録日時</dt>
        <dd>{image.createdAt}</dd>
      </dl>
      <Form method="post" action="/staff/images" {...getFormProps(form)}>
        <input type="hidden" name="imageId" value={image.id} />
        <TextAreaField
          meta={fields.reason}
          label="差し戻す理由"
          marker="差し戻す場合は必須"
          hint={`${REJECT_REASON_MAX}文字以内。事業主に表示され、メールでも通知されます。`}
          rows={3}
        />
        <div className="flex flex-wrap gap-4">
          <Button name="intent" value="approve">
            承認する<span className="sr-only">（{image.caption}）</span>
          </Button>
          <Button variant="secondary" name="intent" value="reject">
            差し戻す<span className="sr-only">（{image.caption}）</span>
          </Button>
        </div>
      </Form>
    </li>
  );
}

export default function StaffImageReview() {
  const { staff, images, pages } = useLoaderData<typeof loader>();
  return (
    <>
      <StaffHeader staff={staff} />
      <h1 className="mb-6 text-std-32B-150">画像の審査</h1>
      <p className="mb-6">
        {staff.officeName}
        の管轄の事業所が登録した画像です。求人票に掲載してよい画像は承認し、掲載できない画像は理由を添えて差し戻してください。結果は事業主にメールで通知されます。
      </p>
      <section aria-labelledby="pending-title">
        <h2 id="pending-title" className="mb-4 text-std-24B-150" data-page-count>
          審査待ちの画像（{pages.total}件{pages.pageCount > 1 ? `、${pages.page}／${pages.pageCount}ページ` : ""}）
        </h2>
        {images.length === 0 ? (
          <p>審査を待っている画像はありません。</p>
        ) : (
          <ul className="grid gap-6 lg:grid-cols-2">
            {images.map((image) => (
              <ReviewCard key={image.id} image={image} />
            ))}
          </ul>
        )}
        <Pager label="審査待ちの画像のページ" page={pages.page} pageCount={pages.pageCount} prev={pages.prev} next={pages.next} />
      </section>
      <p className="mt-10">
        <Link to="/staff">職員メニューへ戻る</Link>
      </p>
    </>
  );
}
