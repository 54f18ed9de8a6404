// Browser test of the site shell: both languages, sign-in for every demo role, a screenshot of each.
// Usage: node tests/browser/site_shell.mjs BASE_URL OUTPUT_DIR
import assert from "node:assert/strict";
import { base, browser, consoleErrors, finish, out, step } from "./harness.mjs";


try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "vi-VN" });
  const page = await context.newPage();
  const errorsSeen = consoleErrors(page);

  await step("home page renders in Vietnamese", async () => {
    await page.goto(base + "/");
    assert.equal(await page.getAttribute("html", "lang"), "vi");
    await page.getByRole("heading", { level: 1, name: "Tận dụng các hiệp định thương mại tự do của Việt Nam" }).waitFor();
    await page.getByRole("searchbox").waitFor();
    await page.screenshot({ path: `${out}/home-vi.png`, fullPage: true });
  });

  await step("instant search finds lychees without diacritics", async () => {
    await page.getByRole("searchbox").fill("vai thieu");
    await page.locator("#instant-results a", { hasText: "0810.90.20" }).waitFor({ timeout: 5000 });
    await page.screenshot({ path: `${out}/home-search.png` });
  });

  await step("language switch turns the page English", async () => {
    await page.getByRole("link", { name: "English" }).click();
    await page.waitForLoadState();
    assert.equal(await page.getAttribute("html", "lang"), "en");
    await page.getByRole("heading", { level: 1, name: "Use Vietnam's free trade agreements" }).waitFor();
    await page.screenshot({ path: `${out}/home-en.png`, fullPage: true });
    await page.getByRole("link", { name: "Tiếng Việt" }).click();
    await page.waitForLoadState();
    assert.equal(await page.getAttribute("html", "lang"), "vi");
  });

  await step("a browser that asks for English gets English until the visitor switches", async () => {
    const ctx = await browser.newContext({ locale: "en-US" });
    const p = await ctx.newPage();
    await p.goto(base + "/");
    assert.equal(await p.getAttribute("html", "lang"), "en");
    await p.getByRole("link", { name: "Tiếng Việt" }).click();
    await p.waitForLoadState();
    assert.equal(await p.getAttribute("html", "lang"), "vi");
    await ctx.close();
  });

  await step("skip link is reachable from the keyboard", async () => {
    await page.goto(base + "/");
    await page.keyboard.press("Tab");
    const focused = await page.evaluate(() => document.activeElement.textContent.trim());
    assert.equal(focused, "Chuyển đến nội dung");
  });

  const roles = [
    ["doanhnghiep", "người dùng doanh nghiệp"],
    ["canbo-co", "cán bộ cấp C/O"],
    ["canbo-doingoai", "cán bộ đối ngoại"],
    ["thongke", "cán bộ thống kê"],
    ["quantri", "quản trị viên"],
  ];
  for (const [username, role] of roles) {
    await step(`sign in as ${username}`, async () => {
      const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: "vi-VN" });
      const p = await ctx.newPage();
      await p.goto(base + "/accounts/login/?next=/accounts/me/");
      await p.getByLabel("Tên đăng nhập").fill(username);
      await p.getByLabel("Mật khẩu").fill("demo-ftahub-2026");
      await p.getByRole("button", { name: "Đăng nhập" }).last().click();
      await p.waitForURL("**/accounts/me/");
      assert.equal((await p.getByTestId("username").textContent()).trim(), username);
      assert.equal((await p.getByTestId("role").textContent()).trim(), role);
      await p.screenshot({ path: `${out}/signed-in-${username}.png`, fullPage: true });
      await ctx.close();
    });
  }

  await step("a wrong password is refused with a message", async () => {
    const ctx = await browser.newContext({ locale: "vi-VN" });
    const p = await ctx.newPage();
    await p.goto(base + "/accounts/login/");
    await p.getByLabel("Tên đăng nhập").fill("doanhnghiep");
    await p.getByLabel("Mật khẩu").fill("wrong password");
    await p.getByRole("button", { name: "Đăng nhập" }).last().click();
    await p.getByRole("alert").waitFor();
    await ctx.close();
  });

  await step("mobile layout has no horizontal scroll", async () => {
    const ctx = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, locale: "vi-VN" });
    const p = await ctx.newPage();
    await p.goto(base + "/");
    const overflow = await p.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 1, `page is ${overflow}px wider than the screen`);
    await p.screenshot({ path: `${out}/home-mobile.png`, fullPage: true });
    await ctx.close();
  });

  await step("no console errors (CSP, missing assets)", async () => {
    assert.deepEqual(errorsSeen, []);
  });
} finally {
  await finish();
}
