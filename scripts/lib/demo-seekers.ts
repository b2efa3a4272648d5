/**
 * Demo 求職者 (issue 11) of ハローワーク日光 (0910) and ハローワーク宇都宮 (0901). Every person here is fictitious: the family
 * names are Tochigi place names (霧降, 中禅寺, 足尾 …) or 架空, chosen so that no one mistakes them for real people; the
 * addresses end in （架空）, the phones are 090-0000-…, the mail addresses are @example.jp. The profiles are the
 * ordinary ones a Hello Work office registers (介護職員, ドライバー, 製造オペレーター, 一般事務, 調理補助 …), each with what the
 * seeker agreed to disclose to employers (R-REF-2) and whether they opened a 求職者マイページ and published their profile.
 * 求職番号 = the office's 5-digit prefix and an 8-digit serial; scripts/seed.ts advances offices.next_seeker_serial.
 */

import type { DisclosureItem } from "../../app/rules/disclosure";

export const SEEKER_NUMBER_PREFIXES: Record<string, string> = { "0901": "09010", "0910": "09100" };

/** A job kind the demo postings want and the seekers' profiles offer (referrals prefer a match). */
export type JobTag = "care" | "driver" | "factory" | "office" | "kitchen" | "cleaning" | "sales" | "hotel";

interface Profile {
  occupation: string;
  tag: JobTag;
  employmentType: "正社員" | "正社員以外" | "";
  workStyle: "full" | "part" | "either";
  wageForm: "月給" | "日給" | "時間給" | null;
  wage: number | null;
  hours: string;
  licences: string;
  workHistory: string;
  selfPr: string;
}

