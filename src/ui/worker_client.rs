//! The page's side of the analysis worker: starts `worker.js` (a module worker written by
//! `scripts/post_build.d/05-worker.sh`), hands it this page's compiled wasm module (the
//! worker runs the same module, so it neither downloads nor compiles it again), and forwards
//! analysis replies and failures to the app as [`WorkerEvent`]s.
//!
//! Messages posted before the worker says [`Reply::Ready`] would be lost (its wasm installs
//! the message handler only once it is initialised), so they are queued until then.

use super::protocol::{Reply, Request, ToWorker};
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{ErrorEvent, Event, MessageEvent, Worker, WorkerOptions, WorkerType};
use yew::Callback;

/// The worker's script (see www/worker.js; www/worker-boot.js starts it early).
pub const WORKER_URL: &str = "./worker.js";

pub enum WorkerEvent {
    Reply(Reply),
    /// The worker could not start or crashed: nothing can be analysed.
    Failed(String),
}

struct Inner {
    worker: Worker,
    ready: Cell<bool>,
    /// JSON messages waiting for the worker to be ready.
    queue: RefCell<Vec<String>>,
    failed: RefCell<Option<String>>,
}

impl Inner {
    fn post(&self, text: String) -> Result<(), String> {
        if let Some(reason) = self.failed.borrow().as_ref() {
            return Err(reason.clone());
        }
        if !self.ready.get() {
            self.queue.borrow_mut().push(text);
            return Ok(());
        }
        self.worker.post_message(&JsValue::from_str(&text)).map_err(|e| format!("{e:?}"))
    }

    fn fail(&self, reason: &str) {
        *self.failed.borrow_mut() = Some(reason.to_string());
        self.queue.borrow_mut().clear();
    }
}

enum Early {
    Message(Option<String>),
    Error(String),
}

/// Takes the worker started by www/worker-boot.js (once) and what it has said so far.
fn adopt_boot_worker() -> Option<(Worker, Vec<Early>)> {
    let global = js_sys::global();
    let key = JsValue::from_str("__gocompatWorker");
    let boot = js_sys::Reflect::get(&global, &key).ok().filter(|v| v.is_object())?;
    let _ = js_sys::Reflect::delete_property(global.unchecked_ref::<js_sys::Object>(), &key);
    let worker: Worker = js_sys::Reflect::get(&boot, &JsValue::from_str("worker")).ok()?.dyn_into().ok()?;
    let early = js_sys::Reflect::get(&boot, &JsValue::from_str("early")).ok()?;
    let early: js_sys::Array = early.dyn_into().ok()?;
    let items = early
        .iter()
        .map(|v| match js_sys::Reflect::get(&v, &JsValue::from_str("error")).ok().and_then(|e| e.as_string()) {
            Some(msg) if v.is_object() => Early::Error(msg),
            _ => Early::Message(v.as_string()),
        })
        .collect();
    Some((worker, items))
}

fn failed(inner: &Inner, events: &Callback<WorkerEvent>, msg: String) {
    let reason = if msg.is_empty() { "its script failed to load".to_string() } else { msg };
    inner.fail(&reason);
    events.emit(WorkerEvent::Failed(reason));
}

/// One message from the worker, to the app.
fn deliver(inner: &Inner, ev: &Callback<WorkerEvent>, data: Option<String>) {
    let reply = match data.map(|s| serde_json::from_str::<Reply>(&s)) {
        Some(Ok(reply)) => reply,
        Some(Err(err)) => return failed(inner, ev, format!("unreadable reply from the worker: {err}")),
        None => return failed(inner, ev, "the worker sent a non-text message".to_string()),
    };
    match reply {
        Reply::Ready => {
            inner.ready.set(true);
            let queued = std::mem::take(&mut *inner.queue.borrow_mut());
            for text in queued {
                let _ = inner.post(text);
            }
            ev.emit(WorkerEvent::Reply(Reply::Ready));
        }
        other => ev.emit(WorkerEvent::Reply(other)),
    }
}

pub struct WorkerClient {
    inner: Rc<Inner>,
    _on_message: Closure<dyn FnMut(MessageEvent)>,
    _on_error: Closure<dyn FnMut(Event)>,
}

impl WorkerClient {
    pub fn start(events: Callback<WorkerEvent>) -> Result<Self, String> {
        // The worker www/worker-boot.js started while this wasm loaded, else a new one.
        let (worker, early) = match adopt_boot_worker() {
            Some(w) => w,
            None => {
                let opts = WorkerOptions::new();
                opts.set_type(WorkerType::Module);
                (Worker::new_with_options(WORKER_URL, &opts).map_err(|e| format!("{e:?}"))?, Vec::new())
            }
        };
        let inner = Rc::new(Inner {
            worker,
            ready: Cell::new(false),
            queue: RefCell::new(Vec::new()),
            failed: RefCell::new(None),
        });
        let weak = Rc::downgrade(&inner);
        let ev = events.clone();
        let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |e: MessageEvent| {
            if let Some(inner) = weak.upgrade() {
                deliver(&inner, &ev, e.data().as_string());
            }
        });
        let weak = Rc::downgrade(&inner);
        let ev = events.clone();
        let on_error = Closure::<dyn FnMut(Event)>::new(move |e: Event| {
            e.prevent_default();
            // A script that fails to load gives a plain Event; an exception an ErrorEvent.
            let msg = e.dyn_ref::<ErrorEvent>().map(|e| e.message()).unwrap_or_default();
            if let Some(inner) = weak.upgrade() {
                failed(&inner, &ev, msg);
            }
        });
        inner.worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        inner.worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        // The worker waits for this page's compiled module (www/worker.js).
        inner
            .worker
            .post_message(&wasm_bindgen::module())
            .map_err(|e| format!("cannot hand the wasm module to the worker: {e:?}"))?;
        // What the boot worker said before this listened (at most Ready, or an error).
        for item in early {
            match item {
                Early::Message(text) => deliver(&inner, &events, text),
                Early::Error(msg) => failed(&inner, &events, msg),
            }
        }
        Ok(WorkerClient { inner, _on_message: on_message, _on_error: on_error })
    }

    pub fn send(&self, request: &Request) -> Result<(), String> {
        let text = serde_json::to_string(&ToWorker::Analyze(request.clone())).map_err(|e| e.to_string())?;
        self.inner.post(text)
    }
}

impl Drop for WorkerClient {
    fn drop(&mut self) {
        self.inner.worker.set_onmessage(None);
        self.inner.worker.set_onerror(None);
        self.inner.worker.terminate();
        if self.inner.failed.borrow().is_none() {
            self.inner.fail("it was stopped");
        }
    }
}
