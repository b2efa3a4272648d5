/**
 * 必須 items of the 求人票 (R-JOB-1) as red findings, so that 一時保存 can keep an incomplete screen and 次へ進む /
 * 申込み stop on what is missing, with the message beside the field. Items whose absence another rule reports
 * (業務の変更の範囲, 転勤の可能性, 受動喫煙対策, 契約期間, 固定残業代…) are left to that rule.
 */
import { error, type Finding } from "./findings";
import { needsMonthlyWorkingDays } from "./minimum-wage";
import type { PostingContent } from "./types";

const blank = (value: string) => value.trim() === "";

export function checkRequired(c: PostingContent): Finding[] {
  const out: Finding[] = [];
  const need = (missing: boolean, field: string, message: string) => {
    if (missing) out.push(error(field, "required", message));
  };
  // 1 求人区分等
  need(c.category.onlineApplication === null, "category.onlineApplication", "オンライン自主応募の受付（可・否）を選択してください。");
  need(c.category.trialEmployment === null, "category.trialEmployment", "トライアル雇用併用の希望（あり・なし）を選択してください。");
  need(c.category.publication === null, "category.publication", "公開希望（1〜4）を選択してください。");
  // 2 事業所
  need(c.company.employeesTotal === null, "company.employeesTotal", "従業員数（企業全体）を入力してください。");
  need(c.company.employeesWorkplace === null, "company.employeesWorkplace", "従業員数（就業場所）を入力してください。");
  need(blank(c.company.businessDescription), "company.businessDescription", "事業内容を入力してください。");
  if (c.company.employeesTotal !== null && c.company.employeesWorkplace !== null && c.company.employeesWorkplace > c.company.employeesTotal) {
    out.push(error("company.employeesWorkplace", "company.employees-exceed", "就業場所の従業員数は、企業全体の従業員数以下にしてください。"));
  }
  if (c.company.employeesWorkplace !== null) {
    for (const [field, value, label] of [
      ["company.employeesFemale", c.company.employeesFemale, "うち女性"],
      ["company.employeesPartTime", c.company.employeesPartTime, "うちパート"],
    ] as const) {
      if (value !== null && value > c.company.employeesWorkplace) {
        out.push(error(field, "company.employees-exceed", `${label}の人数は、就業場所の従業員数以下にしてください。`));
      }
    }
  }
  // 3 仕事内容
  need(blank(c.jobTitle), "jobTitle", "職種を入力してください。");
  need(blank(c.jobDescription), "jobDescription", "仕事内容を入力してください。");
  need(c.employmentType === null, "employmentType", "雇用形態を選択してください。");
  need(
    c.employmentType === "正社員以外" && blank(c.employmentTypeName),
    "employmentTypeName",
    "正社員以外の場合は、雇用形態の名称（例：契約社員、パート労働者）を入力してください。",
  );
  need(c.dispatch === null, "dispatch", "派遣・請負等（派遣・請負ではない、派遣、紹介予定派遣、請負）を選択してください。");
  need(c.trialPeriod.present && c.trialPeriod.months === null, "trialPeriod.months", "試用期間の長さ（○か月）を入力してください。");
  if (!c.workplaceDetail.sameAsEstablishment) {
    need(blank(c.workplaceDetail.postalCode), "workplaceDetail.postalCode", "就業場所の郵便番号を入力してください。");
    need(c.workplace.prefectureCode === null, "workplace.prefectureCode", "就業場所の都道府県を選択してください。");
    need(blank(c.workplaceDetail.address), "workplaceDetail.address", "就業場所の住所を入力してください。");
  }
  need(c.workplaceDetail.carCommute === null, "workplaceDetail.carCommute", "マイカー通勤（可・不可）を選択してください。");
  need(c.education === null, "education", "学歴を選択してください（問わない場合は「不問」）。");
  need(c.experience === "必要" && blank(c.experienceDetail), "experienceDetail", "必要な経験の内容を入力してください。");
  need(c.licenses.requirement !== "不問" && blank(c.licenses.detail), "licenses.detail", "必要な免許・資格の名称を入力してください。");
  need(c.pcSkills.requirement !== "不問" && blank(c.pcSkills.detail), "pcSkills.detail", "必要なPCスキルの内容を入力してください。");
  // 4 賃金・手当
  need(c.wage.baseMin === null, "wage.baseMin", "基本給（下限額）を入力してください。");
  need(c.wage.form === "月給" && c.wage.monthlyWorkingDays === null, "wage.monthlyWorkingDays", "月給の場合は、月平均労働日数を入力してください。");
  need(
    needsMonthlyWorkingDays(c),
    "wage.monthlyWorkingDays",
    "日給・時間給で月額の手当（職務手当など）がある場合は、最低賃金の計算に使うため月平均労働日数を入力してください（年間休日数を入力した場合は不要です）。",
  );
  c.wage.allowances.forEach((a, i) => {
    need(blank(a.name) && a.amountYen !== null, `wage.allowances.${i}.name`, "手当の名称を入力してください。");
    need(!blank(a.name) && a.amountYen === null, `wage.allowances.${i}.amountYen`, "手当の金額（月額）を入力してください。");
  });
  need(c.commuting.kind === null, "commuting.kind", "通勤手当（なし、実費支給、定額）を選択してください。");
  need(c.commuting.kind === "定額" && c.commuting.monthlyYen === null, "commuting.monthlyYen", "定額の通勤手当の月額を入力してください。");
  need(blank(c.payTerms.closingDay), "payTerms.closingDay", "賃金締切日を入力してください（例：末日、20日）。");
  need(c.payTerms.paymentMonth === null, "payTerms.paymentMonth", "賃金支払日の月（当月・翌月）を選択してください。");
  need(blank(c.payTerms.paymentDay), "payTerms.paymentDay", "賃金支払日を入力してください（例：25日、末日）。");
  need(c.wage.bonus.present && blank(c.wage.bonus.description), "wage.bonus.description", "賞与の回数や金額などを入力してください（例：年2回・計2.0か月分）。");
  // 5 労働時間
  need(c.hours.shifts.length === 0, "hours.shifts.0.start", "就業時間（始業・終業の時刻）を入力してください。");
  need(c.hours.dailyMinutes === null, "hours.dailyMinutes", "1日の所定労働時間を入力してください。");
  need(c.hours.weeklyMinutes === null, "hours.weeklyMinutes", "1週間の所定労働時間を入力してください。");
  need(c.hours.fullTimeWeeklyMinutes === null, "hours.fullTimeWeeklyMinutes", "通常の労働者（フルタイム）の1週間の所定労働時間を入力してください。");
  need(c.hours.breakMinutes === null, "hours.breakMinutes", "休憩時間を入力してください（ない場合は0）。");
  need(c.hours.annualHolidays === null, "hours.annualHolidays", "年間休日数を入力してください。");
  need(blank(c.hours.holidaysText), "hours.holidaysText", "休日（例：土日祝）を入力してください。");
  need(c.hours.weeklyTwoDaysOff === null, "hours.weeklyTwoDaysOff", "週休二日制（毎週、その他、なし）を選択してください。");
  need(
    c.hours.overtime.present && c.hours.overtime.monthlyAverageMinutes === null,
    "hours.overtime.monthlyAverageMinutes",
    "時間外労働がある場合は、月平均の時間数を入力してください。",
  );
  // 6 保険・年金・定年等
  need(c.benefits.retirementAllowance.present === null, "benefits.retirementAllowance.present", "退職金制度（あり・なし）を選択してください。");
  need(c.retirement.present && c.retirement.age === null, "retirement.age", "定年年齢を入力してください。");
  need(c.benefits.reemployment.present === null, "benefits.reemployment.present", "再雇用制度（あり・なし）を選択してください。");
  need(c.benefits.workExtension.present === null, "benefits.workExtension.present", "勤務延長（あり・なし）を選択してください。");
  // 8 選考方法
  need(c.selection.hires === null, "selection.hires", "採用人数を入力してください。");
  const m = c.selection.methods;
  need(!m.documents && !m.interview && !m.writtenTest && !m.other, "selection.methods", "選考方法を1つ以上選択してください。");
  need(m.other && blank(c.selection.otherMethod), "selection.otherMethod", "その他の選考方法の内容を入力してください。");
  const n = c.selection.notifyBy;
  need(!n.post && !n.phone && !n.email && !n.mypage, "selection.notifyBy", "選考結果の通知方法を1つ以上選択してください。");
  const d = c.selection.documents;
  need(!d.referralLetter && !d.resume && !d.careerHistory && !d.other, "selection.documents", "応募書類等を1つ以上選択してください。");
  need(d.other && blank(c.selection.documentsOther), "selection.documentsOther", "その他の応募書類の名称を入力してください。");
  need(c.selection.sendMethod === null, "selection.sendMethod", "応募書類の送付方法を選択してください。");
  need(blank(c.selection.contact.name), "selection.contact.name", "担当者の氏名を入力してください。");
  need(blank(c.selection.contact.phone), "selection.contact.phone", "担当者の電話番号を入力してください。");
  return out;
}
