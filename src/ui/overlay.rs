//! The highlighted copy of the code under the textarea: token colours plus one `<mark>`
//! per hazard span and line (`data-rule`, `data-idx`, `class="sev-…"`). User code is only
//! ever a text node here.
//!
//! Each line is its own component (a `div.line` block) with value props, so a keystroke
//! re-renders and relays out the lines whose text, colours or marks changed, not the file.

use super::highlight::Token;
use std::rc::Rc;
use yew::prelude::*;

/// A diagnostic span mapped onto the current text.
#[derive(Debug, Clone, PartialEq)]
pub struct MarkSpan {
    pub start: usize,
    pub end: usize,
    /// Index into the analysis' diagnostics.
    pub idx: usize,
    pub rule: String,
    pub severity: &'static str,
}

#[derive(Debug, Clone, PartialEq)]
struct Run {
    text: String,
    class: Option<&'static str>,
}

#[derive(Debug, Clone, PartialEq)]
enum Piece {
    Plain(Run),
    Mark { idx: usize, rule: String, severity: &'static str, active: bool, empty: bool, runs: Vec<Run> },
}

#[derive(Properties, PartialEq)]
struct LineProps {
    pieces: Rc<Vec<Piece>>,
}

fn run_html(r: &Run) -> Html {
    match r.class {
        Some(c) => html! { <span class={c}>{r.text.clone()}</span> },
        None => html! { {r.text.clone()} },
    }
}

#[function_component(CodeLine)]
fn code_line(props: &LineProps) -> Html {
    html! {
        <div class="line">{for props.pieces.iter().map(|p| match p {
            Piece::Plain(r) => run_html(r),
            Piece::Mark { idx, rule, severity, active, empty, runs } => {
                let class = classes!(format!("sev-{severity}"), active.then_some("active"), empty.then_some("empty"));
                html! { <mark class={class} data-rule={rule.clone()} data-idx={idx.to_string()}>{for runs.iter().map(run_html)}</mark> }
            }
        })}</div>
    }
}

struct Builder<'a> {
    src: &'a str,
    active: Option<usize>,
    lines: Vec<Vec<Piece>>,
    line: Vec<Piece>,
    group: Vec<Run>,
    group_mark: Option<&'a MarkSpan>,
}

impl<'a> Builder<'a> {
    fn mark_piece(&self, m: &MarkSpan, runs: Vec<Run>) -> Piece {
        Piece::Mark {
            idx: m.idx,
            rule: m.rule.clone(),
            severity: m.severity,
            active: self.active == Some(m.idx),
            empty: m.start == m.end,
            runs,
        }
    }
    fn flush(&mut self) {
        if self.group.is_empty() {
            return;
        }
        let runs = std::mem::take(&mut self.group);
        let piece = match self.group_mark {
            Some(m) => self.mark_piece(m, runs),
            None => {
                for r in runs {
                    self.line.push(Piece::Plain(r));
                }
                return;
            }
        };
        self.line.push(piece);
    }
    /// Closes a line. Its newline is dropped: each line is its own block (`div.line`), so
    /// a change relays out one line, not one inline context holding the whole file.
    fn end_line(&mut self) {
        self.flush();
        let mut line = std::mem::take(&mut self.line);
        let runs = match line.last_mut() {
            Some(Piece::Plain(r)) => Some(std::slice::from_mut(r)),
            Some(Piece::Mark { runs, .. }) => Some(runs.as_mut_slice()),
            None => None,
        };
        if let Some(last) = runs.and_then(|r| r.last_mut()) {
            if last.text.ends_with('\n') {
                last.text.pop();
            }
        }
        self.lines.push(line);
    }
}

