// "Where did this happen?" across the UK, in the built app: a postcode (whole, or its first
// part) or a town's or council's name is looked up on the device, in a table the letter tools
// fetch from the app's own address only once the question opens. One council for certain is
// chosen and named; a district that straddles areas, or a name several councils share, says
// which area to choose for each and chooses nothing; axe passes on each state; and after one
// visit it all works with no network.
import { test } from "node:test";
import assert from "node:assert/strict";
import { servedApp, assertNoEgress, openApp, screenshot, waitForStep } from "./harness.mjs";
import { axeViolations } from "./a11y.mjs";
import { FINISH, check, choose, fill, mouse, newJourneyPage, setting, startJourney, storyFirst, walk } from "./journeys.mjs";

const app = servedApp();

/** Real postcodes and places from each part of the UK, and what the page must say and choose. */
const CASES = [
  { typed: "TN34 1AA", says: "We have chosen Hastings.", area: "East Sussex" },
  // Crawley and Mid Sussex share RH10; both are in West Sussex, so the area is certain.
  { typed: "rh10", says: "We have chosen West Sussex.", area: "West Sussex" },
  { typed: "BN3 2AF", says: "We have chosen Brighton and Hove.", area: "Brighton and Hove" },
  { typed: "M1 1AE", says: "We have chosen Manchester.", area: "Somewhere else in England" },
  { typed: "CF10 1EP", says: "We have chosen Cardiff.", area: "Wales" },
  { typed: "G1 1XQ", says: "We have chosen Glasgow City.", area: "Scotland" },
  { typed: "bt1 5gs", says: "We have chosen Belfast.", area: "Northern Ireland" },
  // A council's name that is also a town reaching into another area: chosen, and the other said.
  { typed: "swansea", says: 'We have chosen Swansea. If you meant somewhere else: For Powys, type "Powys" in the box.', area: "Wales" },
  // A town's name, for someone with no postcode: its council (here a part of one).
  { typed: "Penrith", says: "We have chosen Eden (Westmorland and Furness).", area: "Somewhere else in England" },
  // A council in two NHS boards' areas: the postcode finds the old district the boards follow.
  { typed: "CA11", says: "We have chosen Eden (Westmorland and Furness).", area: "Somewhere else in England" },
  // Part of a name, shared by councils all in one health board's area (Rhondda Cynon Taf,
  // Merthyr Tydfil): that area is certain, and the list shows its nation as chosen.
  { typed: "Rhondda Cynon Taf", says: "We have chosen Cwm Taf Morgannwg.", area: "Wales" },
];

/** The "Where" page's status line once the lookup has answered for `typed`. */
async function lookUp(page, typed) {
  await page.locator("#area-postcode").fill(typed);
  const status = page.locator("#app p.app-inset[role=status]");
  await status.waitFor();
  return status.innerText();
}

/** The label of the area radio that is chosen, or null. */
const chosenArea = (page) =>
  page.evaluate(() => {
    const input = document.querySelector("input[name=area]:checked");
    return input ? document.querySelector(`label[for="${input.id}"]`).textContent : null;
  });

test("a postcode or place anywhere in the UK finds its council and area, on the device, and says so", async () => {
  const recorded = await newJourneyPage(app.browser);
  const { page } = recorded;
  await openApp(page, app.server.origin, "#/area");
  await waitForStep(page, "area");
  for (const { typed, says, area } of CASES) {
    assert.equal(await lookUp(page, typed), says, typed);
    await page.waitForFunction((want) => {
      const input = document.querySelector("input[name=area]:checked");
      return input && document.querySelector(`label[for="${input.id}"]`).textContent === want;
    }, area);
    assert.equal(await chosenArea(page), area, typed);
  }
  assert.deepEqual(await axeViolations(page), [], "axe: a council found");
  await screenshot(page, "places", "01-found");

  // Across the border with Wales: both sides named, nothing chosen for them.
  await page.getByLabel("Northern Ireland", { exact: true }).check();
  const border = await lookUp(page, "CH4 8");
  assert.match(border, /^This postcode is in more than one council area\./);
  // Each side is in the area of its NHS body (a health board's, an Integrated Care Board's),
  // which the list does not show: the council's name, typed, finds it.
  assert.match(border, /For Flintshire, type "Flintshire" in the box\./);
  assert.match(border, /For Cheshire West and Chester, type "Cheshire West and Chester" in the box\./);
  // A place typed after a choice from the list asks again: a straddling postcode never
  // chooses for them, and the earlier choice (here another nation) is not kept silently.
  assert.equal(await chosenArea(page), null, "a straddling postcode never chooses for them");
  assert.deepEqual(await axeViolations(page), [], "axe: which side");
  await screenshot(page, "places", "02-which-side");
  assert.equal(await lookUp(page, "Flintshire"), "We have chosen Flintshire.");
  await page.waitForFunction(() => {
    const input = document.querySelector("input[name=area]:checked");
    return input && document.querySelector(`label[for="${input.id}"]`).textContent === "Wales";
  });

  // A council in two boards' areas, by name: each part, and what to type for it.
  const split = await lookUp(page, "Westmorland and Furness");
  assert.match(split, /For Eden \(Westmorland and Furness\), type "Eden" in the box\./);
  assert.match(split, /For South Lakeland \(Westmorland and Furness\), type "South Lakeland" in the box\./);
  assert.deepEqual(await axeViolations(page), [], "axe: a council in two boards' areas");
  await screenshot(page, "places", "03-council-in-two-areas");
  assert.equal(await lookUp(page, "Eden"), "We have chosen North Cumbria.");

  // A city's name that is also a town's in another nation: the city, and the others said.
  const newport = await lookUp(page, "Newport");
  assert.match(newport, /^We have chosen Newport\. If you meant somewhere else: For Isle of Wight, type "Isle of Wight" in the box\./);
  assert.deepEqual(await axeViolations(page), [], "axe: a town in two nations");
  await screenshot(page, "places", "04-town-in-two-nations");
  // A town's name that is part of a council's name elsewhere: asked.
  assert.match(await lookUp(page, "Wells"), /^More than one council area has that name\. For Tunbridge Wells, type/);

  // Nothing found: they are told, and Continue asks them to choose.
  assert.match(await lookUp(page, "ZZ99 9ZZ"), /^We could not find that/);
  assert.equal(await page.locator("#area-postcode").inputValue(), "ZZ99 9ZZ", "what they typed stays");

  // The table came from the app's own address, and nothing went anywhere else.
  assert.ok(recorded.requests.some((r) => r.url === `${app.server.origin}/places.txt`), "the table was fetched from the app itself");
  await assertNoEgress(recorded, app.server.origin);
  await recorded.context.close();
});

