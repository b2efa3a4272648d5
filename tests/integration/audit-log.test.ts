/**
 * R-AUDIT-1 (issue 13): the officers' 監査ログ at /staff/audit and its CSV at /staff/audit.csv, through the Worker. Only
 * the officer's office's entries, in the page and in the CSV; the filters — 事業所 (事業所番号, name, an erased
 * establishment's id; new rows by audit_log.establishment_id, older ones by their subject), 職員, 操作, 期間 with its JST
 * edges (00:00 of the first day to 24:00 of the last) —, 50 a page, newest first; the CSV's shape (BOM, CRLF, RFC 4180
 * quoting, the formula guard, the Japanese header); who may open them; and that an entry about a row that belongs to an
 * establishment is filed under it (utils/audit.server auditEstablishmentId). The audit log is never emptied between
 * tests (append-only): each test reads its own office, dates and markers.
 */
import { env } from "cloudflare:test";
import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { fixedClock } from "../../app/lib/clock";
import { auditStatement, type AuditEntry } from "../../app/utils/audit.server";
import { getDb, schema } from "../../app/utils/db.server";
import { checkAuthorisationMatrix, describeMatrixFailures } from "../helpers/authz";
import { NOW, nowClock, setWorkerNow } from "../helpers/clock";
import { createEmployerAccount, createEstablishment, createStaffAccount, signIn } from "../helpers/factories";
import { columnHeaders, fieldError, links, parse, textOf, type Doc } from "../helpers/html";
import { signedInSeeker } from "../helpers/seeker-auth";
import { signedInOfficer } from "../helpers/staff";
import { postForm, workerFetch } from "../helpers/worker";

const db = () => getDb(env);

/** Writes audit rows as the code does (auditStatement), each at its own instant. */
async function audit(...rows: [string, AuditEntry][]) {
  await db().batch(rows.map(([at, entry]) => auditStatement(db(), fixedClock(at), entry)) as never);
}

/** The list's rows: the audit id and the cells (日時, 操作者, 操作, 対象, 詳細). */
function entries(html: string | Doc): { id: string; cells: string[] }[] {
  return [...parse(html).querySelectorAll("tr[data-audit-id]")].map((tr) => ({ id: tr.getAttribute("data-audit-id")!, cells: [...tr.children].map(textOf) }));
}

async function page(query: string, cookie: string) {
  const res = await workerFetch(`/staff/audit${query}`, { cookie });
  expect(res.status, query).toBe(200);
  return parse(await res.text());
}

beforeEach(async () => {
  await setWorkerNow(NOW);
});

