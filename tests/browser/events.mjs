// Browser test of event registration: a visitor registers (the page's proof-of-work check runs unseen), confirms
// from the link emailed to them and takes the last place of the demo trade fair; the next one joins the waiting
// list, the first cancels, and the second is promoted to a confirmed place with a QR ticket.
// Usage: node tests/browser/events.mjs BASE_URL OUTPUT_DIR
import assert from "node:assert/strict";
import { base, browser, consoleErrors, emailedLink, finish, out, step } from "./harness.mjs";

async function register(page, name, email) {
  await page.goto(`${base}/events/`);
  await page.getByRole("link", { name: /Lychee and farm produce trade fair/ }).click();
  const placesBefore = await page.getByTestId("places").innerText();
  await page.locator("#id_name").fill(name);
  await page.locator("#id_email").fill(email);
  await page.locator("#id_organisation").fill(`${name} Co (demo)`);
  await page.locator("#id_role").selectOption("buyer");
  await page.locator("#id_hs_codes").fill("081090");
  await page.waitForSelector("[data-challenge=done]", { state: "attached" });
  await page.getByTestId("register").click();
  await page.waitForURL("**/events/*/?sent=1");
  assert.match(await page.locator(".messages").innerText(), new RegExp(`sent a link to ${email}`));
  assert.equal(await page.getByTestId("places").innerText(), placesBefore, "a pending registration holds no place");
  await page.goto(emailedLink(email));
  assert.match(await page.getByTestId("registration-status").innerText(), /confirm your email/i);
  await page.getByTestId("confirm").click();
  await page.waitForURL("**/events/ticket/**");
}

try {
  const first = await (await browser.newContext({ locale: "en-GB" })).newPage();
  const second = await (await browser.newContext({ locale: "en-GB", viewport: { width: 390, height: 844 } })).newPage();
  first.setDefaultTimeout(10000);
  second.setDefaultTimeout(10000);
  const errors = [...[first, second].map(consoleErrors)];

  await step("the first visitor takes the last place and gets a QR ticket", async () => {
    await register(first, "Mai Demo", "mai@demo.invalid");
    assert.match(await first.getByTestId("registration-status").innerText(), /confirmed/i);
    assert.ok(await first.locator("img.qr").evaluate((img) => img.naturalWidth > 0));
    await first.screenshot({ path: `${out}/ticket.png`, fullPage: true });
  });

  await step("the fair is full: the next visitor joins the waiting list", async () => {
    await second.goto(`${base}/events/`);
    await second.getByRole("link", { name: /Lychee and farm produce trade fair/ }).click();
    assert.match(await second.getByTestId("places").innerText(), /0 of 3 left/);
    assert.match(await second.getByTestId("register").innerText(), /waiting list/i);
    await second.screenshot({ path: `${out}/full.png`, fullPage: true });
    await register(second, "Kenji Demo", "kenji@demo.invalid");
    assert.match(await second.getByTestId("registration-status").innerText(), /waiting list \(number 1\)/i);
  });

  await step("the first visitor cancels and the waiting visitor is promoted", async () => {
    await first.getByTestId("cancel").click();
    assert.match(await first.getByTestId("registration-status").innerText(), /cancelled/i);
    await second.reload();
    assert.match(await second.getByTestId("registration-status").innerText(), /confirmed/i);
    assert.ok(await second.locator("img.qr").isVisible());
    await second.screenshot({ path: `${out}/promoted.png`, fullPage: true });
  });

  await step("no console errors", async () => assert.deepEqual(errors.flat(), []));
} finally {
  await finish();
}
