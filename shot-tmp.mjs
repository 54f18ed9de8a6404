import { chromium } from 'playwright-core';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: process.argv[3] || 'vi-VN' });
await page.goto('http://127.0.0.1:8765' + process.argv[2]);
await page.waitForTimeout(1500);
await page.screenshot({ path: process.argv[4], fullPage: true });
await browser.close();
