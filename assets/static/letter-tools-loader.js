// Starts the letter tools (src/bin/letter-tools.rs) inside a web worker.
// The page may ask before the WebAssembly is ready; those first messages wait here and are
// handed to the tools, in order, as soon as they are listening.
importScripts("./letter-tools.js");
const early = [];
self.onmessage = (event) => early.push(event);
wasm_bindgen({ module_or_path: "./letter-tools_bg.wasm" }).then(() => {
  for (const event of early) self.onmessage(event);
});
