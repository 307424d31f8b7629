// Manual browser check of the widget on a running local stack (not yet part of ./mvnw verify):
//   apt-get install -y chromium && npm install --prefix /tmp/pw playwright-core@1
//   NODE_PATH=/tmp/pw/node_modules node gateway/src/test/browser/widget-check.mjs
// Prints the number of <img> elements in the log (0: messages render as text), alert dialogs (0),
// the user messages as shown, and the message count after a reload; writes widget.png.
import { chromium } from 'playwright-core';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
         '--disable-component-update', '--disable-sync'] });
const page = await browser.newPage({ viewport: { width: 1100, height: 700 } });
let dialogs = 0;
page.on('dialog', d => { dialogs++; d.dismiss(); });
await page.goto('http://localhost:8080/');
await page.waitForSelector('.sw-status:text("Connected")', { timeout: 15000 });
await page.fill('.sw-form input', 'hello');
await page.keyboard.press('Enter');
await page.waitForSelector('.sw-ai', { timeout: 10000 });
await page.fill('.sw-form input', '<img src=x onerror=alert(1)> thanks');
await page.keyboard.press('Enter');
await page.waitForFunction(() => document.querySelectorAll('.sw-ai').length >= 2, null, { timeout: 10000 });
const imgs = await page.locator('.sw-log img').count();
const userTexts = await page.locator('.sw-user').allTextContents();
await page.reload();
await page.waitForSelector('.sw-status:text("Connected")', { timeout: 15000 });
const afterReload = await page.locator('.sw-msg').count();
await page.screenshot({ path: 'widget.png' });
console.log(JSON.stringify({ imgs, dialogs, userTexts, afterReload }));
await browser.close();
