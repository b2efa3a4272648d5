/**
 * R-AUDIT-1 (issue 13): every audit action written anywhere in app/ has a Japanese label (lib/audit-labels.ts), read
 * from the sources at test time — a new action without a label fails here; the officers' filter (lib/schemas/audit-filter)
 * reads dates, choices and texts as typed; the CSV encoder (lib/csv.ts) writes RFC 4180 with a BOM and CRLF and guards
 * against formulas; an entry's details read as label–value pairs with an erasure report's counts apart (lib/audit-view).
 */
import { describe, expect, it } from "vitest";
import { AUDIT_ACTION_LABELS, AUDIT_ACTIONS, auditActionLabel, ERASED_TABLE_LABELS, erasedTableLabel, isAuditAction } from "../../app/lib/audit-labels";
import { ERASURE_PLAN } from "../../app/models/erasure.server";
import { getTableName } from "drizzle-orm";
import { auditDetailsText, auditEntryView } from "../../app/lib/audit-view";
import { csvCell, csvDocument, csvRow } from "../../app/lib/csv";
import { AUDIT_FILTER_MESSAGES, parseAuditFilter } from "../../app/lib/schemas/audit-filter";
import { CAPABILITY_LABELS } from "../../app/rules/capabilities";

const sources = import.meta.glob("../../app/**/*.{ts,tsx}", { query: "?raw", import: "default", eager: true }) as Record<string, string>;

