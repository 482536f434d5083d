//! The two programs' bridge. The app (the journey) loads a second, smaller program when one of
//! its pages first opens: the four finish steps and the concern log (`src/bin/more-pages.rs`).
//! That keeps their code out of the first visit; the service worker keeps a copy for offline
//! use, like the letter tools.
//!
//! The app owns the answers: it keeps them in the tab's storage, saves drafts and clears them
//! on exit. The two programs pass the whole answers to each other, in the same text the tab's
//! storage holds (`codec::encode`), as window events:
//!
//! - [`SHOW`], from the app, each time one of the second program's pages opens: "these are the
//!   answers now; show the page in the address".
//! - [`CHANGED`], from the second program, each time the person changes something there.
//!
//! Only one of them is showing a page at a time, so neither overwrites the other's changes.

use crate::domain::answers::Answers;
use crate::domain::codec;
use gloo::events::EventListener;
use wasm_bindgen::JsValue;

/// The app to the second program: show the page in the address, with these answers.
pub const SHOW: &str = "imw-show";
/// The second program to the app: the person changed the answers.
pub const CHANGED: &str = "imw-changed";

/// The id of the element the app draws for the second program's pages to go in.
pub const HOST: &str = "app-more";

/// Loads the second program, once; resolves when it is running. `None` without the safety net
/// (as in the component tests).
pub fn load() -> Option<js_sys::Promise> {
    super::exit::safety_net("loadMore", &[]).map(js_sys::Promise::from)
}

/// Sends the answers with the event `name` ([`SHOW`] or [`CHANGED`]).
pub fn send(name: &str, answers: &Answers) {
    let Ok(event) = web_sys::Event::new(name) else {
        return;
    };
    // An event carries no words of its own; the text rides on it as a property.
    let text = JsValue::from_str(&codec::encode(answers));
    if js_sys::Reflect::set(&event, &JsValue::from_str("detail"), &text).is_ok() {
        let _ = super::window().dispatch_event(&event);
    }
}

/// Calls `then` with the answers each event `name` carries, or with `None` when they cannot be
/// read. That happens only when the two programs come from different versions of the app (with
/// no offline copy, a new version can arrive between loading one and the other): the page then
/// asks for a reload, which brings them together again.
pub fn listen(name: &'static str, then: impl Fn(Option<Answers>) + 'static) -> EventListener {
    EventListener::new(&super::window(), name, move |event| {
        let text = js_sys::Reflect::get(event, &JsValue::from_str("detail"))
            .ok()
            .and_then(|detail| detail.as_string());
        then(text.and_then(|text| codec::decode(&text).ok()));
    })
}
