//! Thin browser glue: the only code that touches `web_sys`. Everything here is small and
//! forgiving: a browser that blocks storage or has no speech still runs the whole journey.
//!
//! - [`storage`]: the tab's session storage (default) and clearing everything on exit.
//! - [`page`]: the address bar (`#/step`), page title, focus and the static start page.
//! - [`exit`]: the app's side of the safety net: the quick exit and a quiet shared computer.
//! - [`crypto`]: encrypting drafts with the browser's WebCrypto.
//! - [`files`]: downloads, and reading a file the person picks.
//! - [`tools`]: the letter tools, a web worker started by the letter page.

pub mod crypto;
pub mod exit;
pub mod files;
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
