//! The editor: a transparent textarea over the highlighted copy (same font, same box), line
//! numbers and gutter markers beside it, and the finding popup. The container scrolls; the
//! textarea is as large as its text, so the two layers never drift apart. The highlighted
//! copy and the line numbers draw only the lines near the visible part (`super::viewport`):
//! the rest is padding of the same height, so a keystroke lays out a window, not the file.

use super::app::{App, Backend, Msg, Popup, DEFAULT_FROM, DEFAULT_TO, EDITOR_PAD_PX, LINE_PX, VERSIONS};
use super::large::MAX_DECORATED_BYTES;
use super::overlay;
use super::viewport;
use gocompat::{LineIndex, Severity};
use wasm_bindgen::JsCast;
use yew::prelude::*;

impl App {
    pub(super) fn view_notes(&self, ctx: &Context<Self>) -> Html {
        let worker_note = match &self.backend {
            Backend::Failed(reason) => Some(format!(
                "The analysis worker could not start ({reason}): code over {} KB cannot be analysed (smaller code is analysed on the page). Reload the page; if this persists, the browser may be blocking Web Workers.",
                super::route::MAX_BYTES / 1024
            )),
            _ => None,
        };
        html! {
            <div class="notes">
                {for self.notes.iter().enumerate().map(|(i, n)| {
                    let dismiss = ctx.link().callback(move |_| Msg::DismissNote(i));
                    html! {
                        <div class="note warn" role="alert">
                            <span>{n.clone()}</span>
                            <button type="button" class="link" onclick={dismiss}>{"Dismiss"}</button>
                        </div>
                    }
                })}
                {for worker_note.map(|n| html! { <div class="note warn" id="worker-note" role="alert">{n}</div> })}
            </div>
        }
    }

