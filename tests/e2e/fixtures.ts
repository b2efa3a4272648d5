/**
 * Playwright fixtures for the end-to-end tests: `test`/`expect` with an accessibility check of every
 * page a test visits. Specs import from here instead of "@playwright/test".
 *
 * How it works (automatic fixture `a11y`):
 * - Every navigation of the main frame (a new document — link, `page.goto`, a form POST without
 *   JavaScript, a redirect — or a client-side route change) queues an axe-core scan (WCAG 2.0/2.1
 *   A and AA). The scan waits for the document's `load`, then for the DOM to settle, then analyses.
 * - The test's next action waits for pending scans (a locator handler, which Playwright runs before
 *   every locator action and auto-waiting assertion, plus wrappers of `page.goto`/`reload`/`goBack`/
 *   `goForward`, `page.keyboard.*` and `page.mouse.*`), so the page cannot change under a scan.
 *   `page.goto` and `page.reload` also await the scan of the page they load.
 * - At the end of the test every queued scan is awaited; the test fails if any page had violations,
 *   listing the URL, the rule and the offending nodes.
 * - `checkA11y(page)` scans the current state explicitly (after a client-side change such as an
 *   opened dialog or an inline error); its violations are reported the same way.
 * - Pages opened later in the test's browser context (popups, `context.newPage()`) are watched too.
 * - A page state already scanned in this run (same URL, DOM, form values, JavaScript setting and viewport: the
 *   sign-in pages of every sign-in, a page visited again) is not analysed again: its earlier result, violations
 *   included, counts for it (E2E_A11Y_CACHE=0 analyses every page).
 * - Set E2E_A11Y_LOG=1 to list every scanned page (E2E_A11Y_DEBUG=1: every step, with timings). A page
 *   that could not be scanned (it navigated away on its own first) is printed as a warning and noted
 *   in the test's annotations.
 * - Pages without JavaScript (`test.use({ javaScriptEnabled: false })`) are scanned too: see
 *   NO_JS_TIMER_SHIM below.
 */
import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type Frame, type Page, type TestInfo } from "@playwright/test";
import { createHash } from "node:crypto";
import { createRequire } from "node:module";
import { e2eBaseUrl } from "../../scripts/lib/e2e-servers";

export { expect };

export const A11Y_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

/** How long the DOM must stay unchanged before a scan (client-side rendering, hydration). */
const QUIET_MS = 120;
/** Upper bound for waiting for the DOM to settle and for one scan. */
const SETTLE_MAX_MS = 3_000;
const SCAN_TIMEOUT_MS = 30_000;

/** The axe-core that @axe-core/playwright itself uses. */
const AXE_SOURCE = (createRequire(createRequire(import.meta.url).resolve("@axe-core/playwright"))("axe-core") as { source: string }).source;

/**
 * With JavaScript disabled (`javaScriptEnabled: false`) Chromium still evaluates the test's scripts
 * but never fires timers, and axe-core finishes each rule with `setTimeout(…, 0)`. No page script can
 * run in such a document, so short timers become microtasks (long ones — axe's own time limits —
 * never fire, as before). It is part of the injected axe source, so axe never runs without it.
 */
const NO_JS_TIMER_SHIM = `;(() => {
  if (window.__e2eTimerShim) return;
  window.__e2eTimerShim = true;
  let next = 1;
  const cancelled = new Set();
  window.setTimeout = function (fn, ms, ...args) {
    const id = next++;
    if (typeof fn === "function" && (!ms || ms <= 10)) {
      Promise.resolve().then(() => { if (!cancelled.delete(id)) fn(...args); });
    }
    return id;
  };
  window.clearTimeout = function (id) { cancelled.add(id); };
})();
`;

export interface A11yViolation {
  id: string;
  impact: string | null | undefined;
  help: string;
  helpUrl: string;
  targets: string[];
  summaries: string[];
}

export interface A11yScan {
  url: string;
  reason: string;
  violations: A11yViolation[];
}

function stripHash(url: string): string {
  const i = url.indexOf("#");
  return i === -1 ? url : url.slice(0, i);
}

