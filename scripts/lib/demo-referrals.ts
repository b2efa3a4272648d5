/**
 * Demo 紹介 and 選考結果 (issue 11): the referrals of the demo 求職者 (demo-seekers.ts) to the demo 求人, in every state —
 * 選考中 (recent, and past the 21 days of 「未登録（3週間経過）」), 採用 with 雇用予定日, 不採用 with and without a 相違,
 * 辞退, a result reported by phone and a corrected one — and the establishments that show the gates:
 * - 株式会社日光サンプルケア: 51 overdue referrals, not yet restricted: the daily job (run from /dev) restricts it (R-GATE-3);
 * - 有限会社霧降クリーンサービス: exactly 50 overdue: never restricted by the job;
 * - 足尾サンプル製作所株式会社: 45 overdue: on the officers' watch list (40–50, R-GATE-4);
 * - 有限会社湯西川サンプル物産: its only 求人 was stopped (募集停止) 24 days ago with referrals still 選考中: R-GATE-1's
 *   exception lets it register their results until the R-REF-3 window closes.
 * Every backlog referral is already overdue on the seeding day (none is 選考中 and younger than 21 days), so the counts
 * hold on the following days too. Dates are relative to the seeding day (JST), as for the demo 求人.
 * All companies and people are fictional.
 */
import { addDays, jstDate } from "../../app/lib/clock.ts";
import type { jobSeekers, notices, referralEvents, referrals } from "../../db/schema.ts";
import type { DifferenceItem, ReferralStatus } from "../../app/rules/referral.ts";
import type { DemoEstablishment } from "./demo-data.ts";
import { DEMO_POSTINGS, demoContent, partTime, seededPostingDates, type DemoPosting } from "./demo-postings.ts";
import { DEMO_SEEKERS, type DemoSeeker, type JobTag } from "./demo-seekers.ts";
import type { PostingContent } from "../../app/rules/posting/types.ts";

const DAY_MS = 86_400_000;

export const REFERRAL_ESTABLISHMENTS: DemoEstablishment[] = [
  {
    id: "demo-est-nikko-care",
    officeCode: "0910",
    serial: 6,
    status: "open",
    name: "株式会社日光サンプルケア",
    nameKana: "カブシキガイシャニッコウサンプルケア",
    corporateBase12: "060001000707",
    postalCode: "321-1261",
    municipalityCode: "09206",
    address: "栃木県日光市今市9-9（架空）",
    phone: "0288-00-1007",
    industry: "85", // 社会保険・社会福祉・介護事業
    employees: 64,
    representativeTitle: "代表取締役",
    representativeName: "介護 支",
    account: { email: "saiyo@nikko-care.example.jp", state: "active" },
  },
  {
    id: "demo-est-kirifuri-clean",
    officeCode: "0910",
    serial: 7,
    status: "open",
    name: "有限会社霧降クリーンサービス",
    nameKana: "ユウゲンガイシャキリフリクリーンサービス",
    corporateBase12: "060002000808",
    postalCode: "321-1421",
    municipalityCode: "09206",
    address: "栃木県日光市所野9-9（架空）",
    phone: "0288-00-1008",
    industry: "92", // その他の事業サービス業（ビルメンテナンス業）
    employees: 38,
    representativeTitle: "取締役",
    representativeName: "清水 磨",
    account: { email: "jinji@kirifuri-clean.example.jp", state: "active" },
  },
  {
    id: "demo-est-ashio-works",
    officeCode: "0910",
    serial: 8,
    status: "open",
    name: "足尾サンプル製作所株式会社",
    nameKana: "アシオサンプルセイサクショカブシキガイシャ",
    corporateBase12: "060001000909",
    postalCode: "321-1523",
    municipalityCode: "09206",
    address: "栃木県日光市足尾町松原9-9（架空）",
    phone: "0288-00-1009",
    industry: "24", // 金属製品製造業
    employees: 55,
    representativeTitle: "代表取締役",
    representativeName: "鋳物 鉄",
    account: { email: "soumu@ashio-works.example.jp", state: "active" },
  },
  {
    id: "demo-est-yunishigawa",
    officeCode: "0910",
    serial: 9,
    status: "open",
    name: "有限会社湯西川サンプル物産",
    nameKana: "ユウゲンガイシャユニシカワサンプルブッサン",
    corporateBase12: "060002001010",
    postalCode: "321-2601",
    municipalityCode: "09206",
    address: "栃木県日光市湯西川9-9（架空）",
    phone: "0288-00-1010",
    industry: "58", // 飲食料品小売業
    employees: 9,
    representativeTitle: "取締役",
    representativeName: "平家 守",
    account: { email: "info@yunishigawa-bussan.example.jp", state: "active" },
  },
];

