//! The highlighted copy of the code under the textarea: token colours plus one `<mark>`
//! per hazard span (`data-rule`, `data-idx`, `class="sev-…"`). User code is only ever a
//! text node here.

use super::highlight::Token;
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

fn text_run(src: &str, start: usize, end: usize, class: Option<&'static str>) -> Html {
    let text = src.get(start..end).unwrap_or("").to_string();
    match class {
        Some(c) => html! { <span class={c}>{text}</span> },
        None => html! { {text} },
    }
}

fn mark_el(m: &MarkSpan, active: Option<usize>, children: Vec<Html>) -> Html {
    let class = classes!(
        format!("sev-{}", m.severity),
        (active == Some(m.idx)).then_some("active"),
        (m.start == m.end).then_some("empty")
    );
    html! {
        <mark class={class} data-rule={m.rule.clone()} data-idx={m.idx.to_string()}>{for children}</mark>
    }
}

/// Renders `src` with `tokens` (sorted, disjoint) and `marks` (any order, may overlap; the
/// innermost mark wins where they do).
pub fn render(src: &str, tokens: &[Token], marks: &[MarkSpan], active: Option<usize>) -> Html {
    let len = src.len();
    let mut bounds: Vec<usize> = Vec::with_capacity(tokens.len() * 2 + marks.len() * 2 + 2);
    bounds.push(0);
    bounds.push(len);
    for t in tokens {
        bounds.push(t.start.min(len));
        bounds.push(t.end.min(len));
    }
    for m in marks {
        bounds.push(m.start.min(len));
        bounds.push(m.end.min(len));
    }
    bounds.retain(|&b| src.is_char_boundary(b));
    bounds.sort_unstable();
    bounds.dedup();

    let mut sorted: Vec<&MarkSpan> = marks.iter().filter(|m| m.end <= len && m.start <= m.end).collect();
    sorted.sort_by_key(|m| (m.start, std::cmp::Reverse(m.end)));
    let (empty, spans): (Vec<&MarkSpan>, Vec<&MarkSpan>) = sorted.into_iter().partition(|m| m.start == m.end);

    let mut out: Vec<Html> = Vec::new();
    let mut group: Vec<Html> = Vec::new();
    let mut group_mark: Option<&MarkSpan> = None;
    let mut tok_i = 0;
    let mut empty_i = 0;
    let mut span_i = 0;
    let mut active_marks: Vec<&MarkSpan> = Vec::new();

    let flush = |out: &mut Vec<Html>, group: &mut Vec<Html>, gm: Option<&MarkSpan>| {
        if group.is_empty() {
            return;
        }
        let children = std::mem::take(group);
        match gm {
            Some(m) => out.push(mark_el(m, active, children)),
            None => out.extend(children),
        }
    };

    for w in bounds.windows(2) {
        let (a, b) = (w[0], w[1]);
        // Zero-width marks at `a`.
        while empty_i < empty.len() && empty[empty_i].start <= a {
            if empty[empty_i].start == a {
                flush(&mut out, &mut group, group_mark);
                group_mark = None;
                out.push(mark_el(empty[empty_i], active, Vec::new()));
            }
            empty_i += 1;
        }
        while span_i < spans.len() && spans[span_i].start <= a {
            active_marks.push(spans[span_i]);
            span_i += 1;
        }
        active_marks.retain(|m| m.end > a);
        let top = active_marks.iter().filter(|m| m.start <= a && m.end >= b).min_by_key(|m| m.end - m.start).copied();
        while tok_i < tokens.len() && tokens[tok_i].end <= a {
            tok_i += 1;
        }
        let class = tokens.get(tok_i).filter(|t| t.start <= a && t.end >= b).map(|t| t.class);
        if top.map(|m| m.idx) != group_mark.map(|m| m.idx) {
            flush(&mut out, &mut group, group_mark);
            group_mark = top;
        }
        group.push(text_run(src, a, b, class));
    }
    flush(&mut out, &mut group, group_mark);
    for m in &empty[empty_i..] {
        if m.start == len {
            out.push(mark_el(m, active, Vec::new()));
        }
    }
    html! { <>{for out}</> }
}
