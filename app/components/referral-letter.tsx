/**
 * 紹介状 (R-REF-1): the printable A4 letter of a referral, shared by the employer's and the officer's letter routes.
 * 紹介日, the establishment (name, address), 求人番号・職種, the seeker's 氏名 and what is disclosed, 面接日時・場所, the
 * referring office (name, address, phone) and the 採否通知 section the employer fills in (or registers online). Only
 * the letter is printed (app/tailwind.css, class "referral-letter"): the site's header, footer and links are not.
 */
import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import type { ReferralPageView } from "../lib/referral-view";
import { PrintControls } from "./kyujinhyo";

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <tr className="border border-solid-gray-600">
      <th scope="row" className="w-40 border border-solid-gray-600 bg-solid-gray-50 p-2 text-left align-top text-std-16B-170">
        {label}
      </th>
      <td className="whitespace-pre-wrap break-all p-2 text-std-16N-170" data-item={label}>
        {children}
      </td>
    </tr>
  );
}

export function ReferralLetter({ view, back }: { view: ReferralPageView; back: { to: string; label: string } }) {
  const office = view.office;
  return (
    <div data-print-page="">
      <nav aria-label="紹介状の印刷" className="mb-4 print:hidden">
        <Link to={back.to}>{back.label}</Link>
      </nav>
      <PrintControls />
      <article aria-labelledby="letter-title" className="referral-letter text-solid-gray-900">
        <h1 id="letter-title" className="mb-2 text-center text-std-32B-150 tracking-widest">
          紹介状
        </h1>
        <p className="mb-6 text-right text-std-16N-170">{`紹介日：${view.referredOn}`}</p>
        <p className="mb-2 text-std-18B-160">{`${view.establishment.name}\u3000御中`}</p>
        <p className="mb-6 text-std-16N-170">下記の求職者を紹介します。ご面接のうえ、採否の結果をお知らせください。</p>
        <table className="mb-6 w-full border-collapse">
          <caption className="sr-only">紹介の内容</caption>
          <tbody>
            <Row label="事業所">{`${view.establishment.name}\n${view.establishment.address}`}</Row>
            <Row label="求人番号・職種">{`${view.posting.jobNumber}\u3000${view.posting.jobTitle}`}</Row>
            <Row label="求職者の氏名">{`${view.seeker.name}（${view.seeker.nameKana}）\u3000${view.seeker.age}歳`}</Row>
            {view.seeker.items.map((i) => (
              <Row key={i.item} label={i.label}>
                {i.value}
              </Row>
            ))}
            <Row label="面接日時">{view.interview ?? "事業所と調整のうえ決定"}</Row>
            <Row label="面接場所">{view.interviewPlace || "事業所と調整のうえ決定"}</Row>
            {view.note ? <Row label="連絡事項">{view.note}</Row> : null}
          </tbody>
        </table>
        <section aria-labelledby="letter-office" className="mb-8">
          <h2 id="letter-office" className="mb-2 text-std-18B-160">
            紹介したハローワーク
          </h2>
          {office ? (
            <p className="whitespace-pre-wrap text-std-16N-170">{`${office.name}\n${office.address}\n電話 ${office.phone || "―"}`}</p>
          ) : (
            <p>{view.channel}</p>
          )}
        </section>
        <section aria-labelledby="letter-result" className="referral-letter-result rounded-8 border-2 border-dashed border-solid-gray-600 p-4">
          <h2 id="letter-result" className="mb-2 text-std-18B-160">
            採否通知
          </h2>
          <p className="mb-4 text-dns-16N-130">
            選考の結果を、求人者マイページの応募者管理から登録してください（オンラインで登録できない場合は、この欄に記入して紹介したハローワークへお送りいただくか、電話でお知らせください）。
          </p>
          <table className="w-full border-collapse">
            <caption className="sr-only">採否通知の記入欄</caption>
            <tbody>
              <Row label="選考結果">{"採用\u3000・\u3000不採用"}</Row>
              <Row label="雇用予定日">{"年\u3000\u3000月\u3000\u3000日"}</Row>
              <Row label="求人票の労働条件と採用条件の相違">{"あり（項目：\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000）\u3000・\u3000なし"}</Row>
              <Row label="事業所の記入者">{"\u3000"}</Row>
            </tbody>
          </table>
          {view.status !== "screening" ? <p className="mt-4 text-std-16B-170" data-letter-result>{`登録済みの選考結果：${view.result.text}`}</p> : null}
        </section>
      </article>
    </div>
  );
}