/** A variant of the standard demo 求人票 for another company. */
function companyContent(
  company: Partial<PostingContent["company"]>,
  contact: Partial<PostingContent["selection"]["contact"]>,
  rest: Partial<PostingContent>,
): PostingContent {
  const base = demoContent();
  return {
    ...base,
    ...rest,
    company: { ...base.company, ...company },
    pr: { ...base.pr, message: "", training: "入社後は先輩が丁寧に指導します。", ...rest.pr },
    selection: { ...base.selection, ...rest.selection, contact: { ...base.selection.contact, ...contact } },
  };
}

const care = companyContent(
  {
    employeesTotal: 64,
    employeesWorkplace: 40,
    employeesFemale: 30,
    employeesPartTime: 14,
    foundedYear: 2004,
    businessDescription: "通所介護（デイサービス）、訪問介護",
    features: "日光市内で2か所のデイサービスを運営しています。",
    homepage: "https://nikko-care.example.jp",
  },
  { title: "施設長", name: "介護 支", nameKana: "カイゴ ササエ", phone: "0288-00-1007", email: "saiyo@nikko-care.example.jp" },
  {
    jobTitle: "介護職員（デイサービス）",
    jobDescription:
      "デイサービスでの介護業務です。\n・食事、入浴、排せつの介助\n・レクリエーションの企画、実施\n・送迎車への乗降の介助\n資格のない方も、入社後に介護職員初任者研修の受講を支援します。",
    licenses: { requirement: "あれば尚可", detail: "介護職員初任者研修" },
    workplaceDetail: { ...demoContent().workplaceDetail, nearestStation: "JR今市駅", access: "徒歩", accessMinutes: 15 },
    pr: { ...demoContent().pr, message: "利用者さんの笑顔のために、一緒に働きませんか。" },
  },
);
const clean = companyContent(
  {
    employeesTotal: 38,
    employeesWorkplace: 38,
    employeesFemale: 22,
    employeesPartTime: 25,
    foundedYear: 1992,
    capitalYen: 3_000_000,
    businessDescription: "旅館・ホテル、事務所ビルの清掃と設備管理",
    features: "日光・鬼怒川の旅館やホテルの清掃を30年続けています。",
    homepage: "https://kirifuri-clean.example.jp",
  },
  { title: "業務課長", name: "清水 磨", nameKana: "シミズ ミガク", phone: "0288-00-1008", email: "jinji@kirifuri-clean.example.jp" },
  {
    jobTitle: "施設清掃スタッフ（正社員）",
    jobDescription: "日光市内の事務所ビル、公共施設の定期清掃です。\n・床の洗浄、ワックスがけ\n・窓ガラスの清掃\n社用車で現場に向かいます。",
    workplaceDetail: { ...demoContent().workplaceDetail, nearestStation: "JR日光駅", access: "バス", accessMinutes: 10 },
  },
);
const works = companyContent(
  {
    employeesTotal: 55,
    employeesWorkplace: 55,
    employeesFemale: 12,
    employeesPartTime: 8,
    foundedYear: 1968,
    capitalYen: 20_000_000,
    businessDescription: "産業機械部品の精密板金、溶接、組立",
    features: "足尾の地で半世紀、精密板金の技術を磨いてきました。",
    homepage: "https://ashio-works.example.jp",
  },
  { title: "総務部長", name: "鋳物 鉄", nameKana: "イモノ テツ", phone: "0288-00-1009", email: "soumu@ashio-works.example.jp" },
  {
    jobTitle: "製造オペレーター（金属加工）",
    jobDescription: "NCタレットパンチプレス、ベンディングマシンの操作です。\n・材料のセット、加工、検品\n・図面の確認\n未経験の方も丁寧に指導します。",
    workplaceDetail: { ...demoContent().workplaceDetail, nearestStation: "わたらせ渓谷鐵道 通洞駅", access: "徒歩", accessMinutes: 12 },
  },
);
const shop = companyContent(
  {
    employeesTotal: 9,
    employeesWorkplace: 9,
    employeesFemale: 6,
    employeesPartTime: 5,
    foundedYear: 1985,
    capitalYen: 3_000_000,
    businessDescription: "湯西川温泉の土産物店、食事処の運営",
    features: "湯西川温泉の入口で、地元の特産品を販売しています。",
    homepage: "https://yunishigawa-bussan.example.jp",
  },
  { title: "店長", name: "平家 守", nameKana: "ヘイケ マモル", phone: "0288-00-1010", email: "info@yunishigawa-bussan.example.jp" },
  {
    jobTitle: "販売スタッフ（土産物店）",
    jobDescription: "土産物店での販売です。\n・レジ、商品の陳列、在庫の管理\n・観光のお客様へのご案内",
    workplaceDetail: { ...demoContent().workplaceDetail, nearestStation: "野岩鉄道 湯西川温泉駅", access: "バス", accessMinutes: 25 },
  },
);

