// What a first visit downloads, and how big it is: raw, gzip -9 and brotli (quality 11).
//
// "First load" is what opening the app costs: every file in the service worker's offline list
// (the page, its styles, JavaScript, WebAssembly, the exit page and the tab's SVG icon) plus the
// service worker itself, except the letter tools and the second program. The second program
// (more-pages*: the finish steps and the concern log) has its own line and budget, like the
// place table (places.txt) and the routing file (routes.bin: rules, directory, areas, fetched
// by the letter tools as they start). The letter tools (letter-tools*: routing, the
// letter, the check and the downloads, in a web worker) are counted on their own line: the
// letter page starts them, and the service worker also keeps a copy in the background once the
// app is ready, so the letter works offline. The finish steps' stylesheet (letter-page.css) is
// the same kind of file and has its own line and budget. All are printed, and so is the total.
// The large home-screen icons are not included: a phone fetches them only when the person adds
// the app to the home screen.
//
// Used by the size budget test and by `make bench`. Run alone: node scripts/sizes.mjs [dist]
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { brotliCompressSync, gzipSync, constants } from "node:zlib";

/** The first-load budget, in bytes of brotli as served (150 KB; 1 KB = 1,000 bytes). */
export const BUDGET_BYTES = 150_000;

/**
 * The letter tools' own budget (brotli), so the code that moved out of the first load cannot
 * grow unnoticed either. They are fetched when the letter page opens and kept for offline use.
 * Their routing data is not in them: it is the routing file's, below.
 */
export const TOOLS_BUDGET_BYTES = 120_000;

/**
 * The routing file's own budget (brotli): the rules, the directory of every body a route can
 * name across the UK, and the areas (routes.bin). The letter tools fetch it as they start, and
 * it is kept for offline use. About 28 KB when it became a file of its own.
 */
export const ROUTES_BUDGET_BYTES = 32_000;

/** The finish steps' stylesheet's own budget (brotli): linked by the letter page when it opens. */
export const LETTER_STYLES_BUDGET_BYTES = 2_000;

/**
 * The place table's own budget (brotli): every UK postcode district and council, fetched by the
 * letter tools when "Where did this happen?" opens, and kept for offline use. It was 15,000
 * until the table took in the post towns (about 9.4 KB: 1,481 town names), so a person who does
 * not know a postcode, or has none, can type the name of their town.
 */
export const PLACES_BUDGET_BYTES = 25_000;

/**
 * The second program's own budget (brotli): the four finish steps and the concern log, loaded
 * when one of their pages first opens, and kept for offline use. Taking the finish steps out of
 * the first visit made room there (about 14.6 KB); here they weigh about 105 KB, because this
 * program carries its own copy of the interface library and of the answers' reader. The
 * concern log's three pages added about 27 KB.
 */
export const MORE_BUDGET_BYTES = 140_000;

/** True for the second program's files. */
export const isMorePages = (name) => name.startsWith("more-pages");

/** True for the routing file. */
export const isRoutes = (name) => name === "routes.bin";

/** True for the place table. */
export const isPlaces = (name) => name === "places.txt";

/** True for the finish steps' stylesheet. */
export const isLetterStyles = (name) => name === "letter-page.css";

function walk(folder) {
  return readdirSync(folder).flatMap((entry) => {
    const full = join(folder, entry);
    return statSync(full).isDirectory() ? walk(full) : [full];
  });
}

/** True for the letter tools' files (the web worker the letter page starts). */
export const isLetterTools = (name) => name.startsWith("letter-tools");