const PROFILES: Profile[] = [
  {
    occupation: "介護職員",
    tag: "care",
    employmentType: "正社員",
    workStyle: "full",
    wageForm: "月給",
    wage: 190_000,
    hours: "シフト制可（夜勤可）",
    licences: "介護職員初任者研修\n普通自動車第一種運転免許（AT限定）",
    workHistory: "2015年4月〜2024年3月 特別養護老人ホームで介護職員（食事・入浴・排せつの介助）",
    selfPr: "利用者さんとの会話を大切にしてきました。夜勤にも対応できます。",
  },
  {
    occupation: "トラックドライバー",
    tag: "driver",
    employmentType: "正社員",
    workStyle: "full",
    wageForm: "月給",
    wage: 230_000,
    hours: "早朝勤務可",
    licences: "中型自動車第一種運転免許\nフォークリフト運転技能講習修了",
    workHistory: "2010年6月〜2023年12月 運送会社で4トン車による食品のルート配送",
    selfPr: "無事故無違反で10年以上配送を続けてきました。",
  },
  {
    occupation: "製造オペレーター",
    tag: "factory",
    employmentType: "正社員",
    workStyle: "full",
    wageForm: "月給",
    wage: 200_000,
    hours: "日勤希望（交替制は相談）",
    licences: "普通自動車第一種運転免許\n玉掛け技能講習修了",
    workHistory: "2012年4月〜2025年3月 自動車部品工場でNC旋盤のオペレーター、品質検査",
    selfPr: "細かい作業をこつこつ続けるのが得意です。",
  },
  {
    occupation: "一般事務",
    tag: "office",
    employmentType: "",
    workStyle: "either",
    wageForm: "月給",
    wage: 170_000,
    hours: "9:00〜17:00、土日休み",
    licences: "日商簿記検定2級\nMOS（Excel）",
    workHistory: "2008年4月〜2022年9月 建設会社で経理・総務事務（請求書発行、給与計算の補助）",
    selfPr: "Excelでの集計と電話応対に慣れています。",
  },
  {
    occupation: "調理補助",
    tag: "kitchen",
    employmentType: "正社員以外",
    workStyle: "part",
    wageForm: "時間給",
    wage: 1_100,
    hours: "9:00〜14:00（平日）",
    licences: "食品衛生責任者",
    workHistory: "2016年5月〜2024年8月 病院の給食調理室で調理補助、盛り付け、洗浄",
    selfPr: "大量調理の段取りに慣れています。",
  },
  {
    occupation: "清掃スタッフ",
    tag: "cleaning",
    employmentType: "正社員以外",
    workStyle: "part",
    wageForm: "時間給",
    wage: 1_080,
    hours: "午前中（週4日程度）",
    licences: "",
    workHistory: "2018年4月〜2025年6月 ビルメンテナンス会社で事務所ビルの日常清掃",
    selfPr: "体を動かす仕事が好きです。丁寧さには自信があります。",
  },
  {
    occupation: "販売スタッフ",
    tag: "sales",
    employmentType: "",
    workStyle: "either",
    wageForm: "時間給",
    wage: 1_100,
    hours: "土日祝の勤務可",
    licences: "普通自動車第一種運転免許",
    workHistory: "2014年3月〜2023年10月 スーパーマーケットで青果部門の品出し、レジ",
    selfPr: "お客様に声をかけるのが好きです。",
  },
  {
    occupation: "ホテルフロント",
    tag: "hotel",
    employmentType: "正社員",
    workStyle: "full",
    wageForm: "月給",
    wage: 200_000,
    hours: "シフト制可",
    licences: "TOEIC 650点\n普通自動車第一種運転免許",
    workHistory: "2017年4月〜2025年1月 温泉旅館でフロント、予約管理",
    selfPr: "外国からのお客様にも英語でご案内できます。",
  },
  {
    occupation: "介護補助（パート）",
    tag: "care",
    employmentType: "正社員以外",
    workStyle: "part",
    wageForm: "時間給",
    wage: 1_100,
    hours: "9:00〜15:00",
    licences: "介護職員初任者研修",
    workHistory: "2019年4月〜2024年12月 デイサービスで送迎の添乗、レクリエーションの補助",
    selfPr: "子育てが一段落したので、経験を生かして働きたいです。",
  },
  {
    occupation: "倉庫作業・フォークリフト",
    tag: "driver",
    employmentType: "正社員",
    workStyle: "full",
    wageForm: "月給",
    wage: 210_000,
    hours: "8:00〜17:00",
    licences: "フォークリフト運転技能講習修了\n普通自動車第一種運転免許",
    workHistory: "2011年4月〜2024年6月 物流センターで入出庫作業、フォークリフトでの荷役",
    selfPr: "安全第一で作業してきました。",
  },
  {
    occupation: "金属加工（溶接）",
    tag: "factory",
    employmentType: "正社員",
    workStyle: "full",
    wageForm: "月給",
    wage: 220_000,
    hours: "日勤希望",
    licences: "アーク溶接特別教育修了\n普通自動車第一種運転免許",
    workHistory: "2006年4月〜2025年2月 金属製品工場で溶接、組立",
    selfPr: "図面を読んで段取りを組むことができます。",
  },
  {
    occupation: "客室清掃・ベッドメイク",
    tag: "cleaning",
    employmentType: "正社員以外",
    workStyle: "part",
    wageForm: "時間給",
    wage: 1_100,
    hours: "10:00〜15:00",
    licences: "",
    workHistory: "2020年6月〜2025年3月 ビジネスホテルで客室清掃",
    selfPr: "短い時間で手早く仕上げることに慣れています。",
  },
  {
    occupation: "食品製造",
    tag: "factory",
    employmentType: "",
    workStyle: "either",
    wageForm: "時間給",
    wage: 1_100,
    hours: "8:30〜15:30",
    licences: "",
    workHistory: "2013年4月〜2024年11月 和菓子工場で製造、包装",
    selfPr: "衛生管理のルールを守って作業してきました。",
  },
  {
    occupation: "送迎ドライバー",
    tag: "driver",
    employmentType: "正社員以外",
    workStyle: "part",
    wageForm: "時間給",
    wage: 1_150,
    hours: "朝夕の送迎のみ可",
    licences: "普通自動車第二種運転免許",
    workHistory: "2005年4月〜2024年3月 タクシー会社で乗務員",
    selfPr: "市内の道をよく知っています。",
  },
  {
    occupation: "旅館の接客・仲居",
    tag: "hotel",
    employmentType: "",
    workStyle: "either",
    wageForm: "月給",
    wage: 180_000,
    hours: "シフト制可（中抜けも可）",
    licences: "",
    workHistory: "2012年7月〜2022年10月 鬼怒川の旅館で客室係",
    selfPr: "おもてなしの経験を生かしたいです。",
  },
  {
    occupation: "総務・人事事務",
    tag: "office",
    employmentType: "正社員",
    workStyle: "full",
    wageForm: "月給",
    wage: 200_000,
    hours: "土日休み",
    licences: "社会保険労務士試験 科目合格\nMOS（Word、Excel）",
    workHistory: "2009年4月〜2025年4月 製造業の会社で総務・人事（社会保険の手続き、採用事務）",
    selfPr: "社内外の調整役を長く務めてきました。",
  },
];