/** The 求人 of the establishments above (all at ハローワーク日光), and the job kind each wants. */
export const REFERRAL_POSTINGS: (DemoPosting & { wants: JobTag })[] = [
  {
    id: "demo-job-care-kaigo",
    establishmentId: "demo-est-nikko-care",
    officeCode: "0910",
    status: "accepted",
    acceptedDaysAgo: 60,
    content: care,
    wants: "care",
  },
  {
    id: "demo-job-care-sougei",
    establishmentId: "demo-est-nikko-care",
    officeCode: "0910",
    status: "accepted",
    acceptedDaysAgo: 58,
    wants: "driver",
    content: partTime(
      {
        ...care,
        jobTitle: "送迎ドライバー（パート）",
        jobDescription: "デイサービスの利用者さんの送迎です（ワゴン車、市内）。\n・朝夕の送迎（1日2〜3便）\n・車両の清掃、点検",
        licenses: { requirement: "必須", detail: "普通自動車運転免許" },
      },
      1_150,
    ),
  },
  {
    id: "demo-job-clean-hotel",
    establishmentId: "demo-est-kirifuri-clean",
    officeCode: "0910",
    status: "accepted",
    acceptedDaysAgo: 56,
    wants: "cleaning",
    content: partTime(
      {
        ...clean,
        jobTitle: "清掃スタッフ（旅館・ホテル）",
        jobDescription: "鬼怒川温泉の旅館・ホテルでの清掃です。\n・客室の清掃、ベッドメイク\n・大浴場、共用部の清掃\n2〜4人のチームで作業します。",
      },
      1_150,
    ),
  },
  {
    id: "demo-job-clean-bill",
    establishmentId: "demo-est-kirifuri-clean",
    officeCode: "0910",
    status: "accepted",
    acceptedDaysAgo: 45,
    content: clean,
    wants: "cleaning",
  },
  {
    id: "demo-job-ashio-nc",
    establishmentId: "demo-est-ashio-works",
    officeCode: "0910",
    status: "accepted",
    acceptedDaysAgo: 52,
    content: works,
    wants: "factory",
  },
  {
    id: "demo-job-ashio-kensa",
    establishmentId: "demo-est-ashio-works",
    officeCode: "0910",
    status: "accepted",
    acceptedDaysAgo: 50,
    wants: "factory",
    content: partTime(
      {
        ...works,
        jobTitle: "検査スタッフ（パート）",
        jobDescription: "加工した部品の寸法検査、外観検査です。\n・ノギス、マイクロメータでの測定\n・検査記録の入力",
      },
      1_180,
    ),
  },
  {
    id: "demo-job-yunishigawa-hanbai",
    establishmentId: "demo-est-yunishigawa",
    officeCode: "0910",
    status: "stopped",
    acceptedDaysAgo: 70,
    stoppedDaysAgo: 24,
    stopReason: "募集を取りやめたため",
    wants: "sales",
    content: partTime(shop, 1_150),
  },
];

/** How many overdue (選考中, 21 days or more) referrals each backlog 求人 gets: 51, 50 and 45 per establishment. */
export const BACKLOG_REFERRALS: Record<string, number> = {
  "demo-job-care-kaigo": 26,
  "demo-job-care-sougei": 25,
  "demo-job-clean-hotel": 25,
  "demo-job-clean-bill": 25,
  "demo-job-ashio-nc": 23,
  "demo-job-ashio-kensa": 22,
};

