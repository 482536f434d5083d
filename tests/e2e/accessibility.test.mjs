// Accessibility, end to end in Chromium. axe-core (WCAG 2.2 AA and best practice) on every page
// and every error state of whole journeys: a person on their own on a phone; someone helping, at
// 320 px wide with large text; high contrast with the largest text at 200% zoom. On every one of
// those pages too: lang="en-GB", no sideways scrolling, hints and errors joined by
// aria-describedby. Then the display settings and their reset on quick exit, and the Listen
// button's on-device-only voices. (The keyboard-only journey is in keyboard.test.mjs.)
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { AXE_TAGS, axeViolations, pageProblems, useSettings } from "./a11y.mjs";
import { PHONE, assertNoEgress, launchBrowser, openApp, screenshot, startServer, waitForApp, startNow, waitForStep } from "./harness.mjs";
import { PRISON, SAS, SUPPORTER, mouse, newJourneyPage, nn, startJourney, walk } from "./journeys.mjs";

let server;
let browser;
/** How many pages (and states of pages) axe has checked, across the whole file. */
let pagesChecked = 0;

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
});

after(async () => {
  console.log(`axe-core checked ${pagesChecked} pages and page states (${AXE_TAGS.join(", ")})`);
  await browser?.close();
  server?.close();
});

/** 320 CSS pixels wide: the WCAG reflow width. */
const NARROW = { viewport: { width: 320, height: 640 } };
/** A 1280×800 screen zoomed to 200%: 640×400 CSS pixels at two device pixels each. */
const ZOOM_200 = { viewport: { width: 640, height: 400 }, deviceScaleFactor: 2 };

/** Every problem axe and `pageProblems` find on the page as it is now, labelled. */
async function problemsOn(page, label) {
  pagesChecked += 1;
  const found = [...(await axeViolations(page)), ...(await pageProblems(page))];
  return found.map((problem) => `${label}: ${problem}`);
}

/** Opens a page that is not part of the journey (by its address) and checks it. */
async function visit(page, hash, label, problems) {
  await page.goto(`${server.origin}/${hash}`);
  await waitForApp(page);
  await page.waitForSelector(hash ? "#app h1" : "#start-page h1");
  problems.push(...(await problemsOn(page, label)));
}

/** "Save or open a draft", then the same page with each kind of error showing. */
async function checkSavePage(page, problems) {
  await visit(page, "#/save", "save", problems);
  await page.getByRole("button", { name: "Save on this device" }).click();
  await page.locator("#save-passphrase-error").waitFor();
  problems.push(...(await problemsOn(page, "save, passphrase too short")));
  await page.getByRole("button", { name: "Open the file" }).click();
  await page.locator("#open-file-error").waitFor();
  problems.push(...(await problemsOn(page, "save, no file chosen")));
}

/**
 * Walks `journey` from "Start now" to "Finish and clear", making each of its mistakes on the way,
 * and checks every page once answered (so revealed fields show) and every error state.
 * Saves a screenshot of each page under `folder`.
 */
async function checkJourney(page, journey, problems, folder) {
  await walk(page, journey, mouse(page), {
    mistakes: true,
    mistake: async (step, index, m, k) => problems.push(...(await problemsOn(page, `${step.slug}, mistake ${k + 1}`))),
    answered: async (step, index) => {
      problems.push(...(await problemsOn(page, step.slug)));
      if (folder) await screenshot(page, folder, `${nn(index)}-${step.slug}`);
    },
  });
}

test("a person on their own, on a phone: every page and every error passes axe, with lang, reflow and aria-describedby", async () => {
  const recorded = await newJourneyPage(browser, { viewport: PHONE });
  const { page } = recorded;
  const problems = [];
  await visit(page, "", "start page", problems);
  await checkSavePage(page, problems);
  await visit(page, "#/no-such-page", "page not found", problems);
  await startJourney(page, server.origin);
  await checkJourney(page, SAS, problems);
  assert.deepEqual(problems, []);
  await assertNoEgress(recorded, server.origin);
  await recorded.context.close();
});

