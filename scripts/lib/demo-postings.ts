/**
 * Demo 求人 in every state (下書き, 申込み済み, 修正依頼, 受理 (有効中, 内容変更中, 延長申請中), 募集停止, 期限切れ), for the
 * demo establishments of demo-data.ts. Dates are relative to the seeding day (JST) so the demo always looks current;
 * the 紹介期限 follows the real rule (受理日の翌々月末日). Fictional content throughout.
 */
import { addDays, endOfMonth } from "../../app/lib/clock.ts";
import type { PostingContent } from "../../app/rules/posting/types.ts";

export type DemoPostingStatus = "draft" | "submitted" | "returned" | "accepted" | "stopped" | "expired";

export interface DemoPosting {
  id: string;
  establishmentId: string;
  officeCode: string;
  status: DemoPostingStatus;
  content: PostingContent;
  /** For accepted/stopped/expired: days before the seeding day of 受理. */
  acceptedDaysAgo?: number;
  /** 募集停止: days ago. */
  stoppedDaysAgo?: number;
  stopReason?: string;
  draftStep?: number;
  reviewComment?: string;
  /** 内容変更 under review: the changed content (the published one is `content`). */
  change?: PostingContent;
  extensionRequested?: boolean;
}

/** A complete 求人票 (正社員, 月給, 8 h a day) that passes every check; the demo postings vary it. */
export function demoContent(): PostingContent {
  return {
    universityGraduate: false,
    category: { onlineApplication: true, trialEmployment: false, disabilityPosting: false, publication: 1 },
    company: {
      employeesTotal: 42,
      employeesWorkplace: 30,
      employeesFemale: 14,
      employeesPartTime: 6,
      foundedYear: 1961,
      capitalYen: 10_000_000,
      laborUnion: false,
      businessDescription: "日光名物の湯波（ゆば）の製造・販売",
      features: "創業60年。地元の大豆と日光の名水で、手づくりの湯波をつくっています。",
      homepage: "https://nikko-yuba.example.jp",
      workRulesFullTime: true,
      workRulesPartTime: true,
      childcareLeaveTaken: true,
      nursingCareLeaveTaken: false,
      sickChildLeaveTaken: true,
    },
    jobTitle: "製造スタッフ（湯波の製造・包装）",
    jobDescription:
      "湯波の製造と包装をお任せします。\n・大豆の浸漬、豆乳づくり、湯波の引き上げ\n・製品の検品、包装、出荷準備\n未経験の方も先輩が丁寧に指導します。",
    dutiesChangeScope: "変更なし",
    employmentType: "正社員",
    employmentTypeName: "",
    dispatch: "派遣・請負ではない",
    contract: { kind: "indefinite" },
    trialPeriod: { present: true, months: 3, sameConditions: true, wageMin: null },
    workplace: { prefectureCode: "09", transferPossible: false, changeScope: "" },
    workplaceDetail: {
      sameAsEstablishment: true,
      postalCode: "",
      address: "",
      nearestStation: "東武日光駅",
      access: "徒歩",
      accessMinutes: 10,
      carCommute: true,
      parking: true,
    },
    smoking: { measure: "屋内禁煙", note: "" },
    age: { kind: "none", min: null, max: null },
    education: "不問",
    experience: "不問",
    experienceDetail: "",
    pcSkills: { requirement: "不問", detail: "" },
    licenses: { requirement: "あれば尚可", detail: "普通自動車運転免許（AT限定可）" },
    recruitmentReason: "増員",
    wage: {
      form: "月給",
      baseMin: 200_000,
      baseMax: 240_000,
      allowances: [{ name: "職務手当", amountYen: 10_000, kind: "other" }],
      fixedOvertime: { present: false },
      bonus: { present: true, description: "年2回・計2.0か月分（前年度実績）" },
      monthlyWorkingDays: 21.7,
    },
    payTerms: {
      closingDay: "末日",
      paymentMonth: "翌月",
      paymentDay: "10日",
      raise: { present: true, lastYear: true, description: "月3,000円〜5,000円（前年度実績）" },
      bonusLastYear: { paid: true, times: 2, description: "計2.0か月分" },
      annualIncomeExample: "300万円〜350万円（経験3年）",
      otherAllowancesNote: "",
    },
    commuting: { kind: "実費支給", monthlyYen: 20_000 },
    hours: {
      dailyMinutes: 480,
      weeklyMinutes: 2400,
      shifts: [{ start: "08:30", end: "17:30", breakMinutes: 60 }],
      breakMinutes: 60,
      variableSystem: "none",
      overtime: { present: true, monthlyAverageMinutes: 600, specialClause: false },
      annualHolidays: 105,
      holidaysText: "土日祝（繁忙期は土曜出勤あり）",
      fullTimeWeeklyMinutes: 2400,
      weeklyDays: 5,
      shiftSystem: false,
      hoursNote: "",
      weeklyTwoDaysOff: "毎週",
      paidLeaveDays: 10,
    },
    benefits: {
      insurance: { employment: true, industrialAccident: true, publicAccident: false, health: true, pension: true, other: "" },
      corporatePension: "",
      retirementMutualAid: true,
      retirementAllowance: { present: true, minYears: 3 },
      reemployment: { present: true, maxAge: 65 },
      workExtension: { present: false, maxAge: null },
      housing: { single: false, family: false, note: "" },
      childcare: { available: false, note: "" },
    },
    retirement: { present: true, age: 60 },
    pr: {
      message: "ものづくりが好きな方、日光の食文化を一緒に守りませんか。",
      jobPaySystem: false,
      reinstatement: false,
      training: "入社後1か月はOJTで丁寧に指導します。",
      regularConversion: { present: null, results: "" },
      foreignWorkers: false,
      imageIds: [],
    },
    specialNotes: "",
    selection: {
      hires: 2,
      methods: { documents: true, interview: true, writtenTest: false, other: false },
      otherMethod: "",
      resultDaysAfterDocuments: 7,
      resultDaysAfterInterview: 7,
      notifyBy: { post: false, phone: true, email: true, mypage: false },
      schedule: "随時（ご都合をお聞きします）",
      place: "本社事務所",
      documents: { referralLetter: true, resume: true, careerHistory: false, other: false },
      documentsOther: "",
      onlineDocuments: true,
      sendMethod: "郵送又は持参",
      returnDocuments: false,
      contact: {
        title: "総務課長",
        name: "日光 花子",
        nameKana: "ニッコウ ハナコ",
        phone: "0288-00-1001",
        extension: "",
        fax: "",
        email: "saiyo@nikko-yuba.example.jp",
      },
      notes: "",
    },
  };
}