function isContextGone(error: unknown): boolean {
  const message = error instanceof Error ? error.message : String(error);
  return /Execution context was destroyed|navigat|Target (page, context or browser )?(has been )?closed|Frame was detached|context or browser has been closed/i.test(
    message,
  );
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

const scanners = new WeakMap<Page, A11yScanner>();
/**
 * Violations found per page state (A11yScanner.stateKey), for every test of this worker process: a state met again is
 * not analysed again. E2E_A11Y_CACHE=0 analyses every page.
 */
const scanCache = new Map<string, A11yViolation[]>();
const CACHE = process.env.E2E_A11Y_CACHE !== "0";
const DEBUG = !!process.env.E2E_A11Y_DEBUG;
const t0 = Date.now();
function debug(...args: unknown[]) {
  if (DEBUG) console.log(`[a11y ${Date.now() - t0}ms]`, ...args);
}

export class A11yScanner {
  readonly scans: A11yScan[] = [];
  /** Pages that navigated away on their own before their scan (a warning, not a failure). */
  readonly skipped: { url: string; reason: string }[] = [];
  readonly errors: string[] = [];
  private queue: Promise<void> = Promise.resolve();
  private pending = 0;
  private lastNavigatedUrl: string | null = null;
  /** The queued or started scan that has not begun analysing yet. */
  private waiting: { url: string } | null = null;

  readonly page: Page;
  private readonly testInfo: TestInfo;
  /** Without JavaScript the DOM cannot change after load, so there is nothing to settle. */
  private readonly javaScriptEnabled: boolean;

  constructor(page: Page, testInfo: TestInfo, javaScriptEnabled: boolean) {
    this.page = page;
    this.testInfo = testInfo;
    this.javaScriptEnabled = javaScriptEnabled;
  }

  async install(): Promise<void> {
    const { page } = this;
    scanners.set(page, this);

    page.on("framenavigated", (frame: Frame) => {
      if (frame !== page.mainFrame()) return;
      const url = frame.url();
      const previous = this.lastNavigatedUrl;
      this.lastNavigatedUrl = url;
      if (!/^https?:/.test(url)) return;
      // A jump to an anchor on the same page (e.g. the skip link) is not a new page.
      if (previous !== null && previous !== url && stripHash(previous) === stripHash(url)) return;
      // Several events for one page (history.replaceState during hydration): a scan that has not
      // started analysing yet will see the latest state anyway.
      if (this.waiting?.url === url) return;
      debug("framenavigated", url);
      void this.enqueue(url, "navigation");
    });

    // The test's actions wait for pending scans, so that a click or a form submission cannot swap the
    // document out from under axe (or change it half-way through a scan):
    // - locator actions (click, fill, press, check, selectOption, …) and auto-waiting assertions, through
    //   a locator handler on <html>, which Playwright runs before each of them (not with `force: true`);
    // - page.goto/reload/goBack/goForward, page.keyboard.* and page.mouse.*, through wrappers below.
    //   `goto` and `reload` also await the scan of the page they load.
    // These take effect at once (the handler is registered just after), so a page opened during the
    // test is watched from its first navigation.
    const wrap = <T extends object, K extends keyof T>(target: T, names: K[], after = false) => {
      for (const name of names) {
        const original = target[name];
        if (typeof original !== "function") continue;
        const bound = (original as (...args: unknown[]) => Promise<unknown>).bind(target);
        (target as Record<K, unknown>)[name] = async (...args: unknown[]) => {
          await this.idle();
          const result = await bound(...args);
          if (after) await this.idle();
          return result;
        };
      }
    };
    wrap(page, ["goto", "reload"], true);
    wrap(page, ["goBack", "goForward"]);
    wrap(page.keyboard, ["down", "up", "press", "type", "insertText"]);
    wrap(page.mouse, ["click", "dblclick", "down", "up", "move", "wheel"]);
    await page.addLocatorHandler(
      page.locator("html"),
      async () => {
        await withTimeout(this.idle(), SCAN_TIMEOUT_MS * 2, "pending accessibility scans").catch(() => {});
      },
      { noWaitAfter: true },
    );
  }

  /** Resolves when every queued scan has finished. */
  async idle(): Promise<void> {
    while (this.pending > 0) await this.queue;
  }

  /** Queues a scan of the page as it is once the current document has loaded and settled. */
  enqueue(url: string, reason: string): Promise<A11yScan | undefined> {
    this.pending++;
    const marker = { url };
    this.waiting = marker;
    let result: A11yScan | undefined;
    const task = async () => {
      try {
        result = await this.scan(url, reason, () => {
          if (this.waiting === marker) this.waiting = null;
        });
      } catch (error) {
        this.errors.push(`${url}: ${error instanceof Error ? error.message : String(error)}`);
      } finally {
        if (this.waiting === marker) this.waiting = null;
        this.pending--;
      }
    };
    const done = (this.queue = this.queue.then(task, task));
    return done.then(() => result);
  }

  private async scan(url: string, reason: string, analysing: () => void): Promise<A11yScan | undefined> {
    const { page } = this;
    if (page.isClosed()) return undefined;
    try {
      await withTimeout(page.waitForLoadState("load"), SCAN_TIMEOUT_MS, `load of ${url}`);
    } catch (error) {
      if (isContextGone(error) || page.isClosed()) {
        this.skipped.push({ url, reason });
        return undefined;
      }
      throw error;
    }
    debug("loaded", url);
    analysing();
    try {
      if (page.url() !== url && stripHash(page.url()) !== stripHash(url) && reason === "navigation") {
        // The page moved on (a client-side redirect): its own navigation event queued a scan.
        this.skipped.push({ url, reason: `${reason} (superseded by ${page.url()})` });
        return undefined;
      }
      if (this.javaScriptEnabled) await this.settle();
      // A page state scanned before (same URL, same DOM and form values, same JavaScript setting and viewport — a
      // sign-in page on every sign-in, a page a test visits again) gets that scan's result again, violations included.
      const state = CACHE ? await this.stateKey() : "";
      const cached = CACHE ? scanCache.get(state) : undefined;
      if (cached) {
        debug("same state as an earlier scan", url);
        const scan: A11yScan = { url: page.url(), reason: `${reason}, same page state as an earlier scan`, violations: cached };
        this.scans.push(scan);
        return scan;
      }
      // Mark the document, to make sure the results are of the document that was scanned.
      const token = `${Date.now()}-${Math.random()}`;
      await page.evaluate((t) => ((window as unknown as { __e2eA11yDoc?: string }).__e2eA11yDoc = t), token);
      // Legacy mode runs axe in the page itself, without opening a helper page for every scan.
      const builder = new AxeBuilder({ page, axeSource: this.javaScriptEnabled ? AXE_SOURCE : NO_JS_TIMER_SHIM + AXE_SOURCE });
      // Without JavaScript no event reaches axe either, so it cannot preload stylesheets/media (XHR,
      // media events). That only affects css-orientation-lock, which the JavaScript scans cover.
      // (`options` replaces all options: it comes before `withTags`.)
      if (!this.javaScriptEnabled) builder.options({ preload: false });
      builder.withTags(A11Y_TAGS).setLegacyMode(true);
      const results = await withTimeout(builder.analyze(), SCAN_TIMEOUT_MS, `accessibility scan of ${url}`);
      debug("analysed", url);
      const same = await page.evaluate((t) => (window as unknown as { __e2eA11yDoc?: string }).__e2eA11yDoc === t, token);
      if (!same) {
        this.skipped.push({ url, reason: `${reason} (the document changed during the scan)` });
        return undefined;
      }
      const scan: A11yScan = {
        url: page.url(),
        reason,
        violations: results.violations.map((v) => ({
          id: v.id,
          impact: v.impact,
          help: v.help,
          helpUrl: v.helpUrl,
          targets: v.nodes.map((n) => n.target.map((t) => (Array.isArray(t) ? t.join(" >>> ") : String(t))).join(" ")),
          summaries: v.nodes.map((n) => (n.failureSummary ?? "").replace(/\s+/g, " ").trim()),
        })),
      };
      this.scans.push(scan);
      if (CACHE) scanCache.set(state, scan.violations);
      return scan;
    } catch (error) {
      if (isContextGone(error) || page.isClosed()) {
        this.skipped.push({ url, reason });
        return undefined;
      }
      this.errors.push(`${url}: ${error instanceof Error ? error.message : String(error)}`);
      return undefined;
    }
  }

  /**
   * What axe's result depends on, as a key: the URL, the DOM and the form controls' values, the JavaScript setting
   * and the viewport. Left out, as axe never looks at them: the text of <script> elements (Remix's loader data with
   * its timestamps), nonce attributes and the values of hidden inputs (per-request tokens).
   */
  private async stateKey(): Promise<string> {
    const dom = await this.page.evaluate(() => {
      const root = document.documentElement.cloneNode(true) as HTMLElement;
      for (const el of root.querySelectorAll("script")) el.textContent = "";
      for (const el of root.querySelectorAll("[nonce]")) el.removeAttribute("nonce");
      for (const el of root.querySelectorAll('input[type="hidden"]')) el.removeAttribute("value");
      const values = [...document.querySelectorAll<HTMLInputElement>("input, select, textarea")].map((el) =>
        el.type === "hidden" ? "" : el.type === "checkbox" || el.type === "radio" ? String(el.checked) : el.value,
      );
      return `${location.href}\n${root.outerHTML}\n${JSON.stringify(values)}`;
    });
    const viewport = this.page.viewportSize();
    const hash = createHash("sha256").update(dom).digest("hex");
    return `${this.javaScriptEnabled ? "js" : "no-js"} ${viewport?.width}x${viewport?.height} ${hash}`;
  }

  /** Waits until the DOM has not changed for QUIET_MS (at most SETTLE_MAX_MS). */
  private async settle(): Promise<void> {
    await this.page.evaluate(
      ({ quiet, max }) =>
        new Promise<void>((resolve) => {
          let timer: ReturnType<typeof setTimeout>;
          const done = () => {
            observer.disconnect();
            clearTimeout(timer);
            clearTimeout(cap);
            resolve();
          };
          const observer = new MutationObserver(() => {
            clearTimeout(timer);
            timer = setTimeout(done, quiet);
          });
          observer.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
          timer = setTimeout(done, quiet);
          const cap = setTimeout(done, max);
        }),
      { quiet: QUIET_MS, max: SETTLE_MAX_MS },
    );
  }

  /** Forgets a scan's result (for tests that provoke violations on purpose, such as the harness self-test). */
  forget(scan: A11yScan | undefined): void {
    const i = scan ? this.scans.indexOf(scan) : -1;
    if (i !== -1) this.scans.splice(i, 1);
  }

  /** Formats every violation found so far; empty when all scanned pages are clean. */
  report(): string {
    const lines: string[] = [];
    for (const scan of this.scans) {
      if (scan.violations.length === 0) continue;
      lines.push(`● ${scan.url} (${scan.reason})`);
      for (const v of scan.violations) {
        lines.push(`  - [${v.id}] (${v.impact ?? "?"}) ${v.help}  ${v.helpUrl}`);
        v.targets.forEach((t, i) => {
          lines.push(`      ${t}`);
          if (v.summaries[i]) lines.push(`        ${v.summaries[i]}`);
        });
      }
    }
    for (const e of this.errors) lines.push(`● scan error: ${e}`);
    return lines.join("\n");
  }

  /** Awaits the pending scans, records the results on the test, and returns the failure report ("" if clean). */
  async finish(): Promise<string> {
    const failedAlready = this.testInfo.status !== this.testInfo.expectedStatus;
    await withTimeout(this.idle(), failedAlready ? 5_000 : SCAN_TIMEOUT_MS * 2, "pending accessibility scans").catch((error) => {
      this.errors.push(String(error instanceof Error ? error.message : error));
    });
    scanners.delete(this.page);
    const scanned = this.scans.map((s) => `${s.violations.length === 0 ? "ok" : "NG"}  ${s.url} (${s.reason})`);
    await this.testInfo.attach("a11y-scans", {
      contentType: "application/json",
      body: JSON.stringify({ scans: this.scans, skipped: this.skipped, errors: this.errors }, null, 2),
    });
    if (this.skipped.length) {
      const description = this.skipped.map((s) => `${s.url} (${s.reason})`).join(", ");
      this.testInfo.annotations.push({ type: "a11y-skipped", description });
      console.warn(`[a11y] not scanned in "${this.testInfo.title}": ${description}`);
    }
    // E2E_A11Y_LOG=1 lists every scanned page (to see what the harness covered).
    if (process.env.E2E_A11Y_LOG) console.log(`[a11y] scans in "${this.testInfo.title}":\n${scanned.join("\n") || "(none)"}`);
    const report = this.report();
    return report ? `${report}\n\nScanned pages:\n${scanned.join("\n")}` : "";
  }
}

/**
 * Scans the page as it is now (after waiting for queued scans), e.g. after a client-side change.
 * Violations fail the test at its end like those of navigations; the scan is also returned.
 */
export async function checkA11y(page: Page, reason = "checkA11y"): Promise<A11yScan | undefined> {
  const scanner = scanners.get(page);
  if (!scanner) throw new Error("checkA11y: this page is not watched; import `test` from tests/e2e/fixtures.ts");
  return scanner.enqueue(page.url(), reason);
}

export const test = base.extend<{ a11y: A11yScanner }>({
  /** Each worker talks to its own server (scripts/lib/e2e-servers.ts); contexts and `request` take it from here. */
  // Playwright reads a fixture's dependencies from its first parameter's pattern: an empty one says "none".
  // eslint-disable-next-line no-empty-pattern
  baseURL: async ({}, use, testInfo) => {
    await use(e2eBaseUrl(testInfo.parallelIndex));
  },
  /** Automatic: watches the test's page and every other page opened in its context (popups, new tabs). */
  a11y: [
    async ({ page, context, javaScriptEnabled }, use, testInfo) => {
      const jsEnabled = javaScriptEnabled !== false;
      const all: A11yScanner[] = [];
      const installing: Promise<void>[] = [];
      const watch = (p: Page) => {
        if (scanners.has(p)) return;
        const scanner = new A11yScanner(p, testInfo, jsEnabled);
        all.push(scanner);
        installing.push(scanner.install().catch(() => {}));
      };
      watch(page);
      await Promise.all(installing);
      context.on("page", watch);
      await use(all[0]!);
      context.off("page", watch);
      await Promise.all(installing);
      const reports = (await Promise.all(all.map((s) => s.finish()))).filter(Boolean);
      if (reports.length) {
        throw new Error(`Accessibility check failed (axe-core: ${A11Y_TAGS.join(", ")}):\n${reports.join("\n\n")}`);
      }
    },
    { auto: true },
  ],
});
