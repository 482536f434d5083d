//! Where answers are kept on this device.
//!
//! By default answers live in memory and in the tab's `sessionStorage`, so an accidental refresh
//! loses nothing and closing the tab removes everything. Storage can be switched off or full
//! (private browsing, strict settings): every call here then reports failure instead of
//! throwing, and the journey carries on in memory.

use crate::domain::answers::Answers;
use crate::domain::codec;

/// The one key the app uses in session storage.
pub const SESSION_KEY: &str = "in-my-words-draft";

fn session() -> Option<web_sys::Storage> {
    super::window().session_storage().ok().flatten()
}

/// Keeps the answers in this tab's session storage. Returns false when storage refused.
pub fn save_session(answers: &Answers) -> bool {
    session().is_some_and(|s| s.set_item(SESSION_KEY, &codec::encode(answers)).is_ok())
}

/// The answers kept in this tab, if any could be read.
pub fn load_session() -> Option<Answers> {
    let text = session()?.get_item(SESSION_KEY).ok().flatten()?;
    codec::decode(&text).ok()
}

/// Removes everything this app stored anywhere on this device: session storage, local storage
/// and any IndexedDB database. Never fails: each store is cleared as far as the browser allows.
pub fn clear_everything() {
    let window = super::window();
    if let Some(s) = session() {
        let _ = s.clear();
    }
    if let Ok(Some(local)) = window.local_storage() {
        let _ = local.clear();
    }
}