/** Tochigi place names as family names (and 架空): clearly fictitious. [漢字, カナ]. */
export const FAMILY: [string, string][] = [
  ["架空", "カクウ"],
  ["霧降", "キリフリ"],
  ["中禅寺", "チュウゼンジ"],
  ["華厳", "ケゴン"],
  ["竜頭", "リュウズ"],
  ["戦場", "センジョウ"],
  ["湯元", "ユモト"],
  ["川治", "カワジ"],
  ["鬼怒", "キヌ"],
  ["足尾", "アシオ"],
  ["栗山", "クリヤマ"],
  ["塩原", "シオバラ"],
  ["益子", "マシコ"],
  ["茂木", "モテギ"],
  ["市貝", "イチカイ"],
  ["壬生", "ミブ"],
  ["高根沢", "タカネザワ"],
  ["野木", "ノギ"],
  ["岩舟", "イワフネ"],
  ["黒磯", "クロイソ"],
  ["喜連川", "キツレガワ"],
  ["馬頭", "バトウ"],
  ["男体", "ナンタイ"],
  ["女峰", "ニョホウ"],
  ["赤薙", "アカナギ"],
  ["小来川", "オコロガワ"],
  ["湯西川", "ユニシカワ"],
  ["五十里", "イカリ"],
  ["大笹", "オオザサ"],
  ["明智平", "アケチダイラ"],
  ["半月", "ハンゲツ"],
  ["清滝", "キヨタキ"],
];

export const GIVEN: [string, string][] = [
  ["花子", "ハナコ"],
  ["太郎", "タロウ"],
  ["美咲", "ミサキ"],
  ["健太", "ケンタ"],
  ["陽菜", "ヒナ"],
  ["大輔", "ダイスケ"],
  ["恵子", "ケイコ"],
  ["誠", "マコト"],
  ["由美", "ユミ"],
  ["翔太", "ショウタ"],
  ["直樹", "ナオキ"],
  ["幸子", "サチコ"],
  ["拓也", "タクヤ"],
  ["真由美", "マユミ"],
  ["浩二", "コウジ"],
  ["彩", "アヤ"],
  ["聡", "サトシ"],
  ["明美", "アケミ"],
  ["亮", "リョウ"],
  ["智子", "トモコ"],
  ["一郎", "イチロウ"],
  ["麻衣", "マイ"],
  ["和也", "カズヤ"],
];

/** Where the seekers live: 〒 and 町域 of the office's area (Japan Post's codes; the house numbers are made up). */
const TOWNS: Record<string, { municipalityCode: string; places: [string, string][] }> = {
  "0910": {
    municipalityCode: "09206", // 日光市
    places: [
      ["321-1261", "今市"],
      ["321-1272", "今市本町"],
      ["321-1421", "所野"],
      ["321-1401", "上鉢石町"],
      ["321-2522", "鬼怒川温泉大原"],
      ["321-1523", "足尾町松原"],
      ["321-2611", "川治温泉川治"],
      ["321-2601", "湯西川"],
    ],
  },
  "0901": {
    municipalityCode: "09201", // 宇都宮市
    places: [
      ["320-0811", "大通り"],
      ["321-0964", "駅前通り"],
      ["320-0802", "江野町"],
    ],
  },
};

/** Disclosure choices, cycled: from 氏名と年齢だけ to everything. */
const DISCLOSURES: DisclosureItem[][] = [
  ["licences", "workHistory"],
  [],
  ["licences", "workHistory", "selfPr", "desired"],
  ["birthDate", "address", "phone", "email", "licences", "workHistory", "selfPr", "desired"],
  ["phone", "licences", "workHistory", "selfPr"],
  ["address", "licences", "desired"],
  ["workHistory", "selfPr"],
  ["birthDate", "phone", "email", "licences", "workHistory", "selfPr", "desired"],
];

