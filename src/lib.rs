//! **In My Words** helps a person complain about a health or care service in their own words.
//!
//! It runs entirely in the browser: nothing the person types ever leaves their device unless
//! they send it themselves.
//!
//! Layers, and the one rule for each:
//! - [`domain`]: plain Rust (answers, routing, letter, deadlines). No browser or Yew imports, so
//!   it is tested natively, fast and deterministically.
//! - [`data`]: the routing rules and organisation directory, written as TOML with sources and
//!   dates, checked at build time and embedded. It never uses `domain`.
//! - [`in_my_words_basics`] (`crates/basics`): dates, the situation, the data files' schema and
//!   checks, shared with `build.rs`. It depends on nothing here, so the dependencies run one way
//!   (basics, then `data`, then `domain`) and the compiler enforces it. `domain::date`,
//!   `domain::situation` and `data::{schema, validate, check_schema, source}` re-export it.
//! - [`words`]: every sentence of the journey a person reads, in one catalogue per language.
//! - `ui`: Yew components (browser only). One reducer owns the interview state.
//! - `platform`: the thin browser glue (storage, clipboard, print, download, the letter tools'
//!   worker, and the app's side of the safety net in `assets/static/safety-net.js`).
//!
//! Invariants every change must keep:
//! 1. The person's words are never changed by the app; outputs quote them verbatim.
//! 2. No request leaves the page after it has loaded (enforced by the Content-Security-Policy in
//!    `index.html` and by the end-to-end tests).
//! 3. Nothing is stored beyond the tab's session unless the person chooses to save.

pub mod data;
pub mod domain;
pub mod words;

#[cfg(target_arch = "wasm32")]
pub mod platform;
#[cfg(target_arch = "wasm32")]
pub mod ui;
