// Keyboard only, end to end: from the start page to the letter with Tab, Shift+Tab, arrow keys,
// Space, Enter and typing, never a click. Every element that takes focus on the way must show a
// focus indicator; every error summary must take focus, and its link must move focus to the field.
// And the keys people use every day (Shift+Tab, capital letters) must never set off quick exit.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { focusIndicator } from "./a11y.mjs";
import { PHONE, assertNoEgress, launchBrowser, openApp, startServer, waitForStep } from "./harness.mjs";
import { SAS, keyboard, newJourneyPage, tabTo, walk } from "./journeys.mjs";

let server;
let browser;

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  server?.close();
});

const activeId = (page) => page.evaluate(() => document.activeElement?.id || document.activeElement?.tagName.toLowerCase());

test("keyboard only, from the start page to the letter: focus always visible, error summaries take focus and link to the field", async () => {
  const recorded = await newJourneyPage(browser, { viewport: PHONE });
  const { page } = recorded;
  const unseen = [];
  await openApp(page, server.origin);

  // The first Tab reaches the skip link, which moves focus to the main content.
  await page.keyboard.press("Tab");
  const skip = await focusIndicator(page);
  assert.match(skip.what, /Skip to main content/);
  assert.ok(skip.ok, `the skip link shows focus: ${skip.how}`);
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => document.activeElement?.id === "main");

  await tabTo(page, "#start-now", { unseen });
  await page.keyboard.press("Enter");
  await waitForStep(page, "safe");

  let summaries = 0;
  await walk(page, SAS, keyboard(page, { unseen }), {
    mistakes: true,
    mistake: async (step, index, m, k) => {
      const where = `${step.slug}, mistake ${k + 1}`;
      await page.waitForFunction(() => document.activeElement?.id === "error-summary", null, { timeout: 5000 }).catch(() => {});
      assert.equal(await activeId(page), "error-summary", `${where}: the error summary takes focus`);
      const summaryRing = await focusIndicator(page);
      assert.ok(summaryRing.ok, `${where}: the focused error summary shows it: ${summaryRing.how}`);
      await page.keyboard.press("Tab");
      const link = await focusIndicator(page);
      assert.ok(link.ok, `${where}: the error link shows focus: ${link.how}`);
      const field = await page.evaluate(() => document.activeElement.getAttribute("href")?.slice(1));
      assert.ok(field, `${where}: Tab from the summary reaches its first link`);
      await page.keyboard.press("Enter");
      assert.equal(await activeId(page), field, `${where}: the link moves focus to the field`);
      assert.match(page.url(), new RegExp(`#/${step.slug}$`), `${where}: the link does not change the page`);
      summaries += 1;
    },
  });
  const mistakes = SAS.steps.reduce((n, step) => n + (step.mistakes?.length || 0), 0);
  assert.equal(summaries, mistakes, "every mistake showed an error summary");
  assert.deepEqual(unseen, [], "every element that took focus showed it");

  // The journey ended on "Finish and clear"; the letter on the way had their words.
  await page.evaluate(() => (location.hash = "/letter"));
  await waitForStep(page, "letter");
  await page.locator("#letter-text").waitFor();
  const letter = await page.locator("#letter-text").evaluate((e) => e.textContent);
  assert.ok(letter.includes(SAS.words.whatHappened), "the words typed key by key are in the letter exactly");
  await assertNoEgress(recorded, server.origin);
  await recorded.context.close();
});

test("Shift+Tab and capital letters never set off quick exit; Shift three times on its own does", async () => {
  const { page, context } = await newJourneyPage(browser, { viewport: PHONE });
  await openApp(page, server.origin, "#/name");
  await tabTo(page, "#name");
  // Typed as a person types it: Shift held for each capital.
  for (const key of ["Shift+D", "e", "e", "Space", "Shift+O", "'", "Shift+C", "o", "n", "n", "o", "r"]) await page.keyboard.press(key);
  assert.equal(await page.locator("#name").inputValue(), "Dee O'Connor");
  await tabTo(page, "#birth-day");
  for (let i = 0; i < 4; i++) await page.keyboard.press("Shift+Tab");
  await page.keyboard.press("Tab");
  assert.match(page.url(), /#\/name$/, "still on the page after Shift+Tab four times");
  assert.equal(await page.locator("#name").inputValue(), "Dee O'Connor", "and nothing was cleared");

  for (let i = 0; i < 3; i++) await page.keyboard.press("Shift");
  await page.waitForURL(/exit\.html$/);
  await context.close();
});
