//! The Yew user interface.

/// Mounts the app on the page.
pub fn start() {}