/// Renders lines `[first, last)` of `src` (line starts in `starts`, from
/// `LineIndex::line_starts`) with `tokens` (sorted, disjoint) and `marks` (any
/// order, may overlap; the innermost mark wins where they do). Exactly `last - first` line
/// blocks come out, keyed by their line number, so scrolling reuses the lines it keeps.
pub fn render(
    src: &str,
    starts: &[usize],
    (first, last): (usize, usize),
    tokens: &[Token],
    marks: &[MarkSpan],
    active: Option<usize>,
) -> Html {
    let len = src.len();
    let lo = starts.get(first).copied().unwrap_or(len).min(len);
    let hi = starts.get(last).copied().unwrap_or(len).clamp(lo, len);
    // Only what lies in [lo, hi] is cut into runs: the cost follows the window, not the file.
    let tok_from = tokens.partition_point(|t| t.end <= lo);
    let tok_to = tokens.partition_point(|t| t.start < hi).max(tok_from);
    let tokens = &tokens[tok_from..tok_to];
    let line_ends: Vec<usize> =
        starts.get(first + 1..).unwrap_or(&[]).iter().copied().take_while(|&e| e <= hi).collect();
    let mut bounds: Vec<usize> = Vec::with_capacity(tokens.len() * 2 + line_ends.len() + 2);
    bounds.push(lo);
    bounds.push(hi);
    bounds.extend(line_ends.iter().copied());
    for t in tokens {
        bounds.push(t.start.clamp(lo, hi));
        bounds.push(t.end.clamp(lo, hi));
    }
    for m in marks {
        if m.end >= lo && m.start <= hi {
            bounds.push(m.start.clamp(lo, hi));
            bounds.push(m.end.clamp(lo, hi));
        }
    }
    bounds.retain(|&b| src.is_char_boundary(b));
    bounds.sort_unstable();
    bounds.dedup();

    let mut sorted: Vec<&MarkSpan> =
        marks.iter().filter(|m| m.end <= len && m.start <= m.end && m.end >= lo && m.start <= hi).collect();
    sorted.sort_by_key(|m| (m.start, std::cmp::Reverse(m.end)));
    let (empty, spans): (Vec<&MarkSpan>, Vec<&MarkSpan>) = sorted.into_iter().partition(|m| m.start == m.end);

    let mut b = Builder { src, active, lines: Vec::new(), line: Vec::new(), group: Vec::new(), group_mark: None };
    let (mut tok_i, mut empty_i, mut span_i, mut le_i) = (0, 0, 0, 0);
    let mut active_marks: Vec<&MarkSpan> = Vec::new();

    for w in bounds.windows(2) {
        let (a, z) = (w[0], w[1]);
        while le_i < line_ends.len() && line_ends[le_i] <= a {
            if line_ends[le_i] == a {
                b.end_line();
                b.group_mark = None;
            }
            le_i += 1;
        }
        while empty_i < empty.len() && empty[empty_i].start <= a {
            if empty[empty_i].start == a {
                b.flush();
                b.group_mark = None;
                let p = b.mark_piece(empty[empty_i], Vec::new());
                b.line.push(p);
            }
            empty_i += 1;
        }
        while span_i < spans.len() && spans[span_i].start <= a {
            active_marks.push(spans[span_i]);
            span_i += 1;
        }
        active_marks.retain(|m| m.end > a);
        let top = active_marks.iter().filter(|m| m.start <= a && m.end >= z).min_by_key(|m| m.end - m.start).copied();
        while tok_i < tokens.len() && tokens[tok_i].end <= a {
            tok_i += 1;
        }
        let class = tokens.get(tok_i).filter(|t| t.start <= a && t.end >= z).map(|t| t.class);
        if top.map(|m| m.idx) != b.group_mark.map(|m| m.idx) {
            b.flush();
            b.group_mark = top;
        }
        b.group.push(Run { text: b.src.get(a..z).unwrap_or("").to_string(), class });
    }
    b.flush();
    if hi == len {
        for m in &empty[empty_i..] {
            if m.start == len {
                let p = b.mark_piece(m, Vec::new());
                b.line.push(p);
            }
        }
    }
    b.end_line();
    // The last line of a text ending in a newline is empty and has no run: draw it too.
    let want = last.saturating_sub(first);
    b.lines.truncate(want);
    b.lines.resize_with(want, Vec::new);
    html! { <>{for b.lines.into_iter().enumerate().map(|(i, pieces)| html! { <CodeLine key={first + i} pieces={Rc::new(pieces)} /> })}</> }
}
