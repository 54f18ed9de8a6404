// Shared by the browser tests: launch Debian's chromium headless, run named steps, report and exit.
import { chromium } from "playwright-core";
import assert from "node:assert/strict";
import { mkdirSync, readFileSync } from "node:fs";

export const [base, out] = process.argv.slice(2);
mkdirSync(out, { recursive: true });

export const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run"],
});

const failures = [];

export async function step(name, fn) {
  try { await fn(); console.log(`ok - ${name}`); }
  catch (err) { failures.push(name); console.log(`not ok - ${name}\n  ${String(err).split("\n").join("\n  ")}`); }
}

// Collects console errors (CSP violations, missing assets) of a page.
export function consoleErrors(page) {
  const errors = [];
  page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
  return errors;
}

export async function finish() {
  await browser.close();
  console.log(`${failures.length ? "FAILED" : "PASSED"}: ${failures.length} failure(s)`);
  process.exit(failures.length ? 1 : 0);
}

// Signs a demo account in through the login form (labels in the page's language) and waits for `next`.
export async function signIn(page, username, next, labels = { user: "Username", password: "Password", button: "Sign in" }) {
  await page.goto(`${base}/accounts/login/?next=${next}`);
  await page.getByLabel(labels.user).fill(username);
  await page.getByLabel(labels.password).fill("demo-ftahub-2026");
  await page.getByRole("button", { name: labels.button }).last().click();
  await page.waitForURL(`**${next}`);
}

// The link in the last email the hub sent to `address` (the console email backend prints to the server's log).
export function emailedLink(address, pattern = /https?:\/\/\S+\/events\/ticket\/[\w-]+\//) {
  const log = readFileSync(process.env.FTAHUB_SERVER_LOG, "utf8");
  const messages = log.split(/^-{20,}$/m).filter((m) => new RegExp(`^To: ${address}$`, "m").test(m));
  assert.ok(messages.length, `no email to ${address} in the server's log`);
  const found = messages.at(-1).replace(/=\r?\n/g, "").match(pattern);
  assert.ok(found, `no link in the last email to ${address}`);
  return found[0];
}
