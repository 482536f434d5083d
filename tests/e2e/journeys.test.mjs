// Whole journeys on a 360×740 phone screen, from "Start now" to the letter, for three real kinds of
// case: a GP removal onto the Special Allocation Scheme, medication not ready on release from
// HMP Lewes, and a support worker helping someone. Each checks that the letter keeps the person's
// words exactly and their name, that the route panel names the right place to send it, and saves
// a screenshot of every step (test-results/screenshots/<journey>/<NN>-<slug>.png). The wording
// around the person's words is the letter's own business, so nothing here pins it down.
//
// Then Back, Change and a refresh: on every step, every answer must survive the browser's Back,
// the page's Back link and a refresh; every Change link must open its question with the answer
// in place and come back with nothing lost; and real changes must change only what was changed.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { PHONE, assertNoEgress, launchBrowser, next, screenshot, startServer, waitForApp, waitForStep } from "./harness.mjs";
import { axeViolations } from "./a11y.mjs";
import { PRISON, SAS, SUPPORTER, mouse, newJourneyPage, nn, startJourney, walk } from "./journeys.mjs";

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

/** The answer shown on the check-answers page for the row whose question is `key`. */
async function summaryValue(page, key) {
  return page
    .locator(".app-summary__row")
    .filter({ has: page.locator(".app-summary__key", { hasText: new RegExp(`^${key}$`) }) })
    .locator(".app-summary__value")
    .evaluate((e) => e.textContent);
}

/** Every row of the check-answers page as { key: value }. */
async function summaryRows(page) {
  return page.locator(".app-summary__row").evaluateAll((rows) =>
    Object.fromEntries(rows.map((r) => [r.querySelector("dt").textContent, r.querySelector(".app-summary__value").textContent])),
  );
}

const letterText = (page) => page.locator("#letter-text").evaluate((e) => e.textContent);
/** The whole of a step as a person can read it, with every "details" block opened. */
async function wholeStep(page) {
  await page.evaluate(() => document.querySelectorAll("#app details").forEach((d) => (d.open = true)));
  return page.locator("#app").innerText();
}

/** What "Check your answers" shows for a question left unanswered. */
const NOT_GIVEN = "Not given";

/** The finish steps, each about three phone screens at most. */
const FINISH_STEPS = ["letter", "send-it", "what-happens-next", "free-help"];
const TALLEST = 2400;

/** Walks one journey with the mouse, screenshotting every step, and returns what the letter page showed. */
async function runJourney(journey) {
  const recorded = await newJourneyPage(browser, { viewport: PHONE });
  const { page } = recorded;
  await startJourney(page, server.origin);
  const seen = {};
  await walk(page, journey, mouse(page), {
    answered: async (step, index) => {
      if (step.slug === "check-answers") seen.summary = await summaryRows(page);
      if (step.slug === "about-you-the-helper") seen.helper = await page.locator("#app").innerText();
      if (step.slug === "letter") {
        seen.letter = await letterText(page);
      }
      if (FINISH_STEPS.includes(step.slug)) {
        // Wait for what the tools made: the step's own Continue, or Finish on the last one.
        await page.locator("#app .app-button").last().waitFor();
        const height = await page.locator("#app").evaluate((e) => Math.round(e.getBoundingClientRect().height));
        const parts = await page.locator("#app > div > *").evaluateAll((els) => els.map((e) => `${e.tagName}.${e.className}#${e.id}: ${Math.round(e.getBoundingClientRect().height)}`));
        assert.ok(height <= TALLEST, `${journey.name}, ${step.slug}: ${height} px is more than about three screens\n${parts.join("\n")}`);
        seen.heights = { ...seen.heights, [step.slug]: height };
      }
      if (step.slug === "letter") {
        // What to get sorted today, above the letter, when care has stopped.
        // One tap away, so the step stays short on a phone: open it, as a person would.
        const today = page.locator("#today details");
        if (await today.count()) {
          await today.locator("summary").click();
          seen.today = await today.innerText();
        } else seen.today = null;
      }
      await screenshot(page, journey.name, `${nn(index)}-${step.slug}`);
      if (step.slug === "send-it") seen.where = await wholeStep(page);
      if (step.slug === "what-happens-next") {
        seen.next = await wholeStep(page);
        // Closed again, as a person leaving the step would leave them.
        await page.evaluate(() => document.querySelectorAll("#app details").forEach((d) => (d.open = false)));
      }
    },
  });
  await assertNoEgress(recorded, server.origin);
  assert.deepEqual(recorded.consoleErrors, [], "no errors in the console");
  await recorded.context.close();
  return seen;
}

