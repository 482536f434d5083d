//! Starts the letter tools (a web worker, see `src/bin/letter-tools.rs`) when the letter page
//! first needs them, and passes requests and replies as postcard bytes.
//!
//! The worker is started once per page and kept: starting it costs a download (once; the
//! service worker keeps it for offline use) and a compile of its WebAssembly.

use crate::domain::tools::{Reply, Request};
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{MessageEvent, Worker};

/// The worker's loader script, made by the build next to the app's files.
const TOOLS_SCRIPT: &str = "./letter-tools-loader.js";

type Waiting = Vec<(u32, Box<dyn FnOnce(Reply)>)>;

struct Tools {
    worker: Worker,
    next_id: u32,
    waiting: std::rc::Rc<RefCell<Waiting>>,
    // Kept alive for as long as the worker is.
    _on_message: Closure<dyn Fn(MessageEvent)>,
}

thread_local! {
    static TOOLS: RefCell<Option<Tools>> = const { RefCell::new(None) };
}

fn start() -> Option<Tools> {
    let worker = Worker::new(TOOLS_SCRIPT).ok()?;
    let waiting: std::rc::Rc<RefCell<Waiting>> = Default::default();
    let on_message = {
        let waiting = waiting.clone();
        Closure::<dyn Fn(MessageEvent)>::new(move |event: MessageEvent| {
            let bytes = js_sys::Uint8Array::new(&event.data()).to_vec();
            let Ok((id, reply)) = postcard::from_bytes::<(u32, Reply)>(&bytes) else {
                return;
            };
            let then = {
                let mut waiting = waiting.borrow_mut();
                let at = waiting.iter().position(|(w, _)| *w == id);
                at.map(|at| waiting.remove(at).1)
            };
            if let Some(then) = then {
                then(reply);
            }
        })
    };
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    Some(Tools {
        worker,
        next_id: 0,
        waiting,
        _on_message: on_message,
    })
}

/// Sends `request` to the letter tools; `then` runs with the reply. Returns false when the
/// tools cannot be started or reached (the page says so, and keeps every word).
pub fn ask(request: &Request, then: impl FnOnce(Reply) + 'static) -> bool {
    TOOLS.with(|cell| {
        let mut cell = cell.borrow_mut();
        if cell.is_none() {
            *cell = start();
        }
        let Some(tools) = cell.as_mut() else {
            return false;
        };
        tools.next_id = tools.next_id.wrapping_add(1);
        let id = tools.next_id;
        let Ok(bytes) = postcard::to_allocvec(&(id, request)) else {
            return false;
        };
        tools.waiting.borrow_mut().push((id, Box::new(then)));
        tools
            .worker
            .post_message(&js_sys::Uint8Array::from(&bytes[..]))
            .is_ok()
    })
}
