// Safety that cannot be switched off. The quick exit works from every text box of a whole
// journey filled with awkward text, and after the app has stopped on an error; Back never returns;
// nothing is left in any storage. A reopened or duplicated tab starts empty while a reload keeps
// the answers. The letter tools cannot reach the network even from a host that sends no headers.
// An update that mixes versions is caught and explained. Nothing invites the browser to remember
// what was typed.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { createServer } from "node:http";
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
import { SUPPORTER, mouse, newJourneyPage, startJourney, walk } from "./journeys.mjs";
import { axeViolations } from "./a11y.mjs";

let server;
let bare;
let browser;
// A second local origin that records every request reaching it: "somewhere else".
let elsewhere;
const arrived = [];

before(async () => {
  server = await startServer();
  bare = await startServer({ bare: true });
  browser = await launchBrowser();
  elsewhere = createServer((req, res) => {
    arrived.push(req.url);
    res.writeHead(200, { "Access-Control-Allow-Origin": "*" }).end("ok");
  });
  await new Promise((done) => elsewhere.listen(0, "127.0.0.1", done));
  elsewhere.origin = `http://127.0.0.1:${elsewhere.address().port}`;
});

after(async () => {
  await browser?.close();
  server?.close();
  bare?.close();
  elsewhere?.close();
});

// Text that has broken apps before: an emoji at the end, a fraction, combining marks,
// right-to-left words and a zero-width joiner.
const AWKWARD = " 👍 ½ e\u0301 \u05E9\u05DC\u05D5\u05DD \u0645\u0631\u062D\u0628\u0627 👩\u200D👧";
// Boxes that must hold a real value to move on get the awkward text first, then the real one.
const NUMBERS = new Set(["when-day", "when-month", "when-year", "birth-day", "birth-month", "birth-year"]);

/** The supporter journey (the one with the most text boxes), with awkward text in every box. */
function awkwardJourney() {
  const steps = SUPPORTER.steps.map((step) => {
    const answer = [];
    for (const action of step.answer || []) {
      if (action.kind !== "fill") {
        answer.push(action);
      } else if (action.text === "" || NUMBERS.has(action.id)) {
        answer.push({ ...action, text: `12${AWKWARD}` }, action);
      } else {
        answer.push({ ...action, text: action.text + AWKWARD });
      }
    }
    return { ...step, answer };
  });
  // Stop on the letter page: the letter tools are running there too.
  const last = steps.findIndex((s) => s.slug === "letter");
  return { ...SUPPORTER, steps: steps.slice(0, last + 1) };
}

/** Keeps a handle on the app's WebAssembly memory, which the loader announces when it starts. */
async function keepTheAppsMemory(context) {
  await context.addInitScript(() => addEventListener("TrunkApplicationStarted", (e) => (window.__appMemory = e.detail.wasm.memory)));
}

/**
 * Stops the app the way a bug would: its memory is overwritten, then the app is asked to move,
 * and the WebAssembly stops with an error. The app has no switch for this; the test breaks it.
 */
async function stopTheApp(page) {
  await page.evaluate(() => {
    new Uint8Array(window.__appMemory.buffer).fill(255);
    location.hash = "/when";
  });
}

/** Fails unless the page has left the app for good: neutral page, Back cannot return, nothing stored. */
async function assertLeftForGood(page, words) {
  await page.waitForURL(/exit\.html$/);
  assert.equal(await page.title(), "Easy vegetable soup", "a neutral page replaces the app");
  await page.waitForTimeout(300);
  const stored = await everythingStored(page);
  for (const word of words) assert.ok(!stored.includes(word), `no storage holds ${JSON.stringify(word)}`);
  assert.equal(await page.evaluate(() => localStorage.length + sessionStorage.length), 0, "both storages are empty");
  assert.deepEqual(await page.evaluate(async () => (await indexedDB.databases()).length), 0, "no IndexedDB database");
  await page.goBack().catch(() => null);
  await page.waitForTimeout(300);
  const url = page.url();
  assert.ok(url.endsWith("exit.html") || url === "about:blank", `Back does not return to the app (it went to ${url})`);
  const text = await page.evaluate(() => document.body?.innerText || "");
  for (const word of words) assert.ok(!text.includes(word), "Back shows none of the words");
  assert.equal(page.context().pages().flatMap((p) => p.workers()).length, 0, "the letter tools were ended");
}