describe("R-AUDIT-1 issue 13: the officers' audit log", () => {
  it("R-AUDIT-1 issue 13: office scope, the filters (事業所 by number, name, erased id and old subject rows; 職員; 操作; 期間 with JST edges), paging and the CSV", async () => {
    const { staff: me, cookie } = await signedInOfficer("0910", nowClock(), { name: "日光 監査" });
    const colleague = await createStaffAccount("0910", { name: "日光 同僚" });
    const foreign = await signedInOfficer("0901", nowClock(), { name: "宇都宮 職員" });
    const yuba = await createEstablishment({ name: "株式会社監査ゆば", nameKana: "カブシキガイシャカンサユバ" });
    const other = await createEstablishment({ name: "有限会社べつの事業所", nameKana: "ユウゲンガイシャベツノジギョウショ" });
    const utsunomiya = await createEstablishment({ officeCode: "0901", name: "宇都宮の秘密商店", nameKana: "ウツノミヤノヒミツショウテン" });
    const account = await createEmployerAccount(yuba.id);
    const erasedId = crypto.randomUUID();
    const staffRow = (action: string, subjectId: string, details = {}): AuditEntry => ({
      actorType: "staff",
      actorId: me.id,
      action,
      subjectType: "establishment",
      subjectId,
      officeCode: "0910",
      details,
    });
    await audit(
      // 期間's edges: 2027-03-01 00:00 and 2027-03-31 23:59:59.999 JST are in March; the instants beside them are not.
      ["2027-02-28T23:59:59.999+09:00", staffRow("establishment.unusable", yuba.id, { reason: "二月末" })],
      ["2027-03-01T00:00:00.000+09:00", staffRow("establishment.unusable", yuba.id, { reason: "三月一日" })],
      ["2027-03-31T23:59:59.999+09:00", staffRow("establishment.restore", other.id, { reason: "三月末" })],
      ["2027-04-01T00:00:00.000+09:00", staffRow("establishment.restore", other.id, { reason: "四月一日" })],
      // A colleague's action on a posting of yuba: filed under yuba by the account it concerns (no establishmentId given).
      [
        "2027-03-10T09:00:00+09:00",
        { actorType: "employer", actorId: account.id, action: "employer.signout", subjectType: "employer_account", subjectId: account.id, officeCode: "0910" },
      ],
      ["2027-03-11T09:00:00+09:00", { ...staffRow("posting.accept", "p-1"), actorId: colleague.id, subjectType: "job_posting", establishmentId: yuba.id }],
      // A row written before issue 13: the establishment only as its subject.
      ["2027-03-12T09:00:00+09:00", { ...staffRow("establishment.change.approve", yuba.id), establishmentId: null }],
      // The erasure report of an establishment that is gone; a formula typed somewhere in the details.
      [
        "2027-03-13T00:05:00+09:00",
        {
          actorType: "system",
          action: "establishment.erase",
          subjectType: "establishment",
          subjectId: erasedId,
          officeCode: "0910",
          details: { reason: "withdrawn", counts: { job_postings: 3, messages: 12 }, comment: '=HYPERLINK("x"),"引用"' },
        },
      ],
      // Another office's rows: never shown to 日光.
      [
        "2027-03-14T09:00:00+09:00",
        { ...staffRow("establishment.unusable", utsunomiya.id, { reason: "宇都宮の秘密" }), actorId: foreign.staff.id, officeCode: "0901" },
      ],
      [
        "2027-03-15T09:00:00+09:00",
        { ...staffRow("establishment.unusable", yuba.id, { reason: "宇都宮の秘密" }), actorId: foreign.staff.id, officeCode: "0901" },
      ],
    );
    expect((await db().select().from(schema.auditLog).where(eq(schema.auditLog.action, "employer.signout")).all()).at(-1)?.establishmentId).toBe(yuba.id);

    // March 2027: the rows of the month in the office, newest first; columns 日時, 操作者, 操作, 対象, 詳細.
    const march = await page("?from=2027-03-01&to=2027-03-31", cookie);
    expect(columnHeaders(march).slice(0, 5)).toEqual(["日時", "操作者", "操作", "対象", "詳細"]);
    const rows = entries(march);
    expect(rows.map((r) => r.cells.slice(0, 3))).toEqual([
      ["2027-03-31 23:59", "日光 監査", "利用再開"],
      ["2027-03-13 00:05", "システム", "マイページの消去"],
      ["2027-03-12 09:00", "日光 監査", "事業所情報の変更の承認"],
      ["2027-03-11 09:00", "日光 同僚", "求人の受理"],
      ["2027-03-10 09:00", "事業主", "求人者のログアウト"],
      ["2027-03-01 00:00", "日光 監査", "利用不可"],
    ]);
    expect(textOf(march.body)).not.toContain("宇都宮の秘密");
    const erasure = march.querySelector(`tr[data-audit-id="${rows[1]!.id}"]`)!;
    expect(rows[1]!.cells[3]).toBe(`事業所ID ${erasedId}（消去済み）`);
    expect([...[...erasure.querySelector("table")!.children].find((c) => c.tagName === "TBODY")!.children].map((tr) => [...tr.children].map(textOf))).toEqual([
      ["求人（job_postings）", "3"],
      ["メッセージ（messages）", "12"],
    ]);
    expect(rows[3]!.cells[3]).toBe(`株式会社監査ゆば（${yuba.establishmentNumber}）／求人 p-1`);

    // 事業所: by 事業所番号 typed full-width, by part of the name, by the erased id; yuba's old subject row is found too.
    const wide = yuba.establishmentNumber!.replace(/[0-9-]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
    const byNumber = entries(await page(`?establishment=${encodeURIComponent(wide)}&from=2027-02-01&to=2027-04-30`, cookie));
    expect(byNumber.map((r) => r.cells[2])).toEqual(["事業所情報の変更の承認", "求人の受理", "求人者のログアウト", "利用不可", "利用不可"]);
    const byName = entries(await page(`?establishment=${encodeURIComponent("べつの")}&from=2027-02-01&to=2027-04-30`, cookie));
    expect(byName.map((r) => r.cells[0])).toEqual(["2027-04-01 00:00", "2027-03-31 23:59"]);
    expect(entries(await page(`?establishment=${erasedId}`, cookie)).map((r) => r.cells[2])).toEqual(["マイページの消去"]);
    // Another office's establishment is not found, even by its own number or name.
    expect(entries(await page(`?establishment=${encodeURIComponent(utsunomiya.establishmentNumber!)}`, cookie))).toEqual([]);

    // 職員 (the office's officers are the choices) and 操作.
    const byColleague = await page(`?staff=${colleague.id}`, cookie);
    expect(entries(byColleague).map((r) => r.cells[1])).toEqual(["日光 同僚"]);
    expect([...byColleague.querySelectorAll("select[name=staff] option")].map(textOf)).toEqual(["指定しない", "日光 同僚", "日光 監査"]);
    expect(entries(await page("?action=establishment.unusable&from=2027-01-01&to=2027-03-31", cookie)).map((r) => r.cells[0])).toEqual([
      "2027-03-01 00:00",
      "2027-02-28 23:59",
    ]);
    // Another office's officer is not a choice: refused beside the field like a bad date; so is a range that ends first.
    const foreignStaff = await page(`?staff=${foreign.staff.id}`, cookie);
    expect(fieldError(foreignStaff, "staff")).toBe("エラー：職員は、一覧から選んでください。");
    expect(entries(foreignStaff)).toEqual([]);
    const backwards = await page(`?from=${encodeURIComponent("２０２７／０３／３１")}&to=2027-03-01`, cookie);
    expect(fieldError(backwards, "to")).toBe("エラー：期間の終了日は、開始日と同じ日かそれより後の日付にしてください。");
    expect((backwards.querySelector("input[name=from]") as HTMLInputElement).getAttribute("value")).toBe("２０２７／０３／３１"); // as typed

    // The CSV of March: BOM, CRLF, the Japanese header, quoting and the formula guard; the same scope.
    const [, csvHref] = links(march, "CSVでダウンロード")[0]!;
    expect(csvHref).toBe("/staff/audit.csv?from=2027-03-01&to=2027-03-31");
    const csv = await workerFetch(csvHref, { cookie });
    expect(csv.status).toBe(200);
    expect(csv.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(csv.headers.get("Content-Disposition")).toMatch(/^attachment; filename="audit-log-\d{12}\.csv"$/);
    const bytes = new Uint8Array(await csv.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes.slice(3));
    const lines = text.split("\r\n");
    expect(lines[0]).toBe("日時,操作者,操作,操作コード,対象,事業所ID,詳細");
    expect(lines).toHaveLength(1 + 6 + 1); // header, six entries, "" after the last CRLF
    expect(text.replace(/\r\n/g, "")).not.toContain("\n");
    expect(lines[2]).toBe(
      `2027-03-13 00:05,システム,マイページの消去,establishment.erase,事業所ID ${erasedId}（消去済み）,${erasedId},"理由: withdrawn; コメント: =HYPERLINK(""x""),""引用""; 件数: job_postings=3, messages=12"`,
    );
    expect(text).not.toContain("宇都宮の秘密");
    // A cell that would start with = is guarded.
    await audit(["2027-03-20T09:00:00+09:00", { ...staffRow("establishment.unusable", "=1+1"), establishmentId: "=1+1" }]);
    const guarded = new TextDecoder().decode(await (await workerFetch("/staff/audit.csv?from=2027-03-20&to=2027-03-20", { cookie })).arrayBuffer());
    expect(guarded.split("\r\n")[1]).toBe("2027-03-20 09:00,日光 監査,利用不可,establishment.unusable,事業所ID =1+1（消去済み）,'=1+1,");
    // The other office's officer downloads only their own rows; a bad filter is a 400 in words.
    const theirs = new TextDecoder().decode(
      await (await workerFetch("/staff/audit.csv?from=2027-03-01&to=2027-03-31", { cookie: foreign.cookie })).arrayBuffer(),
    );
    expect(
      theirs
        .split("\r\n")
        .slice(1, -1)
        .map((l) => l.split(",")[2]),
    ).toEqual(["利用不可", "利用不可"]);
    expect(theirs).not.toContain("マイページの消去");
    const bad = await workerFetch("/staff/audit.csv?from=2027-02-30", { cookie });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain("実在する日付");
  });

  it("R-AUDIT-1 issue 13: 50 entries a page, newest first; the pager keeps the filters", async () => {
    const { staff, cookie } = await signedInOfficer("0910", nowClock(), { name: "日光 頁" });
    const start = Date.parse("2025-06-01T08:00:00+09:00");
    await audit(
      ...Array.from({ length: 55 }, (_, i): [string, AuditEntry] => [
        new Date(start + i * 60_000).toISOString(),
        {
          actorType: "staff",
          actorId: staff.id,
          action: "staff.signin",
          subjectType: "staff_account",
          subjectId: staff.id,
          officeCode: "0910",
          details: { n: i },
        },
      ]),
    );
    const first = await page("?from=2025-06-01&to=2025-06-01", cookie);
    expect(textOf(first.querySelector("#entries-title"))).toBe("記録（55件）");
    const rows = entries(first);
    expect(rows).toHaveLength(50);
    expect(rows[0]!.cells[0]).toBe("2025-06-01 08:54");
    expect(rows[49]!.cells[0]).toBe("2025-06-01 08:05");
    const next = links(first, "次")[0]![1];
    expect(next).toBe("/staff/audit?from=2025-06-01&to=2025-06-01&page=2");
    const second = entries(await page(next.replace("/staff/audit", ""), cookie));
    expect(second.map((r) => r.cells[0])).toEqual(["2025-06-01 08:04", "2025-06-01 08:03", "2025-06-01 08:02", "2025-06-01 08:01", "2025-06-01 08:00"]);
  });

  it("R-AUDIT-1 issue 13: an officer's 利用不可 through the Worker is in the log at once, found by the establishment's number, with the reason", async () => {
    const { cookie } = await signedInOfficer("0910", nowClock(), { name: "日光 実行" });
    const establishment = await createEstablishment({ name: "株式会社実書込", nameKana: "カブシキガイシャジツカキコミ" });
    const reason = "規約違反の確認（監査ログの試験）";
    const done = await postForm(`/staff/establishments/${establishment.id}/usability`, { intent: "unusable", reason }, cookie);
    expect(done.status).toBe(303);
    const rows = entries(await page(`?establishment=${establishment.establishmentNumber}`, cookie));
    expect(rows.map((r) => r.cells)).toEqual([
      ["2026-11-26 10:00", "日光 実行", "利用不可", `株式会社実書込（${establishment.establishmentNumber}）`, `理由${reason}`],
    ]);
  });

  it("R-AUDIT-1 issue 13: anonymous visitors sign in; employers' and seekers' sessions are sent to the officers' sign-in, never the log", async () => {
    const officer = await signedInOfficer("0910", nowClock());
    const establishment = await createEstablishment();
    const employer = await signIn("employer", (await createEmployerAccount(establishment.id)).id, nowClock());
    const seeker = await signedInSeeker({ email: "audit-seeker@example.jp" });
    await audit([
      NOW,
      {
        actorType: "staff",
        actorId: officer.staff.id,
        action: "establishment.unusable",
        subjectType: "establishment",
        subjectId: establishment.id,
        officeCode: "0910",
        details: { reason: "認可の秘密" },
      },
    ]);
    const failures = await checkAuthorisationMatrix(
      [{ name: "anonymous" }, { name: "officer", cookie: officer.cookie }],
      [
        // By the establishment: the audit log is never emptied between tests, and other files' rows dated later
        // (their fixed clocks) would push this one off the first page.
        { name: "page", path: `/staff/audit?establishment=${establishment.id}`, owners: ["officer"], secret: "認可の秘密" },
        { name: "csv", path: `/staff/audit.csv?establishment=${establishment.id}`, owners: ["officer"], secret: "認可の秘密" },
      ],
    );
    expect(describeMatrixFailures(failures)).toBe("");
    for (const cookie of [employer, seeker.cookie]) {
      for (const path of ["/staff/audit", "/staff/audit.csv"]) {
        const res = await workerFetch(path, { cookie });
        expect([302, 303], path).toContain(res.status);
        expect(res.headers.get("Location"), path).toMatch(/^\/staff\/login(\?|$)/);
        expect(await res.text()).not.toContain("認可の秘密");
      }
    }
  });
});
