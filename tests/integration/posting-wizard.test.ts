/**
 * The 求人申込み wizard through the real Worker (R-JOB-1): a blank draft from 新しい求人を申し込む, 一時保存 and resuming,
 * red findings that stop 次へ進む with the message beside the field, orange ones that stop it once and pass when
 * acknowledged, no skipping ahead, another establishment's posting (404), the R-GATE-3 restriction (403, reason on the
 * page), 内容変更 of an accepted posting (R-JOB-3), 転用 and 更新求人 (R-JOB-5). The fuzzers are in tests/fuzz/postings.test.ts.
 */
import { env } from "cloudflare:test";
import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { fixedClock, manualClock } from "../../app/lib/clock";
import { stepFormValues } from "../../app/lib/schemas/posting";
import { parseContent } from "../../app/models/posting/content.server";
import { createDraft } from "../../app/models/posting/drafts.server";
import { acceptPosting } from "../../app/models/posting/review.server";
import { emptyPostingContent } from "../../app/rules/posting";
import { getDb, schema } from "../../app/utils/db.server";
import { setWorkerNow } from "../helpers/clock";
import { createStaffAccount, signIn } from "../helpers/factories";
import { openMyPage as openSharedMyPage, type MyPage, type OpenMyPageOptions } from "../helpers/mypage";
import { NOW, nowClock } from "../helpers/clock";
import { submitForReview, testMail } from "../helpers/postings";
import { draftOf, flatten, postingRow as row, SCREEN1, stepUrl } from "../helpers/postings";
import { postForm, workerFetch } from "../helpers/worker";
import { completePosting } from "../unit/posting-fixture";
import { withFlash } from "../helpers/flash";
import { controls, describedBy, fieldError, fieldWarning, parse, statusText, textOf } from "../helpers/html";

const db = () => getDb(env);
const jp = schema.jobPostings;

beforeEach(async () => {
  await setWorkerNow(NOW);
});

/** An open My Page under ハローワーク日光, its main account (an address of its own) signed in. */
const openMyPage = (options: OpenMyPageOptions = {}) => openSharedMyPage({ email: `${crypto.randomUUID().slice(0, 8)}@nikko-yuba.example.jp`, ...options });

async function html(path: string, cookie: string, status = 200): Promise<string> {
  const res = await workerFetch(path, { cookie });
  expect(res.status, path).toBe(status);
  return res.text();
}

/** The <input> elements of a field (one per radio). */
function inputs(page: string, name: string): Element[] {
  return controls(page, name).filter((c) => c.tagName === "INPUT");
}

/** The value the checked input of a field submits ("on" without a value attribute), or null when none is checked. */
function checkedValue(page: string, name: string): string | null {
  const input = inputs(page, name).find((i) => i.hasAttribute("checked"));
  return input ? (input.getAttribute("value") ?? "on") : null;
}

/** The text of the wizard's current screen in the list of screens (aria-current="step"). */
function currentStep(page: string): string {
  return textOf(parse(page).querySelector("[aria-current=step]"));
}

/** Screen 5 of completePosting() but with 9-hour days (orange: 法定労働時間 8時間 を超える). */
const SCREEN5_NINE_HOURS = {
  "hours.shifts[0].start": "08:00",
  "hours.shifts[0].end": "18:00",
  "hours.shifts[0].breakMinutes": "1:00",
  "hours.dailyMinutes": "9:00",
  "hours.weeklyMinutes": "36:00",
  "hours.fullTimeWeeklyMinutes": "40:00",
  "hours.breakMinutes": "1:00",
  "hours.variableSystem": "none",
  "hours.overtime.present": "false",
  "hours.annualHolidays": "140",
  "hours.holidaysText": "土日祝",
  "hours.weeklyDays": "4",
  "hours.weeklyTwoDaysOff": "毎週",
  "hours.paidLeaveDays": "10",
};

