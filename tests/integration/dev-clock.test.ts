/**
 * The development clock page (/dev): what the browser test of it checked, through the Worker. Every journey that moves
 * the server's clock posts this form (tests/e2e/support.ts setServerClock), so its wiring is exercised there too.
 */
import { describe, expect, it } from "vitest";
import { fieldError, parse } from "../helpers/html";
import { postForm, workerFetch } from "../helpers/worker";

describe("開発用の時計 (/dev)", () => {
  it("fixes the clock at a JST time and shows it, refuses a bad time beside the field keeping it, and clears the clock", async () => {
    try {
      const fixed = await postForm("/dev", { intent: "set-clock", at: "2026-04-01T09:00" });
      expect([302, 303]).toContain(fixed.status);
      const page = await (await workerFetch("/dev")).text();
      expect(page).toContain("2026-04-01 09:00");
      expect(page).toContain("に固定中");

      const bad = await postForm("/dev", { intent: "set-clock", at: "2026-13-45T99:00" });
      expect(bad.status).toBe(400);
      const html = await bad.text();
      expect(fieldError(parse(html), "at")).toMatch(/日時/);
      expect(html).toContain('value="2026-13-45T99:00"');

      expect([302, 303]).toContain((await postForm("/dev", { intent: "clear-clock" })).status);
      const cleared = await (await workerFetch("/dev")).text();
      expect(cleared).toContain("（実際の時計）");
      expect(cleared).not.toContain("に固定中");
    } finally {
      await postForm("/dev", { intent: "clear-clock" });
    }
  });
});
