/**
 * Demo data: the README lists these logins. Deterministic ids so seeding is idempotent.
 * Every establishment, person and address here is fictional.
 */
export const DEMO_PASSWORDS = {
  staff: "Hellowork-Demo-2026",
  employer: "Mypage-Demo-2026",
  /** 求職者マイページ (issue 12). */
  seeker: "Kyushoku-Demo-2026",
} as const;

export interface DemoStaff {
  id: string;
  officeCode: string;
  email: string;
  name: string;
  role: "officer" | "supervisor";
  /** Base32 TOTP secret for the demo (printed in the README); null = set up at first sign-in. */
  totpSecret: string | null;
}

/** Demo TOTP secrets: base32 of a fixed text, so the README can print them. Never used in production. */
function demoSecret(tag: string): string {
  const bytes = new TextEncoder().encode(`hw-demo-totp-${tag}`);
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  let bits = 0;
  let value = 0;
  let out = "";
  for (const b of bytes) {
    value = (value << 8) | b;
    bits += 8;
    while (bits >= 5) {
      out += alphabet[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += alphabet[(value << (5 - bits)) & 31];
  return out;
}

const OFFICE_SLUGS: Record<string, string> = {
  "0901": "utsunomiya",
  "0902": "kanuma",
  "0903": "tochigi",
  "0904": "sano",
  "0905": "ashikaga",
  "0906": "moka",
  "0907": "yaita",
  "0908": "otawara",
  "0909": "oyama",
  "0910": "nikko",
  "0911": "nasukarasuyama",
};

const OFFICER_NAMES: Record<string, string> = {
  "0901": "宇都 一郎",
  "0902": "鹿沼 花子",
  "0903": "栃木 次郎",
  "0904": "佐野 三郎",
  "0905": "足利 四郎",
  "0906": "真岡 五月",
  "0907": "矢板 六郎",
  "0908": "大田 七海",
  "0909": "小山 八郎",
  "0910": "日光 太郎",
  "0911": "烏山 九子",
};

export const DEMO_STAFF: DemoStaff[] = [
  ...Object.entries(OFFICE_SLUGS).map(([code, slug]) => ({
    id: `demo-staff-officer-${code}`,
    officeCode: code,
    email: `officer.${slug}@hw.example.jp`,
    name: OFFICER_NAMES[code]!,
    role: "officer" as const,
    // ハローワーク那須烏山's officer has no authenticator yet: the first sign-in asks for the 登録コード that
    // supervisor.nasukarasuyama issues at /staff/enrolment, then shows the set-up.
    totpSecret: code === "0911" ? null : demoSecret(code),
  })),
  {
    id: "demo-staff-supervisor-0910",
    officeCode: "0910",
    email: "supervisor.nikko@hw.example.jp",
    name: "今市 統括",
    role: "supervisor",
    totpSecret: demoSecret("sup-0910"),
  },
  {
    // Issues the 登録コード that 那須烏山's officer enters before setting up an authenticator (issue 9 #4).
    id: "demo-staff-supervisor-0911",
    officeCode: "0911",
    email: "supervisor.nasukarasuyama@hw.example.jp",
    name: "烏山 統括",
    role: "supervisor",
    totpSecret: demoSecret("sup-0911"),
  },
  {
    id: "demo-staff-supervisor-0901",
    officeCode: "0901",
    email: "supervisor.utsunomiya@hw.example.jp",
    name: "宮 統括",
    role: "supervisor",
    totpSecret: demoSecret("sup-0901"),
  },
];

/** An online 仮登録 waiting for 本登録 at ハローワーク日光 (R-OPEN-8). */
export const DEMO_PROVISIONAL = {
  registrationId: "demo-provisional-nikko-cafe",
  accountId: "demo-provisional-nikko-cafe-account",
  email: "owner@nikko-cafe.example.jp",
  officeCode: "0910",
  /** Days before "today" on which it was made (its deadline follows R-OPEN-8's rule). */
  madeDaysAgo: 3,
  data: {
    name: "カフェ日光珈琲",
    nameKana: "カフェニッコウコーヒー",
    isSoleProprietor: true,
    corporateNumber: "",
    postalCode: "321-1400",
    municipalityCode: "09206",
    address: "上鉢石町9-9（架空）",
    phone: "0288-00-2001",
    industryDivision: "M",
    industry: "76", // 飲食店 (喫茶店 is 小分類 767 under it)
    employees: 4,
    representativeTitle: "店主",
    representativeName: "珈琲 香",
  },
};

export interface DemoEstablishment {
  id: string;
  officeCode: string;
  serial: number | null;
  status: "registered" | "open" | "unusable" | "withdrawn" | "closed";
  name: string;
  nameKana: string;
  corporateBase12: string | null;
  postalCode: string;
  municipalityCode: string;
  address: string;
  phone: string;
  /** 産業分類: the 日本標準産業分類 中分類 code (data/reference/industries.csv). */
  industry: string;
  employees: number;
  representativeTitle: string;
  representativeName: string;
  unusableReason?: string;
  /** 利用不可 (R-GATE-2): set this many days before the seeding day. */
  unusableDaysAgo?: number;
  /** 退会 (R-DEL-1): completed this many days before the seeding day (scripts/lib/demo-withdrawal.ts). */
  withdrawnDaysAgo?: number;
  /** 管轄の変更 (R-DEL-3): closed this many days before the seeding day, because this office gained jurisdiction. */
  closed?: { daysAgo: number; toOfficeCode: string };
  account?: { email: string; state: "active" | "pending" };
}

export const DEMO_ESTABLISHMENTS: DemoEstablishment[] = [
  {
    id: "demo-est-nikko-yuba",
    officeCode: "0910",
    serial: 1,
    status: "open",
    name: "株式会社日光ゆば工房",
    nameKana: "カブシキガイシャニッコウユバコウボウ",
    corporateBase12: "060001000101",
    postalCode: "321-1400",
    municipalityCode: "09206",
    address: "栃木県日光市本町9-9（架空）",
    phone: "0288-00-1001",
    industry: "09", // 食料品製造業
    employees: 42,
    representativeTitle: "代表取締役",
    representativeName: "湯波 守",
    account: { email: "saiyo@nikko-yuba.example.jp", state: "active" },
  },
  {
    id: "demo-est-kinugawa-hotel",
    officeCode: "0910",
    serial: 2,
    status: "open",
    name: "鬼怒川リバーサイドホテル株式会社",
    nameKana: "キヌガワリバーサイドホテルカブシキガイシャ",
    corporateBase12: "060001000202",
    postalCode: "321-2500",
    municipalityCode: "09206",
    address: "栃木県日光市鬼怒川温泉大原9-9（架空）",
    phone: "0288-00-1002",
    industry: "75", // 宿泊業
    employees: 120,
    representativeTitle: "代表取締役社長",
    representativeName: "川辺 翔",
    account: { email: "jinji@kinugawa-hotel.example.jp", state: "active" },
  },
  {
    id: "demo-est-imaichi-seiki",
    officeCode: "0910",
    serial: 3,
    status: "registered",
    name: "今市精機有限会社",
    nameKana: "イマイチセイキユウゲンガイシャ",
    corporateBase12: "060002000303",
    postalCode: "321-1200",
    municipalityCode: "09206",
    address: "栃木県日光市今市9-9（架空）",
    phone: "0288-00-1003",
    industry: "26", // 生産用機械器具製造業
    employees: 18,
    representativeTitle: "取締役",
    representativeName: "精密 工",
    account: { email: "office@imaichi-seiki.example.jp", state: "pending" },
  },
  {
    id: "demo-est-nikko-soba",
    officeCode: "0910",
    serial: 4,
    status: "registered",
    name: "そば処 日光庵",
    nameKana: "ソバドコロニッコウアン",
    corporateBase12: null,
    postalCode: "321-1400",
    municipalityCode: "09206",
    address: "栃木県日光市安川町9-9（架空）",
    phone: "0288-00-1004",
    industry: "76", // 飲食店
    employees: 5,
    representativeTitle: "店主",
    representativeName: "蕎麦 一",
  },
  {
    id: "demo-est-nikko-transport",
    officeCode: "0910",
    serial: 5,
    status: "unusable",
    name: "株式会社日光サンプル運輸",
    nameKana: "カブシキガイシャニッコウサンプルウンユ",
    corporateBase12: "060001000505",
    postalCode: "321-1200",
    municipalityCode: "09206",
    address: "栃木県日光市森友9-9（架空）",
    phone: "0288-00-1005",
    industry: "44", // 道路貨物運送業
    employees: 30,
    representativeTitle: "代表取締役",
    representativeName: "運送 走",
    unusableReason: "求職者情報の目的外利用が確認されたため（デモ）",
    unusableDaysAgo: 14,
    account: { email: "info@nikko-transport.example.jp", state: "active" },
  },
  {
    id: "demo-est-utsunomiya-gyoza",
    officeCode: "0901",
    serial: 1,
    status: "open",
    name: "宇都宮ぎょうざ食品株式会社",
    nameKana: "ウツノミヤギョウザショクヒンカブシキガイシャ",
    corporateBase12: "060001000606",
    postalCode: "320-0800",
    municipalityCode: "09201",
    address: "栃木県宇都宮市馬場通り9-9（架空）",
    phone: "028-000-1006",
    industry: "09", // 食料品製造業
    employees: 85,
    representativeTitle: "代表取締役",
    representativeName: "餃子 包",
    account: { email: "recruit@utsunomiya-gyoza.example.jp", state: "active" },
  },
];
