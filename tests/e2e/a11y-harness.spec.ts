/**
 * Self-test of the accessibility harness (tests/e2e/fixtures.ts): a violation on a page is found and
 * reported (rule, URL, offending node), with and without JavaScript. The provoked result is then
 * forgotten so that this test itself passes.
 */
import type { Page } from "@playwright/test";
import { checkA11y, expect, test, type A11yScanner } from "./fixtures";

async function expectViolationIsReported(page: Page, a11y: A11yScanner) {
  await page.goto("/accessibility");
  expect(a11y.report(), "the page itself is clean").toBe("");
  // An image without a text alternative (axe rule image-alt, WCAG 1.1.1).
  await page.evaluate(() => {
    document.getElementById("main")!.insertAdjacentHTML("afterbegin", '<img id="e2e-harness-bad-image" src="/favicon.ico">');
  });
  const scan = await checkA11y(page, "harness self-test");
  expect(scan?.violations.map((v) => v.id)).toContain("image-alt");
  const report = a11y.report();
  expect(report).toContain("/accessibility (harness self-test)");
  expect(report).toContain("[image-alt]");
  expect(report).toContain("#e2e-harness-bad-image");
  a11y.forget(scan);
  expect(a11y.report()).toBe("");
}

test.describe("アクセシビリティ検査の仕組み", () => {
  test("JavaScriptありの画面で違反を見つけて報告する", async ({ page, a11y }) => {
    await expectViolationIsReported(page, a11y);
  });

  test.describe(() => {
    test.use({ javaScriptEnabled: false });
    test("JavaScriptなしの画面で違反を見つけて報告する", async ({ page, a11y }) => {
      await expectViolationIsReported(page, a11y);
    });
  });
});
