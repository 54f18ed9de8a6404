// Browser test of the tariff finder: instant HS search, the duty comparison for lychees from Japan, a watch.
// Usage: node tests/browser/tariffs.mjs BASE_URL OUTPUT_DIR
import { chromium } from "playwright-core";
import { mkdirSync } from "node:fs";
import assert from "node:assert/strict";

const [base, out] = process.argv.slice(2);
mkdirSync(out, { recursive: true });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run"],
});
const failures = [];
async function step(name, fn) {
  try { await fn(); console.log(`ok - ${name}`); }
  catch (err) { failures.push(name); console.log(`not ok - ${name}\n  ${String(err).split("\n").join("\n  ")}`); }
}
try {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "vi-VN" });
  const page = await ctx.newPage();
  const errors = [];
  page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });

  await step("instant search for 'vải' leads to the lychee line", async () => {
    await page.goto(base + "/");
    await page.getByRole("searchbox").fill("vải");
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
    assert.ok((await page.locator(".coverage").first().textContent()).includes("19"));
    await page.screenshot({ path: `${out}/comparison.png`, fullPage: true });
  });

  await step("no console errors", async () => assert.deepEqual(errors, []));
} finally {
  await browser.close();
}
console.log(`${failures.length ? "FAILED" : "PASSED"}: ${failures.length} failure(s)`);
process.exit(failures.length ? 1 : 0);
