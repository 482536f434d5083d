// Safe on a shared computer, working offline: quick exit (button and Shift×3) leaves nothing
// behind; encrypted drafts round-trip and never hold the words in readable form; storage that
// throws does not stop a journey; a quiet shared computer is warned, then cleared; and after one
// visit the app works with no network at all.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  assertNoEgress,
  everythingStored,
  launchBrowser,
  newRecordedPage,
  next,
  openApp,
  startServer,
  waitForApp,
  waitForStep,
} from "./harness.mjs";

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

const SECRET_WORDS = "The duty doctor called me a junkie in front of everyone.";

async function typeWords(page) {
  await openApp(page, server.origin, "#/what-happened");
  await page.locator("#what-happened").fill(SECRET_WORDS);
  await page.waitForFunction(
    (words) => Object.values(sessionStorage).some((v) => v.length > 0) && !document.body.innerText.includes("not letting us keep"),
    SECRET_WORDS,
  );
}

for (const how of ["the Exit this page button", "pressing Shift three times"]) {
  test(`quick exit by ${how} leaves no answer in any storage or in history`, async () => {
    const recorded = await newRecordedPage(browser);
    const { page } = recorded;
    await typeWords(page);
    const stored = await page.evaluate(() => sessionStorage.length);
    assert.ok(stored > 0, "the answers were in session storage before exit");
    if (how.includes("button")) {
      await page.locator("#exit-this-page").click();
    } else {
      await page.locator("#what-happened").focus();
      for (let i = 0; i < 3; i++) await page.keyboard.press("Shift");
    }
    await page.waitForURL(/exit\.html$/);
    assert.equal(await page.title(), "Easy vegetable soup", "a neutral page replaces the app");
    const everything = await everythingStored(page);
    assert.ok(!everything.includes(SECRET_WORDS), "no storage holds the words");
    assert.equal(await page.evaluate(() => localStorage.length + sessionStorage.length), 0);

    await page.goBack();
    await page.waitForLoadState("load");
    const text = await page.evaluate(() => document.body.innerText);
    assert.ok(!text.includes(SECRET_WORDS), "Back does not bring the words back");
    const box = page.locator("#what-happened");
    if (await box.count()) assert.equal(await box.inputValue(), "");
    await assertNoEgress(recorded, server.origin);
    await recorded.context.close();
  });
}

test("quick exit straight after typing: words not yet written to storage are never written", async () => {
  const recorded = await newRecordedPage(browser);
  const { page } = recorded;
  await typeWords(page);
  // More words, then Shift three times at once: well inside the pause before saving.
  await page.locator("#what-happened").focus();
  await page.keyboard.type(" and more", { delay: 0 });
  for (let i = 0; i < 3; i++) await page.keyboard.press("Shift");
  await page.waitForURL(/exit\.html$/);
  await page.waitForTimeout(600);
  const everything = await everythingStored(page);
  assert.ok(!everything.includes(SECRET_WORDS), "no storage holds the words");
  assert.equal(await page.evaluate(() => localStorage.length + sessionStorage.length), 0);
  await recorded.context.close();
});

test("a draft saved on this device is encrypted, opens with the passphrase, and refuses a wrong one", async () => {
  const recorded = await newRecordedPage(browser);
  const { page, context } = recorded;
  await typeWords(page);
  await page.goto(`${server.origin}/#/save`);
  await page.locator("#save-passphrase").fill("blue kettle morning");
  await page.locator("#save-confirm").fill("blue kettle morning");
  await page.getByRole("button", { name: "Save on this device" }).click();
  await page.getByRole("status").filter({ hasText: "Saved on this device" }).waitFor({ timeout: 30000 });
  const saved = await page.evaluate(() => localStorage.getItem("in-my-words-saved-draft"));
  assert.ok(saved && saved.length > 50, "an encrypted draft is stored");
  assert.ok(!saved.includes(SECRET_WORDS));
  assert.ok(!Buffer.from(saved, "base64").toString("latin1").includes(SECRET_WORDS), "the stored bytes do not contain the words");

  // A new tab: session storage is empty, the saved draft is not.
  const fresh = await context.newPage();
  await openApp(fresh, server.origin, "#/save");
  await fresh.locator("#open-passphrase").fill("wrong passphrase");
  await fresh.getByRole("button", { name: "Open the draft saved on this device" }).click();
  await fresh.getByText("That passphrase did not open the draft").first().waitFor({ timeout: 30000 });
  assert.equal(await fresh.evaluate(() => localStorage.getItem("in-my-words-saved-draft")), saved, "a wrong passphrase loses nothing");

  await fresh.locator("#open-passphrase").fill("blue kettle morning");
  await fresh.getByRole("button", { name: "Open the draft saved on this device" }).click();
  await fresh.getByRole("status").filter({ hasText: "Your draft is open" }).waitFor({ timeout: 30000 });
  await fresh.goto(`${server.origin}/#/what-happened`);
  await fresh.locator("#what-happened").waitFor();
  assert.equal(await fresh.locator("#what-happened").inputValue(), SECRET_WORDS);
  await assertNoEgress(recorded, server.origin);
  await context.close();
});

