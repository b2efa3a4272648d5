/**
 * Demo 直接リクエスト and messages (issue 12) for the demo 求職者マイページ logins (demo-seeker-accounts.ts: 架空 花子
 * 09100-00000001 and 霧降 大輔 09100-00000002), relative to the seeding day like the other demo data:
 * - requests in every state: 未回答 (霧降クリーンサービス → 花子; 足尾サンプル製作所 → 大輔), 応募済み (宇都宮ぎょうざ食品 → 花子,
 *   with its オンライン自主応募 in 宇都宮ぎょうざ's 応募者管理 and the お知らせ), 辞退済み (足尾サンプル製作所 → 大輔, with the
 *   お知らせ);
 * - conversations: 宇都宮ぎょうざ ↔ 花子 (the employer's last message unread by the seeker), 霧降クリーン ↔ 花子 (the seeker's
 *   reply unread by the employer), 足尾サンプル製作所 ↔ 大輔 (answered, all read), and 日光サンプルケア ↔ 大輔 whose messages
 *   were sent 400 and 395 days before seeding: the daily job messages.erase (run it at /dev) erases them (R-MSG-3), the
 *   thread stays.
 * 株式会社日光ゆば工房's 製造スタッフ (demo-job-yuba-seizo: valid, オンライン自主応募 可, 公開希望 1) gets no request here, so
 * its 10 requests are all left for the journey employer → 求職情報検索 → 直接リクエスト → the seeker's 応募する.
 * No request or application touches the backlog counts of demo-referrals.ts (the application is 宇都宮ぎょうざ's, 2 days
 * old). All people and companies are fictional.
 */
import { jstDate } from "../../app/lib/clock.ts";
import type { directRequests, messages, messageThreads, notices, referralEvents, referrals } from "../../db/schema.ts";
import { DEMO_SEEKER_ACCOUNTS } from "./demo-seeker-accounts.ts";

const HOUR_MS = 3_600_000;

export type DirectRequestRow = typeof directRequests.$inferInsert;
export type ThreadRow = typeof messageThreads.$inferInsert;
export type MessageRow = typeof messages.$inferInsert;

/** The posting the journey uses: valid, オンライン自主応募 可, 公開希望 1, no demo request (10 left). */
export const JOURNEY_POSTING = { id: "demo-job-yuba-seizo", establishmentId: "demo-est-nikko-yuba", login: "saiyo@nikko-yuba.example.jp" } as const;

const HANAKO = DEMO_SEEKER_ACCOUNTS[0]!;
const DAISUKE = DEMO_SEEKER_ACCOUNTS[1]!;

interface RequestSpec {
  id: string;
  postingId: string;
  establishmentId: string;
  seeker: typeof HANAKO;
  status: "requested" | "accepted" | "declined";
  /** Hours before seeding. */
  sentHoursAgo: number;
  answeredHoursAgo?: number;
  message: string;
  jobTitle: string;
  jobNumberOf: string;
}

const REQUESTS: RequestSpec[] = [
  {
    id: "demo-request-clean-bill-hanako",
    postingId: "demo-job-clean-bill",
    establishmentId: "demo-est-kirifuri-clean",
    seeker: HANAKO,
    status: "requested",
    sentHoursAgo: 20,
    message: "施設清掃の正社員を募集しています。未経験の方も先輩と2人1組で始められます。ぜひご応募をご検討ください。",
    jobTitle: "施設清掃スタッフ（正社員）",
    jobNumberOf: "demo-job-clean-bill",
  },
  {
    id: "demo-request-gyoza-hanako",
    postingId: "demo-job-gyoza-seizo",
    establishmentId: "demo-est-utsunomiya-gyoza",
    seeker: HANAKO,
    status: "accepted",
    sentHoursAgo: 72,
    answeredHoursAgo: 48,
    message: "ぎょうざの製造ラインで働きませんか。製造のご経験を活かしていただけます。",
    jobTitle: "食品製造スタッフ",
    jobNumberOf: "demo-job-gyoza-seizo",
  },
  {
    id: "demo-request-ashio-nc-daisuke",
    postingId: "demo-job-ashio-nc",
    establishmentId: "demo-est-ashio-works",
    seeker: DAISUKE,
    status: "requested",
    sentHoursAgo: 30,
    message: "NC旋盤のオペレーターを募集しています。工場見学も受け付けています。",
    jobTitle: "製造オペレーター（金属加工）",
    jobNumberOf: "demo-job-ashio-nc",
  },
  {
    id: "demo-request-ashio-kensa-daisuke",
    postingId: "demo-job-ashio-kensa",
    establishmentId: "demo-est-ashio-works",
    seeker: DAISUKE,
    status: "declined",
    sentHoursAgo: 140,
    answeredHoursAgo: 120,
    message: "検査スタッフ（パート）のご応募をお待ちしています。",
    jobTitle: "検査スタッフ（パート）",
    jobNumberOf: "demo-job-ashio-kensa",
  },
];

