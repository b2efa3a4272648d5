/**
 * Messages (R-MSG-1, R-REF-3, issue 12): the pure rules of rules/message.ts — who may send (each fact flipped, for the
 * employer and the seeker; the posting valid until today vs yesterday), the body's normalisation and limits
 * (lib/schemas/message), the fixed text of a 選考結果 sent as a message, and the seeker's mail wording.
 */
import { parseWithZod } from "@conform-to/zod/v4";
import { describe, expect, it } from "vitest";
import { messageSchema } from "../../app/lib/schemas/message";
import { mailTemplates } from "../../app/mail/templates";
import type { CapabilityFacts } from "../../app/rules/capabilities";
import { decideMessage, MESSAGE_MAX, normalizeMessageBody, resultMessageText, type MessageFacts } from "../../app/rules/message";
import type { PostingValidity } from "../../app/rules/referral";

const TODAY = "2026-11-26";
const capability: CapabilityFacts = { hasValidPosting: true, hasOpenSelectionWindow: true, restricted: false, isMainAccount: true };
const validPosting: PostingValidity = { status: "accepted", acceptedOn: "2026-11-01", validUntil: "2027-01-31", invalidatedOn: null };
const base: MessageFacts = {
  sender: "employer",
  today: TODAY,
  capability,
  establishment: "open",
  seekerHasMypage: true,
  seekerAccountActive: true,
  concerningPostings: [validPosting],
};
const facts = (over: Partial<MessageFacts>): MessageFacts => ({ ...base, ...over });
const reason = (f: MessageFacts) => {
  const d = decideMessage(f);
  return d.ok ? "ok" : d.reason;
};

describe("R-MSG-1 (issue 12): who may send a message", () => {
  it("R-MSG-1: allowed for both sides when the seeker has a 求職者マイページ and a valid posting concerns the seeker", () => {
    expect(decideMessage(base)).toEqual({ ok: true });
    expect(decideMessage(facts({ sender: "seeker" }))).toEqual({ ok: true });
  });

  it("R-MSG-1: each fact flipped refuses with a Japanese reason — no マイページ, no active account, no concerning posting", () => {
    for (const sender of ["employer", "seeker"] as const) {
      expect(reason(facts({ sender, seekerHasMypage: false }))).toBe("seeker-no-mypage");
      expect(reason(facts({ sender, seekerAccountActive: false }))).toBe("seeker-no-mypage");
      expect(reason(facts({ sender, concerningPostings: [] }))).toBe("no-concerning-posting");
    }
    const refused = decideMessage(facts({ concerningPostings: [] }));
    expect(refused.ok ? "" : refused.message).toContain("有効中でないため、メッセージを送れません");
    expect(decideMessage(facts({ seekerHasMypage: false }))).toMatchObject({
      message: "この求職者は求職者マイページを開設していないため、メッセージを送れません。",
    });
  });

  it("R-MSG-1 boundary: a posting valid until today (2026-11-26) allows; until yesterday (2026-11-25) refuses", () => {
    expect(reason(facts({ concerningPostings: [{ ...validPosting, validUntil: "2026-11-26" }] }))).toBe("ok");
    expect(reason(facts({ concerningPostings: [{ ...validPosting, validUntil: "2026-11-25" }] }))).toBe("no-concerning-posting");
    expect(reason(facts({ sender: "seeker", concerningPostings: [{ ...validPosting, validUntil: "2026-11-25" }] }))).toBe("no-concerning-posting");
  });

  it("R-MSG-1 boundary: 受理日 today allows, tomorrow refuses; 募集停止 from today (求人無効日 2026-11-26) refuses, from tomorrow allows", () => {
    expect(reason(facts({ concerningPostings: [{ ...validPosting, acceptedOn: "2026-11-26" }] }))).toBe("ok");
    expect(reason(facts({ concerningPostings: [{ ...validPosting, acceptedOn: "2026-11-27" }] }))).toBe("no-concerning-posting");
    expect(reason(facts({ concerningPostings: [{ ...validPosting, invalidatedOn: "2026-11-26" }] }))).toBe("no-concerning-posting");
    expect(reason(facts({ concerningPostings: [{ ...validPosting, invalidatedOn: "2026-11-27" }] }))).toBe("ok");
  });

  it("R-MSG-1: a stopped or expired posting never counts; one valid among invalid ones is enough", () => {
    const stopped: PostingValidity = { ...validPosting, status: "stopped", invalidatedOn: "2026-11-20" };
    const expired: PostingValidity = { ...validPosting, status: "expired", validUntil: "2026-10-31", invalidatedOn: "2026-11-01" };
    const draft: PostingValidity = { status: "draft", acceptedOn: null, validUntil: null, invalidatedOn: null };
    expect(reason(facts({ concerningPostings: [stopped, expired, draft] }))).toBe("no-concerning-posting");
    expect(reason(facts({ concerningPostings: [stopped, validPosting] }))).toBe("ok");
  });

  it("R-MSG-1, R-GATE-3: the restriction refuses the employer with its reason, but not the seeker's reply", () => {
    const restricted = facts({ capability: { ...capability, restricted: true } });
    const refused = decideMessage(restricted);
    expect(refused).toMatchObject({ ok: false, reason: "capability" });
    expect(refused.ok ? "" : refused.message).toContain("利用が制限されています");
    expect(decideMessage({ ...restricted, sender: "seeker" })).toEqual({ ok: true });
  });

  it("R-MSG-1, R-GATE-1: capability messages.send without a valid posting refuses the employer; absent facts refuse too", () => {
    expect(decideMessage(facts({ capability: { ...capability, hasValidPosting: false } }))).toMatchObject({ ok: false, reason: "capability" });
    expect(decideMessage(facts({ capability: undefined }))).toMatchObject({ ok: false, reason: "capability" });
    expect(decideMessage(facts({ sender: "seeker", capability: undefined }))).toEqual({ ok: true });
  });

  it("R-MSG-1, R-GATE-2: 利用不可 (and a closed My Page) refuses both sides, each with its own words", () => {
    expect(decideMessage(facts({ establishment: "unusable" }))).toMatchObject({ ok: false, reason: "unusable", message: expect.stringContaining("利用不可") });
    expect(decideMessage(facts({ sender: "seeker", establishment: "unusable" }))).toMatchObject({
      ok: false,
      reason: "unusable",
      message: "この事業所には、現在メッセージを送れません。ご登録のハローワークにお問い合わせください。",
    });
    expect(reason(facts({ establishment: "closed" }))).toBe("closed");
    expect(reason(facts({ sender: "seeker", establishment: "closed" }))).toBe("closed");
  });
});

