/** The 求人's lifecycle rules (R-JOB-1…5, R-GATE-3) at their boundaries, with the dates written out. */
import { describe, expect, it } from "vitest";
import {
  advancesReached,
  asOf,
  isExpiredBy,
  canAccept,
  canCopyAsRenewal,
  canDecideExtension,
  canDeleteDraft,
  canDiscardChange,
  canEdit,
  canRequestExtension,
  canStop,
  capabilityFor,
  error,
  expiryInvalidatedOn,
  extensionOffer,
  isEditable,
  isReturned,
  listGroupOf,
  offersRenewal,
  queueKindOf,
  reachedStep,
  renewalDue,
  renewalWindowOf,
  resumeStep,
  reviewKind,
  stageOf,
  stepAccess,
  submissionOf,
  warning,
  type PostingState,
} from "../../app/rules/posting";

/** Accepted on 2026-11-26: valid to 2027-01-31 (the end of the month after next). */
function posting(patch: Partial<PostingState> = {}): PostingState {
  return {
    status: "accepted",
    changeStatus: null,
    extensionStatus: null,
    jobNumber: "09100-00000001",
    acceptedOn: "2026-11-26",
    validUntil: "2027-01-31",
    invalidatedOn: null,
    extended: false,
    draftStep: 8,
    ...patch,
  };
}

const draft = (patch: Partial<PostingState> = {}) => posting({ status: "draft", jobNumber: null, acceptedOn: null, validUntil: null, draftStep: 1, ...patch });

describe("where a posting is", () => {
  it("R-JOB-1/R-JOB-3: editable — a draft, a returned posting, an accepted one unless its 内容変更 is under review", () => {
    const cases: [Partial<PostingState>, boolean, "new" | "change" | null][] = [
      [{ status: "draft" }, true, "new"],
      [{ status: "returned" }, true, "new"],
      [{ status: "submitted" }, false, null],
      [{ status: "accepted" }, true, null],
      [{ status: "accepted", changeStatus: "draft" }, true, "change"],
      [{ status: "accepted", changeStatus: "returned" }, true, "change"],
      [{ status: "accepted", changeStatus: "submitted" }, false, null],
      [{ status: "stopped" }, false, null],
      [{ status: "expired" }, false, null],
    ];
    for (const [patch, editable, stage] of cases) {
      expect(isEditable(posting(patch)), JSON.stringify(patch)).toBe(editable);
      expect(canEdit(posting(patch)).allowed, JSON.stringify(patch)).toBe(editable);
      expect(stageOf(posting(patch)), JSON.stringify(patch)).toBe(stage);
    }
    expect(canEdit(posting({ status: "submitted" }))).toEqual({ allowed: false, because: "state", reason: "この求人は、今は修正できません。" });
  });

  it("R-JOB-2/R-JOB-3: what waits for review, and the 修正依頼 the employer has to answer", () => {
    expect(reviewKind(posting({ status: "submitted" }))).toBe("new");
    expect(reviewKind(posting({ changeStatus: "submitted" }))).toBe("change");
    expect(reviewKind(posting({ changeStatus: "draft" }))).toBeNull();
    expect(reviewKind(posting({ status: "returned" }))).toBeNull();
    expect(queueKindOf(posting({ status: "submitted" }))).toBe("new");
    expect(queueKindOf(posting({ changeStatus: "submitted", extensionStatus: "requested" }))).toBe("change");
    expect(queueKindOf(posting({ extensionStatus: "requested" }))).toBe("extension");
    expect(isReturned(posting({ status: "returned" }))).toBe(true);
    expect(isReturned(posting({ changeStatus: "returned" }))).toBe(true);
    expect(isReturned(posting({ changeStatus: "submitted" }))).toBe(false);
    // A stopped posting's old 修正依頼 of a change is not shown any more.
    expect(isReturned(posting({ status: "stopped", changeStatus: "returned" }))).toBe(false);
  });

  it("R-JOB-1: the list groups 作成中・申込み中, 有効中 and 無効", () => {
    expect((["draft", "submitted", "returned"] as const).map(listGroupOf)).toEqual(["working", "working", "working"]);
    expect(listGroupOf("accepted")).toBe("valid");
    expect((["stopped", "expired"] as const).map(listGroupOf)).toEqual(["invalid", "invalid"]);
  });

  it("R-JOB-4: the 求人無効日 of an expired posting is the day after its 紹介期限", () => {
    expect(expiryInvalidatedOn("2026-01-31")).toBe("2026-02-01");
    expect(expiryInvalidatedOn("2028-02-28")).toBe("2028-02-29");
    expect(expiryInvalidatedOn("2026-12-31")).toBe("2027-01-01");
  });
});