    pub(super) fn view_versions(&self, ctx: &Context<Self>) -> Html {
        let select = |id: &'static str, value: &str, default: &str, on: Callback<Event>| {
            html! {
                <select id={id} onchange={on}>
                    {for VERSIONS.iter().map(|v| html! {
                        <option value={*v} selected={*v == value} title={(*v == default).then_some("default")}>{format!("go{v}")}</option>
                    })}
                </select>
            }
        };
        let on_from = ctx
            .link()
            .callback(|e: Event| Msg::SetFrom(e.target_unchecked_into::<web_sys::HtmlSelectElement>().value()));
        let on_to =
            ctx.link().callback(|e: Event| Msg::SetTo(e.target_unchecked_into::<web_sys::HtmlSelectElement>().value()));
        let on_gomod = ctx.link().callback(|e: InputEvent| {
            Msg::GoModInput(e.target_unchecked_into::<web_sys::HtmlTextAreaElement>().value())
        });
        html! {
            <section class="versions" aria-label="Versions">
                <div class="version-pick">
                    <label for="from-version">{"From"}</label>
                    {select("from-version", &self.from, DEFAULT_FROM, on_from)}
                    <span class="arrow" aria-hidden="true">{"→"}</span>
                    <label for="to-version">{"To"}</label>
                    {select("to-version", &self.to, DEFAULT_TO, on_to)}
                </div>
                <p class="version-help">
                    {"The go line of your go.mod before and after the upgrade. The toolchain is taken to be the newer of the two."}
                    {for (version_minor(&self.from) > version_minor(&self.to)).then(|| html! {
                        <strong class="downgrade">{" From is newer than To: this checks a downgrade."}</strong>
                    })}
                </p>
                {for (!self.toolchain.is_empty() || !self.file.is_empty()).then(|| html! {
                    <p class="pinned" id="pinned">
                        {"From the link: "}
                        {for (!self.toolchain.is_empty()).then(|| html! { <>{"toolchain "}<code>{format!("go{}", self.toolchain)}</code>{" "}</> })}
                        {for (!self.file.is_empty()).then(|| html! { <>{"file "}<code>{self.file.clone()}</code>{" "}</> })}
                        <button type="button" class="link" onclick={ctx.link().callback(|_| Msg::ClearPinned)}>{"Use the defaults"}</button>
                    </p>
                })}
                <details class="gomod" open={!self.gomod.is_empty()}>
                    <summary>{"go.mod (optional)"}</summary>
                    <label for="gomod" class="sr-only">{"go.mod contents"}</label>
                    <textarea id="gomod" rows="5" spellcheck="false" autocomplete="off" placeholder={"module example.com/m\n\ngo 1.21\n\ngodebug httpmuxgo121=1"}
                        value={self.gomod.clone()} oninput={on_gomod} />
                    <p class="hint">{"Its godebug and toolchain lines are used; the selectors above set the go line."}</p>
                </details>
            </section>
        }
    }

    pub(super) fn view_code_mode(&self, ctx: &Context<Self>) -> Html {
        html! {
            <div class="workspace">
                {self.view_editor(ctx)}
                <super::panel::Panel current={self.current.clone()} preview={self.preview} show_all={self.show_all}
                    active={self.active} can_undo={!self.undo.is_empty()} share_error={self.share_error.clone()}
                    unavailable={self.unanalysable()} send={self.send.clone()} />
            </div>
        }
    }

    fn view_editor(&self, ctx: &Context<Self>) -> Html {
        let link = ctx.link();
        let oninput = link.callback(|e: InputEvent| {
            Msg::CodeInput(e.target_unchecked_into::<web_sys::HtmlTextAreaElement>().value())
        });
        let tab_escape = self.tab_escape.clone();
        let plain = self.code.len() > MAX_DECORATED_BYTES;
        let onkeydown = link.batch_callback(move |e: KeyboardEvent| {
            let key = e.key();
            // The plain editor's textarea holds some lines: Ctrl+Home/End go to the text's ends.
            if plain && (e.ctrl_key() || e.meta_key()) && !e.alt_key() && (key == "Home" || key == "End") {
                e.prevent_default();
                return Some(Msg::CaretToEnd { end: key == "End", extend: e.shift_key() });
            }
            if key == "Escape" {
                tab_escape.set(true);
                return Some(Msg::HidePopup);
            }
            if key == "Tab" && !e.shift_key() && !e.ctrl_key() && !e.alt_key() && !e.meta_key() {
                if tab_escape.get() {
                    tab_escape.set(false);
                    return None; // leave the editor: the default focus move
                }
                e.prevent_default();
                insert_tab(&e);
                return None;
            }
            if key != "Shift" {
                tab_escape.set(false);
            }
            None
        });
        // Esc closed the popup: its keyup must not reopen it.
        let caret = link.batch_callback(|e: KeyboardEvent| {
            (!matches!(e.key().as_str(), "Escape" | "Tab" | "Shift")).then_some(Msg::Caret)
        });
        let click = link.callback(|_: MouseEvent| Msg::Caret);
        let onmousemove = link.callback(|e: MouseEvent| Msg::Hover(mark_under(&e)));
        let onmouseleave = link.callback(|_: MouseEvent| Msg::Hover(None));

        // Huge input: a plain textarea (no colours, underlines, gutter), so typing stays fast.
        if self.code.len() > MAX_DECORATED_BYTES {
            return self.view_plain_editor(ctx, onkeydown, caret, click);
        }
        let li = LineIndex::new(&self.code);
        let lines = li.line_count();
        // Most severe finding starting on each line, for the gutter.
        let mut gutter: Vec<Option<(Severity, usize)>> = vec![None; lines];
        if let Some(cur) = &self.current {
            for m in &self.marks {
                let line = li.position(&self.code, m.start).line as usize - 1;
                let sev = cur.analysis.diagnostics[m.idx].severity;
                if let Some(slot) = gutter.get_mut(line) {
                    if slot.is_none_or(|(s, _)| sev < s) {
                        *slot = Some((sev, m.idx));
                    }
                }
            }
        }
        let (first, last) = viewport::window(self.view.0, self.view.1, LINE_PX, EDITOR_PAD_PX, lines);
        let mut numbers = String::with_capacity((last - first) * 6);
        for i in first + 1..=last {
            numbers.push_str(&i.to_string());
            numbers.push('\n');
        }
        let below = (lines - last) as f64 * LINE_PX;
        let nums_style = format!(
            "padding-top:{:.0}px;padding-bottom:{below:.0}px;min-width:calc({}ch + 34px)",
            first as f64 * LINE_PX,
            lines.to_string().len()
        );
        let layer_style = format!(
            "padding-top:{:.0}px;padding-bottom:{:.0}px;min-width:calc({}ch + 36px)",
            EDITOR_PAD_PX + first as f64 * LINE_PX,
            EDITOR_PAD_PX + below,
            viewport::max_columns(&self.code, 4)
        );
        let layer_text =
            overlay::render(&self.code, li.line_starts(), (first, last), &self.tokens, &self.marks, self.active);
        let zoom = self.editor_zoom();
        let onscroll = link.callback(move |e: Event| {
            let el: web_sys::Element = e.target_unchecked_into();
            Msg::Scrolled(el.scroll_top() as f64 / zoom, el.client_height() as f64 / zoom)
        });
        html! {
            <section class="editor-pane" aria-labelledby="editor-heading">
                {view_pane_head()}
                <div class="editor-scroll" {onscroll}>
                    <div class="editor">
                        <div class="gutter" aria-hidden="true">
                            <pre class="nums" style={nums_style}>{numbers}</pre>
                            // Markers of the drawn lines only (as the layer beside them).
                            {for gutter.iter().enumerate().skip(first).take(last - first).filter_map(|(i, g)| g.map(|(sev, idx)| {
                                let jump = link.callback(move |_| Msg::Jump(idx));
                                html! {
                                    <span class={classes!("gmark", format!("sev-{}", sev.key()))} title={sev.label()}
                                        style={format!("top:{}px", 10 + i * 21 + 6)} onclick={jump}></span>
                                }
                            }))}
                        </div>
                        <div class="code-layer" ref={self.layer.clone()}>
                            <pre class="hl" aria-hidden="true" style={layer_style}><code>{layer_text}</code></pre>
                            <textarea id="code" key="whole" ref={self.textarea.clone()}
                                spellcheck="false" autocomplete="off" autocapitalize="off" wrap="off" readonly={self.read_only()}
                                aria-label="Go code" aria-describedby={if self.popup.is_some() { "editor-hint popup" } else { "editor-hint" }}
                                {oninput} {onkeydown} onkeyup={caret} onclick={click} {onmousemove} {onmouseleave} />
                            {self.view_popup(ctx)}
                        </div>
                    </div>
                </div>
                {self.view_editor_status(lines)}
            </section>
        }
    }

    fn view_editor_status(&self, lines: usize) -> Html {
        html! {
                // Hooks for scripts/bench-browser.mjs: the request id of the analysis shown and
                // whether it is the analysis of the text in the editor.
                // `data-analysed-on`: "page" or "worker" (`route.rs`).
                <p class="editor-status" data-shown-id={self.current.as_ref().map(|c| c.id.to_string()).unwrap_or_default()}
                    data-fresh={self.fresh().to_string()}
                    data-analysed-on={self.current.as_ref().map(|c| if c.on_page { "page" } else { "worker" })}>
                    {match &self.current {
                        Some(c) => format!(
                            "{} line{} · analysed in {:.1} ms {}",
                            lines,
                            if lines == 1 { "" } else { "s" },
                            c.millis,
                            if c.on_page { "on the page" } else { "in the worker" },
                        ),
                        None if matches!(self.backend, Backend::Failed(_)) => format!(
                            "Not analysed: code over {} KB needs the analysis worker",
                            super::route::MAX_BYTES / 1024
                        ),
                        None => "Analysing…".into(),
                    }}
                    {match &self.backend {
                        Backend::Idle => html! { <span id="worker-state" data-state="idle">{" · no worker needed"}</span> },
                        Backend::Starting(_) => html! { <span id="worker-state" data-state="starting">{" · starting the analysis worker…"}</span> },
                        Backend::Ready(_) => html! { <span id="worker-state" data-state="ready">{" · worker ready"}</span> },
                        Backend::Failed(_) => html! { <span id="worker-state" data-state="failed">{" · worker unavailable"}</span> },
                    }}
                    {for (!self.fresh()).then(|| html! { <span class="pending">{" · updating…"}</span> })}
                </p>
        }
    }

    /// The editor for input above [`MAX_DECORATED_BYTES`]: the textarea alone, with a note
    /// saying what is not shown and what is not analysed (see `super::large`). The textarea
    /// holds the lines around the visible part ([`App::held`]), placed at their height in a
    /// box as tall as the whole text, which scrolls.
    fn view_plain_editor(
        &self,
        ctx: &Context<Self>,
        onkeydown: Callback<KeyboardEvent>,
        caret: Callback<KeyboardEvent>,
        click: Callback<MouseEvent>,
    ) -> Html {
        let li = LineIndex::new(&self.code);
        let lines = li.line_count();
        let (first, last, start, end) = self.held_bounds(&li);
        let held = &self.code[start..end];
        let gen = self.held_gen.clone();
        let oninput = ctx.link().callback(move |e: InputEvent| {
            Msg::HeldInput(e.target_unchecked_into::<web_sys::HtmlTextAreaElement>().value(), gen.get())
        });
        let zoom = self.editor_zoom();
        let onscroll = ctx.link().callback(move |e: Event| {
            let el: web_sys::Element = e.target_unchecked_into();
            Msg::PlainScrolled(el.scroll_top() as f64 / zoom, el.client_height() as f64 / zoom)
        });
        let space = format!("height:{:.0}px", lines as f64 * LINE_PX + 2.0 * EDITOR_PAD_PX);
        let place = plain_place(first, last, held);
        html! {
            <section class="editor-pane" aria-labelledby="editor-heading">
                {view_pane_head()}
                <p class="note warn" id="large-input" role="status">{super::large::message(self.code.len(), lines)}</p>
                <div class="editor-scroll plain" {onscroll}>
                    <div class="plain-space" style={space}>
                        <div class="code-layer plain" ref={self.layer.clone()} style={place}>
                            <textarea id="code" key="held" ref={self.textarea.clone()} value={held.to_string()}
                                spellcheck="false" autocomplete="off" autocapitalize="off" wrap="off" readonly={self.read_only()}
                                aria-label="Go code" aria-describedby="editor-hint large-input"
                                data-first-line={(first + 1).to_string()} data-lines={lines.to_string()} data-bytes={self.code.len().to_string()}
                                {oninput} {onkeydown} onkeyup={caret} onclick={click} />
                        </div>
                    </div>
                </div>
                {self.view_editor_status(lines)}
            </section>
        }
    }

    fn view_popup(&self, ctx: &Context<Self>) -> Html {
        let Some(Popup { idx, top, bottom, left, max_height, .. }) = self.popup else { return html! {} };
        let mut style = format!("left:{left:.0}px;max-height:{:.0}px;", max_height.min(420.0));
        if let Some(t) = top {
            style.push_str(&format!("top:{t:.0}px;"));
        }
        if let Some(b) = bottom {
            style.push_str(&format!("bottom:{b:.0}px;"));
        }
        let Some(d) = self.current.as_ref().and_then(|c| c.analysis.diagnostics.get(idx)) else { return html! {} };
        let keep = ctx.link().callback(|_: MouseEvent| Msg::KeepPopup);
        let leave = ctx.link().callback(|_: MouseEvent| Msg::Hover(None));
        let close = ctx.link().callback(|_: MouseEvent| Msg::HidePopup);
        html! {
            <div class={classes!("popup", format!("sev-{}", d.severity.key()))} id="popup" role="region" aria-label="Finding details"
                style={style} onmouseenter={keep} onmouseleave={leave}>
                <button type="button" class="popup-close" aria-label="Close" onclick={close}>{"×"}</button>
                {super::panel::details(&self.send, self.current.as_deref(), self.preview, idx, d, true)}
            </div>
        }
    }
}

