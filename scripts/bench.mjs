// `make bench`: size, speed and memory figures for the release build in dist/, each reported
// against its budget as "met" or "NOT met". It prints figures; it never fails on one (budgets
// that are deterministic, like size, are enforced by tests instead).
//
//   1. Transfer size: every file a first visit downloads, raw / gzip -9 / brotli, and a map of
//      the WebAssembly's largest parts (twiggy on a build that keeps function names).
//   2. Lighthouse (mobile emulation) on the app served on loopback with compression.
//   3. Typing latency in Chromium with the CPU slowed 4x: keystroke in "What you wrote" to the
//      updated letter preview, p50 and p95 over 100 keystrokes, for accounts of 1,000, 20,000 and
//      100,000 characters (20,000 both as one paragraph and in paragraphs); split into the
//      browser's part and the app's own part, beside a bare text box holding the same account.
//   4. Memory (JavaScript heap plus WebAssembly memory) after a whole journey.
//
// Results are also written to bench-results/bench.json.
import { execFileSync, spawn } from "node:child_process";
import { mkdirSync, writeFileSync, readFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import {
  BUDGET_BYTES,
  LETTER_STYLES_BUDGET_BYTES,
  MORE_BUDGET_BYTES,
  PLACES_BUDGET_BYTES,
  ROUTES_BUDGET_BYTES,
  TOOLS_BUDGET_BYTES,
  measure,
  table,
} from "./sizes.mjs";
import { serve } from "./serve.mjs";
import { chromium } from "playwright-core";

const CHROMIUM = process.env.CHROME_PATH || "/usr/bin/chromium";
const FLAGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];
const OUT = "bench-results";
mkdirSync(OUT, { recursive: true });
const results = {};
const verdict = (ok) => (ok ? "met" : "NOT met");
const heading = (text) => console.log(`\n=== ${text} ${"=".repeat(Math.max(0, 70 - text.length))}`);
// `node scripts/bench.mjs typing memory` runs only the sections named (size, lighthouse,
// typing, memory); with no names it runs them all.
const only = process.argv.slice(2);
const want = (section) => only.length === 0 || only.includes(section);

