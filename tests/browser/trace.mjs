// Browser test of traceability: a cooperative records a harvest on its phone (the farm form), then an importer
// opens the demo lot's public trace page from its QR link (no account) and sees the chain, the cold-chain alert and
// the C/O; the public log lists the entries.
// Usage: node tests/browser/trace.mjs BASE_URL OUTPUT_DIR
import assert from "node:assert/strict";
import { base, browser, consoleErrors, finish, out, step } from "./harness.mjs";

try {
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: "vi-VN", isMobile: true });
  const page = await phone.newPage();
  page.setDefaultTimeout(10000);
  const errors = consoleErrors(page);

  await step("the cooperative records a harvest from a phone", async () => {
    await page.goto(`${base}/accounts/login/?next=/trace/capture/`);
    await page.getByLabel("Tên đăng nhập").fill("doanhnghiep");
    await page.getByLabel("Mật khẩu").fill("demo-ftahub-2026");
    await page.getByRole("button", { name: "Đăng nhập" }).last().click();
    await page.waitForURL("**/trace/capture/");
    await page.locator("#id_gtin").fill("09520001234019");
    await page.locator("#id_lot").fill("DEMO-L2");
    await page.locator("#id_quantity").fill("650");
    await page.screenshot({ path: `${out}/farm-form-mobile.png`, fullPage: true });
    await page.getByTestId("record-step").click();
    await page.locator(".messages .success").waitFor();
    await page.goto(`${base}/trace/`);
    await page.getByRole("cell", { name: "DEMO-L2" }).waitFor();
    await page.screenshot({ path: `${out}/desk-mobile.png`, fullPage: true });
  });

  const importer = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "en-GB" });
  const pub = await importer.newPage();
  pub.setDefaultTimeout(10000);
  const pubErrors = consoleErrors(pub);

  await step("an importer opens the demo lot's trace page from its Digital Link", async () => {
    await pub.goto(`${base}/01/09520001234019/10/DEMO-L1/`);
    assert.equal(await pub.getByTestId("lot").innerText(), "DEMO-L1");
    const timeline = await pub.getByTestId("timeline").innerText();
    // the steps in words (the importer reads English here), never the CBV codes
    for (const s of ["harvested", "packed", "stored", "shipped"]) assert.ok(timeline.includes(s), s);
    assert.ok(!timeline.includes("harvesting"), "a CBV code on the page");
    assert.ok((await pub.content()).includes("alert"));
    await pub.getByTestId("co").waitFor();
    assert.ok(await pub.locator("img.qr").evaluate((img) => img.naturalWidth > 0));
    await pub.screenshot({ path: `${out}/trace-page.png`, fullPage: true });
  });

  await step("the public log lists the entries and a signed checkpoint", async () => {
    await pub.goto(`${base}/log/`);
    assert.ok(Number(await pub.getByTestId("log-size").innerText()) >= 5);
    await pub.screenshot({ path: `${out}/log.png`, fullPage: true });
  });

  await step("no console errors", async () => assert.deepEqual([...errors, ...pubErrors], []));
} finally {
  await finish();
}
