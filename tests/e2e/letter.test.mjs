// The letter page in a real browser: "Before you send" flags words that could hurt the person's
// case, never blocks printing, and never changes their words; printing to PDF carries their
// words exactly.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { inflateSync } from "node:zlib";
import { readFileSync } from "node:fs";
import { assertNoEgress, launchBrowser, newRecordedPage, openApp, screenshot, startServer, waitForStep } from "./harness.mjs";
import { PRISON, choose, mouse, startJourney, walk } from "./journeys.mjs";

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

const THREAT = "If they do it again I'll sort them out.";
const REPORT = "He threatened me at the desk.";
const WORDS = `I went to get my prescription.\n\n${REPORT} ${THREAT}\nNobody helped.`;

/** Records calls to window.print() instead of opening the print dialog. */
const recordPrint = () => {
  window.__printed = 0;
  window.print = () => {
    window.__printed += 1;
  };
};

async function letterPage(words) {
  const recorded = await newRecordedPage(browser);
  const { page } = recorded;
  await page.addInitScript(recordPrint);
  await openApp(page, server.origin, "#/what-happened");
  await page.locator("#what-happened").fill(words);
  await page.goto(`${server.origin}/#/letter`);
  await page.locator("#letter-text").waitFor();
  return recorded;
}

const letterText = (page) => page.locator("#letter-text").evaluate((e) => e.textContent);

/** From one finish step to the next by its Continue link. */
async function onward(page, slug) {
  await page.getByRole("link", { name: "Continue", exact: true }).click();
  await waitForStep(page, slug);
}

/** "Send your letter", once its buttons are ready. */
async function sendStep(page) {
  await onward(page, "send-it");
  await page.getByRole("button", { name: "Print the letter" }).waitFor();
}

test("a flagged letter shows the flag, keeps the words, and still prints after 'keep it as it is'", async () => {
  const recorded = await letterPage(WORDS);
  const { page } = recorded;
  const panel = page.locator("section[aria-labelledby=check-heading]");
  const flag = panel.locator(".app-flag").filter({ hasText: THREAT });
  await flag.waitFor();
  assert.match(await flag.locator(".app-flag__title").innerText(), /threat/i);
  assert.equal(await flag.locator("mark").count() > 0, true, "the words that raised it are marked");
  assert.match(await flag.innerText(), /Keep it as it is/);
  // A report of what was done to them is not flagged.
  assert.equal(await panel.locator(".app-flag").filter({ hasText: REPORT }).count(), 0, "a report is not a threat");
  await screenshot(page, "letter", "01-before-you-send");

  // Printing is never blocked, flag or no flag: the next step prints the letter.
  await sendStep(page);
  await page.getByRole("button", { name: "Print the letter" }).click();
  assert.equal(await page.evaluate(() => window.__printed), 1, "printing works with a flag showing");
  await page.getByRole("link", { name: "Back", exact: true }).click();
  await waitForStep(page, "letter");

  await flag.getByRole("button", { name: /Keep it as it is/ }).click();
  await page.waitForFunction(() => !document.querySelector(".app-flag"));
  assert.match(await panel.innerText(), /You have looked at everything/);
  assert.match(await panel.innerText(), /You chose to keep 1 as it is/);
  await sendStep(page);
  await page.getByRole("button", { name: "Print the letter" }).click();
  assert.equal(await page.evaluate(() => window.__printed), 2, "printing works after keeping it");
  assert.ok((await letterText(page)).includes(WORDS), "the check changed nothing");
  // What they kept stays kept when they come back to check again.
  await page.getByRole("link", { name: "Back", exact: true }).click();
  await waitForStep(page, "letter");
  assert.match(await panel.innerText(), /You chose to keep 1 as it is/);
  assert.equal(await page.locator(".app-flag").count(), 0);
  await assertNoEgress(recorded, server.origin);
  await recorded.context.close();
});

test("'let me change it' takes them to their words with the sentence selected, and the check follows their edit", async () => {
  const recorded = await letterPage(WORDS);
  const { page } = recorded;
  const flag = page.locator(".app-flag").filter({ hasText: THREAT });
  await flag.getByRole("button", { name: /Let me change it/ }).click();
  // The selection is made as the click is handled; wait for it rather than race it.
  await page
    .waitForFunction(() => document.activeElement?.id === "letter-what-happened", null, { timeout: 5000 })
    .catch(() => {});
  const state = await page.evaluate(() => {
    const box = document.activeElement;
    return { id: box.id, selected: box.value.slice(box.selectionStart, box.selectionEnd) };
  });
  assert.equal(state.id, "letter-what-happened");
  assert.equal(state.selected, THREAT);
  // They rewrite that sentence themselves; the preview follows at once, the flag goes after a pause.
  await page.keyboard.type("If it happens again I will complain to the ombudsman.");
  const edited = WORDS.replace(THREAT, "If it happens again I will complain to the ombudsman.");
  await page.waitForFunction((w) => document.getElementById("letter-text").textContent.includes(w), edited);
  await page.waitForFunction(() => !document.querySelector(".app-flag"));
  assert.match(await page.locator("section[aria-labelledby=check-heading]").innerText(), /did not spot any/);
  await recorded.context.close();
});

