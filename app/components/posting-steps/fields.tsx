/**
 * Layout pieces shared by the 求人申込み screens 4–8 (R-JOB-1): a section with its h2 heading, a group of checkboxes
 * that answer one question (選考方法, 加入保険等…) with the group's own red error / orange warning, a read-only note,
 * and the length hints taken from the 求人票's limits (rules/posting/lengths.ts) so the hint and the check agree.
 * The fields themselves are the shared ones of components/form.tsx.
 */
import { getInputProps, type FieldMetadata } from "@conform-to/react";
import { useContext, type ReactNode } from "react";
import { LENGTH_LIMITS } from "../../rules/posting/lengths";
import { FieldError, FieldWarningsContext } from "../form";

type Meta = FieldMetadata<unknown>;

/** One part of a screen, with its h2 heading (the screen's title is the h1). */
export function Section({ id, title, children, intro }: { id: string; title: string; children: ReactNode; intro?: ReactNode }) {
  return (
    <section aria-labelledby={id} className="mb-10">
      <h2 id={id} className="mb-4 border-b border-solid-gray-420 pb-2 text-std-24B-150">
        {title}
      </h2>
      {intro ? <div className="mb-6 text-std-16N-170">{intro}</div> : null}
      {children}
    </section>
  );
}

/** A read-only explanation (not a field). */
export function Note({ title, children }: { title?: string; children: ReactNode }) {
  return (
    <div className="mb-6 rounded-8 border border-solid-gray-420 bg-solid-gray-50 p-4 text-dns-16N-170">
      {title ? <p className="mb-2 text-std-16B-170">{title}</p> : null}
      {children}
    </div>
  );
}

/** 「60文字以内・2行まで」 from the 求人票's length limits, for a hint. */
export function lengthHint(field: string): string {
  const limit = LENGTH_LIMITS.find((l) => l.field === field);
  if (!limit) return "";
  return limit.maxLines === 1 ? `${limit.maxChars}文字以内・改行なし` : `${limit.maxChars}文字以内・${limit.maxLines}行まで`;
}

/** Joins hint parts, skipping empty ones. */
export function hintOf(...parts: (string | null | undefined | false)[]): string {
  return parts.filter(Boolean).join("。");
}

function RequiredMark({ required }: { required?: boolean }) {
  return <span className={required ? "text-dns-14B-130 text-red-900" : "text-dns-14N-130 text-solid-gray-800"}>{required ? "※必須" : "任意"}</span>;
}

/**
 * Several checkboxes answering one question, each its own boolean field ("selection.methods.documents"), in a
 * fieldset whose legend is the question. `group` is the object they belong to ("selection.methods"): a finding about
 * the whole group (「1つ以上選択してください」) shows beside the legend. `children` goes after the boxes (e.g. the
 * その他 text field).
 */
export function CheckboxGroup({
  legend,
  group,
  items,
  required,
  hint,
  children,
}: {
  legend: string;
  group?: Meta;
  items: { meta: FieldMetadata<string | boolean | undefined | null>; label: ReactNode }[];
  required?: boolean;
  hint?: ReactNode;
  children?: ReactNode;
}) {
  const hintId = hint ? `${group?.id ?? items[0]?.meta.id ?? "group"}-group-hint` : undefined;
  const errorId = group?.errors?.length ? group.errorId : undefined;
  const warned = useContext(FieldWarningsContext)[group?.name ?? ""]?.length ? `${group?.id}-warning` : undefined;
  const describedBy = [hintId, errorId, warned].filter(Boolean).join(" ") || undefined;
  return (
    // The fieldset carries the group's id, so the summary's link to a finding on the whole group lands here.
    <fieldset id={group?.id} tabIndex={group ? -1 : undefined} className="mb-6" aria-describedby={describedBy} aria-invalid={errorId ? true : undefined}>
      <legend className="mb-2 flex items-center gap-2 text-std-17B-170">
        {legend}
        <RequiredMark required={required} />
      </legend>
      {hint ? (
        <p id={hintId} className="mb-2 text-dns-16N-130 text-solid-gray-800">
          {hint}
        </p>
      ) : null}
      <div className="flex flex-wrap gap-x-6 gap-y-3">
        {items.map(({ meta, label }) => {
          const props = getInputProps(meta as FieldMetadata<string>, { type: "checkbox" });
          return (
            <div key={meta.name} className="flex items-start gap-3">
              <input {...props} required={undefined} className="mt-1.5 h-5 w-5" />
              <label htmlFor={meta.id} className="text-std-16N-170">
                {label}
              </label>
            </div>
          );
        })}
      </div>
      {items.map(({ meta }) => (
        <FieldError key={meta.name} meta={meta} />
      ))}
      {group ? <FieldError meta={group} /> : null}
      {children ? <div className="mt-4">{children}</div> : null}
    </fieldset>
  );
}