// ---------------------------------------------------------------------------------------------------------------
// The referrals

interface ResultSpec {
  /** Registered this many days before the seeding day. */
  daysAgo: number;
  /** 採用: 雇用予定日 this many days from the seeding day (negative: already started). */
  hireInDays?: number;
  differences?: DifferenceItem[];
  differenceNote?: string;
  /** Reported by phone and recorded by an officer (R-REF-3), instead of registered online by the employer. */
  phone?: boolean;
}

interface ReferralSpec {
  id: string;
  /** Index into DEMO_SEEKERS. */
  seeker: number;
  posting: string;
  /** 紹介日 this many days before the seeding day. */
  daysAgo: number;
  status: ReferralStatus;
  /** The referring office when it is not the posting's (an officer may refer to any valid posting). */
  officeCode?: string;
  interview?: { inDays: number; time: string; place: string };
  note?: string;
  result?: ResultSpec;
  /** A result first registered as `first`, then corrected to the final one. */
  corrected?: { status: "hired" | "rejected"; daysAgo: number };
}

/** The demo employers' referrals, written out: every state. */
const HAND_WRITTEN: ReferralSpec[] = [
  // 株式会社日光ゆば工房 — 製造スタッフ (有効中)
  {
    id: "demo-ref-yuba-01",
    seeker: 2,
    posting: "demo-job-yuba-seizo",
    daysAgo: 1,
    status: "screening",
    interview: { inDays: 3, time: "10:00", place: "本社事務所" },
    note: "面接日時は事業所と電話で調整済みです。",
  },
  { id: "demo-ref-yuba-02", seeker: 12, posting: "demo-job-yuba-seizo", daysAgo: 3, status: "screening" },
  { id: "demo-ref-yuba-03", seeker: 10, posting: "demo-job-yuba-seizo", daysAgo: 8, status: "screening" },
  { id: "demo-ref-yuba-04", seeker: 28, posting: "demo-job-yuba-seizo", daysAgo: 11, status: "rejected", result: { daysAgo: 2 } },
  // 一般事務（パート）(募集停止 10 days ago)
  { id: "demo-ref-yuba-05", seeker: 3, posting: "demo-job-yuba-jimu", daysAgo: 35, status: "hired", result: { daysAgo: 12, hireInDays: -3 } },
  {
    id: "demo-ref-yuba-06",
    seeker: 15,
    posting: "demo-job-yuba-jimu",
    daysAgo: 30,
    status: "rejected",
    result: { daysAgo: 20, differences: ["hours"], differenceNote: "求人票は9:00〜13:00ですが、面接では10:00〜14:00の勤務を提示しました。" },
  },
  { id: "demo-ref-yuba-07", seeker: 19, posting: "demo-job-yuba-jimu", daysAgo: 25, status: "screening" },
  { id: "demo-ref-yuba-08", seeker: 31, posting: "demo-job-yuba-jimu", daysAgo: 28, status: "declined", result: { daysAgo: 26 } },
  // ルート営業 (紹介期限切れ)
  {
    id: "demo-ref-yuba-09",
    seeker: 6,
    posting: "demo-job-yuba-eigyo",
    daysAgo: 100,
    status: "hired",
    result: { daysAgo: 90, hireInDays: -80, differences: ["wage"], differenceNote: "試用期間中の基本給を、求人票の200,000円から190,000円として採用しました。" },
  },
  {
    id: "demo-ref-yuba-10",
    seeker: 22,
    posting: "demo-job-yuba-eigyo",
    daysAgo: 98,
    status: "hired",
    corrected: { status: "rejected", daysAgo: 92 },
    result: { daysAgo: 88, hireInDays: -75 },
  },
  { id: "demo-ref-yuba-11", seeker: 38, posting: "demo-job-yuba-eigyo", daysAgo: 95, status: "rejected", result: { daysAgo: 85, phone: true } },
  // 鬼怒川リバーサイドホテル株式会社 — フロントスタッフ (有効中)
  {
    id: "demo-ref-hotel-01",
    seeker: 7,
    posting: "demo-job-hotel-front",
    daysAgo: 2,
    status: "screening",
    interview: { inDays: 2, time: "14:00", place: "ホテル本館1階 事務所" },
  },
  { id: "demo-ref-hotel-02", seeker: 14, posting: "demo-job-hotel-front", daysAgo: 6, status: "screening" },
  { id: "demo-ref-hotel-03", seeker: 23, posting: "demo-job-hotel-front", daysAgo: 22, status: "screening" },
  { id: "demo-ref-hotel-04", seeker: 30, posting: "demo-job-hotel-front", daysAgo: 26, status: "screening" },
  {
    id: "demo-ref-hotel-05",
    seeker: 39,
    posting: "demo-job-hotel-front",
    daysAgo: 20,
    status: "hired",
    result: { daysAgo: 5, hireInDays: 10, differences: ["hours", "holidays"], differenceNote: "早番のみの勤務、休日は月8日として採用しました。" },
  },
  { id: "demo-ref-hotel-06", seeker: 46, posting: "demo-job-hotel-front", daysAgo: 15, status: "rejected", result: { daysAgo: 7, phone: true } },
  { id: "demo-ref-hotel-07", seeker: 55, posting: "demo-job-hotel-front", daysAgo: 12, status: "declined", result: { daysAgo: 10 } },
  // 客室清掃（パート）(有効中, accepted 5 days ago)
  { id: "demo-ref-hotel-08", seeker: 5, posting: "demo-job-hotel-seiso", daysAgo: 0, status: "screening" },
  { id: "demo-ref-hotel-09", seeker: 11, posting: "demo-job-hotel-seiso", daysAgo: 4, status: "screening" },
  // 宇都宮ぎょうざ食品株式会社 (ハローワーク宇都宮) — and a 日光 seeker referred there by ハローワーク日光
  { id: "demo-ref-gyoza-01", seeker: 66, posting: "demo-job-gyoza-seizo", daysAgo: 4, status: "screening" },
  { id: "demo-ref-gyoza-02", seeker: 68, posting: "demo-job-gyoza-seizo", daysAgo: 30, status: "screening" },
  { id: "demo-ref-gyoza-03", seeker: 70, posting: "demo-job-gyoza-seizo", daysAgo: 40, status: "hired", result: { daysAgo: 30, hireInDays: -20 } },
  { id: "demo-ref-gyoza-04", seeker: 65, posting: "demo-job-gyoza-seizo", daysAgo: 45, status: "rejected", result: { daysAgo: 35 } },
  { id: "demo-ref-gyoza-05", seeker: 12, posting: "demo-job-gyoza-seizo", daysAgo: 9, status: "screening", officeCode: "0910" },
  // 有限会社湯西川サンプル物産 — 販売スタッフ (募集停止 24 days ago; results still registrable)
  { id: "demo-ref-yunishigawa-01", seeker: 54, posting: "demo-job-yunishigawa-hanbai", daysAgo: 60, status: "screening" },
  { id: "demo-ref-yunishigawa-02", seeker: 47, posting: "demo-job-yunishigawa-hanbai", daysAgo: 45, status: "screening" },
  { id: "demo-ref-yunishigawa-03", seeker: 44, posting: "demo-job-yunishigawa-hanbai", daysAgo: 31, status: "screening" },
  { id: "demo-ref-yunishigawa-04", seeker: 62, posting: "demo-job-yunishigawa-hanbai", daysAgo: 26, status: "screening" },
  { id: "demo-ref-yunishigawa-05", seeker: 63, posting: "demo-job-yunishigawa-hanbai", daysAgo: 50, status: "hired", result: { daysAgo: 30, hireInDays: -20 } },
  { id: "demo-ref-yunishigawa-06", seeker: 46, posting: "demo-job-yunishigawa-hanbai", daysAgo: 40, status: "rejected", result: { daysAgo: 28 } },
];