test("the place table is not fetched by a first visit, only when the question opens, and works offline after", async () => {
  const recorded = await newJourneyPage(app.browser);
  const { page, context } = recorded;
  await openApp(page, app.server.origin);
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForTimeout(500);
  // Only the service worker's background copy may have fetched it; the page and its tools
  // have not asked.
  const asked = recorded.requests.filter((r) => r.url.endsWith("/places.txt"));
  assert.ok(asked.length <= 1, `the start page does not ask for it: ${asked.length}`);
  // The service worker keeps a copy for offline use, like the letter tools.
  await page.waitForFunction(async () => {
    const keys = await caches.keys();
    for (const key of keys) if (await (await caches.open(key)).match("places.txt")) return true;
    return false;
  });
  await context.setOffline(true);
  await page.evaluate(() => (location.hash = "/area"));
  await waitForStep(page, "area");
  assert.equal(await lookUp(page, "LL57 2PW"), "We have chosen Gwynedd.");
  assert.equal(await chosenArea(page), "Wales");
  await context.close();
});

/** Care at home from the council, for someone in Ashford: the district council there does not
 * run social care, Kent County Council does. */
const CARE_IN_ASHFORD = {
  name: "care-at-home-in-ashford",
  words: {
    whatHappened: "The carers missed 6 visits in October. Nobody rang to say. Twice I was left in bed until 2pm.",
    affected: "I am scared to be on my own now.",
  },
};
CARE_IN_ASHFORD.steps = storyFirst([
  { slug: "safe", answer: [choose("Yes, I am safe")] },
  { slug: "who", answer: [choose("Me. It is my complaint"), setting("No, it is my own")] },
  { slug: "service-type", answer: [choose("Social care from the council")] },
  { slug: "area", answer: [fill("area-postcode", "TN23 1AA")], shows: /We have chosen Ashford\./ },
  { slug: "service-name" },
  { slug: "what-happened", answer: [fill("what-happened", CARE_IN_ASHFORD.words.whatHappened)] },
  { slug: "when", answer: [choose("It is still happening")] },
  { slug: "how-it-affected", answer: [fill("how-it-affected", CARE_IN_ASHFORD.words.affected)] },
  { slug: "what-you-want", answer: [check("An apology")] },
  { slug: "already-complained", answer: [choose("No, not yet")] },
  { slug: "complain-to-them", answer: [choose("Yes")] },
  { slug: "still-getting-care", answer: [choose("Yes")] },
  { slug: "concern-about-a-professional", answer: [choose("No")] },
  { slug: "name", answer: [fill("name", "Joan Pike")] },
  { slug: "contact", answer: [check("By phone or text"), fill("contact-phone", "07700 900123")] },
  { slug: "support-needs" },
  ...FINISH,
]);

test("social care from a postcode in a county goes to the county council, named, and the letter asks for its address", async () => {
  const recorded = await newJourneyPage(app.browser);
  const { page } = recorded;
  await startJourney(page, app.server.origin);
  const seen = {};
  await walk(page, CARE_IN_ASHFORD, mouse(page), {
    answered: async (step) => {
      if (step.slug === "letter") seen.letter = await page.locator("#letter-text").evaluate((e) => e.textContent);
      if (step.slug === "send-it") {
        await page.locator("#app .app-button").last().waitFor();
        // The note on what was assumed is behind "Why", with the reasons.
        await page.evaluate(() => document.querySelectorAll("#app details").forEach((d) => (d.open = true)));
        seen.sendIt = await page.locator("#app").innerText();
        assert.deepEqual(await axeViolations(page), [], "axe: the council named");
        await screenshot(page, "places", "05-care-council-named");
      }
    },
  });
  assert.match(seen.sendIt, /Send it to: The complaints team at the council for Kent/);
  assert.match(seen.sendIt, /We have shown the council for Kent, from the place you gave\./);
  assert.match(seen.letter, /\[Write the name and address of the council for Kent\]/);
  assert.ok(seen.letter.includes(CARE_IN_ASHFORD.words.whatHappened), "her words exactly");
  await assertNoEgress(recorded, app.server.origin);
  await recorded.context.close();
});