function assertRoute(where, journey) {
  assert.ok(where.includes(`Send it to: ${journey.expect.primary}`), `the route sends it to ${journey.expect.primary}:\n${where}`);
  assert.ok(where.includes(`Or instead: ${journey.expect.alternative}`), `the route offers ${journey.expect.alternative} instead:\n${where}`);
  for (const pattern of journey.expect.where) assert.match(where, pattern);
}

test("(a) GP removal onto the Special Allocation Scheme, East Sussex: letter and route", async () => {
  const seen = await runJourney(SAS);
  assert.ok(seen.letter.includes(SAS.words.whatHappened), `the letter has their words exactly:\n${seen.letter}`);
  assert.ok(seen.letter.includes("Dee O'Connor"), "the letter has their name");
  assert.equal(seen.summary["What happened"], SAS.words.whatHappened, "Check answers shows the words exactly");
  assert.match(seen.summary["What you want"], /review of my place on the Special Allocation Scheme/);
  assertRoute(seen.where, SAS);
  assert.match(seen.where, /Appeal against being put on the scheme by: 30 November 2026/, "the 14-day appeal deadline from 16 November");
  // Someone moved onto the scheme may be left without a GP or their tablets today.
  assert.match(seen.today ?? "", /^Do you need something sorted today\?/, "the box above the letter");
  assert.match(seen.today, /Call NHS 111 today/);
  assert.match(seen.today, /register with a GP without ID or proof of address/);
});

test("(b) medication not ready on release from HMP Lewes, post care of a hostel: letter and route", async () => {
  const seen = await runJourney(PRISON);
  assert.ok(seen.letter.includes(PRISON.words.whatHappened), `the letter has their words exactly:\n${seen.letter}`);
  assert.ok(seen.letter.includes("Lee Barker"), "the letter has their name");
  assert.equal(seen.summary["How they can reply"], "Care of Seaview Hostel:\n12 Marine Parade\nNewhaven\nBN9 0AA\nFinds phone calls hard");
  assert.equal(seen.summary["Where"], "Lewes (East Sussex)", "the postcode BN7 chose Lewes, in East Sussex");
  assertRoute(seen.where, PRISON);
  // The Prisons and Probation Ombudsman does not handle the clinical care itself: a "do not"
  // warning says so, and it is never where this letter goes. It is offered alongside, for what
  // the prison itself did (such as not taking someone to an appointment), after the prison's
  // own complaint forms.
  const ppo = /Prisons and Probation Ombudsman/;
  const lines = seen.where.split("\n").filter((line) => ppo.test(line));
  assert.ok(
    lines.some((line) => /do not go to the Prisons and Probation Ombudsman|cannot look at medical care/i.test(line)),
    `a warning about the clinical part names the PPO:\n${lines.join("\n")}`,
  );
  assert.doesNotMatch(PRISON.expect.primary, ppo, "the letter never goes to the PPO");
  assert.match(seen.where, /COMP1A form within 7 days/, "the prison's own complaint form comes first for the prison's part");
  // Care fell between the prison's healthcare, a GP and a pharmacy: one letter to the first
  // place, a copy of the same letter to each of the others, and their names in their words.
  const copies = [...seen.where.matchAll(/^Send a copy to: (.+)$/gm)].map((m) => m[1]);
  assert.equal(copies.length, 2, `a copy for the GP and one for the pharmacy:\n${seen.where}`);
  assert.ok(seen.letter.includes("I am sending a copy of this letter to:"), seen.letter);
  for (const name of copies) assert.ok(seen.letter.includes(`- ${name}`), `the letter lists ${name}:\n${seen.letter}`);
  assert.ok(seen.letter.includes(`The other services, in my own words:\n\n${PRISON.words.others}`), seen.letter);
  assert.match(seen.letter, /Please agree with them which of you will lead\. Please send me one joined-up answer\./);
  // What happens next: the places with a copy (due the same day, so one line) and their chase,
  // one tap away under "Dates for each copy".
  assert.match(seen.next, /Dates for each copy/);
  assert.match(seen.next, /26 November 2026: The practice manager at your GP practice and the complaints manager at the pharmacy have a copy of your letter\./);
  assert.match(seen.next, /3 December 2026: Chase the practice manager at your GP practice and the complaints manager at the pharmacy if they have not said they got their copy/);
  // No epilepsy tablets and no methadone script since release: what to do today comes first.
  assert.match(seen.today ?? "", /^Do you need something sorted today\?/, "the box above the letter");
  for (const line of [/at least 7 days of medicines, or a prescription/, /emergency supply/, /call your drug service today/]) {
    assert.match(seen.today, line);
  }
});