/**
 * The backlog establishments' referrals: per 求人, `count` overdue ones (紹介日 21 to 受理日 days ago — one exactly 21 days
 * ago, the boundary), then a 採用 and a 不採用 registered recently. Seekers of ハローワーク日光 whose profile wants the
 * job first (not those hired elsewhere), each at most once per 求人 (one open referral per seeker and 求人).
 */
function backlogSpecs(): ReferralSpec[] {
  // Not those already hired through a written-out referral.
  const hired = new Set(HAND_WRITTEN.filter((r) => r.status === "hired").map((r) => r.seeker));
  const nikko = DEMO_SEEKERS.map((s, index) => ({ s, index })).filter(({ s, index }) => s.officeCode === "0910" && !hired.has(index));
  const specs: ReferralSpec[] = [];
  REFERRAL_POSTINGS.forEach((posting, p) => {
    const count = BACKLOG_REFERRALS[posting.id];
    if (count === undefined) return;
    const accepted = posting.acceptedDaysAgo!;
    const order = [...nikko].sort((a, b) => {
      const match = Number(b.s.tag === posting.wants) - Number(a.s.tag === posting.wants);
      return match || ((a.index + p * 9) % nikko.length) - ((b.index + p * 9) % nikko.length);
    });
    const short = posting.id.replace("demo-job-", "");
    for (let k = 0; k < count; k++) {
      specs.push({
        id: `demo-ref-${short}-${String(k + 1).padStart(2, "0")}`,
        seeker: order[k]!.index,
        posting: posting.id,
        daysAgo: 21 + ((k * 11) % (accepted - 21)),
        status: "screening",
      });
    }
    specs.push(
      {
        id: `demo-ref-${short}-${count + 1}`,
        seeker: order[count]!.index,
        posting: posting.id,
        daysAgo: 15,
        status: "hired",
        result: { daysAgo: 3, hireInDays: 14 },
      },
      { id: `demo-ref-${short}-${count + 2}`, seeker: order[count + 1]!.index, posting: posting.id, daysAgo: 9, status: "rejected", result: { daysAgo: 1 } },
    );
  });
  return specs;
}

