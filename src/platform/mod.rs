//! Thin browser glue: the browser's services the app uses, each behind a small function.
//! Everything here is small and forgiving: a browser that blocks storage still runs the whole
//! journey.
//!
//! It is not the only code that touches `web_sys`: the pages in `ui` name the element and event
//! types that Yew's events hand them (reading a text box or a chosen file, a `<details>` being
//! opened, the page being hidden) and listen for a few window events themselves, and the letter
//! tools' entry point (`src/bin/letter-tools.rs`) talks to its own worker scope. Storage,
//! addresses, files, cryptography, the quick exit and the letter tools are only reached here.
//!
//! - [`storage`]: the tab's session storage (default), a draft kept on this device, and clearing
//!   everything on exit.
//! - [`page`]: the address bar (`#/step`), page title, focus, selecting text, printing one part
//!   and the static start page.
//! - [`exit`]: the app's side of the safety net: the quick exit and a quiet shared computer.
//! - [`crypto`]: encrypting drafts with the browser's WebCrypto.
//! - [`files`]: downloads, reading a file the person picks, and copying text.
//! - [`tools`]: the letter tools, a web worker started by the letter page.
//! - [`more`]: loading the second program (the finish steps and the concern log) and passing
//!   the answers between it and the app.

pub mod crypto;
pub mod exit;
pub mod files;
pub mod more;
pub mod page;
pub mod storage;
pub mod tools;

use crate::domain::date::Date;

/// The browser window. Only called from code that runs in a page, where it always exists.
pub fn window() -> web_sys::Window {
    web_sys::window().expect("In My Words runs in a browser window")
}

/// Today's date on this device's clock, in its time zone (the person's "today").
pub fn today() -> Date {
    let now = js_sys::Date::new_0();
    Date::new(
        now.get_full_year() as i32,
        (now.get_month() + 1) as u8,
        now.get_date() as u8,
    )
    .unwrap_or_else(|| Date::new(2026, 1, 1).expect("a real date"))
}