interface ThreadSpec {
  id: string;
  establishmentId: string;
  seeker: typeof HANAKO;
  postingId: string;
  /** [who, hours before seeding, body, read by the other side?] */
  messages: ["employer" | "seeker", number, string, boolean][];
}

const OLD = 400 * 24;

const THREADS: ThreadSpec[] = [
  {
    // Unread by the seeker: the employer's last message.
    id: "demo-thread-gyoza-hanako",
    establishmentId: "demo-est-utsunomiya-gyoza",
    seeker: HANAKO,
    postingId: "demo-job-gyoza-seizo",
    messages: [
      ["seeker", 47, "オンラインで応募しました。どうぞよろしくお願いいたします。", true],
      ["employer", 5, "ご応募ありがとうございます。面接の日程について、来週の平日午前でご都合のよい日をお知らせください。", false],
    ],
  },
  {
    // Unread by the employer: the seeker's reply.
    id: "demo-thread-clean-hanako",
    establishmentId: "demo-est-kirifuri-clean",
    seeker: HANAKO,
    postingId: "demo-job-clean-bill",
    messages: [
      ["employer", 19, "直接リクエストをお送りしました。仕事内容について、ご質問があればお気軽にどうぞ。", true],
      ["seeker", 2, "ご連絡ありがとうございます。勤務地までマイカー通勤はできますか。", false],
    ],
  },
  {
    // Answered: every message read.
    id: "demo-thread-ashio-daisuke",
    establishmentId: "demo-est-ashio-works",
    seeker: DAISUKE,
    postingId: "demo-job-ashio-nc",
    messages: [
      ["employer", 29, "NC旋盤オペレーターの件で直接リクエストをお送りしました。", true],
      ["seeker", 26, "ありがとうございます。工場見学をお願いできますか。", true],
      ["employer", 24, "はい、平日の14時からご案内できます。ご希望の日をお知らせください。", true],
    ],
  },
  {
    // Older than one year: erased by messages.erase (R-MSG-3); the thread stays.
    id: "demo-thread-care-daisuke-old",
    establishmentId: "demo-est-nikko-care",
    seeker: DAISUKE,
    postingId: "demo-job-care-kaigo",
    messages: [
      ["employer", OLD, "以前の求人についてのご連絡です（このメッセージは1年を過ぎると消去されます）。", true],
      ["seeker", OLD - 5 * 24, "承知しました。ありがとうございました。", true],
    ],
  },
];

