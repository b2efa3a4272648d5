/**
 * The parts of the referral pages (R-REF-2/3): the applicant as disclosed, the 紹介, the current 選考結果, its history,
 * and the result form's fields (the employer's form and the officer's phone report use the same ones). Plain data in
 * (lib/referral-view.ts), no server code.
 */
import type { FieldMetadata } from "@conform-to/react";
import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import type { HistoryEntryView, ReferralPageView } from "../lib/referral-view";
import { DIFFERENCE_NOTE_MAX, DIFFERENCE_OPTIONS, RESULT_OPTIONS } from "../lib/schemas/selection-result";
import { RadioGroupField, TextAreaField, TextField, yesNoOptions } from "./form";
import { CheckboxGroup } from "./posting-steps/fields";
import { TableHead } from "./table";

function Rows({ rows }: { rows: [string, ReactNode][] }) {
  return (
    <dl className="grid grid-cols-1 gap-x-6 gap-y-2 md:grid-cols-[12rem_1fr]">
      {rows.map(([label, value]) => (
        <div key={label} className="contents">
          <dt className="text-std-16B-170">{label}</dt>
          <dd className="mb-2 whitespace-pre-wrap break-all text-std-16N-170" data-item={label}>
            {value}
          </dd>
        </div>
      ))}
    </dl>
  );
}

export function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="mb-10">
      <h2 id={id} className="mb-4 border-b border-solid-gray-420 pb-2 text-std-24B-150">
        {title}
      </h2>
      {children}
    </section>
  );
}

/** 応募者の情報: 氏名, カナ, 年齢 and what the seeker agreed to disclose (or everything, for the referring office). */
export function SeekerSection({ view }: { view: ReferralPageView }) {
  const { seeker } = view;
  const rows: [string, ReactNode][] = [
    ["氏名", seeker.name],
    ["氏名（カナ）", seeker.nameKana],
    ["年齢", `${seeker.age}歳`],
    ...(seeker.seekerNumber ? ([["求職番号", seeker.seekerNumber]] as [string, ReactNode][]) : []),
    ...seeker.items.map((i): [string, ReactNode] => [i.label, i.value]),
  ];
  return (
    <Section id="seeker-title" title="応募者の情報">
      <p className="mb-4 text-dns-16N-130">
        {view.fullSeeker
          ? "紹介した所の職員として、求職者の登録内容をすべて表示しています。事業所には、求職者が開示に同意した項目だけが表示されます。"
          : "氏名と年齢のほかは、求職者が事業所への開示に同意した項目だけを表示しています。"}
      </p>
      <Rows rows={rows} />
    </Section>
  );
}

/** 紹介の内容: 求人, 紹介元, 紹介日, 経過日数, 面接, 連絡事項. */
export function ReferralSection({ view, postingHref, letterHref }: { view: ReferralPageView; postingHref: string | null; letterHref: string }) {
  const posting = `${view.posting.jobNumber} ${view.posting.jobTitle}`;
  const office = view.office;
  return (
    <Section id="referral-title" title="紹介の内容">
      <Rows
        rows={[
          ["求人番号・職種", postingHref ? <Link to={postingHref}>{posting}</Link> : posting],
          ["応募経路", view.channel],
          ["紹介元", office ? `${office.name}（電話 ${office.phone || "―"}）` : view.channel],
          ["紹介日", `${view.referredOn}（${view.days}日経過）`],
          ["面接日時", view.interview ?? "未定"],
          ["面接場所", view.interviewPlace || "未定"],
          ["ハローワークからの連絡事項", view.note || "なし"],
          ["状態", view.overdue ? `${view.statusLabel}\u3000未登録（3週間経過）` : view.statusLabel],
        ]}
      />
      <p className="mt-4">
        <Link to={letterHref}>紹介状を表示・印刷する</Link>
      </p>
    </Section>
  );
}

/** The current result: what, when and by whom. */
export function CurrentResult({ view }: { view: ReferralPageView }) {
  return (
    <div className="mb-6 rounded-8 border border-solid-gray-420 bg-solid-gray-50 p-4" data-current-result>
      <p className="text-std-16B-170">{`現在の選考結果：${view.result.text}`}</p>
      {view.result.at ? <p className="text-dns-16N-130">{`登録日時：${view.result.at}（${view.result.by ?? ""}）`}</p> : null}
    </div>
  );
}

/** 選考結果の履歴: when, who, what, before → after. */
export function HistorySection({ history }: { history: HistoryEntryView[] }) {
  return (
    <Section id="history-title" title="選考結果の履歴">
      {history.length === 0 ? (
        <p>選考結果はまだ登録されていません。</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full min-w-[48rem] border-collapse text-left text-dns-16N-130" data-history>
            <caption className="sr-only">選考結果の登録と訂正の履歴</caption>
            <TableHead columns={["日時", "登録者", "内容", "変更前", "変更後"]} />
            <tbody>
              {history.map((h) => (
                <tr key={h.id} className="border-b border-solid-gray-420 align-top">
                  <th scope="row" className="whitespace-nowrap p-2 font-normal">
                    {h.at}
                  </th>
                  <td className="p-2">{h.actor}</td>
                  <td className="p-2">{h.action}</td>
                  <td className="break-all p-2">{h.before}</td>
                  <td className="break-all p-2">{h.after}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Section>
  );
}

type Meta = FieldMetadata<string | undefined | null>;

/** The result's fields: 選考結果, 雇用予定日, 相違の有無, 相違の項目, 相違の内容 (lib/schemas/selection-result.ts). */
export function ResultFields({
  fields,
}: {
  fields: {
    result: Meta;
    hireDate: Meta;
    conditionsDiffer: Meta;
    differences: FieldMetadata<Record<string, string | undefined> | undefined>;
    differenceNote: Meta;
  };
}) {
  const items = fields.differences.getFieldset() as Record<string, Meta>;
  return (
    <>
      <RadioGroupField meta={fields.result} label="選考結果" options={RESULT_OPTIONS} required />
      <TextField meta={fields.hireDate} label="雇用予定日" type="date" size="short" marker="採用の場合は必須" hint="例：2026-04-01" />
      <RadioGroupField
        meta={fields.conditionsDiffer}
        label="求人票の労働条件と採用条件の相違"
        options={yesNoOptions()}
        required
        hint="求人票に書いた労働条件と、実際の採用条件（または選考で示した条件）が違う場合は「あり」を選んでください。"
      />
      <CheckboxGroup
        legend="相違がある項目"
        group={fields.differences as unknown as FieldMetadata<unknown>}
        items={DIFFERENCE_OPTIONS.map((o) => ({ meta: items[o.item]!, label: o.label }))}
        hint="相違が「あり」の場合に、1つ以上選んでください。"
      />
      <TextAreaField
        meta={fields.differenceNote}
        label="相違の内容"
        marker="「その他」を選んだ場合は必須"
        hint={`${DIFFERENCE_NOTE_MAX}文字以内。どの条件がどう違うかを書いてください。`}
        rows={3}
      />
    </>
  );
}
