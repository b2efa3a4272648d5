import { describe, expect, it } from "vitest";
import { error, provisionalPostingStatus, warning } from "../../app/rules/posting";

describe("R-OPEN-8, issue 10 #8: the 仮登録's 求人 at 本登録 (provisionalPostingStatus)", () => {
  const red = error("jobTitle", "required", "職種を入力してください。");
  const orange = warning("hours.overtime.monthlyAverageMinutes", "overtime", "確認してください。");

  it("R-OPEN-8, issue 10 #8: 申込み済み only when the 8th screen was reached and no red finding remains; orange ones do not hold it", () => {
    expect(provisionalPostingStatus({ draftStep: 8 }, [])).toBe("submitted");
    expect(provisionalPostingStatus({ draftStep: 8 }, [orange])).toBe("submitted");
    expect(provisionalPostingStatus({ draftStep: 8 }, [red, orange])).toBe("draft");
    expect(provisionalPostingStatus({ draftStep: 7 }, [])).toBe("draft");
    expect(provisionalPostingStatus({ draftStep: 1 }, [])).toBe("draft");
  });
});
