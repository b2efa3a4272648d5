/**
 * issue 13: who may sign in once a My Page ended (rules/sign-in.ts) — 退会 (R-DEL-1) and the closing by a relocation
 * (R-DEL-3) — and what the employer is told after a correct password; the texts of 退会 (rules/withdrawal.ts). Boundary
 * dates written out: withdrawn on 2026-11-01 → restorable through 2026-12-01 (day 30), erased from 2026-12-02.
 */
import { describe, expect, it } from "vitest";
import { decide } from "../../app/rules/capabilities";
import { lastRestorableOn } from "../../app/rules/retention";
import { closedMessage, decideSignIn, opensSession, refusalMessage, withdrawnMessage, type SignInAccount } from "../../app/rules/sign-in";
import { closedStatusLabel, relocatedNotice, withdrawalEffects, withdrawalRestoredNotice, withdrawnNotice } from "../../app/rules/withdrawal";

const NIKKO = { name: "ハローワーク日光", phone: "0288-22-0353" };
const UTSUNOMIYA = { name: "ハローワーク宇都宮", phone: "028-638-0369" };

function account(overrides: Partial<SignInAccount> = {}): SignInAccount {
  return {
    id: "a1",
    email: "saiyo@nikko-yuba.example.jp",
    emailNormalized: "saiyo@nikko-yuba.example.jp",
    passwordHash: "$argon2id$…",
    status: "active",
    isMain: true,
    establishmentId: "e1",
    establishmentStatus: "open",
    officeCode: "0910",
    officeName: NIKKO.name,
    officePhone: NIKKO.phone,
    provisionalId: null,
    ...overrides,
  };
}

describe("R-DEL-1, R-DEL-3 (issue 13): sign-in of a withdrawn or closed My Page", () => {
  it("R-DEL-1, R-DEL-3: withdrawn and closed My Pages are their own decisions, and neither opens a session", () => {
    expect(decideSignIn(account({ establishmentStatus: "withdrawn" }))).toEqual({ kind: "withdrawn" });
    expect(decideSignIn(account({ establishmentStatus: "closed" }))).toEqual({ kind: "closed" });
    expect(opensSession({ kind: "withdrawn" })).toBe(false);
    expect(opensSession({ kind: "closed" })).toBe(false);
    expect(opensSession({ kind: "unusable" })).toBe(false);
    expect(opensSession({ kind: "mypage" })).toBe(true);
    expect(opensSession({ kind: "provisional" })).toBe(true);
    // No password yet, or a disabled account: still the generic failure (nothing disclosed).
    expect(decideSignIn(account({ establishmentStatus: "withdrawn", passwordHash: null }))).toEqual({ kind: "refused" });
    expect(decideSignIn(account({ establishmentStatus: "closed", status: "disabled" }))).toEqual({ kind: "refused" });
    expect(refusalMessage(account({ establishmentStatus: "open" }), "2026-11-26")).toBeNull();
    expect(refusalMessage(account({ status: "disabled", establishmentStatus: "withdrawn" }), "2026-11-26")).toBeNull();
  });

  it("R-DEL-1: withdrawn on 2026-11-01 — on 2026-12-01 (day 30) the message gives the erasure date 2026年12月2日 and restoration until 2026年12月1日 at the office", () => {
    expect(lastRestorableOn("2026-11-01")).toBe("2026-12-01");
    const message = withdrawnMessage("2026-11-01", NIKKO, "2026-12-01");
    expect(message).toBe(
      "この求人者マイページは2026年11月1日に退会の手続きが完了しています。登録された情報は2026年12月2日以降に消去されます。2026年12月1日までは、事業主からの申出により、管轄のハローワーク日光（電話 0288-22-0353）が退会を取り消して復元できます。その後は、改めて求人者マイページを開設してください。",
    );
    expect(refusalMessage(account({ establishmentStatus: "withdrawn", endedOn: "2026-11-01" }), "2026-12-01")).toBe(message);
  });

  it("R-DEL-1: on 2026-12-02 (day 31, the job may not have run yet) the message no longer offers a restoration", () => {
    const message = withdrawnMessage("2026-11-01", NIKKO, "2026-12-02");
    expect(message).toContain("2026年11月1日に退会の手続きが完了しています");
    expect(message).toContain("改めて求人者マイページを開設してください");
    expect(message).not.toContain("復元");
  });

  it("R-DEL-3: a closed My Page names the new office (name and phone) and says to register there", () => {
    expect(closedMessage(UTSUNOMIYA)).toBe(
      "この事業所は所在地の変更によりハローワーク宇都宮の管轄となったため、この求人者マイページは閉鎖されました。ハローワーク宇都宮（電話 028-638-0369）で改めて事業所登録のうえ求人者マイページを開設してください。",
    );
    expect(refusalMessage(account({ establishmentStatus: "closed", endedOn: "2026-11-26", relocatedTo: UTSUNOMIYA }), "2026-11-26")).toBe(
      closedMessage(UTSUNOMIYA),
    );
    expect(closedStatusLabel("ハローワーク宇都宮")).toBe("閉鎖（管轄変更: ハローワーク宇都宮）");
  });
});

describe("R-DEL-1 (issue 13): the texts of 退会", () => {
  it("R-DEL-1: the confirmation screen on 2026-11-26 says postings stop today, sign-in stops, erasure from 2026年12月27日, restoration until 2026年12月26日 at the office", () => {
    const lines = withdrawalEffects("2026-11-26", NIKKO).join("\n");
    expect(lines).toContain("本日（2026年11月26日）で募集を停止します（求人無効日は本日です）");
    expect(lines).toContain("直ちにログアウトされ、ログインできなくなります");
    expect(lines).toContain("メッセージのやり取りは終了し");
    expect(lines).toContain("2026年12月27日以降に消去され");
    expect(lines).toContain("2026年12月26日までは、事業主からの申出により、管轄のハローワーク日光（電話 0288-22-0353）が退会を取り消して復元できます");
  });

  it("R-DEL-1, R-DEL-3: the mails give the erasure date and whom to ask; the relocation's names the new office", () => {
    const withdrawn = withdrawnNotice("2026-11-26", NIKKO);
    expect(withdrawn.title).toBe("求人者マイページの退会手続きが完了しました");
    expect(withdrawn.body).toContain("2026年12月27日以降に消去されます");
    expect(withdrawn.body).toContain("2026年12月26日までに、管轄のハローワーク日光（電話 0288-22-0353）にお申し出ください");
    expect(withdrawalRestoredNotice(NIKKO).body).toContain("停止したままです");
    const relocated = relocatedNotice("2026-11-26", UTSUNOMIYA);
    expect(relocated.body).toContain("ハローワーク宇都宮の管轄となったため");
    expect(relocated.body).toContain("ハローワーク宇都宮（電話 028-638-0369）で改めて事業所登録のうえ");
    expect(relocated.body).toContain("2026年12月27日以降に消去されます");
  });

  it("R-DEL-1: only the main account may withdraw, also while restricted (R-GATE-3)", () => {
    const facts = { hasValidPosting: false, hasOpenSelectionWindow: false, restricted: true, isMainAccount: true };
    expect(decide("withdraw", facts)).toEqual({ allowed: true });
    expect(decide("withdraw", { ...facts, isMainAccount: false })).toEqual({ allowed: false, reason: "主たるログインアカウントだけが利用できます。" });
  });
});
