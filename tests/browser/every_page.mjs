// Every page a person reaches by following links, as each demo role, in Vietnamese and in English, on a 390 px
// phone (FTAHUB_SCREEN=phone) or a desktop screen (desktop): no page wider than the screen, none answering with an
// error, no raw code shown to people (rule syntax, EPCIS URNs, unit and status codes, dicts). Pages are found by
// following the links of the header, the footer and each page, one page per address shape (/events/7/ and
// /events/8/ count once). In Vietnamese, each page is also checked by axe-core (WCAG 2 A and AA rules, colour
// contrast included: no serious or critical violation) and for English from the catalogue (FTAHUB_ENGLISH_SOURCES,
// a JSON list of the catalogue's English texts). Usage: node tests/browser/every_page.mjs BASE_URL OUTPUT_DIR
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { base, browser, finish, out, step } from "./harness.mjs";

const AXE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
const axeSeen = new Set();

const ROLES = ["", "doanhnghiep", "canbo-co", "canbo-doingoai", "thongke", "quantri"];
const LANGUAGES = [["vi-VN", { user: "Tên đăng nhập", password: "Mật khẩu", button: "Đăng nhập" }],
                   ["en-GB", { user: "Username", password: "Password", button: "Sign in" }]];
const SKIP = /^\/(admin|api|static|media|i18n)\/|^\/healthz|\/accounts\/logout\/|\.(pdf|csv|xlsx|ics|json|txt|svg|xml|png|jpg)$|\/(feed|rss|atom|download|export|handoff)|\/qr/;
const MAX_PAGES = 70;
const shape = (path) => path.replace(/\d+/g, "N").replace(/\/[A-Z0-9][A-Z0-9-]{5,}\//g, "/REF/");

const SCREEN = process.env.FTAHUB_SCREEN || "phone";
const VIEWPORT = SCREEN === "phone" ? { viewport: { width: 390, height: 844 }, isMobile: true }
                                    : { viewport: { width: 1366, height: 900 } };
const ENGLISH = process.env.FTAHUB_ENGLISH_SOURCES
  ? JSON.parse(readFileSync(process.env.FTAHUB_ENGLISH_SOURCES, "utf8")) : [];
// a short text counts when it is a whole text on the page ("Save"), a longer one anywhere in a text
const WHOLE = new Set(ENGLISH), PARTS = ENGLISH.filter((e) => e.length >= 16 && e.includes(" "));
// English built outside the catalogue: a text of five words or more, without a Vietnamese letter, using three
// different English function words ("Open eCoSys and create a form for the exporter")
const FUNCTION_WORDS = new Set(["the", "and", "of", "to", "is", "are", "for", "with", "this", "that", "from", "on",
  "by", "be", "not", "or", "your", "you", "an", "it", "has", "have", "was", "will", "can", "no", "must"]);
const VIETNAMESE = /[ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]/i;
const looksEnglish = (text) => {
  if (VIETNAMESE.test(text) || /\bdemo\b/i.test(text)) return false;  // demo records are labelled data, not words of the hub
  const words = text.toLowerCase().match(/[a-z']+/g) || [];
  return words.length >= 5 && new Set(words.filter((w) => FUNCTION_WORDS.has(w))).size >= 3;
};
const RAW = [
  [/urn:epc(global)?:/, "an EPCIS URN"],
  [/\b(CC|CTH|CTSH|RVC|WO|PE)\((\d|\))|\bmanual\(|\b(CTH|CTSH|CC) (or|and) /, "rule syntax"],
  [/\{\s*["'][\w-]+["']\s*:|\[\s*\{\s*"/, "a dict or JSON"],
  [/\b[a-z]+(_[a-z]+)+\b/, "a code name"],
  [/\b(CEL|FAH|KGM|MTR|LTR|KEL)\b/, "a unit code"],
  [/^(True|False|None)$/, "a Python value"],
  [/\b(Object|Aggregation|Transaction|Transformation|Association)Event\b/, "an EPCIS event type"],
];
// the texts a person reads: visible text nodes and the attributes read aloud or shown, with the language of each
const TEXTS = () => {
  const out = [];
  const langOf = (el) => (el.closest("[lang]")?.getAttribute("lang") || "").slice(0, 2);
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const el = n.parentElement;
    if (!el || el.closest("script,style,template,noscript,[hidden],[translate=no],.js-plotly-plot")) continue;
    if (!el.checkVisibility()) continue;
    const text = n.textContent.replace(/\s+/g, " ").trim();
    if (text) out.push([text, langOf(el)]);
  }
  for (const el of document.body.querySelectorAll("[placeholder],[title],[aria-label],img[alt]")) {
    if (el.closest("[translate=no],.js-plotly-plot")) continue;
    for (const a of ["placeholder", "title", "aria-label", "alt"]) {
      const text = (el.getAttribute(a) || "").trim();
      if (text) out.push([text, langOf(el)]);
    }
  }
  return out;
};
// addresses, emails, paths and file names are not words of the page
const words = (text) => text.replace(/https?:\/\/\S+|\S+@\S+|\/[\w/.-]+\/|\S+\.(pdf|xlsx|csv|json|docx|png|jpg)\b/g, " ");

const problems = [];
let visited = 0;
for (const [locale, labels] of LANGUAGES) {
  for (const role of ROLES) {
    await step(`${role || "anonymous"} (${locale}, ${SCREEN}): every page fits, reads in its language, passes axe`, async () => {
      // bypassCSP lets the test inject axe-core; the hub's own pages never need it
      const ctx = await browser.newContext({ ...VIEWPORT, locale, bypassCSP: true });
      const page = await ctx.newPage();
      page.setDefaultTimeout(15000);
      if (role) {
        await page.goto(`${base}/accounts/login/?next=/accounts/me/`);
        await page.getByLabel(labels.user).fill(role);
        await page.getByLabel(labels.password).fill("demo-ftahub-2026");
        await page.getByRole("button", { name: labels.button }).last().click();
        await page.waitForURL("**/accounts/me/");
      }
      const queue = ["/", "/accounts/me/"], seen = new Set(queue.map(shape)), mine = [];
      while (queue.length && mine.length < MAX_PAGES) {
        const path = queue.shift();
        let response;
        try {
          response = await page.goto(base + path);
        } catch (err) {
          if (String(err).includes("Download is starting")) continue;  // a file, not a page
          throw err;
        }
        const type = response ? response.headers()["content-type"] || "" : "";
        if (response && response.ok() && !type.startsWith("text/html")) continue;  // a PDF, a feed: not a page
        visited += 1;
        const status = response ? response.status() : 0;
        if (status >= 400 && !(role === "" && status === 404)) mine.push(`${path}: HTTP ${status}`);
        // clientWidth, not innerWidth: a phone browser widens its layout viewport (innerWidth) to a page that
        // overflows, so innerWidth would hide the very overflow this measures
        const wide = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        if (wide > 1) {
          mine.push(`${path}: ${wide} px wider than the screen`);
          await page.screenshot({ path: `${out}/wide-${locale}-${role || "anonymous"}-${shape(path).replace(/\W+/g, "_")}.png`, fullPage: true });
        }
        const said = new Set();
        for (const [text, lang] of await page.evaluate(TEXTS)) {
          for (const [pattern, what] of RAW) {
            const found = words(text).match(pattern);
            if (found && !said.has(what)) { said.add(what); mine.push(`${path}: ${what} shown: "${found[0]}" in "${text.slice(0, 80)}"`); }
          }
          if (locale !== "vi-VN" || (lang && lang !== "vi")) continue;
          const bare = text.replace(/^[\s.,:;·()—–-]+|[\s.,:;·()—–-]+$/g, "");
          const english = WHOLE.has(bare) ? bare : PARTS.find((p) => text.includes(p))
            || (looksEnglish(text) ? text.slice(0, 80) : undefined);
          if (english && !said.has(english)) { said.add(english); mine.push(`${path}: English "${english}"`); }
        }
        if (locale === "vi-VN") {
          await page.evaluate(AXE);
          const found = await page.evaluate(() => window.axe.run(document, {
            runOnly: { type: "tag", values: ["wcag2a", "wcag2aa"] }, resultTypes: ["violations"] }));
          for (const v of found.violations.filter((v) => ["serious", "critical"].includes(v.impact))) {
            const key = `${v.id} ${shape(path)}`;
            if (axeSeen.has(key)) continue;
            axeSeen.add(key);
            mine.push(`${path}: ${v.impact} ${v.id} (${v.nodes.length}×, e.g. ${v.nodes[0].target.join(" ")})`);
          }
        }
        if (queue.length + mine.length > MAX_PAGES * 2) continue;
        const links = await page.$$eval("a[href]", (as) => as.map((a) => a.getAttribute("href")));
        for (const href of links) {
          let url;
          try { url = new URL(href, base + path); } catch { continue; }
          if (url.origin !== new URL(base).origin || SKIP.test(url.pathname) || url.searchParams.has("format")) continue;
          const next = url.pathname + url.search;
          if (!seen.has(shape(url.pathname))) { seen.add(shape(url.pathname)); queue.push(next); }
        }
      }
      problems.push(...mine.map((m) => `${role || "anonymous"} ${locale} ${m}`));
      await ctx.close();
      assert.deepEqual(mine, []);
    });
  }
}
console.log(`${visited} pages looked at (${SCREEN})`);
for (const p of problems) console.log(`  ${p}`);
await finish();
