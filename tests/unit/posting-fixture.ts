/** A complete, lawful 求人票 for the posting-rule tests (栃木県, 月給, 8 h a day, 105 days off) and the real minimum wages. */
import minimumWageTsv from "../../data/reference/minimum_wage_jp.tsv?raw";
import { emptyPostingContent, type MinimumWageRow, type PostingContent } from "../../app/rules/posting";

/** data/reference/minimum_wage_jp.tsv as rows: FY2024 undated ("0000-01-01"), FY2025 from its effective date. */
export const MINIMUM_WAGES: MinimumWageRow[] = minimumWageTsv
  .trim()
  .split("\n")
  .slice(1)
  .flatMap((line) => {
    const [code, , fy2024, fy2025, date] = line.split("\t");
    return [
      { prefectureCode: code!, amountYen: Number(fy2024), effectiveFrom: "0000-01-01" },
      { prefectureCode: code!, amountYen: Number(fy2025), effectiveFrom: date!.trim() },
    ];
  });

type DeepPartial<T> = { [K in keyof T]?: T[K] extends (infer U)[] ? U[] : T[K] extends object ? DeepPartial<T[K]> : T[K] };

export function lawfulPosting(): PostingContent {
  const p = emptyPostingContent();
  return {
    ...p,
    jobTitle: "製造スタッフ（食品の製造・包装）",
    jobDescription: "湯葉の製造と包装を担当していただきます。\n未経験の方も丁寧に指導します。",
    dutiesChangeScope: "変更なし",
    employmentType: "正社員",
    contract: { kind: "indefinite" },
    workplace: { prefectureCode: "09", transferPossible: false, changeScope: "" },
    smoking: { measure: "屋内禁煙", note: "" },
    wage: { ...p.wage, form: "月給", baseMin: 200_000, baseMax: 240_000, monthlyWorkingDays: 21.7 },
    hours: {
      ...p.hours,
      dailyMinutes: 480,
      weeklyMinutes: 2400,
      shifts: [{ start: "08:30", end: "17:30", breakMinutes: 60 }],
      breakMinutes: 60,
      annualHolidays: 105,
      holidaysText: "土日祝",
    },
    retirement: { present: true, age: 60 },
    experience: "不問",
  };
}

/** lawfulPosting() with some parts replaced (one level deep per top-level key). */
export function posting(patch: DeepPartial<PostingContent> = {}): PostingContent {
  const base = lawfulPosting();
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(patch)) {
    const current = (base as unknown as Record<string, unknown>)[key];
    out[key] =
      value !== null && typeof value === "object" && !Array.isArray(value) && current !== null && typeof current === "object"
        ? { ...current, ...value }
        : value;
  }
  return out as unknown as PostingContent;
}

export function codes(findings: { code: string; severity: string }[]): string[] {
  return findings.map((f) => `${f.severity}:${f.code}`);
}

/** lawfulPosting() with every screen of the wizard filled in (as an employer would): passes checkRequired too. */
export function completePosting(): PostingContent {
  const p = lawfulPosting();
  return {
    ...p,
    category: { onlineApplication: true, trialEmployment: false, disabilityPosting: false, publication: 1 },
    company: {
      ...p.company,
      employeesTotal: 48,
      employeesWorkplace: 23,
      employeesFemale: 12,
      employeesPartTime: 5,
      foundedYear: 1952,
      capitalYen: 10_000_000,
      laborUnion: false,
      businessDescription: "日光湯波の製造・販売",
      features: "創業70年。地元の大豆と名水で湯波をつくっています。",
      homepage: "https://nikko-yuba.example.jp",
      workRulesFullTime: true,
      workRulesPartTime: true,
      childcareLeaveTaken: true,
      nursingCareLeaveTaken: false,
      sickChildLeaveTaken: true,
    },
    dispatch: "派遣・請負ではない",
    workplaceDetail: { ...p.workplaceDetail, nearestStation: "東武日光駅", access: "徒歩", accessMinutes: 10, carCommute: true, parking: true },
    trialPeriod: { present: true, months: 3, sameConditions: true, wageMin: null },
    education: "不問",
    recruitmentReason: "増員",
    wage: {
      ...p.wage,
      allowances: [{ name: "職務手当", amountYen: 10_000, kind: "other" }],
      bonus: { present: true, description: "年2回・計2.0か月分（前年度実績）" },
    },
    payTerms: {
      ...p.payTerms,
      closingDay: "末日",
      paymentMonth: "翌月",
      paymentDay: "10日",
      raise: { present: true, lastYear: true, description: "月3,000円〜5,000円（前年度実績）" },
      bonusLastYear: { paid: true, times: 2, description: "計2.0か月分" },
      annualIncomeExample: "300万円〜350万円（経験3年）",
    },
    commuting: { kind: "実費支給", monthlyYen: 20_000 },
    hours: {
      ...p.hours,
      weeklyDays: 5,
      weeklyTwoDaysOff: "毎週",
      paidLeaveDays: 10,
      overtime: { present: true, monthlyAverageMinutes: 600, specialClause: false },
    },
    benefits: {
      ...p.benefits,
      insurance: { employment: true, industrialAccident: true, publicAccident: false, health: true, pension: true, other: "" },
      retirementMutualAid: true,
      retirementAllowance: { present: true, minYears: 3 },
      reemployment: { present: true, maxAge: 65 },
      workExtension: { present: false, maxAge: null },
    },
    pr: { ...p.pr, message: "未経験の方も歓迎します。", training: "入社後1か月はOJTで丁寧に指導します。", regularConversion: { present: null, results: "" } },
    selection: {
      ...p.selection,
      hires: 2,
      methods: { documents: true, interview: true, writtenTest: false, other: false },
      resultDaysAfterDocuments: 7,
      resultDaysAfterInterview: 7,
      notifyBy: { post: false, phone: true, email: true, mypage: false },
      schedule: "随時",
      place: "本社事務所",
      documents: { referralLetter: true, resume: true, careerHistory: false, other: false },
      onlineDocuments: true,
      sendMethod: "郵送又は持参",
      returnDocuments: false,
      contact: {
        title: "総務課長",
        name: "日光 花子",
        nameKana: "ニッコウ ハナコ",
        phone: "0288-22-0000",
        extension: "",
        fax: "",
        email: "saiyo@nikko-yuba.example.jp",
      },
    },
  };
}