for (const how of ["button", "shift"]) {
  test(`awkward text in every box of a whole journey, then exit by the ${how}: gone for good`, async () => {
    const recorded = await newJourneyPage(browser);
    const { page } = recorded;
    await startJourney(page, server.origin);
    const journey = awkwardJourney();
    await walk(page, journey, mouse(page), {
      // The postcode box gets the text that once stopped the whole app.
      arrive: async (step) => {
        if (step.slug === "area") {
          for (const postcode of ["BN1 1AA 👍", "BN1 ½AA", `BN2${AWKWARD}`]) await page.locator("#area-postcode").fill(postcode);
        }
      },
    });
    await page.locator("#letter-text").waitFor();
    assert.ok((await page.locator("#letter-text").textContent()).includes(journey.steps.find((s) => s.slug === "what-happened").answer[0].text), "the letter has the words exactly");
    assert.ok(page.workers().length >= 1, "the letter tools are running");
    if (how === "button") {
      await page.locator("#exit-this-page").click();
    } else {
      await page.locator("body").click({ position: { x: 5, y: 300 } });
      for (let i = 0; i < 3; i++) await page.keyboard.press("Shift");
    }
    await assertLeftForGood(page, [SUPPORTER.words.whatHappened.slice(0, 40), "Jordan Reece", "Sam Okafor"]);
    await assertNoEgress(recorded, server.origin);
    await recorded.context.close();
  });

  test(`after the app has stopped on an error, exit by the ${how} still works and the words could be copied`, async () => {
    const recorded = await newRecordedPage(browser);
    const { page } = recorded;
    await keepTheAppsMemory(page.context());
    await openApp(page, server.origin, "#/what-happened");
    const words = `Nobody rang me back${AWKWARD}`;
    await page.locator("#what-happened").fill(words);
    await stopTheApp(page);
    await page.getByRole("heading", { name: "Something went wrong" }).waitFor();
    assert.equal(await page.locator("#rescued-words").inputValue(), words, "the words are there to copy, exactly");
    if (how === "button") {
      await page.locator("#exit-this-page").click();
    } else {
      for (let i = 0; i < 3; i++) await page.keyboard.press("Shift");
    }
    await assertLeftForGood(page, ["Nobody rang me back"]);
    await recorded.context.close();
  });
}

test("exit before the app has loaded still leaves and clears", async () => {
  const recorded = await newRecordedPage(browser);
  const { page, context } = recorded;
  // Hold the app's WebAssembly back, so the page is still "loading" when Exit is pressed.
  await context.route(/\.wasm$/, () => {});
  await page.goto(`${server.origin}/`, { waitUntil: "domcontentloaded" });
  await page.evaluate(() => sessionStorage.setItem("in-my-words-draft", "left from before"));
  assert.equal(await page.locator("html[data-app-started]").count(), 0, "the app has not started");
  for (let i = 0; i < 3; i++) await page.keyboard.press("Shift");
  await assertLeftForGood(page, ["left from before"]);
  await context.close();
});

test("exit in one tab clears the app's other tabs too", async () => {
  const recorded = await newRecordedPage(browser);
  const { page, context } = recorded;
  await openApp(page, server.origin, "#/what-happened");
  await page.locator("#what-happened").fill("First tab words");
  const other = await context.newPage();
  await openApp(other, server.origin, "#/what-happened");
  await other.locator("#what-happened").fill("Second tab words");
  await page.locator("#exit-this-page").click();
  await other.waitForURL(/exit\.html$/);
  assert.ok(!(await other.evaluate(() => document.body.innerText)).includes("Second tab words"));
  assert.equal(await other.evaluate(() => sessionStorage.length), 0);
  await context.close();
});

