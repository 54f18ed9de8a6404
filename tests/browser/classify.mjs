// Browser test of the HS classification assistant: a description in Vietnamese on a phone, in English on a
// desktop, an officer's correction that changes the next suggestion, and the helper that fills the self-assessment's
// HS field on a click.
// Usage: node tests/browser/classify.mjs BASE_URL OUTPUT_DIR
import assert from "node:assert/strict";
import { base, browser, consoleErrors, finish, out, signIn, step } from "./harness.mjs";

const VI = { user: "Tên đăng nhập", password: "Mật khẩu", button: "Đăng nhập" };

// A new browser context (viewport, language) with one page and its console errors.
async function open(viewport, locale) {
  const context = await browser.newContext({ viewport, locale });
  const page = await context.newPage();
  page.setDefaultTimeout(30000);
  return [context, page, consoleErrors(page)];
}

const firstCode = async (page) => page.locator("li.candidate").first().getAttribute("data-code");

try {
  const [, page, errors] = await open({ width: 390, height: 844 }, "vi-VN");

  await step("on a phone, in Vietnamese: a description gives lines with their reasons, within 390 px", async () => {
    await page.goto(base + "/hs/classify/");
    await page.getByLabel("Mô tả hàng hóa").fill("ghế sofa khung gỗ bọc da");
    await page.getByRole("button", { name: "Tìm mã" }).click();
    await page.locator("li.candidate").first().waitFor();
    assert.equal(await firstCode(page), "94016100");
    const text = await page.locator("li.candidate").first().textContent();
    assert.ok(text.includes("Lời văn của dòng thuế hoặc các dòng phía trên có"), text);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 390, `page is ${width} px wide`);
    await page.screenshot({ path: `${out}/classify-phone-vi.png`, fullPage: true });
  });

  await step("in English on a desktop", async () => {
    const [desktop, en, enErrors] = await open({ width: 1280, height: 900 }, "en-GB");
    await en.goto(base + "/hs/classify/?q=" + encodeURIComponent("frozen pangasius fillets"));
    const codes = await en.locator("li.candidate").evaluateAll((items) => items.map((i) => i.dataset.code));
    assert.ok(codes.includes("03046200"), codes.join(","));
    assert.ok((await en.locator("h1").textContent()).includes("Find an HS code from a description"));
    await en.screenshot({ path: `${out}/classify-desktop-en.png`, fullPage: true });
    assert.deepEqual(enErrors, []);
    await desktop.close();
  });

  await step("an officer corrects a suggestion and the next one follows it", async () => {
    await signIn(page, "canbo-co", "/hs/classify/", VI);
    await page.getByLabel("Mô tả hàng hóa").fill("vải thiều Lục Ngạn sấy khô");
    await page.getByRole("button", { name: "Tìm mã" }).click();
    await page.locator("li.candidate").first().waitFor();
    assert.notEqual(await firstCode(page), "08134090");
    await page.getByLabel("Không dòng nào đúng: dòng thuế 8 số đúng là").fill("0813.40.90");
    await page.getByRole("button", { name: "Ghi nhận mã đúng" }).click();
    await page.locator(".messages").waitFor();
    assert.equal(await firstCode(page), "08134090");
    assert.ok((await page.locator("li.candidate").first().textContent()).includes("Cán bộ của tỉnh đã xác nhận"));
    await page.screenshot({ path: `${out}/classify-corrected-vi.png`, fullPage: true });
  });

  await step("the self-assessment's helper fills the product HS field on a click", async () => {
    const [business, p, pErrors] = await open({ width: 390, height: 844 }, "vi-VN");
    await signIn(p, "doanhnghiep", "/origin/", VI);
    await p.getByText("Tìm mã HS theo mô tả").first().click();
    await p.locator("#hs-helper-q-id_product_hs").fill("cà phê nhân robusta chưa rang");
    await p.locator(".hs-helper").getByRole("button", { name: "Tìm mã" }).click();
    const pick = p.locator('.hs-helper [data-hs-pick="id_product_hs"]').first();
    await pick.waitFor();
    const code = await pick.getAttribute("data-code");
    assert.ok(code.startsWith("0901.11"), code);
    await p.screenshot({ path: `${out}/helper-results-vi.png`, fullPage: true });
    await pick.click();
    assert.equal(await p.locator("#id_product_hs").inputValue(), code);
    const width = await p.evaluate(() => document.documentElement.scrollWidth);
    await p.screenshot({ path: `${out}/helper-filled-vi.png`, fullPage: false });
    assert.deepEqual(pErrors, []);
    assert.ok(width <= 400, `self-assessment is ${width} px wide`);
    await business.close();
  });

  await step("no console errors", async () => assert.deepEqual(errors, []));
} finally {
  await finish();
}
