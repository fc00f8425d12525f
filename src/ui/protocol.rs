//! The messages between the page and the analysis worker (JSON strings over `postMessage`).
//!
//! Shared by `src/ui` and `src/bin/worker.rs` (included there with `#[path]`), so the two
//! sides cannot drift apart. Every request carries a monotonic id; the page drops replies
//! whose id is not the newest it sent.

use gocompat::{Analysis, Context};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Request {
    pub id: u64,
    pub code: String,
    pub ctx: Context,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
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
#[allow(dead_code)] // used by the worker bin only
pub fn handle(request: &str, now: impl Fn() -> f64) -> Reply {
    match serde_json::from_str::<Request>(request) {
        Ok(r) => {
            let t0 = now();
            let analysis = gocompat::analyze(&r.code, &r.ctx);
            Reply::Done { id: r.id, analysis: Box::new(analysis), millis: now() - t0 }
        }
        Err(e) => Reply::Failed { id: 0, error: e.to_string() },
    }
}
