/**
 * Screen 2 事業所情報 (R-JOB-1; reference/hellowork-domain.md §2.1, §2.2 B): the establishment's registered 事業所情報
 * (read-only here: it changes through 事業所情報の変更, which an officer approves), then the company facts the 求人票
 * shows — 従業員数, 設立年, 資本金, 労働組合, 事業内容, 会社の特長, ホームページ, 就業規則 and the leave records. These are
 * shared by the establishment's postings: a new draft starts from the latest posting's values.
 */
import { Link } from "@remix-run/react";
import { RadioGroupField, TextAreaField, TextField, yesNoOptions } from "../form";
import { hintOf, lengthHint, Note, Section } from "./fields";
import type { StepProps } from "./types";

const COUNT_HINT = "人数を数字で入力してください（例：25）";

export function Step2Fields({ form, context }: StepProps<2>) {
  const company = form.getFieldset().company.getFieldset();
  const e = context.establishment;
  const rows: [string, string][] = [
    ["事業所名", e.name],
    ["所在地", `${e.postalCode ? `〒${e.postalCode} ` : ""}${e.address}`],
    ["電話番号", e.phone],
    ["産業", e.industry],
    ["代表者", e.representative],
  ];
  return (
    <>
      <Section id="step2-establishment" title="事業所の登録情報">
        <p className="mb-4">次の事業所情報が求人票に表示されます。この画面では変更できません。</p>
        <dl className="mb-4 grid gap-x-6 sm:grid-cols-[10rem_1fr] sm:gap-y-2" data-establishment>
          {rows.map(([label, value]) => (
            <div key={label} className="contents">
              <dt className="text-std-16B-170">{label}</dt>
              <dd className="mb-2 break-all sm:mb-0">{value || "（未登録）"}</dd>
            </div>
          ))}
        </dl>
        <p>
          変更する場合は<Link to="/mypage/establishment">事業所情報の変更</Link>から申請してください（ハローワークの承認後に反映されます）。
        </p>
      </Section>

      <Section id="step2-company" title="会社の情報">
        <Note>この画面の項目は、この事業所のすべての求人で共通の内容として扱います。新しい求人は、最後に入力した求人の内容から始まります。</Note>
        <fieldset className="mb-6">
          <legend className="mb-4 text-std-18B-160">従業員数</legend>
          <div className="grid gap-x-6 sm:grid-cols-2">
            <TextField meta={company.employeesTotal} label="企業全体" required hint={COUNT_HINT} inputMode="numeric" unit="人" size="short" />
            <TextField meta={company.employeesWorkplace} label="就業場所" required hint={COUNT_HINT} inputMode="numeric" unit="人" size="short" />
            <TextField meta={company.employeesFemale} label="うち女性" hint="就業場所の人数のうち" inputMode="numeric" unit="人" size="short" />
            <TextField meta={company.employeesPartTime} label="うちパート" hint="就業場所の人数のうち" inputMode="numeric" unit="人" size="short" />
          </div>
        </fieldset>
        <TextField meta={company.foundedYear} label="設立年" hint="西暦4桁で入力してください（例：1985）" inputMode="numeric" unit="年" size="short" />
        <TextField meta={company.capitalYen} label="資本金" hint="円単位の数字で入力してください（例：10000000）" inputMode="numeric" unit="円" size="short" />
        <RadioGroupField meta={company.laborUnion} label="労働組合" options={yesNoOptions()} />
        <TextAreaField meta={company.businessDescription} label="事業内容" required hint={lengthHint("company.businessDescription")} rows={3} />
        <TextAreaField meta={company.features} label="会社の特長" hint={lengthHint("company.features")} rows={3} />
        <TextField meta={company.homepage} label="ホームページ" type="url" hint="「https://」から始まるURLを入力してください" autoComplete="url" />
      </Section>

      <Section id="step2-rules" title="就業規則・休業等の取得実績">
        <RadioGroupField meta={company.workRulesFullTime} label="就業規則（フルタイム）" options={yesNoOptions()} />
        <RadioGroupField meta={company.workRulesPartTime} label="就業規則（パートタイム）" options={yesNoOptions()} />
        <RadioGroupField meta={company.childcareLeaveTaken} label="育児休業取得実績" options={yesNoOptions()} />
        <RadioGroupField meta={company.nursingCareLeaveTaken} label="介護休業取得実績" options={yesNoOptions()} />
        <RadioGroupField meta={company.sickChildLeaveTaken} label="看護休暇取得実績" options={yesNoOptions()} hint={hintOf("子の看護等休暇の取得実績")} />
      </Section>
    </>
  );
}
