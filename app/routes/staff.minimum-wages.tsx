/**
 * 最低賃金の管理: the 地域別最低賃金 table as data (used by the 求人 checks, R-JOB-1). Any officer sees, per
 * prefecture, the amount in force today (JST) and the next scheduled revision, and the full history of one
 * prefecture (`?prefecture=09`). Only a supervisor adds a revision (R-AUTH-4: an officer's POST is a 403),
 * for today or a later date; past rows are corrected by the operator's import. Audited (R-AUDIT-1).
 */
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/cloudflare";
import { data } from "@remix-run/cloudflare";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Button, FormErrors, SelectField, TextField } from "../components/form";
import { StaffHeader } from "../components/staff-header";
import { TableHead } from "../components/table";
import { formatJapaneseDate, formatJstDateTime, isValidDate, todayJst } from "../lib/clock";
import { normalizeText } from "../lib/normalize";
import { z } from "../lib/schemas/zod-ja";
import { addMinimumWage, minimumWageOverview, minimumWageOverviewQueries, UNDATED, type MinimumWage } from "../models/minimum-wage.server";
import { listPrefectures } from "../models/office.server";
import { ROLE_LABELS } from "../models/staff.server";
import { requireStaff } from "../utils/auth.server";
import { redirectWithFlash } from "../utils/flash.server";
import { readForm } from "../utils/body.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.detail ? `${data.detail.name}の最低賃金` : "最低賃金の管理"} | 求人者マイページ` },
];

const PAST_DATE = "発効日に過去の日付は登録できません。本日以降の日付を入力してください（過去の改定の訂正は、運用担当者が一括取込みで行います）。";
const DUPLICATE = "この都道府県には、同じ発効日の最低賃金が既に登録されています。発効日を確認してください。";

/** Digits in any width; "1,068円" and "１０６８" mean 1068. */
function normalizeAmount(value: string): string {
  return value.normalize("NFKC").replace(/[\s,円]/g, "");
}

/** "２０２６／１０／１" or "2026/10/1" → "2026-10-01" when it has that shape; otherwise as typed (NFKC). */
function normalizeDate(value: string): string {
  const v = value.normalize("NFKC").trim();
  const m = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/.exec(v);
  return m ? `${m[1]}-${m[2]!.padStart(2, "0")}-${m[3]!.padStart(2, "0")}` : v;
}

/** One schema for client and server; `today` (JST) and the known prefectures come from the loader. */
function minimumWageSchema(today: string, prefectureCodes: readonly string[]) {
  return z.object({
    prefectureCode: z
      .string({ error: "都道府県を選択してください。" })
      .refine((v) => prefectureCodes.includes(v), { error: "都道府県を一覧から選択してください。" }),
    amountYen: z
      .string({ error: "金額（時間額）を入力してください。" })
      .transform(normalizeAmount)
      .pipe(
        z
          .string({ error: "金額（時間額）を入力してください。" })
          .min(1, { error: "金額（時間額）を入力してください。" })
          .regex(/^\d{1,4}$/, { error: "金額は「1068」のように、1円から9999円までの整数（円）で入力してください。" }),
      )
      .transform(Number)
      .refine((n) => n >= 1 && n <= 9999, { error: "金額は1円から9999円までの整数（円）で入力してください。" }),
    effectiveFrom: z
      .string({ error: "発効日を入力してください。" })
      .transform(normalizeDate)
      .pipe(
        z
          .string({ error: "発効日を入力してください。" })
          .min(1, { error: "発効日を入力してください。" })
          .regex(/^\d{4}-\d{2}-\d{2}$/, { error: "発効日は「2026-10-01」のように年-月-日で入力してください。" })
          .refine(isValidDate, { error: "発効日に存在しない日付が入力されています。" })
          .refine((v) => v >= today, { error: PAST_DATE }),
      ),
    source: z
      .string({ error: "出典・備考を入力してください。" })
      .transform(normalizeText)
      .pipe(
        z
          .string({ error: "出典・備考を入力してください。" })
          .min(1, { error: "出典・備考を入力してください。" })
          .max(100, { error: "出典・備考は100文字以内で入力してください。" }),
      ),
  });
}

