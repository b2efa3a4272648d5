/**
 * Demo 求職者 who published their profile for 求職情報検索 (issue 12, R-SEARCH-1): 300 of them, generated deterministically
 * from templates — 介護職員 (介護福祉士, 初任者研修, 実務者研修), ドライバー (大型免許, フォークリフト), 製造オペレーター, 一般事務
 * (MOS, 簿記2級), 調理, 販売, 看護, 清掃・ホテル — living in the 25 municipalities of 栃木県 and a few in 茨城, 群馬, 埼玉 and
 * 東京, of every age band, work style and wage. Each is registered at the office with jurisdiction over the home (the
 * border offices for the other prefectures); 求職番号 from serial 101 of each office. Everyone is fictitious: names from
 * demo-seekers.ts's Tochigi place names, addresses ending in （架空）, phones 090-0001-…, mail @example.jp. The 公開番号
 * is set by the database's trigger. scripts/seed.ts inserts them in multi-row chunks (the FTS triggers index them).
 */
import { getTableColumns, getTableName } from "drizzle-orm";
import { jobSeekers } from "../../db/schema.ts";
import { FAMILY, GIVEN } from "./demo-seekers.ts";
import { sqlValue } from "./run.ts";

type WageForm = "月給" | "日給" | "時間給";
type WorkStyle = "full" | "part" | "either";

interface Group {
  occupations: string[];
  licences: string[];
  histories: string[];
  prs: string[];
  /** 月給 (full time) and 時間給 (part time): the lowest asked, in yen. */
  monthly: number;
  hourly: number;
  hours: Record<WorkStyle, string[]>;
}