export interface DemoSeeker {
  id: string;
  officeCode: string;
  /** 求職番号 OOOOO-NNNNNNNN. */
  seekerNumber: string;
  serial: number;
  name: string;
  nameKana: string;
  birthDate: string;
  postalCode: string;
  municipalityCode: string;
  address: string;
  phone: string;
  email: string | null;
  tag: JobTag;
  desiredOccupation: string;
  desiredMunicipalityCode: string;
  desiredEmploymentType: string;
  desiredWorkStyle: "full" | "part" | "either";
  desiredWageForm: "月給" | "日給" | "時間給" | null;
  desiredWage: number | null;
  desiredHours: string;
  licences: string;
  workHistory: string;
  selfPr: string;
  hasMypage: boolean;
  publishProfile: boolean;
  disclosure: DisclosureItem[];
}

/**
 * A sentence only the README's two seekers with a 求職者マイページ login have (09100-00000001 架空 花子, -00000002 霧降 大輔),
 * so that a demonstration finds them in 求職情報検索 (「手話」, 「観光ガイド」) among the published seekers.
 */
const SIGNED_IN_PR: Record<number, string> = { 0: "手話で簡単な会話ができます。", 1: "観光ガイドの経験があります。" };

function seeker(officeCode: string, serial: number, i: number): DemoSeeker {
  const profile = PROFILES[i % PROFILES.length]!;
  const [family, familyKana] = FAMILY[i % FAMILY.length]!;
  const [given, givenKana] = GIVEN[(i * 5 + 3 * Math.floor(i / FAMILY.length)) % GIVEN.length]!;
  const town = TOWNS[officeCode]!;
  const [postalCode, place] = town.places[i % town.places.length]!;
  const hasMypage = i % 3 !== 2;
  const disclosure = DISCLOSURES[i % DISCLOSURES.length]!;
  const pad = (n: number) => String(n).padStart(2, "0");
  const prefix = SEEKER_NUMBER_PREFIXES[officeCode]!;
  return {
    id: `demo-seeker-${officeCode}-${String(serial).padStart(3, "0")}`,
    officeCode,
    seekerNumber: `${prefix}-${String(serial).padStart(8, "0")}`,
    serial,
    name: `${family} ${given}`,
    nameKana: `${familyKana} ${givenKana}`,
    // Ages about 20 to 67 in 2026.
    birthDate: `${1959 + ((i * 7) % 47)}-${pad(((i * 5) % 12) + 1)}-${pad(((i * 11) % 28) + 1)}`,
    postalCode,
    municipalityCode: town.municipalityCode,
    address: `${place}${(i % 9) + 1}-${(i % 23) + 1}（架空）`,
    phone: `090-0000-${String(1000 + i + (officeCode === "0901" ? 500 : 0))}`,
    email: hasMypage || disclosure.includes("email") ? `seeker-${prefix}-${serial}@example.jp` : null,
    tag: profile.tag,
    desiredOccupation: profile.occupation,
    desiredMunicipalityCode: town.municipalityCode,
    desiredEmploymentType: profile.employmentType,
    desiredWorkStyle: profile.workStyle,
    desiredWageForm: profile.wageForm,
    desiredWage: profile.wage,
    desiredHours: profile.hours,
    licences: profile.licences,
    workHistory: profile.workHistory,
    selfPr: `${profile.selfPr}${SIGNED_IN_PR[i] ?? ""}`,
    hasMypage,
    // 公開: about half, in every combination with the 求職者マイページ.
    publishProfile: i % 4 < 2,
    disclosure,
  };
}

/** 64 seekers of ハローワーク日光 (serials 1–64) and 8 of ハローワーク宇都宮 (serials 1–8). */
export const DEMO_SEEKERS: DemoSeeker[] = [
  ...Array.from({ length: 64 }, (_, i) => seeker("0910", i + 1, i)),
  ...Array.from({ length: 8 }, (_, i) => seeker("0901", i + 1, i + 64)),
];
