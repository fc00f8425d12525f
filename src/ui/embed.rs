//! The embed entry (`embed.html`, generated from `index.html` by
//! `scripts/post_build.d/10-embed.sh`, which marks `<html data-entry="embed">`): the same app
//! in a compact layout for documentation pages, configured by the URL fragment
//! ([`super::embed_params`]), usually written by `www/widget.js`.
//!
//! Differences from the playground: no header; editor, findings under it and the versions in
//! one column; no local draft is read or written and the address is never rewritten (an
//! embed must not overwrite the reader's playground draft); an optional read-only mode; an
//! "Open in playground" link carrying the current state; and, with `height=auto`, the
//! content height posted to the host (number only, explicit target origin). The embed
//! listens to no `message` event from its host: whatever the host posts is ignored.

use super::app::{App, Mode, Msg, VERSIONS};
use super::embed_params::{self, EmbedParams, Height, HEIGHT_MESSAGE_TYPE};
use super::{dom, share};
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use yew::prelude::*;

/// The attribute on `<html>` that marks the embed entry, and its value.
const ENTRY_ATTR: &str = "data-entry";
const ENTRY_EMBED: &str = "embed";

/// The embed's parameters when this page is the embed entry, else `None`.
pub fn from_page() -> Option<EmbedParams> {
    let root = dom::document()?.document_element()?;
    if root.get_attribute(ENTRY_ATTR).as_deref() != Some(ENTRY_EMBED) {
        return None;
    }
    Some(embed_params::parse(&dom::location_hash(), VERSIONS))
}

/// Before the first render: the theme from the parameters (never the playground's saved
/// theme) and the height mode for the stylesheet.
pub fn prepare(p: &EmbedParams) {
    dom::set_theme_attr(p.theme.attr());
    if let Some(root) = dom::document().and_then(|d| d.document_element()) {
        let h = match p.height {
            Height::Auto => "auto",
            Height::Fixed(_) => "fixed",
        };
        let _ = root.set_attribute("data-height", h);
    }
}

/// With `height=auto`, an id and an origin: posts the document's height to the parent
/// whenever it changes (observing `<html>`, whose box is as tall as the content).
pub fn watch_height(p: &EmbedParams) {
    if !p.reports_height() {
        return;
    }
    let (Some(id), Some(origin)) = (p.id.clone(), p.origin.clone()) else { return };
    let Some(win) = dom::window() else { return };
    let Some(parent) = win.parent().ok().flatten() else { return };
    if js_sys::Object::is(&parent, &win) {
        return; // not in a frame
    }
    let Some(root) = dom::document().and_then(|d| d.document_element()) else { return };
    let last = Rc::new(Cell::new(0u32));
    let target = root.clone();
    let post = Closure::<dyn FnMut()>::new(move || {
        let h = embed_params::clamp_height(target.get_bounding_client_rect().height());
        if h == last.get() {
            return;
        }
        last.set(h);
        let msg = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&msg, &"type".into(), &HEIGHT_MESSAGE_TYPE.into());
        let _ = js_sys::Reflect::set(&msg, &"id".into(), &JsValue::from_str(&id));
        let _ = js_sys::Reflect::set(&msg, &"height".into(), &JsValue::from(h));
        // The explicit origin: if the parent is not that origin, the browser drops it.
        let _ = parent.post_message(&msg, &origin);
    });
    // Observers through Reflect (no extra web-sys features for two constructors). A
    // `ResizeObserver` sees layout-only changes (width, fonts, <details>); a
    // `MutationObserver` sees every render even while the browser throttles the rendering of
    // an iframe scrolled out of view (it runs no resize observations there).
    let observe = |name: &str, options: Option<&js_sys::Object>| -> Option<()> {
        let ctor = js_sys::Reflect::get(&win, &name.into()).ok()?.dyn_into::<js_sys::Function>().ok()?;
        let observer = js_sys::Reflect::construct(&ctor, &js_sys::Array::of1(post.as_ref())).ok()?;
        let method = js_sys::Reflect::get(&observer, &"observe".into()).ok()?.dyn_into::<js_sys::Function>().ok()?;
        match options {
            Some(o) => method.call2(&observer, &root, o).ok()?,
            None => method.call1(&observer, &root).ok()?,
        };
        Some(())
    };
    let mutations = js_sys::Object::new();
    for key in ["childList", "subtree", "attributes", "characterData"] {
        let _ = js_sys::Reflect::set(&mutations, &key.into(), &JsValue::TRUE);
    }
    let resize = observe("ResizeObserver", None);
    let _ = observe("MutationObserver", Some(&mutations));
    if let Some(f) = post.as_ref().dyn_ref::<js_sys::Function>() {
        let _ = f.call0(&JsValue::NULL);
        if resize.is_none() {
            let _ = win.add_event_listener_with_callback("resize", f);
        }
    }
    post.forget();
}

