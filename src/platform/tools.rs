//! Starts the letter tools (a web worker, see `src/bin/letter-tools.rs`) when the letter page
//! first needs them, and passes requests and replies as postcard bytes.
//!
//! The worker is started by the safety net (`safety-net.js`) from a `blob:` address, so it runs
//! under the page's own Content-Security-Policy whatever the host sends, and so the quick exit
//! can end it. It is kept once started: starting costs a download (once; the service worker keeps
//! it for offline use) and a compile of its WebAssembly.
//!
//! Every request gets an answer: the reply, or a [`Trouble`] when the tools failed to start,
//! stopped, took too long, or came from another version of the app. The page then says so in
//! plain words and offers a reload, which loses nothing.

use crate::domain::tools::{decode_reply, encode_request, Heard, Reply, Request};
use gloo::timers::callback::Timeout;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{MessageEvent, Worker};

/// How long a request may take before the page stops waiting. Generous: the first request also
/// downloads and compiles the tools, which takes a few seconds on a slow phone.
const WAIT_MS: u32 = 30_000;

/// Why the letter tools did not answer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Trouble {
    /// They could not be started or stopped with an error.
    Broken,
    /// No answer in time.
    Slow,
    /// The app was updated while this page was open: the page must reload to match.
    Updated,
}

type Then = Box<dyn FnOnce(Result<Reply, Trouble>)>;
type Waiting = Rc<RefCell<Vec<(u32, Then, Timeout)>>>;

struct Tools {
    worker: Worker,
    next_id: u32,
    waiting: Waiting,
    /// These tools have been asked to fetch the place table (once is enough for each start).
    places_asked: bool,
    // Kept alive for as long as the worker is.
    _on_message: Closure<dyn Fn(MessageEvent)>,
    _on_error: Closure<dyn Fn(web_sys::Event)>,
}

thread_local! {
    static TOOLS: RefCell<Option<Tools>> = const { RefCell::new(None) };
    /// Which program this is ("app", or "more" for the pages loaded when they open): each
    /// has its own worker, because each numbers its own requests.
    static OWNER: std::cell::Cell<&'static str> = const { std::cell::Cell::new("app") };
}

/// Names the program these tools belong to (see `OWNER`); the app itself need not call it.
pub fn set_owner(owner: &'static str) {
    OWNER.with(|cell| cell.set(owner));
}

/// Ends the tools and answers everything still waiting with `trouble`. The next request starts
/// them again.
fn give_up(trouble: Trouble) {
    let tools = TOOLS.with(|cell| cell.borrow_mut().take());
    if let Some(tools) = tools {
        tools.worker.terminate();
        let waiting: Vec<_> = tools.waiting.borrow_mut().drain(..).collect();
        for (_, then, _) in waiting {
            then(Err(trouble));
        }
    }
}

fn start() -> Option<Tools> {
    let owner = JsValue::from_str(OWNER.with(|cell| cell.get()));
    let worker = super::exit::safety_net("startTools", &[owner])?
        .dyn_into::<Worker>()
        .ok()?;
    let waiting: Waiting = Default::default();
    let on_message = {
        let waiting = waiting.clone();
        Closure::<dyn Fn(MessageEvent)>::new(move |event: MessageEvent| {
            let bytes = js_sys::Uint8Array::new(&event.data()).to_vec();
            match decode_reply(&bytes) {
                Heard::Reply(id, reply) => {
                    let then = {
                        let mut waiting = waiting.borrow_mut();
                        let at = waiting.iter().position(|(w, _, _)| *w == id);
                        at.map(|at| waiting.remove(at).1)
                    };
                    // No routing file: the page says the letter could not be made, and
                    // offers a reload.
                    let reply = match reply {
                        Reply::RoutesUnavailable => Err(Trouble::Broken),
                        reply => Ok(reply),
                    };
                    if let Some(then) = then {
                        then(reply);
                    }
                }
                // Let the message handler finish before the worker is ended.
                Heard::OtherVersion => {
                    Timeout::new(0, || give_up(Trouble::Updated)).forget();
                }
                Heard::Unreadable => {}
            }
        })
    };
    let on_error = Closure::<dyn Fn(web_sys::Event)>::new(|_| {
        Timeout::new(0, || give_up(Trouble::Broken)).forget();
    });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    Some(Tools {
        worker,
        next_id: 0,
        waiting,
        places_asked: false,
        _on_message: on_message,
        _on_error: on_error,
    })
}

/// Runs `act` with the letter tools, starting them first if they are not (or no longer)
/// running; `None` when they cannot start.
fn with_tools<R>(act: impl FnOnce(&mut Tools) -> R) -> Option<R> {
    TOOLS.with(|cell| {
        let mut cell = cell.borrow_mut();
        if cell.is_none() {
            *cell = start();
        }
        cell.as_mut().map(act)
    })
}

/// Asks the letter tools to fetch the place table (every UK postcode district), once the
/// "Where" question has opened: once for each start of the tools, however often the question
/// asks. They fetch it from this app's own address; the service worker keeps it for offline
/// use.
pub fn load_places() {
    with_tools(|tools| {
        if !tools.places_asked {
            let sent = tools.worker.post_message(&JsValue::from_str("load-places"));
            tools.places_asked = sent.is_ok();
        }
    });
}

/// Sends `request` to the letter tools; `then` runs once, with the reply or the trouble.
pub fn ask(request: &Request, then: impl FnOnce(Result<Reply, Trouble>) + 'static) {
    let mut then: Option<Then> = Some(Box::new(then));
    with_tools(|tools| {
        tools.next_id = tools.next_id.wrapping_add(1);
        let id = tools.next_id;
        let Some(bytes) = encode_request(id, request) else {
            return;
        };
        let sent = tools
            .worker
            .post_message(&js_sys::Uint8Array::from(&bytes[..]));
        if let (Ok(()), Some(then)) = (sent, then.take()) {
            let timer = Timeout::new(WAIT_MS, || give_up(Trouble::Slow));
            tools.waiting.borrow_mut().push((id, then, timer));
        }
    });
    // Not sent: answer at once, but outside the borrow above (`then` may ask again).
    if let Some(then) = then {
        Timeout::new(0, move || then(Err(Trouble::Broken))).forget();
    }
}
