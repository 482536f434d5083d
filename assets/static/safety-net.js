// In My Words: the safety net. A small plain script that the page runs before the app's
// WebAssembly starts, so that nothing the app does (still loading, busy, or stopped by an error)
// can switch these off:
//
// - the quick exit: the "Exit this page" button and the Shift key pressed three times on its own.
//   It clears both storages and IndexedDB, ends the letter tools, tells the app's other tabs to
//   leave too, empties the page and replaces it with a neutral page. Back cannot return: the
//   app's own history entries are stepped over first.
// - "Something went wrong": if the app stops, a calm panel says so, keeps Exit working and
//   shows the person's words so they can copy them.
// - the letter tools' worker, started from a blob: address so it runs under this page's
//   Content-Security-Policy even when the host sends no headers at all.
// - a tab reopened after closing, or duplicated, starts empty; a quiet shared computer is
//   warned, then cleared.
// - the page's plain helpers, which need no app at all: the display settings (text size, high
//   contrast, spell check), Listen (on-device voices only) and the offline copy.
//
// The app may call it (window.imwSafety) but never needs to for the exit to work. It sends
// nothing anywhere and stores nothing but the one-word notice described at `leave`.
(function () {
  "use strict";
  var EXIT_PAGE = "exit.html";
  // Shift presses that fall within this many milliseconds count as "three times".
  var SHIFT_WINDOW_MS = 5000;
  // The key for the one-word notice the fresh start page shows after "Finish and clear" or a
  // quiet shared computer was cleared (read and removed by the app at once).
  var NOTICE_KEY = "in-my-words-notice";
  var leaving = false;
  // The letter tools' workers, one for each program that asks: the app, and the pages it loads
  // when they open (each numbers its own requests, so they must not share a worker).
  var tools = {};
  var channel = null;

  function quietly(fn) {
    try {
      return fn();
    } catch (e) {
      return undefined;
    }
  }

  // The neutral page the exit opens runs this script too, only to clear everything again: the
  // exit is also a plain link, which works even before this script has run on the app's page.
  if (document.documentElement.hasAttribute("data-exit-page")) {
    clearStores();
    return;
  }

  // How many history entries the app has added in this tab, kept on each entry itself so it
  // survives a reload. Links and Back/Forward bring their own count; a new entry with none is
  // one more than the entry it came from, unless the app replaced the entry (see `go`).
  var depth = quietly(function () {
    return history.state && history.state.imwDepth;
  }) || 0;
  var replacing = false;
  window.addEventListener("hashchange", function () {
    var state = quietly(function () { return history.state; });
    if (state && typeof state.imwDepth === "number") {
      depth = state.imwDepth;
    } else {
      if (!replacing) depth += 1;
      quietly(function () { history.replaceState({ imwDepth: depth }, ""); });
    }
    replacing = false;
  });

  /** Moves the app to `hash`; with `replace`, no new history entry (shared computers). */
  function go(hash, replace) {
    if (replace) {
      replacing = true;
      location.replace("#" + hash);
    } else {
      location.hash = hash;
    }
  }

  function clearStores() {
    quietly(function () { sessionStorage.clear(); });
    quietly(function () { localStorage.clear(); });
    quietly(function () {
      indexedDB.databases().then(function (list) {
        list.forEach(function (db) { if (db.name) indexedDB.deleteDatabase(db.name); });
      }, function () {});
    });
  }

  /** Ends the letter tools of program `owner`, or of every program when none is named. */
  function stopTools(owner) {
    for (var key in tools) {
      if (owner === undefined || key === owner) quietly(function () { tools[key].terminate(); });
    }
    if (owner === undefined) tools = {};
    else delete tools[owner];
  }

  /**
   * Leaves the app, whatever state it is in. `why` is "exit" (the quick exit: a neutral page),
   * "finished" or "idle" (a fresh start page that says the answers were cleared), or
   * "elsewhere" (another tab of the app exited; leave the same way, without telling back).
   */
  function leave(why) {
    if (leaving) return;
    leaving = true;
    // The app, if it is still running, forgets what it holds in memory.
    quietly(function () { window.dispatchEvent(new Event("imw-leave")); });
    stopTools();
    quietly(function () { speechSynthesis.cancel(); });
    clearStores();
    if (why !== "elsewhere") quietly(function () { (channel || new BroadcastChannel("in-my-words")).postMessage("leave"); });
    var fresh = why === "finished" || why === "idle";
    if (fresh) quietly(function () { sessionStorage.setItem(NOTICE_KEY, why); });
    // Nothing may be written after this point: a save the app had waiting would bring words back.
    quietly(function () { Storage.prototype.setItem = function () {}; });
    quietly(function () {
      document.title = "";
      document.body.innerHTML = "";
    });
    var target = fresh ? location.pathname + location.search : EXIT_PAGE;
    var steps = Math.min(depth, quietly(function () { return history.length - 1; }) || 0);
    var done = false;
    var finish = function () {
      if (done) return;
      done = true;
      location.replace(target);
    };
    if (steps > 0) {
      // Step back over the app's own entries first, so Back from the page that replaces this
      // one goes to where the person was before the app, never to one of its steps.
      window.addEventListener("popstate", finish);
      setTimeout(finish, 300);
      history.go(-steps);
    } else {
      finish();
    }
  }

  // Another tab of the app was exited: this one leaves too.
  quietly(function () {
    channel = new BroadcastChannel("in-my-words");
    channel.onmessage = function (event) {
      if (event.data === "leave") leave("elsewhere");
    };
  });

  // The button. Listening on the document, in the capture phase, works before the button
  // exists and whatever the app does with the click.
  document.addEventListener("click", function (event) {
    var target = event.target;
    if (target && target.closest && target.closest("#exit-this-page")) {
      event.preventDefault();
      event.stopPropagation();
      leave("exit");
    }
  }, true);

  // The button stays on screen: once the header has scrolled away, it sits in the top corner
  // (as the header's own button, so the click above still leaves). The header keeps the height
  // it had with the button in it: otherwise everything below would move up the moment the
  // button left, under the person's finger (and under a test's click).
  addEventListener("scroll", function () {
    var button = document.getElementById("exit-this-page");
    var header = button && button.closest("header");
    if (!header) return;
    var kept = header.getBoundingClientRect().bottom < 0;
    if (kept === button.classList.contains("app-exit--kept")) return;
    header.style.minHeight = kept ? header.getBoundingClientRect().height + "px" : "";
    button.classList.toggle("app-exit--kept", kept);
  }, { passive: true });

  // Shift three times. Only Shift pressed on its own counts: any other key starts the count
  // again, so Shift+Tab and typing capital letters never leave.
  var presses = [];
  window.addEventListener("keydown", function (event) {
    if (event.key !== "Shift") {
      presses = [];
      return;
    }
    if (event.repeat) return;
    var now = Date.now();
    presses.push(now);
    if (presses.length > 3) presses.shift();
    if (presses.length === 3 && now - presses[0] <= SHIFT_WINDOW_MS) {
      presses = [];
      leave("exit");
    }
  }, true);

  // A page brought back from the browser's back-forward cache after leaving holds nothing.
  window.addEventListener("pageshow", function (event) {
    if (event.persisted && leaving) location.replace(EXIT_PAGE);
  });

  // ---- A new tab starts empty ----------------------------------------------------------------

  // Answers come back only when this tab was reloaded (or the phone put it to sleep to save
  // memory). Chromium copies a tab's session storage into a tab reopened after closing
  // (Ctrl+Shift+T, session restore) and into a duplicated tab: on a library computer that could be
  // the last person's complaint. Any other start clears it, before the app can read it. The
  // one-word notice left by "Finish and clear" survives, so the fresh page can say so.
  var tabChecked = new Promise(function (done) {
    var decided = false;
    var decide = function (type) {
      if (decided) return;
      decided = true;
      if (type !== "reload" && !document.wasDiscarded) {
        quietly(function () {
          var notice = sessionStorage.getItem(NOTICE_KEY);
          sessionStorage.clear();
          if (notice) sessionStorage.setItem(NOTICE_KEY, notice);
        });
      }
      done();
    };
    var entry = quietly(function () { return performance.getEntriesByType("navigation")[0]; });
    if (entry) return decide(entry.type);
    // Where `performance` does not list it (a test clock replaces that object), the observer
    // still reports it, a moment later; the app waits for `ready()`. Unknown counts as new.
    quietly(function () {
      new PerformanceObserver(function (list) {
        var first = list.getEntries()[0];
        decide(first && first.type);
      }).observe({ type: "navigation", buffered: true });
    });
    setTimeout(decide, 1000);
  });

  // ---- A quiet shared computer ---------------------------------------------------------------

  // On a shared computer (or when the person was not sure) the app asks for this: after 14 quiet
  // minutes, "Are you still there?"; at 15, leave as the quick exit does, to a fresh start page.
  // Any key, click, tap, scroll or typing counts as activity; nothing is sent anywhere.
  var WARN_MS = 14 * 60 * 1000;
  var CLEAR_MS = 15 * 60 * 1000;
  var idleTimer = null;
  var lastActive = Date.now();
  var warning = null;

  function stillHere() {
    lastActive = Date.now();
    if (warning) {
      warning.parentNode && warning.parentNode.removeChild(warning);
      warning = null;
    }
  }
  ["keydown", "pointerdown", "input", "scroll", "touchstart"].forEach(function (name) {
    window.addEventListener(name, function () { if (idleTimer) stillHere(); }, true);
  });

  function warn() {
    if (warning) return;
    warning = element("div", { "class": "app-crisis", role: "alertdialog", "aria-labelledby": "idle-title", "aria-describedby": "idle-text" });
    warning.appendChild(element("h2", { id: "idle-title" }, "Are you still there?"));
    warning.appendChild(element("p", { id: "idle-text" }, "This page has been left alone. To keep your answers safe on a shared computer, we will clear them in 1 minute."));
    var here = element("button", { type: "button", "class": "app-button" }, "I am still here");
    here.addEventListener("click", stillHere);
    warning.appendChild(here);
    var top = document.getElementById("app-top") || document.body;
    top.insertBefore(warning, top.firstChild);
    here.focus();
  }

  /** Starts (`on`) or stops watching for a quiet page. */
  function watchIdle(on) {
    if (!on) {
      clearInterval(idleTimer);
      idleTimer = null;
      stillHere();
      return;
    }
    if (idleTimer) return;
    lastActive = Date.now();
    idleTimer = setInterval(function () {
      var quiet = Date.now() - lastActive;
      if (quiet >= CLEAR_MS) leave("idle");
      else if (quiet >= WARN_MS) warn();
    }, 1000);
  }

  // ---- Text size, colours and spelling -------------------------------------------------------

  // The buttons in index.html: text size and high contrast are classes on <html>, spell check is
  // its (inherited) attribute. They are kept in this page only. The panel closes when the page
  // changes, so with large text the next question is not pushed below the fold.
  window.addEventListener("hashchange", function () {
    var settings = document.getElementById("app-settings");
    if (settings) settings.open = false;
  });
  document.addEventListener("click", function (event) {
    var button = event.target && event.target.closest && event.target.closest("#app-settings button");
    if (!button) return;
    var root = document.documentElement;
    var size = button.getAttribute("data-size");
    var toggle = button.getAttribute("data-toggle");
    if (size !== null) {
      root.classList.remove("app-text-large", "app-text-larger");
      if (size) root.classList.add(size);
      var sizes = document.querySelectorAll("#app-settings [data-size]");
      for (var i = 0; i < sizes.length; i++) sizes[i].setAttribute("aria-pressed", String(sizes[i] === button));
    } else if (toggle === "spellcheck") {
      var on = root.getAttribute("spellcheck") !== "true";
      root.setAttribute("spellcheck", String(on));
      button.setAttribute("aria-pressed", String(on));
    } else if (toggle) {
      button.setAttribute("aria-pressed", String(root.classList.toggle(toggle)));
    }
  });

  // ---- Listen --------------------------------------------------------------------------------

  // Reads the page aloud with a voice that runs on this device (localService) only: a cloud voice
  // would send the words to a company's servers. The button stays hidden when there is none.
  // It reads what a person would want read: the question, its hint, each option (and which is
  // chosen), the words typed into each box, the letter; not the buttons, and never a passphrase.
  // The same button stops it, and moving to another page stops it too.
  function localVoice() {
    var local = (quietly(function () { return speechSynthesis.getVoices(); }) || []).filter(function (v) { return v.localService; });
    var lang = function (prefix) {
      return local.filter(function (v) { return String(v.lang).toLowerCase().indexOf(prefix) === 0; })[0];
    };
    return lang("en-gb") || lang("en") || local[0] || null;
  }
  // The page's Listen button, and buttons in the app that read one part (`data-listen` names
  // what to read: the person's own words, or the letter), show only with a voice of its own.
  function showListen() {
    var bar = document.getElementById("listen-bar");
    var can = !!localVoice();
    if (bar) bar.hidden = !can;
    document.documentElement.classList.toggle("app-can-listen", can);
  }
  quietly(function () { speechSynthesis.addEventListener("voiceschanged", showListen); });
  showListen();

  var BLOCK = /^(H1|H2|H3|H4|P|LI|LEGEND|LABEL|DIV|SECTION|DT|DD|TD|TH)$/;
  /** The words of `node` as they should be heard, in page order. */
  function readable(node, out) {
    if (node.nodeType === 3) {
      out.push(node.nodeValue);
      return;
    }
    var el = node;
    if (el.nodeType !== 1 || el.hidden || el.matches("button, script, style, .app-back-link, .app-visually-hidden, .app-input--secret, [aria-hidden=true]")) return;
    if (el.tagName === "TEXTAREA" || el.tagName === "INPUT") {
      var typed = /^(text|email|tel|number|)$/.test(el.type) || el.tagName === "TEXTAREA";
      if (typed && el.value.trim()) out.push(". " + el.value + ". ");
      return;
    }
    for (var child = el.firstChild; child; child = child.nextSibling) readable(child, out);
    var control = el.tagName === "LABEL" && el.control;
    if (control && (control.type === "radio" || control.type === "checkbox") && control.checked) out.push(", chosen");
    if (BLOCK.test(el.tagName)) out.push(". ");
  }

  var speaking = false;
  var reading = null; // the part button that is reading, if it was one
  function setListening(on, part) {
    speaking = on;
    var button = document.getElementById("listen");
    if (button) button.firstChild.nodeValue = on ? "Stop" : "Listen";
    var hidden = button && button.querySelector(".app-visually-hidden");
    if (hidden) hidden.textContent = on ? " reading this page" : " to this page";
    if (reading) reading.textContent = reading.getAttribute("data-label");
    reading = on && part ? part : null;
    if (reading) {
      if (!reading.getAttribute("data-label")) reading.setAttribute("data-label", reading.textContent);
      reading.textContent = "Stop reading";
    }
  }
  function stopReading() {
    quietly(function () { speechSynthesis.cancel(); });
    setListening(false);
  }
  window.addEventListener("hashchange", stopReading);
  document.addEventListener("click", function (event) {
    var target = event.target && event.target.closest && event.target.closest("#listen, [data-listen]");
    if (!target) return;
    if (speaking) return stopReading();
    var voice = localVoice();
    var part = target.getAttribute("data-listen");
    var start = document.getElementById("start-page");
    var from = part ? document.querySelectorAll(part) : [start && !start.hidden ? start : document.getElementById("app")];
    if (!voice || !from.length || !from[0]) return;
    var out = [];
    for (var i = 0; i < from.length; i++) readable(from[i], out);
    // Each block ends with a full stop, so the voice pauses; runs of them become one.
    var text = out.join("").replace(/([?!:])\s*(\.\s*)+/g, "$1 ").replace(/\s*(\.\s*)+/g, ". ").replace(/^[.\s]+/, "").replace(/\s+/g, " ").trim();
    quietly(function () { speechSynthesis.cancel(); });
    var words = new SpeechSynthesisUtterance(text);
    words.voice = voice;
    words.lang = voice.lang;
    words.rate = 0.9;
    words.onend = words.onerror = function () { setListening(false); };
    setListening(true, part ? target : null);
    speechSynthesis.speak(words);
  });

  // ---- Offline -------------------------------------------------------------------------------

  // The service worker keeps a copy of the app's own files (never anything typed), so it opens
  // with no connection after one visit. The footer says so once the copy is ready.
  quietly(function () {
    if (!window.isSecureContext || !navigator.serviceWorker) return;
    navigator.serviceWorker.register("./sw.js").catch(function () {});
    navigator.serviceWorker.ready.then(function () {
      var note = document.getElementById("offline-note");
      if (note) note.textContent = "Works offline on this device.";
    });
  });

  // ---- Something went wrong ------------------------------------------------------------------

  var brokenShown = false;

  function element(name, attributes, text) {
    var node = document.createElement(name);
    for (var key in attributes) node.setAttribute(key, attributes[key]);
    if (text) node.textContent = text;
    return node;
  }

  /** Every word the person has typed that the page can still see, plus any the app passed. */
  function rescue(fromApp) {
    var seen = {};
    var words = [];
    var add = function (text) {
      text = String(text || "");
      if (text.trim() && !seen[text]) {
        seen[text] = true;
        words.push(text);
      }
    };
    (fromApp || "").split("\u0000").forEach(add);
    var fields = document.querySelectorAll("#app textarea, #app input");
    for (var i = 0; i < fields.length; i++) {
      var type = fields[i].type;
      if (type === "text" || type === "email" || type === "tel" || type === "number" || fields[i].tagName === "TEXTAREA") add(fields[i].value);
    }
    return words.join("\n\n");
  }

  /** Shows the calm "Something went wrong" panel. `fromApp`: the app's copy of the words. */
  function broken(fromApp) {
    if (leaving || brokenShown) return;
    brokenShown = true;
    quietly(function () {
      var words = rescue(fromApp);
      var main = document.getElementById("main") || document.body;
      for (var i = 0; i < main.children.length; i++) main.children[i].hidden = true;
      var panel = element("div", { "class": "app-broken", role: "alert" });
      panel.appendChild(element("h1", { "class": "app-heading-l", id: "broken-title", tabindex: "-1" }, "Something went wrong"));
      panel.appendChild(element("p", {}, "This page has stopped working. It is not something you did."));
      if (words) {
        panel.appendChild(element("p", {}, "Your words are below. Copy them now so you do not lose them, then start the page again."));
        var label = element("label", { "class": "app-label", "for": "rescued-words" }, "Your words");
        var box = element("textarea", { "class": "app-textarea", id: "rescued-words", rows: "8", readonly: "", spellcheck: "false", translate: "no" });
        box.value = words;
        var copy = element("button", { type: "button", "class": "app-button" }, "Copy my words");
        var said = element("p", { role: "status", "class": "app-small" });
        copy.addEventListener("click", function () {
          box.focus();
          box.select();
          var copied = quietly(function () { return document.execCommand("copy"); });
          said.textContent = copied ? "Copied. You can paste them into a message or a document." : "Your words are selected. Press Ctrl and C together to copy them (on a phone, press and hold).";
        });
        panel.appendChild(label);
        panel.appendChild(box);
        panel.appendChild(copy);
        panel.appendChild(said);
      }
      var again = element("button", { type: "button", "class": "app-button app-button--secondary" }, "Start the page again");
      again.addEventListener("click", function () { location.reload(); });
      panel.appendChild(again);
      panel.appendChild(element("p", {}, "To leave this page quickly, use Exit this page at the top. It still works."));
      main.insertBefore(panel, main.firstChild);
      var title = document.getElementById("broken-title");
      if (title) title.focus();
    });
  }

  // A stopped app shows up as an uncaught WebAssembly error ("unreachable" after a panic).
  window.addEventListener("error", function (event) {
    var error = event.error;
    if ((typeof WebAssembly === "object" && error instanceof WebAssembly.RuntimeError) || /unreachable/.test(String(event.message))) broken("");
  });

  // ---- The letter tools ----------------------------------------------------------------------

  /**
   * Starts the letter tools' worker and returns it. It is started from a blob: address, which
   * makes the browser run it under this page's own Content-Security-Policy (a worker loaded from
   * a file takes its policy from the host's response headers, and a plain host sends none).
   * Once the tools are running, the worker also loses the ways to reach a network.
   */
  function startTools(owner) {
    owner = String(owner || "app");
    stopTools(owner);
    var base = new URL(".", location.href).href;
    var code = [
      "importScripts(" + JSON.stringify(base + "letter-tools.js") + ");",
      "var early = [];",
      "self.onmessage = function (e) { early.push(e); };",
      // The place table (every UK postcode district) is fetched only when the page asks, by
      // this script's own copy of fetch: the tools' code itself can fetch nothing (below).
      "var ownFetch = self.fetch.bind(self), placesAsked = false;",
      // The routing data (rules, directory, areas) is fetched at once, while the tools load:
      // every letter needs it. It reaches the tools as an ArrayBuffer once they run, empty if
      // it could not be had (the tools then say so for each letter asked for). "no-cache":
      // without the service worker, the browser checks its copy is this build's.
      "var routes = ownFetch(" + JSON.stringify(base + "routes.bin") + ", { cache: 'no-cache' }).then(function (r) { return r.ok ? r.arrayBuffer() : new ArrayBuffer(0); }).catch(function () { return new ArrayBuffer(0); });",
      "self.addEventListener('message', function (e) {",
      "  if (e.data !== 'load-places' || placesAsked) return;",
      "  placesAsked = true;",
      "  ownFetch(" + JSON.stringify(base + "places.txt") + ").then(function (r) { return r.ok ? r.text() : ''; }, function () { return ''; })",
      "    .then(function (text) { self.onmessage({ data: text }); });",
      "});",
      "wasm_bindgen({ module_or_path: " + JSON.stringify(base + "letter-tools_bg.wasm") + " }).then(function () {",
      "  ['fetch', 'XMLHttpRequest', 'WebSocket', 'EventSource', 'importScripts'].forEach(function (name) {",
      "    try { self[name] = undefined; } catch (e) {}",
      "  });",
      "  early.forEach(function (e) { self.onmessage(e); });",
      "  routes.then(function (buffer) { self.onmessage({ data: buffer }); });",
      "});",
    ].join("\n");
    var url = URL.createObjectURL(new Blob([code], { type: "text/javascript" }));
    var worker = tools[owner] = new Worker(url);
    // The address is only needed while the worker loads.
    setTimeout(function () { URL.revokeObjectURL(url); }, 60000);
    return worker;
  }

  // ---- The pages loaded when they open -------------------------------------------------------

  var more = null;

  /**
   * Loads the second program (the finish steps and the concern log: src/bin/more-pages.rs) the
   * first time one of its pages opens, from the app's own address, and resolves once it runs.
   * A failed load (no connection before the offline copy was kept) can be tried again.
   */
  function loadMore() {
    if (!more) {
      more = new Promise(function (done, fail) {
        // The second program's glue names itself wasm_bindgen, a name of the page's scripts but
        // not a property of window (the app's own glue is a module, so the two never meet).
        // Once the glue is here (the program itself may have failed), it is not added again.
        var start = function () {
          wasm_bindgen({ module_or_path: "more-pages_bg.wasm" }).then(done, fail);
        };
        if (typeof wasm_bindgen === "function") return start();
        var script = element("script", { src: "more-pages.js" });
        script.onload = start;
        script.onerror = function () {
          script.remove();
          fail();
        };
        document.head.appendChild(script);
      });
      more.catch(function () { more = null; });
    }
    return more;
  }

  window.imwSafety = {
    /** Resolves once the tab's storage has been checked: the app starts after it. */
    ready: function () { return tabChecked; },
    leave: leave,
    go: go,
    broken: broken,
    watchIdle: watchIdle,
    startTools: startTools,
    stopTools: stopTools,
    loadMore: loadMore,
  };
})();