test("a draft saved to a file opens on another device", async () => {
  const first = await newRecordedPage(browser, { acceptDownloads: true });
  await typeWords(first.page);
  await first.page.goto(`${server.origin}/#/save`);
  await first.page.locator("#save-passphrase").fill("library to phone");
  await first.page.locator("#save-confirm").fill("library to phone");
  const [download] = await Promise.all([
    first.page.waitForEvent("download", { timeout: 30000 }),
    first.page.getByRole("button", { name: "Save to a file" }).click(),
  ]);
  assert.equal(download.suggestedFilename(), "draft.imw");
  // Keep a copy: the browser deletes its downloads when the context closes.
  const file = join(mkdtempSync(join(tmpdir(), "imw-draft-")), "draft.imw");
  await download.saveAs(file);
  const bytes = readFileSync(file);
  assert.equal(bytes.subarray(0, 4).toString("latin1"), "IMWD");
  assert.ok(!bytes.toString("latin1").includes(SECRET_WORDS), "the file does not contain the words in readable form");
  await assertNoEgress(first, server.origin);
  await first.context.close();

  // "Another device": a separate browser context with nothing stored.
  const second = await newRecordedPage(browser);
  await openApp(second.page, server.origin, "#/save");
  await second.page.locator("#open-file").setInputFiles(file);
  await second.page.locator("#open-passphrase").fill("library to phone");
  await second.page.getByRole("button", { name: "Open the file" }).click();
  await second.page.getByRole("status").filter({ hasText: "Your draft is open" }).waitFor({ timeout: 30000 });
  await second.page.goto(`${server.origin}/#/what-happened`);
  await second.page.locator("#what-happened").waitFor();
  assert.equal(await second.page.locator("#what-happened").inputValue(), SECRET_WORDS);
  await second.context.close();
});

test("when storage throws on every call, the journey still completes and says it cannot save", async () => {
  const recorded = await newRecordedPage(browser);
  const { page, context } = recorded;
  await context.addInitScript(() => {
    for (const name of ["getItem", "setItem", "removeItem", "clear", "key"]) {
      Storage.prototype[name] = () => {
        throw new DOMException("storage is switched off", "SecurityError");
      };
    }
  });
  await openApp(page, server.origin, "#/what-happened");
  await page.locator("#what-happened").fill(SECRET_WORDS);
  await page.getByText("not letting us keep your answers").waitFor();
  await next(page);
  await waitForStep(page, "when");
  await page.goBack();
  await waitForStep(page, "what-happened");
  assert.equal(await page.locator("#what-happened").inputValue(), SECRET_WORDS, "nothing typed is lost");
  await page.goto(`${server.origin}/#/letter`);
  await page.locator("#letter-text").waitFor();
  assert.ok((await page.locator("#letter-text").textContent()).includes(SECRET_WORDS));
  await context.close();
});

test("on a shared computer, a quiet page is warned about and then cleared", async () => {
  const recorded = await newRecordedPage(browser);
  const { page, context } = recorded;
  await page.clock.install();
  await openApp(page, server.origin, "#/who");
  await page.locator("#app-settings summary").click();
  await page.getByLabel("Yes, it is shared or public", { exact: true }).check();
  await page.goto(`${server.origin}/#/what-happened`);
  await page.locator("#what-happened").fill(SECRET_WORDS);
  await page.clock.fastForward("13:50");
  assert.equal(await page.getByText("Are you still there?").count(), 0, `no warning before 14 minutes: ${await page.locator("#app-top").innerText()}`);
  await page.clock.fastForward("00:15");
  await page.getByText("Are you still there?").waitFor();
  await page.clock.fastForward("01:05");
  await page.getByText("We cleared your answers").waitFor();
  assert.equal(await page.evaluate(() => sessionStorage.length + localStorage.length), 0);
  assert.ok(!(await page.evaluate(() => document.body.innerText)).includes(SECRET_WORDS));
  await context.close();
});

test("after one visit the app works offline: a whole journey and a letter with no network", async () => {
  const recorded = await newRecordedPage(browser);
  const { page, context } = recorded;
  await openApp(page, server.origin);
  await page.getByText("Works offline on this device").waitFor({ timeout: 30000 });
  await page.evaluate(() => navigator.serviceWorker.ready);
  await context.setOffline(true);
  await page.reload();
  await waitForApp(page);
  await page.getByRole("link", { name: "Start now" }).click();
  const steps = [
    ["safe", async () => page.getByLabel("Yes, I am safe", { exact: true }).check()],
    ["who", async () => page.getByLabel("Me. It is my complaint", { exact: true }).check()],
    ["what-happened", async () => page.locator("#what-happened").fill(SECRET_WORDS)],
    ["when", async () => {}],
    ["how-it-affected", async () => {}],
    ["service-type", async () => page.getByLabel("A pharmacy (chemist)", { exact: true }).check()],
    ["area", async () => page.getByLabel("Scotland", { exact: true }).check()],
    ["service-name", async () => {}],
  ];
  for (const [slug, act] of steps) {
    await waitForStep(page, slug);
    await act();
    await next(page);
  }
  await page.goto(`${server.origin}/#/name`);
  await page.locator("#name").fill("Sam Example");
  await page.goto(`${server.origin}/#/letter`);
  await page.locator("#letter-text").waitFor();
  const letter = await page.locator("#letter-text").textContent();
  assert.ok(letter.includes(SECRET_WORDS), "the letter is made offline");
  await context.setOffline(false);
  await context.close();
});
