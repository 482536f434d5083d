// The walking skeleton, end to end in Chromium at phone size: start page, the "what happened"
// question, a kind error for an empty answer, nothing lost on Back, the letter carrying the
// person's words exactly, and a route computed by the domain.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { choose, launchBrowser, newRecordedPage, next, openApp, startServer, waitForStep } from "./harness.mjs";

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

const WORDS = "I rang at 8am every day for a week.\n\nThe receptionist said: \"no appointments, try tomorrow\" <again>.\n  I gave up.";

test("the start page is plain HTML that says what the app is and that nothing leaves the device", async () => {
  const { page, context } = await newRecordedPage(browser, { javaScriptEnabled: false });
  await page.goto(`${server.origin}/`);
  const text = await page.locator("#start-page").innerText();
  assert.match(text, /in your own words/i);
  assert.match(text, /Nothing you type leaves this device/);
  assert.match(text, /free/i);
  await context.close();
});

test("an empty answer gets a clear error and typed words survive Back and Continue", async () => {
  const { page, context } = await newRecordedPage(browser);
  await openApp(page, server.origin, "#/what-happened");
  await next(page);
  const summary = page.locator(".app-error-summary");
  await summary.waitFor();
  assert.match(await summary.innerText(), /There is a problem/);
  assert.match(await summary.innerText(), /Write what happened/);
  // Focus moves just after the summary is drawn; wait for it rather than race it.
  await page
    .waitForFunction(() => document.activeElement.classList.contains("app-error-summary"), null, { timeout: 5000 })
    .catch(() => assert.fail("the summary takes focus"));
  await summary.getByRole("link").click();
  assert.equal(await page.evaluate(() => document.activeElement.id), "what-happened", "the link focuses the box");

  await page.locator("#what-happened").fill(WORDS);
  await next(page);
  await waitForStep(page, "when");
  await page.goBack();
  await waitForStep(page, "what-happened");
  assert.equal(await page.locator("#what-happened").inputValue(), WORDS, "Back keeps the words");
  await page.reload();
  await page.locator("#what-happened").waitFor();
  assert.equal(await page.locator("#what-happened").inputValue(), WORDS, "a refresh keeps the words");
  await context.close();
});

test("the letter carries the words exactly and the route comes from the domain", async () => {
  const { page, context } = await newRecordedPage(browser);
  await openApp(page, server.origin);
  await page.getByRole("link", { name: "Start now" }).click();
  await waitForStep(page, "safe");
  await choose(page, "Yes, I am safe");
  await next(page);
  await waitForStep(page, "who");
  await choose(page, "Me. It is my complaint");
  await next(page);
  // Their story comes first.
  await waitForStep(page, "what-happened");
  await page.locator("#what-happened").fill(WORDS);
  for (const slug of ["what-happened", "when", "how-it-affected"]) {
    await waitForStep(page, slug);
    await next(page);
  }
  await waitForStep(page, "service-type");
  await choose(page, "A GP practice (doctor's surgery)");
  await next(page);
  await waitForStep(page, "service");
  await choose(page, "Care or treatment at the GP practice");
  await next(page);
  await waitForStep(page, "area");
  await choose(page, "Brighton and Hove");
  await next(page);
  await waitForStep(page, "service-name");
  await next(page);
  // One service: nothing more is asked about others on the way.
  await waitForStep(page, "what-you-want");
  await page.goto(`${server.origin}/#/letter`);
  await page.locator("#letter-text").waitFor();
  const letter = await page.locator("#letter-text").evaluate((e) => e.textContent);
  assert.ok(letter.includes(WORDS), `the letter contains the words exactly:\n${letter}`);
  await page.getByRole("link", { name: "Continue", exact: true }).click();
  await waitForStep(page, "send-it");
  await page.getByRole("button", { name: "Print the letter" }).waitFor();
  await page.evaluate(() => document.querySelectorAll("#app details").forEach((d) => (d.open = true)));
  const where = await page.locator("#app").innerText();
  assert.match(where, /practice manager/i);
  assert.match(where, /NHS Surrey and Sussex/);
  await context.close();
});
