//! The messages between the page and the analysis worker (JSON strings over `postMessage`).
//!
//! Shared by `src/ui` and `src/bin/worker.rs` (included there with `#[path]`, next to
//! `env_model.rs`), so the two sides cannot drift apart. Every request carries a monotonic
//! id; the page drops replies whose id is not the newest it sent. All core computations run
//! in the worker: the page's wasm links no parser, rule or table (see `ARCHITECTURE.md`).

use super::env_model::{EnvInputs, EnvModel};
use gocompat::{Analysis, Context};
use serde::{Deserialize, Serialize};

/// An analysis of Go code.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Request {
    pub id: u64,
    pub code: String,
    pub ctx: Context,
}

/// A `go env` / GODEBUG resolution for the go env view.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct EnvRequest {
    pub id: u64,
    pub inputs: EnvInputs,
    /// The page's default From version (the env view's "detected version" choice).
    pub page_default_from: String,
}

/// What the page sends.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum ToWorker {
    Analyze(Request),
    Env(EnvRequest),
}

#[derive(Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Reply {
    /// Sent once when the worker's wasm is initialised and it listens for requests.
    Ready,
    /// The analysis of request `id`.
    Done { id: u64, analysis: Box<Analysis>, millis: f64 },
    /// The go env view's model for env request `id`.
    EnvDone { id: u64, model: Box<EnvModel> },
    /// The request could not be read (a bug: the page and the worker disagree).
    Failed { id: u64, error: String },
}

/// The worker's side: one request in, one reply out. Never panics.
#[allow(dead_code)] // used by the worker bin only
pub fn handle(request: &str, now: impl Fn() -> f64) -> Reply {
    match serde_json::from_str::<ToWorker>(request) {
        Ok(ToWorker::Analyze(r)) => {
            let t0 = now();
            // One parser for the worker's life: each keystroke's text is parsed
            // incrementally from the previous one (`gocompat::analyzer::Reparser`).
            thread_local! {
                static REPARSER: std::cell::RefCell<gocompat::analyzer::Reparser> = Default::default();
            }
            let analysis = REPARSER.with(|p| gocompat::analyzer::analyze_with(&r.code, &r.ctx, &mut p.borrow_mut()));
            Reply::Done { id: r.id, analysis: Box::new(analysis), millis: now() - t0 }
        }
        Ok(ToWorker::Env(r)) => {
            let model = super::env_model::compute(&r.inputs, &r.page_default_from, now);
            Reply::EnvDone { id: r.id, model: Box::new(model) }
        }
        Err(e) => Reply::Failed { id: 0, error: e.to_string() },
    }
}