/** Dotted codes in string literals, e.g. "posting.accept" — the shape of every audit action. */
const CODE =
  /["'`]((?:account|directRequest|employer|establishment|image|message|messages|mypage|minimumWage|posting|provisional|referral|seeker|staff)\.[A-Za-z_.-]+)["'`]/g;

/** Dotted literals that are something else: a finding's code, a column in SQL, a route file's name. */
const OTHER_CODES = ["posting.duplicate", "messages.sent_on", "seeker.login_.verify"];

/** Codes that are not audit actions: capabilities (rules/capabilities), the jobs' names (`name: "…"` in app/jobs), OTHER_CODES. */
function notActions(): Set<string> {
  const names = new Set<string>([...Object.keys(CAPABILITY_LABELS), ...OTHER_CODES]);
  for (const [path, source] of Object.entries(sources)) {
    if (!path.includes("/app/jobs/")) continue;
    for (const m of source.matchAll(/name: "([^"]+)"/g)) names.add(m[1]!);
  }
  return names;
}

describe("R-AUDIT-1 issue 13: every audit action has a label", () => {
  it("R-AUDIT-1 issue 13: each action code written in app/ (literals, valueWhile, the referral and second-factor templates) has a Japanese label", () => {
    expect(Object.keys(sources).length).toBeGreaterThan(100);
    const skip = notActions();
    const found = new Set<string>();
    for (const source of Object.values(sources)) for (const m of source.matchAll(CODE)) if (!skip.has(m[1]!) || isAuditAction(m[1]!)) found.add(m[1]!);
    // Codes built from templates: `referral.${action}` (selection-results EventAction) and `${kind}.signin.second-factor.locked`.
    for (const action of ["result", "correction", "declined", "phone"]) found.add(`referral.${action}`);
    for (const kind of ["employer", "seeker"]) found.add(`${kind}.signin.second-factor.locked`);
    // The four of issue 13 (退会, 復元, 管轄変更, 消去), whichever branch writes them.
    for (const action of ["withdraw", "restore", "relocate", "erase"]) found.add(`establishment.${action}`);
    expect(found.size).toBeGreaterThan(60);
    const unlabelled = [...found].filter((code) => !isAuditAction(code) && !skip.has(code)).sort();
    expect(unlabelled).toEqual([]);
  });

  it("R-AUDIT-1 issue 13: the templates are still the ones listed above (a new template must be added to the test)", () => {
    const templates = Object.values(sources).flatMap((s) => [...s.matchAll(/action: (?:valueWhile\()?`([^`]*)`/g)].map((m) => m[1]));
    expect(templates.sort()).toEqual(["${kind}.signin.second-factor.locked", "referral.${action}"]);
  });

  it("R-AUDIT-1 issue 13: labels are Japanese and distinct; an unknown code shows as itself", () => {
    const labels = Object.values(AUDIT_ACTION_LABELS);
    expect(new Set(labels).size).toBe(labels.length);
    for (const label of labels) expect(label).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
    expect(AUDIT_ACTIONS).toContain("establishment.erase");
    expect(auditActionLabel("establishment.withdraw")).toBe("退会");
    expect(auditActionLabel("no.such-action")).toBe("no.such-action");
  });
});

describe("R-AUDIT-1 issue 13: the CSV encoder", () => {
  it("R-AUDIT-1 issue 13: RFC 4180 quoting — comma, double quote, CR and LF — and plain cells as they are", () => {
    expect(csvCell("事業所")).toBe("事業所");
    expect(csvCell("a,b")).toBe('"a,b"');
    expect(csvCell('彼は"はい"と')).toBe('"彼は""はい""と"');
    expect(csvCell("一行目\n二行目")).toBe('"一行目\n二行目"');
    expect(csvCell("a\rb")).toBe('"a\rb"');
    expect(csvCell(null)).toBe("");
    expect(csvCell(undefined)).toBe("");
    expect(csvCell(0)).toBe("0");
  });

  it("R-AUDIT-1 issue 13: a text starting with = + - @ (or a tab or CR) gets a leading ' — numbers we write stay numbers", () => {
    expect(csvCell('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"');
    expect(csvCell("+81")).toBe("'+81");
    expect(csvCell("-1+2")).toBe("'-1+2");
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvCell("\t=1")).toBe("'\t=1");
    expect(csvCell("a=1")).toBe("a=1");
    expect(csvCell(-5)).toBe("-5");
  });

  it("R-AUDIT-1 issue 13: a document is BOM + header + rows, each record ending in CRLF", () => {
    expect(csvRow(["a", "b,c"])).toBe('a,"b,c"\r\n');
    expect(csvDocument(["日時", "操作"], [["2026-11-30 10:00", "退会"]])).toBe("\uFEFF日時,操作\r\n2026-11-30 10:00,退会\r\n");
    expect(csvDocument(["h"], [])).toBe("\uFEFFh\r\n");
  });
});

describe("R-AUDIT-1 issue 13: the audit filter form", () => {
  const parse = (query: string) => parseAuditFilter(new URLSearchParams(query));

  it("R-AUDIT-1 issue 13: no filter is the whole office's log, page 1", () => {
    expect(parse("")).toMatchObject({ errors: {}, filters: {}, page: 1 });
  });

  it("R-AUDIT-1 issue 13: dates typed full-width or with / or 年月日 are read as JST dates; the range keeps them in the canonical query", () => {
    const parsed = parse(`from=${encodeURIComponent("２０２６／１１／１")}&to=${encodeURIComponent("2026年11月30日")}&page=2`);
    expect(parsed.errors).toEqual({});
    expect(parsed.filters).toEqual({ from: "2026-11-01", to: "2026-11-30" });
    expect(parsed.query.toString()).toBe("from=2026-11-01&to=2026-11-30");
    expect(parsed.page).toBe(2);
  });

  it("R-AUDIT-1 issue 13: from = to is one day; from after to, 2026-02-29 and 2026-13-01 are refused beside their field", () => {
    expect(parse("from=2026-11-30&to=2026-11-30").filters).toEqual({ from: "2026-11-30", to: "2026-11-30" });
    expect(parse("from=2026-12-01&to=2026-11-30")).toMatchObject({ filters: null, errors: { to: AUDIT_FILTER_MESSAGES.order } });
    expect(parse("from=2026-02-29").errors).toEqual({ from: AUDIT_FILTER_MESSAGES.from });
    expect(parse("to=2026-13-01").errors).toEqual({ to: AUDIT_FILTER_MESSAGES.to });
    expect(parse("from=yesterday").values.from).toBe("yesterday");
  });

  it("R-AUDIT-1 issue 13: 操作 must be a labelled action; 職員 an id; 事業所 at most 100 characters, full-width digits read as digits", () => {
    expect(parse("action=establishment.erase").filters).toEqual({ action: "establishment.erase" });
    expect(parse("action=drop.table").errors).toEqual({ action: AUDIT_FILTER_MESSAGES.action });
    expect(parse("staff=' OR 1=1 --").errors).toEqual({ staff: AUDIT_FILTER_MESSAGES.staff });
    expect(parse(`establishment=${encodeURIComponent("０９１０－０００００１－２")}`).filters).toEqual({ establishment: "0910-000001-2" });
    expect(parse(`establishment=${"あ".repeat(101)}`).errors).toEqual({ establishment: AUDIT_FILTER_MESSAGES.establishment });
  });
});

describe("R-AUDIT-1 issue 13: an entry as the page and the CSV show it", () => {
  const base = {
    at: Date.parse("2026-11-30T00:00:00+09:00"),
    actorType: "system",
    staffName: null,
    action: "establishment.erase",
    subjectType: "establishment",
    subjectId: "est-1",
    establishmentId: "est-1",
    establishmentName: null,
    establishmentNumber: null,
  };

  it("R-AUDIT-1 issue 13: an erasure report — システム, the erased id, the counts per table apart from the other details", () => {
    const view = auditEntryView({ ...base, details: JSON.stringify({ reason: "withdrawn", counts: { job_postings: 3, messages: 12 } }) });
    expect(view).toEqual({
      at: "2026-11-30 00:00",
      actor: "システム",
      action: "マイページの消去",
      target: "事業所ID est-1（消去済み）",
      details: [["理由", "withdrawn"]],
      counts: [
        ["job_postings", 3],
        ["messages", 12],
      ],
    });
    expect(auditDetailsText(view)).toBe("理由: withdrawn; 件数: job_postings=3, messages=12");
  });

  it("R-AUDIT-1 issue 13: an officer's action on a posting names the officer, the establishment and the posting; bad JSON does not throw", () => {
    const view = auditEntryView({
      ...base,
      actorType: "staff",
      staffName: "日光 太郎",
      action: "posting.accept",
      subjectType: "job_posting",
      subjectId: "p-1",
      establishmentName: "株式会社日光ゆば工房",
      establishmentNumber: "0910-000001-2",
      details: "{not json",
    });
    expect(view).toMatchObject({
      actor: "日光 太郎",
      action: "求人の受理",
      target: "株式会社日光ゆば工房（0910-000001-2）／求人 p-1",
      details: [["value", "{not json"]],
    });
  });
});

describe("R-DEL-4 issue 13: the erasure report's tables in Japanese", () => {
  it("R-DEL-4: every table the erasure counts (ERASURE_PLAN, its KV-key attempts, R2 objects and the establishment) has a label", () => {
    const counted = [...ERASURE_PLAN.map((step) => getTableName(step.table)), "auth_key_attempts", "r2", "establishments"];
    expect(counted.filter((table) => !Object.hasOwn(ERASED_TABLE_LABELS, table))).toEqual([]);
    expect(erasedTableLabel("referrals")).toBe("紹介・応募（referrals）");
    expect(erasedTableLabel("unknown_table")).toBe("unknown_table");
  });
});