test("a reopened or duplicated tab starts empty, while a reload keeps the answers", async () => {
  const recorded = await newRecordedPage(browser);
  const { page, context } = recorded;
  await openApp(page, server.origin, "#/what-happened");
  await page.locator("#what-happened").fill("Words before the reload");
  await page.waitForFunction(() => sessionStorage.length > 0);
  const kept = await page.evaluate(() => JSON.stringify(Object.entries(sessionStorage)));

  await page.reload();
  await waitForApp(page);
  assert.equal(await page.locator("#what-happened").inputValue(), "Words before the reload", "a reload keeps the answers");

  // A tab the browser reopens (Ctrl+Shift+T, session restore) or duplicates arrives with a copy of
  // the old tab's session storage, by a navigation that is not a reload.
  const reopened = await context.newPage();
  await reopened.addInitScript((entries) => {
    if (!sessionStorage.length && location.pathname === "/") for (const [k, v] of JSON.parse(entries)) sessionStorage.setItem(k, v);
  }, kept);
  await openApp(reopened, server.origin, "#/what-happened");
  assert.equal(await reopened.locator("#what-happened").inputValue(), "", "a reopened tab starts empty");
  await reopened.waitForTimeout(400);
  assert.ok(!(await everythingStored(reopened)).includes(kept.slice(20, 60)) || (await reopened.evaluate(() => sessionStorage.length)) === 0, "and clears the copy it was given");
  assert.equal(await reopened.evaluate(() => sessionStorage.getItem("in-my-words-draft")), null, "the old answers are gone from the tab");
  await context.close();
});

/** Starts a journey and answers the first question, arriving at "Who is writing?". */
async function throughSafe(page) {
  await startJourney(page, server.origin);
  await waitForStep(page, "safe");
  await page.getByLabel("Yes, I am safe", { exact: true }).check();
  await page.locator("form button[type=submit]").click();
  await waitForStep(page, "who");
}

test("on a shared computer each step replaces the last in history", async () => {
  const recorded = await newRecordedPage(browser);
  const { page, context } = recorded;
  await throughSafe(page);
  await page.getByLabel("Me. It is my complaint", { exact: true }).check();
  await page.locator("form button[type=submit]").click();
  await waitForStep(page, "what-happened");
  await page.locator("#what-happened").fill("They would not see me.");
  for (const slug of ["what-happened", "when", "how-it-affected"]) {
    await waitForStep(page, slug);
    await page.locator("form button[type=submit]").click();
  }
  await waitForStep(page, "service-type");
  // The question is a setting at the top of every page, not a step on the way.
  await page.locator("#app-settings summary").click();
  await page.getByLabel("Not sure", { exact: true }).check();
  const before = await page.evaluate(() => history.length);
  await page.getByLabel("A pharmacy (chemist)", { exact: true }).check();
  await page.locator("form button[type=submit]").click();
  await page.waitForFunction(() => !location.hash.includes("service-type"));
  assert.equal(await page.evaluate(() => history.length), before, "no new history entry");
  await context.close();
});

test("changing the shared-computer setting leaves the person on the page they are on", async () => {
  const recorded = await newRecordedPage(browser);
  const { page, context } = recorded;
  await throughSafe(page);
  // Somewhere else by a link, not by Continue; then the setting, each way.
  await page.evaluate(() => (location.hash = "/area"));
  await waitForStep(page, "area");
  await page.locator("#app-settings summary").click();
  for (const label of ["Yes, it is shared or public", "No, it is my own", "Not sure"]) {
    await page.getByLabel(label, { exact: true }).check();
    await page.waitForTimeout(300);
    assert.equal(await page.evaluate(() => location.hash), "#/area", `still here after "${label}"`);
  }
  await context.close();
});

