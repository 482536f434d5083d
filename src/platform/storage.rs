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
/// With no answers at all, nothing is stored (and any earlier copy is removed).
pub fn save_session(answers: &Answers) -> bool {
    session().is_some_and(|s| {
        if *answers == Answers::default() {
            s.remove_item(SESSION_KEY).is_ok()
        } else {
            s.set_item(SESSION_KEY, &codec::encode(answers)).is_ok()
        }
    })
}

thread_local! {
    /// Answers waiting to be written (see [`save_session_soon`]).
    static UNSAVED: std::cell::RefCell<Option<Answers>> = const { std::cell::RefCell::new(None) };
}

/// Marks these answers to be written to the tab's storage by the next [`save_pending`]. The
/// app calls that after a short pause in typing, and at once when the page is hidden or left.
pub fn save_session_soon(answers: Answers) {
    UNSAVED.with(|u| *u.borrow_mut() = Some(answers));
}

/// Writes answers waiting from [`save_session_soon`], if any. Returns false when storage
/// refused.
pub fn save_pending() -> bool {
    match UNSAVED.with(|u| u.borrow_mut().take()) {
        Some(answers) => save_session(&answers),
        None => true,
    }
}

/// The answers kept in this tab, if any could be read.
pub fn load_session() -> Option<Answers> {
    let text = session()?.get_item(SESSION_KEY).ok().flatten()?;
    codec::decode(&text).ok()
}

/// Removes everything this app stored anywhere on this device: session storage, local storage
/// and any IndexedDB database. Never fails: each store is cleared as far as the browser allows.
pub fn clear_everything() {
    // Words typed a moment ago and not yet written must not be written after this.
    UNSAVED.with(|u| u.borrow_mut().take());
    let window = super::window();
    if let Some(s) = session() {
        let _ = s.clear();
    }
    if let Ok(Some(local)) = window.local_storage() {
        let _ = local.clear();
    }
}

/// The key of the one-word notice the safety net leaves for the fresh start page after
/// "Finish and clear" or a quiet shared computer ("finished" or "idle").
const NOTICE_KEY: &str = "in-my-words-notice";

/// Reads and removes the notice the safety net left, if any.
pub fn take_notice() -> Option<String> {
    let s = session()?;
    let notice = s.get_item(NOTICE_KEY).ok().flatten();
    let _ = s.remove_item(NOTICE_KEY);
    notice
}

/// The key for a draft the person chose to save on this device (encrypted; see `crypto`).
pub const SAVED_KEY: &str = "in-my-words-saved-draft";

fn local() -> Option<web_sys::Storage> {
    super::window().local_storage().ok().flatten()
}

/// Keeps an encrypted draft on this device until the person deletes it or exits. Returns false
/// when the browser refused (private browsing, storage full or switched off).
pub fn save_on_device(encrypted: &[u8]) -> bool {
    local().is_some_and(|s| {
        s.set_item(SAVED_KEY, &codec::base64_encode(encrypted))
            .is_ok()
    })
}

/// The encrypted draft saved on this device, if there is one.
pub fn saved_on_device() -> Option<Vec<u8>> {
    let text = local()?.get_item(SAVED_KEY).ok().flatten()?;
    codec::base64_decode(&text)
}

/// Deletes the draft saved on this device.
pub fn delete_from_device() {
    if let Some(s) = local() {
        let _ = s.remove_item(SAVED_KEY);
    }
}
