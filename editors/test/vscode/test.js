// Drives code-server (VS Code 1.100) in Debian's chromium with playwright-core (run by run.sh).
//
// Environment: CS_URL (code-server's address), WS (the workspace folder: a copy of
// editors/test/fixtures), OUT (where screenshots go). Prints "ok NAME" or "FAIL NAME: reason"
// per check; exits non-zero when any failed.
'use strict';

const path = require('node:path');
const { chromium } = require('playwright-core');

const CS_URL = process.env.CS_URL;
const WS = process.env.WS;
const OUT = process.env.OUT;
const TIMEOUT = 30_000;

// What the fixtures make the engine say (see editors/test/fixtures).
const SOURCE_QUOTE = 'met Russian President Vladimir Putin in Moscow on Oct. 27';
const EXPECTED_PROBLEMS = 2; // date-conflict on "Oct. 28", name-misspelled on "Vladimir Puttin"

let passed = 0;
let failed = 0;

async function check(name, fn) {
  try {
    await fn();
    passed += 1;
    console.log(`ok ${name}`);
    return true;
  } catch (error) {
    failed += 1;
    const message = (error && error.message) || String(error);
    console.log(`FAIL ${name}: ${message.split('\n').join('\n    ')}`);
    return false;
  }
}

function expect(cond, message) {
  if (!cond) {
    throw new Error(message);
  }
}

/** Polls fn() until it returns a truthy value; throws what() after the timeout. */
async function waitFor(what, fn, timeout = TIMEOUT) {
  const deadline = Date.now() + timeout;
  let last;
  while (Date.now() < deadline) {
    try {
      last = await fn();
      if (last) {
        return last;
      }
    } catch (error) {
      last = error;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`timed out after ${timeout} ms waiting for ${await what(last)}`);
}

async function runCommand(page, title) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: TIMEOUT });
  await input.fill(`>${title}`);
  const row = page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first();
  await row.waitFor({ state: 'visible', timeout: TIMEOUT });
  await page.keyboard.press('Enter');
}

