//! The address bar, the page title, focus, and the static start page in `index.html`.
//!
//! The journey uses hash addresses (`#/what-happened`) so that it works on any static host and
//! offline, and the browser's Back button moves between questions.

use wasm_bindgen::JsCast;

/// The part of the address after `#`, e.g. `/what-happened`.
pub fn hash() -> String {
    let hash = super::window().location().hash().unwrap_or_default();
    hash.strip_prefix('#').unwrap_or(&hash).to_string()
}

/// Goes to `#{path}`, for navigation request number `request`, once: asked again for the same
/// request (the app's effect runs again when the shared-computer setting changes), it does
/// nothing, so the person is never taken back to where an earlier Continue led. Normally this
/// adds a history entry so Back returns here; with `replace` (a shared computer) it replaces the
/// current one. The safety net does it, so that it can count the app's entries and step over
/// them all when the person exits.
pub fn go(path: &str, replace: bool, request: u32) {
    use wasm_bindgen::JsValue;
    thread_local! {
        static DONE: std::cell::Cell<Option<u32>> = const { std::cell::Cell::new(None) };
    }
    if DONE.with(|done| done.replace(Some(request))) == Some(request) {
        return;
    }
    let args = [JsValue::from_str(path), JsValue::from_bool(replace)];
    if super::exit::safety_net("go", &args).is_none() {
        let _ = super::window().location().set_hash(path);
    }
}

/// Replaces the current address without a new history entry.
pub fn replace(path: &str) {
    let window = super::window();
    let url = format!("#{path}");
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
    }
}

/// Sets the tab's title, and names `<main>` the same, so a screen reader's list of landmarks
/// says which page this is ("Error: " first when a Continue failed).
pub fn set_title(title: &str) {
    if let Some(document) = super::window().document() {
        document.set_title(title);
    }
    if let Some(main) = element("main") {
        let _ = main.set_attribute("aria-label", title);
    }
}

fn element(id: &str) -> Option<web_sys::HtmlElement> {
    super::window()
        .document()?
        .get_element_by_id(id)?
        .dyn_into::<web_sys::HtmlElement>()
        .ok()
}

/// Moves focus to the page's main heading (the question), making it focusable by script only.
/// Falls back to `<main>` on a page without one.
pub fn focus_heading() {
    let heading = super::window()
        .document()
        .and_then(|d| d.query_selector("#app h1").ok().flatten())
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    match heading {
        Some(h) => {
            let _ = h.set_attribute("tabindex", "-1");
            let _ = h.focus();
        }
        None => {
            focus("main");
        }
    }
}

/// Moves keyboard and screen reader focus to the element with this id.
pub fn focus(id: &str) -> bool {
    element(id).is_some_and(|e| e.focus().is_ok())
}

/// Shows or hides the plain-HTML start page that `index.html` paints before the app loads.
pub fn show_start_page(show: bool) {
    if let Some(start) = element("start-page") {
        start.set_hidden(!show);
    }
}

/// Adds or removes a class on `<html>` (text size, high contrast, large print).
pub fn set_root_class(class: &str, on: bool) {
    let Some(root) = super::window()
        .document()
        .and_then(|d| d.document_element())
    else {
        return;
    };
    let list = root.class_list();
    let _ = if on {
        list.add_1(class)
    } else {
        list.remove_1(class)
    };
}

/// Marks `<html>` with `data-app-started` once the app's first page is on screen.
pub fn set_started() {
    if let Some(root) = super::window()
        .document()
        .and_then(|d| d.document_element())
    {
        let _ = root.set_attribute("data-app-started", "");
    }
}

/// Scrolls to the top, as a new page would.
pub fn scroll_to_top() {
    super::window().scroll_to_with_x_and_y(0.0, 0.0);
}

/// Moves focus to the text box `id` and selects the first place `text` appears in it, so the
/// person can change those words straight away. Does nothing to the words themselves.
pub fn select_text(id: &str, text: &str) {
    let Some(area) = super::window()
        .document()
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlTextAreaElement>().ok())
    else {
        return;
    };
    let value = area.value();
    let _ = area.focus();
    // Searched byte by byte, for the same reason as `words::fill`.
    let at = (!text.is_empty())
        .then(|| {
            let bytes = value.as_bytes();
            bytes.windows(text.len()).position(|w| w == text.as_bytes())
        })
        .flatten();
    if let Some(before) = at.and_then(|at| value.get(..at)) {
        // The browser counts positions in UTF-16 units, Rust in bytes.
        let start = before.encode_utf16().count() as u32;
        let end = start + text.encode_utf16().count() as u32;
        let _ = area.set_selection_range(start, end);
    }
    area.scroll_into_view_with_bool(false);
}

/// Prints one part of the page (the element with this id) and nothing else, using the print
/// stylesheet's `app-printing` and `app-print-target` classes. The browser's own Print
/// command, with no part chosen, prints the main letter.
pub fn print_part(id: &str) {
    let Some(part) = element(id) else {
        return;
    };
    let _ = part.class_list().add_1("app-print-target");
    set_root_class("app-printing", true);
    let _ = super::window().print();
    // print() returns once the dialog closes (or at once where printing is not possible).
    set_root_class("app-printing", false);
    let _ = part.class_list().remove_1("app-print-target");
}

/// Reloads the page, first writing any answers still waiting, so the reload brings them all back.
pub fn reload_keeping_answers() {
    super::storage::save_pending();
    let _ = super::window().location().reload();
}