test("the printed letter (PDF) carries the person's words, and only the letter is printed", async () => {
  const words = "They stopped my methadone script on release.\nI was sick for four days.";
  const recorded = await letterPage(words);
  const { page } = recorded;
  await page.waitForFunction((w) => document.getElementById("letter-text").textContent.includes(w), words);
  await page.emulateMedia({ media: "print" });
  const printed = await page.evaluate(() =>
    [...document.querySelectorAll("body *")]
      .filter((e) => e.offsetParent !== null && e.children.length === 0 && e.textContent.trim())
      .map((e) => e.textContent)
      .join("\n"),
  );
  assert.ok(printed.includes("They stopped my methadone script on release."), printed);
  assert.ok(!/Where to send it|Before you send|Print the letter/.test(printed), `only the letter prints:\n${printed}`);
  await page.emulateMedia({ media: "screen" });
  const pdf = await page.pdf({ format: "A4" });
  assert.equal(pdf.subarray(0, 5).toString(), "%PDF-");
  const text = pdfText(pdf);
  for (const line of words.split("\n")) assert.ok(text.includes(line), `the PDF has "${line}"`);
  await recorded.context.close();
});

/**
 * The text of a PDF Chromium made: its page contents are Flate streams whose text operators
 * hold glyph ids through a ToUnicode map, so this reads the maps and the shown strings.
 */
function pdfText(pdf) {
  const source = pdf.toString("latin1");
  const streams = [];
  const re = /stream\r?\n/g;
  let m;
  while ((m = re.exec(source))) {
    const start = m.index + m[0].length;
    const end = source.indexOf("endstream", start);
    try {
      streams.push(inflateSync(Buffer.from(source.slice(start, end), "latin1")).toString("latin1"));
    } catch {
      // Not a Flate stream (an image or a font program): no text in it.
    }
  }
  // ToUnicode maps: <glyph> <unicode> pairs, and <from> <to> <unicode> ranges.
  const maps = streams.filter((s) => s.includes("beginbfchar") || s.includes("beginbfrange"));
  const glyphs = new Map();
  const hex4 = (n) => n.toString(16).toUpperCase().padStart(4, "0");
  for (const cmap of maps) {
    for (const [, block] of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
      for (const [, g, u] of block.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) {
        glyphs.set(g.toUpperCase(), String.fromCodePoint(parseInt(u, 16)));
      }
    }
    for (const [, block] of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
      for (const [, from, to, u] of block.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) {
        for (let g = parseInt(from, 16); g <= parseInt(to, 16); g++) {
          glyphs.set(hex4(g), String.fromCodePoint(parseInt(u, 16) + g - parseInt(from, 16)));
        }
      }
    }
  }
  const text = [];
  for (const content of streams.filter((s) => s.includes("Tj") || s.includes("TJ"))) {
    for (const [, hex] of content.matchAll(/<([0-9A-Fa-f]+)>\s*Tj/g)) {
      for (let i = 0; i < hex.length; i += 4) text.push(glyphs.get(hex.slice(i, i + 4).toUpperCase()) ?? "");
    }
  }
  return text.join("");
}

// ---------------------------------------------------------------------------------------------
// Every output of the letter page, on a real route: medicines not ready on release from
// HMP Lewes, where the person does not feel able to complain to the prison's healthcare team,
// so the letter goes to NHS England, which takes complaints by email.

const EMAIL_CASE = {
  ...PRISON,
  name: "letter-outputs",
  steps: PRISON.steps
    .flatMap((step) =>
      step.slug === "complain-to-them"
        ? [
            { slug: step.slug, answer: [choose("No")] },
            // Asked because they will not complain to the service itself.
            { slug: "share-with-service", answer: [choose("Yes")] },
          ]
        : [step],
    )
    // Up to "Check your letter"; the test takes the finish steps itself.
    .filter((step, i, all) => i <= all.findIndex((s) => s.slug === "letter"))
    .map((step) => (step.slug === "letter" ? { slug: "letter" } : step)),
};

/** Walks to the letter page and returns the page, ready. */
async function outputsPage() {
  const recorded = await newRecordedPage(browser, { acceptDownloads: true });
  const { page, context } = recorded;
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: server.origin });
  await page.addInitScript(recordPrint);
  await startJourney(page, server.origin);
  await walk(page, EMAIL_CASE, mouse(page));
  await page.locator("#letter-text").waitFor();
  return recorded;
}