/**
 * completePosting() with every optional part switched on, so that every field of every wizard screen is on the form and
 * kept by its schema: a fixed-term contract with a renewal cap, a trial period on other conditions, an age exception, a
 * workplace of its own, 固定残業代, every row of 手当 and 就業時間 filled, an image. The fuzzers start from it.
 */
export function everyFieldPosting(): PostingContent {
  const p = completePosting();
  return {
    ...p,
    universityGraduate: true,
    category: { onlineApplication: true, trialEmployment: true, disabilityPosting: true, publication: 2 },
    employmentType: "正社員以外",
    employmentTypeName: "契約社員",
    contract: {
      kind: "fixed",
      months: 12,
      startDate: "2027-04-01",
      endDate: "2028-03-31",
      renewal: "conditional",
      renewalConditions: "勤務成績により判断",
      renewalCap: { present: true, totalYears: 5, renewalCount: 3 },
    },
    trialPeriod: { present: true, months: 3, sameConditions: false, wageMin: 180_000 },
    workplace: { prefectureCode: "09", transferPossible: true, changeScope: "本社及び県内の支店" },
    workplaceDetail: {
      sameAsEstablishment: false,
      postalCode: "321-1272",
      address: "日光市今市1-2-3",
      nearestStation: "今市駅",
      access: "徒歩",
      accessMinutes: 10,
      carCommute: true,
      parking: true,
    },
    smoking: { measure: "その他", note: "屋外に喫煙所あり" },
    age: { kind: "exception", code: "3イ", min: 18, max: 35, reason: "長期勤続によるキャリア形成のため" },
    experience: "必要",
    experienceDetail: "製造業の経験",
    pcSkills: { requirement: "あれば尚可", detail: "Excel" },
    licenses: { requirement: "必須", detail: "普通自動車運転免許" },
    wage: {
      ...p.wage,
      allowances: [
        { name: "職務手当", amountYen: 10_000, kind: "other" },
        { name: "通勤手当", amountYen: 5_000, kind: "commuting" },
        { name: "皆勤手当", amountYen: 3_000, kind: "attendance" },
        { name: "家族手当", amountYen: 8_000, kind: "family" },
        { name: "資格手当", amountYen: 2_000, kind: "other" },
      ],
      fixedOvertime: { present: true, amountYen: 20_000, minutes: 600, excessPaidStatement: true, includedInBasePay: false },
    },
    payTerms: { ...p.payTerms, otherAllowancesNote: "住宅手当あり" },
    hours: {
      ...p.hours,
      shifts: [
        { start: "08:30", end: "17:30", breakMinutes: 60 },
        { start: "09:00", end: "18:00", breakMinutes: 60 },
        { start: "13:00", end: "22:00", breakMinutes: 45 },
      ],
      hoursNote: "シフト制",
      shiftSystem: true,
      overtime: { present: true, monthlyAverageMinutes: 600, specialClause: true },
    },
    benefits: {
      ...p.benefits,
      insurance: { ...p.benefits.insurance, publicAccident: true, other: "財形" },
      corporatePension: "確定拠出年金",
      workExtension: { present: true, maxAge: 70 },
      housing: { single: true, family: true, note: "社宅あり" },
      childcare: { available: true, note: "企業内保育所" },
    },
    pr: {
      ...p.pr,
      jobPaySystem: true,
      reinstatement: true,
      regularConversion: { present: true, results: "過去3年で5名" },
      foreignWorkers: false,
      imageIds: ["img-1"],
    },
    specialNotes: "制服貸与",
    selection: {
      ...p.selection,
      methods: { documents: true, interview: true, writtenTest: true, other: true },
      otherMethod: "実技",
      notifyBy: { post: true, phone: true, email: true, mypage: true },
      documents: { referralLetter: true, resume: true, careerHistory: true, other: true },
      documentsOther: "作文",
      contact: { ...p.selection.contact, extension: "12", fax: "0288-22-0354" },
      notes: "見学可",
    },
  };
}