describe("新しい求人を申し込む (R-JOB-1)", () => {
  it("R-JOB-1: the page offers a blank 求人; POST intent=blank creates a draft and opens screen 1", async () => {
    const employer = await openMyPage();
    const page = await html("/mypage/postings/new", employer.cookie);
    expect(page).toContain("新しい求人を申し込む");
    expect(page).toContain('name="intent" value="blank"');

    const res = await postForm("/mypage/postings/new", { intent: "blank" }, employer.cookie);
    expect(res.status).toBe(303);
    const location = res.headers.get("Location")!;
    const id = /^\/mypage\/postings\/([^/]+)\/step\/1$/.exec(location)?.[1];
    expect(id).toBeTruthy();
    const draft = await row(id!);
    expect(draft).toMatchObject({ status: "draft", establishmentId: employer.establishment.id, officeCode: "0910", draftStep: 1 });
    // The 就業場所 starts in the establishment's prefecture.
    expect(parseContent(draft.content).workplace.prefectureCode).toBe("09");

    const screen = await html(location, employer.cookie);
    expect(screen).toContain("求人区分等情報");
    expect(currentStep(screen)).toContain("求人区分等情報");
    expect(screen).toContain("紹介期限は、受理日にかかわらず3月31日");
    expect(screen).toContain("労働時間情報");
  });
});

