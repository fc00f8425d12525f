//! The page's side of the analysis worker: starts `worker_loader.js` (Trunk's loader shim
//! for the `worker` bin), forwards analysis replies and failures to the app as
//! [`WorkerEvent`]s, and answers the go env view's requests ([`request_env`]).
//!
//! Messages posted before the worker says [`Reply::Ready`] would be lost (its wasm installs
//! the message handler only once it is initialised), so they are queued until then.

use super::env_model::{EnvInputs, EnvModel};
use super::protocol::{EnvRequest, Reply, Request, ToWorker};
use std::cell::{Cell, RefCell};
use std::rc::{Rc, Weak};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{ErrorEvent, Event, MessageEvent, Worker};
use yew::Callback;

/// Where Trunk puts the worker's loader (see index.html, `data-loader-shim`).
pub const WORKER_URL: &str = "./worker_loader.js";

pub enum WorkerEvent {
    Reply(Reply),
    /// The worker could not start or crashed: nothing can be analysed.
    Failed(String),
}

/// What the go env view gets back: the model, or why the worker cannot compute it.
pub type EnvResult = Result<Rc<EnvModel>, String>;

struct Inner {
    worker: Worker,
    ready: Cell<bool>,
    /// JSON messages waiting for the worker to be ready.
    queue: RefCell<Vec<String>>,
    /// The newest env request's id and who wants its answer (older ones are dropped).
    env_waiter: RefCell<Option<(u64, Callback<EnvResult>)>>,
    env_id: Cell<u64>,
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
        let waiter = self.env_waiter.borrow_mut().take();
        if let Some((_, cb)) = waiter {
            cb.emit(Err(reason.to_string()));
        }
    }
}

thread_local! {
    /// The running worker, for components that do not own it (the go env view).
    static CURRENT: RefCell<Weak<Inner>> = const { RefCell::new(Weak::new()) };
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

/// One message from the worker: env replies go to the env view, the rest to the app.
fn deliver(inner: &Inner, ev: &Callback<WorkerEvent>, data: Option<String>) {
    let reply = match data.map(|s| serde_json::from_str::<Reply>(&s)) {
        Some(Ok(reply)) => reply,
        Some(Err(err)) => return failed(inner, ev, format!("unreadable reply from the worker: {err}")),
        None => return failed(inner, ev, "the worker sent a non-text message".to_string()),
    };
    match reply {
        Reply::EnvDone { id, model } => {
            let waiter = inner.env_waiter.borrow_mut().take();
            match waiter {
                Some((want, cb)) if want == id => cb.emit(Ok(Rc::new(*model))),
                other => *inner.env_waiter.borrow_mut() = other,
            }
        }
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
            None => (Worker::new(WORKER_URL).map_err(|e| format!("{e:?}"))?, Vec::new()),
        };
        let inner = Rc::new(Inner {
            worker,
            ready: Cell::new(false),
            queue: RefCell::new(Vec::new()),
            env_waiter: RefCell::new(None),
            env_id: Cell::new(0),
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
        CURRENT.with(|c| *c.borrow_mut() = Rc::downgrade(&inner));
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

/// Asks the worker for the go env view's model of `inputs`; `done` gets the answer unless a
/// newer env request replaces this one first. Without a worker, `done` gets the reason at once.
pub fn request_env(inputs: &EnvInputs, page_default_from: &str, done: Callback<EnvResult>) {
    let Some(inner) = CURRENT.with(|c| c.borrow().upgrade()) else {
        done.emit(Err("it has not been started".into()));
        return;
    };
    let id = inner.env_id.get() + 1;
    inner.env_id.set(id);
    let req = ToWorker::Env(EnvRequest { id, inputs: inputs.clone(), page_default_from: page_default_from.into() });
    let text = match serde_json::to_string(&req) {
        Ok(t) => t,
        Err(e) => {
            done.emit(Err(e.to_string()));
            return;
        }
    };
    *inner.env_waiter.borrow_mut() = Some((id, done.clone()));
    if let Err(e) = inner.post(text) {
        *inner.env_waiter.borrow_mut() = None;
        done.emit(Err(e));
    }
}