test("from a host that sends no headers, the letter tools cannot reach another origin", async () => {
  const recorded = await newRecordedPage(browser);
  const { page } = recorded;
  const response = await page.goto(`${bare.origin}/#/letter`);
  assert.equal(response.headers()["content-security-policy"], undefined, "the host sends no policy");
  await waitForApp(page);
  await page.waitForFunction(() => document.body.innerText.includes("Your letter") || document.querySelector("#letter-text"));
  const worker = page.workers().find((w) => w.url().startsWith("blob:"));
  assert.ok(worker, `the letter tools run from a blob: address (workers: ${page.workers().map((w) => w.url())})`);
  const probe = (origin) => async (worker) =>
    worker.evaluate(async (url) => {
      // The tools drop `fetch` once loaded; the browser's own fetch is still on the prototype,
      // so this asks the policy itself.
      const fetchFrom = self.fetch || Object.getPrototypeOf(Object.getPrototypeOf(self)).fetch || WorkerGlobalScope.prototype.fetch;
      try {
        await fetchFrom.call(self, url, { mode: "no-cors" });
        return "sent";
      } catch (error) {
        return String(error);
      }
    }, `${origin}/from-the-tools`);
  const said = await probe(elsewhere.origin)(worker);
  await page.waitForTimeout(300);
  assert.ok(!arrived.includes("/from-the-tools"), `nothing arrived from the letter tools (${said})`);

  // The check itself can fail: a worker started from a file on the same host, the way the tools
  // used to start, does reach the other origin.
  await page.evaluate(() => {
    window.__fileWorker = new Worker("letter-tools.js");
  });
  await page.waitForFunction(() => true);
  let fileWorker;
  for (let i = 0; i < 50 && !fileWorker; i++) {
    fileWorker = page.workers().find((w) => w.url().endsWith("/letter-tools.js"));
    if (!fileWorker) await page.waitForTimeout(100);
  }
  assert.ok(fileWorker, "the control worker started");
  await fileWorker.evaluate(async (url) => fetch(url, { mode: "no-cors" }).catch(() => null), `${elsewhere.origin}/from-a-file-worker`);
  await page.waitForTimeout(300);
  assert.ok(arrived.includes("/from-a-file-worker"), "the control worker's request did arrive, so the check above can fail");
});

test("letter tools from another version, or tools that fail, are explained with a reload that keeps the answers", async () => {
  for (const [fake, message] of [
    // Replies with a protocol version no build has (0), as tools from another build would.
    ["self.onmessage = () => self.postMessage(new Uint8Array([0, 1]));", "This app was updated while the page was open"],
    ["throw new Error('the tools could not start');", "The letter could not be made"],
  ]) {
    const recorded = await newRecordedPage(browser);
    const { page, context } = recorded;
    await openApp(page, server.origin, "#/what-happened");
    await page.locator("#what-happened").fill("Kept through the reload");
    await page.evaluate((code) => {
      window.imwSafety.startTools = () => new Worker(URL.createObjectURL(new Blob([code], { type: "text/javascript" })));
    }, fake);
    await page.evaluate(() => (location.hash = "/letter"));
    await page.getByText(message).waitFor();
    await page.getByRole("button", { name: "Reload the page" }).click();
    await waitForApp(page);
    await page.evaluate(() => (location.hash = "/what-happened"));
    await page.locator("#what-happened").waitFor();
    assert.equal(await page.locator("#what-happened").inputValue(), "Kept through the reload");
    await context.close();
  }
});

test("nothing invites the browser to remember what was typed", async () => {
  const recorded = await newRecordedPage(browser);
  const { page, context } = recorded;
  const problems = [];
  for (const hash of ["#/about-you-the-helper", "#/area", "#/what-happened", "#/name", "#/contact", "#/when", "#/save"]) {
    await openApp(page, server.origin, hash);
    if (hash === "#/contact") {
      for (const label of ["By post, to my address", "By email", "By phone or text"]) {
        const box = page.getByLabel(label, { exact: true });
        if (await box.count()) await box.check();
      }
    }
    problems.push(
      ...(await page.evaluate((where) => {
        const out = [];
        for (const el of document.querySelectorAll("#app input, #app textarea")) {
          if (el.type === "radio" || el.type === "checkbox" || el.type === "file" || el.type === "hidden") continue;
          if (el.name) out.push(`${where} #${el.id} has a name`);
          if (el.getAttribute("autocomplete") !== "off") out.push(`${where} #${el.id} autocomplete=${el.getAttribute("autocomplete")}`);
          if (el.type === "password") out.push(`${where} #${el.id} is a password box`);
          if (el.translate !== false) out.push(`${where} #${el.id} may be translated`);
          if (el.spellcheck) out.push(`${where} #${el.id} is spell checked before the person asked`);
        }
        return out;
      }, hash)),
    );
  }
  assert.deepEqual(problems, []);
  // On a shared computer (or "not sure"), a draft is never offered a place on it.
  await page.evaluate(() => (location.hash = "/save"));
  await page.getByRole("button", { name: "Save to a file" }).waitFor();
  assert.equal(await page.getByRole("button", { name: "Save on this device" }).count(), 1, "offered on the person's own device");
  await page.locator("#app-settings summary").click();
  await page.getByLabel("Not sure", { exact: true }).check();
  await page.locator("#app-settings summary").click();
  await page.evaluate(() => (location.hash = "/save"));
  await page.getByRole("button", { name: "Save to a file" }).waitFor();
  assert.equal(await page.getByRole("button", { name: "Save on this device" }).count(), 0, "not offered when it may be shared");
  // The person can turn spell check on, and off again.
  await page.locator("#app-top .app-settings summary").click();
  await page.getByRole("button", { name: "Check my spelling" }).click();
  await page.evaluate(() => (location.hash = "/what-happened"));
  await page.locator("#what-happened").waitFor();
  assert.equal(await page.locator("#what-happened").evaluate((el) => el.spellcheck), true);
  assert.equal(await page.locator("#app-settings").evaluate((el) => el.open), false, "the panel closes when the page changes");
  await page.locator("#app-top .app-settings summary").click();
  await page.getByRole("button", { name: "Check my spelling" }).click();
  assert.equal(await page.locator("#what-happened").evaluate((el) => el.spellcheck), false);
  await context.close();
});

