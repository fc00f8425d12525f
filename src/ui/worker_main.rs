//! The analysis Web Worker's side of the one wasm module: `src/main.rs` runs [`start`] when
//! the module is instantiated in a worker (`www/worker.js`, which receives the page's
//! compiled `WebAssembly.Module` rather than fetching and compiling the file again). It
//! receives [`protocol::ToWorker`] requests as JSON strings and answers with
//! [`protocol::Reply`]s. Code analysis runs here, except for small texts, which the page
//! analyses itself (`on_page.rs`) with the same handler.

use super::protocol;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

pub fn start() {
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let reply_scope = scope.clone();
    let post = move |scope: &DedicatedWorkerGlobalScope, reply: &protocol::Reply| {
        let text = serde_json::to_string(reply)
            .unwrap_or_else(|e| format!(r#"{{"kind":"failed","id":0,"error":"cannot encode the reply: {e}"}}"#));
        let _ = scope.post_message(&JsValue::from_str(&text));
    };
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |e: MessageEvent| {
        let now = || js_sys::Date::now();
        let reply = match e.data().as_string() {
            Some(text) => protocol::handle(&text, now),
            None => protocol::Reply::Failed { id: 0, error: "expected a JSON string".into() },
        };
        post(&reply_scope, &reply);
        drop(reply);
        protocol::after_reply();
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    post(&scope, &protocol::Reply::Ready);
}