async function main() {
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
  const page = await browser.newPage({ viewport: { width: 1400, height: 850 } });
  const consoleErrors = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') {
      consoleErrors.push(msg.text());
    }
  });
  const shot = async (name) => {
    const file = path.join(OUT, name);
    await page.screenshot({ path: file });
    console.log(`screenshot: ${file}`);
  };

  try {
    const loaded = await check('VS Code loads the workspace', async () => {
      await page.goto(`${CS_URL}/?folder=${encodeURIComponent(WS)}`, { timeout: 60_000 });
      await page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: 60_000 });
      await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'draft.md' }).waitFor({
        state: 'visible',
        timeout: 60_000,
      });
    });
    if (!loaded) {
      await shot('vscode-failed.png');
      return;
    }

    const opened = await check('the draft opens and factline underlines the conflicts', async () => {
      await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'draft.md' }).click();
      await page.locator('.monaco-editor .view-lines', { hasText: 'Vladimir Puttin' }).waitFor({ timeout: TIMEOUT });
      await waitFor(
        async () => `${EXPECTED_PROBLEMS} squiggles, have ${await page.locator('.monaco-editor [class*="squiggly-"]').count()}`,
        async () => (await page.locator('.monaco-editor [class*="squiggly-"]').count()) >= EXPECTED_PROBLEMS,
        60_000,
      );
    });
    if (!opened) {
      await shot('vscode-failed.png');
      return;
    }

    await check(`the Problems count is ${EXPECTED_PROBLEMS}`, async () => {
      const status = page.locator('[id="status.problems"]');
      const label = await waitFor(
        async (last) => `the status bar to count ${EXPECTED_PROBLEMS} problems, it says ${JSON.stringify(last)}`,
        async () => {
          const text = (await status.getAttribute('aria-label')) || (await status.innerText());
          const numbers = (text.match(/\d+/g) || []).map(Number);
          return numbers.reduce((a, b) => a + b, 0) === EXPECTED_PROBLEMS ? text : false;
        },
      );
      // And the Problems panel lists them with factline's codes.
      await status.click();
      const panel = page.locator('.markers-panel');
      await panel.waitFor({ state: 'visible', timeout: TIMEOUT });
      const text = await waitFor(
        async () => 'the Problems panel to list date-conflict and name-misspelled',
        async () => {
          const t = await panel.innerText();
          return t.includes('date-conflict') && t.includes('name-misspelled') ? t : false;
        },
      );
      expect(text.includes('factline'), `the Problems panel does not name factline as the source:\n${text}`);
      console.log(`  status bar: ${label}`);
    });

    await check('hover on "Oct. 28" shows the quote from the corpus', async () => {
      // The squiggles are decorations exactly over the diagnostic ranges; the date's is the
      // topmost (line 7, the name is on line 9).
      const squiggles = page.locator('.monaco-editor [class*="squiggly-"]');
      const boxes = [];
      for (let i = 0; i < (await squiggles.count()); i += 1) {
        const b = await squiggles.nth(i).boundingBox();
        if (b) {
          boxes.push(b);
        }
      }
      boxes.sort((a, b) => a.y - b.y);
      expect(boxes.length > 0, 'no squiggle to hover');
      const x = boxes[0].x + boxes[0].width / 2;
      const y = boxes[0].y + boxes[0].height / 2;
      const hover = page.locator('.monaco-hover:not(.hidden)');
      // The rows: the diagnostic (its relatedInformation quotes too), then the server's hover
      // answer, then the action bar. The quote must be in a row that is not the diagnostic's.
      const answer = async () => {
        if (!(await hover.count())) {
          return false;
        }
        // VS Code renders a diagnostic in a row with a ".marker" element.
        const rows = await hover
          .first()
          .locator('.hover-row:not(.status-bar)')
          .evaluateAll((elements) =>
            elements.map((element) => ({ marker: !!element.querySelector('.marker'), text: element.innerText })),
          );
        expect(rows.some((row) => row.marker), `no diagnostic row in the hover: ${JSON.stringify(rows)}`);
        const found = rows.find((row) => !row.marker && row.text.includes(SOURCE_QUOTE));
        if (!found) {
          throw new Error(rows.map((row) => (row.marker ? '[diagnostic] ' : '[hover] ') + row.text).join(' | '));
        }
        return found.text;
      };
      let lastError = 'no hover';
      let text;
      for (let attempt = 0; attempt < 4 && !text; attempt += 1) {
        await page.mouse.move(x - 40, y + 60);
        await page.waitForTimeout(300);
        await page.mouse.move(x, y, { steps: 4 });
        try {
          text = await waitFor(async (last) => `the hover (${last instanceof Error ? last.message : last})`, answer, 6000);
        } catch (error) {
          lastError = error.message;
        }
      }
      expect(text, `no hover row with the quote ${JSON.stringify(SOURCE_QUOTE)}; last: ${lastError}`);
      await shot('vscode-hover.png');
    });

    await check('factline: Show Corpus Report opens a read-only Markdown document', async () => {
      await page.mouse.move(5, 400);
      await page.keyboard.press('Escape');
      await runCommand(page, 'factline: Show Corpus Report');
      await page.locator('.tab', { hasText: 'factline corpus report' }).waitFor({ timeout: TIMEOUT });
      await page.locator('.monaco-editor .view-lines', { hasText: 'Choe Son-hui' }).first().waitFor({ timeout: TIMEOUT });
      await shot('vscode-report.png');
    });
  } finally {
    if (failed) {
      await shot('vscode-failed.png').catch(() => {});
      if (consoleErrors.length) {
        console.log(`browser console errors:\n  ${consoleErrors.slice(-10).join('\n  ')}`);
      }
    }
    await browser.close();
  }
}

main()
  .catch((error) => {
    failed += 1;
    console.log(`FAIL test.js crashed: ${(error && error.stack) || error}`);
  })
  .finally(() => {
    console.log(`vscode-test: ${passed} passed, ${failed} failed`);
    process.exit(failed > 0 || passed === 0 ? 1 : 0);
  });
