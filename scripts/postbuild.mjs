// Trunk post-build hook: makes the built app satisfy its own Content-Security-Policy and work
// offline. Runs on Trunk's staging folder (TRUNK_STAGING_DIR) before it becomes dist/.
//
// 1. Trunk writes an inline <script type="module"> loader into index.html. The policy allows
//    no inline script, so the loader moves into its own file, named by a hash of its content.
// 2. The service worker (assets/static/sw.js) gets the list of files to cache and a version
//    derived from their contents, so a new build replaces the old cache on a later visit.
// 3-6. The stylesheet goes inside the page, and the page, the stylesheet and the plain scripts
//    lose their comments and spare spaces.
// 7. The routing data is written as routes.bin (before the list of files, so it is kept too).
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync, readdirSync, statSync, unlinkSync } from "node:fs";
import { join, relative } from "node:path";
import { minifyCss } from "./css.mjs";
import { minify } from "terser";

const dir = process.env.TRUNK_STAGING_DIR || process.argv[2] || "dist";
/** The finish steps' stylesheet, loaded by the letter page rather than inlined. */
const LETTER_STYLES = "letter-page.css";
const indexPath = join(dir, "index.html");
let html = readFileSync(indexPath, "utf8");

const inline = /<script type="module"[^>]*>([\s\S]*?)<\/script>/g;
const loaders = [...html.matchAll(inline)].filter((m) => m[1].trim() !== "");
if (loaders.length !== 1) {
  console.error(`postbuild: expected one inline loader script in ${indexPath}, found ${loaders.length}`);
  process.exit(1);
}
const code = loaders[0][1].trim() + "\n";
const name = `boot-${createHash("sha256").update(code).digest("hex").slice(0, 16)}.js`;
writeFileSync(join(dir, name), code);
html = html.replace(loaders[0][0], `<script type="module" src="./${name}"></script>`);
// Trunk adds a static nonce to tags; a nonce that never changes protects nothing, so drop it.
html = html.replace(/ nonce="[^"]*"/g, "");
if (/<script(?![^>]*\bsrc=)[^>]*>/.test(html)) {
  console.error("postbuild: an inline script is still in index.html");
  process.exit(1);
}

// 3. Smaller on the wire: the stylesheet loses its comments and spare spaces, and the page its
//    comments (they document index.html for people; browsers do not need them).
html = html.replace(/<!--[\s\S]*?-->\s*/g, "");
// The line breaks and indents between tags are for people too. Only white space that contains a
// line break goes, so words on one line (and spaces between inline tags on it) are untouched.
html = html.replace(/>\n\s*</g, "><");
//
// 4. The stylesheet goes inside the page, so the first paint waits for one download, not two
//    (on a slow phone connection that is a whole round trip sooner). The policy allows exactly
//    this stylesheet by its SHA-256 hash, and still no inline style attribute or other sheet.
for (const css of readdirSync(dir).filter((f) => f.endsWith(".css") && f !== LETTER_STYLES)) {
  const path = join(dir, css);
  const small = minifyCss(readFileSync(path, "utf8"));
  const link = new RegExp(`<link rel="stylesheet" href="\\./${css.replace(".", "\\.")}"[^>]*>`);
  if (!link.test(html)) {
    console.error(`postbuild: index.html does not link ${css}`);
    process.exit(1);
  }
  html = html.replace(link, () => `<style>${small}</style>`);
  const hash = `'sha256-${createHash("sha256").update(small).digest("base64")}'`;
  html = html.replace(/(style-src 'self')/, `$1 ${hash}`);
  if (!html.includes(hash)) {
    console.error("postbuild: the Content-Security-Policy has no style-src 'self' to extend");
    process.exit(1);
  }
  unlinkSync(path);
}

// The finish steps' own stylesheet stays a file of its own (the letter page links it when it
// opens, and the policy's style-src 'self' allows it); it loses its comments and spaces too.
writeFileSync(join(dir, LETTER_STYLES), minifyCss(readFileSync(join(dir, LETTER_STYLES), "utf8")));

