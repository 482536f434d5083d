// Two cases from the charity's reports, walked end to end on a 360×740 phone as the people in
// them would: a man on the Special Allocation Scheme since 2022, never reviewed, typing with his
// support worker on a day centre computer; and a woman released from prison without her seizure
// medicines, alone on her phone. Every page is checked with axe on the way. The letter must say
// only what they said, in their words exactly; what cannot wait comes before the complaint; and
// something still going on is never called late.
import { test } from "node:test";
import assert from "node:assert/strict";
import { servedApp, assertNoEgress, screenshot } from "./harness.mjs";
import { axeViolations, pageProblems } from "./a11y.mjs";
import { SEED_SAS, SEED_SEIZURE, mouse, newJourneyPage, nn, startJourney, walk } from "./journeys.mjs";

const app = servedApp();

const FINISH_STEPS = ["letter", "send-it", "what-happens-next", "free-help"];

/** Walks a journey with the mouse; returns the letter, the "sorted today" box, each finish step's whole text and every axe problem. */
async function live(journey) {
  const recorded = await newJourneyPage(app.browser);
  const { page } = recorded;
  await startJourney(page, app.server.origin);
  const seen = { problems: [], steps: {} };
  await walk(page, journey, mouse(page), {
    answered: async (step, index) => {
      if (FINISH_STEPS.includes(step.slug)) await page.locator("#app .app-button").last().waitFor();
      const found = [...(await axeViolations(page)), ...(await pageProblems(page))];
      seen.problems.push(...found.map((problem) => `${step.slug}: ${problem}`));
      if (step.slug === "letter") {
        seen.letter = await page.locator("#letter-text").evaluate((e) => e.textContent);
        const today = page.locator("#today details");
        if (await today.count()) {
          await today.locator("summary").click();
          seen.today = await today.innerText();
        }
      }
      if (FINISH_STEPS.includes(step.slug)) {
        await page.evaluate(() => document.querySelectorAll("#app details").forEach((d) => (d.open = true)));
        seen.steps[step.slug] = await page.locator("#app").innerText();
      }
      await screenshot(page, journey.name, `${nn(index)}-${step.slug}`);
    },
  });
  await assertNoEgress(recorded, app.server.origin);
  assert.deepEqual(recorded.consoleErrors, [], "no errors in the console");
  await recorded.context.close();
  return seen;
}

test("(d) on the Special Allocation Scheme since 2022, with his support worker: never called late, no permission he did not give", async () => {
  const seen = await live(SEED_SAS);
  assert.deepEqual(seen.problems, [], "axe and the page checks pass on every page");
  assert.ok(seen.letter.includes(SEED_SAS.words.whatHappened), `his words exactly:\n${seen.letter}`);
  assert.ok(seen.letter.includes(SEED_SAS.words.affected), "how it affected him, exactly");
  assert.doesNotMatch(seen.letter, /\blate\b|time limit/i, "the letter never apologises for being late");
  const finish = Object.values(seen.steps).join("\n");
  assert.doesNotMatch(finish, /time limit (for complaints )?has passed|too late|is late/i, "four years on the scheme is not late");
  assert.match(seen.steps["send-it"], /You are in time/, "the time limit counts from the last time it happened");
  // He cannot complain to the practice and was not sure it may see his complaint: the letter
  // asks to be asked, and never gives permission on his behalf.
  assert.doesNotMatch(seen.letter, /I give permission for you to share my complaint with/);
  assert.match(seen.letter, /Michael Doyle/);
  assert.match(seen.today ?? "", /^Do you need something sorted today\?/, "no tablets for 5 days: what to do today");
  assert.match(seen.today, /Call NHS 111 today/);
});

test("(e) released without her seizure medicines, alone on her phone: what to do today first, her words exactly", async () => {
  const seen = await live(SEED_SEIZURE);
  assert.deepEqual(seen.problems, [], "axe and the page checks pass on every page");
  assert.ok(seen.letter.includes(SEED_SEIZURE.words.whatHappened), `her words exactly, emoji and all:\n${seen.letter}`);
  assert.ok(seen.letter.includes(SEED_SEIZURE.words.affected));
  assert.match(seen.today ?? "", /^Do you need something sorted today\?/);
  for (const line of [/Call NHS 111 today/, /emergency supply of a medicine you were prescribed before/, /at least 7 days of medicines, or a prescription/, /register with a GP without ID/]) {
    assert.match(seen.today, line);
  }
  assert.match(seen.steps["send-it"], /Send it to: The healthcare complaints lead at the prison's healthcare team/);
  assert.match(seen.steps["send-it"], /Or instead: NHS England/);
  // Beside each body's details: when they were last checked, by month.
  assert.match(seen.steps["send-it"], /Last checked: November 2026/);
});

test("time as people live it: 'it happens on and off', since a year they remember, never late", async () => {
  const recorded = await newJourneyPage(app.browser);
  const { page } = recorded;
  await startJourney(page, app.server.origin);
  await page.getByLabel("Yes, I am safe", { exact: true }).check();
  await page.locator("form button[type=submit]").click();
  await page.getByLabel("Me. It is my complaint", { exact: true }).check();
  await page.locator("form button[type=submit]").click();
  await page.locator("#what-happened").fill("The pharmacy loses my script every few months.");
  await page.locator("form button[type=submit]").click();
  await page.getByLabel("It happens on and off", { exact: true }).check();
  // A year still to come gets a kind message, and keeps what was typed.
  await page.locator("#when-rough-year").fill("2031");
  await page.locator("form button[type=submit]").click();
  await page.locator(".app-error-summary").waitFor();
  assert.equal(await page.locator("#when-rough-year").inputValue(), "2031");
  const problems = [...(await axeViolations(page)), ...(await pageProblems(page))];
  assert.deepEqual(problems, [], "the question with its error passes axe");
  // <main> is named as the page is: "Error: When did it happen? ..." while the error shows.
  const named = await page.evaluate(() => [document.querySelector("main").getAttribute("aria-label"), document.title]);
  assert.equal(named[0], named[1]);
  assert.match(named[0], /^Error: /);
  await page.locator("#when-rough-year").fill("2019");
  await page.locator("form button[type=submit]").click();
  await page.locator("#how-it-affected").waitFor();
  await page.goto(`${app.server.origin}/#/check-answers`);
  const when = await page
    .locator(".app-summary__row", { has: page.locator("dt", { hasText: /^When$/ }) })
    .locator(".app-summary__value")
    .textContent();
  assert.equal(when, "On and off, since 2019");
  await screenshot(page, "seed-on-and-off", "check-answers");
  await recorded.context.close();
});
