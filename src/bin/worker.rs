//! The analysis Web Worker (built by Trunk as `data-type="worker"`): receives
//! [`protocol::ToWorker`] requests as JSON strings (Go code to analyse, `go env` output to
//! resolve), answers with [`protocol::Reply`]s. Every core computation of the page runs here.
//! On native targets this binary does nothing (the CLI is `gocompat`).

#[cfg(target_arch = "wasm32")]
#[path = "../ui/env_model.rs"]
mod env_model;
#[cfg(target_arch = "wasm32")]
#[path = "../ui/protocol.rs"]
mod protocol;

#[cfg(target_arch = "wasm32")]
fn main() {
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;
    use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

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
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    post(&scope, &protocol::Reply::Ready);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("worker: this binary is the browser app's analysis worker; use `gocompat` on the command line");
}
