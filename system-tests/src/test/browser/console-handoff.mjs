// A human takeover in headless Chromium with two browser contexts: a customer on the widget demo
// page and a human agent in the console. The customer gets angry, the conversation reaches the
// agent's queue, the agent claims it, both write, the agent hands it back, and the AI answers the
// next message. Writes console-queue.png and console-conversation.png.
import { check, countDialogs, gateway, scenario, shots, widgetConversation } from './browser.mjs';

const agentUser = process.env.AGENT_USER || 'ana';
const agentPassword = process.env.AGENT_PASSWORD || 'ana-console';
const agentName = process.env.AGENT_NAME || '';

function systemNote(page, words) {
  return page.waitForFunction(text => [...document.querySelectorAll('.sw-system')]
    .some(note => note.textContent.includes(text)), words, { timeout: 10000 });
}

await scenario(async (browser, result) => {
  const counter = { dialogs: 0 };
  const agent = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
  const customer = await (await browser.newContext({ viewport: { width: 900, height: 700 } })).newPage();
  countDialogs(agent, counter);
  countDialogs(customer, counter);

  await agent.goto(gateway + '/console');
  await agent.fill('#sign-in input[name=username]', agentUser);
  await agent.fill('#sign-in input[name=password]', agentPassword);
  await agent.click('#sign-in button[type=submit]');
  await agent.waitForSelector('#desk:not([hidden])', { timeout: 10000 });

  await customer.goto(gateway + '/');
  await customer.waitForSelector('.sw-status:text("Connected")', { timeout: 15000 });
  const conversation = await widgetConversation(customer);
  check(conversation, 'the widget knows its conversation');
  result.conversation = conversation;

  await customer.fill('.sw-form input', 'THIS IS UNACCEPTABLE, YOUR APP IS USELESS!!!');
  await customer.keyboard.press('Enter');
  await customer.waitForSelector('.sw-status:text("Connecting you to a person")', { timeout: 15000 });
  const escalatedAt = Date.now();
  const entry = agent.locator(`#queue li[data-conversation="${conversation}"]`);
  await entry.waitFor({ timeout: 10000 });
  result.secondsToQueue = (Date.now() - escalatedAt) / 1000;
  check(result.secondsToQueue < 2, 'the conversation is in the queue within 2 s, took ' + result.secondsToQueue);
  result.queueEntry = await entry.textContent();
  check(result.queueEntry.includes('high_frustration'), 'the queue entry shows its reason');
  check(result.queueEntry.includes('YOUR APP IS USELESS'), 'the queue entry quotes what the customer said');
  await agent.screenshot({ path: shots + '/console-queue.png' });

  await entry.locator('button').click();
  await agent.waitForSelector('#conversation:not([hidden])', { timeout: 10000 });
  await systemNote(customer, 'joined the conversation');
  result.joinNote = await customer.locator('.sw-system').last().textContent();
  if (agentName) {
    check(result.joinNote.includes(agentName), 'the customer sees who joined: ' + result.joinNote);
  }
  await agent.waitForFunction(() => document.querySelector('#summary').textContent.trim().length > 0, null,
    { timeout: 10000 });
  result.summary = await agent.locator('#summary').textContent();

  const hello = 'Hi, I am from support. I am sorry about this, let me look.';
  await agent.fill('#reply textarea', hello);
  await agent.click('#reply button[type=submit]');
  await customer.waitForFunction(text => [...document.querySelectorAll('.sw-human_agent')]
    .some(m => m.textContent.includes(text)), hello, { timeout: 10000 });
  result.customerGotAgentMessage = true;

  await customer.locator('.sw-form input').pressSequentially('<img src=x onerror=alert(1)> thanks, the PDF export fails',
    { delay: 40 });
  await agent.waitForSelector('#typing:not([hidden])', { timeout: 5000 });
  result.agentSawCustomerTyping = true;
  await customer.keyboard.press('Enter');
  await agent.waitForFunction(() => [...document.querySelectorAll('#transcript li')]
    .some(m => m.textContent.includes('the PDF export fails')), null, { timeout: 10000 });
  result.agentSawCustomerMessage = true;
  result.imagesInConsoleTranscript = await agent.locator('#transcript img').count();
  result.imagesInWidget = await customer.locator('.sw-log img').count();
  check(result.imagesInConsoleTranscript === 0 && result.imagesInWidget === 0, 'messages render as text');
  await agent.screenshot({ path: shots + '/console-conversation.png' });

  const aiBeforeRelease = await customer.locator('.sw-ai').count();
  await agent.fill('#note', 'Explained the PDF export fix');
  await agent.click('#release');
  await systemNote(customer, 'back with the virtual assistant');
  check(await customer.locator('.sw-ai').count() === aiBeforeRelease, 'the AI stayed silent while the agent held it');

  await customer.fill('.sw-form input', 'how do I reset my password?');
  await customer.keyboard.press('Enter');
  await customer.waitForFunction(n => document.querySelectorAll('.sw-ai').length > n, aiBeforeRelease,
    { timeout: 15000 });
  result.aiAnswerAfterHandBack = (await customer.locator('.sw-ai').last().textContent()).slice(0, 100);
  check(/password/i.test(result.aiAnswerAfterHandBack), 'the AI answers the next message');

  result.dialogs = counter.dialogs;
  check(counter.dialogs === 0, 'no script ran from a message');
});
