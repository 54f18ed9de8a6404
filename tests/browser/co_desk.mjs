// Browser test of the C/O desk's hero path: a business user self-assesses a product, applies for a C/O, the
// pre-check catches a planted mistake, the exporter fixes it and submits, the province's C/O officer approves,
// downloads the eCoSys hand-off file, records the eCoSys C/O number, and downloads the signed PDF
// (which the Python side of the test decodes and verifies offline with the CLI).
// Usage: node tests/browser/co_desk.mjs BASE_URL OUTPUT_DIR
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { base, browser, consoleErrors, finish, out, signIn, step } from "./harness.mjs";

const pdf = (text) => ({ name: `${text}.pdf`, mimeType: "application/pdf", buffer: Buffer.from(`%PDF-1.4 ${text}`) });
let reference = null;
try {
  const exporter = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "en-GB" });
  const page = await exporter.newPage();
  page.setDefaultTimeout(10000);
  const errors = consoleErrors(page);

  await step("the exporter self-assesses wooden tables for Japan and saves the assessment", async () => {
    await signIn(page, "doanhnghiep", "/origin/");
    await page.getByLabel("Product name").fill("Wooden dining table (demo)");
    await page.getByLabel("Product HS code").fill("9403.60");
    await page.getByLabel("Export market").selectOption("JP");
    await page.getByLabel("FOB price").fill("1000");
    await page.getByLabel("Line 1", { exact: true }).fill("1");
    await page.getByLabel("HS code 1", { exact: true }).fill("4407.11");
    await page.getByLabel("Description 1", { exact: true }).fill("sawn pine");
    await page.getByLabel("Value 1", { exact: true }).fill("300");
    await page.getByLabel("Country 1", { exact: true }).fill("US");
    await page.getByLabel("Originating 1", { exact: true }).selectOption("no");
    await page.getByRole("button", { name: "Assess and save" }).click();
    await page.waitForURL(/\/origin\/assessments\/\d+\/$/);
  });

  await step("applies for a CPTPP C/O with an invoice total that does not match the goods", async () => {
    await page.goto(`${base}/co/new/`);
    const cptpp = await page.locator("#id_agreement option", { hasText: /^CPTPP/ }).getAttribute("value");
    await page.getByLabel("Agreement").selectOption(cptpp);
    await page.getByLabel("Destination country").selectOption("JP");
    await page.locator("#id_importer_name").fill("Tanaka Trading KK (demo)");
    await page.getByLabel("Means of transport and route").fill("Sea, Hải Phòng – Osaka");
    await page.getByLabel("Departure date").fill("2026-11-02");
    await page.getByLabel("Port of loading").fill("Hải Phòng");
    await page.getByLabel("Port of discharge").fill("Osaka");
    await page.getByLabel("Invoice number").fill("DEMO-INV-77");
    await page.getByLabel("Invoice date").fill("2026-10-30");
    await page.getByLabel("Invoice total FOB (USD)").fill("1200");  // the planted mistake: goods add up to 1000
    await page.getByRole("button", { name: "Save" }).click();
    await page.waitForURL(/\/co\/CO-24-\d{4}-\d{5}\/$/);
    reference = page.url().split("/co/")[1].replace("/", "");
    await page.getByLabel("HS code").fill("9403.60");
    await page.getByLabel("Description of goods").fill("Wooden dining tables");
    await page.getByLabel("Quantity").fill("10");
    await page.getByLabel("Unit").fill("pcs");
    await page.getByLabel("FOB value (USD)").fill("1000");
    await page.getByLabel("Origin criterion").selectOption("CTC");
    await page.getByLabel("Origin self-assessment").selectOption({ index: 1 });
    await page.getByTestId("add-item").click();
    for (const [kind, file] of [["customs_declaration", "declaration"], ["invoice", "invoice"],
                                ["transport", "bill-of-lading"], ["origin_statement", "cost-statement"]]) {
      await page.locator("#id_kind").selectOption(kind);
      await page.locator("#id_file").setInputFiles(pdf(file));
      await page.getByTestId("attach").click();
      await page.getByText(`${file}.pdf`).first().waitFor();
    }
  });

  await step("the pre-check catches the mistake and the submission is refused", async () => {
    await page.getByTestId("submit").click();
    await page.locator('[data-code="values_do_not_add_up"]').waitFor();
    assert.match(await page.getByTestId("status").innerText(), /draft/i);
    await page.screenshot({ path: `${out}/precheck-error.png`, fullPage: true });
  });

  await step("the exporter corrects the total and submits", async () => {
    await page.getByRole("link", { name: "Edit details" }).click();
    await page.getByLabel("Invoice total FOB (USD)").fill("1000");
    await page.getByRole("button", { name: "Save" }).click();
    await page.getByTestId("submit").click();
    await page.getByText("Submitted to the C/O officers").waitFor();
    assert.match(await page.getByTestId("status").innerText(), /submitted/i);
  });

  const officerContext = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "en-GB",
                                                    acceptDownloads: true });
  const officer = await officerContext.newPage();
  officer.setDefaultTimeout(10000);
  const officerErrors = consoleErrors(officer);

  await step("the province's C/O officer approves and downloads the eCoSys hand-off file", async () => {
    await signIn(officer, "canbo-co", "/co/");
    await officer.getByRole("link", { name: reference }).click();
    await officer.getByLabel("Approve").check();
    await officer.getByTestId("decide").click();
    await officer.getByRole("heading", { name: "Hand-off to eCoSys" }).waitFor();
    const [download] = await Promise.all([officer.waitForEvent("download"),
                                          officer.getByRole("link", { name: "Hand-off file (JSON)" }).click()]);
    const handoff = JSON.parse(await (await download.createReadStream()).toArray().then((c) => Buffer.concat(c)));
    assert.equal(handoff.format, "ftahub-co-handoff");
    assert.equal(handoff.reference, reference);
    assert.equal(handoff.items[0].hs, "9403.60");
    await officer.screenshot({ path: `${out}/officer-approved.png`, fullPage: true });
  });

  await step("the officer records the eCoSys C/O number and the hub signs the record", async () => {
    await officer.getByLabel("C/O number in eCoSys").fill("DEMO-VN-JP-26-24-00077");
    await officer.getByLabel("Date of issue").fill("2026-11-03");
    await officer.getByLabel("Issuing organisation").fill("Bắc Ninh C/O desk (demo)");
    await officer.getByTestId("record").click();
    await officer.getByTestId("co-number").waitFor();
    const href = await officer.getByTestId("certificate-pdf").getAttribute("href");
    const response = await officer.request.get(base + href);
    assert.equal(response.status(), 200);
    writeFileSync(`${out}/certificate.pdf`, await response.body());
    await officer.screenshot({ path: `${out}/officer-recorded.png`, fullPage: true });
  });

  await step("the exporter sees the recorded certificate", async () => {
    await page.reload();
    assert.match(await page.getByTestId("status").innerText(), /recorded/i);
    await page.screenshot({ path: `${out}/exporter-recorded.png`, fullPage: true });
  });

  await step("no console errors", async () => assert.deepEqual([...errors, ...officerErrors], []));
} finally {
  await finish();
}