describe("R-GATE-3: the capability each action needs", () => {
  it("募集停止 needs postings.stop; 内容変更 and the extension postings.change; a new posting postings.apply", () => {
    const accepted = posting();
    const newDraft = draft();
    expect(capabilityFor("stop", accepted)).toBe("postings.stop");
    for (const intent of ["submit", "edit", "discardChange", "extension"] as const) expect(capabilityFor(intent, accepted), intent).toBe("postings.change");
    for (const intent of ["submit", "edit", "delete"] as const) expect(capabilityFor(intent, newDraft), intent).toBe("postings.apply");
    expect(capabilityFor("submit", posting({ status: "returned" }))).toBe("postings.apply");
  });
});

describe("the employer's actions", () => {
  it("R-JOB-1/R-JOB-3: 申込み of a draft or a returned posting; 内容変更の申込み only with a change in progress", () => {
    expect(submissionOf(draft())).toEqual({ allowed: true, kind: "new" });
    expect(submissionOf(posting({ status: "returned" }))).toEqual({ allowed: true, kind: "new" });
    expect(submissionOf(posting({ changeStatus: "draft" }))).toEqual({ allowed: true, kind: "change" });
    expect(submissionOf(posting({ changeStatus: "returned" }))).toEqual({ allowed: true, kind: "change" });
    expect(submissionOf(posting())).toEqual({ allowed: false, because: "state", reason: "変更された内容がありません。" });
    expect(submissionOf(posting({ changeStatus: "submitted" }))).toMatchObject({ allowed: false, reason: "内容変更はすでに申し込まれています。" });
    for (const status of ["submitted", "stopped"] as const) {
      expect(submissionOf(posting({ status })), status).toMatchObject({ allowed: false, reason: "この求人は申し込めない状態です。" });
    }
    // issue 10 #6: an expired posting says why (its 紹介期限 and 求人無効日).
    expect(submissionOf(posting({ status: "expired" }))).toMatchObject({
      allowed: false,
      reason: "この求人は紹介期限（2027年1月31日）を過ぎて無効になっています（求人無効日 2027年2月1日）。",
    });
  });

  it("R-JOB-3/R-JOB-4: a change in progress can be discarded, a draft deleted, an accepted posting stopped", () => {
    expect(canDiscardChange(posting({ changeStatus: "draft" })).allowed).toBe(true);
    expect(canDiscardChange(posting({ changeStatus: "returned" })).allowed).toBe(true);
    expect(canDiscardChange(posting({ changeStatus: "submitted" }))).toMatchObject({ allowed: false, reason: "取り消せる内容変更がありません。" });
    expect(canDiscardChange(posting()).allowed).toBe(false);
    expect(canDeleteDraft(draft()).allowed).toBe(true);
    expect(canDeleteDraft(posting({ status: "submitted" }))).toMatchObject({ allowed: false, reason: "申し込んだ求人は削除できません。" });
    expect(canStop(posting()).allowed).toBe(true);
    expect(canStop(posting({ status: "stopped" }))).toMatchObject({ allowed: false, reason: "有効中の求人だけ募集を停止できます。" });
  });
});

describe("R-JOB-2: 有効期間延長", () => {
  it("the employer may ask from the 受理日 to the 紹介期限 (2026-11-26 … 2027-01-31), once, while nothing is asked yet", () => {
    expect(canRequestExtension(posting(), "2026-11-26")).toEqual({ allowed: true });
    expect(canRequestExtension(posting(), "2027-01-31")).toEqual({ allowed: true });
    expect(canRequestExtension(posting(), "2026-11-25")).toMatchObject({
      allowed: false,
      because: "rule",
      reason: "有効中の求人ではないため、有効期間を延長できません。",
    });
    expect(canRequestExtension(posting(), "2027-02-01")).toMatchObject({ allowed: false, because: "rule" });
    expect(canRequestExtension(posting({ invalidatedOn: "2026-12-10" }), "2026-12-10")).toMatchObject({ allowed: false, because: "rule" });
    expect(canRequestExtension(posting({ extended: true }), "2026-12-01")).toMatchObject({
      allowed: false,
      reason: "有効期間の延長は1回限りです。この求人はすでに延長されています。",
    });
    expect(canRequestExtension(posting({ extensionStatus: "requested" }), "2026-12-01")).toEqual({
      allowed: false,
      because: "state",
      reason: "有効期間の延長はすでに申請中です。",
    });
    expect(canRequestExtension(draft(), "2026-12-01")).toMatchObject({ allowed: false, because: "state" });
  });

  it("the posting's page says whether it can be asked, and why not", () => {
    expect(extensionOffer(draft(), "2026-12-01")).toBeNull();
    expect(extensionOffer(posting({ status: "stopped" }), "2026-12-01")).toBeNull();
    expect(extensionOffer(posting(), "2027-01-31")).toEqual({ requested: false, allowed: true, reason: null });
    expect(extensionOffer(posting(), "2027-02-01")).toEqual({
      requested: false,
      allowed: false,
      reason: "有効中の求人ではないため、有効期間を延長できません。",
    });
    expect(extensionOffer(posting({ extensionStatus: "requested" }), "2026-12-01")).toEqual({
      requested: true,
      allowed: false,
      reason: "有効期間の延長はすでに申請中です。ハローワークの確認をお待ちください。",
    });
  });

  it("the officer decides a request: refusing always, approving while the posting is valid and not extended", () => {
    const requested = posting({ extensionStatus: "requested" });
    expect(canDecideExtension(requested, true, "2027-01-31")).toEqual({ allowed: true });
    expect(canDecideExtension(requested, true, "2027-02-01")).toMatchObject({ allowed: false, because: "rule" });
    expect(canDecideExtension(requested, false, "2027-02-01")).toEqual({ allowed: true });
    expect(canDecideExtension(posting({ extensionStatus: "approved" }), true, "2026-12-01")).toEqual({
      allowed: false,
      because: "state",
      reason: "延長の申請が見つかりません。",
    });
  });
});

