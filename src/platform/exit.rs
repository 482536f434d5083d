//! Quick exit, in the GOV.UK "Exit this page" manner: the red button in the header, or the Shift
//! key pressed three times in a row, on its own, within a few seconds.
//!
//! Leaving wipes the answers from memory and every storage the app uses, empties the page, and
//! replaces this history entry with a neutral page that is part of the app (so it works offline).
//! `exit.html` clears storage again when it loads, in case the button was pressed before the app
//! had finished loading.

use gloo::events::{EventListener, EventListenerOptions};
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::JsCast;

/// The neutral page, relative to the app.
pub const EXIT_PAGE: &str = "exit.html";
/// Shift presses that must fall within this many milliseconds to count as "three times".
const SHIFT_WINDOW_MS: f64 = 5000.0;

/// Clears everything and leaves. `wipe_memory` resets the app's own state first.
pub fn leave(wipe_memory: &dyn Fn()) {
    wipe_memory();
    super::speech::stop();
    super::storage::clear_everything();
    let window = super::window();
    if let Some(body) = window.document().and_then(|d| d.body()) {
        // If the browser keeps this page in its back-forward cache, it must hold nothing.
        body.set_inner_html("");
    }
    let _ = window.location().replace(EXIT_PAGE);
}

/// Wires the header button and the Shift×3 shortcut. Keep the returned listeners alive.
pub fn install(on_exit: Rc<dyn Fn()>) -> Vec<EventListener> {
    let window = super::window();
    let mut listeners = Vec::new();
    if let Some(button) = window
        .document()
        .and_then(|d| d.get_element_by_id("exit-this-page"))
    {
        let on_exit = on_exit.clone();
        let options = EventListenerOptions::enable_prevent_default();
        listeners.push(EventListener::new_with_options(
            &button,
            "click",
            options,
            move |event| {
                event.prevent_default();
                leave(&*on_exit);
            },
        ));
    }
    // If the browser brings this page back from its back-forward cache after an exit, start
    // afresh: storage is already empty, so a reload shows no answers.
    listeners.push(EventListener::new(&window, "pageshow", |event| {
        let restored = event
            .dyn_ref::<web_sys::PageTransitionEvent>()
            .is_some_and(|e| e.persisted());
        if restored && super::storage::load_session().is_none() {
            let _ = super::window().location().reload();
        }
    }));
    let presses: Rc<Cell<[f64; 3]>> = Rc::new(Cell::new([f64::NEG_INFINITY; 3]));
    listeners.push(EventListener::new(&window, "keydown", move |event| {
        let Some(key) = event.dyn_ref::<web_sys::KeyboardEvent>() else {
            return;
        };
        // Only Shift pressed on its own counts. Any other key starts the count again, so
        // Shift+Tab (moving back through the page) and typing capital letters never leave.
        if key.key() != "Shift" {
            presses.set([f64::NEG_INFINITY; 3]);
            return;
        }
        if key.repeat() {
            return;
        }
        let now = js_sys::Date::now();
        let [_, b, c] = presses.get();
        presses.set([b, c, now]);
        if now - b <= SHIFT_WINDOW_MS {
            presses.set([f64::NEG_INFINITY; 3]);
            leave(&*on_exit);
        }
    }));
    listeners
}