test("someone helping, 320 px wide with large text: every page and every error passes axe and nothing scrolls sideways", async () => {
  const recorded = await newJourneyPage(browser, NARROW);
  const { page } = recorded;
  const problems = [];
  await openApp(page, server.origin);
  await useSettings(page, { size: "A+ large text" });
  problems.push(...(await problemsOn(page, "start page")));
  await startNow(page);
  await checkJourney(page, SUPPORTER, problems, "supporter-320px-large-text");
  await page.locator(".app-footer a[href='#/save']").click();
  await page.waitForSelector("#app h1");
  problems.push(...(await problemsOn(page, "save")));
  assert.deepEqual(problems, []);
  await recorded.context.close();
});

test("high contrast and the largest text, at 200% zoom: every page and every error passes axe and reflows", async () => {
  const recorded = await newJourneyPage(browser, ZOOM_200);
  const { page } = recorded;
  const problems = [];
  await openApp(page, server.origin);
  await useSettings(page, { size: "A++ larger text", contrast: true });
  const settingsOn = () => page.evaluate(() => ["app-text-larger", "app-contrast"].every((c) => document.documentElement.classList.contains(c)));
  assert.ok(await settingsOn(), "high contrast and larger text are on");
  problems.push(...(await problemsOn(page, "start page")));
  await startNow(page);
  await checkJourney(page, PRISON, problems);
  // The settings are in memory, so the pages that are not part of the journey are reached by
  // their links here rather than by loading their address.
  await page.locator(".app-footer a[href='#/save']").click();
  await page.waitForSelector("#app h1");
  problems.push(...(await problemsOn(page, "save")));
  assert.ok(await settingsOn(), "still on after a whole journey");
  assert.deepEqual(problems, []);
  await recorded.context.close();
});

test("the crisis help page (Get help now) passes axe, plain and with high contrast and larger text, at 320 px", async () => {
  const { page, context } = await newJourneyPage(browser, NARROW);
  const problems = [];
  await openApp(page, server.origin);
  await page.locator("header a[href='#/get-help']").click();
  await waitForStep(page, "get-help");
  problems.push(...(await problemsOn(page, "get help")));
  await useSettings(page, { size: "A++ larger text", contrast: true });
  problems.push(...(await problemsOn(page, "get help, high contrast and larger text")));
  assert.deepEqual(problems, []);
  await context.close();
});

/** The size of the root font, the page's background, and the settings' pressed states. */
async function display(page) {
  return page.evaluate(() => ({
    fontSize: getComputedStyle(document.documentElement).fontSize,
    background: getComputedStyle(document.body).backgroundColor,
    pressed: [...document.querySelectorAll("#app-top .app-settings button")]
      .filter((b) => b.getAttribute("aria-pressed") === "true")
      .map((b) => b.textContent),
  }));
}

test("text size and high contrast change every page, and quick exit puts them back", async () => {
  const { page, context } = await newJourneyPage(browser, { viewport: PHONE });
  await openApp(page, server.origin);
  const plain = { fontSize: "16px", background: "rgb(255, 255, 255)", pressed: ["A normal text size"] };
  assert.deepEqual(await display(page), plain);

  await useSettings(page, { size: "A+ large text" });
  assert.equal((await display(page)).fontSize, "20px");
  await useSettings(page, { size: "A++ larger text", contrast: true });
  const on = { fontSize: "24px", background: "rgb(0, 0, 0)", pressed: ["A++ larger text", "High contrast"] };
  assert.deepEqual(await display(page), on);
  // The whole page scales with the setting: the question's heading too.
  await startNow(page);
  await waitForStep(page, "safe");
  assert.deepEqual(await display(page), on, "the settings stay on from page to page");
  const heading = await page.locator("#app h1").evaluate((h) => parseFloat(getComputedStyle(h).fontSize));
  assert.ok(heading >= 42, `the heading grows with the text size (${heading}px)`);

  await page.locator("#exit-this-page").click();
  await page.waitForURL(/exit\.html$/);
  await openApp(page, server.origin);
  assert.deepEqual(await display(page), plain, "quick exit resets the text size and colours");
  assert.ok(!(await page.evaluate(() => /app-text|app-contrast/.test(document.documentElement.className))));
  await context.close();
});