/** A part-time variant: 4 h a day, 時間給. */
export function partTime(base: PostingContent, hourly: number): PostingContent {
  return {
    ...base,
    employmentType: "正社員以外",
    employmentTypeName: "パート労働者",
    contract: {
      kind: "fixed",
      months: 6,
      startDate: null,
      endDate: null,
      renewal: "conditional",
      renewalConditions: "勤務成績、業務量により判断",
      renewalCap: { present: false },
    },
    wage: {
      ...base.wage,
      form: "時間給",
      baseMin: hourly,
      baseMax: hourly + 100,
      allowances: [],
      bonus: { present: false, description: "" },
      monthlyWorkingDays: null,
    },
    hours: {
      ...base.hours,
      dailyMinutes: 240,
      weeklyMinutes: 1200,
      shifts: [{ start: "09:00", end: "13:00", breakMinutes: 0 }],
      breakMinutes: 0,
      overtime: { present: false, monthlyAverageMinutes: null, specialClause: false },
      weeklyDays: 5,
      paidLeaveDays: 7,
    },
    benefits: {
      ...base.benefits,
      insurance: { ...base.benefits.insurance, health: false, pension: false },
      retirementAllowance: { present: false, minYears: null },
    },
  };
}

const yuba = demoContent();
const hotel: PostingContent = {
  ...yuba,
  company: {
    ...yuba.company,
    employeesTotal: 120,
    employeesWorkplace: 120,
    employeesFemale: 60,
    employeesPartTime: 40,
    foundedYear: 1975,
    capitalYen: 30_000_000,
    businessDescription: "鬼怒川温泉の旅館・ホテル業",
    features: "鬼怒川の渓谷を望む客室120室のホテルです。",
    homepage: "https://kinugawa-hotel.example.jp",
  },
  jobTitle: "フロントスタッフ",
  jobDescription: "ホテルのフロント業務をお任せします。\n・チェックイン、チェックアウト\n・電話、メールでの予約対応\n・館内のご案内",
  workplaceDetail: { ...yuba.workplaceDetail, nearestStation: "鬼怒川温泉駅", access: "徒歩", accessMinutes: 8 },
  hours: {
    ...yuba.hours,
    shifts: [
      { start: "07:00", end: "16:00", breakMinutes: 60 },
      { start: "13:00", end: "22:00", breakMinutes: 60 },
    ],
    shiftSystem: true,
    holidaysText: "シフト制（月8〜9日）",
    weeklyTwoDaysOff: "その他",
    variableSystem: "1か月単位",
  },
  selection: {
    ...yuba.selection,
    contact: { ...yuba.selection.contact, name: "川辺 綾", nameKana: "カワベ アヤ", phone: "0288-00-1002", email: "jinji@kinugawa-hotel.example.jp" },
  },
  category: { ...yuba.category, publication: 3 },
};
const gyoza: PostingContent = {
  ...yuba,
  company: {
    ...yuba.company,
    employeesTotal: 85,
    employeesWorkplace: 60,
    foundedYear: 1988,
    businessDescription: "冷凍ぎょうざの製造・販売",
    features: "宇都宮の味を全国へ。工場見学も受け入れています。",
    homepage: "https://utsunomiya-gyoza.example.jp",
  },
  jobTitle: "食品製造スタッフ（ぎょうざの製造）",
  jobDescription: "冷凍ぎょうざの製造ラインでの作業です。\n・具材の仕込み、成形機の操作\n・製品の箱詰め、検品",
  workplaceDetail: { ...yuba.workplaceDetail, nearestStation: "JR宇都宮駅", access: "バス", accessMinutes: 20 },
  selection: {
    ...yuba.selection,
    contact: { ...yuba.selection.contact, name: "餃子 包", nameKana: "ギョウザ ツツム", phone: "028-000-1006", email: "recruit@utsunomiya-gyoza.example.jp" },
  },
  category: { ...yuba.category, publication: 2 },
};

