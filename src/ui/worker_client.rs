//! The page's side of the analysis worker: starts `worker_loader.js` (Trunk's loader shim
//! for the `worker` bin), forwards replies and failures to the app as [`WorkerEvent`]s.

use super::protocol::{Reply, Request};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{ErrorEvent, Event, MessageEvent, Worker};
use yew::Callback;

/// Where Trunk puts the worker's loader (see index.html, `data-loader-shim`).
pub const WORKER_URL: &str = "./worker_loader.js";

pub enum WorkerEvent {
    Reply(Reply),
    /// The worker could not start or crashed: analysis falls back to the main thread.
    Failed(String),
}

pub struct WorkerClient {
    worker: Worker,
    _on_message: Closure<dyn FnMut(MessageEvent)>,
    _on_error: Closure<dyn FnMut(Event)>,
}

impl WorkerClient {
    pub fn start(events: Callback<WorkerEvent>) -> Result<Self, String> {
        let worker = Worker::new(WORKER_URL).map_err(|e| format!("{e:?}"))?;
        let ev = events.clone();
        let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |e: MessageEvent| {
            let event = match e.data().as_string().map(|s| serde_json::from_str::<Reply>(&s)) {
                Some(Ok(reply)) => WorkerEvent::Reply(reply),
                Some(Err(err)) => WorkerEvent::Failed(format!("unreadable reply from the worker: {err}")),
                None => WorkerEvent::Failed("the worker sent a non-text message".into()),
            };
            ev.emit(event);
        });
        let on_error = Closure::<dyn FnMut(Event)>::new(move |e: Event| {
            e.prevent_default();
            // A script that fails to load gives a plain Event; an exception an ErrorEvent.
            let msg = e.dyn_ref::<ErrorEvent>().map(|e| e.message()).unwrap_or_default();
            events.emit(WorkerEvent::Failed(if msg.is_empty() { "its script failed to load".into() } else { msg }));
        });
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        Ok(WorkerClient { worker, _on_message: on_message, _on_error: on_error })
    }

    pub fn send(&self, request: &Request) -> Result<(), String> {
        let text = serde_json::to_string(request).map_err(|e| e.to_string())?;
        self.worker.post_message(&JsValue::from_str(&text)).map_err(|e| format!("{e:?}"))
    }
}

impl Drop for WorkerClient {
    fn drop(&mut self) {
        self.worker.set_onmessage(None);
        self.worker.set_onerror(None);
        self.worker.terminate();
    }
}
