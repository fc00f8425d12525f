//! The findings panel: a count, findings grouped by severity (most severe first, then by
//! position), each with its details and fixes; an empty state naming what was checked.
//!
//! It is its own component ([`Panel`]) whose props are everything it shows: a keystroke
//! changes none of them (the panel lists the last analysis; the editor moves its marks), so
//! Yew skips the panel, its hundreds of nodes and their layout, until the next reply.

use super::app::{Current, Msg, PreviewKey};
use super::diff::{self, Line};
use gocompat::{apply_edits, apply_fixes, Applicability, Diagnostic, LineIndex, Severity};
use std::rc::Rc;
use yew::prelude::*;

/// Findings listed per severity before a "Show more" button (the editor marks them all).
const LIST_LIMIT: usize = 100;

#[derive(Properties, Clone)]
pub struct PanelProps {
    /// The analysis shown (compared by identity: a new reply is a new `Rc`).
    pub current: Option<Rc<Current>>,
    pub preview: Option<PreviewKey>,
    pub show_all: bool,
    pub active: Option<usize>,
    pub can_undo: bool,
    pub share_error: Option<String>,
    /// Nothing can analyse the text (the worker is unavailable and the text too large for
    /// the page): with no analysis, the panel says so rather than "Analysing…".
    pub unavailable: bool,
    /// The app's messages: one callback made once, so that equal props stay equal.
    pub send: Callback<Msg>,
}

impl PartialEq for PanelProps {
    fn eq(&self, o: &Self) -> bool {
        let same_current = match (&self.current, &o.current) {
            (Some(a), Some(b)) => Rc::ptr_eq(a, b),
            (None, None) => true,
            _ => false,
        };
        same_current
            && self.preview == o.preview
            && self.show_all == o.show_all
            && self.active == o.active
            && self.can_undo == o.can_undo
            && self.share_error == o.share_error
            && self.unavailable == o.unavailable
            && self.send == o.send
    }
}

#[function_component(Panel)]
pub fn panel(p: &PanelProps) -> Html {
    p.view()
}

impl PanelProps {
    fn view(&self) -> Html {
        let send = &self.send;
        let Some(cur) = self.current.as_deref() else {
            let what = if self.unavailable { "Not analysed" } else { "Analysing…" };
            return html! { <aside class="panel"><p id="diag-count" role="status">{what}</p><div id="diagnostics"></div></aside> };
        };
        let a = &cur.analysis;
        let n = a.diagnostics.len();
        let count = format!("{n} finding{}", if n == 1 { "" } else { "s" });
        let safe = a
            .diagnostics
            .iter()
            .filter(|d| d.fix.as_ref().is_some_and(|f| f.applicability == Applicability::Safe))
            .count();
        let li = LineIndex::new(&cur.code);
        let versions = format!("{} → {}", a.versions.from.version, a.versions.to.version);
        html! {
            <aside class="panel" aria-labelledby="diag-heading">
                <div class="pane-head">
                    <h2 id="diag-heading">{"Findings "}<span id="diag-count" role="status" aria-live="polite" aria-atomic="true">{count}</span></h2>
                    <p class="hint">{format!("{} rules for {versions}", a.rules_checked)}</p>
                </div>
                <div class="panel-actions">
                    <button type="button" id="apply-all-safe" disabled={safe == 0} onclick={send.reform(|_| Msg::ApplyAllSafe)}>
                        {format!("Apply all safe fixes ({safe})")}
                    </button>
                    {for (safe > 0).then(|| html! {
                        <button type="button" class="secondary" id="preview-all-safe" aria-pressed={(self.preview == Some(PreviewKey::AllSafe)).to_string()}
                            onclick={send.reform(|_| Msg::Preview(Some(PreviewKey::AllSafe)))}>{"Preview"}</button>
                    })}
                    <button type="button" class="secondary" id="undo" disabled={!self.can_undo} onclick={send.reform(|_| Msg::Undo)}>{"Undo"}</button>
                </div>
                {for (self.preview == Some(PreviewKey::AllSafe)).then(|| {
                    let fixes: Vec<_> = a.diagnostics.iter().filter_map(|d| d.fix.as_ref()).filter(|f| f.applicability == Applicability::Safe).collect();
                    let r = apply_fixes(&cur.code, fixes);
                    view_diff(&cur.code, &r.text)
                })}
                {for a.notes.iter().map(|note| html! { <p class="note">{note.clone()}</p> })}
                {for self.share_error.as_ref().map(|e| html! { <p class="note warn" id="share-error">{e.clone()}</p> })}
                <div id="diagnostics">
                    {if n == 0 {
                        html! { <p class="empty" id="empty-state">{format!("{} rules for {versions}: no hazards.", a.rules_checked)}</p> }
                    } else {
                        html! {
                            {for Severity::ALL.iter().map(|sev| {
                                let mut items: Vec<(usize, &Diagnostic)> = a.diagnostics.iter().enumerate().filter(|(_, d)| d.severity == *sev).collect();
                                if items.is_empty() { return html! {}; }
                                items.sort_by_key(|(_, d)| (d.span.start, d.span.end));
                                let heading = format!("{} ({})", capitalise(sev.label()), items.len());
                                let total = items.len();
                                if !self.show_all {
                                    items.truncate(LIST_LIMIT);
                                }
                                let more = total - items.len();
                                html! {
                                    <section class={classes!("group", format!("sev-{}", sev.key()))} aria-label={heading.clone()}>
                                        <h3>{heading}</h3>
                                        <ul>
                                            {for items.into_iter().map(|(idx, d)| self.view_item(&li, idx, d))}
                                        </ul>
                                        {for (more > 0).then(|| html! {
                                            <button type="button" class="secondary show-all" onclick={send.reform(|_| Msg::ShowAll)}>
                                                {format!("Show {more} more")}
                                            </button>
                                        })}
                                    </section>
                                }
                            })}
                        }
                    }}
                </div>
            </aside>
        }
    }

