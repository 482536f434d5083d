//! The letter tools, run as a web worker: routing, the letter's template, the "Before you send"
//! check and the files to download. The letter page starts it (see `platform::tools`), so the
//! journey's first download does not carry the directory, the word lists or their code. The
//! routing data itself (rules, directory, areas) is a file of its own, `routes.bin`, fetched by
//! the start-up script as the tools start, so the tools' program stays small too.
//!
//! All the logic is in [`in_my_words::domain::tools::handle`], tested natively; this file only
//! passes messages: postcard bytes `(version, id, Request)` in, `(version, id, Reply)` out
//! (see `answer`).

#[cfg(target_arch = "wasm32")]
fn main() {
    use in_my_words::domain::tools::answer;
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;
    use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let reply_to = scope.clone();
    let send = move |replies: Vec<Vec<u8>>| {
        for out in replies {
            let _ = reply_to.post_message(&js_sys::Uint8Array::from(&out[..]));
        }
    };
    let on_message = Closure::<dyn Fn(MessageEvent)>::new(move |event: MessageEvent| {
        use in_my_words::domain::tools::{receive_places, receive_routes};
        let data = event.data();
        // Text is the place table, fetched for the tools by their start-up script when the page
        // asks for it ("load-places", which is text too and needs nothing from here).
        if let Some(text) = data.as_string() {
            if text != "load-places" {
                send(receive_places(text));
            }
        // An ArrayBuffer is the routing file (rules, directory, areas), fetched by the start-up
        // script as the tools start; empty when it could not be had (see `receive_routes`).
        } else if data.is_instance_of::<js_sys::ArrayBuffer>() {
            send(receive_routes(&js_sys::Uint8Array::new(&data).to_vec()));
        } else {
            // A request from the page. One the tools cannot read gets no reply; the page then
            // shows its fallback.
            send(
                answer(&js_sys::Uint8Array::new(&data).to_vec())
                    .into_iter()
                    .collect(),
            );
        }
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The worker lives as long as the page; so does its message handler.
    on_message.forget();
}

/// The tools only run in a browser's worker; natively there is nothing to start.
#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("The letter tools run inside the In My Words app in a web browser.");
}
