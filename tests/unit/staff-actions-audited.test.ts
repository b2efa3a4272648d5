/**
 * R-AUDIT-1 (issue 13): every staff action writes its audit row in the same D1 batch as the change — a static check over
 * the sources (a runtime walk through every staff form would cost far more test time than the budget allows; each
 * action's audit row is also asserted through the Worker by its own feature's tests). The table below names, for every
 * route under app/routes/staff* that has an action, the model functions it calls, and the audit codes they write:
 *  - the list of staff routes with an action is read from the sources: a new staff POST route fails here until it is
 *    added to the table (with its audited write);
 *  - each function is called by the route (its file, or a file of its route folder);
 *  - its body hands its statements to one batch (`.batch(`, or the module's batch runner) and builds the audit row
 *    there (auditStatement, or the module's helper that returns it), or — for a statement builder — the route puts it
 *    in its own `db.batch([...])`;
 *  - the module writes each code named.
 */
import { describe, expect, it } from "vitest";

const sources = import.meta.glob("../../app/{routes,models}/**/*.{ts,tsx}", { query: "?raw", import: "default", eager: true }) as Record<string, string>;
const source = (path: string) => {
  const found = sources[`../../app/${path}`];
  if (found === undefined) throw new Error(`no source app/${path}`);
  return found;
};

interface AuditedWrite {
  /** Module under app/ defining the function. */
  module: string;
  fn: string;
  /** Codes (or the code's template) written by the module. */
  codes: string[];
  /** A helper of the same module that builds the audit row (when the function does not call auditStatement itself). */
  auditVia?: string;
  /** A statement builder of another module that the function batches, which builds the audit row and writes the codes. */
  auditIn?: { module: string; fn: string; codes: string[] };
  /** The function returns statements; the route batches them. */
  batchedInRoute?: boolean;
}

/** Every staff route with an action (path under app/routes, a file or a route folder) and its audited writes. */
const STAFF_ACTIONS: Record<string, AuditedWrite[]> = {
  "staff.enrolment.tsx": [{ module: "models/staff-enrolment.server.ts", fn: "issueEnrolmentCode", codes: ["staff.enrolment_code.issue"] }],
  "staff.establishment-changes.$id.tsx": [
    { module: "models/establishment-change.server.ts", fn: "approveChangeRequest", codes: ["establishment.change.approve"] },
    { module: "models/establishment-change.server.ts", fn: "returnChangeRequest", codes: ["establishment.change.return"], auditVia: "changeReturnStatements" },
  ],
  "staff.establishments.$id.tsx": [{ module: "models/establishment.server.ts", fn: "registerLoginEmail", codes: ["account.email.register"] }],
  "staff.establishments.$id_.restriction": [{ module: "models/gates/restriction.server.ts", fn: "liftRestriction", codes: ["establishment.restriction-lift"] }],
  "staff.establishments.$id_.withdrawal": [{ module: "models/withdrawal.server.ts", fn: "restoreWithdrawal", codes: ["establishment.withdrawal-restore"] }],
  "staff.establishments.$id_.relocation": [{ module: "models/withdrawal.server.ts", fn: "relocateEstablishment", codes: ["establishment.relocate"] }],
  "staff.establishments.$id_.usability": [
    { module: "models/gates/usability.server.ts", fn: "setUnusable", codes: ["establishment.unusable"] },
    { module: "models/gates/usability.server.ts", fn: "restoreUsable", codes: ["establishment.restore"] },
  ],
  "staff.establishments.new.tsx": [{ module: "models/establishment.server.ts", fn: "registerEstablishment", codes: ["establishment.register"] }],
  "staff.images._index.tsx": [{ module: "models/images.server.ts", fn: "reviewImage", codes: ["image.approve", "image.reject"] }],
  "staff.minimum-wages": [
    { module: "models/minimum-wage.server.ts", fn: "recordRevision", codes: ["minimumWage.add", "minimumWage.correct", "minimumWage.withdraw"] },
  ],
  "staff.postings.$id": [
    { module: "models/posting/review.server.ts", fn: "acceptPosting", codes: ["posting.accept"] },
    { module: "models/posting/review.server.ts", fn: "acceptChange", codes: ["posting.change-accept"] },
    { module: "models/posting/review.server.ts", fn: "returnPosting", codes: ["posting.return", "posting.change-return"] },
    { module: "models/posting/extension.server.ts", fn: "decideExtension", codes: ["posting.extend", "posting.extension-refuse"] },
  ],
  "staff.provisional.$id": [{ module: "models/provisional.server.ts", fn: "completeProvisionalRegistration", codes: ["provisional.complete"] }],
  // 辞退 and 電話で受けた選考結果: `referral.${action}` with the EventAction "declined" / "phone".
  "staff.referrals.$id": [{ module: "models/selection-results.server.ts", fn: "registerResult", codes: ["`referral.${action}`", '"declined"', '"phone"'] }],
  "staff.seekers.$id": [
    { module: "models/seekers.server.ts", fn: "updateSeeker", codes: ["seeker.update"] },
    { module: "models/seeker-account.server.ts", fn: "registerSeekerLogin", codes: ["seeker.login.register", "seeker.login.change"] },
  ],
  // One shard: createReferral; the posting in another shard: the same statements written there (issue 14).
  "staff.seekers.$id_.refer": [
    {
      module: "models/cross-shard-referrals.server.ts",
      fn: "createReferralAcrossShards",
      codes: [],
      auditIn: { module: "models/referrals.server.ts", fn: "officerReferralStatements", codes: ["referral.create"] },
    },
  ],
  // The 紹介 in one database: createReferralAcrossShards calls it when the posting is in the seeker's shard.
  "#createReferral": [{ module: "models/referrals.server.ts", fn: "createReferral", codes: ["referral.create"], auditVia: "officerReferralStatements" }],
  "staff.seekers.new.tsx": [{ module: "models/seekers.server.ts", fn: "registerSeeker", codes: ["seeker.register"] }],
  "staff.login.tsx": [{ module: "models/staff.server.ts", fn: "recordStaffFailedTry", codes: ["staff.signin.locked"] }],
  "staff.login_.totp": [
    { module: "models/staff.server.ts", fn: "signInAuditStatement", codes: ["staff.signin"], batchedInRoute: true },
    { module: "models/second-factor.server.ts", fn: "staffSecondFactorLockStatements", codes: ["staff.signin.second-factor.locked"], batchedInRoute: true },
  ],
  "staff.logout.tsx": [{ module: "models/staff.server.ts", fn: "signOutAuditStatement", codes: ["staff.signout"], batchedInRoute: true }],
};