test("(c) a support worker helping: consent asked, letter in their words, no private notes box on a screen the person sees", async () => {
  const seen = await runJourney(SUPPORTER);
  assert.ok(seen.letter.includes(SUPPORTER.words.whatHappened), `the letter has their words exactly:\n${seen.letter}`);
  assert.ok(seen.letter.includes("Jordan Reece"), "the letter has the person's name");
  assert.equal(seen.summary["They have agreed"], "Yes");
  assert.equal(seen.summary["Share information with the helper"], "Yes");
  assert.ok(seen.helper.includes("Your name"), "the helper's page was read");
  assert.doesNotMatch(seen.helper, /notes/i, "no private notes box: the person can see every screen");
  assertRoute(seen.where, SUPPORTER);
  assert.equal(seen.today, null, "a mental health team that did not call back: nothing to sort today above the letter");
});

/** Everything entered on the page showing: the ticked options, and the text in each field. */
const formState = (page) =>
  page.evaluate(() => {
    const state = {};
    for (const el of document.querySelectorAll("#app input, #app textarea")) {
      if (el.type === "radio" || el.type === "checkbox") {
        if (el.checked) state[el.id] = "ticked";
      } else if (el.type !== "file") {
        state[el.id] = el.value;
      }
    }
    return state;
  });