describe("the wizard's screens (R-JOB-1)", () => {
  it("R-JOB-1: 一時保存 on screen 1 saves the answers without advancing, and the screen resumes with them", async () => {
    const employer = await openMyPage();
    const draft = await draftOf(employer);
    const res = await postForm(stepUrl(draft.id, 1), { ...SCREEN1, intent: "save" }, employer.cookie);
    expect(res.status).toBe(303);
    expect(res.headers.get("Location")).toBe(`${stepUrl(draft.id, 1)}`);

    const stored = await row(draft.id);
    expect(parseContent(stored.content)).toMatchObject({
      universityGraduate: true,
      category: { onlineApplication: true, trialEmployment: false, disabilityPosting: false, publication: 2 },
    });
    expect(stored.draftStep).toBe(1);
    expect(stored.universityGraduate).toBe(true);

    const page = await html(`${stepUrl(draft.id, 1)}`, withFlash(employer.cookie, res));
    expect(statusText(page)).toMatch(/^一時保存しました/);
    expect(checkedValue(page, "category.publication")).toBe("2");
    expect(checkedValue(page, "category.onlineApplication")).toBe("true");
    expect(checkedValue(page, "category.trialEmployment")).toBe("false");
    expect(checkedValue(page, "universityGraduate")).toBe("on");
    expect(checkedValue(page, "category.disabilityPosting")).toBeNull();
    // Findings are not shown on a first view, only after 次へ進む.
    expect(page).not.toContain("data-findings");
  });

  it("R-JOB-1: a form error on 一時保存 answers 400 with the message beside the field and keeps what was typed", async () => {
    const employer = await openMyPage();
    const draft = await draftOf(employer, emptyPostingContent(), 2);
    const res = await postForm(
      stepUrl(draft.id, 2),
      { intent: "save", "company.employeesTotal": "20万", "company.businessDescription": "湯波の製造" },
      employer.cookie,
    );
    expect(res.status).toBe(400);
    const page = await res.text();
    expect(fieldError(page, "company.employeesTotal")).toMatch(/^エラー：従業員数（企業全体）は数字だけで入力してください/);
    expect(inputs(page, "company.employeesTotal")[0]?.getAttribute("value")).toBe("20万");
    expect(page).toContain("湯波の製造");
    // Nothing was saved.
    expect(parseContent((await row(draft.id)).content).company.businessDescription).toBe("");
  });

  it("R-JOB-1: 次へ進む on screen 3 without 職種 stays on the screen with the red message beside 職種 (400), and screen 4 is not reached", async () => {
    const employer = await openMyPage();
    const content = completePosting();
    const draft = await draftOf(employer, content, 3);
    const form = flatten(stepFormValues(3, content));
    const res = await postForm(stepUrl(draft.id, 3), { ...form, jobTitle: "", intent: "next" }, employer.cookie);
    expect(res.status).toBe(400);
    const page = await res.text();
    expect(fieldError(page, "jobTitle")).toBe("エラー：職種を入力してください。");
    expect(parse(page).querySelector('[data-findings="error"]')).not.toBeNull();
    expect(page).toContain('href="#posting-step-3-jobTitle"');
    // The input points at its message.
    expect(describedBy(inputs(page, "jobTitle")[0]!)).toContain("posting-step-3-jobTitle-error");
    expect(inputs(page, "jobTitle")[0]!.getAttribute("aria-invalid")).toBe("true");
    // The screen is saved (like 一時保存) but the next one is not reached.
    const stored = await row(draft.id);
    expect(parseContent(stored.content).jobTitle).toBe("");
    expect(stored.draftStep).toBe(3);
    expect((await workerFetch(stepUrl(draft.id, 4), { cookie: employer.cookie })).status).toBe(303);

    // With 職種 filled in, the screen passes and screen 4 is reached.
    const ok = await postForm(stepUrl(draft.id, 3), { ...form, intent: "next" }, employer.cookie);
    expect(ok.status).toBe(303);
    expect(ok.headers.get("Location")).toBe(stepUrl(draft.id, 4));
    expect((await row(draft.id)).draftStep).toBe(4);
  });

  it("R-JOB-1: an orange warning (1日9時間) stops 次へ進む once, beside its field, and passes when acknowledged", async () => {
    const employer = await openMyPage();
    const draft = await draftOf(employer, completePosting(), 5);
    const first = await postForm(stepUrl(draft.id, 5), { ...SCREEN5_NINE_HOURS, intent: "next" }, employer.cookie);
    expect(first.status).toBe(200);
    const page = await first.text();
    const warning = fieldWarning(page, "hours.dailyMinutes");
    expect(warning).toMatch(/^確認：1日の所定労働時間（9時間）が法定労働時間の8時間を超えています/);
    expect(parse(page).querySelector('[data-findings="warning"]')).not.toBeNull();
    expect(parse(page).querySelector('[data-findings="error"]')).toBeNull();
    expect(inputs(page, "acknowledged").map((i) => [i.getAttribute("type"), i.getAttribute("value")])).toEqual([
      ["hidden", "hours.dailyMinutes:labour.daily-over-8h"],
    ]);
    expect(describedBy(inputs(page, "hours.dailyMinutes")[0]!)).toContain("posting-step-5-hours.dailyMinutes-warning");
    // The typed values stay, and the content is saved.
    expect(inputs(page, "hours.dailyMinutes")[0]?.getAttribute("value")).toBe("9:00");
    expect(parseContent((await row(draft.id)).content).hours.dailyMinutes).toBe(540);
    expect((await row(draft.id)).draftStep).toBe(5);

    // Without the acknowledgement it stops again…
    const again = await postForm(stepUrl(draft.id, 5), { ...SCREEN5_NINE_HOURS, intent: "next" }, employer.cookie);
    expect(again.status).toBe(200);
    await again.body?.cancel();
    // …with it, it goes on to screen 6.
    const body = new URLSearchParams({ ...SCREEN5_NINE_HOURS, intent: "next" });
    body.append("acknowledged", "hours.dailyMinutes:labour.daily-over-8h");
    const passed = await workerFetch(stepUrl(draft.id, 5), {
      method: "POST",
      body,
      cookie: employer.cookie,
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
    });
    expect(passed.status).toBe(303);
    expect(passed.headers.get("Location")).toBe(stepUrl(draft.id, 6));
    expect((await row(draft.id)).draftStep).toBe(6);
  });

  it("R-JOB-1: screens cannot be skipped: a screen beyond the one reached redirects there (GET and POST); 次へ進む reaches the next one", async () => {
    const employer = await openMyPage();
    const draft = await draftOf(employer);
    for (const step of ["4", "9", "0", "x"]) {
      const res = await workerFetch(`/mypage/postings/${draft.id}/step/${step}`, { cookie: employer.cookie });
      expect(res.status, step).toBe(303);
      expect(res.headers.get("Location")).toBe(stepUrl(draft.id, 1));
    }
    const post = await postForm(stepUrl(draft.id, 4), { intent: "save", "wage.baseMin": "200000" }, employer.cookie);
    expect(post.status).toBe(303);
    expect(post.headers.get("Location")).toBe(stepUrl(draft.id, 1));
    expect(parseContent((await row(draft.id)).content).wage.baseMin).toBeNull();

    // Screen 1 lists the 8 screens; none ahead of it is a link yet.
    const page = await html(stepUrl(draft.id, 1), employer.cookie);
    expect(page).not.toContain(`href="${stepUrl(draft.id, 2)}"`);

    const next = await postForm(stepUrl(draft.id, 1), { ...SCREEN1, intent: "next" }, employer.cookie);
    expect(next.status).toBe(303);
    expect(next.headers.get("Location")).toBe(stepUrl(draft.id, 2));
    const screen2 = await html(stepUrl(draft.id, 2), employer.cookie);
    expect(screen2).toContain(`href="${stepUrl(draft.id, 1)}"`);
    expect(currentStep(screen2)).toContain("事業所情報");
    // Screen 2 shows the registered 事業所情報 read-only, with the way to change it.
    expect(screen2).toContain("栃木県日光市今市1-2-3");
    expect(screen2).toContain('href="/mypage/establishment"');

    // 戻る saves and goes back.
    const back = await postForm(stepUrl(draft.id, 2), { intent: "back", "company.employeesTotal": "30" }, employer.cookie);
    expect(back.status).toBe(303);
    expect(back.headers.get("Location")).toBe(stepUrl(draft.id, 1));
    expect(parseContent((await row(draft.id)).content).company.employeesTotal).toBe(30);
  });

  it("R-JOB-1: after screen 8, 確認へ進む opens the posting's page", async () => {
    const employer = await openMyPage();
    const content = completePosting();
    const draft = await draftOf(employer, content, 8);
    const page = await html(stepUrl(draft.id, 8), employer.cookie);
    expect(page).toContain("確認へ進む");
    const res = await postForm(stepUrl(draft.id, 8), { ...flatten(stepFormValues(8, content)), intent: "next" }, employer.cookie);
    expect(res.status).toBe(303);
    expect(res.headers.get("Location")).toBe(`/mypage/postings/${draft.id}`);
  });

  it("R-JOB-1: a posting that cannot be edited now (申込み済み) goes to its page", async () => {
    const employer = await openMyPage();
    const draft = await draftOf(employer, completePosting(), 8);
    expect(await submitForReview(db(), nowClock(), { establishmentId: employer.establishment.id }, draft.id)).toBe(true);
    const res = await workerFetch(stepUrl(draft.id, 1), { cookie: employer.cookie });
    expect(res.status).toBe(303);
    expect(res.headers.get("Location")).toBe(`/mypage/postings/${draft.id}`);
    const post = await postForm(stepUrl(draft.id, 1), { ...SCREEN1, intent: "save" }, employer.cookie);
    expect(post.status).toBe(303);
    expect(parseContent((await row(draft.id)).content).category.publication).toBe(1);
  });

  it("R-JOB-1: another establishment's posting is a 404 for the loader and the action, and is left untouched", async () => {
    const owner = await openMyPage();
    const other = await openMyPage();
    const draft = await draftOf(owner);
    expect((await workerFetch(stepUrl(draft.id, 1), { cookie: other.cookie })).status).toBe(404);
    const post = await postForm(stepUrl(draft.id, 1), { ...SCREEN1, intent: "save" }, other.cookie);
    expect(post.status).toBe(404);
    expect(parseContent((await row(draft.id)).content).category.publication).toBeNull();
    // Nor can it be copied.
    const copy = await postForm("/mypage/postings/new", { intent: "copy", sourceId: draft.id }, other.cookie);
    expect(copy.status).toBe(400);
    expect(await db().select().from(jp).where(eq(jp.establishmentId, other.establishment.id)).all()).toHaveLength(0);
    // Without a session, the wizard asks to sign in.
    expect((await workerFetch(stepUrl(draft.id, 1))).status).toBe(302);
  });
});