    fn view_item(&self, li: &LineIndex, idx: usize, d: &Diagnostic) -> Html {
        let Some(current) = self.current.clone() else { return html! {} };
        let p = li.position(&current.code, d.span.start);
        html! {
            <Item {current} {idx} line={p.line} column={p.column} active={self.active == Some(idx)}
                preview_on={self.preview == Some(PreviewKey::Diag(idx))} send={self.send.clone()} />
        }
    }
}

/// One finding of the list: its own component, so that a reply that only moved the
/// findings (a character typed inside a function shifts every later span) re-renders none
/// of them. Its props compare what it shows (position as line and column, texts, fix), not
/// the spans; an open fix preview shows the text itself, so then only the same analysis
/// is equal.
#[derive(Properties, Clone)]
struct ItemProps {
    current: Rc<Current>,
    idx: usize,
    line: u32,
    column: u32,
    active: bool,
    preview_on: bool,
    send: Callback<Msg>,
}

impl ItemProps {
    fn diagnostic(&self) -> Option<&Diagnostic> {
        self.current.analysis.diagnostics.get(self.idx)
    }
}

impl PartialEq for ItemProps {
    fn eq(&self, o: &Self) -> bool {
        self.idx == o.idx
            && self.line == o.line
            && self.column == o.column
            && self.active == o.active
            && self.preview_on == o.preview_on
            && self.send == o.send
            && (Rc::ptr_eq(&self.current, &o.current)
                || (!self.preview_on
                    && match (self.diagnostic(), o.diagnostic()) {
                        (Some(a), Some(b)) => shows_the_same(a, b),
                        _ => false,
                    }))
    }
}

/// Whether two findings look the same in the list (everything but where they are).
fn shows_the_same(a: &Diagnostic, b: &Diagnostic) -> bool {
    fn fix_view(d: &Diagnostic) -> Option<(&String, Applicability, &Option<String>)> {
        d.fix.as_ref().map(|f| (&f.title, f.applicability, &f.reason))
    }
    a.rule == b.rule
        && a.severity == b.severity
        && a.message == b.message
        && a.explanation == b.explanation
        && a.source_url == b.source_url
        && a.godebug == b.godebug
        && a.sides == b.sides
        && fix_view(a) == fix_view(b)
}

#[function_component(Item)]
fn item(p: &ItemProps) -> Html {
    let Some(d) = p.diagnostic() else { return html! {} };
    let idx = p.idx;
    let jump = p.send.reform(move |_| Msg::Jump(idx));
    // Keyboard focus on a finding lights up its span in the editor.
    let focus = p.send.reform(move |_: FocusEvent| Msg::Activate(idx));
    let preview = p.preview_on.then_some(PreviewKey::Diag(idx));
    html! {
        <li class={classes!("diag", format!("sev-{}", d.severity.key()), p.active.then_some("active"))} data-rule={d.rule.clone()}>
            <button type="button" class="diag-jump" onclick={jump} onfocus={focus} aria-current={p.active.then_some("true")}>
                <span class="sev-badge">{d.severity.label()}</span>
                <span class="where">{format!("line {}:{}", p.line, p.column)}</span>
                <span class="msg">{rich(&d.message)}</span>
            </button>
            {details(&p.send, Some(&p.current), preview, idx, d, false)}
        </li>
    }
}

