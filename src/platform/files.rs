//! Files the person chooses to make or open: downloads (letter, calendar, saved draft) and
//! reading a file they pick. Everything happens on the device; a download is a file the browser
//! writes from memory, never an upload.

use js_sys::{Array, Uint8Array};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Blob, BlobPropertyBag, HtmlAnchorElement, HtmlInputElement, Url};

/// Offers `bytes` as a download called `name`. Returns false if the browser refused.
pub fn download(name: &str, mime: &str, bytes: &[u8]) -> bool {
    let parts = Array::of1(&Uint8Array::from(bytes));
    let options = BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = Blob::new_with_u8_array_sequence_and_options(&parts, &options) else {
        return false;
    };
    let Ok(url) = Url::create_object_url_with_blob(&blob) else {
        return false;
    };
    let window = super::window();
    let Some(document) = window.document() else {
        return false;
    };
    let Some(link) = document
        .create_element("a")
        .ok()
        .and_then(|e| e.dyn_into::<HtmlAnchorElement>().ok())
    else {
        return false;
    };
    link.set_href(&url);
    link.set_download(name);
    link.click();
    // Some browsers start reading the file a moment after the click (or after asking where to
    // save it), so the address stays valid for a minute. Exit replaces the page, which frees it
    // at once.
    let _ = gloo::timers::callback::Timeout::new(60_000, move || {
        let _ = Url::revoke_object_url(&url);
    })
    .forget();
    true
}

/// Why a chosen file was not read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChosenFileError {
    /// No file chosen, or the browser could not read it.
    NoFile,
    /// Bigger than the caller allows. Checked before reading, so a huge file cannot freeze
    /// or crash the tab (and lose what the person has typed).
    TooBig,
}

/// The bytes of the first file chosen in `input`, if it is at most `max_bytes` long.
pub async fn read_chosen_file(
    input: &HtmlInputElement,
    max_bytes: u32,
) -> Result<Vec<u8>, ChosenFileError> {
    let file = input
        .files()
        .and_then(|files| files.get(0))
        .ok_or(ChosenFileError::NoFile)?;
    // The size comes from the file system, so this costs nothing even for a huge file.
    if file.size() > f64::from(max_bytes) {
        return Err(ChosenFileError::TooBig);
    }
    let buffer = JsFuture::from(file.array_buffer())
        .await
        .map_err(|_| ChosenFileError::NoFile)?;
    Ok(Uint8Array::new(&buffer).to_vec())
}

/// Puts `text` on the clipboard. Returns false when the browser will not allow it (the page
/// then tells the person how to copy it themselves).
pub async fn copy_text(text: &str) -> bool {
    let clipboard = super::window().navigator().clipboard();
    JsFuture::from(clipboard.write_text(text)).await.is_ok()
}