test("words that say someone is not safe bring a gentle panel with crisis lines; a figure of speech does not", async () => {
  const recorded = await newRecordedPage(browser);
  const { page, context } = recorded;
  await openApp(page, server.origin, "#/what-happened");
  const panel = page.getByText("Some words in your answers make us want to check that everyone is safe");
  // A figure of speech: no panel. The letter tools answer in order, so once the letter they
  // were asked for later is on screen, they have read these words too.
  await page.locator("#what-happened").fill("This wait is killing me. The GP would not see me.");
  await page.locator("form button[type=submit]").click();
  await waitForStep(page, "when");
  await page.evaluate(() => (location.hash = "/letter"));
  await page.locator("#letter-text").waitFor({ timeout: 30000 });
  assert.equal(await panel.count(), 0, "no panel for a figure of speech");
  await page.evaluate(() => (location.hash = "/what-happened"));
  // Words that say the person may not be safe now.
  await waitForStep(page, "what-happened");
  await page.locator("#what-happened").fill("The GP would not see me. I don't want to be alive any more.");
  await page.locator("form button[type=submit]").click();
  await waitForStep(page, "when");
  await panel.waitFor({ timeout: 30000 });
  assert.ok((await page.locator("#app-top").innerText()).includes("Samaritans") || (await page.locator("#app-top").innerText()).includes("999"), "crisis lines are in the panel");
  assert.ok(await page.locator("#app-top").getByText("It is not saved, and it is not in your letter").isVisible());
  assert.deepEqual(await axeViolations(page), [], "the panel passes axe");
  // Nothing about it is stored: only the person's own answers are in the tab.
  const stored = await page.evaluate(() => Object.keys(sessionStorage));
  assert.deepEqual(stored.filter((k) => k !== "in-my-words-draft"), []);
  // It can be hidden, and stays hidden.
  await page.getByRole("button", { name: "Hide this" }).click();
  assert.equal(await panel.count(), 0);
  await page.evaluate(() => (location.hash = "/how-it-affected"));
  await waitForStep(page, "how-it-affected");
  await page.waitForTimeout(1000);
  assert.equal(await panel.count(), 0, "hidden for the rest of the visit");
  await assertNoEgress(recorded, server.origin);
  await context.close();
});

test("Finish and clear leaves as the exit does: a fresh start page that says so, nothing stored, Back cannot return", async () => {
  const recorded = await newRecordedPage(browser);
  const { page, context } = recorded;
  await openApp(page, server.origin, "#/what-happened");
  await page.locator("#what-happened").fill("Words to be cleared at the end");
  await page.evaluate(() => (location.hash = "/finish"));
  await page.getByRole("button", { name: "Clear my answers from this device" }).click();
  await page.getByText("Your answers have been cleared from this device.").waitFor();
  assert.equal(new URL(page.url()).hash, "", "a fresh page, not a step");
  assert.equal(await page.evaluate(() => localStorage.length + sessionStorage.length), 0);
  assert.ok(!(await everythingStored(page)).includes("Words to be cleared"));
  await page.goBack().catch(() => null);
  await page.waitForTimeout(300);
  assert.ok(!page.url().includes("#/"), `Back does not return to a step (it went to ${page.url()})`);
  await context.close();
});

