/**
 * 直接リクエスト (R-SEARCH-2, issue 12): the pure rules at their boundaries — 9 sent: allowed with 1 left; 10 sent:
 * refused; one per seeker per posting; only a valid posting of the establishment that accepts オンライン自主応募 (可 and
 * 公開希望 1 or 2); only a seeker who published the profile and has a 求職者マイページ; R-GATE-1/3 through capabilities.
 */
import { describe, expect, it } from "vitest";
import {
  acceptsOnlineApplications,
  decideDirectRequest,
  REQUEST_MESSAGE_MAX,
  REQUESTS_PER_POSTING,
  remainingMessage,
  remainingRequests,
  type DirectRequestFacts,
} from "../../app/rules/direct-request";

const allowedFacts: DirectRequestFacts = {
  capability: { restricted: false, hasValidPosting: true, hasOpenSelectionWindow: false, isMainAccount: true },
  posting: { validToday: true, onlineApplication: true, publication: 1 },
  seeker: { publishProfile: true, hasMypage: true },
  sentForPosting: 0,
  alreadyRequested: false,
};

const facts = (over: Partial<DirectRequestFacts>): DirectRequestFacts => ({ ...allowedFacts, ...over });

describe("R-SEARCH-2 (issue 12): 直接リクエスト rules", () => {
  it("R-SEARCH-2: at most 10 per posting — 9 sent is allowed with 1 left after it, 10 sent is refused", () => {
    expect(REQUESTS_PER_POSTING).toBe(10);
    expect(decideDirectRequest(facts({ sentForPosting: 0 }))).toEqual({ ok: true, remainingAfter: 9 });
    expect(decideDirectRequest(facts({ sentForPosting: 9 }))).toEqual({ ok: true, remainingAfter: 0 });
    const refused = decideDirectRequest(facts({ sentForPosting: 10 }));
    expect(refused).toMatchObject({ ok: false, reason: "limit" });
    expect(refused.ok ? "" : refused.message).toContain("10件");
    expect(decideDirectRequest(facts({ sentForPosting: 11 }))).toMatchObject({ ok: false, reason: "limit" });
  });

  it("R-SEARCH-2: the remaining count — 10 − sent, never below 0, in Japanese", () => {
    expect(remainingRequests(0)).toBe(10);
    expect(remainingRequests(9)).toBe(1);
    expect(remainingRequests(10)).toBe(0);
    expect(remainingRequests(12)).toBe(0);
    expect(remainingMessage(1)).toBe("このリクエストはあと1件送れます。");
    expect(remainingMessage(10)).toBe("このリクエストはあと10件送れます。");
    expect(remainingMessage(0)).toBe("この求人のリクエストは上限の10件に達しました。");
  });

  it("R-SEARCH-2: one request per seeker per posting — a second is refused even below the limit", () => {
    const refused = decideDirectRequest(facts({ sentForPosting: 3, alreadyRequested: true }));
    expect(refused).toMatchObject({
      ok: false,
      reason: "duplicate",
      message: "この求職者には、この求人のリクエストをすでに送っています。リクエストは1人に1回だけ送れます。",
    });
  });

  it("R-SEARCH-2: the posting — another establishment's (not found), not valid today, not accepting オンライン自主応募", () => {
    expect(decideDirectRequest(facts({ posting: null }))).toMatchObject({ ok: false, reason: "posting-not-found" });
    expect(decideDirectRequest(facts({ posting: { validToday: false, onlineApplication: true, publication: 1 } }))).toMatchObject({
      ok: false,
      reason: "posting-invalid",
      message: "有効中の求人でないため、リクエストを送れません。",
    });
    const offline = decideDirectRequest(facts({ posting: { validToday: true, onlineApplication: false, publication: 1 } }));
    expect(offline).toMatchObject({ ok: false, reason: "posting-offline" });
    expect(offline.ok ? "" : offline.message).toContain("オンライン自主応募");
    expect(decideDirectRequest(facts({ posting: { validToday: true, onlineApplication: true, publication: 3 } }))).toMatchObject({ reason: "posting-offline" });
  });

  it("R-SEARCH-2: オンライン自主応募 is accepted with 可 and 公開希望 1 or 2 only (hellowork-domain §4.1)", () => {
    expect(acceptsOnlineApplications(true, 1)).toBe(true);
    expect(acceptsOnlineApplications(true, 2)).toBe(true);
    expect(acceptsOnlineApplications(true, 3)).toBe(false);
    expect(acceptsOnlineApplications(true, 4)).toBe(false);
    expect(acceptsOnlineApplications(false, 1)).toBe(false);
    expect(acceptsOnlineApplications(null, 1)).toBe(false);
  });

  it("R-SEARCH-2: the seeker — unknown or unpublished (one message, so an unpublished seeker is not revealed), no 求職者マイページ", () => {
    const unknown = decideDirectRequest(facts({ seeker: null }));
    const unpublished = decideDirectRequest(facts({ seeker: { publishProfile: false, hasMypage: true } }));
    expect(unknown).toMatchObject({ ok: false, reason: "seeker-unpublished" });
    expect(unpublished).toEqual(unknown);
    expect(decideDirectRequest(facts({ seeker: { publishProfile: true, hasMypage: false } }))).toMatchObject({
      ok: false,
      reason: "seeker-no-mypage",
      message: "この求職者は求職者マイページを開設していないため、リクエストを送れません。",
    });
  });

  it("R-SEARCH-2, R-GATE-3, R-GATE-1: a restricted employer, or one without a valid posting, is refused with the capability's reason", () => {
    const restricted = decideDirectRequest(facts({ capability: { ...allowedFacts.capability, restricted: true } }));
    expect(restricted).toMatchObject({ ok: false, reason: "capability" });
    expect(restricted.ok ? "" : restricted.message).toContain("利用が制限されています");
    const noPosting = decideDirectRequest(facts({ capability: { ...allowedFacts.capability, hasValidPosting: false } }));
    expect(noPosting.ok ? "" : noPosting.message).toContain("有効中の求人がない");
  });

  it("R-SEARCH-2: the message limit is 500 characters", () => {
    expect(REQUEST_MESSAGE_MAX).toBe(500);
  });
});