describe("R-JOB-5: 更新求人", () => {
  it("the window opens 7 days before the 紹介期限 (2027-01-24 for 2027-01-31) and stays open after it", () => {
    expect(renewalWindowOf(posting(), "2027-01-23")).toEqual({
      allowed: false,
      reason: "更新求人は紹介期限（2027年1月31日）の7日前、2027年1月24日から申し込めます。",
    });
    expect(renewalWindowOf(posting(), "2027-01-24")).toEqual({ allowed: true });
    expect(renewalWindowOf(posting(), "2027-03-01")).toEqual({ allowed: true });
    expect(renewalWindowOf(draft(), "2027-01-24")).toBeNull();
    expect(canCopyAsRenewal(posting(), "2027-01-24")).toEqual({ allowed: true });
    expect(canCopyAsRenewal(posting(), "2027-01-23")).toMatchObject({ allowed: false, because: "rule" });
    expect(canCopyAsRenewal(draft(), "2027-01-24")).toEqual({ allowed: false, because: "state", reason: "受理された求人だけを更新求人にできます。" });
  });

  it("the posting's page offers it for an accepted or expired posting; the list marks a valid one up to its 紹介期限", () => {
    expect(offersRenewal(posting(), "2027-01-23")).toBe(false);
    expect(offersRenewal(posting(), "2027-01-24")).toBe(true);
    expect(offersRenewal(posting({ status: "expired", invalidatedOn: "2027-02-01" }), "2027-02-01")).toBe(true);
    expect(offersRenewal(posting({ status: "stopped", invalidatedOn: "2027-01-25" }), "2027-01-25")).toBe(false);
    expect(renewalDue(posting(), "2027-01-23")).toBe(false);
    expect(renewalDue(posting(), "2027-01-24")).toBe(true);
    expect(renewalDue(posting(), "2027-01-31")).toBe(true);
    expect(renewalDue(posting(), "2027-02-01")).toBe(false);
    expect(renewalDue(posting({ status: "expired" }), "2027-01-31")).toBe(false);
  });
});

describe("R-JOB-1: the wizard's screens", () => {
  it("a draft resumes at the screen it reached (1–8); a returned posting and a 内容変更 start at 1", () => {
    expect(reachedStep(draft({ draftStep: 0 }))).toBe(1);
    expect(reachedStep(draft({ draftStep: 9 }))).toBe(8);
    expect(resumeStep(draft({ draftStep: 4 }))).toBe(4);
    expect(resumeStep(posting({ status: "returned", draftStep: 8 }))).toBe(1);
    expect(resumeStep(posting({ draftStep: 8 }))).toBe(1);
  });

  it("a screen opens up to the one reached; beyond it, or no number, goes to the screen reached; a posting not editable goes to its page", () => {
    expect(stepAccess(draft({ draftStep: 3 }), 3)).toEqual({ open: true, step: 3 });
    expect(stepAccess(draft({ draftStep: 3 }), 1)).toEqual({ open: true, step: 1 });
    expect(stepAccess(draft({ draftStep: 3 }), 4)).toEqual({ open: false, redirect: "step", step: 3 });
    expect(stepAccess(draft({ draftStep: 3 }), null)).toEqual({ open: false, redirect: "step", step: 3 });
    expect(stepAccess(posting({ status: "submitted" }), 1)).toEqual({ open: false, redirect: "page" });
    expect(stepAccess(posting({ changeStatus: "submitted" }), 1)).toEqual({ open: false, redirect: "page" });
    expect(stepAccess(posting({ changeStatus: "draft" }), 8)).toEqual({ open: true, step: 8 });
  });

  it("次へ進む reaches the next screen the first time through, never beyond 8", () => {
    expect(advancesReached(draft({ draftStep: 3 }), 3)).toBe(true);
    expect(advancesReached(draft({ draftStep: 5 }), 3)).toBe(false);
    expect(advancesReached(draft({ draftStep: 8 }), 8)).toBe(false);
  });
});