const GROUPS: Group[] = [
  {
    occupations: ["介護職員", "介護職員（夜勤専従）", "訪問介護員（ホームヘルパー）", "生活相談員"],
    licences: [
      "介護福祉士",
      "介護職員初任者研修",
      "介護職員実務者研修\n普通自動車第一種運転免許",
      "介護福祉士\n介護支援専門員",
      "介護職員初任者研修\n普通自動車第一種運転免許（AT限定）",
    ],
    histories: [
      "特別養護老人ホームで介護職員（食事・入浴・排せつの介助、夜勤あり）",
      "デイサービスで介護職員（送迎、入浴介助、レクリエーション）",
      "有料老人ホームで介護職員、ユニットリーダー",
      "訪問介護事業所でホームヘルパー（身体介護、生活援助）",
    ],
    prs: [
      "介護福祉士として特別養護老人ホームで8年働きました。認知症の方への声かけを大切にしています。",
      "介護職員初任者研修を修了し、デイサービスで送迎と入浴介助を担当してきました。",
      "実務者研修を修了しています。介護福祉士の資格取得を目指しながら働きたいです。",
      "家族の介護をきっかけに初任者研修を受講しました。利用者さんに寄り添う仕事がしたいです。",
      "ユニットリーダーとして新人の指導を担当しました。介護記録のパソコン入力も得意です。",
    ],
    monthly: 180_000,
    hourly: 1_050,
    hours: { full: ["シフト制（夜勤可）", "日勤のみ希望"], part: ["9:00〜15:00", "夜勤のみ（週2回）"], either: ["シフト制可"] },
  },
  {
    occupations: ["トラックドライバー（大型）", "配送ドライバー（2トン車）", "送迎ドライバー", "フォークリフトオペレーター"],
    licences: [
      "大型自動車第一種運転免許\nフォークリフト運転技能講習修了",
      "中型自動車第一種運転免許",
      "普通自動車第二種運転免許",
      "準中型自動車第一種運転免許\nフォークリフト運転技能講習修了",
      "大型自動車第一種運転免許\nけん引免許",
    ],
    histories: [
      "運送会社で大型トラックの長距離輸送（関東〜東北）",
      "食品卸でルート配送（2トン車、スーパー20店舗）",
      "倉庫会社でフォークリフトによる入出庫作業、在庫管理",
      "タクシー会社で乗務員、介護施設の送迎",
    ],
    prs: [
      "大型免許を取得して長距離輸送を10年経験しました。無事故無違反です。",
      "フォークリフトでの積み込みと4トン車でのルート配送を担当していました。",
      "地元の道に詳しく、時間を守った配送が得意です。体力にも自信があります。",
      "二種免許を持ち、高齢者施設の送迎の経験があります。安全運転を心がけています。",
      "フォークリフトの技能講習を修了し、倉庫での入出庫とピッキングを5年担当しました。",
    ],
    monthly: 220_000,
    hourly: 1_150,
    hours: { full: ["早朝勤務可", "日勤のみ希望"], part: ["朝夕の送迎のみ", "6:00〜10:00"], either: ["土日出勤可"] },
  },
  {
    occupations: ["製造オペレーター", "食品製造スタッフ", "検査スタッフ", "機械オペレーター（NC旋盤）", "組立スタッフ"],
    licences: ["フォークリフト運転技能講習修了", "危険物取扱者乙種第4類", "QC検定3級", "玉掛け技能講習修了\n床上操作式クレーン運転技能講習修了", ""],
    histories: [
      "自動車部品工場でマシンオペレーター（段取り替え、品質チェック）",
      "食品工場で製造ライン、包装、衛生管理",
      "電子部品工場で外観検査、測定",
      "金属加工工場でNC旋盤の操作、プログラムの修正",
    ],
    prs: [
      "自動車部品工場でマシンオペレーターとして段取り替えと品質チェックを担当しました。",
      "食品工場のライン作業を5年経験しました。HACCPに沿った衛生管理を身につけています。",
      "NC旋盤の操作とプログラムの修正ができます。図面を読むことが得意です。",
      "検査工程で外観検査と測定器の扱いを担当しました。細かい作業に集中できます。",
      "交替勤務に慣れています。改善提案で表彰されたことがあります。",
    ],
    monthly: 200_000,
    hourly: 1_100,
    hours: { full: ["2交替可", "日勤のみ希望"], part: ["8:30〜15:30", "9:00〜14:00"], either: ["3交替可"] },
  },
  {
    occupations: ["一般事務", "経理事務", "営業事務", "総務事務", "医療事務"],
    licences: [
      "日商簿記検定2級\nMOS（Excel）",
      "MOS（Word、Excel）",
      "日商簿記検定3級",
      "秘書技能検定2級\n普通自動車第一種運転免許",
      "医療事務技能審査試験（メディカルクラーク）",
    ],
    histories: [
      "建設会社で経理事務（仕訳入力、月次決算の補助、給与計算）",
      "商社で営業事務（受発注、請求書の作成、電話応対）",
      "製造業の会社で総務（社会保険の手続き、備品管理）",
      "クリニックで医療事務（受付、レセプト）",
    ],
    prs: [
      "簿記2級を活かし、経理事務で月次決算の補助をしてきました。Excelの関数やピボットテーブルが使えます。",
      "MOSの資格を持ち、WordとExcelでの資料作成が得意です。電話応対にも慣れています。",
      "営業事務として受発注と請求書の作成を担当しました。正確で丁寧な処理を心がけています。",
      "子育てが落ち着いたので事務職に復帰したいです。パソコンの基本操作は問題ありません。",
      "レセプト業務の経験があります。患者さんへの丁寧な受付対応を心がけてきました。",
    ],
    monthly: 180_000,
    hourly: 1_050,
    hours: { full: ["8:30〜17:30、土日休み"], part: ["9:00〜15:00、土日休み", "10:00〜16:00"], either: ["土日休み希望"] },
  },
  {
    occupations: ["調理師", "調理補助", "給食調理員", "ホール・キッチンスタッフ"],
    licences: ["調理師免許", "食品衛生責任者", "調理師免許\n栄養士", ""],
    histories: ["温泉旅館の厨房で会席料理の調理", "病院の給食調理（1日300食）", "ファミリーレストランで調理、仕込み", "保育園で給食調理"],
    prs: [
      "調理師免許を持ち、旅館の厨房で会席料理を担当してきました。",
      "病院の給食調理で大量調理の経験があります。衛生管理には自信があります。",
      "飲食店で調理補助と仕込みを担当しました。手早く丁寧な作業が得意です。",
      "アレルギー対応食の調理経験があります。子どもたちの食事づくりに関わりたいです。",
    ],
    monthly: 190_000,
    hourly: 1_050,
    hours: { full: ["早番・遅番可"], part: ["6:00〜10:00", "10:00〜14:00"], either: ["シフト制可"] },
  },
  {
    occupations: ["販売スタッフ", "レジスタッフ", "店長候補", "土産物店の販売"],
    licences: ["販売士3級", "", "普通自動車第一種運転免許", "TOEIC 600点"],
    histories: ["スーパーで青果部門の品出し、発注", "ドラッグストアでレジ、品出し", "土産物店で接客、レジ、在庫管理", "アパレル店で販売、店長代理"],
    prs: [
      "スーパーで青果部門の品出しと発注を担当しました。",
      "土産物店で接客とレジを5年経験しました。外国人観光客への簡単な英語対応ができます。",
      "店長代理として売り場づくりとアルバイトのシフト管理をしてきました。",
      "明るい接客には自信があります。土日祝日の勤務もできます。",
    ],
    monthly: 185_000,
    hourly: 1_030,
    hours: { full: ["シフト制可"], part: ["10:00〜15:00", "17:00〜21:00"], either: ["土日祝勤務可"] },
  },
  {
    occupations: ["看護師", "准看護師", "訪問看護師", "看護助手"],
    licences: ["正看護師免許", "准看護師免許", "正看護師免許\n介護支援専門員", "介護職員初任者研修"],
    histories: ["総合病院の内科病棟で看護師（夜勤あり）", "クリニックで外来看護", "訪問看護ステーションで訪問看護", "療養型病院で看護助手"],
    prs: [
      "病棟勤務10年の経験があります。夜勤のない勤務を希望しています。",
      "訪問看護の経験を活かし、介護施設での健康管理に携わりたいです。",
      "准看護師として外来で採血や処置の介助をしてきました。",
      "看護助手として病棟の環境整備と患者さんの移送を担当しました。",
    ],
    monthly: 250_000,
    hourly: 1_600,
    hours: { full: ["日勤のみ希望", "夜勤可"], part: ["9:00〜13:00"], either: ["週3日〜"] },
  },
  {
    occupations: ["清掃スタッフ", "客室清掃", "フロントスタッフ", "施設管理"],
    licences: ["", "ビルクリーニング技能士", "普通自動車第一種運転免許", "第二種電気工事士"],
    histories: ["ビジネスホテルで客室清掃、ベッドメイク", "温泉旅館でフロント、予約管理", "商業施設の日常清掃", "マンションの設備点検"],
    prs: [
      "短い時間で手早く客室を仕上げることに慣れています。",
      "旅館のフロントで予約管理と会計を担当しました。おもてなしの経験を生かしたいです。",
      "決められた手順を守って丁寧に作業します。早朝の勤務もできます。",
      "電気工事士の資格を活かして施設の点検と修繕を担当してきました。",
    ],
    monthly: 175_000,
    hourly: 1_020,
    hours: { full: ["シフト制可"], part: ["10:00〜15:00", "6:00〜9:00"], either: ["週4日程度"] },
  },
];