/// Why / sides / GODEBUG / source / fix of finding `idx` of `current`: shared by the list and
/// the editor's popup.
pub(super) fn details(
    send: &Callback<Msg>,
    current: Option<&Current>,
    preview: Option<PreviewKey>,
    idx: usize,
    d: &Diagnostic,
    in_popup: bool,
) -> Html {
    {
        let fix = d.fix.as_ref().map(|f| {
            let preview_on = preview == Some(PreviewKey::Diag(idx));
            let preview = send.reform(move |_| Msg::Preview(Some(PreviewKey::Diag(idx))));
            let apply = send.reform(move |_| Msg::ApplyFix(idx));
            let unsafe_ = f.applicability == Applicability::Unsafe;
            let diff_view = (preview_on && !in_popup)
                .then(|| current.and_then(|c| apply_edits(&c.code, &f.edits).ok().map(|t| view_diff(&c.code, &t))))
                .flatten();
            html! {
                <div class="fix">
                    <p class="fix-title">
                        <span class={classes!("fix-kind", if unsafe_ { "unsafe" } else { "safe" })}>{if unsafe_ { "Fix (may change behaviour)" } else { "Safe fix" }}</span>
                        {" "}{rich(&f.title)}
                    </p>
                    {for f.reason.as_ref().map(|r| html! { <p class="fix-reason">{rich(r)}</p> })}
                    <div class="fix-buttons">
                        {for (!in_popup).then(|| html! {
                            <button type="button" class="secondary preview-fix" aria-pressed={preview_on.to_string()} onclick={preview}>{"Preview"}</button>
                        })}
                        <button type="button" class="apply-fix" onclick={apply}>{"Apply"}</button>
                    </div>
                    {for diff_view}
                </div>
            }
        });
        let body = html! {
            <>
                {for in_popup.then(|| html! {
                    <p class="popup-head"><span class="sev-badge">{d.severity.label()}</span>{" "}<code class="rule">{d.rule.clone()}</code></p>
                })}
                {for in_popup.then(|| html! { <p class="msg">{d.message.clone()}</p> })}
                <p class="why">{rich(&d.explanation)}</p>
                {for (!d.sides.is_empty()).then(|| html! {
                    <dl class="sides">
                        {for d.sides.iter().map(|s| html! { <><dt>{s.version.clone()}</dt><dd>{rich(&s.behavior)}</dd></> })}
                    </dl>
                })}
                {for d.godebug.as_ref().map(|g| html! {
                    <p class="godebug">{"Old behaviour: "}<code>{format!("GODEBUG={}={}", g.setting, g.value)}</code>
                        {for g.note.as_ref().map(|n| format!(" ({n})"))}</p>
                })}
                <p class="source">
                    {for (!in_popup).then(|| html! { <><code class="rule">{d.rule.clone()}</code>{" · "}</> })}
                    <a href={d.source_url.clone()} target="_blank" rel="noopener noreferrer">{"Go documentation"}</a>
                </p>
            </>
        };
        if in_popup {
            html! { <>{body}{for fix}</> }
        } else {
            html! { <><details class="details"><summary>{"Why, and what to do"}</summary>{body}</details>{for fix}</> }
        }
    }
}

/// Text with `backtick` spans shown as code (still text nodes only).
pub(super) fn rich(text: &str) -> Html {
    let parts: Vec<&str> = text.split('`').collect();
    if parts.len() < 3 || parts.len() % 2 == 0 {
        return html! { {text.to_string()} };
    }
    html! {
        <>{for parts.iter().enumerate().map(|(i, p)| if i % 2 == 1 {
            html! { <code>{p.to_string()}</code> }
        } else {
            html! { {p.to_string()} }
        })}</>
    }
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

fn view_diff(old: &str, new: &str) -> Html {
    let lines = diff::diff(old, new);
    html! {
        <pre class="diff" aria-label="Preview of the change">
            {for lines.into_iter().map(|l| match l {
                Line::Same(t) => html! { <span class="d-same">{format!("  {t}\n")}</span> },
                Line::Removed(t) => html! { <del class="d-del">{format!("- {t}\n")}</del> },
                Line::Added(t) => html! { <ins class="d-add">{format!("+ {t}\n")}</ins> },
            })}
        </pre>
    }
}
