/** Small pieces of the posting page: the refusal of an action (R-GATE-3) and a list of findings. */
import type { FindingView } from "../posting.server";

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