/**
 * Replaces the browser's voices with `voices` (plain descriptions) before the app starts, and
 * records what would have been spoken instead of speaking. With `later`, the list starts empty
 * and `window.__voicesArrive()` fills it, as browsers that load voices after the page do.
 */
async function fakeVoices(context, voices, { later = false } = {}) {
  await context.addInitScript(
    ({ voices, later }) => {
      const voice = (v) =>
        Object.create(SpeechSynthesisVoice.prototype, {
          name: { value: v.name },
          voiceURI: { value: v.name },
          lang: { value: v.lang },
          localService: { value: v.localService },
          default: { value: false },
        });
      let list = later ? [] : voices.map(voice);
      window.__spoken = [];
      speechSynthesis.getVoices = () => list;
      speechSynthesis.cancel = () => {};
      speechSynthesis.speak = (u) => window.__spoken.push({ text: u.text, voice: u.voice?.name ?? null });
      // A real utterance accepts only a real voice; this one records whichever it is given.
      window.SpeechSynthesisUtterance = class {
        constructor(text) {
          Object.assign(this, { text, voice: null, lang: "", rate: 1 });
        }
      };
      window.__voicesArrive = () => {
        list = voices.map(voice);
        speechSynthesis.dispatchEvent(new Event("voiceschanged"));
      };
    },
    { voices, later },
  );
}

const NETWORK_VOICE = { name: "Cloud English (UK)", lang: "en-GB", localService: false };
const LOCAL_US = { name: "On-device English (US)", lang: "en-US", localService: true };
const LOCAL_FR = { name: "On-device French", lang: "fr-FR", localService: true };
const listen = (page) => page.locator("#app-top").getByRole("button", { name: "Listen to this page" });

test("Listen is hidden when the device has no voice of its own, even if it has cloud voices", async () => {
  for (const voices of [[], [NETWORK_VOICE]]) {
    const { page, context } = await newJourneyPage(browser, { viewport: PHONE });
    await fakeVoices(context, voices);
    await openApp(page, server.origin);
    assert.equal(await listen(page).count(), 0, `no Listen on the start page with ${voices.length} cloud voices`);
    await startNow(page);
    await waitForStep(page, "safe");
    assert.equal(await listen(page).count(), 0, "nor on a question");
    await context.close();
  }
});

test("Listen reads the page with an on-device voice only, never a cloud one", async () => {
  const recorded = await newJourneyPage(browser, { viewport: PHONE });
  const { page, context } = recorded;
  await fakeVoices(context, [NETWORK_VOICE, LOCAL_FR, LOCAL_US]);
  const lastSpoken = () => page.evaluate(() => window.__spoken.at(-1));
  await openApp(page, server.origin);
  await listen(page).click();
  const start = await lastSpoken();
  assert.match(start.text, /Complain about a health or care service, in your own words/, "the start page");
  assert.equal(start.voice, LOCAL_US.name, "an English voice on the device, not the cloud one");

  await startNow(page);
  await waitForStep(page, "safe");
  assert.deepEqual(await problemsOn(page, "safe, with Listen"), []);
  await listen(page).click();
  const question = await lastSpoken();
  assert.match(question.text, /Are you safe right now\?/, "the question");
  assert.match(question.text, /we will show you who can help straight away/, "its hint");
  assert.match(question.text, /Yes, I am safe/, "and its options");
  assert.equal(question.voice, LOCAL_US.name);
  await assertNoEgress(recorded, server.origin);
  await context.close();
});

test("Listen appears when on-device voices arrive after the page has loaded", async () => {
  const { page, context } = await newJourneyPage(browser, { viewport: PHONE });
  await fakeVoices(context, [LOCAL_US], { later: true });
  await openApp(page, server.origin, "#/who");
  assert.equal(await listen(page).count(), 0);
  await page.evaluate(() => window.__voicesArrive());
  await listen(page).waitFor();
  await context.close();
});

