// The concern log, in a real browser: log two concerns, add what happened next to one, turn both
// into one complaint whose letter carries both dates and the words exactly; quick exit clears the
// log; an encrypted draft carries it; the worker's table holds none of the personal fields; axe
// finds nothing on its pages, and a concern can be logged with the keyboard only. Also the
// second program these pages live in: not part of the first visit, and a failed load can be
// tried again with nothing lost.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { axeViolations } from "./a11y.mjs";
import { assertNoEgress, everythingStored, newRecordedPage, openApp, screenshot, servedApp } from "./harness.mjs";
import { tabTo } from "./journeys.mjs";

const app = servedApp();

// Own words as people write them: accents, emoji, right-to-left text, line breaks, quotes.
const FIRST = "The receptionist said I can't register without ID 🙁\nI showed my letter from the hostel — مرحبا.";
const SECOND = "Pharmacy turned me away again, «no script on the system». Zoë was there.";
const FOLLOW_UP = "They wrote back: ‘we will look into it’.";

/** Waits until the second program has drawn the page at `hash`. */
async function at(page, hash, selector) {
  await page.waitForFunction((h) => location.hash === h, hash, { timeout: 15000 });
  await page.locator(selector).first().waitFor({ timeout: 30000 });
}

/** Logs one concern from the list or start page link already on screen. */
async function logConcern(page, { day, month, year, service, words, spokeTo, theySaid, wants, summary, raised }) {
  await page.locator("a[href='#/log-a-concern']:visible").first().click();
  await page.locator("#concern-what-happened").waitFor({ timeout: 30000 });
  assert.match(page.url(), /#\/concerns\/\d+$/, "a new concern has its own address");
  await page.locator("#concern-date-day").fill(day);
  await page.locator("#concern-date-month").fill(month);
  await page.locator("#concern-date-year").fill(year);
  await page.getByLabel(service, { exact: true }).check();
  if (raised) await page.getByLabel(raised, { exact: true }).check();
  await page.locator("#concern-what-happened").fill(words);
  if (spokeTo) await page.locator("#concern-spoke-to").fill(spokeTo);
  if (theySaid) await page.locator("#concern-they-said").fill(theySaid);
  if (wants) await page.locator("#concern-wants").fill(wants);
  if (summary) await page.locator("#concern-summary").fill(summary);
  await page.getByRole("button", { name: "Save and see your concerns" }).click();
  await at(page, "#/concerns", "#app h1");
}

test("log two concerns, add a follow-up to one, and turn both into one complaint: the letter carries both dates and the words exactly", async () => {
  const recorded = await newRecordedPage(app.browser);
  const { page } = recorded;
  await openApp(page, app.server.origin);
  await logConcern(page, { day: "3", month: "11", year: "2026", service: "GP practice", words: FIRST, raised: "Yes" });
  await logConcern(page, { day: "20", month: "November", year: "2026", service: "GP practice", words: SECOND, raised: "Yes" });
  const list = await page.locator("#app").innerText();
  assert.match(list, /3 November 2026: GP practice/);
  assert.match(list, /20 November 2026: GP practice/);

  // What happened next, on the first one.
  await page.getByRole("link", { name: "Open this concern" }).first().click();
  await page.locator("#concern-what-happened").waitFor();
  assert.equal(await page.locator("#concern-what-happened").inputValue(), FIRST, "the words are kept exactly");
  await page.locator("#next-date-day").fill("24");
  await page.locator("#next-date-month").fill("11");
  await page.locator("#next-date-year").fill("2026");
  // Adding with nothing chosen says what is missing; what was typed stays.
  await page.locator("#next-words").fill(FOLLOW_UP);
  await page.getByRole("button", { name: "Add this" }).click();
  await page.locator("#error-summary").filter({ hasText: "Select what happened next" }).waitFor();
  assert.equal(await page.locator("#next-words").inputValue(), FOLLOW_UP);
  // Half-written, it is kept like every answer: a reload brings it back.
  await page.reload();
  await page.locator("#next-words").waitFor({ timeout: 30000 });
  assert.equal(await page.locator("#next-words").inputValue(), FOLLOW_UP, "a reload keeps it");
  await page.getByLabel("A reply in writing", { exact: true }).check();
  await page.getByRole("button", { name: "Add this" }).click();
  await page.getByText("24 November 2026: A reply in writing").waitFor();
  await page.getByRole("status").filter({ hasText: "Added." }).waitFor();
  assert.ok((await page.locator("#app").innerText()).includes(FOLLOW_UP));
  // The informal route: a few words to raise it, with the person's own words in them.
  const script = await page.locator("#informal-script").innerText();
  assert.match(script, /I want to raise a concern, not a formal complaint yet\./);
  assert.ok(script.includes("The receptionist said I can't register without ID 🙁"), "the script carries their words");

  await page.locator("#app a[href='#/concerns']").first().click();
  await at(page, "#/concerns", "text=What happened next: 1");
  // Making a complaint with none ticked says so, and loses nothing.
  await page.getByRole("button", { name: "Make a complaint" }).click();
  await page.locator("#error-summary").waitFor();
  for (const box of await page.getByLabel("Put this in a complaint").all()) await box.check();
  await page.getByRole("button", { name: "Make a complaint" }).click();
  await page.waitForFunction(() => !location.hash.startsWith("#/concerns"), null, { timeout: 15000 });

  // The complaint's own words hold both, exactly, in date order.
  await page.goto(`${app.server.origin}/#/what-happened`);
  await page.locator("#what-happened").waitFor();
  assert.equal(await page.locator("#what-happened").inputValue(), `${FIRST}\n\n${SECOND}`);

  // The letter names the days it was raised, and quotes the words exactly.
  await page.goto(`${app.server.origin}/#/letter`);
  await page.locator("#letter-text").filter({ hasText: "I raised this" }).waitFor({ timeout: 30000 });
  const letter = await page.locator("#letter-text").evaluate((e) => e.textContent);
  // The days they told the service: a reply the service sent is not a day they raised it.
  assert.match(letter, /I raised this with you on 3 November 2026 and on 20 November 2026\./);
  for (const line of [...FIRST.split("\n"), SECOND]) assert.ok(letter.includes(line), `the letter keeps "${line}"`);
  await screenshot(page, "concerns", "letter-from-concerns");
  await assertNoEgress(recorded, app.server.origin);
  await recorded.context.close();
});

test("a concern can be logged from the finish, and quick exit clears the log", async () => {
  const recorded = await newRecordedPage(app.browser);
  const { page } = recorded;
  await openApp(page, app.server.origin, "#/finish");
  await page.locator("#app h1").filter({ hasText: "Finish and clear" }).waitFor();
  await logConcern(page, { day: "1", month: "10", year: "2026", service: "Pharmacy", words: SECOND });
  await page.waitForFunction((w) => Object.values(sessionStorage).join("").length > 0, SECOND);
  // Back at the finish, clearing says it deletes the log too, and how to keep it.
  await page.goto(`${app.server.origin}/#/finish`);
  await page.getByText("Clearing also deletes your concerns.").waitFor();
  await page.locator("#exit-this-page").click();
  await page.waitForURL(/exit\.html$/);
  const everything = await everythingStored(page);
  assert.ok(!everything.includes("Pharmacy turned me away"), "no storage holds the words");
  assert.equal(await page.evaluate(() => localStorage.length + sessionStorage.length), 0);
  // Back from the neutral page does not reach the app's pages (a new concern's address is
  // counted with the others).
  await page.goBack();
  await page.waitForLoadState("load");
  assert.ok(!/#\/(concerns|log-a-concern|finish)/.test(page.url()), `Back reached ${page.url()}`);
  await recorded.context.close();
});

test("an encrypted draft carries the concern log, follow-ups and all", async () => {
  const recorded = await newRecordedPage(app.browser);
  const { page, context } = recorded;
  await openApp(page, app.server.origin);
  await logConcern(page, { day: "5", month: "11", year: "2026", service: "Hospital", words: FIRST });
  await page.goto(`${app.server.origin}/#/save`);
  await page.locator("#save-passphrase").fill("blue kettle morning");
  await page.locator("#save-confirm").fill("blue kettle morning");
  await page.getByRole("button", { name: "Save on this device" }).click();
  await page.getByRole("status").filter({ hasText: "Saved on this device" }).waitFor({ timeout: 30000 });

  const fresh = await context.newPage();
  await openApp(fresh, app.server.origin, "#/save");
  await fresh.locator("#open-passphrase").fill("blue kettle morning");
  await fresh.getByRole("button", { name: "Open the draft saved on this device" }).click();
  await fresh.getByRole("status").filter({ hasText: "Your draft is open" }).waitFor({ timeout: 30000 });
  await fresh.goto(`${app.server.origin}/#/concerns`);
  await fresh.getByText("5 November 2026: Hospital").waitFor({ timeout: 30000 });
  await fresh.getByRole("link", { name: "Open this concern" }).click();
  await fresh.locator("#concern-what-happened").waitFor();
  assert.equal(await fresh.locator("#concern-what-happened").inputValue(), FIRST);
  await recorded.context.close();
});

test("the support worker's table holds no personal field, and only after the person agrees (with the keyboard only)", async () => {
  const recorded = await newRecordedPage(app.browser, { acceptDownloads: true });
  const { page } = recorded;
  await openApp(page, app.server.origin, "#/who");
  await page.getByLabel("I am helping someone else with their complaint", { exact: true }).check();
  // The person's own details, typed in the journey: none may reach the table.
  const personal = {
    "#/your-name": ["#name", "Zainab Okafor-Lindqvist"],
    "#/contact": ["#contact-email", "zainab.ol@example.org"],
  };
  for (const [hash, [id, value]] of Object.entries(personal)) {
    await page.goto(`${app.server.origin}/${hash}`);
    // The email box shows once "By email" is ticked.
    if (id === "#contact-email") await page.getByLabel("By email", { exact: true }).check();
    await page.locator(id).fill(value);
  }
  await page.goto(`${app.server.origin}/#/concerns`);
  await page.locator("#app h1").filter({ hasText: "Your concerns" }).waitFor({ timeout: 30000 });
  const secret = {
    words: "Dr Whitcombe shouted at her in the waiting room",
    spokeTo: "Dr Whitcombe, the locum",
    theySaid: "Told her to leave and never come back",
    wants: "An apology from Dr Whitcombe",
    summary: "Patient refused care after a raised voice; second time this month",
  };
  await logConcern(page, { day: "12", month: "11", year: "2026", service: "GP practice", ...secret });
  await page.getByRole("link", { name: "Share a table of these concerns with no names in it" }).click();
  await page.locator("table").waitFor({ timeout: 30000 });
  assert.equal(await page.getByRole("button", { name: "Download the table (.csv)" }).count(), 0, "no download before the person agrees");
  const axe = await axeViolations(page);
  assert.deepEqual(axe, [], "axe finds nothing on the sharing page");
  // With the keyboard only: agree, then download.
  await tabTo(page, "#share-consent");
  await page.keyboard.press("Space");
  await tabTo(page, "button.app-button:not(.app-button--secondary)");
  const [download] = await Promise.all([page.waitForEvent("download"), page.keyboard.press("Enter")]);
  const csv = readFileSync(await download.path(), "utf8");
  assert.ok(csv.includes(secret.summary), "the worker's summary is in the table");
  assert.ok(csv.includes("2026-11"), "the month is in the table");
  for (const value of [secret.words, secret.spokeTo, secret.theySaid, secret.wants, "Whitcombe", ...Object.values(personal).map(([, v]) => v)]) {
    assert.ok(!csv.includes(value), `the table leaves out "${value}"`);
  }
  const shown = await page.locator("table").innerText();
  assert.ok(!shown.includes("Whitcombe"), "the table on the page leaves them out too");
  await screenshot(page, "concerns", "share-table");
  await recorded.context.close();
});

test("the concern log's pages have no axe findings, and a concern can be logged with the keyboard only", async () => {
  const recorded = await newRecordedPage(app.browser);
  const { page } = recorded;
  await openApp(page, app.server.origin, "#/concerns");
  await page.locator("#app h1").filter({ hasText: "Your concerns" }).waitFor({ timeout: 30000 });
  assert.deepEqual(await axeViolations(page), [], "the empty list");

  await tabTo(page, "a[href='#/log-a-concern']");
  await page.keyboard.press("Enter");
  await page.locator("#concern-what-happened").waitFor({ timeout: 30000 });
  assert.deepEqual(await axeViolations(page), [], "a new concern");
  // Saving with nothing written says what is missing and keeps focus on the message.
  await tabTo(page, "button.app-button:not(.app-button--secondary)");
  await page.keyboard.press("Enter");
  await page.locator("#error-summary").waitFor();
  assert.deepEqual(await axeViolations(page), [], "a new concern with its error");
  await tabTo(page, "#concern-what-happened");
  await page.keyboard.type("Typed with the keyboard only 🙂");
  await tabTo(page, "#concern-service");
  await page.keyboard.press("Space");
  await screenshot(page, "concerns", "concern-page");
  await tabTo(page, "button.app-button:not(.app-button--secondary)");
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => location.hash === "#/concerns", null, { timeout: 15000 });
  await page.getByText("Typed with the keyboard only 🙂").waitFor();
  assert.deepEqual(await axeViolations(page), [], "the list with a concern in it");
  await screenshot(page, "concerns", "list");
  await recorded.context.close();
});

test("the second program is not part of the first visit, and a failed load can be tried again", async () => {
  // No service worker here: it would keep a copy in the background (as it does of the letter
  // tools), and answer for the network this test takes away.
  const recorded = await newRecordedPage(app.browser, { serviceWorkers: "block" });
  const { page, requests } = recorded;
  await openApp(page, app.server.origin);
  await page.waitForTimeout(500);
  assert.ok(!requests.some((r) => r.url.includes("more-pages")), "the first visit does not ask for it");
  assert.equal(await page.evaluate(() => typeof wasm_bindgen), "undefined", "nor runs it");

  // No connection the first time a concern page opens: a calm message, and Try again.
  await page.route("**/more-pages*", (route) => route.abort());
  await page.locator("#log-a-concern").click();
  await page.getByText("This page could not load").waitFor({ timeout: 30000 });
  await page.unroute("**/more-pages*");
  await page.getByRole("button", { name: "Try again" }).click();
  await page.locator("#concern-what-happened").waitFor({ timeout: 30000 });
  await page.locator("#concern-what-happened").fill(SECOND);
  await page.reload();
  await page.locator("#concern-what-happened").waitFor({ timeout: 30000 });
  assert.equal(await page.locator("#concern-what-happened").inputValue(), SECOND, "a reload keeps the concern");

  // Changes from a second program of another version (answers this app cannot read) are not
  // dropped in silence: the page asks for a reload.
  await page.evaluate(() => window.dispatchEvent(Object.assign(new Event("imw-changed"), { detail: "imw99:AAAA" })));
  await page.getByText("This app was updated while the page was open").waitFor();
  await recorded.context.close();
});

test("a load that hangs says so after 30 seconds, and the page still comes if the load ends later", async () => {
  const recorded = await newRecordedPage(app.browser, { serviceWorkers: "block" });
  const { page } = recorded;
  await openApp(page, app.server.origin);
  // The connection takes the request and never answers.
  const held = [];
  await page.route("**/more-pages.js", (route) => held.push(route));
  await page.locator("#log-a-concern").click();
  await page.getByText("Getting this page ready").waitFor();
  await page.getByText("This page could not load").waitFor({ timeout: 40000 });
  // The connection comes back: the held request goes through (unrouting lets it go on).
  assert.equal(held.length, 1, "the request was held");
  await page.unroute("**/more-pages.js");
  await page.locator("#concern-what-happened").waitFor({ timeout: 30000 });
  assert.equal(await page.getByText("This page could not load").count(), 0, "the message goes");
  await recorded.context.close();
});
