/**
 * Issue 13's demo establishments (R-DEL-1, R-DEL-3), each with its own login: one whose employer withdrew (退会) 10 days
 * before the seeding day — still restorable by ハローワーク日光 for 20 more days —, and one whose My Page ハローワーク日光
 * closed 3 days before because it moved into ハローワーク宇都宮's area. Signing in with either shows why it is refused;
 * 日光's officers see the 退会 and 管轄の変更 sections on their pages. The other demo establishments are untouched.
 */
import type { DemoEstablishment } from "./demo-data.ts";

export const WITHDRAWAL_ESTABLISHMENTS: DemoEstablishment[] = [
  {
    id: "demo-est-nikko-kanko",
    officeCode: "0910",
    serial: 10,
    status: "withdrawn",
    withdrawnDaysAgo: 10,
    name: "株式会社日光サンプル観光",
    nameKana: "カブシキガイシャニッコウサンプルカンコウ",
    corporateBase12: "060001001010",
    postalCode: "321-1400",
    municipalityCode: "09206",
    address: "栃木県日光市上鉢石町9-9（架空）",
    phone: "0288-00-1010",
    industry: "79", // その他の生活関連サービス業 (旅行業)
    employees: 12,
    representativeTitle: "代表取締役",
    representativeName: "観光 巡",
    account: { email: "soumu@nikko-kanko.example.jp", state: "active" },
  },
  {
    id: "demo-est-imaichi-kensetsu",
    officeCode: "0910",
    serial: 11,
    status: "closed",
    closed: { daysAgo: 3, toOfficeCode: "0901" },
    name: "有限会社今市サンプル建設",
    nameKana: "ユウゲンガイシャイマイチサンプルケンセツ",
    corporateBase12: "060002001111",
    // It moved into 宇都宮市 (ハローワーク宇都宮's area); the old office closed its My Page.
    postalCode: "320-0800",
    municipalityCode: "09201",
    address: "栃木県宇都宮市馬場通り8-8（架空）",
    phone: "028-000-1011",
    industry: "06", // 総合工事業
    employees: 9,
    representativeTitle: "取締役",
    representativeName: "建設 築",
    account: { email: "info@imaichi-kensetsu.example.jp", state: "active" },
  },
];