impl App {
    /// Applies the embed's parameters over the share state already read from the fragment.
    pub(super) fn init_embed(&mut self) {
        let Some(p) = self.embed.clone() else { return };
        if let Some(m) = p.mode.as_deref() {
            self.mode = if m == "env" { Mode::Env } else { Mode::Code };
        }
        if let Some(code) = p.code {
            match self.mode {
                // (An embed has no workshop.)
                Mode::Code | Mode::Workshop => self.code = super::sync::textarea_text(code),
                Mode::Env => self.env = code,
            }
        }
        if let Some(f) = p.from {
            self.from = f;
        }
        if let Some(t) = p.to {
            self.to = t;
        }
        self.notes.extend(p.notes);
    }

    pub(super) fn read_only(&self) -> bool {
        self.embed.as_ref().is_some_and(|e| e.readonly)
    }

    /// In a read-only embed, the messages that would change the Go code are refused (with a
    /// status line saying why). Returns whether `msg` was refused. (The `go env` view keeps
    /// its own text area: read-only applies to the code editor.)
    pub(super) fn embed_refuses(&mut self, msg: &Msg) -> bool {
        if !self.read_only() {
            return false;
        }
        let edits = matches!(
            msg,
            Msg::CodeInput(_)
                | Msg::HeldInput(..)
                | Msg::ApplyFix(_)
                | Msg::ApplyAllSafe
                | Msg::Undo
                | Msg::LoadExample(_)
                | Msg::GoModInput(_)
        );
        if edits {
            self.status = "This example is read-only: open it in the playground to edit it.".into();
        }
        edits
    }

    /// The playground's address with the embed's current state.
    fn playground_link(&self) -> String {
        let frag = share::encode(&self.shared()).unwrap_or_default();
        embed_params::playground_href(&frag)
    }

    pub(super) fn view_embed(&self, ctx: &Context<Self>) -> Html {
        let link = ctx.link();
        let ro = self.read_only();
        let select = |id: &'static str, label: &'static str, value: &str, on: Callback<Event>| {
            html! {
                <select id={id} aria-label={label} onchange={on}>
                    {for VERSIONS.iter().map(|v| html! { <option value={*v} selected={*v == value}>{format!("go{v}")}</option> })}
                </select>
            }
        };
        let on_from =
            link.callback(|e: Event| Msg::SetFrom(e.target_unchecked_into::<web_sys::HtmlSelectElement>().value()));
        let on_to =
            link.callback(|e: Event| Msg::SetTo(e.target_unchecked_into::<web_sys::HtmlSelectElement>().value()));
        html! {
            <main id="main" class={classes!("embed", ro.then_some("readonly"))}>
                <div class="embed-bar">
                    <span class="embed-brand">{"gocompat"}</span>
                    <div class="embed-versions" role="group" aria-label="Go versions">
                        {select("from-version", "From Go version", &self.from, on_from)}
                        <span class="arrow" aria-hidden="true">{"→"}</span>
                        {select("to-version", "To Go version", &self.to, on_to)}
                    </div>
                    {for (ro && self.mode == Mode::Code).then(|| html! { <span class="embed-ro" id="readonly-badge">{"read-only"}</span> })}
                    <a id="open-playground" class="embed-open" href={self.playground_link()} target="_blank" rel="noopener">
                        {"Open in playground"}<span aria-hidden="true">{" ↗"}</span><span class="sr-only">{" (opens in a new tab)"}</span>
                    </a>
                </div>
                {self.view_notes(ctx)}
                {match self.mode {
                    Mode::Code | Mode::Workshop => self.view_code_mode(ctx),
                    Mode::Env => html! {
                        <super::env_view::EnvView text={AttrValue::from(self.env.clone())} from={AttrValue::from(self.from.clone())}
                            to={AttrValue::from(self.to.clone())} gomod={AttrValue::from(self.gomod.clone())} on_input={link.callback(Msg::EnvInput)} />
                    },
                }}
                <p id="status" class="status" role="status" aria-live="polite">{self.status.clone()}</p>
            </main>
        }
    }
}
