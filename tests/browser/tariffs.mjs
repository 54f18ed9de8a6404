// Browser test of the tariff finder: instant HS search, the duty comparison for lychees from Japan, a watch.
// Usage: node tests/browser/tariffs.mjs BASE_URL OUTPUT_DIR
import assert from "node:assert/strict";
import { base, browser, consoleErrors, finish, out, step } from "./harness.mjs";

try {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "vi-VN" });
  const page = await ctx.newPage();
  const errors = consoleErrors(page);

  await step("instant search for 'quả vải' leads to the lychee line", async () => {
    await page.goto(base + "/");
    await page.getByRole("searchbox").fill("quả vải");
    await page.locator("#instant-results a", { hasText: "0810.90.20" }).click();
    await page.waitForURL("**/hs/08109020/");
    await page.getByTestId("rates").waitFor();
    await page.screenshot({ path: `${out}/line-page.png`, fullPage: true });
  });

  await step("the duty comparison for Japan ranks agreements and says what is loaded", async () => {
    await page.getByLabel("So sánh các hiệp định cho một đối tác").selectOption("JP");
    await page.getByRole("button", { name: "So sánh" }).click();
    await page.getByTestId("comparison").waitFor();
    assert.equal((await page.getByTestId("mfn").textContent()).trim(), "30%");
    const first = await page.locator("[data-testid=comparison] tbody tr").first().textContent();
    assert.ok(first.includes("CPTPP") || first.includes("AJCEP") || first.includes("RCEP") || first.includes("VJEPA"));
    assert.ok((await page.locator(".coverage").first().textContent()).includes("11871"));
    await page.screenshot({ path: `${out}/comparison.png`, fullPage: true });
  });

  await step("no console errors", async () => assert.deepEqual(errors, []));
} finally {
  await finish();
}