test("someone helping: every answer on every step survives Back, the Back link, a refresh and each Change link", async () => {
  const recorded = await newJourneyPage(browser, { viewport: PHONE });
  const { page } = recorded;
  await startJourney(page, server.origin);

  // On each new page, go back to the one just answered (by the browser's Back, then by the page's
  // Back link, in turn), check every answer there, refresh, check again, and come forward again.
  const upToCheck = SUPPORTER.steps.slice(0, SUPPORTER.steps.findIndex((s) => s.slug === "check-answers") + 1);
  let left = null;
  let round = 0;
  await walk(page, { ...SUPPORTER, steps: upToCheck }, mouse(page), {
    arrive: async (step) => {
      if (!left) return;
      const byLink = round++ % 2 === 1;
      const how = byLink ? "the Back link" : "the browser's Back";
      if (byLink) await page.locator("#app .app-back-link").click();
      else await page.goBack();
      await waitForStep(page, left.slug);
      assert.deepEqual(await formState(page), left.state, `${left.slug}: every answer is there after ${how}`);
      await page.reload();
      await waitForApp(page);
      await waitForStep(page, left.slug);
      assert.deepEqual(await formState(page), left.state, `${left.slug}: and after a refresh`);
      if (byLink) await next(page);
      else await page.goForward();
      await waitForStep(page, step.slug);
    },
    answered: async (step) => {
      left = { slug: step.slug, state: await formState(page) };
    },
  });
  const answers = await summaryRows(page);
  assert.equal(answers["What happened"], SUPPORTER.words.whatHappened);
  assert.equal(answers["How it affected"], SUPPORTER.words.affected);
  assert.equal(answers["Helper"], "Sam Okafor\nSupport worker, Seaside Housing Trust\n07700 900123");
  assert.equal(answers["When"], "on 5 November 2026");
  assert.equal(answers["Support needed"], "Interpreter: Polish");

  // Every Change link: the question opens with its answer in place (and keeps it through a
  // refresh), and coming back, by "Save and go back" or by Back, changes nothing.
  const links = await page.locator(".app-summary__actions a").evaluateAll((as) => as.map((a) => ({ href: a.getAttribute("href"), name: a.textContent })));
  assert.equal(links.length, Object.keys(answers).length, "every answer has a Change link");
  for (const [i, link] of links.entries()) {
    await page.locator(`.app-summary__actions a[href="${link.href}"]`).click();
    const slug = link.href.replace(/^#\//, "").replace(/\?change$/, "");
    await waitForStep(page, slug);
    const state = await formState(page);
    // "Was anyone else involved?" is asked from this page: until then it has no answer to show.
    const answered = Object.values(answers)[i] !== NOT_GIVEN;
    if (answered) assert.ok(Object.keys(state).length > 0, `${link.name}: the question opens with the answer in place`);
    if (i % 2 === 1) {
      await page.reload();
      await waitForApp(page);
      await waitForStep(page, slug);
      assert.deepEqual(await formState(page), state, `${link.name}: a refresh keeps the answer`);
      assert.equal(await page.locator("form button[type=submit]").innerText(), "Save and go back to your answers", "still changing");
    }
    if (i % 3 === 2) await page.goBack();
    else await next(page);
    await waitForStep(page, "check-answers");
    assert.deepEqual(await summaryRows(page), answers, `${link.name}, then back: nothing changed`);
  }
  await assertNoEgress(recorded, server.origin);
  await recorded.context.close();
});

test("changing answers from Check answers: the words, a choice and a tick box change, and nothing else", async () => {
  const recorded = await newJourneyPage(browser, { viewport: PHONE });
  const { page } = recorded;
  const driver = mouse(page);
  const at = (slug) => SAS.steps.findIndex((s) => s.slug === slug);
  const shot = (name) => screenshot(page, "gp-sas-changes", name);
  await startJourney(page, server.origin);

  // Up to "How has this affected you?", typed but not yet sent on.
  await walk(page, { ...SAS, steps: SAS.steps.slice(0, at("how-it-affected") + 1) }, driver);
  await page.reload();
  await waitForApp(page);
  await waitForStep(page, "how-it-affected");
  assert.equal(await page.locator("#how-it-affected").inputValue(), SAS.words.affected, "a refresh keeps words typed on this page");
  await shot("01-after-refresh");
  await next(page);
  await waitForStep(page, "service-type");

  // Browser Back through three pages: every answer is still there.
  await page.goBack();
  await waitForStep(page, "how-it-affected");
  assert.equal(await page.locator("#how-it-affected").inputValue(), SAS.words.affected);
  await page.goBack();
  await waitForStep(page, "when");
  assert.equal(await page.getByLabel("I know the date", { exact: true }).isChecked(), true);
  assert.deepEqual(
    [await page.locator("#when-day").inputValue(), await page.locator("#when-month").inputValue(), await page.locator("#when-year").inputValue()],
    ["16", "11", "2026"],
  );
  await page.goBack();
  await waitForStep(page, "what-happened");
  assert.equal(await page.locator("#what-happened").inputValue(), SAS.words.whatHappened, "Back keeps the words exactly");
  await shot("02-after-back");
  // A refresh on a page reached by Back keeps everything too.
  await page.reload();
  await waitForApp(page);
  assert.equal(await page.locator("#what-happened").inputValue(), SAS.words.whatHappened);
  for (const slug of ["when", "how-it-affected", "service-type"]) {
    await page.goForward();
    await waitForStep(page, slug);
  }

  // The rest of the way to Check answers.
  await walk(page, { ...SAS, steps: SAS.steps.slice(at("service-type"), at("check-answers") + 1) }, driver);
  const before = await summaryRows(page);
  assert.equal(before["What happened"], SAS.words.whatHappened);
  assert.equal(before["How it affected"], SAS.words.affected);
  await shot("03-check-answers");

  // Change the words: the page opens with them, and saving goes straight back to the summary.
  const extra = "\n\nP.S. I asked for the notes in writing on 18 November.";
  await page.getByRole("link", { name: "Change what happened" }).click();
  await waitForStep(page, "what-happened");
  assert.match(page.url(), /#\/what-happened\?change$/);
  assert.equal(await page.locator("#what-happened").inputValue(), SAS.words.whatHappened);
  assert.equal(await page.locator("form button[type=submit]").innerText(), "Save and go back to your answers");
  await page.locator("#what-happened").press("ControlOrMeta+End");
  await page.locator("#what-happened").pressSequentially(extra);
  await shot("04-change-what-happened");
  await next(page);
  await waitForStep(page, "check-answers");

  // Change a choice and a tick box.
  await page.getByRole("link", { name: "Change still getting care" }).click();
  await waitForStep(page, "still-getting-care");
  await driver.act({ kind: "choose", label: "Yes" });
  await next(page);
  await waitForStep(page, "check-answers");
  await page.getByRole("link", { name: "Change support needed" }).click();
  await waitForStep(page, "support-needs");
  assert.equal(await page.getByLabel("Easy Read", { exact: true }).isChecked(), true, "the earlier choice is still ticked");
  await driver.act({ kind: "check", label: "Large print" });
  await next(page);
  await waitForStep(page, "check-answers");

  // Leaving a Change page by its Back link changes nothing.
  await page.getByRole("link", { name: "Change name", exact: true }).click();
  await waitForStep(page, "name");
  await page.getByRole("link", { name: "Back", exact: true }).click();
  await waitForStep(page, "check-answers");

  const after = await summaryRows(page);
  const expected = {
    ...before,
    "What happened": SAS.words.whatHappened + extra,
    "Still getting care": "Yes",
    "Support needed": "Easy Read\nLarge print",
  };
  assert.deepEqual(after, expected, "only the changed answers changed");
  await page.reload();
  await waitForApp(page);
  await waitForStep(page, "check-answers");
  assert.deepEqual(await summaryRows(page), expected, "a refresh on Check answers keeps everything");
  await shot("05-check-answers-after-changes");

  await page.getByRole("link", { name: "See the letter and where to send it" }).click();
  await waitForStep(page, "letter");
  const letter = await letterText(page);
  assert.ok(letter.includes(SAS.words.whatHappened + extra), `the letter has the changed words exactly:\n${letter}`);
  await assertNoEgress(recorded, server.origin);
  await recorded.context.close();
});

test("after a final answer: what was wrong with it is asked in their words, then from a list, and reaches the ombudsman letter exactly", async () => {
  const recorded = await newJourneyPage(browser, { viewport: PHONE });
  const { page, context } = recorded;
  await page.goto(`${server.origin}/#/what-happened`);
  await waitForApp(page);
  await waitForStep(page, "what-happened");
  await page.locator("#what-happened").fill("They took me off my methadone script on release.");
  await page.evaluate(() => (location.hash = "/already-complained"));
  await waitForStep(page, "already-complained");
  await page.getByLabel("Yes, I got their final answer and I am not happy with it", { exact: true }).check();
  await next(page);
  await waitForStep(page, "what-was-wrong-with-their-answer");
  const words = "They said I never turned up.\nI was in a cell at the time 🙁 — check the custody record.";
  await page.locator("#reply-words").fill(words);
  assert.deepEqual(await axeViolations(page), [], "axe: their own words about the answer");
  await screenshot(page, "reply", "01-in-their-words");
  await next(page);
  await waitForStep(page, "their-answer");
  await page.getByLabel("It got facts wrong", { exact: true }).check();
  await page.getByLabel("It did not say sorry", { exact: true }).check();
  assert.deepEqual(await axeViolations(page), [], "axe: the list");
  await screenshot(page, "reply", "02-the-list");
  await next(page);
  // Not asked "Can you complain to them?" after their final answer.
  await page.waitForFunction(() => !location.hash.startsWith("#/their-answer"));
  assert.doesNotMatch(page.url(), /complain-to-them/);
  await page.evaluate(() => (location.hash = "/letter"));
  await page.locator("#letter-text").waitFor();
  await page.waitForFunction((w) => document.querySelector("#letter-text").textContent.includes(w), words);
  const letter = await page.locator("#letter-text").evaluate((e) => e.textContent);
  assert.match(letter, /What was wrong with the final response:\n\n- It got some of the facts wrong\.\n- It did not apologise\./, letter);
  assert.ok(letter.includes(`In my own words:\n\n${words}`), letter);
  await assertNoEgress(recorded, server.origin);
  await context.close();
});
