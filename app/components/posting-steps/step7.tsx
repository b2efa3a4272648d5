/**
 * Screen 7 求人PR情報 (R-JOB-1; reference/hellowork-domain.md §2.2 G): 事業所からのメッセージ, 職務給制度, 復職制度,
 * 研修制度, 正社員登用の実績, 外国人雇用実績, 求人に関する特記事項, and the images shown with the posting (R-IMG-2):
 * only the establishment's approved images (context.images) can be chosen, at most MAX_POSTING_IMAGES.
 */
import { getInputProps, type FieldMetadata } from "@conform-to/react";
import { useContext } from "react";
import { MAX_POSTING_IMAGES } from "../../lib/schemas/posting";
import { FieldError, FieldGroup, FieldWarningsContext, RadioGroupField, TextAreaField, yesNoOptions } from "../form";
import { CheckboxGroup, hintOf, lengthHint, Note, Section } from "./fields";
import type { StepProps, WizardContext } from "./types";

export function Step7Fields({ form, context }: StepProps<7>) {
  const fields = form.getFieldset();
  const pr = fields.pr.getFieldset();
  const regularConversion = pr.regularConversion.getFieldset();

  return (
    <>
      <Section id="step7-message" title="事業所からのメッセージ">
        <TextAreaField
          meta={pr.message}
          label="事業所からのメッセージ"
          rows={6}
          hint={hintOf("仕事の魅力や職場の雰囲気など、求職者に伝えたいこと", lengthHint("pr.message"))}
        />
      </Section>

      <Section id="step7-systems" title="制度・実績">
        <CheckboxGroup
          legend="制度"
          hint="ある制度を選んでください。"
          items={[
            { meta: pr.jobPaySystem, label: "職務給制度あり" },
            { meta: pr.reinstatement, label: "復職制度あり" },
          ]}
        />
        <TextAreaField meta={pr.training} label="研修制度" rows={3} hint={hintOf("例：入社後1か月はOJTで丁寧に指導します", lengthHint("pr.training"))} />
        <FieldGroup legend="正社員登用の実績">
          <RadioGroupField meta={regularConversion.present} label="正社員登用の実績の有無" options={yesNoOptions()} />
          <TextAreaField meta={regularConversion.results} label="正社員登用の実績の内容" rows={2} hint="実績ありの場合。例：過去3年間で5人" />
        </FieldGroup>
        <RadioGroupField meta={pr.foreignWorkers} label="外国人雇用実績" options={yesNoOptions()} />
      </Section>

      <Section id="step7-special-notes" title="求人に関する特記事項">
        <TextAreaField
          meta={fields.specialNotes}
          label="求人に関する特記事項"
          rows={10}
          hint={hintOf("ほかの欄に書ききれない労働条件や補足", lengthHint("specialNotes"))}
        />
      </Section>

      <Section id="step7-images" title="求人に表示する画像">
        <ImageChoice meta={pr.imageIds} images={context.images} />
      </Section>
    </>
  );
}

/** R-IMG-2: a checkbox per approved image ("pr.imageIds"), with its thumbnail and caption. */
function ImageChoice({ meta, images }: { meta: FieldMetadata<string[] | undefined>; images: WizardContext["images"] }) {
  const hintId = `${meta.id}-hint`;
  const warned = (useContext(FieldWarningsContext)[meta.name] ?? []).length > 0;
  const describedBy = [hintId, meta.errors?.length ? meta.errorId : null, warned ? `${meta.id}-warning` : null].filter(Boolean).join(" ");
  const chosen = Array.isArray(meta.initialValue) ? meta.initialValue : [];
  const gone = chosen.filter((id) => !images.some((image) => image.id === id)).length;
  const goneNote = gone ? (
    <p role="status" className="mb-4 rounded-8 border border-solid-gray-420 bg-yellow-50 p-4 text-dns-16N-130">
      {`この求人で選んでいた画像のうち${gone}枚は、削除されたか公開できなくなったため、選べません。保存するとこの求人から外れます。`}
    </p>
  ) : null;
  if (images.length === 0) {
    return (
      <Note>
        {goneNote}
        <p>
          選べる画像はありません。画像は事業所の
          <a href="/mypage/images" className="text-blue-1000 underline">
            画像情報
          </a>
          で登録し、ハローワークの承認後に選べます。
        </p>
        <FieldError meta={meta} />
      </Note>
    );
  }
  return (
    <fieldset className="mb-6" aria-describedby={describedBy}>
      <legend className="mb-2 flex items-center gap-2 text-std-17B-170">
        画像<span className="text-dns-14N-130 text-solid-gray-800">任意</span>
      </legend>
      <p id={hintId} className="mb-4 text-dns-16N-130 text-solid-gray-800">
        {`ハローワークが承認した事業所の画像から、${MAX_POSTING_IMAGES}枚まで選べます。画像は事業所の`}
        <a href="/mypage/images" className="text-blue-1000 underline">
          画像情報
        </a>
        で登録し、ハローワークの承認後に選べます。
      </p>
      {goneNote}
      <ul className="grid gap-4 sm:grid-cols-3">
        {images.map((image, i) => {
          const id = `${meta.id}-${i}`;
          const props = getInputProps(meta as FieldMetadata<string>, { type: "checkbox", value: image.id });
          return (
            <li key={image.id} className="rounded-8 border border-solid-gray-420 p-3" data-image-id={image.id}>
              <img
                src={image.src}
                alt={image.caption}
                loading="lazy"
                className="mb-2 max-h-40 w-auto max-w-full rounded-8 border border-solid-gray-420 bg-solid-gray-50"
              />
              <div className="flex items-start gap-3">
                <input {...props} id={id} required={undefined} className="mt-1.5 h-5 w-5 shrink-0" />
                <label htmlFor={id} className="break-all text-std-16N-170">
                  {image.caption}
                </label>
              </div>
            </li>
          );
        })}
      </ul>
      <FieldError meta={meta} />
    </fieldset>
  );
}
