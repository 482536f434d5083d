//! Offline use: registers the service worker (`sw.js`), which keeps a copy of the app on the
//! device after the first visit. It caches only the app's own files, never anything typed.

use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;

/// Registers the service worker, and calls `ready` once the app can work offline. Does nothing
/// in browsers without service workers, or when opened from a file.
pub fn register(ready: impl FnOnce() + 'static) {
    let window = super::window();
    let secure = window.is_secure_context();
    let navigator = window.navigator();
    let has_workers =
        js_sys::Reflect::has(&navigator, &JsValue::from_str("serviceWorker")).unwrap_or(false);
    if !secure || !has_workers {
        return;
    }
    let container = navigator.service_worker();
    let _ = container.register("./sw.js");
    if let Ok(promise) = container.ready() {
        wasm_bindgen_futures::spawn_local(async move {
            if JsFuture::from(promise).await.is_ok() {
                ready();
            }
        });
    }
}

/// True when a service worker already controls this page (the app was cached before).
pub fn is_controlled() -> bool {
    let window = super::window();
    js_sys::Reflect::has(&window.navigator(), &JsValue::from_str("serviceWorker")).unwrap_or(false)
        && window.navigator().service_worker().controller().is_some()
}