describe("R-GATE-3 restriction", () => {
  it("R-GATE-3: a restricted establishment sees the reason instead of the form, and every POST is refused with 403", async () => {
    const employer = await openMyPage({ restrictedAt: Date.parse(NOW) - 1000 });
    const draft = await draftOf(employer);

    const page = await html(stepUrl(draft.id, 1), employer.cookie);
    expect(page).toContain('data-refused="postings.apply"');
    expect(page).toContain("利用が制限されています");
    expect(page).not.toContain('name="intent"');

    const save = await postForm(stepUrl(draft.id, 1), { ...SCREEN1, intent: "save" }, employer.cookie);
    expect(save.status).toBe(403);
    expect(await save.text()).toContain("利用が制限されています");
    expect(parseContent((await row(draft.id)).content).category.publication).toBeNull();

    const newPage = await html("/mypage/postings/new", employer.cookie);
    expect(newPage).toContain('data-refused="postings.apply"');
    expect(newPage).not.toContain('value="blank"');
    const blank = await postForm("/mypage/postings/new", { intent: "blank" }, employer.cookie);
    expect(blank.status).toBe(403);
    const copy = await postForm("/mypage/postings/new", { intent: "copy", sourceId: draft.id }, employer.cookie);
    expect(copy.status).toBe(403);
    expect(await db().select().from(jp).where(eq(jp.establishmentId, employer.establishment.id)).all()).toHaveLength(1);
  });
});

