// Privacy, checked in a real browser: the page reaches nothing outside its own origin, the
// Content-Security-Policy allows no inline script and no connection elsewhere, and typing makes
// no request at all. The last test proves the check fails when the app does reach elsewhere.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { cpSync, mkdtempSync, readFileSync, writeFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { serve } from "../../scripts/serve.mjs";
import {
  assertNoEgress,
  launchBrowser,
  newRecordedPage,
  openApp,
  startServer,
  waitForApp,
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

/** The policy from the built page's <meta http-equiv="Content-Security-Policy">. */
function builtPolicy() {
  const html = readFileSync("dist/index.html", "utf8");
  const meta = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)">/);
  assert.ok(meta, "dist/index.html has a Content-Security-Policy meta tag");
  const directives = new Map();
  for (const part of meta[1].split(";")) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) directives.set(name, values);
  }
  return { html, directives };
}

test("the built page's policy allows nothing from anywhere else and no inline script", () => {
  const { html, directives } = builtPolicy();
  assert.deepEqual(directives.get("default-src"), ["'none'"]);
  const scripts = directives.get("script-src");
  assert.ok(!scripts.includes("'unsafe-inline'"), "no 'unsafe-inline' in script-src");
  assert.ok(!scripts.includes("'unsafe-eval'"), "no 'unsafe-eval' in script-src");
  const connect = directives.get("connect-src");
  assert.ok(connect.every((v) => v === "'self'" || v === "'none'"), `connect-src is no wider than 'self': ${connect}`);
  for (const [name, values] of directives) {
    for (const value of values) {
      assert.ok(!/^(https?:|\*|wss?:)/.test(value), `${name} names no other origin: ${value}`);
    }
  }
  const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>/g)];
  assert.equal(inline.length, 0, "every script in index.html is a file");
  assert.ok(!/https?:\/\/(?!127\.0\.0\.1)/.test(html.replace(/<!--[\s\S]*?-->/g, "")), "index.html names no other site");
});

test("loading the app and answering questions reaches nothing outside its own origin", async () => {
  const recorded = await newRecordedPage(browser);
  const { page } = recorded;
  await openApp(page, server.origin, "#/what-happened");
  await page.locator("#what-happened").fill("They turned me away at reception.\nTwice.");
  await page.locator("form button[type=submit]").click();
  await page.waitForFunction(() => location.hash === "#/when");
  await assertNoEgress(recorded, server.origin);
  assert.deepEqual(recorded.consoleErrors, [], "no errors in the console");
  await recorded.context.close();
});

test("typing makes no request at all once the page has loaded", async () => {
  const recorded = await newRecordedPage(browser);
  const { page, requests } = recorded;
  await openApp(page, server.origin, "#/what-happened");
  await page.waitForLoadState("networkidle");
  const before = requests.length;
  await page.locator("#what-happened").pressSequentially("I waited four hours and nobody told me why.", { delay: 5 });
  await page.locator("#what-happened").press("Enter");
  await page.locator("#what-happened").pressSequentially("Then they said I had to leave.", { delay: 5 });
  // Give any request a typing might set off time to start.
  await page.waitForTimeout(500);
  const during = requests.slice(before).map((r) => r.url);
  assert.deepEqual(during, [], "no request while typing");
  await recorded.context.close();
});

/** A copy of dist/ whose index.html has `change` applied, served on its own port. */
async function tamperedCopy(change) {
  const dir = mkdtempSync(join(tmpdir(), "imw-tampered-"));
  cpSync("dist", dir, { recursive: true });
  const index = join(dir, "index.html");
  writeFileSync(index, change(readFileSync(index, "utf8")));
  const tampered = await serve({ dir });
  return { origin: tampered.origin, stop: () => { tampered.close(); rmSync(dir, { recursive: true, force: true }); } };
}

test("the no-egress check fails when the app reaches for another origin", async (t) => {
  // 1. A stylesheet from a font service: the policy blocks it, and the check must still fail.
  // 2. The same with the policy removed: the request really goes out, and the check must fail.
  const cases = {
    "blocked by the policy": (html) =>
      html.replace("</head>", '<link rel="stylesheet" href="https://fonts.example.com/font.css"></head>'),
    "with the policy removed": (html) =>
      html
        .replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, "")
        .replace("</head>", '<link rel="stylesheet" href="https://fonts.example.com/font.css"></head>'),
  };
  for (const [name, change] of Object.entries(cases)) {
    await t.test(name, async () => {
      const copy = await tamperedCopy(change);
      const recorded = await newRecordedPage(browser);
      try {
        await recorded.page.goto(`${copy.origin}/`);
        await waitForApp(recorded.page);
        await assert.rejects(assertNoEgress(recorded, copy.origin), /fonts\.example\.com/);
      } finally {
        await recorded.context.close();
        copy.stop();
      }
    });
  }
});