/** The files the service worker keeps for offline use, read from dist/sw.js, plus sw.js. */
export function offlineFiles(dist = "dist") {
  const sw = readFileSync(join(dist, "sw.js"), "utf8");
  // The list is the one array of "./..." names in the (minified) service worker.
  const match = sw.match(/(\["\.\/"[^\]]*\])/);
  if (!match) throw new Error("dist/sw.js has no file list: was scripts/postbuild.mjs run?");
  const listed = JSON.parse(match[1]).filter((f) => f !== "./").map((f) => f.replace(/^\.\//, ""));
  return [...new Set([...listed, "sw.js"])].sort();
}

/** Sizes of every file in dist/, with `firstLoad` marking those a first visit downloads. */
export function measure(dist = "dist") {
  const offline = new Set(offlineFiles(dist));
  const files = walk(dist)
    .map((full) => {
      const name = relative(dist, full).split("\\").join("/");
      const bytes = readFileSync(full);
      return {
        name,
        raw: bytes.length,
        gzip: gzipSync(bytes, { level: 9 }).length,
        brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
        firstLoad: offline.has(name) && !isLetterTools(name) && !isLetterStyles(name) && !isPlaces(name) && !isMorePages(name) && !isRoutes(name),
        more: offline.has(name) && isMorePages(name),
        places: offline.has(name) && isPlaces(name),
        routes: offline.has(name) && isRoutes(name),
        tools: offline.has(name) && isLetterTools(name),
        styles: offline.has(name) && isLetterStyles(name),
      };
    })
    .sort((a, b) => b.brotli - a.brotli);
  const sum = (list, key) => list.reduce((total, f) => total + f[key], 0);
  const total = (list) => ({ raw: sum(list, "raw"), gzip: sum(list, "gzip"), brotli: sum(list, "brotli") });
  return {
    files,
    firstLoad: total(files.filter((f) => f.firstLoad)),
    tools: total(files.filter((f) => f.tools)),
    styles: total(files.filter((f) => f.styles)),
    places: total(files.filter((f) => f.places)),
    routes: total(files.filter((f) => f.routes)),
    more: total(files.filter((f) => f.more)),
    offline: total(files.filter((f) => f.firstLoad || f.tools || f.styles || f.places || f.routes || f.more)),
    all: total(files),
  };
}

/** A printable table of `measure()`. */
export function table(result) {
  const row = (name, raw, gzip, brotli) =>
    `${name.padEnd(44)}${String(raw).padStart(10)}${String(gzip).padStart(10)}${String(brotli).padStart(10)}`;
  const lines = [row("file (* first load, + tools, # more pages, ~ styles, @ places, % routes)", "raw", "gzip -9", "brotli")];
  const mark = (f) => (f.firstLoad ? "* " : f.tools ? "+ " : f.more ? "# " : f.styles ? "~ " : f.places ? "@ " : f.routes ? "% " : "  ");
  for (const f of result.files) lines.push(row(`${mark(f)}${f.name}`, f.raw, f.gzip, f.brotli));
  lines.push(row("first load (opening the app), total", result.firstLoad.raw, result.firstLoad.gzip, result.firstLoad.brotli));
  lines.push(row("letter tools, total", result.tools.raw, result.tools.gzip, result.tools.brotli));
  lines.push(row("more pages (finish steps, concerns), total", result.more.raw, result.more.gzip, result.more.brotli));
  lines.push(row("letter page styles, total", result.styles.raw, result.styles.gzip, result.styles.brotli));
  lines.push(row("place table, total", result.places.raw, result.places.gzip, result.places.brotli));
  lines.push(row("routing file, total", result.routes.raw, result.routes.gzip, result.routes.brotli));
  lines.push(row("kept for offline use, total", result.offline.raw, result.offline.gzip, result.offline.brotli));
  lines.push(row("every file, total", result.all.raw, result.all.gzip, result.all.brotli));
  return lines.join("\n");
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const result = measure(process.argv[2] || "dist");
  console.log(table(result));
  const { brotli } = result.firstLoad;
  console.log(`\nfirst-load budget: ${brotli} of ${BUDGET_BYTES} bytes (brotli) ${brotli <= BUDGET_BYTES ? "met" : "NOT met"}`);
  const tools = result.tools.brotli;
  console.log(`letter tools budget: ${tools} of ${TOOLS_BUDGET_BYTES} bytes (brotli) ${tools <= TOOLS_BUDGET_BYTES ? "met" : "NOT met"}`);
  const more = result.more.brotli;
  console.log(`more pages budget: ${more} of ${MORE_BUDGET_BYTES} bytes (brotli) ${more <= MORE_BUDGET_BYTES ? "met" : "NOT met"}`);
  const styles = result.styles.brotli;
  console.log(`letter page styles budget: ${styles} of ${LETTER_STYLES_BUDGET_BYTES} bytes (brotli) ${styles <= LETTER_STYLES_BUDGET_BYTES ? "met" : "NOT met"}`);
  const places = result.places.brotli;
  console.log(`place table budget: ${places} of ${PLACES_BUDGET_BYTES} bytes (brotli) ${places <= PLACES_BUDGET_BYTES ? "met" : "NOT met"}`);
  const routes = result.routes.brotli;
  console.log(`routing file budget: ${routes} of ${ROUTES_BUDGET_BYTES} bytes (brotli) ${routes <= ROUTES_BUDGET_BYTES ? "met" : "NOT met"}`);
}
