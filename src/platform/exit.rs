//! Quick exit, in the GOV.UK "Exit this page" manner: the red button in the header, or the Shift
//! key pressed three times in a row, on its own, within a few seconds.
//!
//! The exit itself lives in `assets/static/safety-net.js`, a plain script the page runs before
//! this app starts: it has to work while the app is still loading, busy, or stopped by an error,
//! so it can never depend on the app. It clears every storage, ends the letter tools, tells the
//! app's other tabs to leave, empties the page and replaces it with a neutral page. This module
//! only connects the app to it: the app forgets what it holds in memory when the script says it
//! is leaving, and asks the script to leave for "Finish and clear" and a quiet shared computer.

use gloo::events::EventListener;
use wasm_bindgen::{JsCast, JsValue};

/// The neutral page, relative to the app.
pub const EXIT_PAGE: &str = "exit.html";

/// Why the app is being left, as the safety net names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Why {
    /// The quick exit: a neutral page replaces the app.
    Exit,
    /// "Finish and clear": a fresh start page says the answers were cleared.
    Finished,
    /// A shared computer was left alone: a fresh start page says why the answers went.
    Idle,
}

impl Why {
    fn id(self) -> &'static str {
        match self {
            Why::Exit => "exit",
            Why::Finished => "finished",
            Why::Idle => "idle",
        }
    }
}

/// Calls `window.imwSafety[name](args...)`. Returns what it returned, or `None` when the safety
/// net is not there (a page without it, such as the component tests).
pub(crate) fn safety_net(name: &str, args: &[JsValue]) -> Option<JsValue> {
    let net = js_sys::Reflect::get(&super::window(), &JsValue::from_str("imwSafety")).ok()?;
    let function = js_sys::Reflect::get(&net, &JsValue::from_str(name))
        .ok()?
        .dyn_into::<js_sys::Function>()
        .ok()?;
    let args: js_sys::Array = args.iter().collect();
    function.apply(&net, &args).ok()
}

/// Leaves the app: clears everything and replaces the page. `wipe_memory` resets the app's own
/// state first, in case the page is kept in the browser's memory.
pub fn leave(why: Why, wipe_memory: &dyn Fn()) {
    wipe_memory();
    if safety_net("leave", &[JsValue::from_str(why.id())]).is_none() {
        // Without the safety net (the browser refused the script), the neutral page clears.
        let _ = super::window().location().replace(EXIT_PAGE);
    }
}

/// Forgets everything the app holds when the safety net says the page is being left (the exit
/// button, Shift three times, or another tab's exit). Keep the returned listener alive.
pub fn install(wipe_memory: impl Fn() + 'static) -> EventListener {
    EventListener::new(&super::window(), "imw-leave", move |_| {
        super::storage::clear_everything();
        wipe_memory();
    })
}

/// Asks the safety net to watch for a quiet page (on a shared computer), or to stop.
pub fn watch_idle(on: bool) {
    let _ = safety_net("watchIdle", &[JsValue::from_bool(on)]);
}