async function download(page, click) {
  const [file] = await Promise.all([page.waitForEvent("download", { timeout: 30000 }), click()]);
  const path = await file.path();
  return { name: file.suggestedFilename(), bytes: readFileSync(path) };
}

test("outputs: copy, .txt, Word, email, calendar, print a part, and letters for later", async () => {
  const recorded = await outputsPage();
  const { page } = recorded;
  const letter = await letterText(page);
  const words = PRISON.words.whatHappened;
  assert.ok(letter.includes(words), "the letter has their words exactly");
  assert.match(letter, /You may show my complaint to .+ so that you can look into it\./, "they said yes to showing it to the service");

  // Copy, with a visible confirmation.
  await sendStep(page);
  assert.equal(await letterText(page), letter, "the letter Print prints is the letter they checked");
  await page.getByRole("button", { name: "Copy the letter" }).click();
  await page.getByRole("status").filter({ hasText: "Copied the letter" }).waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), letter, "the clipboard holds the letter exactly");

  // Plain text: exactly the letter.
  const text = await download(page, () => page.getByRole("button", { name: "As plain text (.txt)" }).click());
  assert.equal(text.name, "letter.txt");
  assert.equal(text.bytes.toString("utf8"), letter);
  await page.getByRole("status").filter({ hasText: "Downloading letter.txt" }).waitFor();

  // Word: a zip whose document holds their words (entries are stored, so the XML is readable).
  const word = await download(page, () => page.getByRole("button", { name: /As a Word document/ }).click());
  assert.equal(word.name, "letter.docx");
  assert.equal(word.bytes.subarray(0, 2).toString("latin1"), "PK");
  const xml = word.bytes.toString("utf8");
  assert.ok(xml.includes("word/document.xml"), "it has a Word document inside");
  for (const line of words.split("\n").filter(Boolean)) {
    const escaped = line.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;");
    assert.ok(xml.includes(escaped) || xml.includes(line), `the Word document has: ${line}`);
  }

  // Email: NHS England takes complaints by email; the link carries the letter.
  const mail = page.getByRole("link", { name: /Open it in your email app/ });
  const href = await mail.getAttribute("href");
  assert.match(href, /^mailto:england\.contactus@nhs\.net\?subject=/);
  if (href.length > 2000) assert.fail(`mail links past 2,000 characters get cut off: ${href.length}`);
  if (/[?&]body=./.test(href)) {
    assert.ok(decodeURIComponent(href).includes("no epilepsy tablets for 4 days"), "the email body has their words");
  } else {
    // Too long for a mail link: the page says to paste the copied letter in.
    assert.ok(letter.length > 1000, "only a long letter is left out of the link");
    await page.getByText("Your letter is too long to put into an email for you").waitFor();
  }

  // Calendar reminders (RFC 5545).
  await onward(page, "what-happens-next");
  const ics = await download(page, () => page.getByRole("button", { name: /Add reminders to your calendar/ }).click());
  assert.equal(ics.name, "reminders.ics");
  const calendar = ics.bytes.toString("utf8");
  assert.match(calendar, /^BEGIN:VCALENDAR\r\nVERSION:2\.0\r\n/);
  assert.match(calendar, /BEGIN:VEVENT\r\n[\s\S]*DTSTART;VALUE=DATE:\d{8}\r\n[\s\S]*END:VEVENT\r\n/);
  assert.match(calendar, /END:VCALENDAR\r\n$/);

  // Print the timeline only: the page marks that part for the print stylesheet.
  await page.evaluate(() => {
    window.print = () => {
      window.__printedPart = document.querySelector(".app-print-target")?.id;
      window.__printing = document.documentElement.classList.contains("app-printing");
    };
  });
  await page.getByRole("button", { name: "Print this list" }).click();
  assert.deepEqual(await page.evaluate(() => [window.__printedPart, window.__printing]), ["timeline", true]);
  assert.equal(await page.locator(".app-print-target").count(), 0, "the mark is removed after printing");

  // Letters for later, from the same answers.
  const others = page.locator("section[aria-labelledby=others-heading] details");
  assert.ok((await others.count()) >= 2, "there are letters for later");
  await others.filter({ hasText: "If nobody answers" }).locator("summary").click();
  const chaser = await others.filter({ hasText: "If nobody answers" }).locator(".app-letter-text").innerText();
  assert.match(chaser, /Lee Barker/);
  await screenshot(page, "letter", "02-outputs");
  // Before anything formal: a short note to try sorting it out, with a date to follow up.
  const note = others.filter({ hasText: "To try sorting it out first" });
  await note.locator("summary").click();
  const noteText = await note.locator(".app-letter-text").evaluate((e) => e.textContent);
  assert.match(noteText, /This is not a formal complaint yet\./);
  // Two weeks from the note's own date (this page runs on the real clock).
  const dated = new Date(`${noteText.match(/^(\d{1,2} \w+ \d{4})$/m)[1]} 12:00 UTC`);
  const due = new Date(dated.getTime() + 14 * 86400000).toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
  assert.ok(noteText.includes(`Please reply to me by ${due}. If it is not sorted out by then, I will make a formal complaint.`), noteText);
  assert.ok(noteText.includes(words), "the note has their words exactly");

  // Easy Read: one short line per idea, the dates from the timeline, printed on its own.
  await page.getByText("Easy Read: what happens next").click();
  const easy = await page.locator("#easy-read li").allInnerTexts();
  assert.match(easy[0], /^Send your letter to NHS England\.$/, easy.join("\n"));
  const dates = await page.locator("#timeline li strong").allInnerTexts();
  for (const line of dates.slice(1)) {
    const [date] = line.split(":");
    assert.ok(easy.some((l) => l.startsWith(date)), `Easy Read has ${date}:\n${easy.join("\n")}`);
  }
  await page.getByRole("button", { name: "Print the Easy Read page" }).click();
  assert.deepEqual(await page.evaluate(() => [window.__printedPart, window.__printing]), ["easy-read", true]);
  await screenshot(page, "letter", "03-easy-read");

  // A letter for later that quotes their words follows their edits on "Check your letter".
  const unhappy = others.filter({ hasText: "If you are not happy with their final answer" });
  await unhappy.locator("summary").click();
  assert.ok((await unhappy.locator(".app-letter-text").innerText()).includes(words.split("\n")[0]), "it quotes their words");
  await page.goto(`${server.origin}/#/letter`);
  await waitForStep(page, "letter");
  await page.locator("#letter-text").waitFor();
  const added = " I also want to say the nurse was kind.";
  await page.locator("#letter-what-happened").press("End");
  await page.locator("#letter-what-happened").evaluate((box) => box.setSelectionRange(box.value.length, box.value.length));
  await page.keyboard.type(added);
  const edited = await page.locator("#letter-what-happened").inputValue();
  assert.ok(edited.endsWith(added));
  await page.waitForFunction((t) => document.querySelector("#letter-text").textContent.includes(t), added);
  await onward(page, "send-it");
  await onward(page, "what-happens-next");
  await unhappy.locator("summary").click();
  const later = await unhappy.locator(".app-letter-text").evaluate((e) => e.textContent);
  assert.ok(later.includes(edited), "the letter for later has the words as they are now");
  await unhappy.getByRole("button", { name: /^Copy/ }).click();
  await page.getByRole("status").filter({ hasText: "Copied the letter" }).waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), later, "its Copy button copies it as it is now");
  await assertNoEgress(recorded, server.origin);
  assert.deepEqual(recorded.consoleErrors, []);
  await recorded.context.close();
});