test("Listen reads the words typed into a box and which option is chosen, never a passphrase; the same button stops it, and a new page stops it", async () => {
  const { page, context } = await newJourneyPage(browser, { viewport: PHONE });
  await fakeVoices(context, [LOCAL_US]);
  const lastSpoken = () => page.evaluate(() => window.__spoken.at(-1));
  await openApp(page, server.origin, "#/what-happened");
  await page.locator("#what-happened").fill("Nobody rang me back about my tablets.");
  await listen(page).click();
  const words = await lastSpoken();
  assert.match(words.text, /What happened\?/, "the question");
  assert.match(words.text, /Nobody rang me back about my tablets\./, "the words in the box");
  assert.doesNotMatch(words.text, /Continue/, "not the buttons");
  // While it reads, the button stops it.
  const stop = page.locator("#app-top").getByRole("button", { name: "Stop reading this page" });
  await stop.click();
  await listen(page).waitFor();
  // A chosen option is said to be chosen.
  await page.evaluate(() => (location.hash = "/who"));
  await waitForStep(page, "who");
  await page.getByLabel("Me. It is my complaint", { exact: true }).check();
  await listen(page).click();
  assert.match((await lastSpoken()).text, /Me\. It is my complaint, chosen/);
  // Moving to another page stops the reading and puts the button back.
  await page.evaluate(() => (location.hash = "/save"));
  await listen(page).waitFor();
  await page.locator("#save-passphrase").fill("my secret phrase");
  await listen(page).click();
  assert.doesNotMatch((await lastSpoken()).text, /my secret phrase/, "a passphrase is never read aloud");
  await context.close();
});

test("on the letter page, Listen reads the person's own words, or the whole letter; the same button stops it", async () => {
  const { page, context } = await newJourneyPage(browser, { viewport: PHONE });
  await fakeVoices(context, [LOCAL_US]);
  const lastSpoken = () => page.evaluate(() => window.__spoken.at(-1));
  const words = "Nobody rang me back about my tablets.";
  await openApp(page, server.origin, "#/what-happened");
  await page.locator("#what-happened").fill(words);
  await page.evaluate(() => (location.hash = "/letter"));
  await page.locator("#letter-text").waitFor({ timeout: 30000 });
  await page.getByRole("button", { name: "Listen to my words", exact: true }).click();
  assert.equal((await lastSpoken()).text, words, "exactly their words, and nothing else");
  await page.getByRole("button", { name: "Stop reading", exact: true }).click();
  await page.getByRole("button", { name: "Listen to the letter", exact: true }).click();
  const letter = (await lastSpoken()).text;
  assert.match(letter, /^Dear Sir or Madam|Dear Sir or Madam/, "the letter itself");
  assert.ok(letter.includes(words.slice(0, -1)), "with their words in it");
  assert.doesNotMatch(letter, /Print|Copy the letter/, "not the buttons");
  // A new page stops it and puts every button back.
  await page.evaluate(() => (location.hash = "/name"));
  await listen(page).waitFor();
  await context.close();
});

test("a second Continue with the same mistake takes focus to the errors again, and the title says Error", async () => {
  const { page, context } = await newJourneyPage(browser, { viewport: PHONE });
  await openApp(page, server.origin, "#/what-happened");
  const title = await page.title();
  for (let i = 0; i < 2; i++) {
    await page.locator("#what-happened").focus();
    await page.locator("form button[type=submit]").click();
    await page.waitForFunction(() => document.activeElement?.id === "error-summary");
    assert.equal(await page.title(), `Error: ${title}`, `try ${i + 1}`);
  }
  await page.locator("#what-happened").fill("They would not see me.");
  await page.locator("form button[type=submit]").click();
  await waitForStep(page, "when");
  assert.ok(!(await page.title()).startsWith("Error"), "a new page, no error in the title");
  assert.equal(await page.evaluate(() => document.activeElement?.tagName), "H1", "the new question's heading has focus");
  await context.close();
});