// 5. The JavaScript that wasm-bindgen writes (the app's, the letter tools' and the second
//    program's) is made small too.
//    The page loads the app's with a Subresource Integrity hash, so that hash is written anew.
const plainGlue = new Set(["letter-tools.js", "more-pages.js"]);
for (const name of readdirSync(dir).filter((f) => /^in-my-words-[0-9a-f]+\.js$/.test(f) || plainGlue.has(f))) {
  const path = join(dir, name);
  const module = !plainGlue.has(name);
  const result = await minify(readFileSync(path, "utf8"), { module, compress: { passes: 2 }, mangle: true, ecma: 2020 });
  if (!result.code) {
    console.error(`postbuild: could not minify ${name}`);
    process.exit(1);
  }
  writeFileSync(path, result.code + "\n");
  const integrity = `sha384-${createHash("sha384").update(result.code + "\n").digest("base64")}`;
  const tag = new RegExp(`(href="\\./${name.replace(/[.]/g, "\\.")}"[^>]*integrity=")[^"]*(")`);
  if (module && !tag.test(html)) {
    console.error(`postbuild: index.html does not preload ${name} with an integrity hash`);
    process.exit(1);
  }
  html = html.replace(tag, (_, before, after) => before + integrity + after);
}
writeFileSync(indexPath, html);

// 6. The plain scripts (the safety net, the exit page's clean-up) lose their comments and
//    spare spaces too: they are written to be read by people, and every first visit pays for
//    them. Only whitespace, comments and local names change; what they do stays the same.
async function minifyScript(path) {
  const result = await minify(readFileSync(path, "utf8"), { compress: { passes: 2 }, mangle: true, ecma: 2017 });
  if (!result.code) {
    console.error(`postbuild: could not minify ${path}`);
    process.exit(1);
  }
  writeFileSync(path, result.code + "\n");
}
await minifyScript(join(dir, "safety-net.js"));

// 7. The routing data (rules, directory, areas) as a file of its own, fetched by the letter
//    tools when they start: written by the native example from the same checked sources and the
//    same build number as the tools (see src/domain/tools.rs, `routes_file`).
try {
  execFileSync(process.env.CARGO || "cargo", ["run", "--quiet", "--example", "routes-file", "--", join(dir, "routes.bin")], {
    stdio: ["ignore", "inherit", "inherit"],
  });
} catch {
  console.error("postbuild: could not write routes.bin (cargo run --example routes-file)");
  process.exit(1);
}

// Every file the app needs offline, relative to the app's folder.
function walk(folder) {
  return readdirSync(folder).flatMap((entry) => {
    const full = join(folder, entry);
    return statSync(full).isDirectory() ? walk(full) : [full];
  });
}
// The home-screen icons (PNG) are fetched by a phone only when the person adds the app to the
// home screen, so a first visit does not download them just to keep an offline copy. The tab's
// own icon is a small SVG drawing of the same picture.
const notPrecached = new Set(["sw.js", "icons/icon-192.png", "icons/icon-512.png", "icons/icon-maskable-512.png"]);
const files = walk(dir)
  .map((f) => relative(dir, f).split("\\").join("/"))
  .filter((f) => !notPrecached.has(f))
  .sort();
const version = createHash("sha256");
for (const f of files) version.update(f).update(readFileSync(join(dir, f)));
const swPath = join(dir, "sw.js");
let sw;
try {
  sw = readFileSync(swPath, "utf8");
} catch {
  sw = null; // no service worker in this build
}
if (sw !== null) {
  const list = ["./", ...files.map((f) => `./${f}`)];
  sw = sw
    .replace("__APP_VERSION__", version.digest("hex").slice(0, 16))
    .replace("__APP_FILES__", JSON.stringify(list));
  writeFileSync(swPath, sw);
  await minifyScript(swPath);
}
console.log(`postbuild: loader -> ${name}; ${files.length} files listed for offline use`);