test("the routing file comes from the app itself when the letter tools start; without it the page says so, and a reload mends it with the words kept", async () => {
  // No service worker: its background copy would answer for the network this test takes away.
  const recorded = await newRecordedPage(browser, { serviceWorkers: "block" });
  const { page, context, requests } = recorded;
  await openApp(page, server.origin);
  await page.waitForTimeout(500);
  assert.ok(!requests.some((r) => r.url.endsWith("/routes.bin")), "a first visit does not ask for it");

  await context.route("**/routes.bin", (route) => route.abort());
  await page.evaluate(() => (location.hash = "/what-happened"));
  await page.locator("#what-happened").fill(WORDS);
  await page.evaluate(() => (location.hash = "/letter"));
  await page.getByText("The letter could not be made. Reload the page to try again.").waitFor({ timeout: 40000 });
  // The tools still read the words: "Before you send" flags the threat.
  await page.getByText("This could sound like a threat").first().waitFor();
  await screenshot(page, "letter", "routes-missing");

  // The connection comes back: a reload makes the letter, with the words as typed.
  await context.unroute("**/routes.bin");
  await page.reload();
  await page.locator("#letter-text").waitFor({ timeout: 30000 });
  assert.ok((await letterText(page)).includes(WORDS), "the letter quotes the words exactly");
  assert.ok(requests.some((r) => r.url === `${server.origin}/routes.bin`), "the file was fetched from the app itself");
  // Served compressed: about a fifth of its size.
  const served = await context.request.get(`${server.origin}/routes.bin`, { headers: { "Accept-Encoding": "br" } });
  assert.equal(served.headers()["content-encoding"], "br");
  await assertNoEgress(recorded, server.origin);
  await context.close();
});
