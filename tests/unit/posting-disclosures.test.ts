import { describe, expect, it } from "vitest";
import { checkDisclosures2024, type ContractPeriod } from "../../app/rules/posting";
import { codes, posting } from "./posting-fixture";

const fixed = (patch: Partial<Extract<ContractPeriod, { kind: "fixed" }>> = {}): ContractPeriod => ({
  kind: "fixed",
  months: 6,
  startDate: null,
  endDate: null,
  renewal: "automatic",
  renewalConditions: "",
  renewalCap: { present: true, totalYears: 5, renewalCount: null },
  ...patch,
});

describe("2024-04 disclosures and 受動喫煙対策 (R-JOB-1)", () => {
  it("R-JOB-1: a complete posting has nothing missing", () => {
    expect(checkDisclosures2024(posting())).toEqual([]);
    expect(checkDisclosures2024(posting({ contract: fixed() }))).toEqual([]);
  });

  it("R-JOB-1: 変更の範囲 of duties missing is red; written as 「変更範囲：…」 in 仕事内容 it is accepted", () => {
    const findings = checkDisclosures2024(posting({ dutiesChangeScope: " " }));
    expect(codes(findings)).toEqual(["error:disclosure.duties-change-scope-missing"]);
    expect(findings[0]!.field).toBe("dutiesChangeScope");
    expect(checkDisclosures2024(posting({ dutiesChangeScope: "", jobDescription: "製造業務\n変更範囲：会社の定める業務" }))).toEqual([]);
  });

  it("R-JOB-1: 就業場所の変更の範囲: 転勤の可能性 must be chosen, and the 転勤範囲 given when a transfer is possible", () => {
    expect(codes(checkDisclosures2024(posting({ workplace: { transferPossible: null } })))).toEqual(["error:disclosure.transfer-missing"]);
    expect(codes(checkDisclosures2024(posting({ workplace: { transferPossible: true, changeScope: "" } })))).toEqual([
      "error:disclosure.workplace-change-scope-missing",
    ]);
    expect(checkDisclosures2024(posting({ workplace: { transferPossible: true, changeScope: "本社及び県内の営業所" } }))).toEqual([]);
  });

  it("R-JOB-1: a fixed-term contract without the renewal rule is red", () => {
    const findings = checkDisclosures2024(posting({ contract: fixed({ renewal: null }) }));
    expect(codes(findings)).toEqual(["error:disclosure.renewal-missing"]);
    expect(findings[0]!.field).toBe("contract.renewal");
  });

  it("R-JOB-1: 条件付きで更新あり needs the conditions; a renewable contract needs the cap stated (有無, and its value)", () => {
    expect(codes(checkDisclosures2024(posting({ contract: fixed({ renewal: "conditional", renewalConditions: "" }) })))).toEqual([
      "error:disclosure.renewal-conditions-missing",
    ]);
    expect(codes(checkDisclosures2024(posting({ contract: fixed({ renewalCap: null }) })))).toEqual(["error:disclosure.renewal-cap-missing"]);
    expect(codes(checkDisclosures2024(posting({ contract: fixed({ renewalCap: { present: true, totalYears: null, renewalCount: null } }) })))).toEqual([
      "error:disclosure.renewal-cap-value-missing",
    ]);
    expect(checkDisclosures2024(posting({ contract: fixed({ renewalCap: { present: true, totalYears: null, renewalCount: 3 } }) }))).toEqual([]);
    expect(checkDisclosures2024(posting({ contract: fixed({ renewalCap: { present: false } }) }))).toEqual([]);
    // 更新なし: no renewal rule to state.
    expect(checkDisclosures2024(posting({ contract: fixed({ renewal: "none", renewalCap: null }) }))).toEqual([]);
  });

  it("R-JOB-1: a fixed-term contract needs its period", () => {
    expect(codes(checkDisclosures2024(posting({ contract: fixed({ months: null }) })))).toEqual(["error:disclosure.contract-period-missing"]);
    expect(checkDisclosures2024(posting({ contract: fixed({ months: null, startDate: "2026-04-01", endDate: "2027-03-31" }) }))).toEqual([]);
    expect(codes(checkDisclosures2024(posting({ contract: fixed({ months: null, startDate: "2026-04-01", endDate: "2026-03-31" }) })))).toEqual([
      "error:disclosure.contract-period-reversed",
    ]);
  });

  it("R-JOB-1: 受動喫煙対策 missing is red; その他 needs its 補足", () => {
    const findings = checkDisclosures2024(posting({ smoking: { measure: null, note: "" } }));
    expect(codes(findings)).toEqual(["error:disclosure.smoking-missing"]);
    expect(findings[0]!.field).toBe("smoking.measure");
    expect(codes(checkDisclosures2024(posting({ smoking: { measure: "その他", note: "" } })))).toEqual(["error:disclosure.smoking-note-missing"]);
    expect(checkDisclosures2024(posting({ smoking: { measure: "喫煙室設置", note: "" } }))).toEqual([]);
  });
});
