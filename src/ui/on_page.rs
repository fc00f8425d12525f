//! Analysis on the page itself, for small texts: in the task that changed the text, so that a
//! typed key's findings are painted in the key's own frame.
//!
//! An analysis in the worker cannot be painted there, however fast: Chromium hands the page a
//! worker's message only after the frame of the input that caused it has been presented
//! (`scripts/bench-browser.mjs` measures a bare page whose worker answers 2 ms after each key:
//! its answer is painted a frame after the key). Small texts take a few milliseconds to analyse
//! after a keystroke, less than that wait; which texts are small is [`Route`]'s decision (every
//! larger text goes to the worker, so typing never waits long for an analysis). The page runs
//! the worker's own request handler ([`protocol::answer`]) in its own wasm instance, with its
//! own parser and last reply: the two cannot disagree on what a request means.

use super::protocol::{self, Reply, Request};
use super::route::Route;
use super::worker_client::WorkerEvent;
use std::cell::{Cell, RefCell};
use yew::Callback;

pub struct OnPage {
    events: Callback<WorkerEvent>,
    route: RefCell<Route>,
    /// The id of the last request answered here.
    answered: Cell<Option<u64>>,
}

impl OnPage {
    /// Replies go to `events`, as the worker's do.
    pub fn new(events: Callback<WorkerEvent>) -> Self {
        OnPage { events, route: RefCell::new(Route::default()), answered: Cell::new(None) }
    }

    /// Whether a text of `len` bytes is analysed here ([`Route`]).
    pub fn takes(&self, len: usize) -> bool {
        self.route.borrow_mut().on_page(len, now_ms())
    }

    /// Whether request `id` was answered here (else by the worker).
    pub fn answered(&self, id: u64) -> bool {
        self.answered.get() == Some(id)
    }

    /// The id of the request whose text the page holds (an edit of it can be sent here).
    pub fn holds(&self) -> Option<u64> {
        protocol::last_id()
    }

    /// Answers `request`, whose whole text is `len` bytes long (the request may carry only an
    /// edit of it). Yew handles the reply once the message being handled is done, in the same
    /// task: before the browser next renders.
    pub fn send(&self, request: &Request, len: usize) {
        let edited = request.splice.map(|s| s.end.saturating_sub(s.start) + request.code.len());
        let reply = protocol::answer(request.clone(), now_ms);
        self.answered.set(Some(request.id));
        if let Reply::Done { millis, .. } = &reply {
            self.route.borrow_mut().record(edited, *millis, len, now_ms());
        }
        self.events.emit(WorkerEvent::Reply(reply));
        // What the request is done with (the old tree, after a fresh parse) is freed after the
        // key's frame, not before it.
        gloo_timers::callback::Timeout::new(0, protocol::after_reply).forget();
    }
}

/// The page's clock, in milliseconds (`performance.now()`, else the date).
fn now_ms() -> f64 {
    web_sys::window().and_then(|w| w.performance()).map(|p| p.now()).unwrap_or_else(js_sys::Date::now)
}
