/** What is registered for a seeker (the 求職者 page's 登録内容), as a description list. */
import type { ReactNode } from "react";
import type { SeekerPage } from "../route";

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt className="text-std-16B-170">{label}</dt>
      <dd className="mb-2 whitespace-pre-wrap break-all sm:mb-0">{children || "（未登録）"}</dd>
    </>
  );
}

export function SeekerDetails({ seeker: s }: { seeker: SeekerPage["seeker"] }) {
  return (
    <section aria-labelledby="info-title" className="mb-10">
      <h2 id="info-title" className="mb-4 text-std-24B-150">
        登録内容
      </h2>
      <dl className="grid gap-x-6 sm:grid-cols-[14rem_1fr] sm:gap-y-2">
        <Row label="生年月日">{`${s.birthDate}（${s.age}歳）`}</Row>
        <Row label="住所">{s.address}</Row>
        <Row label="電話番号">{s.phone}</Row>
        <Row label="メールアドレス">{s.email}</Row>
        <Row label="希望職種">{s.desiredOccupation}</Row>
        <Row label="希望就業地">{s.desiredPlace}</Row>
        <Row label="希望雇用形態">{s.desiredEmploymentType}</Row>
        <Row label="フルタイム・パート">{s.desiredWorkStyle}</Row>
        <Row label="希望賃金">{s.desiredWage}</Row>
        <Row label="希望就業時間">{s.desiredHours}</Row>
        <Row label="免許・資格">{s.licences}</Row>
        <Row label="職歴">{s.workHistory}</Row>
        <Row label="自己PR">{s.selfPr}</Row>
        <Row label="求職者マイページ">{s.hasMypage}</Row>
        <Row label="求職情報の公開">{s.publishProfile}</Row>
        <Row label="開示に同意した項目">{s.disclosure}</Row>
        <Row label="登録日時">{s.registeredAt}</Row>
        <Row label="最終更新日時">{s.updatedAt}</Row>
      </dl>
    </section>
  );
}