// ---------------------------------------------------------------------------------------------
if (want("size")) {
heading("1. Transfer size");
const sizes = measure("dist");
console.log(table(sizes));
results.size = sizes.firstLoad;
console.log(
  `\nBudget: first load <= ${BUDGET_BYTES} bytes compressed (brotli, as served): ${sizes.firstLoad.brotli} bytes, ${verdict(sizes.firstLoad.brotli <= BUDGET_BYTES)}` +
    ` (gzip -9 would be ${sizes.firstLoad.gzip} bytes)`,
);
console.log(
  `Letter tools (fetched when the letter page opens, kept for offline use): ${sizes.tools.brotli} bytes brotli, budget ${TOOLS_BUDGET_BYTES}: ${verdict(sizes.tools.brotli <= TOOLS_BUDGET_BYTES)}`,
);
console.log(
  `Letter page styles (fetched when the letter page opens, kept for offline use): ${sizes.styles.brotli} bytes brotli, budget ${LETTER_STYLES_BUDGET_BYTES}: ${verdict(sizes.styles.brotli <= LETTER_STYLES_BUDGET_BYTES)}`,
);
console.log(
  `Second program (finish steps and concern log, fetched when one opens): ${sizes.more.brotli} bytes brotli, budget ${MORE_BUDGET_BYTES}: ${verdict(sizes.more.brotli <= MORE_BUDGET_BYTES)}`,
);
console.log(
  `Place table (fetched when "Where did this happen?" opens): ${sizes.places.brotli} bytes brotli, budget ${PLACES_BUDGET_BYTES}: ${verdict(sizes.places.brotli <= PLACES_BUDGET_BYTES)}`,
);
console.log(
  `Routing file (rules, directory, areas; fetched as the letter tools start): ${sizes.routes.brotli} bytes brotli, budget ${ROUTES_BUDGET_BYTES}: ${verdict(sizes.routes.brotli <= ROUTES_BUDGET_BYTES)}`,
);
results.tools = sizes.tools;
results.styles = sizes.styles;
results.more = sizes.more;
results.places = sizes.places;
results.routes = sizes.routes;

function wasmMap() {
  // A second release build that keeps function names, so the map names things. It uses its own
  // target folder, so the app's build is untouched.
  const env = { ...process.env, CARGO_PROFILE_RELEASE_STRIP: "false" };
  const dir = join("target", "bench-named");
  const run = (cmd, args, extra = {}) => execFileSync(cmd, args, { stdio: ["ignore", "ignore", "inherit"], env, ...extra });
  run("cargo", ["build", "--quiet", "--release", "--target", "wasm32-unknown-unknown", "--target-dir", dir]);
  run("wasm-bindgen", ["--target", "web", "--out-dir", join(dir, "bindgen"), join(dir, "wasm32-unknown-unknown", "release", "in-my-words.wasm")]);
  const named = join(dir, "named.wasm");
  run("wasm-opt", [
    "-Oz", "-g", "--enable-bulk-memory", "--enable-nontrapping-float-to-int", "--enable-sign-ext",
    "--enable-mutable-globals", "--enable-reference-types", "--enable-multivalue",
    join(dir, "bindgen", "in-my-words_bg.wasm"), "-o", named,
  ]);
  const csv = execFileSync("twiggy", ["top", "-n", "100000", "--format", "csv", named], { encoding: "utf8", maxBuffer: 64 << 20 });
  // CSV rows: Name,ShallowSize,...; names with commas or quotes are quoted, quotes doubled.
  const rows = csv
    .trim()
    .split("\n")
    .slice(1)
    .map((line) => {
      const match = line.startsWith('"') ? line.match(/^"((?:[^"]|"")*)",(\d+),/) : line.match(/^([^,]*),(\d+),/);
      return match ? { name: match[1].replace(/""/g, '"'), size: Number(match[2]) } : null;
    })
    .filter((r) => r && !r.name.includes("function names"));
  const groups = {};
  for (const { size, name } of rows) {
    let key = "Rust core and std";
    if (name.startsWith("data segment")) key = "data (text, the directory, tables)";
    else if (name.includes("in_my_words")) key = "this app's own functions";
    else if (name.includes("yew")) key = "Yew (with this app's components inlined)";
    else if (/wasm_bindgen|js_sys|web_sys|^import /.test(name)) key = "wasm-bindgen and browser bindings";
    else if (/serde|postcard/.test(name)) key = "serde and postcard";
    else if (/dlmalloc|hashbrown/.test(name)) key = "allocator and hash maps";
    groups[key] = (groups[key] || 0) + size;
  }
  console.log("\nLargest parts of the WebAssembly (raw bytes, before compression):");
  for (const [key, size] of Object.entries(groups).sort((a, b) => b[1] - a[1])) console.log(`  ${String(size).padStart(8)}  ${key}`);
  console.log("\nLargest single items:");
  for (const { size, name } of rows.sort((a, b) => b.size - a.size).slice(0, 15)) console.log(`  ${String(size).padStart(8)}  ${name.slice(0, 100)}`);
  return groups;
}
try {
  results.wasmParts = wasmMap();
} catch (error) {
  console.log(`(No map of the WebAssembly: ${error.message.split("\n")[0]})`);
}
}

// ---------------------------------------------------------------------------------------------
const server = await serve({ dir: "dist", compress: true });
const origin = server.origin;

if (want("lighthouse")) {
heading("2. Lighthouse (mobile, served with compression)");
  const report = join(OUT, "lighthouse.json");
  // Asynchronous on purpose: the app is served from this same process, so a blocking call
  // would stop the server answering Lighthouse's browser.
  const run = await new Promise((resolve) => {
    const child = spawn(
      "lighthouse",
      [
        `${origin}/`,
        "--quiet",
        "--output=json",
        `--output-path=${report}`,
        "--only-categories=performance,accessibility",
        `--chrome-flags=--headless=new ${FLAGS.join(" ")}`,
      ],
      { env: { ...process.env, CHROME_PATH: CHROMIUM } },
    );
    let stderr = "";
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("close", (status) => resolve({ status, stderr }));
  });
  if (!existsSync(report) || run.status !== 0) {
    console.log(`Lighthouse did not run: ${(run.stderr || "").split("\n").slice(-3).join(" ")}`);
  } else {
    const lh = JSON.parse(readFileSync(report, "utf8"));
    const audit = (id) => lh.audits[id];
    const lighthouse = {
      performance: lh.categories.performance.score,
      accessibility: lh.categories.accessibility.score,
      fcpMs: Math.round(audit("first-contentful-paint").numericValue),
      lcpMs: Math.round(audit("largest-contentful-paint").numericValue),
      tbtMs: Math.round(audit("total-blocking-time").numericValue),
      totalBytes: audit("total-byte-weight").numericValue,
    };
    results.lighthouse = lighthouse;
    console.log(`performance    ${lighthouse.performance}   (budget >= 0.98: ${verdict(lighthouse.performance >= 0.98)})`);
    console.log(`accessibility  ${lighthouse.accessibility}   (budget 1.0: ${verdict(lighthouse.accessibility >= 1)})`);
    console.log(`FCP            ${lighthouse.fcpMs} ms`);
    console.log(`LCP            ${lighthouse.lcpMs} ms   (budget <= 1200 ms: ${verdict(lighthouse.lcpMs <= 1200)})`);
    console.log(`TBT            ${lighthouse.tbtMs} ms`);
    console.log(`total bytes    ${lighthouse.totalBytes}`);
  }
}

