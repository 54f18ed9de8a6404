// Browser test of the C/O QR code's link: the verify page checks the signed record after '#' in the browser
// (Ed25519 in WebCrypto, the published keys in the page) without sending it anywhere; a changed record fails.
// Usage: VERIFY_LINK=<the QR's text> node tests/browser/verify_link.mjs BASE_URL OUTPUT_DIR
import assert from "node:assert/strict";
import { browser, consoleErrors, finish, out, step } from "./harness.mjs";

const link = process.env.VERIFY_LINK;
try {
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: "vi-VN" });
  const page = await phone.newPage();
  page.setDefaultTimeout(10000);
  const errors = consoleErrors(page);
  const posted = [];
  page.on("request", (r) => { if (r.method() !== "GET" || r.url().includes("FTAHUB1")) posted.push(r.url()); });

  await step("a phone camera's link opens the verify page, which finds the record valid in the browser", async () => {
    await page.goto(link);
    const verdict = page.getByTestId("in-browser");
    await verdict.getByRole("heading", { name: /Hợp lệ/ }).waitFor();
    const text = await verdict.innerText();
    assert.match(text, /DEMO-VN-JP-26-24-00077/);
    assert.match(text, /9403\.60/);
    assert.match(text, /không được gửi đến máy chủ nào/);
    assert.deepEqual(posted, [], "the record never leaves the browser");
    assert.deepEqual(errors, []);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 390, `the page is ${width} px wide on a 390 px phone`);
    await page.screenshot({ path: `${out}/verify-link-vi-390.png`, fullPage: true });
  });

  await step("a record changed by one character is not valid", async () => {
    const [address, payload] = link.split("#");
    const i = payload.length - 12;
    const altered = payload.slice(0, i) + (payload[i] === "A" ? "B" : "A") + payload.slice(i + 1);
    await page.goto("about:blank");
    await page.goto(`${address}#${altered}`);
    const verdict = page.getByTestId("in-browser");
    await verdict.getByRole("heading", { name: /Không hợp lệ/ }).waitFor();
    await page.screenshot({ path: `${out}/verify-link-altered-vi-390.png`, fullPage: true });
  });
} finally {
  await finish();
}
