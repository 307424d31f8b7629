// End-to-end check of a human handoff in a real headless Chromium, with two browser contexts: a
// customer on the widget demo page and a human agent in the console. Runs against a local stack
// (`java -jar local-stack/target/local-stack.jar`, dev mode: console account ana / ana-console).
// Not part of ./mvnw verify (Chromium is not fetched by the build):
//   apt-get install -y chromium && npm install --prefix /tmp/pw playwright-core@1
//   cp gateway/src/test/browser/console-e2e.mjs /tmp/pw/ && node /tmp/pw/console-e2e.mjs   (from the repository root)
// Prints what it measured as JSON and writes docs/console-queue.png and docs/console-conversation.png.
import { chromium } from 'playwright-core';

const base = process.env.GATEWAY || 'http://localhost:8080';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
         '--disable-component-update', '--disable-sync'] });
const result = {};
try {
  const agentContext = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const customerContext = await browser.newContext({ viewport: { width: 900, height: 700 } });
  const agent = await agentContext.newPage();
  const customer = await customerContext.newPage();
  let dialogs = 0;
  for (const page of [agent, customer]) {
    page.on('dialog', d => { dialogs++; d.dismiss(); });
  }

  await agent.goto(base + '/console');
  await agent.fill('#sign-in input[name=username]', 'ana');
  await agent.fill('#sign-in input[name=password]', 'ana-console');
  await agent.click('#sign-in button[type=submit]');
  await agent.waitForSelector('#desk:not([hidden])', { timeout: 10000 });
  const queuedBefore = await agent.locator('#queue li').count();

  await customer.goto(base + '/');
  await customer.waitForSelector('.sw-status:text("Connected")', { timeout: 15000 });
  await customer.fill('.sw-form input', 'THIS IS UNACCEPTABLE, YOUR APP IS USELESS!!!');
  await customer.keyboard.press('Enter');
  await customer.waitForSelector('.sw-status:text("Connecting you to a person")', { timeout: 15000 });
  const escalated = Date.now();
  await agent.waitForFunction(n => document.querySelectorAll('#queue li').length > n, queuedBefore,
    { timeout: 10000 });
  result.secondsToQueue = (Date.now() - escalated) / 1000;
  await agent.screenshot({ path: 'docs/console-queue.png' });

  await agent.locator('#queue li').last().locator('button').click();
  await agent.waitForSelector('#conversation:not([hidden])', { timeout: 10000 });
  await customer.waitForFunction(() => [...document.querySelectorAll('.sw-system')]
    .some(m => m.textContent.includes('joined the conversation')), null, { timeout: 10000 });
  result.customerSawAgentJoin = true;

  await agent.fill('#reply textarea', 'Hi, I am Ana from support. I am sorry about this, let me look.');
  await agent.click('#reply button[type=submit]');
  await customer.waitForSelector('.sw-human_agent', { timeout: 10000 });
  result.customerGotAgentMessage = await customer.locator('.sw-human_agent').last().textContent();

  await customer.fill('.sw-form input', '<img src=x onerror=alert(1)> thanks Ana, the PDF export fails');
  await customer.keyboard.press('Enter');
  await agent.waitForFunction(() => [...document.querySelectorAll('#transcript li')]
    .some(m => m.textContent.includes('thanks Ana')), null, { timeout: 10000 });
  result.imagesInConsoleTranscript = await agent.locator('#transcript img').count();
  result.imagesInWidget = await customer.locator('.sw-log img').count();
  await agent.screenshot({ path: 'docs/console-conversation.png' });

  await agent.fill('#note', 'Explained the PDF export fix');
  await agent.click('#release');
  await customer.waitForFunction(() => [...document.querySelectorAll('.sw-system')]
    .some(m => m.textContent.includes('back with the virtual assistant')), null, { timeout: 10000 });
  const aiBefore = await customer.locator('.sw-ai').count();
  await customer.fill('.sw-form input', 'how do I reset my password?');
  await customer.keyboard.press('Enter');
  await customer.waitForFunction(n => document.querySelectorAll('.sw-ai').length > n, aiBefore, { timeout: 15000 });
  result.aiAnswerAfterHandBack = (await customer.locator('.sw-ai').last().textContent()).slice(0, 80);
  result.dialogs = dialogs;
} finally {
  console.log(JSON.stringify(result, null, 2));
  await browser.close();
}