fn version_minor(v: &str) -> u32 {
    v.split('.').nth(1).and_then(|m| m.parse().ok()).unwrap_or(0)
}

/// The diagnostic index of the `<mark>` under the pointer: the textarea is on top, so it is
/// made transparent to hit-testing for one `elementFromPoint` call.
fn mark_under(e: &MouseEvent) -> Option<usize> {
    let ta: web_sys::HtmlElement = e.target()?.dyn_into().ok()?;
    let doc = super::dom::document()?;
    let style = ta.style();
    let _ = style.set_property("pointer-events", "none");
    let hit = doc.element_from_point(e.client_x() as f32, e.client_y() as f32);
    let _ = style.remove_property("pointer-events");
    let mark = hit?.closest("mark[data-idx]").ok().flatten()?;
    mark.get_attribute("data-idx")?.parse().ok()
}

/// The plain editor's textarea box for held lines `[first, last)` of text `held`: at their
/// height, as tall as they are, as wide as the widest.
pub(super) fn plain_place(first: usize, last: usize, held: &str) -> String {
    format!(
        "top:{:.0}px;height:{:.0}px;width:calc({}ch + 48px)",
        first as f64 * LINE_PX,
        (last - first) as f64 * LINE_PX + 2.0 * EDITOR_PAD_PX,
        viewport::max_columns(held, 4)
    )
}

