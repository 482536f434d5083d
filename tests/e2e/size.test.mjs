// The first-load size budget. Sizes are deterministic for a given build, so this is a fair test:
// it fails when what a first visit downloads grows past the budget (brotli, as served).
import { test } from "node:test";
import assert from "node:assert/strict";
import { BUDGET_BYTES, LETTER_STYLES_BUDGET_BYTES, MORE_BUDGET_BYTES, PLACES_BUDGET_BYTES, ROUTES_BUDGET_BYTES, TOOLS_BUDGET_BYTES, measure, table } from "../../scripts/sizes.mjs";

test(`a first visit downloads at most ${BUDGET_BYTES} bytes (brotli)`, () => {
  const result = measure("dist");
  console.log(table(result));
  const names = result.files.filter((f) => f.firstLoad).map((f) => f.name);
  assert.ok(names.includes("index.html") && names.some((n) => n.endsWith(".wasm")), "the page and the app are counted");
  assert.ok(
    result.firstLoad.brotli <= BUDGET_BYTES,
    `first visit is ${result.firstLoad.brotli} bytes (brotli), over the ${BUDGET_BYTES}-byte budget. The table above shows what is spending it.`,
  );
});

test(`the letter tools stay within ${TOOLS_BUDGET_BYTES} bytes (brotli)`, () => {
  const result = measure("dist");
  const names = result.files.filter((f) => f.tools).map((f) => f.name);
  assert.ok(names.some((n) => n.endsWith(".wasm")), "the letter tools are built and kept for offline use");
  assert.ok(
    result.tools.brotli <= TOOLS_BUDGET_BYTES,
    `the letter tools are ${result.tools.brotli} bytes (brotli), over their ${TOOLS_BUDGET_BYTES}-byte budget`,
  );
});

test(`the second program (finish steps, concerns) stays within ${MORE_BUDGET_BYTES} bytes (brotli), is kept for offline use, and is not part of the first visit`, () => {
  const result = measure("dist");
  const kept = result.files.filter((f) => f.more).map((f) => f.name).sort();
  assert.deepEqual(kept, ["more-pages.js", "more-pages_bg.wasm"], "its program and glue are kept for offline use");
  assert.ok(!result.files.some((f) => f.firstLoad && f.name.startsWith("more-pages")), "and not counted in the first visit");
  assert.ok(result.more.brotli <= MORE_BUDGET_BYTES, `the second program is ${result.more.brotli} bytes (brotli), over its ${MORE_BUDGET_BYTES}-byte budget`);
});

test(`the finish steps' stylesheet stays within ${LETTER_STYLES_BUDGET_BYTES} bytes (brotli) and is kept for offline use`, () => {
  const result = measure("dist");
  const names = result.files.filter((f) => f.styles).map((f) => f.name);
  assert.deepEqual(names, ["letter-page.css"], "the letter page's styles are kept for offline use, not counted in the first visit");
  assert.ok(
    result.styles.brotli <= LETTER_STYLES_BUDGET_BYTES,
    `the letter page's styles are ${result.styles.brotli} bytes (brotli), over their ${LETTER_STYLES_BUDGET_BYTES}-byte budget`,
  );
});

test(`the place table stays within ${PLACES_BUDGET_BYTES} bytes (brotli), is kept for offline use, and is not part of the first visit`, () => {
  const result = measure("dist");
  const kept = result.files.filter((f) => f.places).map((f) => f.name);
  assert.deepEqual(kept, ["places.txt"], "the place table is kept for offline use");
  assert.ok(!result.files.some((f) => f.firstLoad && f.name === "places.txt"), "and not counted in the first visit");
  assert.ok(result.places.brotli <= PLACES_BUDGET_BYTES, `the place table is ${result.places.brotli} bytes (brotli), over its ${PLACES_BUDGET_BYTES}-byte budget`);
});

test(`the routing file stays within ${ROUTES_BUDGET_BYTES} bytes (brotli), and is kept for offline use`, () => {
  const result = measure("dist");
  const kept = result.files.filter((f) => f.routes).map((f) => f.name);
  assert.deepEqual(kept, ["routes.bin"], "the routing file is kept for offline use");
  assert.ok(result.routes.brotli <= ROUTES_BUDGET_BYTES, `the routing file is ${result.routes.brotli} bytes (brotli), over its ${ROUTES_BUDGET_BYTES}-byte budget`);
});
