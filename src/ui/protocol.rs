//! The messages between the page and the analysis worker (JSON strings over `postMessage`).
//!
//! The page and the worker are one wasm module (`src/main.rs` picks the side), so both
//! compile this one file and cannot drift apart. Every request carries a monotonic id; the
//! page drops replies whose id is not the newest it sent. Code is analysed only by [`answer`]:
//! in the worker, and on the page for small texts (`on_page.rs`; see `ARCHITECTURE.md`).
//!
//! A reply lists only the findings the page does not already hold ([`Delta`]): a request
//! names the analysis the page shows (`base`); when that is the handler's last reply, a
//! finding equal to one of it (moved by the edit between the two texts) is sent as a
//! reference. A keystroke in a file of 566 findings went from 584 KB of JSON encoded,
//! posted and decoded to the few findings the edit touched.

use gocompat::{Analysis, Context, Diagnostic};
use serde::{Deserialize, Serialize};

/// An analysis of Go code.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Request {
    pub id: u64,
    pub code: String,
    pub ctx: Context,
    /// The id of the analysis the page holds and can take findings from (see [`Delta`]).
    #[serde(default)]
    pub base: Option<u64>,
    /// When set, the text is that of request `splice.of` with bytes `start..end` replaced
    /// by `code` ([`Request::spliced`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub splice: Option<Splice>,
}

/// An edit of the text of an earlier request (see [`Request::splice`]).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Splice {
    pub of: u64,
    pub start: usize,
    pub end: usize,
}

impl Request {
    /// This request sent as an edit of request `of`'s text `known`: the bytes between
    /// their common prefix and suffix (cut at character boundaries). A keystroke in a file
    /// of 10,000 lines sends a character, not 232 KB of JSON to encode, copy and decode.
    pub fn spliced(&self, of: u64, known: &str) -> Request {
        let (start, end, new_end) = gocompat::span::edit_region(known, &self.code);
        Request {
            id: self.id,
            code: self.code[start..new_end].to_string(),
            ctx: self.ctx.clone(),
            base: self.base,
            splice: Some(Splice { of, start, end }),
        }
    }
}

/// The findings of a reply that the page takes from the analysis it holds (`base`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Delta {
    pub base: u64,
    /// (index in the whole list, index in the base's list, byte shift): the base's finding
    /// moved by the shift. The reply's own list holds the others, in order.
    pub reused: Vec<(u32, u32, i64)>,
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
    /// The analysis of request `id` (with `delta`, some findings are in the base: [`merge`]).
    Done {
        id: u64,
        analysis: Box<Analysis>,
        millis: f64,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        delta: Option<Delta>,
    },
    /// The request could not be read (a bug: the page and the worker disagree).
    Failed { id: u64, error: String },
    /// Request `id` is an edit of a text the worker does not hold (it was restarted, or
    /// missed a request): the page sends the whole text.
    Resend { id: u64 },
}

thread_local! {
    /// One parser for the worker's life: each keystroke's text is parsed incrementally
    /// from the previous one, and the findings of functions the edit did not touch are kept
    /// (`gocompat::analyzer::Reparser::for_typing`).
    static REPARSER: std::cell::RefCell<gocompat::analyzer::Reparser> =
        std::cell::RefCell::new(gocompat::analyzer::Reparser::for_typing());
    /// The last reply's id, text and findings (all of them).
    static LAST: std::cell::RefCell<Option<(u64, String, Vec<Diagnostic>)>> =
        const { std::cell::RefCell::new(None) };
    /// What the last reply replaced, freed by [`after_reply`].
    static RETIRED: std::cell::RefCell<Option<(u64, String, Vec<Diagnostic>)>> =
        const { std::cell::RefCell::new(None) };
}

/// The id of the last request this instance analysed: the text it holds, of which a request
/// may send an edit.
pub fn last_id() -> Option<u64> {
    LAST.with(|last| last.borrow().as_ref().map(|l| l.0))
}

/// Once the reply is posted (the worker) or the key's frame is painted (the page): frees what
/// the last request is done with (the old tree, after a fresh parse, costs milliseconds), off
/// the keystroke's path.
pub fn after_reply() {
    REPARSER.with(|p| p.borrow_mut().release());
    RETIRED.with(|r| r.borrow_mut().take());
}

/// The worker's side: one request in, one reply out. Never panics.
pub fn handle(request: &str, now: impl Fn() -> f64) -> Reply {
    match serde_json::from_str::<ToWorker>(request) {
        Ok(ToWorker::Analyze(r)) => answer(r, now),
        Err(e) => Reply::Failed { id: 0, error: e.to_string() },
    }
}