/// Inserts a tab at the caret, keeping the browser's own undo history when it can.
fn insert_tab(e: &KeyboardEvent) {
    let Some(ta) = e.target().and_then(|t| t.dyn_into::<web_sys::HtmlTextAreaElement>().ok()) else { return };
    let inserted = super::dom::document()
        .and_then(|d| d.dyn_into::<web_sys::HtmlDocument>().ok())
        .and_then(|d| d.exec_command_with_show_ui_and_value("insertText", false, "\t").ok())
        .unwrap_or(false);
    if !inserted {
        let _ = ta.set_range_text_with_start_and_end_and_mode(
            "\t",
            ta.selection_start().ok().flatten().unwrap_or(0),
            ta.selection_end().ok().flatten().unwrap_or(0),
            "end",
        );
        if let Ok(ev) = web_sys::InputEvent::new("input") {
            let _ = ta.dispatch_event(&ev);
        }
    }
}

/// The editor's heading and its keyboard hint (both editors).
fn view_pane_head() -> Html {
    html! {
        <div class="pane-head">
            <h2 id="editor-heading">{"Go code"}</h2>
            <p class="hint" id="editor-hint">{"Paste a file or a snippet. Tab inserts a tab; press Esc, then Tab, to leave the editor."}</p>
        </div>
    }
}
