// Browser test of the origin self-assessment: a business user assesses a product for Japan, saves it,
// requests a supplier declaration, and the supplier declares by the link without an account.
// Usage: node tests/browser/origin.mjs BASE_URL OUTPUT_DIR
import assert from "node:assert/strict";
import { base, browser, consoleErrors, finish, out, step } from "./harness.mjs";

let declarationLink = null;
try {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "en-GB" });
  const page = await ctx.newPage();
  const errors = consoleErrors(page);

  await step("business user signs in", async () => {
    await page.goto(base + "/accounts/login/?next=/origin/");
    await page.getByLabel("Username").fill("doanhnghiep");
    await page.getByLabel("Password").fill("demo-ftahub-2026");
    await page.getByRole("button", { name: "Sign in" }).last().click();
    await page.waitForURL("**/origin/");
  });

  await step("assesses a fan for Japan and sees each agreement side by side", async () => {
    await page.getByLabel("Product name").fill("Electric fan (demo)");
    await page.getByLabel("Product HS code").fill("8414.51");
    await page.getByLabel("Export market").selectOption("JP");
    await page.getByLabel("FOB price").fill("100");
    await page.getByLabel("Ex-works price").fill("95");
    await page.getByLabel("Line 1", { exact: true }).fill("1");
    await page.getByLabel("HS code 1", { exact: true }).fill("8501.10");
    await page.getByLabel("Description 1", { exact: true }).fill("motor");
    await page.getByLabel("Value 1", { exact: true }).fill("50");
    await page.getByLabel("Country 1", { exact: true }).fill("CN");
    await page.getByLabel("Originating 1", { exact: true }).selectOption("no");
    await page.getByLabel("Line 2", { exact: true }).fill("2");
    await page.getByLabel("HS code 2", { exact: true }).fill("8414.90");
    await page.getByLabel("Description 2", { exact: true }).fill("blade");
    await page.getByLabel("Value 2", { exact: true }).fill("20");
    await page.getByLabel("Country 2", { exact: true }).fill("VN");
    await page.getByLabel("Originating 2", { exact: true }).selectOption("yes");
    await page.getByRole("button", { name: "Assess", exact: true }).click();
    await page.locator('article[data-agreement="CPTPP"]').waitFor();
    assert.equal(await page.locator("article.verdict").count(), 4);
    await page.screenshot({ path: `${out}/self-assessment.png`, fullPage: true });
  });

  await step("saves the assessment and requests a supplier declaration", async () => {
    await page.getByRole("button", { name: "Assess and save" }).click();
    await page.waitForURL(/\/origin\/assessments\/\d+\/$/);
    await page.getByLabel("Material").selectOption("2");
    await page.locator("#id_supplier_name").fill("Blade Co (demo)");
    await page.getByLabel("Supplier email").fill("blade@demo.invalid");
    await page.getByLabel("Kind").selectOption("long_term");
    await page.getByRole("button", { name: "Send request" }).click();
    declarationLink = await page.getByTestId("declaration-link").getAttribute("href");
    assert.ok(declarationLink.includes("/origin/declare/"));
    await page.screenshot({ path: `${out}/assessment-detail.png`, fullPage: true });
  });

  await step("the supplier declares by the link, without an account", async () => {
    const supplier = await browser.newContext({ locale: "vi-VN" });
    const p = await supplier.newPage();
    await p.goto(declarationLink);
    await p.getByLabel("Có, hàng có xuất xứ").check();
    await p.getByLabel("Nước xuất xứ").selectOption("VN");
    await p.getByLabel("Hiệu lực từ").fill("2026-01-01");
    await p.getByLabel("Hiệu lực đến").fill("2027-12-31");
    await p.getByLabel("Họ tên và chức vụ").fill("Lê Văn Cường, giám đốc");
    await p.getByLabel("Tôi cam đoan").check();
    await p.screenshot({ path: `${out}/supplier-form.png`, fullPage: true });
    await p.getByRole("button", { name: "Gửi bản khai" }).click();
    await p.getByRole("heading", { name: "Cảm ơn" }).waitFor();
    await supplier.close();
  });

  await step("the assessment shows the declaration", async () => {
    await page.reload();
    await page.getByText("Blade Co (demo): ").first().waitFor();
    assert.ok((await page.content()).includes("2027"));
  });

  await step("no console errors", async () => assert.deepEqual(errors, []));
} finally {
  await finish();
}
