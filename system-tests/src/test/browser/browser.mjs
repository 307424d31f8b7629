// Shared by the browser test scripts: settings from the environment, a Chromium that works on a
// machine with no outside network, and checks that stop the script with a readable reason.
import { chromium } from 'playwright-core';

export const gateway = process.env.GATEWAY || 'http://localhost:8080';
export const shots = process.env.SHOTS || '.';

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    // Without the background-networking flags Chromium keeps dialling Google's hosts, which a
    // closed network refuses, many at a time.
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
}

/** Counts alert() and friends on a page, so a message that runs script shows up as a count. */
export function countDialogs(page, counter) {
  page.on('dialog', dialog => {
    counter.dialogs++;
    dialog.dismiss();
  });
}

export function check(condition, message) {
  if (!condition) {
    throw new Error('check failed: ' + message);
  }
}

/** Runs a scenario, prints what it measured as one JSON line, and exits 1 on any failure. */
export async function scenario(body) {
  const result = {};
  const browser = await launch();
  try {
    await body(browser, result);
    result.ok = true;
  } catch (error) {
    result.ok = false;
    result.error = String(error && error.stack || error);
  } finally {
    await browser.close();
  }
  console.log('RESULT ' + JSON.stringify(result));
  process.exit(result.ok ? 0 : 1);
}

/** The conversation the widget on this page is in, from the state it keeps in localStorage. */
export async function widgetConversation(page) {
  return page.evaluate(() => {
    for (let i = 0; i < localStorage.length; i++) {
      const key = localStorage.key(i);
      if (key.startsWith('support-widget:')) {
        const state = JSON.parse(localStorage.getItem(key));
        if (state && state.conversationId) {
          return state.conversationId;
        }
      }
    }
    return null;
  });
}
