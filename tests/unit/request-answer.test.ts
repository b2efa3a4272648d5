/**
 * R-SEARCH-2 (issue 12): the seeker's answer to a 直接リクエスト (rules/request-answer.ts) — every state × answer × the
 * posting's state × an open referral, and the お知らせ texts (nothing about the seeker).
 */
import { describe, expect, it } from "vitest";
import type { DirectRequestStatus } from "../../app/rules/direct-request";
import { canApply, decideRequestAnswer, REQUEST_ANSWER_MESSAGES, requestAnswerNoticeText, seekerRequestStatusLabel } from "../../app/rules/request-answer";

const STATUSES: DirectRequestStatus[] = ["requested", "accepted", "declined", "expired"];

describe("R-SEARCH-2 (issue 12): answering a 直接リクエスト", () => {
  it("R-SEARCH-2: only a waiting request is answered, once; 応募する needs a posting taking applications and no open referral; 辞退する always while waiting", () => {
    const table: string[] = [];
    for (const status of STATUSES)
      for (const postingOpen of [true, false])
        for (const hasOpenReferral of [false, true])
          for (const answer of ["accept", "decline"] as const) {
            const d = decideRequestAnswer({ status, postingOpen, hasOpenReferral }, answer);
            table.push(`${status} ${postingOpen ? "open" : "closed"} ${hasOpenReferral ? "screening" : "-"} ${answer}: ${d.ok ? "ok" : d.reason}`);
          }
    expect(table.filter((row) => row.endsWith(": ok"))).toEqual([
      "requested open - accept: ok",
      "requested open - decline: ok",
      "requested open screening decline: ok",
      "requested closed - decline: ok",
      "requested closed screening decline: ok",
    ]);
    expect(decideRequestAnswer({ status: "requested", postingOpen: false, hasOpenReferral: false }, "accept")).toEqual({
      ok: false,
      reason: "posting-closed",
      message: REQUEST_ANSWER_MESSAGES["posting-closed"],
    });
    expect(decideRequestAnswer({ status: "requested", postingOpen: true, hasOpenReferral: true }, "accept")).toMatchObject({ reason: "already-screening" });
    expect(decideRequestAnswer({ status: "accepted", postingOpen: true, hasOpenReferral: false }, "decline")).toMatchObject({ reason: "answered" });
    expect(decideRequestAnswer({ status: "expired", postingOpen: true, hasOpenReferral: false }, "accept")).toMatchObject({ reason: "expired" });
    expect(canApply({ status: "requested", postingOpen: true, hasOpenReferral: false })).toBe(true);
    expect(canApply({ status: "declined", postingOpen: true, hasOpenReferral: false })).toBe(false);
  });

  it("R-SEARCH-2: the お知らせ to the employer names the 職種 and 求人番号 and the day", () => {
    const data = { jobTitle: "製造スタッフ", jobNumber: "09100-00000001", answeredOn: "2026年11月26日" };
    expect(requestAnswerNoticeText("accept", data).title).toBe("求職者からオンライン自主応募がありました");
    expect(requestAnswerNoticeText("accept", data).body).toContain(
      "「製造スタッフ」（求人番号 09100-00000001）にオンライン自主応募がありました（応募日 2026年11月26日）",
    );
    expect(requestAnswerNoticeText("decline", data)).toEqual({
      title: "直接リクエストが辞退されました",
      body: "「製造スタッフ」（求人番号 09100-00000001）の直接リクエストは、求職者が辞退しました（2026年11月26日）。",
    });
  });

  it("R-SEARCH-2: the seeker sees 未回答（募集終了） for a waiting request whose posting closed, on the list and the request page alike", () => {
    expect(seekerRequestStatusLabel({ status: "requested", postingOpen: true })).toBe("未回答");
    expect(seekerRequestStatusLabel({ status: "requested", postingOpen: false })).toBe("未回答（募集終了）");
    expect(seekerRequestStatusLabel({ status: "accepted", postingOpen: false })).toBe("応募済み");
  });
});