const browser = await chromium.launch({ executablePath: CHROMIUM, args: [...FLAGS, "--enable-precise-memory-info"], headless: true });

// ---------------------------------------------------------------------------------------------
if (want("typing")) {
heading("3. Typing latency (CPU slowed 4x): keystroke to updated letter preview");
function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}
/**
 * The same keystrokes in a bare text box holding the same account, on an empty page, to the
 * moment the browser has put the character in: what any text box of that length costs on this
 * machine, before the app does anything.
 */
async function bareTextarea(length, account, keys) {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
  const page = await context.newPage();
  await page.setContent('<textarea id="t" rows="8" style="width: 100%; font: 17px system-ui"></textarea>');
  await page.locator("#t").fill(account);
  const cdp = await context.newCDPSession(page);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
  await page.locator("#t").focus();
  await page.evaluate(() => {
    const box = document.getElementById("t");
    box.selectionStart = box.selectionEnd = box.value.length;
    window.__samples = [];
    let pending = null;
    document.addEventListener("keydown", (e) => { pending = e.timeStamp; }, true);
    box.addEventListener("input", () => queueMicrotask(() => { window.__samples.push(performance.now() - pending); }));
  });
  for (let i = 0; i < keys.length; i++) {
    await page.keyboard.press(keys[i] === " " ? "Space" : keys[i]);
    await page.waitForFunction((n) => window.__samples.length >= n, i + 1, { timeout: 60000 });
  }
  const samples = await page.evaluate(() => window.__samples);
  await context.close();
  return samples;
}

// One long paragraph is the worst case for any text box (the browser lays the whole paragraph out
// again on each keystroke); real accounts come in paragraphs, so 20,000 characters is timed both ways.
const FILLER = "I waited at the surgery for hours and nobody told me anything about why. ";
const onePiece = (length) => FILLER.repeat(Math.ceil(length / FILLER.length)).slice(0, length);
const inParagraphs = (length) => (FILLER.repeat(8) + "\n\n").repeat(Math.ceil(length / 600)).slice(0, length);
const cases = [
  { key: "1000", length: 1_000, label: "  1000 characters", account: onePiece(1_000) },
  { key: "20000", length: 20_000, label: " 20000 characters, one paragraph", account: onePiece(20_000) },
  { key: "20000-paragraphs", length: 20_000, label: " 20000 characters, paragraphs of about 600", account: inParagraphs(20_000) },
  { key: "100000", length: 100_000, label: "100000 characters", account: onePiece(100_000) },
];
const latency = {};
for (const { key, length, label, account } of cases) {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
  const page = await context.newPage();
  await page.goto(`${origin}/#/letter`);
  await page.waitForSelector("#letter-what-happened");
  // Fill the account first (not timed), then slow the CPU and time single keystrokes at the end.
  await page.locator("#letter-what-happened").fill(account);
  await page.waitForFunction((n) => document.getElementById("letter-text")?.textContent.length > n, length);
  const cdp = await context.newCDPSession(page);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
  await page.locator("#letter-what-happened").focus();
  await page.evaluate(() => {
    const box = document.getElementById("letter-what-happened");
    box.selectionStart = box.selectionEnd = box.value.length;
    window.__samples = [];
    window.__appSamples = [];
    window.__pending = null;
    window.__input = null;
    document.addEventListener("keydown", (e) => { window.__pending = e.timeStamp; }, true);
    // The input event is the browser handing the character over: time after it is the app's own.
    document.addEventListener("input", () => { window.__input = performance.now(); }, true);
    new MutationObserver(() => {
      if (window.__pending !== null) {
        const now = performance.now();
        window.__samples.push(now - window.__pending);
        window.__appSamples.push(now - window.__input);
        window.__pending = null;
      }
    }).observe(document.getElementById("letter-text"), { childList: true, characterData: true, subtree: true });
  });
  // 100 keystrokes, so that p95 is the 95th of 100 and not the second-worst of a few dozen.
  const keys = "and then they said come back tomorrow but when I came back the next day they said the very same again";
  for (let i = 0; i < keys.length; i++) {
    await page.keyboard.press(keys[i] === " " ? "Space" : keys[i]);
    await page.waitForFunction((n) => window.__samples.length >= n, i + 1, { timeout: 60000 });
  }
  const samples = await page.evaluate(() => window.__samples);
  const appSamples = await page.evaluate(() => window.__appSamples);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 1 });
  // "No step becomes unusable": how long the summary page takes to show with this account.
  const start = Date.now();
  await page.evaluate(() => { location.hash = "#/check-answers"; });
  await page.waitForSelector(".app-summary");
  const summaryMs = Date.now() - start;
  await context.close();
  const bare = await bareTextarea(length, account, keys);
  latency[key] = {
    label,
    length,
    p50: percentile(samples, 50),
    p95: percentile(samples, 95),
    keystrokes: samples.length,
    appP50: percentile(appSamples, 50),
    appP95: percentile(appSamples, 95),
    summaryMs,
    bareP50: percentile(bare, 50),
    bareP95: percentile(bare, 95),
  };
}
results.latency = latency;
for (const l of cases.map((c) => latency[c.key])) {
  const budget = l.length === 20_000 ? `  (budget p95 <= 16 ms: ${verdict(l.p95 <= 16)})` : "";
  console.log(`${l.label}: p50 ${l.p50.toFixed(1)} ms, p95 ${l.p95.toFixed(1)} ms over ${l.keystrokes} keystrokes${budget}; check-answers page shown in ${l.summaryMs} ms`);
  console.log(`${" ".repeat(7)}  of which the app's own work (input event to preview): p50 ${l.appP50.toFixed(1)} ms, p95 ${l.appP95.toFixed(1)} ms`);
  console.log(`${" ".repeat(7)}  a bare text box with the same text: p50 ${l.bareP50.toFixed(1)} ms, p95 ${l.bareP95.toFixed(1)} ms (the browser's own cost)`);
}