/** The rows scripts/seed.ts inserts (ON CONFLICT DO NOTHING: deterministic ids), on the day of `nowMs`. */
export function demoRequestMessageRows(
  nowMs: number,
  jobNumbers: ReadonlyMap<string, string>,
): {
  requests: DirectRequestRow[];
  referrals: (typeof referrals.$inferInsert)[];
  events: (typeof referralEvents.$inferInsert)[];
  notices: (typeof notices.$inferInsert)[];
  threads: ThreadRow[];
  messages: MessageRow[];
} {
  const today = jstDate(nowMs);
  const hoursAgo = (h: number) => nowMs - h * HOUR_MS;
  const out = { requests: [] as DirectRequestRow[], referrals: [] as (typeof referrals.$inferInsert)[], events: [] as (typeof referralEvents.$inferInsert)[] };
  const noticeRows: (typeof notices.$inferInsert)[] = [];
  for (const r of REQUESTS) {
    const answeredAt = r.answeredHoursAgo === undefined ? null : hoursAgo(r.answeredHoursAgo);
    out.requests.push({
      id: r.id,
      postingId: r.postingId,
      establishmentId: r.establishmentId,
      seekerId: r.seeker.seekerId,
      requestedBy: `${r.establishmentId}-main`,
      message: r.message,
      status: r.status,
      createdAt: hoursAgo(r.sentHoursAgo),
      answeredAt,
    });
    const jobNumber = jobNumbers.get(r.jobNumberOf) ?? "―";
    const answeredOn = answeredAt === null ? today : jstDate(answeredAt);
    if (r.status === "accepted") {
      const referralId = `demo-application-${r.id.slice("demo-request-".length)}`;
      out.referrals.push({
        id: referralId,
        seekerId: r.seeker.seekerId,
        postingId: r.postingId,
        establishmentId: r.establishmentId,
        channel: "application",
        officeCode: null,
        referredBy: null,
        referredOn: answeredOn,
        status: "screening",
        createdAt: answeredAt!,
        updatedAt: answeredAt!,
      });
      out.events.push({
        referralId,
        at: answeredAt!,
        actorType: "seeker",
        actorId: r.seeker.id,
        action: "referred",
        before: null,
        after: JSON.stringify({ status: "screening", referredOn: answeredOn, interviewAt: null }),
      });
      noticeRows.push({
        id: `${referralId}-notice`,
        establishmentId: r.establishmentId,
        title: "求職者からオンライン自主応募がありました",
        body: `直接リクエストを送った求職者から、「${r.jobTitle}」（求人番号 ${jobNumber}）にオンライン自主応募がありました。応募者の情報は応募者管理でご確認ください。選考の結果は、選考結果の登録からお知らせください。`,
        link: `/mypage/applicants/${referralId}`,
        createdAt: answeredAt!,
        readAt: null,
      });
    }
    if (r.status === "declined")
      noticeRows.push({
        id: `${r.id}-declined`,
        establishmentId: r.establishmentId,
        title: "直接リクエストが辞退されました",
        body: `「${r.jobTitle}」（求人番号 ${jobNumber}）の直接リクエストは、求職者が辞退しました。`,
        link: "/mypage/requests",
        createdAt: answeredAt!,
        readAt: answeredAt! + HOUR_MS,
      });
  }
  const threads: ThreadRow[] = [];
  const messageRows: MessageRow[] = [];
  for (const t of THREADS) {
    const times = t.messages.map(([, h]) => hoursAgo(h));
    threads.push({
      id: t.id,
      establishmentId: t.establishmentId,
      seekerId: t.seeker.seekerId,
      postingId: t.postingId,
      createdAt: times[0]!,
      lastMessageAt: times.at(-1)!,
      closedAt: null,
    });
    t.messages.forEach(([who, h, body, read], i) => {
      const sentAt = hoursAgo(h);
      messageRows.push({
        id: `${t.id}-${i + 1}`,
        threadId: t.id,
        establishmentId: t.establishmentId,
        seekerId: t.seeker.seekerId,
        senderType: who,
        senderId: who === "employer" ? `${t.establishmentId}-main` : t.seeker.id,
        kind: "text",
        referralId: null,
        body,
        sentAt,
        sentOn: jstDate(sentAt),
        readAt: read ? sentAt + HOUR_MS : null,
      });
    });
  }
  return { ...out, notices: noticeRows, threads, messages: messageRows };
}

export const DEMO_REQUEST_SPECS = REQUESTS;
export const DEMO_THREAD_SPECS = THREADS;