test("drafts saved by earlier versions of the app open in the browser", async () => {
  const files = ["draft-v1.imw", "draft-v2.imw", "draft-v2-layout2.imw", "draft-v2-layout3.imw", "draft-v2-layout4.imw"].map((f) => `tests/fixtures/${f}`);
  for (const file of files) {
    const recorded = await newRecordedPage(browser);
    const { page, context } = recorded;
    await openApp(page, server.origin, "#/save");
    await page.locator("#open-file").setInputFiles(file);
    await page.locator("#open-passphrase").fill("blue kettle 🫖 on Yr Wyddfa, ŵ");
    await page.getByRole("button", { name: "Open the file" }).click();
    await page.getByRole("status").filter({ hasText: "Your draft is open" }).waitFor({ timeout: 30000 });
    await page.evaluate(() => (location.hash = "/how-it-affected"));
    await waitForStep(page, "how-it-affected");
    assert.equal(await page.locator("#how-it-affected").inputValue(), "لم أنم ليلتين. I could not sleep for two nights. לא ישנתי.", `${file} opens with the words exactly`);
    // Layout 3 on holds what was wrong with the final answer; older drafts open with it empty.
    await page.evaluate(() => (location.hash = "/what-was-wrong-with-their-answer"));
    await waitForStep(page, "what-was-wrong-with-their-answer");
    const reply = /layout[34]\.imw$/.test(file) ? "Ils n'ont pas lu ma lettre.\nمو صحيح 👩‍👧 — wrong dates" : "";
    assert.equal(await page.locator("#reply-words").inputValue(), reply, `${file}: what was wrong with their answer`);
    await context.close();
  }
});

test("Exit this page stays on screen however far down the page is scrolled, and still leaves", async () => {
  // A short phone screen, on the longest question (every kind of service).
  const recorded = await newJourneyPage(browser, { viewport: { width: 360, height: 480 } });
  const { page } = recorded;
  await startJourney(page, server.origin);
  await page.getByLabel("Yes, I am safe", { exact: true }).check();
  await next(page);
  await page.getByLabel("Me. It is my complaint", { exact: true }).check();
  await next(page);
  await waitForStep(page, "what-happened");
  await page.locator("#what-happened").fill("Another day of waiting.");
  for (const slug of ["what-happened", "when", "how-it-affected"]) {
    await waitForStep(page, slug);
    await next(page);
  }
  await waitForStep(page, "service-type");
  const seen = async () =>
    page.locator("#exit-this-page").evaluate((e) => {
      const r = e.getBoundingClientRect();
      return r.top >= 0 && r.bottom <= innerHeight && r.left >= 0 && r.right <= innerWidth && r.width > 40;
    });
  assert.equal(await seen(), true, "at the top");
  // Where the question sits in the page: it must not move when the button leaves the header
  // (content jumping under a finger, or a click, as the page scrolls).
  const questionAt = () => page.evaluate(() => document.querySelector("#app h1").getBoundingClientRect().top + scrollY);
  const before = await questionAt();
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  assert.ok(height > 3 * 480, `the page is several screens long (${height} px)`);
  for (const y of [500, 1200, height]) {
    await page.evaluate((to) => scrollTo(0, to), y);
    // The scroll event comes a moment after the scroll.
    await page
      .waitForFunction(() => document.getElementById("exit-this-page").getBoundingClientRect().top >= 0, null, { timeout: 2000 })
      .catch(() => {});
    assert.equal(await seen(), true, `scrolled to ${y}`);
    assert.equal(await questionAt(), before, `nothing below the header moved when scrolled to ${y}`);
  }
  await page.locator("#exit-this-page").click();
  await assertLeftForGood(page, ["Another day of waiting."]);
  await recorded.context.close();
});
