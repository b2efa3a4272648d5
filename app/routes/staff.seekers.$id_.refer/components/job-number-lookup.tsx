/** Step 1 of 紹介: the 求人番号 to look up (a GET form: the posting is shown to confirm before referring). */
import { Form } from "@remix-run/react";
import { FieldError, Label, inputClass, plainField } from "../../../components/form";

export function JobNumberLookup({ typed, error }: { typed: string; error: string | null }) {
  // Its own id: the referral form below has a 求人番号 field too.
  const meta = { ...plainField("jobNumber", typed, error ?? undefined), id: "lookup-jobNumber", errorId: "lookup-jobNumber-error" };
  return (
    <section aria-labelledby="lookup-title" className="mb-10">
      <h2 id="lookup-title" className="mb-4 text-std-24B-150">
        紹介先の求人を探す
      </h2>
      <Form method="get" role="search" aria-label="紹介先の求人の検索" className="flex flex-wrap items-end gap-4">
        <div className="w-80 max-w-full">
          <Label htmlFor={meta.id} label="求人番号" required />
          <p id={`${meta.id}-hint`} className="mb-2 text-dns-16N-130 text-solid-gray-800">
            例：09100-00000012（全角・ハイフンなしでも可）
          </p>
          <input
            id={meta.id}
            name="jobNumber"
            type="text"
            inputMode="numeric"
            autoComplete="off"
            defaultValue={typed}
            maxLength={40}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${meta.id}-hint ${meta.errorId}` : `${meta.id}-hint`}
            className={inputClass}
          />
        </div>
        <button
          type="submit"
          className="min-h-14 rounded-8 border border-blue-900 bg-white px-6 py-3 text-std-16B-170 text-blue-900 hover:bg-blue-50 hover:underline"
        >
          求人を確認する
        </button>
      </Form>
      {/* Only with a message: after a POST the referral form's 求人番号 carries the field's message. */}
      {error ? <FieldError meta={meta} /> : null}
    </section>
  );
}
