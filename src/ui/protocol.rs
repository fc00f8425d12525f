//! The messages between the page and the analysis worker (JSON strings over `postMessage`).
//!
//! The page and the worker are one wasm module (`src/main.rs` picks the side), so both
//! compile this one file and cannot drift apart. Every request carries a monotonic id; the
//! page drops replies whose id is not the newest it sent. Code analysis runs only in the
//! worker (see `ARCHITECTURE.md`).

use gocompat::{Analysis, Context};
use serde::{Deserialize, Serialize};

/// An analysis of Go code.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Request {
    pub id: u64,
    pub code: String,
    pub ctx: Context,
}

/// What the page sends.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum ToWorker {
    Analyze(Request),
}

#[derive(Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Reply {
    /// Sent once when the worker's wasm is initialised and it listens for requests.
    Ready,
    /// The analysis of request `id`.
    Done { id: u64, analysis: Box<Analysis>, millis: f64 },
    /// The request could not be read (a bug: the page and the worker disagree).
    Failed { id: u64, error: String },
}

/// The worker's side: one request in, one reply out. Never panics.
pub fn handle(request: &str, now: impl Fn() -> f64) -> Reply {
    match serde_json::from_str::<ToWorker>(request) {
        Ok(ToWorker::Analyze(r)) => {
            let t0 = now();
            // One parser for the worker's life: each keystroke's text is parsed
            // incrementally from the previous one, and the findings of functions the edit did
            // not touch are kept (`gocompat::analyzer::Reparser::for_typing`).
            thread_local! {
                static REPARSER: std::cell::RefCell<gocompat::analyzer::Reparser> =
                    std::cell::RefCell::new(gocompat::analyzer::Reparser::for_typing());
            }
            let analysis = REPARSER.with(|p| gocompat::analyzer::analyze_with(&r.code, &r.ctx, &mut p.borrow_mut()));
            Reply::Done { id: r.id, analysis: Box::new(analysis), millis: now() - t0 }
        }
        Err(e) => Reply::Failed { id: 0, error: e.to_string() },
    }
}
