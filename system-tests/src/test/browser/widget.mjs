// The chat widget on its demo page, in headless Chromium: a question answered with a citation,
// a message that looks like HTML shown as text, and the conversation still there after a reload.
import { check, countDialogs, gateway, scenario, shots } from './browser.mjs';

const HOSTILE = '<img src=x onerror=alert(1)> is this safe?';

await scenario(async (browser, result) => {
  const page = await browser.newPage({ viewport: { width: 1100, height: 720 } });
  const counter = { dialogs: 0 };
  countDialogs(page, counter);

  await page.goto(gateway + '/');
  await page.waitForSelector('.sw-status:text("Connected")', { timeout: 15000 });

  await page.fill('.sw-form input', 'How do I get a refund for my subscription?');
  await page.keyboard.press('Enter');
  const answer = page.locator('.sw-ai').first();
  await answer.waitFor({ timeout: 15000 });
  const citation = answer.locator('.sw-cites a').first();
  await citation.waitFor({ timeout: 5000 });
  result.answer = (await answer.textContent()).slice(0, 120);
  result.citation = await citation.textContent();
  result.citationLink = await citation.getAttribute('href');
  check(/refund/i.test(result.citationLink), 'the answer cites the refund policy, got ' + result.citationLink);

  await page.fill('.sw-form input', HOSTILE);
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelectorAll('.sw-ai').length >= 2, null, { timeout: 15000 });
  result.imagesInLog = await page.locator('.sw-log img').count();
  result.userTexts = await page.locator('.sw-user').allTextContents();
  check(result.imagesInLog === 0, 'no <img> element is created from a message');
  check(result.userTexts.some(text => text.includes(HOSTILE)), 'the message is shown as the text it is');

  const before = await page.locator('.sw-msg').allTextContents();
  await page.reload();
  await page.waitForSelector('.sw-status:text("Connected")', { timeout: 15000 });
  await page.waitForFunction(n => document.querySelectorAll('.sw-msg').length >= n, before.length,
    { timeout: 10000 });
  const after = await page.locator('.sw-msg').allTextContents();
  result.messagesBeforeReload = before.length;
  result.messagesAfterReload = after.length;
  check(JSON.stringify(after.slice(0, before.length)) === JSON.stringify(before),
    'after a reload the widget shows the same conversation');
  await page.screenshot({ path: shots + '/widget.png' });

  result.dialogs = counter.dialogs;
  check(counter.dialogs === 0, 'no script ran from a message');
});