/// One analysis request answered, by the worker ([`handle`]) or, for a small text, by the page
/// itself in the task that changed the text (`on_page::OnPage::send`). Each wasm
/// instance has its own parser and last reply. Never panics.
pub fn answer(mut r: Request, now: impl Fn() -> f64) -> Reply {
    let t0 = now();
    if let Some(Splice { of, start, end }) = r.splice.take() {
        let whole = LAST.with(|last| {
            let last = last.borrow();
            let (_, text, _) = last.as_ref().filter(|l| l.0 == of)?;
            let (before, after) = (text.get(..start)?, text.get(end..)?);
            (start <= end).then(|| [before, &r.code, after].concat())
        });
        match whole {
            Some(whole) => r.code = whole,
            None => return Reply::Resend { id: r.id },
        }
    }
    let mut analysis = REPARSER.with(|p| gocompat::analyzer::analyze_with(&r.code, &r.ctx, &mut p.borrow_mut()));
    let all = std::mem::take(&mut analysis.diagnostics);
    let delta = LAST.with(|last| {
        let last = last.borrow();
        let (base_id, base_code, base) = last.as_ref().filter(|l| Some(l.0) == r.base)?;
        let (delta, fresh) = diff(base_code, base, &r.code, &all);
        analysis.diagnostics = fresh.into_iter().cloned().collect();
        Some(Delta { base: *base_id, reused: delta })
    });
    if delta.is_none() {
        analysis.diagnostics = all.clone();
    }
    let old = LAST.with(|last| last.borrow_mut().replace((r.id, r.code, all)));
    RETIRED.with(|slot| *slot.borrow_mut() = old);
    Reply::Done { id: r.id, analysis: Box::new(analysis), millis: now() - t0, delta }
}

/// Which findings of `new` (of the text `new_code`) are findings of `base` (of `base_code`)
/// moved by the edit between the two texts (not at all, or by the change in length): the
/// references, and the others in order. A reference is only made to a finding that, moved,
/// equals the new one in every field, so the page rebuilds exactly the worker's list.
pub fn diff<'a>(
    base_code: &str,
    base: &[Diagnostic],
    new_code: &str,
    new: &'a [Diagnostic],
) -> (Vec<(u32, u32, i64)>, Vec<&'a Diagnostic>) {
    let delta = new_code.len() as i64 - base_code.len() as i64;
    let shifts: &[i64] = if delta == 0 { &[0] } else { &[0, delta] };
    let mut by_span = std::collections::HashMap::new();
    for (j, d) in base.iter().enumerate() {
        for &sh in shifts {
            let at = (d.span.start as i64 + sh, d.span.end as i64 + sh, d.rule.as_str());
            by_span.entry(at).or_insert_with(Vec::new).push((j, sh));
        }
    }
    let (mut reused, mut fresh) = (Vec::new(), Vec::new());
    for (i, d) in new.iter().enumerate() {
        let at = (d.span.start as i64, d.span.end as i64, d.rule.as_str());
        let found = by_span.get(&at).and_then(|c| c.iter().find(|(j, sh)| equal_moved(&base[*j], *sh, d)));
        match found {
            Some(&(j, sh)) => reused.push((i as u32, j as u32, sh)),
            None => fresh.push(d),
        }
    }
    (reused, fresh)
}

/// Whether `b` moved by `shift` bytes is `d` (what `Diagnostic::shifted` then makes of it), without
/// a copy. Every field is named, so a new field cannot be forgotten.
fn equal_moved(b: &Diagnostic, shift: i64, d: &Diagnostic) -> bool {
    let Diagnostic { rule, severity, span, message, explanation, source_url, godebug, fix, sides } = b;
    let moved = |s: &gocompat::Span, t: &gocompat::Span| {
        s.start as i64 + shift == t.start as i64 && s.end as i64 + shift == t.end as i64
    };
    let fix_equal = match (fix, &d.fix) {
        (None, None) => true,
        (Some(gocompat::Fix { title, applicability, reason, edits }), Some(g)) => {
            *title == g.title
                && *applicability == g.applicability
                && *reason == g.reason
                && edits.len() == g.edits.len()
                && edits.iter().zip(&g.edits).all(|(x, y)| {
                    let gocompat::TextEdit { span, new_text } = x;
                    moved(span, &y.span) && *new_text == y.new_text
                })
        }
        _ => false,
    };
    moved(span, &d.span)
        && fix_equal
        && *rule == d.rule
        && *severity == d.severity
        && *message == d.message
        && *explanation == d.explanation
        && *source_url == d.source_url
        && *godebug == d.godebug
        && *sides == d.sides
}

/// The page's side of a [`Delta`]: puts the referenced findings of `base` (the analysis
/// with id `delta.base`) back into `analysis`. An error (a reference out of range) means
/// the reply cannot be used.
pub fn merge(base: &[Diagnostic], analysis: &mut Analysis, delta: &Delta) -> Result<(), String> {
    let total = analysis.diagnostics.len() + delta.reused.len();
    let mut fresh = std::mem::take(&mut analysis.diagnostics).into_iter();
    let mut refs = delta.reused.iter().peekable();
    let mut out = Vec::with_capacity(total);
    for i in 0..total {
        match refs.peek() {
            Some(&&(at, j, sh)) if at as usize == i => {
                refs.next();
                let d = base.get(j as usize).ok_or("a reference past the base's findings")?;
                out.push(d.shifted(sh as isize).ok_or("a reference moved before the text")?);
            }
            _ => out.push(fresh.next().ok_or("fewer findings than references say")?),
        }
    }
    if refs.next().is_some() || fresh.next().is_some() {
        return Err("references out of order".into());
    }
    analysis.diagnostics = out;
    Ok(())
}
