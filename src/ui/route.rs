//! Which texts the page analyses itself (`super::on_page`) and which go to the worker: pure, so
//! that `tests/ui_pure.rs` checks it natively.
//!
//! The page takes texts up to [`MAX_BYTES`]: after a keystroke, a text of that size takes a few
//! milliseconds to analyse (`benches/keystroke.rs`: 0.55 ms natively at 1,000 lines, about 24
//! KB; 1.7–3.7 ms in Chromium's wasm), less than the wait for a worker's reply (see
//! `super::on_page`). Should three keystrokes in a row take longer than [`BUDGET_MS`] (a slow
//! device, an unusual text, a burst of load), texts as long as theirs or longer go to the worker
//! for [`RETRY_MS`], so that typing never waits long for an analysis; then the page tries again.
//! A whole text (a paste, a link, an example) is not a keystroke and does not count: the first
//! texts the page's wasm analyses run code not yet optimised (a 24 KB paste: 34–112 ms the
//! first time, 7–16 ms after).

/// Texts up to this many bytes are analysed on the page.
pub const MAX_BYTES: usize = 48 * 1024;

/// A keystroke's analysis on the page that takes longer than this is slow ([`Route`]).
pub const BUDGET_MS: f64 = 12.0;

/// How many slow keystrokes in a row send texts of their length to the worker.
pub const SLOW_KEYS: u32 = 3;

/// How long texts stay with the worker after slow keystrokes before the page tries them again.
pub const RETRY_MS: f64 = 60_000.0;

/// What counts as a keystroke: a request that edits at most this many bytes of the last text
/// (replaced and inserted).
pub const KEYSTROKE_BYTES: usize = 256;

#[derive(Debug, Clone, PartialEq)]
pub struct Route {
    /// Texts up to this many bytes are analysed on the page.
    max: usize,
    /// Slow keystrokes in a row.
    slow: u32,
    /// When `max` was last lowered (milliseconds, the caller's clock).
    lowered_at: f64,
}

impl Default for Route {
    fn default() -> Self {
        Route { max: MAX_BYTES, slow: 0, lowered_at: 0.0 }
    }
}

impl Route {
    /// Whether a text of `len` bytes is analysed on the page at time `now` (milliseconds).
    pub fn on_page(&mut self, len: usize, now: f64) -> bool {
        if self.max < MAX_BYTES && now - self.lowered_at >= RETRY_MS {
            self.max = MAX_BYTES;
        }
        len <= self.max
    }

    /// Records an analysis on the page of a text of `len` bytes that took `millis`, ending at
    /// `now`; `edited` is how many bytes of the last text the request replaced and inserted
    /// (`None`: a whole text).
    pub fn record(&mut self, edited: Option<usize>, millis: f64, len: usize, now: f64) {
        if !edited.is_some_and(|n| n <= KEYSTROKE_BYTES) {
            return;
        }
        self.slow = if millis > BUDGET_MS { self.slow + 1 } else { 0 };
        if self.slow >= SLOW_KEYS {
            self.max = self.max.min(len.saturating_sub(1));
            self.lowered_at = now;
            self.slow = 0;
        }
    }
}
