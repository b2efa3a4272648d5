/**
 * R-AUDIT-1 (issue 13): the officers' 監査ログ filter (/staff/audit, and the same query on /staff/audit.csv) with naughty
 * strings in each query parameter: never a 5xx, never reflected unescaped; the CSV answers 200 or a 400 in words.
 */
import { describe, expect, it } from "vitest";
import { fuzzQuery, fuzzStrings, fuzzKey, replayHint, shownInput } from "../helpers/fuzz";
import { nowClock, NOW, setWorkerNow } from "../helpers/clock";
import { signedInOfficer } from "../helpers/staff";
import { workerFetch } from "../helpers/worker";

describe("監査ログ (R-AUDIT-1, issue 13)", () => {
  it("R-AUDIT-1 issue 13: naughty strings in the audit log's filter never cause a 5xx nor come back unescaped; the CSV answers 200 or 400", async () => {
    await setWorkerNow(NOW);
    const { cookie } = await signedInOfficer("0910", nowClock());
    const failures = await fuzzQuery({ path: "/staff/audit", fields: ["establishment", "staff", "from"], cookie });
    expect(failures, replayHint()).toEqual([]);
    for (const input of fuzzStrings({ key: fuzzKey("GET", "/staff/audit.csv", "establishment") })) {
      const res = await workerFetch(`/staff/audit.csv?${new URLSearchParams({ establishment: input })}`, { cookie });
      expect([200, 400], `${shownInput(input)} (${replayHint()})`).toContain(res.status);
      await res.body?.cancel();
    }
  });
});
