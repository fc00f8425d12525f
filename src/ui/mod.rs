//! The web app (wasm32 only): a Yew component tree over the pure core.
//!
//! * [`app`]: the state, the analysis scheduling (worker or main thread), fixes, undo.
//! * [`editor`]: the textarea over a highlighted copy ([`overlay`], [`highlight`]).
//! * [`panel`]: the diagnostics list and fix previews ([`diff`]).
//! * [`share`]: the URL fragment and the local draft; [`examples`]; [`env_view`].
//! * [`embed`], [`embed_params`]: the compact entry for documentation pages (`embed.html`).
//! * [`protocol`], [`worker_client`], [`worker_main`]: the analysis Web Worker (the same
//!   wasm module, started by `www/worker.js`); [`on_page`]: small texts analysed on the page ([`route`]).
//! * [`workshop`]: lessons with checked exercises and the myth-or-fact deck.

mod app;
mod diff;
mod dom;
mod editor;
mod embed;
pub mod embed_params;
mod env_model;
pub mod env_view;
mod examples;
mod highlight;
mod large;
mod on_page;
mod overlay;
mod panel;
pub mod protocol;
mod route;
mod share;
mod sync;
mod viewport;
mod worker_client;
pub mod worker_main;
mod workshop;

/// Mounts the app into `#app`, replacing the static loading message.
pub fn start() {
    let embed = embed::from_page();
    match &embed {
        Some(p) => embed::prepare(p),
        None => {
            if let Some(t) = dom::load(app::THEME_KEY).filter(|t| t == "light" || t == "dark") {
                dom::set_theme_attr(Some(&t));
            }
        }
    }
    match dom::document().and_then(|d| d.get_element_by_id("app")) {
        Some(root) => {
            root.set_inner_html("");
            let _ = root.remove_attribute("aria-busy");
            yew::Renderer::<app::App>::with_root(root).render();
        }
        None => {
            yew::Renderer::<app::App>::new().render();
        }
    }
    if let Some(p) = &embed {
        embed::watch_height(p);
    }
}