/** Sentences added to some self-PRs. */
const EXTRA = ["", "通勤は車で30分以内を希望します。", "土日の勤務も可能です。", "長く働ける職場を探しています。", "資格取得にも意欲があります。", ""];

/** The 25 municipalities of 栃木県 (reference data) with the office that has jurisdiction. */
const TOCHIGI: [string, string][] = [
  ["09201", "0901"], ["09202", "0905"], ["09203", "0903"], ["09204", "0904"], ["09205", "0902"],
  ["09206", "0910"], ["09208", "0909"], ["09209", "0906"], ["09210", "0908"], ["09211", "0907"],
  ["09213", "0908"], ["09214", "0907"], ["09215", "0911"], ["09216", "0909"], ["09301", "0901"],
  ["09342", "0906"], ["09343", "0906"], ["09344", "0906"], ["09345", "0906"], ["09361", "0903"],
  ["09364", "0909"], ["09384", "0907"], ["09386", "0901"], ["09407", "0908"], ["09411", "0911"],
]; // prettier-ignore

/** Seekers living across the border: 茨城, 群馬, 埼玉, 東京 (no municipality in the reference data), and their office. */
const OTHER_PREFECTURES: [string, string][] = [
  ["08", "0909"],
  ["10", "0905"],
  ["11", "0909"],
  ["13", "0901"],
];

export const PUBLISHED_SEEKER_COUNT = 300;
/** The first 求職番号 serial of each office (demo-seekers.ts uses 1–64). */
const FIRST_SERIAL = 101;

