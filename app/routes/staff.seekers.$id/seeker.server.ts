/**
 * The 求職者 page's data (route.tsx guards and renders): the seeker of the office as the page shows it, its form values,
 * and its referrals with their state, from the guard's batch (models/seekers.server.ts).
 */
import { parseWithZod } from "@conform-to/zod/v4";
import { data } from "@remix-run/cloudflare";
import { seekerLoginSchema } from "../../lib/schemas/seeker-login";
import { registerSeekerLogin } from "../../models/seeker-account.server";
import type { Db } from "../../utils/db.server";
import { redirectWithFlash } from "../../utils/flash.server";
import { formatJapaneseDate, formatJstDateTime, todayJst, type Clock } from "../../lib/clock";
import { fullAddress } from "../../lib/address";
import { prefectureName } from "../../lib/prefectures";
import { seekerFormValues } from "../../lib/schemas/seeker";
import type { referralsOfSeekerQuery, SeekerOfOffice } from "../../models/seekers.server";
import { ageOn, REFERRAL_STATUS_LABELS } from "../../rules/referral";
import { ANY_EMPLOYMENT_TYPE_LABEL, DISCLOSURE_LABELS, parseDisclosure, WORK_STYLE_LABELS } from "../../rules/seeker";

type ReferralRow = Awaited<ReturnType<typeof referralsOfSeekerQuery>>[number];

/** 面接日時 as shown: 「2026年12月1日 10:30」 or the date alone. */
export function interviewText(interviewAt: string | null): string {
  if (!interviewAt) return "";
  const [date, time] = interviewAt.split("T");
  return `${formatJapaneseDate(date!)}${time ? ` ${time}` : ""}`;
}

export function seekerPageData(found: SeekerOfOffice, referrals: readonly ReferralRow[], clock: Clock) {
  const { seeker: s } = found;
  const today = todayJst(clock);
  const disclosure = parseDisclosure(s.disclosure);
  const wage = s.desiredWage !== null ? `${s.desiredWageForm ?? ""} ${s.desiredWage.toLocaleString("ja-JP")}円以上` : "指定なし";
  const desiredPlace = s.desiredPrefectureCode ? `${prefectureName(s.desiredPrefectureCode)}${found.desiredMunicipalityName ?? ""}` : "指定なし";
  return {
    seeker: {
      id: s.id,
      seekerNumber: s.seekerNumber,
      name: s.name,
      nameKana: s.nameKana,
      birthDate: formatJapaneseDate(s.birthDate),
      age: ageOn(s.birthDate, today),
      address: `〒${s.postalCode} ${fullAddress(found.prefectureName ?? prefectureName(s.prefectureCode), found.municipalityName, s.address)}`,
      phone: s.phone,
      email: s.email ?? "",
      desiredOccupation: s.desiredOccupation,
      desiredPlace,
      desiredEmploymentType: s.desiredEmploymentType || ANY_EMPLOYMENT_TYPE_LABEL,
      desiredWorkStyle: WORK_STYLE_LABELS[s.desiredWorkStyle],
      desiredWage: wage,
      desiredHours: s.desiredHours,
      licences: s.licences,
      workHistory: s.workHistory,
      selfPr: s.selfPr,
      hasMypage: s.hasMypage ? "開設している" : "開設していない",
      publishProfile: s.publishProfile ? "公開する" : "公開しない",
      disclosure: disclosure.length ? disclosure.map((item) => DISCLOSURE_LABELS[item]).join("、") : "なし（氏名と年齢のみ）",
      registeredAt: formatJstDateTime(s.createdAt),
      updatedAt: formatJstDateTime(s.updatedAt),
      /** Changes with every saved edit (the edit form is keyed by it). */
      version: s.updatedAt,
    },
    formValues: seekerFormValues({ ...s, disclosure }),
    referrals: referrals.map((r) => ({
      id: r.id,
      referredOn: formatJapaneseDate(r.referredOn),
      jobNumber: r.jobNumber ?? "",
      jobTitle: r.jobTitle || "（職種未入力）",
      establishmentName: r.establishmentName,
      interview: interviewText(r.interviewAt),
      status: REFERRAL_STATUS_LABELS[r.status],
    })),
  };
}

/**
 * 「求職者マイページを開設してログインIDを登録する」 (issue 12): the address beside its field when refused (in use by
 * another seeker, or the account already active); a flash after the write. Another office's seeker is a 404.
 */
export async function seekerLoginAction(args: { db: Db; clock: Clock; staff: { id: string }; office: { code: string }; id: string; form: FormData }) {
  const { db, clock, staff, office, id, form } = args;
  const submission = parseWithZod(form, { schema: seekerLoginSchema });
  if (submission.status !== "success") return data({ seekerLogin: submission.reply() }, { status: 400 });
  const result = await registerSeekerLogin(db, clock, { id: staff.id, officeCode: office.code }, id, submission.value.email);
  if (!result.ok) {
    if (result.reason === "not-found") throw data(null, { status: 404 });
    return data({ seekerLogin: submission.reply({ fieldErrors: { email: [result.message] } }) }, { status: 400 });
  }
  return redirectWithFlash(
    `/staff/seekers/${id}`,
    "求職者マイページを開設し、ログインIDを登録しました。求職者に「求職者マイページのパスワード登録」から認証キーを受け取るよう案内してください。",
  );
}