// ---------------------------------------------------------------------------------------------
}

if (want("memory")) {
heading("4. Memory after a whole journey");
  const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
  await context.addInitScript(() => {
    addEventListener("TrunkApplicationStarted", (e) => { window.__wasm = e.detail.wasm; });
  });
  const page = await context.newPage();
  await page.goto(`${origin}/`);
  await page.waitForSelector("html[data-app-started]", { state: "attached" });
  const answer = async (slug, act) => {
    await page.evaluate((s) => { location.hash = `#/${s}`; }, slug);
    await page.waitForFunction((s) => location.hash === `#/${s}`, slug);
    await act();
  };
  const check = (label) => () => page.getByLabel(label, { exact: true }).check();
  await answer("safe", check("Yes, I am safe"));
  await answer("who", check("Me. It is my complaint"));
  await answer("service-type", check("A GP practice (doctor's surgery)"));
  await answer("service", check("I was taken off the list, or put on the Special Allocation Scheme"));
  await answer("nation", check("England"));
  await answer("area", check("East Sussex"));
  await answer("what-happened", () => page.locator("#what-happened").fill("They took me off the list without telling me why. ".repeat(40)));
  await answer("how-it-affected", () => page.locator("#how-it-affected").fill("I have had no GP for months."));
  await answer("name", () => page.locator("#name").fill("Sam Example"));
  await answer("contact", check("By email"));
  await page.locator("#contact-email").fill("sam@example.org");
  await answer("check-answers", async () => page.waitForSelector(".app-summary"));
  await answer("letter", async () => page.waitForSelector("#letter-text"));
  const cdp = await context.newCDPSession(page);
  await cdp.send("HeapProfiler.collectGarbage");
  const { usedSize } = await cdp.send("Runtime.getHeapUsage");
  const wasmBytes = await page.evaluate(() => (window.__wasm && window.__wasm.memory ? window.__wasm.memory.buffer.byteLength : 0));
  const total = usedSize + wasmBytes;
  results.memory = { jsHeapBytes: usedSize, wasmBytes, total };
  const mb = (b) => (b / 1_000_000).toFixed(1);
  console.log(`JavaScript heap ${mb(usedSize)} MB + WebAssembly memory ${mb(wasmBytes)} MB = ${mb(total)} MB  (budget <= 30 MB: ${verdict(total <= 30_000_000)})`);
  await context.close();
}

await browser.close();
server.close();
writeFileSync(join(OUT, "bench.json"), JSON.stringify(results, null, 2));
console.log(`\nFigures written to ${OUT}/bench.json`);
