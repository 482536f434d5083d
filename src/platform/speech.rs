//! Reads text aloud with the browser's speech synthesis, using **only voices that run on this
//! device** (`localService`). Network voices would send the person's words to a company's
//! servers, so they are never used; when a device has no local voice the Listen button is hidden.

use wasm_bindgen::JsCast;
use web_sys::{SpeechSynthesis, SpeechSynthesisUtterance, SpeechSynthesisVoice};

fn synth() -> Option<SpeechSynthesis> {
    super::window().speech_synthesis().ok()
}

/// The best on-device voice: British English if there is one, then any English, then any.
fn local_voice() -> Option<SpeechSynthesisVoice> {
    let voices: Vec<SpeechSynthesisVoice> = synth()?
        .get_voices()
        .iter()
        .filter_map(|v| v.dyn_into::<SpeechSynthesisVoice>().ok())
        .filter(|v| v.local_service())
        .collect();
    let by_lang = |prefix: &str| {
        voices
            .iter()
            .find(|v| v.lang().to_ascii_lowercase().starts_with(prefix))
            .cloned()
    };
    by_lang("en-gb")
        .or_else(|| by_lang("en"))
        .or_else(|| voices.first().cloned())
}

/// True when reading aloud can happen without anything leaving the device.
pub fn available() -> bool {
    local_voice().is_some()
}

/// Reads `text` aloud with an on-device voice. Does nothing when there is none.
pub fn speak(text: &str) {
    let (Some(synth), Some(voice)) = (synth(), local_voice()) else {
        return;
    };
    synth.cancel();
    if let Ok(utterance) = SpeechSynthesisUtterance::new_with_text(text) {
        utterance.set_voice(Some(&voice));
        utterance.set_lang(&voice.lang());
        utterance.set_rate(0.9);
        synth.speak(&utterance);
    }
}

/// Reads the page aloud: the start page, or the page the app is showing.
pub fn speak_page() {
    let Some(document) = super::window().document() else {
        return;
    };
    let start_showing = document
        .get_element_by_id("start-page")
        .is_some_and(|e| !e.has_attribute("hidden"));
    let id = if start_showing { "start-page" } else { "app" };
    if let Some(element) = document
        .get_element_by_id(id)
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        speak(&element.inner_text());
    }
}

/// Stops reading.
pub fn stop() {
    if let Some(synth) = synth() {
        synth.cancel();
    }
}

/// Calls `f` when the browser's list of voices changes (it loads after the page on some
/// browsers). The listener lives as long as the returned handle.
pub fn on_voices_changed(f: impl Fn() + 'static) -> Option<gloo::events::EventListener> {
    let synth = synth()?;
    Some(gloo::events::EventListener::new(
        &synth,
        "voiceschanged",
        move |_| f(),
    ))
}