function wageView(row: MinimumWage | undefined) {
  if (!row) return null;
  return {
    amount: `${row.amountYen.toLocaleString("ja-JP")}円`,
    effectiveFrom: row.effectiveFrom === UNDATED ? null : formatJapaneseDate(row.effectiveFrom),
    source: row.source,
  };
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { staff, office, reads } = await requireStaff(request, context, { reads: ({ db }) => ({ overview: minimumWageOverviewQueries(db) }) });
  const url = new URL(request.url);
  const prefectureParam = url.searchParams.get("prefecture");
  const today = todayJst(context.clock);
  const [prefectures, allRows] = reads.overview;
  const overview = minimumWageOverview([prefectures, allRows], today);
  let detail = null;
  if (prefectureParam !== null) {
    const prefecture = overview.find((p) => p.code === prefectureParam);
    if (!prefecture) throw data(null, { status: 404 });
    const rows = allRows.filter((r) => r.prefectureCode === prefecture.code).reverse();
    detail = {
      code: prefecture.code,
      name: prefecture.name,
      rows: rows.map((r) => ({
        key: r.effectiveFrom,
        amount: `${r.amountYen.toLocaleString("ja-JP")}円`,
        effectiveFrom: r.effectiveFrom === UNDATED ? "（日付の定めなし）" : formatJapaneseDate(r.effectiveFrom),
        state: r.effectiveFrom === prefecture.inForce?.effectiveFrom ? "適用中" : r.effectiveFrom > today ? "改定予定" : "過去",
        source: r.source,
        createdAt: formatJstDateTime(r.createdAt),
      })),
    };
  }
  return {
    staff: { name: staff.name, officeName: office.name, roleLabel: ROLE_LABELS[staff.role] },
    canAdd: staff.role === "supervisor",
    today,
    todayLabel: formatJapaneseDate(today),
    prefectures: overview.map((p) => ({ code: p.code, name: p.name, inForce: wageView(p.inForce), upcoming: wageView(p.upcoming) })),
    detail,
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { db, staff, office } = await requireStaff(request, context, { role: "supervisor" });
  const prefectures = await listPrefectures(db);
  const schema = minimumWageSchema(
    todayJst(context.clock),
    prefectures.map((p) => p.code),
  );
  const submission = parseWithZod(await readForm(request), { schema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const result = await addMinimumWage(db, context.clock, { staffId: staff.id, officeCode: office.code }, submission.value);
  if (!result.ok) return data(submission.reply({ fieldErrors: { effectiveFrom: [DUPLICATE] } }), { status: 400 });
  return redirectWithFlash(`/staff/minimum-wages?prefecture=${submission.value.prefectureCode}`, "最低賃金の改定を登録しました。", { status: 302 });
}

function AddRevisionForm({
  today,
  prefectures,
  defaultPrefecture,
}: {
  today: string;
  prefectures: { code: string; name: string }[];
  defaultPrefecture?: string;
}) {
  const lastResult = useActionData<typeof action>();
  const codes = prefectures.map((p) => p.code);
  const [form, fields] = useForm({
    lastResult,
    defaultValue: { prefectureCode: defaultPrefecture ?? "" },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: minimumWageSchema(today, codes) }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  return (
    <section aria-labelledby="add-title" className="mb-10">
      <h2 id="add-title" className="mb-4 text-std-24B-150">
        改定の登録（統括職員）
      </h2>
      <p className="mb-6 max-w-2xl">
        決定された地域別最低賃金の改定を、発効日とともに登録します。発効日は本日（{formatJapaneseDate(today)}
        ）以降の日付に限ります。過去の改定の訂正は、運用担当者が一括取込みで行います。
      </p>
      {/* An explicit action, so a re-render after an error never carries the previous "added" notice. */}
      <Form
        method="post"
        action={defaultPrefecture ? `/staff/minimum-wages?prefecture=${defaultPrefecture}` : "/staff/minimum-wages"}
        {...getFormProps(form)}
        className="max-w-2xl"
      >
        <FormErrors errors={form.errors} id={form.errorId} />
        <SelectField meta={fields.prefectureCode} label="都道府県" required options={prefectures.map((p) => ({ value: p.code, label: p.name }))} />
        <TextField
          meta={fields.amountYen}
          label="金額（時間額・円）"
          hint="1円から9999円までの整数。例：1068"
          required
          inputMode="numeric"
          autoComplete="off"
        />
        <TextField meta={fields.effectiveFrom} label="発効日" hint="例：2026-10-01（本日以降）" required type="date" />
        <TextField meta={fields.source} label="出典・備考" hint="100文字以内。例：令和8年度 地域別最低賃金" required autoComplete="off" />
        <Button>改定を登録する</Button>
      </Form>
    </section>
  );
}

export default function MinimumWages() {
  const { staff, canAdd, today, todayLabel, prefectures, detail } = useLoaderData<typeof loader>();
  return (
    <>
      <StaffHeader staff={staff} />
      {detail ? (
        <>
          <h1 className="mb-6 text-std-32B-150">{detail.name}の最低賃金</h1>
          <p className="mb-6">
            <Link to="/staff/minimum-wages">都道府県の一覧へ戻る</Link>
          </p>
          <section aria-labelledby="history-title" className="mb-10">
            <h2 id="history-title" className="mb-4 text-std-24B-150">
              改定の履歴（{detail.rows.length}件）
            </h2>
            {detail.rows.length === 0 ? (
              <p>登録されている最低賃金はありません。</p>
            ) : (
              <table className="w-full border-collapse text-left">
                <TableHead columns={["発効日", "金額（時間額）", "状態", "出典・備考", "登録日時"]} />
                <tbody>
                  {detail.rows.map((r) => (
                    <tr key={r.key} className="border-b border-solid-gray-420">
                      <td className="p-2">{r.effectiveFrom}</td>
                      <td className="p-2">{r.amount}</td>
                      <td className="p-2">{r.state}</td>
                      <td className="p-2 break-all">{r.source}</td>
                      <td className="p-2">{r.createdAt}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
          {canAdd ? <AddRevisionForm today={today} prefectures={prefectures} defaultPrefecture={detail.code} /> : null}
        </>
      ) : (
        <>
          <h1 className="mb-6 text-std-32B-150">最低賃金の管理</h1>
          <p className="mb-6 max-w-3xl">
            都道府県ごとの地域別最低賃金（時間額）です。本日（{todayLabel}）適用される金額と、決定済みの改定予定を示します。求人の賃金の確認に使われます。
            {canAdd ? null : "改定の登録は統括職員が行います。"}
          </p>
          <section aria-labelledby="list-title" className="mb-10">
            <h2 id="list-title" className="mb-4 text-std-24B-150">
              都道府県別の最低賃金（{prefectures.length}都道府県）
            </h2>
            <table className="w-full border-collapse text-left">
              <TableHead columns={["都道府県", "本日適用の金額", "改定予定", "履歴"]} />
              <tbody>
                {prefectures.map((p) => (
                  <tr key={p.code} className="border-b border-solid-gray-420">
                    <th scope="row" className="p-2 text-left">
                      {p.name}
                    </th>
                    <td className="p-2">
                      {p.inForce ? (
                        <>
                          {p.inForce.amount}
                          {p.inForce.effectiveFrom ? <span className="ml-2 text-dns-14N-130">（{p.inForce.effectiveFrom}から）</span> : null}
                        </>
                      ) : (
                        "未登録"
                      )}
                    </td>
                    <td className="p-2">{p.upcoming ? `${p.upcoming.effectiveFrom ?? ""}から ${p.upcoming.amount}` : "なし"}</td>
                    <td className="p-2">
                      <Link to={`/staff/minimum-wages?prefecture=${p.code}`} aria-label={`${p.name}の履歴を見る`}>
                        履歴を見る
                      </Link>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
          {canAdd ? <AddRevisionForm today={today} prefectures={prefectures} /> : null}
        </>
      )}
    </>
  );
}