/** A posting of the employer accepted on `acceptedOn` (JST) by an officer of 日光. */
async function acceptedPosting(employer: MyPage, acceptedOn: string) {
  const clock = manualClock(`${acceptedOn}T10:00:00+09:00`);
  const content = completePosting();
  const draft = await createDraft(db(), clock, employer.establishment, content, { draftStep: 8 });
  expect(await submitForReview(db(), clock, { establishmentId: employer.establishment.id }, draft.id)).toBe(true);
  const officer = await createStaffAccount("0910");
  const accepted = await acceptPosting(db(), clock, { staffId: officer.id, officeCode: "0910" }, draft.id, testMail());
  expect(accepted.ok).toBe(true);
  return { posting: await row(draft.id), content, validUntil: accepted.ok ? accepted.validUntil : "" };
}

describe("内容変更 and 転用 (R-JOB-3, R-JOB-5)", () => {
  it("R-JOB-3: the wizard on an accepted posting edits the working copy only; the published version stays", async () => {
    const employer = await openMyPage();
    const { posting } = await acceptedPosting(employer, "2026-11-02");
    const page = await html(stepUrl(posting.id, 3), employer.cookie);
    expect(page).toContain("data-change-note");
    expect(page).toContain("公開中の求人票は、変更の申込みがハローワークで受理されるまで");
    const form = flatten(stepFormValues(3, parseContent(posting.content)));
    const res = await postForm(stepUrl(posting.id, 3), { ...form, jobTitle: "ゆば製造スタッフ（経験者）", intent: "save" }, employer.cookie);
    expect(res.status).toBe(303);
    const stored = await row(posting.id);
    expect(stored.status).toBe("accepted");
    expect(stored.changeStatus).toBe("draft");
    expect(parseContent(stored.content).jobTitle).toBe("ゆば製造スタッフ（経験者）");
    expect(parseContent(stored.publishedContent).jobTitle).toBe(completePosting().jobTitle);
  });

  it("R-JOB-5: 転用 copies a posting into a new draft; 更新求人 is offered only from 7 days before its 紹介期限", async () => {
    const employer = await openMyPage();
    // Accepted 2026-11-02: 紹介期限 2027-01-31, renewal from 2027-01-24. Today (NOW) is 2026-11-26.
    const { posting, validUntil } = await acceptedPosting(employer, "2026-11-02");
    expect(validUntil).toBe("2027-01-31");

    const page = await html("/mypage/postings/new", employer.cookie);
    expect(page).toContain(`name="sourceId" value="${posting.id}"`);
    expect(page).toContain('value="copy"');
    expect(page).not.toContain('value="renewal"');
    const early = await postForm("/mypage/postings/new", { intent: "renewal", sourceId: posting.id }, employer.cookie);
    expect(early.status).toBe(400);
    expect(await early.text()).toContain("更新求人は紹介期限");

    const copy = await postForm("/mypage/postings/new", { intent: "copy", sourceId: posting.id }, employer.cookie);
    expect(copy.status).toBe(303);
    const copyId = /\/mypage\/postings\/([^/]+)\/step\/1$/.exec(copy.headers.get("Location")!)?.[1];
    const copied = await row(copyId!);
    expect(copied).toMatchObject({ status: "draft", sourcePostingId: posting.id, renewalOf: null, jobNumber: null });
    expect(parseContent(copied.content).jobTitle).toBe(completePosting().jobTitle);

    const renewalDay = "2027-01-24T09:00:00+09:00";
    await setWorkerNow(renewalDay);
    employer.cookie = await signIn("employer", employer.main.id, fixedClock(renewalDay));
    const later = await html("/mypage/postings/new", employer.cookie);
    expect(later).toContain('value="renewal"');
    expect(later).toContain("更新求人として転用");
    const renewal = await postForm("/mypage/postings/new", { intent: "renewal", sourceId: posting.id }, employer.cookie);
    expect(renewal.status).toBe(303);
    const renewalId = /\/mypage\/postings\/([^/]+)\/step\/1$/.exec(renewal.headers.get("Location")!)?.[1];
    expect(await row(renewalId!)).toMatchObject({ status: "draft", renewalOf: posting.id });
  });
});