describe("R-MSG-1 (issue 12): the message body", () => {
  const parse = (body: string | undefined) => {
    const form = new FormData();
    if (body !== undefined) form.set("body", body);
    return parseWithZod(form, { schema: messageSchema });
  };
  const errors = (body: string | undefined) => {
    const result = parse(body);
    return result.status === "error" ? result.error?.body : undefined;
  };

  it("R-MSG-1: invisible control characters and bidi overrides are removed; line breaks and tabs stay; trimmed", () => {
    expect(normalizeMessageBody("  こんにちは\r\n明日\t10時\u0000\u0007\u001b\u007f\u0085\u202e\u2066です。  ")).toBe("こんにちは\n明日\t10時です。");
    expect(normalizeMessageBody("ｶﾀｶﾅ ＡＢＣ１２３ 👨‍👩‍👧 葛󠄀城")).toBe("カタカナ ABC123 👨‍👩‍👧 葛󠄀城");
    expect(normalizeMessageBody("<b>太字</b> ' OR 1=1 --")).toBe("<b>太字</b> ' OR 1=1 --");
  });

  it("R-MSG-1: empty, blank or control-only bodies are refused in Japanese; 2000 characters pass, 2001 are refused", () => {
    for (const body of [undefined, "", "   \n\u3000", "\u0000\u0001"]) {
      expect(errors(body)).toEqual(["メッセージを入力してください。"]);
    }
    expect(MESSAGE_MAX).toBe(2000);
    const atLimit = parse("あ".repeat(2000));
    expect(atLimit.status === "success" && atLimit.value.body.length).toBe(2000);
    expect(parse("😀".repeat(2000)).status).toBe("success");
    expect(errors("あ".repeat(2001))).toEqual(["メッセージは2000文字以内で入力してください。"]);
  });
});

describe("R-REF-3 (issue 12): a 選考結果 sent as a message", () => {
  const result = { hireDate: null, jobNumber: "09100-00000001", jobTitle: "製造スタッフ", establishmentName: "株式会社日光ゆば工房" };

  it("R-REF-3: 採用 names the 雇用予定日; 不採用 says so; 選考中 and 辞退 have nothing to send", () => {
    const hired = resultMessageText({ ...result, status: "hired", hireDate: "2026-12-01" });
    expect(hired).toContain("採用と決定しました");
    expect(hired).toContain("雇用予定日：2026年12月1日");
    expect(hired).toContain("求人番号 09100-00000001（製造スタッフ）");
    const rejected = resultMessageText({ ...result, status: "rejected" });
    expect(rejected).toContain("採用を見送らせていただく");
    expect(rejected).not.toContain("雇用予定日");
    expect(resultMessageText({ ...result, status: "screening" })).toBeNull();
    expect(resultMessageText({ ...result, status: "declined" })).toBeNull();
  });
});

describe("R-MSG-1 (issue 12): mail to a seeker names the 求職者マイページ", () => {
  const ctx = { origin: "https://mypage.example.jp", fromAddress: "system@mail.example.jp" };

  it("R-MSG-1: the seeker's mails use the 求職者マイページ subject prefix and footer; the employer's keep 求人者マイページ", () => {
    for (const mail of [
      mailTemplates.messageToSeeker(ctx, {}),
      mailTemplates.directRequestNotice(ctx, {}),
      mailTemplates.loginCode(ctx, { code: "123456", expiresAt: 0, service: "求職者マイページ" }),
    ]) {
      expect(mail.subject.startsWith("【求職者マイページ】")).toBe(true);
      expect(mail.text).toContain("ハローワークインターネットサービス 求職者マイページ");
      expect(mail.text).not.toContain("求人者マイページ");
      expect(mail.html).not.toContain("求人者マイページ");
    }
    const employer = mailTemplates.messageToEmployer(ctx, {});
    expect(employer.subject).toBe("【求人者マイページ】求職者からメッセージが届きました");
    expect(employer.text.endsWith("ハローワークインターネットサービス 求人者マイページ")).toBe(true);
    expect(mailTemplates.loginCode(ctx, { code: "123456", expiresAt: 0 }).subject).toBe("【求人者マイページ】ログイン用ワンタイムパスワード");
  });
});