export const DEMO_POSTINGS: DemoPosting[] = [
  // 株式会社日光ゆば工房 (ハローワーク日光)
  {
    id: "demo-job-yuba-seizo",
    establishmentId: "demo-est-nikko-yuba",
    officeCode: "0910",
    status: "accepted",
    content: { ...yuba, pr: { ...yuba.pr, imageIds: ["demo-img-yuba-gaikan", "demo-img-yuba-seizo"] } },
    acceptedDaysAgo: 12,
  },
  {
    id: "demo-job-yuba-hanbai",
    establishmentId: "demo-est-nikko-yuba",
    officeCode: "0910",
    status: "draft",
    draftStep: 3,
    content: { ...yuba, jobTitle: "販売スタッフ（直営店）", jobDescription: "", selection: { ...yuba.selection, hires: null } },
  },
  {
    id: "demo-job-yuba-haiso",
    establishmentId: "demo-est-nikko-yuba",
    officeCode: "0910",
    status: "returned",
    reviewComment: "仕事内容に配送の範囲（市内・県内など）と1日の配送件数の目安を記載してください。",
    content: {
      ...yuba,
      jobTitle: "配送ドライバー（ルート配送）",
      jobDescription: "自社製品を取引先へ配送します。",
      licenses: { requirement: "必須", detail: "普通自動車運転免許" },
    },
  },
  {
    id: "demo-job-yuba-jimu",
    establishmentId: "demo-est-nikko-yuba",
    officeCode: "0910",
    status: "stopped",
    acceptedDaysAgo: 40,
    stoppedDaysAgo: 10,
    stopReason: "採用者が決まったため",
    content: partTime({ ...yuba, jobTitle: "一般事務（パート）", jobDescription: "受発注の入力、電話応対、来客対応をお願いします。" }, 1_100),
  },
  {
    id: "demo-job-yuba-eigyo",
    establishmentId: "demo-est-nikko-yuba",
    officeCode: "0910",
    status: "expired",
    acceptedDaysAgo: 120,
    content: { ...yuba, jobTitle: "ルート営業", jobDescription: "県内の土産物店、旅館への営業です。" },
  },
  // 鬼怒川リバーサイドホテル株式会社 (ハローワーク日光)
  {
    id: "demo-job-hotel-front",
    establishmentId: "demo-est-kinugawa-hotel",
    officeCode: "0910",
    status: "accepted",
    content: hotel,
    acceptedDaysAgo: 30,
    extensionRequested: true,
  },
  {
    id: "demo-job-hotel-chori",
    establishmentId: "demo-est-kinugawa-hotel",
    officeCode: "0910",
    status: "submitted",
    content: partTime({ ...hotel, jobTitle: "調理補助（パート）", jobDescription: "朝食会場の調理補助、盛り付け、洗い場をお願いします。" }, 1_150),
  },
  {
    id: "demo-job-hotel-seiso",
    establishmentId: "demo-est-kinugawa-hotel",
    officeCode: "0910",
    status: "accepted",
    acceptedDaysAgo: 5,
    content: partTime({ ...hotel, jobTitle: "客室清掃（パート）", jobDescription: "客室の清掃、ベッドメイク、アメニティの補充です。" }, 1_100),
    change: partTime(
      { ...hotel, jobTitle: "客室清掃（パート）", jobDescription: "客室の清掃、ベッドメイク、アメニティの補充です。\n2人1組で作業します。" },
      1_200,
    ),
  },
  // 宇都宮ぎょうざ食品株式会社 (ハローワーク宇都宮)
  { id: "demo-job-gyoza-seizo", establishmentId: "demo-est-utsunomiya-gyoza", officeCode: "0901", status: "accepted", content: gyoza, acceptedDaysAgo: 50 },
];

/**
 * The state and dates scripts/seed.ts gives a demo posting when it seeds on `today` (JST): 受理日, 紹介期限 (受理日の
 * 翌々月末日), 求人無効日 (募集停止: that day; expiry: the day after the 紹介期限). An accepted posting whose 紹介期限 has
 * passed by the seeding day is seeded as expired, as the daily job would leave it.
 */
export function seededPostingDates(
  p: DemoPosting,
  today: string,
): { status: DemoPostingStatus; acceptedOn: string | null; validUntil: string | null; invalidatedOn: string | null } {
  const acceptedOn = p.acceptedDaysAgo !== undefined ? addDays(today, -p.acceptedDaysAgo) : null;
  const validUntil = acceptedOn ? endOfMonth(acceptedOn, 2) : null;
  const status = p.status === "accepted" && validUntil! < today ? "expired" : p.status;
  const invalidatedOn = status === "stopped" ? addDays(today, -(p.stoppedDaysAgo ?? 0)) : status === "expired" ? addDays(validUntil!, 1) : null;
  return { status, acceptedOn, validUntil, invalidatedOn };
}