export const REFERRAL_SPECS: ReferralSpec[] = [...HAND_WRITTEN, ...backlogSpecs()];

// ---------------------------------------------------------------------------------------------------------------
// Rows

export type SeekerRow = typeof jobSeekers.$inferInsert;
export type ReferralRow = typeof referrals.$inferInsert;
export type ReferralEventRow = typeof referralEvents.$inferInsert;
export type NoticeRow = typeof notices.$inferInsert;

const OFFICE_NAMES: Record<string, string> = { "0901": "ハローワーク宇都宮", "0910": "ハローワーク日光" };

/** Every demo 求人 a referral may name: demo-postings.ts's and this file's. */
export const ALL_DEMO_POSTINGS: DemoPosting[] = [...DEMO_POSTINGS, ...REFERRAL_POSTINGS];

function resultFields(status: ReferralStatus, result: Partial<ResultSpec> | undefined, today: string) {
  return {
    status,
    hireDate: status === "hired" && result?.hireInDays !== undefined ? addDays(today, result.hireInDays) : null,
    conditionsDiffer: status === "hired" || status === "rejected" ? (result?.differences?.length ?? 0) > 0 : null,
    differences: result?.differences ?? [],
    differenceNote: result?.differenceNote ?? "",
  };
}

const SCREENING = { status: "screening", hireDate: null, conditionsDiffer: null, differences: [], differenceNote: "" };