describe("R-JOB-2: 受理", () => {
  it("is refused while a red finding remains; orange ones do not stop it", () => {
    expect(canAccept([])).toEqual({ allowed: true });
    expect(canAccept([warning("wage.baseMin", "minimum-wage.revision-ahead", "…")])).toEqual({ allowed: true });
    expect(canAccept([error("wage.baseMin", "minimum-wage.below", "…")])).toEqual({
      allowed: false,
      because: "rule",
      reason: "赤色のエラーが残っているため受理できません。内容を確認し、修正依頼をしてください。",
    });
  });
});

describe("R-JOB-4 (issue 10 #6): the state comes from the dates, whether or not the daily job has run", () => {
  /** 紹介期限 2026-02-28, stored as accepted (the job has not recorded the expiry). */
  const stored = posting({ acceptedOn: "2025-12-10", validUntil: "2026-02-28" });

  it("R-JOB-4 (issue 10 #6): on 2026-02-28 it is valid; from 2026-03-01 it is 期限切れ with 求人無効日 2026-03-01 (also read on 2026-03-03)", () => {
    expect(isExpiredBy(stored, "2026-02-28")).toBe(false);
    expect(asOf(stored, "2026-02-28")).toBe(stored);
    expect(isExpiredBy(stored, "2026-03-01")).toBe(true);
    for (const today of ["2026-03-01", "2026-03-03"]) {
      expect(asOf(stored, today)).toMatchObject({ status: "expired", invalidatedOn: "2026-03-01", validUntil: "2026-02-28" });
    }
    // What the job does to it is done here too: the 内容変更 ends (the published version again), a pending request is refused.
    const changing = {
      ...stored,
      changeStatus: "submitted" as const,
      extensionStatus: "requested" as const,
      content: "{working}",
      publishedContent: "{published}",
    };
    expect(asOf(changing, "2026-03-03")).toMatchObject({ changeStatus: null, extensionStatus: "refused", content: "{published}" });
    // Stopped or already expired postings keep what was recorded.
    const stopped = posting({ status: "stopped", validUntil: "2026-02-28", invalidatedOn: "2026-02-20" });
    expect(asOf(stopped, "2026-03-03")).toBe(stopped);
  });

  it("R-JOB-4 (issue 10 #6): 募集停止 on 2026-03-03 of a posting whose 紹介期限 was 2026-02-28 is refused: it expired on 2026-03-01", () => {
    expect(canStop(asOf(stored, "2026-02-28"))).toEqual({ allowed: true });
    expect(canStop(asOf(stored, "2026-03-03"))).toEqual({
      allowed: false,
      because: "state",
      reason: "この求人は紹介期限（2026年2月28日）を過ぎて無効になっています（求人無効日 2026年3月1日）。募集停止は必要ありません。",
    });
  });

  it("R-JOB-2/R-JOB-3 (issue 10 #6): after 2026-02-28 no extension, 内容変更 or its 申込み; the list puts it among the 無効", () => {
    const today = "2026-03-01";
    expect(canRequestExtension(asOf(stored, today), today)).toMatchObject({
      allowed: false,
      reason: expect.stringContaining("紹介期限（2026年2月28日）を過ぎて"),
    });
    expect(extensionOffer(asOf(stored, today), today)).toBeNull();
    expect(canDecideExtension(asOf({ ...stored, extensionStatus: "requested" }, today), true, today)).toMatchObject({
      allowed: false,
      reason: expect.stringContaining("紹介期限までに承認されなかった延長の申請は、不承認になります。"),
    });
    expect(canDecideExtension(asOf({ ...stored, extensionStatus: "requested" }, today), false, today)).toMatchObject({ allowed: false });
    expect(canEdit(asOf(stored, today))).toMatchObject({ allowed: false, reason: expect.stringContaining("求人無効日 2026年3月1日") });
    expect(submissionOf(asOf({ ...stored, changeStatus: "draft" }, today))).toMatchObject({ allowed: false, because: "state" });
    expect(reviewKind(asOf({ ...stored, changeStatus: "submitted" }, today))).toBeNull();
    expect(listGroupOf(asOf(stored, "2026-02-28").status)).toBe("valid");
    expect(listGroupOf(asOf(stored, today).status)).toBe("invalid");
    // The renewal (更新求人) stays open after the 紹介期限.
    expect(offersRenewal(asOf(stored, "2026-03-03"), "2026-03-03")).toBe(true);
  });
});