export type PublishedSeekerRow = typeof jobSeekers.$inferInsert & { officeCode: string; serial: number };

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/** The 300 published seekers as rows of job_seekers, registered on the days before `nowMs`. */
export function demoPublishedSeekers(nowMs: number): PublishedSeekerRow[] {
  const serials = new Map<string, number>();
  return Array.from({ length: PUBLISHED_SEEKER_COUNT }, (_, i): PublishedSeekerRow => {
    const group = GROUPS[i % GROUPS.length]!;
    const j = Math.floor(i / GROUPS.length);
    // Every entry of a list in turn, each list shifted by its own salt from one round to the next.
    const pick = <T>(list: T[], salt: number): T => list[(j + Math.floor(j / list.length) * salt) % list.length]!;
    const away = i % 12 === 5 ? OTHER_PREFECTURES[j % OTHER_PREFECTURES.length]! : null;
    const [municipalityCode, tochigiOffice] = TOCHIGI[(i * 7) % TOCHIGI.length]!;
    const officeCode = away ? away[1] : tochigiOffice;
    const serial = serials.get(officeCode) ?? FIRST_SERIAL;
    serials.set(officeCode, serial + 1);
    const prefix = `${officeCode}0`;
    const style: WorkStyle = (["full", "part", "either"] as const)[(i * 7 + j) % 3]!;
    const wageForm: WageForm | null = i % 17 === 0 ? null : style === "part" ? "時間給" : i % 23 === 4 ? "日給" : "月給";
    const wage =
      wageForm === "月給"
        ? group.monthly + ((i * 37) % 9) * 10_000
        : wageForm === "時間給"
          ? group.hourly + ((i * 13) % 8) * 50
          : wageForm
            ? 9_000 + (i % 5) * 500
            : null;
    // 希望勤務地: mostly the home municipality, some the prefecture only, some anywhere.
    const wish = i % 7;
    const hasMypage = i % 5 !== 3;
    const [family, familyKana] = FAMILY[i % FAMILY.length]!;
    // Distinct names: for one family name (i mod 32) the given names differ (37k mod 23 runs through 10 values).
    const [given, givenKana] = GIVEN[(i + 5 * Math.floor(i / FAMILY.length)) % GIVEN.length]!;
    const at = nowMs - ((i * 11) % 90) * 86_400_000 - (i % 24) * 3_600_000;
    const extra = EXTRA[(i * 11) % EXTRA.length]!;
    return {
      id: `demo-pub-seeker-${officeCode}-${pad(serial, 3)}`,
      officeCode,
      serial,
      seekerNumber: `${prefix}-${pad(serial, 8)}`,
      name: `${family} ${given}`,
      nameKana: `${familyKana} ${givenKana}`,
      // Ages about 18 to 72 in 2026: every age band.
      birthDate: `${1954 + ((i * 13) % 54)}-${pad(((i * 5) % 12) + 1)}-${pad(((i * 11) % 28) + 1)}`,
      postalCode: "",
      prefectureCode: away ? away[0] : "09",
      municipalityCode: away ? null : municipalityCode,
      address: `中央${(i % 5) + 1}丁目${(i % 17) + 1}-${(i % 9) + 1}（架空）`,
      phone: `090-0001-${1000 + i}`,
      email: hasMypage ? `seeker-${prefix}-${serial}@example.jp` : null,
      desiredOccupation: pick(group.occupations, 1),
      desiredPrefectureCode: wish === 6 ? null : away && wish < 3 ? away[0] : "09",
      desiredMunicipalityCode: wish < 4 && !away ? municipalityCode : null,
      desiredEmploymentType: style === "full" ? "正社員" : style === "part" ? "正社員以外" : i % 2 ? "" : "正社員",
      desiredWorkStyle: style,
      desiredWageForm: wageForm,
      desiredWage: wage,
      desiredHours: pick(group.hours[style], 3),
      licences: pick(group.licences, 3),
      workHistory: `${2000 + ((i * 3) % 20)}年${(i % 12) + 1}月〜${2021 + (i % 5)}年${((i * 7) % 12) + 1}月 ${pick(group.histories, 5)}`,
      selfPr: `${pick(group.prs, 7)}${extra}`,
      hasMypage,
      publishProfile: true,
      disclosure: JSON.stringify(["licences", "workHistory", "selfPr", "desired"]),
      createdBy: null,
      createdAt: at,
      updatedAt: at,
    };
  });
}

/** Rows per INSERT: one statement per chunk keeps the seed fast (each row still fires the FTS trigger). */
const CHUNK = 50;

/** The SQL of the published seekers: multi-row INSERTs (kept rows are left alone), then the offices' 求職番号 counters. */
export function demoPublishedSeekersSql(nowMs: number): string[] {
  const rows = demoPublishedSeekers(nowMs);
  const columns = getTableColumns(jobSeekers);
  const keys = Object.keys(rows[0]!).filter((k) => k !== "serial") as (keyof typeof columns)[];
  const names = keys.map((k) => columns[k].name).join(", ");
  const out: string[] = [];
  for (let start = 0; start < rows.length; start += CHUNK) {
    const values = rows.slice(start, start + CHUNK).map((row) => `(${keys.map((k) => sqlValue(row[k] as string | number | boolean | null)).join(", ")})`);
    out.push(`INSERT INTO ${getTableName(jobSeekers)} (${names}) VALUES ${values.join(", ")} ON CONFLICT DO NOTHING;`);
  }
  const last = new Map<string, number>();
  for (const row of rows) last.set(row.officeCode, Math.max(last.get(row.officeCode) ?? 0, row.serial));
  for (const [code, serial] of last) out.push(`UPDATE offices SET next_seeker_serial = MAX(next_seeker_serial, ${serial + 1}) WHERE code = ${sqlValue(code)};`);
  return out;
}