/** The seekers, referrals, their history and the employers' お知らせ, as scripts/seed.ts inserts them on the day of `nowMs`. */
export function demoReferralRows(nowMs: number): { seekers: SeekerRow[]; referrals: ReferralRow[]; events: ReferralEventRow[]; notices: NoticeRow[] } {
  const today = jstDate(nowMs);
  const at = (daysAgo: number) => nowMs - daysAgo * DAY_MS;
  const postings = new Map(ALL_DEMO_POSTINGS.map((p) => [p.id, p]));
  const firstReferral = new Map<number, number>();
  const referralRows: ReferralRow[] = [];
  const events: ReferralEventRow[] = [];
  const noticeRows: NoticeRow[] = [];
  for (const spec of REFERRAL_SPECS) {
    const posting = postings.get(spec.posting)!;
    const officeCode = spec.officeCode ?? posting.officeCode;
    const officer = `demo-staff-officer-${officeCode}`;
    const employer = `${posting.establishmentId}-main`;
    firstReferral.set(spec.seeker, Math.max(firstReferral.get(spec.seeker) ?? 0, spec.daysAgo));
    const final = resultFields(spec.status, spec.result, today);
    const decided = spec.status !== "screening";
    const byStaff = spec.status === "declined" || spec.result?.phone === true;
    referralRows.push({
      id: spec.id,
      seekerId: DEMO_SEEKERS[spec.seeker]!.id,
      postingId: posting.id,
      establishmentId: posting.establishmentId,
      channel: "referral",
      officeCode,
      referredBy: officer,
      referredOn: addDays(today, -spec.daysAgo),
      interviewAt: spec.interview ? `${addDays(today, spec.interview.inDays)}T${spec.interview.time}` : null,
      interviewPlace: spec.interview?.place ?? "",
      note: spec.note ?? "",
      status: spec.status,
      hireDate: final.hireDate,
      conditionsDiffer: final.conditionsDiffer,
      differences: JSON.stringify(final.differences),
      differenceNote: final.differenceNote,
      resultAt: decided ? at(spec.result!.daysAgo) : null,
      resultByType: decided ? (byStaff ? "staff" : "employer") : null,
      resultBy: decided ? (byStaff ? officer : employer) : null,
      createdAt: at(spec.daysAgo),
      updatedAt: decided ? at(spec.result!.daysAgo) : at(spec.daysAgo),
    });
    events.push({
      referralId: spec.id,
      at: at(spec.daysAgo),
      actorType: "staff",
      actorId: officer,
      action: "referred",
      before: null,
      after: JSON.stringify({ ...SCREENING, referredOn: addDays(today, -spec.daysAgo) }),
    });
    let before: object = SCREENING;
    if (spec.corrected) {
      const first = resultFields(spec.corrected.status, {}, today);
      events.push({
        referralId: spec.id,
        at: at(spec.corrected.daysAgo),
        actorType: "employer",
        actorId: employer,
        action: "result",
        before: JSON.stringify(before),
        after: JSON.stringify(first),
      });
      before = first;
    }
    if (decided) {
      const action = spec.status === "declined" ? "declined" : spec.result!.phone ? "phone" : spec.corrected ? "correction" : "result";
      events.push({
        referralId: spec.id,
        at: at(spec.result!.daysAgo),
        actorType: byStaff ? "staff" : "employer",
        actorId: byStaff ? officer : employer,
        action,
        before: JSON.stringify(before),
        after: JSON.stringify(final),
      });
    }
    // R-REF-1's お知らせ of the last week's referrals (no personal data of the seeker).
    if (spec.daysAgo <= 7) {
      noticeRows.push({
        id: `${spec.id}-notice`,
        establishmentId: posting.establishmentId,
        title: `${OFFICE_NAMES[officeCode]}から求職者を紹介しました`,
        body: `「${posting.content.jobTitle}」の求人に、${OFFICE_NAMES[officeCode]}から求職者を紹介しました。応募者管理でご確認ください。`,
        link: `/mypage/applicants/${spec.id}`,
        createdAt: at(spec.daysAgo),
        readAt: spec.daysAgo >= 2 ? at(spec.daysAgo - 1) : null,
      });
    }
  }
  const seekers = DEMO_SEEKERS.map((s, index): SeekerRow => {
    const registered = at((firstReferral.get(index) ?? 7) + 7);
    return seekerRow(s, registered);
  });
  return { seekers, referrals: referralRows, events, notices: noticeRows };
}

function seekerRow(s: DemoSeeker, registeredAt: number): SeekerRow {
  return {
    id: s.id,
    officeCode: s.officeCode,
    seekerNumber: s.seekerNumber,
    name: s.name,
    nameKana: s.nameKana,
    birthDate: s.birthDate,
    postalCode: s.postalCode,
    prefectureCode: "09",
    municipalityCode: s.municipalityCode,
    address: s.address,
    phone: s.phone,
    email: s.email,
    desiredOccupation: s.desiredOccupation,
    desiredPrefectureCode: "09",
    desiredMunicipalityCode: s.desiredMunicipalityCode,
    desiredEmploymentType: s.desiredEmploymentType,
    desiredWorkStyle: s.desiredWorkStyle,
    desiredWageForm: s.desiredWageForm,
    desiredWage: s.desiredWage,
    desiredHours: s.desiredHours,
    licences: s.licences,
    workHistory: s.workHistory,
    selfPr: s.selfPr,
    hasMypage: s.hasMypage,
    publishProfile: s.publishProfile,
    disclosure: JSON.stringify(s.disclosure),
    createdBy: `demo-staff-officer-${s.officeCode}`,
    createdAt: registeredAt,
    updatedAt: registeredAt,
  };
}

/** For the README and the tests: the posting's state and dates when seeded on `today`. */
export function seededPosting(id: string, today: string) {
  const p = ALL_DEMO_POSTINGS.find((x) => x.id === id);
  if (!p) throw new Error(`no demo posting ${id}`);
  return { ...p, ...seededPostingDates(p, today) };
}
