/** The GET search form of the officers' lists (事業所, 仮登録, 求職者): one labelled field `q` and 検索; works without JavaScript. */
import { Form } from "@remix-run/react";

export function StaffSearchForm({ name, label, q, maxLength }: { name: string; label: string; q: string; maxLength: number }) {
  return (
    <Form method="get" role="search" aria-label={name} className="mb-8 flex flex-wrap items-end gap-4">
      <div>
        <label htmlFor="q" className="mb-2 block text-std-17B-170">
          {label}
        </label>
        <input
          id="q"
          name="q"
          type="search"
          defaultValue={q}
          maxLength={maxLength}
          className="w-80 max-w-full rounded-8 border border-solid-gray-600 px-4 py-3"
        />
      </div>
      <button type="submit" className="min-h-14 rounded-8 bg-blue-900 px-6 py-3 text-std-16B-170 text-white">
        検索
      </button>
    </Form>
  );
}
