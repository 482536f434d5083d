//! Notices when nobody has touched the page for a while, for people on shared computers.
//!
//! Any key, click, tap, scroll or typing counts as activity. The check runs once a second on the
//! device's clock; nothing is sent anywhere.

use gloo::events::EventListener;
use gloo::timers::callback::Interval;
use std::cell::Cell;
use std::rc::Rc;

/// What the watcher reports.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IdleEvent {
    /// Quiet for the warning time: ask "Are you still there?".
    Warn,
    /// Activity again after a warning.
    Active,
    /// Quiet for the clearing time: clear everything.
    Clear,
}

/// Keeps its listeners and timer alive; dropping it stops watching.
pub struct IdleWatch {
    _listeners: Vec<EventListener>,
    _timer: Interval,
}

/// Watches for inactivity: `report(Warn)` after `warn_ms`, `report(Clear)` after `clear_ms`,
/// `report(Active)` when the person comes back after a warning.
pub fn watch(warn_ms: f64, clear_ms: f64, report: Rc<dyn Fn(IdleEvent)>) -> IdleWatch {
    let last = Rc::new(Cell::new(js_sys::Date::now()));
    let warned = Rc::new(Cell::new(false));
    let window = super::window();
    let listeners = ["keydown", "pointerdown", "input", "scroll", "touchstart"]
        .into_iter()
        .map(|name| {
            let last = last.clone();
            let warned = warned.clone();
            let report = report.clone();
            EventListener::new(&window, name, move |_| {
                last.set(js_sys::Date::now());
                if warned.replace(false) {
                    report(IdleEvent::Active);
                }
            })
        })
        .collect();
    let timer = Interval::new(1000, move || {
        let quiet = js_sys::Date::now() - last.get();
        if quiet >= clear_ms {
            last.set(js_sys::Date::now());
            warned.set(false);
            report(IdleEvent::Clear);
        } else if quiet >= warn_ms && !warned.get() {
            warned.set(true);
            report(IdleEvent::Warn);
        }
    });
    IdleWatch {
        _listeners: listeners,
        _timer: timer,
    }
}
