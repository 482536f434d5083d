// A small static server for dist/, on loopback only. Used by `make run`, the end-to-end tests and
// the benchmark. It compresses with brotli or gzip when the browser asks (as a real host would),
// sets the right type for .wasm, and caches only files whose names carry a content hash.
//
// It also sends the headers a host of the app should send (see the README): each page's own
// Content-Security-Policy as a header too, with `frame-ancestors 'none'` (which only a header can
// carry: no other site may frame the app). `--bare` sends none of them, like a plain static host
// or a USB stick; the app must keep its promises there too, and the tests check that it does.
//
//   node scripts/serve.mjs [--dir dist] [--port 8080] [--no-compress] [--bare]
//
// Tests import `serve()` and run it in-process on a free port.
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { brotliCompressSync, gzipSync, constants } from "node:zlib";

const types = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm",
  ".json": "application/json",
  ".webmanifest": "application/manifest+json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".txt": "text/plain; charset=utf-8",
  ".bin": "application/octet-stream",
};
// routes.bin (the routing data) is compressed too: about 139 KB as it is, 28 KB in brotli.
const compressible = new Set([".html", ".js", ".mjs", ".css", ".wasm", ".json", ".webmanifest", ".svg", ".txt", ".bin"]);
const hashed = /-[0-9a-f]{16}(_bg)?\.(js|wasm|css)$/;
const cache = new Map();

/** The policy a page carries in its <meta> tag, read from the page itself. */
function pagePolicy(html) {
  const match = String(html).match(/<meta http-equiv="Content-Security-Policy" content="([^"]*)"/);
  return match ? match[1] : null;
}

async function body(file, encoding) {
  const key = `${file}|${encoding}`;
  const info = await stat(file);
  const hit = cache.get(key);
  if (hit && hit.mtime === info.mtimeMs) return hit.data;
  const raw = await readFile(file);
  let data = raw;
  if (encoding === "br") {
    data = brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } });
  } else if (encoding === "gzip") {
    data = gzipSync(raw, { level: 9 });
  }
  cache.set(key, { mtime: info.mtimeMs, data });
  return data;
}

/**
 * Serves `dir` on 127.0.0.1. Resolves to the running server; `server.origin` is its address.
 * With `record`, every requested path is pushed onto that array.
 */
export function serve({ dir = "dist", port = 0, compress = true, record = null, bare = false } = {}) {
  const root = resolve(dir);
  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url, "http://localhost");
      if (record) record.push(url.pathname);
      let path = decodeURIComponent(url.pathname);
      if (path.endsWith("/")) path += "index.html";
      const file = normalize(join(root, path));
      if (!file.startsWith(root + sep)) {
        res.writeHead(403).end();
        return;
      }
      const ext = extname(file);
      const accepts = String(req.headers["accept-encoding"] || "");
      let encoding = null;
      if (compress && compressible.has(ext)) {
        encoding = /\bbr\b/.test(accepts) ? "br" : /\bgzip\b/.test(accepts) ? "gzip" : null;
      }
      const data = await body(file, encoding);
      const headers = {
        "Content-Type": types[ext] || "application/octet-stream",
        "Content-Length": data.length,
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "no-referrer",
        "Cache-Control": hashed.test(path) ? "public, max-age=31536000, immutable" : "no-cache",
        Vary: "Accept-Encoding",
      };
      if (encoding) headers["Content-Encoding"] = encoding;
      if (!bare && ext === ".html") {
        const policy = pagePolicy(await readFile(file));
        if (policy) headers["Content-Security-Policy"] = `${policy}; frame-ancestors 'none'`;
        headers["X-Frame-Options"] = "DENY";
      }
      if (bare) {
        for (const name of ["X-Content-Type-Options", "Referrer-Policy"]) delete headers[name];
      }
      res.writeHead(200, headers);
      res.end(req.method === "HEAD" ? undefined : data);
    } catch {
      res.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" }).end("Not found\n");
    }
  });
  return new Promise((done) => {
    server.listen(port, "127.0.0.1", () => {
      server.origin = `http://127.0.0.1:${server.address().port}`;
      done(server);
    });
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const option = (name, fallback) => {
    const i = args.indexOf(name);
    return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
  };
  const server = await serve({
    dir: option("--dir", "dist"),
    port: Number(option("--port", process.env.PORT || "8080")),
    compress: !args.includes("--no-compress"),
    bare: args.includes("--bare"),
  });
  console.log(`In My Words is running at ${server.origin}/`);
  console.log("Press Ctrl+C to stop.");
}
