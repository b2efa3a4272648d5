/** Small pieces of the posting page: the refusal of an action (R-GATE-3), a list of findings and the form of an intent. */
import { useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { z } from "zod";
import type { FindingView } from "../posting.server";
import type { ActionData } from "../route";

export const alertClass = "mb-6 rounded-8 border-2 border-red-800 bg-red-50 p-4";

export function Refusal({ reason, what, capability }: { reason: string | null; what: string; capability: string }) {
  return (
    <p className="rounded-8 border-2 border-red-800 bg-red-50 p-4 text-dns-16B-130 text-red-900" data-refused={capability}>
      {`現在、${what}は利用できません。${reason ?? ""}`}
    </p>
  );
}

export function FindingList({ items, kind }: { items: FindingView[]; kind: "error" | "warning" }) {
  if (items.length === 0) return null;
  return (
    <ul className="mb-2 list-disc pl-6">
      {items.map((f) => (
        <li key={`${f.field}:${f.code}`} className={kind === "error" ? "text-red-900" : "text-orange-900"} data-finding={f.code} data-severity={f.severity}>
          <span className="text-dns-16B-130">{kind === "error" ? "エラー：" : "確認："}</span>
          {f.message}
        </li>
      ))}
    </ul>
  );
}

/**
 * The Conform form of one of the page's intents (stop, delete): the page has one action for every intent, so a form
 * takes the action's reply only when it answered its own intent. Checked on submit.
 */
export function useIntentForm<S extends z.ZodObject>(intent: string, schema: S, result: ActionData | undefined) {
  return useForm<z.input<S>, z.output<S>>({
    id: `${intent}-form`,
    lastResult: result?.intent === intent ? result.reply : undefined,
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
    shouldValidate: "onSubmit",
  });
}