/** The route files and folders under app/routes/staff* whose modules export an action. */
function staffRoutesWithAction(): string[] {
  const found = new Set<string>();
  for (const [path, text] of Object.entries(sources)) {
    const m = /^\.\.\/\.\.\/app\/routes\/(staff[^/]*)(\/.*)?$/.exec(path);
    if (!m || !/export (async )?function action\b|export const action\b/.test(text)) continue;
    found.add(m[1]!);
  }
  return [...found].sort();
}

/** The route's own sources: its file, or every file of its folder. */
function routeSources(route: string): string {
  return Object.entries(sources)
    .filter(([path]) => path === `../../app/routes/${route}` || path.startsWith(`../../app/routes/${route}/`))
    .map(([, text]) => text)
    .join("\n");
}

/** The text of a top-level function of a module: from its declaration to the next top-level declaration. */
function functionBody(text: string, fn: string): string {
  const start = new RegExp(`^(export )?(async )?function ${fn}\\b`, "m").exec(text);
  if (!start) throw new Error(`no function ${fn}`);
  const rest = text.slice(start.index + 1);
  const end = /^(export |async function |function |const |interface |type )/m.exec(rest);
  return rest.slice(0, end ? end.index : undefined);
}

const BATCHED = /\.batch\(|\brun\(db, \[|runStatements\(db, \[/;

describe("R-AUDIT-1 issue 13: every staff action writes its audit row in the batch of its change", () => {
  it("R-AUDIT-1 issue 13: the table lists exactly the staff routes that have an action (a new one must be added with its audited write)", () => {
    expect(staffRoutesWithAction()).toEqual(
      Object.keys(STAFF_ACTIONS)
        .filter((route) => !route.startsWith("#"))
        .sort(),
    );
  });

  for (const [route, writes] of Object.entries(STAFF_ACTIONS)) {
    it(`R-AUDIT-1 issue 13: /${route.replace(/\.tsx$/, "")} — ${writes.map((w) => w.fn).join(", ")}`, () => {
      // "#name": a model function reached through another model function, not from a route of its own.
      const routeText = route.startsWith("#") ? source("models/cross-shard-referrals.server.ts") : routeSources(route);
      for (const write of writes) {
        const module = source(write.module);
        const body = functionBody(module, write.fn);
        expect(routeText, `${route} calls ${write.fn}`).toMatch(new RegExp(`\\b${write.fn}\\(`));
        for (const code of write.codes) expect(module, `${write.module} writes ${code}`).toContain(code);
        if (write.auditIn) {
          const builderModule = source(write.auditIn.module);
          expect(body, `${write.fn} hands its statements to one batch`).toMatch(BATCHED);
          expect(body, `${write.fn} batches ${write.auditIn.fn}`).toContain(`${write.auditIn.fn}(`);
          expect(functionBody(builderModule, write.auditIn.fn), `${write.auditIn.fn} builds its audit row`).toMatch(/auditStatement\(/);
          for (const code of write.auditIn.codes) expect(builderModule, `${write.auditIn.module} writes ${code}`).toContain(code);
          continue;
        }
        const audits = (text: string) => /auditStatement\(/.test(text);
        if (write.batchedInRoute) {
          expect(audits(body) || /AuditStatement\(/.test(body), `${write.fn} builds an audit row`).toBe(true);
          expect(routeText, `${route} batches ${write.fn}'s statements`).toMatch(BATCHED);
        } else {
          expect(body, `${write.fn} hands its statements to one batch`).toMatch(BATCHED);
          const auditing = write.auditVia ? functionBody(module, write.auditVia) : body;
          if (write.auditVia) expect(body, `${write.fn} batches ${write.auditVia}`).toContain(`${write.auditVia}(`);
          expect(audits(auditing), `${write.fn} builds its audit row with auditStatement`).toBe(true);
        }
      }
    });
  }

  it("R-AUDIT-1 issue 13: the function reader finds a body and stops at the next declaration (so the checks above can fail)", () => {
    const text = "export function a() {\n  return 1;\n}\n\nexport async function b() {\n  await db.batch([auditStatement(db)]);\n}\n";
    expect(functionBody(text, "a")).not.toContain("auditStatement");
    expect(functionBody(text, "b")).toMatch(BATCHED);
  });
});
