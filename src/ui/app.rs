//! The app's state and its update loop.
//!
//! Small texts are analysed on the page, in the task that changed them ([`OnPage`]); the
//! others in the worker: requests made before it is ready wait in [`WorkerClient`]; if it
//! cannot start, a note says so (and only small texts are analysed). There is
//! no fixed debounce: a change is sent at once when nothing is in flight, and changes made
//! while one analysis runs coalesce into one request sent when its reply arrives (at most
//! one in flight, monotonic ids; a reply older than the one shown is dropped).

use super::examples::{self, Example};
use super::highlight::{self, Token};
use super::on_page::OnPage;
use super::overlay::MarkSpan;
use super::protocol::{Reply, Request};
use super::share::{self, Shared};
use super::worker_client::{WorkerClient, WorkerEvent};
use super::{dom, large, sync};
use gloo_timers::callback::Timeout;
use gocompat::{apply_edits, apply_fixes, Analysis, Applicability, GoVersion, LineIndex};
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

pub const THEME_KEY: &str = "gocompat.theme";
pub const DRAFT_KEY: &str = "gocompat.draft.v1";
pub const VERSIONS: &[&str] = &["1.16", "1.17", "1.18", "1.19", "1.20", "1.21", "1.22", "1.23", "1.24"];
pub const DEFAULT_FROM: &str = "1.21";
pub const DEFAULT_TO: &str = "1.22";
/// go.mod edits: analysed once the current event is handled (code edits are sent at once).
const DEBOUNCE_MS: u32 = 0;
const URL_INTERVAL_MS: f64 = 1000.0;
/// The address and the draft are written once typing pauses this long (compressing the
/// text for the link takes milliseconds that a keystroke's update should not wait for)...
const URL_QUIET_MS: f64 = 400.0;
/// ...or, while typing goes on, at least this often.
const URL_MAX_DEFER_MS: f64 = 5000.0;
const WORKER_START_TIMEOUT_MS: u32 = 15_000;
const UNDO_DEPTH: usize = 100;
/// The editor's line height and the padding above its first line, in CSS px
/// (`www/style.css`: `.editor { line-height: 21px }`, `.code-layer pre { padding: 10px … }`).
pub(super) const LINE_PX: f64 = 21.0;
pub(super) const EDITOR_PAD_PX: f64 = 10.0;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Code,
    Env,
    /// Lessons and the myth-or-fact deck (`super::workshop`).
    Workshop,
}

impl Mode {
    fn key(self) -> &'static str {
        match self {
            Mode::Code => "code",
            Mode::Env => "env",
            Mode::Workshop => "workshop",
        }
    }
}

pub enum Backend {
    /// No worker yet (an embed): the page analyses every text so far ([`App::start_worker`]).
    Idle,
    Starting(WorkerClient),
    Ready(WorkerClient),
    /// The reason the worker is not available: nothing is analysed.
    Failed(String),
}

/// The analysis shown, with the exact text it was computed for.
pub struct Current {
    pub code: String,
    pub analysis: Analysis,
    pub millis: f64,
    /// Whether the page analysed it (a small text: `route::MAX_BYTES`).
    pub on_page: bool,
    /// The request id it answers (replies older than the shown one are dropped).
    pub id: u64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PreviewKey {
    Diag(usize),
    AllSafe,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Popup {
    pub idx: usize,
    /// Fixed position in the viewport, below the mark or above it when there is more room.
    pub top: Option<f64>,
    pub bottom: Option<f64>,
    pub left: f64,
    pub max_height: f64,
    /// Opened by the caret (keyboard) rather than the mouse.
    pub by_caret: bool,
}

pub enum Msg {
    CodeInput(String),
    /// The plain editor's textarea changed: its text is the held lines ([`App::held`]), as
    /// they were when the textarea's text was set the `u64`-th time ([`App::held_gen`]).
    HeldInput(String, u64),
    /// The plain editor scrolled: (scroll top, visible height), CSS pixels.
    PlainScrolled(f64, f64),
    /// The plain editor: Ctrl+End (`end`) or Ctrl+Home, with Shift (`extend`) selecting.
    CaretToEnd {
        end: bool,
        extend: bool,
    },
    SetFrom(String),
    SetTo(String),
    GoModInput(String),
    EnvInput(String),
    SetMode(Mode),
    Analyze,
    Worker(WorkerEvent),
    WorkerStartTimeout,
    Jump(usize),
    Hover(Option<usize>),
    HidePopup,
    /// The editor scrolled (its container's scroll top and visible height, in CSS px of
    /// the editor's own zoom): a popup would no longer sit at its mark, and other lines
    /// may need drawing (see [`super::viewport`]).
    Scrolled(f64, f64),
    /// A popup placed after its mark was drawn (a jump).
    PlacePopup(Popup),
    KeepPopup,
    Caret,
    /// The editor's `beforeinput` event: the input about to change the textarea's text (its
    /// `inputType` and `data`) and the selection it replaces (UTF-16 offsets). The text it
    /// will make is sent to the worker at once (`sync::predicted`), before the browser has
    /// laid the new text out and fired `input`.
    BeforeInput {
        input_type: String,
        data: Option<String>,
        start: u32,
        end: u32,
    },
    Preview(Option<PreviewKey>),
    ApplyFix(usize),
    ApplyAllSafe,
    Undo,
    LoadExample(String),
    ToggleTheme,
    CopyLink,
    Copied(Result<(), String>),
    WriteUrl,
    /// The page is being left: write a pending link/draft now.
    FlushUrl,
    DismissNote(usize),
    ShowAll,
    /// Highlights a finding's span without moving the focus.
    Activate(usize),
    /// Drops the toolchain and file name a link set (back to the defaults).
    ClearPinned,
    /// The URL's fragment changed (a link pasted into the address bar of the open page, a
    /// rule page's "Open in playground", back/forward): load its state.
    HashChanged,
    Workshop(super::workshop::WsMsg),
}

pub struct App {
    pub(super) code: String,
    pub(super) from: String,
    pub(super) to: String,
    pub(super) gomod: String,
    pub(super) env: String,
    /// Toolchain version and file name from a link (a rule page's example); empty: defaults.
    pub(super) toolchain: String,
    pub(super) file: String,
    pub(super) mode: Mode,
    pub(super) current: Option<Rc<Current>>,
    /// The app's own messages as one callback, made once (for child components' props).
    pub(super) send: Callback<Msg>,
    pub(super) tokens: Vec<Token>,
    pub(super) marks: Vec<MarkSpan>,
    pub(super) backend: Backend,
    /// Small texts are analysed on the page itself (`super::on_page`), the others in the worker.
    page: OnPage,
    req_id: u64,
    /// The id and text of the request being answered (by the worker, or by the page, whose
    /// reply Yew handles next).
    in_flight: Option<(u64, String)>,
    /// The id of the last request that guessed the text an input will make
    /// ([`Msg::BeforeInput`]): when the input comes with that text while it is in flight, it
    /// is not sent again.
    guess: Option<u64>,
    /// The whole-text editor's textarea and the text it holds, as far as the app knows: its
    /// value is not a property of the view (Yew would read the whole text back from the DOM
    /// and compare it on every render: 2 ms at 10,000 lines), it is set in `rendered` when
    /// the code changed other than by typing into it, or the textarea is a new one.
    textarea_holds: Option<(web_sys::HtmlTextAreaElement, String)>,
    /// The id of the last request the worker analysed (it holds that text): when the
    /// analysis shown is that one's, the next request to the worker is sent as an edit of its
    /// text (`protocol::Request::spliced`; no copy of the text is kept for it). The page's own
    /// is `OnPage::holds`.
    worker_has: Option<u64>,
    queued: bool,
    debounce: Option<Timeout>,
    worker_timer: Option<Timeout>,
    pub(super) undo: Vec<String>,
    pub(super) preview: Option<PreviewKey>,
    pub(super) popup: Option<Popup>,
    hide_timer: Option<Timeout>,
    /// A jump scrolls the editor on purpose: scroll events until then keep the popup.
    keep_popup_until: f64,
    pub(super) active: Option<usize>,
    /// Messages about the page itself (a bad link, ...), dismissable.
    pub(super) notes: Vec<String>,
    /// The live status line (fix applied, link copied, ...).
    pub(super) status: String,
    pub(super) share_error: Option<String>,
    last_url_write: f64,
    /// When the text (or another part of the link) last changed ([`Self::schedule_url`]).
    last_change: f64,
    /// The fragment the page last wrote or read (`location.hash`, with its `#`). A different
    /// one in the address bar is a link opened on the page whose `hashchange` has not been
    /// handled yet: writing over it would lose that link.
    url_hash: String,
    url_timer: Option<Timeout>,
    pub(super) example: String,
    /// List every finding, not only the first [`super::panel`] limit per severity.
    pub(super) show_all: bool,
    pub(super) textarea: NodeRef,
    pub(super) layer: NodeRef,
    /// Esc was pressed in the editor: the next Tab leaves it.
    pub(super) tab_escape: Rc<Cell<bool>>,
    /// Set on the embed entry (`embed.html`): see [`super::embed`].
    pub(super) embed: Option<super::embed_params::EmbedParams>,
    pub(super) workshop: super::workshop::Workshop,
    /// The first analysis has been rendered (`data-first-diagnostics-ms` is set).
    first_shown: bool,
    /// The editor container's scroll top and visible height (see [`super::viewport`]).
    pub(super) view: (f64, f64),
    /// A jump whose mark was not drawn yet: its popup is placed once it is.
    pending_popup: Option<usize>,
    /// The lines `[first, last)` the plain editor's textarea holds (`super::large::held_lines`).
    pub(super) held: (usize, usize),
    /// How many times the plain editor's textarea text was set other than by typing: an
    /// input message from before the last time is stale ([`Msg::HeldInput`]).
    pub(super) held_gen: Rc<Cell<u64>>,
    /// The code was replaced (a fix, an undo, a paste into the whole-text editor) and Yew
    /// has not rendered it yet: the textarea still shows the old text.
    held_dom_stale: bool,
}

/// The editor's colours: none above the size the editor decorates (it is then a plain
/// textarea, `super::large`), where lexing megabytes on every keystroke would only waste time.
fn colour(code: &str) -> Vec<highlight::Token> {
    if code.len() > super::large::MAX_DECORATED_BYTES {
        return Vec::new();
    }
    highlight::tokens(code)
}

fn valid_version(v: &str) -> bool {
    VERSIONS.contains(&v)
}

impl App {
    fn context(&self) -> gocompat::Context {
        let gomod = self.gomod.trim();
        gocompat::Context {
            go_mod: (!gomod.is_empty()).then(|| self.gomod.clone()),
            from: GoVersion::parse(&self.from).ok(),
            to: GoVersion::parse(&self.to).ok(),
            toolchain: GoVersion::parse(&self.toolchain).ok(),
            file_name: (!self.file.is_empty()).then(|| self.file.clone()),
        }
    }

    pub(super) fn fresh(&self) -> bool {
        self.current.as_ref().is_some_and(|c| gocompat::span::same_text(&c.code, &self.code))
    }

    fn request_of(&self, code: String) -> Request {
        Request { id: self.req_id, code, ctx: self.context(), base: self.current.as_ref().map(|c| c.id), splice: None }
    }

    fn accept(&mut self, current: Current) {
        self.current = Some(Rc::new(current));
        if self.active.is_some_and(|a| a >= self.diag_len()) {
            self.active = None;
        }
        self.popup = None;
        self.preview = None;
        self.remap();
        self.workshop_analysis_arrived();
    }

    pub(super) fn diag_len(&self) -> usize {
        self.current.as_ref().map(|c| c.analysis.diagnostics.len()).unwrap_or(0)
    }

    /// Recomputes the marks: the current analysis' spans moved onto the live text.
    fn remap(&mut self) {
        self.marks.clear();
        let Some(cur) = &self.current else { return };
        let region = sync::edit_region(&cur.code, &self.code);
        for (idx, d) in cur.analysis.diagnostics.iter().enumerate() {
            if let Some((start, end)) = sync::map_span(d.span.start, d.span.end, region) {
                if end <= self.code.len() {
                    self.marks.push(MarkSpan { start, end, idx, rule: d.rule.clone(), severity: d.severity.key() });
                }
            }
        }
    }

    fn schedule_analysis(&mut self, ctx: &yew::Context<Self>) {
        let link = ctx.link().clone();
        self.debounce = Some(Timeout::new(DEBOUNCE_MS, move || link.send_message(Msg::Analyze)));
    }

    pub(super) fn run_analysis(&mut self) {
        self.debounce = None;
        self.req_id += 1;
        if matches!(self.backend, Backend::Idle) && !self.on_page(self.code.len()) {
            self.start_worker();
        }
        if self.unanalysable() {
            // Nothing can analyse this text: no findings of another text stay on it.
            if self.current.take().is_some() {
                self.active = None;
                self.popup = None;
                self.remap();
            }
            return;
        }
        if self.in_flight.is_some() {
            self.queued = true;
            return;
        }
        self.send_request(self.code.clone());
    }

    /// Sends `code` as request `req_id` (nothing in flight; before Ready, the client queues
    /// it until the worker listens). Whether it went.
    fn send_request(&mut self, code: String) -> bool {
        let req = self.request_of(code);
        let sent = match &self.backend {
            _ if self.on_page(req.code.len()) => {
                self.page.send(&self.wire(&req, self.page.holds()), req.code.len());
                Ok(())
            }
            Backend::Ready(worker) | Backend::Starting(worker) => worker.send(&self.wire(&req, self.worker_has)),
            Backend::Idle | Backend::Failed(_) => return false,
        };
        match sent {
            Ok(()) => {
                self.in_flight = Some((req.id, req.code));
                true
            }
            Err(e) => {
                self.worker_failed(format!("could not send to the worker: {e}"));
                false
            }
        }
    }

    /// `req` as sent to the side that holds the text of request `holds`: an edit of that text,
    /// if the page shows its analysis (and so has that text).
    fn wire(&self, req: &Request, holds: Option<u64>) -> Request {
        match (holds, &self.current) {
            (Some(of), Some(cur)) if cur.id == of => req.spliced(of, &cur.code),
            _ => req.clone(),
        }
    }

    /// Starts the analysis worker (adopting the one www/worker-boot.js started, if any).
    fn start_worker(&mut self) {
        self.backend = match WorkerClient::start(self.send.reform(Msg::Worker)) {
            Ok(w) => {
                let send = self.send.clone();
                self.worker_timer =
                    Some(Timeout::new(WORKER_START_TIMEOUT_MS, move || send.emit(Msg::WorkerStartTimeout)));
                Backend::Starting(w)
            }
            Err(e) => Backend::Failed(format!("the browser refused to start it ({e})")),
        };
    }

    fn worker_failed(&mut self, reason: String) {
        self.backend = Backend::Failed(reason);
        self.worker_has = None;
        self.worker_timer = None;
        // A request the page answered has its reply on the way; the worker's never will. The
        // text is then analysed on the page if it can be (else its findings are cleared).
        if self.in_flight.as_ref().is_some_and(|(id, _)| !self.page.answered(*id)) {
            self.in_flight = None;
        }
        if self.in_flight.is_none() {
            self.queued = false;
            if !self.fresh() {
                self.run_analysis();
            }
        }
    }

    /// Nothing can analyse the text: the worker is unavailable and the text too large for the page.
    pub(super) fn unanalysable(&self) -> bool {
        matches!(self.backend, Backend::Failed(_)) && !self.on_page(self.code.len())
    }

    /// Whether the page analyses a text of `len` bytes (`route.rs`). Without a worker, it takes
    /// every text up to the size it is meant for, slow keystrokes or not.
    pub(super) fn on_page(&self, len: usize) -> bool {
        match self.backend {
            Backend::Failed(_) => len <= super::route::MAX_BYTES,
            _ => self.page.takes(len),
        }
    }

    fn text_changed(&mut self, ctx: &yew::Context<Self>) {
        // Sent first, so the worker analyses while the page colours and paints; while one
        // request is in flight, changes coalesce into the next one. A guess of this very text
        // is on its way already (`Msg::BeforeInput`).
        let guess = self.guess.take();
        let guessed = self
            .in_flight
            .as_ref()
            .is_some_and(|(id, code)| Some(*id) == guess && gocompat::span::same_text(code, &self.code));
        if !guessed {
            self.run_analysis();
        }
        self.tokens = colour(&self.code);
        self.remap();
        self.popup = None;
        self.preview = None;
        self.schedule_url(ctx);
    }

    /// Replaces the whole text (fix, example, undo), remembering the old one for Undo.
    pub(super) fn replace_text(&mut self, ctx: &yew::Context<Self>, text: String, remember: bool) {
        // The textarea's text is set anew: typing into the old one is stale.
        self.held_gen.set(self.held_gen.get() + 1);
        self.held_dom_stale = true;
        if !self.plain() {
            // Should the new text need the plain editor, it starts at the top.
            self.held = (0, super::large::HELD_MARGIN_LINES);
        }
        if remember {
            let old = std::mem::take(&mut self.code);
            self.undo.push(old);
            if self.undo.len() > UNDO_DEPTH {
                self.undo.remove(0);
            }
        }
        self.code = text;
        // (Analysed at once: the user expects the result of their click.)
        self.text_changed(ctx);
    }

    pub(super) fn shared(&self) -> Shared {
        let default = examples::DEFAULT;
        Shared {
            code: (self.code != default.code).then(|| self.code.clone()),
            from: (self.from != DEFAULT_FROM).then(|| self.from.clone()),
            to: (self.to != DEFAULT_TO).then(|| self.to.clone()),
            gomod: (!self.gomod.is_empty()).then(|| self.gomod.clone()),
            env: (!self.env.is_empty()).then(|| self.env.clone()),
            toolchain: (!self.toolchain.is_empty()).then(|| self.toolchain.clone()),
            file: (!self.file.is_empty()).then(|| self.file.clone()),
            mode: (self.mode != Mode::Code).then(|| self.mode.key().to_string()),
        }
    }

    fn schedule_url(&mut self, ctx: &yew::Context<Self>) {
        self.last_change = dom::now_ms();
        if self.url_timer.is_some() {
            return;
        }
        let wait = (self.last_url_write + URL_INTERVAL_MS - self.last_change).max(URL_QUIET_MS);
        self.arm_url_timer(ctx, wait);
    }

    fn arm_url_timer(&mut self, ctx: &yew::Context<Self>, wait: f64) {
        let link = ctx.link().clone();
        self.url_timer = Some(Timeout::new(wait.ceil() as u32, move || link.send_message(Msg::WriteUrl)));
    }

    /// The URL timer fired: writes now, or waits for the typing to pause (at most
    /// [`URL_MAX_DEFER_MS`] after the last write). Whether the page must re-render.
    fn url_timer_fired(&mut self, ctx: &yew::Context<Self>) -> bool {
        let now = dom::now_ms();
        let quiet = now - self.last_change;
        if quiet < URL_QUIET_MS && now - self.last_url_write < URL_MAX_DEFER_MS {
            self.arm_url_timer(ctx, URL_QUIET_MS - quiet);
            return false;
        }
        let before = self.share_error.clone();
        self.write_url();
        self.share_error != before
    }

    fn write_url(&mut self) {
        self.url_timer = None;
        if self.embed.is_some() {
            return; // an embed keeps its address and never touches the playground's draft
        }
        // The workshop's exercises are not the user's draft: the link keeps the main views.
        if self.mode == Mode::Workshop {
            return;
        }
        if dom::location_hash() != self.url_hash {
            return; // Msg::HashChanged comes next and loads it
        }
        self.last_url_write = dom::now_ms();
        let state = self.shared();
        let draft = serde_json::to_string(&state).ok();
        let draft_error = draft.as_ref().and_then(|json| large::draft_too_large(json.len()));
        if let (Some(json), None) = (&draft, &draft_error) {
            dom::save(DRAFT_KEY, json);
        }
        match share::encode(&state) {
            Ok(frag) => {
                self.share_error = None;
                dom::replace_hash(&frag);
                self.url_hash = dom::location_hash();
            }
            Err(e) => {
                self.share_error = Some(match draft_error {
                    Some(d) => format!("{e} {d}"),
                    None => e,
                });
                dom::replace_hash("");
                self.url_hash = dom::location_hash();
            }
        }
    }

    fn apply_state(&mut self, s: Shared) {
        if let Some(code) = s.code {
            self.code = sync::textarea_text(code);
        }
        for (field, value, default) in [(&mut self.from, s.from, DEFAULT_FROM), (&mut self.to, s.to, DEFAULT_TO)] {
            match value {
                Some(v) if valid_version(&v) => *field = v,
                Some(v) => {
                    self.notes.push(format!(
                        "The saved state names Go version {:?}, which this page does not offer; using {default}.",
                        v.chars().take(20).collect::<String>()
                    ));
                }
                None => {}
            }
        }
        if let Some(g) = s.gomod {
            self.gomod = g;
        }
        if let Some(e) = s.env {
            self.env = e;
        }
        match s.toolchain {
            Some(t) if GoVersion::parse(&t).is_ok() => self.toolchain = t,
            Some(t) => self.notes.push(format!(
                "The saved state names toolchain {:?}, which is not a Go version; using the default toolchain.",
                t.chars().take(20).collect::<String>()
            )),
            None => {}
        }
        match s.file {
            Some(f) if f.ends_with(".go") && f.len() <= 100 && !f.contains(['/', '\\']) => self.file = f,
            Some(_) => {
                self.notes.push("The saved state names a file that is not a .go file name; it is ignored.".into())
            }
            None => {}
        }
        self.mode = match s.mode.as_deref() {
            Some("env") => Mode::Env,
            _ => Mode::Code,
        };
    }

    /// Positions the popup under the mark of diagnostic `idx`.
    fn popup_for(&self, idx: usize, by_caret: bool) -> Option<Popup> {
        let layer = self.layer.cast::<web_sys::Element>()?;
        let mark = layer.query_selector(&format!("mark[data-idx=\"{idx}\"]")).ok().flatten()?;
        let r = mark.get_bounding_client_rect();
        let w = dom::window()?;
        let vw = w.inner_width().ok()?.as_f64()?;
        let vh = w.inner_height().ok()?.as_f64()?;
        let width = 460f64.min(vw * 0.92);
        let left = r.left().min(vw - width - 8.0).max(8.0);
        let below = vh - r.bottom() - 12.0;
        let above = r.top() - 12.0;
        let popup = if below >= 280.0 || below >= above {
            Popup { idx, top: Some(r.bottom() + 4.0), bottom: None, left, max_height: below.max(120.0), by_caret }
        } else {
            Popup { idx, top: None, bottom: Some(vh - r.top() + 4.0), left, max_height: above.max(120.0), by_caret }
        };
        // Inside a CSS-zoomed editor (the workshop's large-text mode) fixed offsets are zoomed too.
        let zoom = self.editor_zoom();
        let scale = |v: f64| v / zoom;
        Some(Popup {
            top: popup.top.map(scale),
            bottom: popup.bottom.map(scale),
            left: scale(popup.left),
            max_height: scale(popup.max_height),
            ..popup
        })
    }

    /// The code editor's scrolling container.
    pub(super) fn editor_scroll(&self) -> Option<web_sys::Element> {
        self.layer.cast::<web_sys::Element>()?.closest(".editor-scroll").ok().flatten()
    }

    /// The CSS zoom of the editor (the workshop's large-text mode zooms it), 1 without.
    pub(super) fn editor_zoom(&self) -> f64 {
        self.layer
            .cast::<web_sys::Element>()
            .and_then(|l| js_sys::Reflect::get(&l, &"currentCSSZoom".into()).ok())
            .and_then(|z| z.as_f64())
            .filter(|z| z.is_finite() && *z > 0.0)
            .unwrap_or(1.0)
    }

    fn textarea(&self) -> Option<web_sys::HtmlTextAreaElement> {
        self.textarea.cast::<web_sys::HtmlTextAreaElement>()
    }

    /// Plain editor: holds `held` now, in the DOM too (the textarea's text, its place, the
    /// selection `sel` in bytes of the code, and the scroll position, or with `reveal` the
    /// selection focused and scrolled to). Done at once, not after Yew's next render: Yew
    /// may yield to the browser between a render and `rendered`, and a key pressed then
    /// would act on the new text with a stale caret. Yew's render then sets the same value
    /// (which keeps the selection).
    fn apply_held(
        &mut self,
        ctx: &yew::Context<Self>,
        held: (usize, usize),
        sel: Option<(usize, usize)>,
        reveal: bool,
    ) {
        let scroll = self.editor_scroll();
        let top = scroll.as_ref().map_or(0, |e| e.scroll_top());
        let Some(ta) = self.textarea() else {
            self.held = held;
            return;
        };
        // Typing whose input message is not processed yet: into the code first, where it
        // was typed (its message, then stale, is dropped).
        if !self.held_dom_stale && self.splice_held(&ta.value()) {
            self.text_changed(ctx);
        }
        self.held_gen.set(self.held_gen.get() + 1);
        self.held = held;
        let li = LineIndex::new(&self.code);
        let (first, last, start, end) = self.held_bounds(&li);
        let text = &self.code[start..end];
        ta.set_value(text);
        if let Some(layer) = self.layer.cast::<web_sys::Element>() {
            let _ = layer.set_attribute("style", &super::editor::plain_place(first, last, text));
        }
        match sel.filter(|&(s, e)| start <= s && s <= e && e <= end) {
            Some((s, e)) => {
                let hi = LineIndex::new(text);
                let (ps, pe) = (hi.position(text, s - start), hi.position(text, e - start));
                if reveal {
                    let _ = ta.focus();
                }
                let _ = ta.set_selection_range(ps.utf16_offset, pe.utf16_offset);
                if reveal {
                    if let Some(el) = &scroll {
                        let line = (first + ps.line as usize - 1) as f64;
                        let zoom = self.editor_zoom();
                        let view = el.client_height() as f64 / zoom;
                        let y = (EDITOR_PAD_PX + line * LINE_PX - view / 2.0 + LINE_PX / 2.0).max(0.0);
                        el.set_scroll_top((y * zoom) as i32);
                    }
                    return;
                }
            }
            // Typing would go elsewhere than the caret was.
            None => {
                let _ = ta.blur();
            }
        }
        if let Some(el) = &scroll {
            el.set_scroll_top(top);
        }
    }

    /// Plain editor: the held lines' text as the textarea has it, put in their place in the
    /// code. Whether it changed anything.
    fn splice_held(&mut self, text: &str) -> bool {
        let li = LineIndex::new(&self.code);
        let (first, last, start, end) = self.held_bounds(&li);
        let old = &self.code[start..end];
        if old == text {
            return false;
        }
        let last = (last + text.matches('\n').count()).saturating_sub(old.matches('\n').count());
        let mut code = String::with_capacity(self.code.len() - old.len() + text.len());
        code.push_str(&self.code[..start]);
        code.push_str(text);
        code.push_str(&self.code[end..]);
        self.code = code;
        self.held = (first, last.max(first + 1));
        self.example.clear();
        true
    }

    /// Puts the code into the whole-text editor's textarea, if it does not hold it (see
    /// `textarea_holds`). The plain editor's textarea holds some lines and is set apart.
    fn sync_textarea(&mut self) {
        let ta = self.textarea.cast::<web_sys::HtmlTextAreaElement>().filter(|_| !self.plain());
        let Some(ta) = ta else {
            self.textarea_holds = None;
            return;
        };
        let holds = self.textarea_current() && self.textarea_holds.as_ref().is_some_and(|(el, _)| *el == ta);
        if !holds {
            if ta.value() != self.code {
                ta.set_value(&self.code);
            }
            self.textarea_holds = Some((ta, self.code.clone()));
        }
    }

    /// Whether the whole-text editor's textarea holds the code (it may not yet, between a
    /// change of the code other than by typing and the next render).
    fn textarea_current(&self) -> bool {
        self.textarea_holds.as_ref().is_some_and(|(_, text)| gocompat::span::same_text(text, &self.code))
    }

    /// Whether the editor is the plain one (`super::large`), whose textarea holds some lines.
    pub(super) fn plain(&self) -> bool {
        self.code.len() > super::large::MAX_DECORATED_BYTES
    }

    /// The held lines clamped to the text, and their bytes: (first, last, start, end).
    pub(super) fn held_bounds(&self, li: &LineIndex) -> (usize, usize, usize, usize) {
        let starts = li.line_starts();
        let lines = starts.len();
        let first = self.held.0.min(lines - 1);
        let last = self.held.1.clamp(first + 1, lines);
        let end = if last < lines { starts[last] - 1 } else { self.code.len() };
        (first, last, starts[first], end)
    }

    /// The caret's byte offset in the code (the textarea's offset is in UTF-16 units of
    /// its own text: the whole code, or the held lines in the plain editor).
    fn caret_offset(&self) -> Option<usize> {
        let li = LineIndex::new(&self.code);
        if self.plain() {
            return self.held_selection_now(&li).map(|(s, _)| s);
        }
        let at = self.textarea()?.selection_start().ok().flatten()? as usize;
        Some(li.offset_from_utf16(&self.code, at))
    }

    /// Plain editor: the textarea's selection as byte offsets in the code (`li`: its lines).
    fn held_selection_now(&self, li: &LineIndex) -> Option<(usize, usize)> {
        let ta = self.textarea()?;
        let (s, e) = (ta.selection_start().ok().flatten()? as usize, ta.selection_end().ok().flatten()? as usize);
        let (_, _, start, end) = self.held_bounds(li);
        let held = &self.code[start..end];
        let hi = LineIndex::new(held);
        Some((start + hi.offset_from_utf16(held, s), start + hi.offset_from_utf16(held, e)))
    }

    /// Plain editor: holds the lines around `line` (0-based) if they are not held, keeping
    /// the selection (byte offsets) to set once rendered.
    fn hold_around(
        &mut self,
        ctx: &yew::Context<Self>,
        lines: usize,
        line: usize,
        selection: Option<(usize, usize)>,
        reveal: bool,
    ) -> bool {
        let held = super::large::held_lines(self.held, (line, line + 1), lines);
        let moved = held != self.held;
        if moved || reveal {
            self.apply_held(ctx, held, selection, reveal);
        }
        moved || reveal
    }

    /// The mark whose span contains the caret, if any.
    fn mark_at_caret(&self) -> Option<usize> {
        let off = self.caret_offset()?;
        self.marks
            .iter()
            .filter(|m| m.start <= off && (off < m.end || (m.start == m.end && off == m.start)))
            .min_by_key(|m| m.end - m.start)
            .map(|m| m.idx)
    }
}

impl Component for App {
    type Message = Msg;
    type Properties = ();

    fn create(ctx: &yew::Context<Self>) -> Self {
        let default: &Example = examples::DEFAULT;
        let mut app = App {
            code: default.code.to_string(),
            from: DEFAULT_FROM.into(),
            to: DEFAULT_TO.into(),
            gomod: String::new(),
            env: String::new(),
            toolchain: String::new(),
            file: String::new(),
            mode: Mode::Code,
            current: None,
            send: ctx.link().callback(|m: Msg| m),
            tokens: Vec::new(),
            marks: Vec::new(),
            backend: Backend::Idle,
            page: OnPage::new(ctx.link().callback(Msg::Worker)),
            req_id: 0,
            in_flight: None,
            guess: None,
            worker_has: None,
            textarea_holds: None,
            queued: false,
            debounce: None,
            worker_timer: None,
            undo: Vec::new(),
            preview: None,
            popup: None,
            hide_timer: None,
            keep_popup_until: 0.0,
            active: None,
            notes: Vec::new(),
            status: String::new(),
            share_error: None,
            last_url_write: 0.0,
            last_change: 0.0,
            url_hash: dom::location_hash(),
            url_timer: None,
            example: default.id.to_string(),
            show_all: false,
            textarea: NodeRef::default(),
            layer: NodeRef::default(),
            tab_escape: Rc::new(Cell::new(false)),
            embed: super::embed::from_page(),
            workshop: super::workshop::Workshop::load(),
            first_shown: false,
            view: (0.0, super::viewport::DEFAULT_VIEW_PX),
            pending_popup: None,
            held: (0, super::large::HELD_MARGIN_LINES),
            held_gen: Rc::default(),
            held_dom_stale: false,
        };
        // State: the link first, else the local draft, else the default example.
        let hash = dom::location_hash();
        let from_link = match share::decode(&hash) {
            Ok(Some(s)) => {
                app.apply_state(s);
                true
            }
            Ok(None) => false,
            Err(reason) => {
                app.notes.push(format!("This link could not be read: {reason}. The page opened without it."));
                false
            }
        };
        if !from_link && app.embed.is_none() {
            if let Some(s) = dom::load(DRAFT_KEY).and_then(|j| serde_json::from_str::<Shared>(&j).ok()) {
                if s != Shared::default() {
                    app.apply_state(s);
                    app.status = "Restored your last draft from this browser.".into();
                }
            }
        }
        app.init_embed();
        app.example = examples::ALL.iter().find(|e| e.code == app.code).map(|e| e.id).unwrap_or("").to_string();
        app.tokens = colour(&app.code);
        // The app writes the fragment with history.replaceState, which fires no hashchange:
        // this only hears navigations (a new link in the address bar, back/forward).
        if let Some(w) = dom::window() {
            let link = ctx.link().clone();
            let on_hash = wasm_bindgen::closure::Closure::<dyn Fn()>::new(move || link.send_message(Msg::HashChanged));
            let _ = w.add_event_listener_with_callback("hashchange", on_hash.as_ref().unchecked_ref());
            on_hash.forget();
            // Leaving the page: a link or draft write still waiting for a pause happens now.
            let link = ctx.link().clone();
            let on_hide = wasm_bindgen::closure::Closure::<dyn Fn()>::new(move || link.send_message(Msg::FlushUrl));
            let _ = w.add_event_listener_with_callback("pagehide", on_hide.as_ref().unchecked_ref());
            on_hide.forget();
        }
        // Yew has no `onbeforeinput`: the editor's is heard on the document (after the
        // textarea's own listeners, so that an input they cancel is not guessed).
        if let Some(d) = dom::document() {
            let link = ctx.link().clone();
            let on_before =
                wasm_bindgen::closure::Closure::<dyn Fn(web_sys::InputEvent)>::new(move |e: web_sys::InputEvent| {
                    let Some(ta) = e.target().and_then(|t| t.dyn_into::<web_sys::HtmlTextAreaElement>().ok()) else {
                        return;
                    };
                    if ta.id() != "code" || e.is_composing() || e.default_prevented() {
                        return;
                    }
                    let (Ok(Some(start)), Ok(Some(end))) = (ta.selection_start(), ta.selection_end()) else { return };
                    link.send_message(Msg::BeforeInput { input_type: e.input_type(), data: e.data(), start, end });
                });
            let _ = d.add_event_listener_with_callback("beforeinput", on_before.as_ref().unchecked_ref());
            on_before.forget();
        }
        // The playground starts its worker at once (www/worker-boot.js started it while the
        // wasm loaded): a draft or a paste may need it. An embed shows a snippet, which the page
        // analyses itself, so it starts one only for code the page does not take.
        if app.embed.is_none() {
            app.start_worker();
        }
        // Sent now (to the worker: answered as soon as it is ready).
        app.run_analysis();
        app
    }

    fn update(&mut self, ctx: &yew::Context<Self>, msg: Msg) -> bool {
        if self.embed_refuses(&msg) {
            return true;
        }
        match msg {
            Msg::HeldInput(text, gen) => {
                // Typed into lines held before the textarea's text was last set (a message
                // processed late): `apply_held` took that text in already.
                if gen != self.held_gen.get() || !self.splice_held(&text) {
                    return false;
                }
                self.text_changed(ctx);
            }
            Msg::CaretToEnd { end, extend } => {
                let li = LineIndex::new(&self.code);
                let (to, line) = if end { (self.code.len(), li.line_count() - 1) } else { (0, 0) };
                let anchor = self.held_selection_now(&li).map(|(s, e)| if end { s } else { e });
                let sel = match anchor {
                    Some(a) if extend => (a.min(to), a.max(to)),
                    _ => (to, to),
                };
                self.hold_around(ctx, li.line_count(), line, Some(sel), true);
            }
            Msg::PlainScrolled(top, height) => {
                let hide = self.popup.is_some() && dom::now_ms() >= self.keep_popup_until;
                if hide {
                    self.popup = None;
                }
                // Where the box is scrolled now: a scroll message processed late (Yew yields
                // to the browser in long updates) must not hold lines the view has left.
                let zoom = self.editor_zoom();
                let (top, height) = self
                    .editor_scroll()
                    .map_or((top, height), |e| (e.scroll_top() as f64 / zoom, e.client_height() as f64 / zoom));
                let first = ((top - EDITOR_PAD_PX).max(0.0) / LINE_PX) as usize;
                let last = first + (height / LINE_PX).ceil() as usize + 1;
                // (Clamped to the text when drawn: no count of its lines per scroll event.)
                let held = super::large::held_lines(self.held, (first, last), usize::MAX / 2);
                if held == self.held {
                    return hide;
                }
                // The selection, to set again in the new held lines (if it is in them).
                let sel = self.held_selection_now(&LineIndex::new(&self.code));
                self.apply_held(ctx, held, sel, false);
            }
            Msg::CodeInput(text) => {
                if gocompat::span::same_text(&text, &self.code) {
                    return false;
                }
                self.code = text;
                // Typed into the textarea: it holds the text already.
                if let Some((_, held)) = &mut self.textarea_holds {
                    held.clone_from(&self.code);
                }
                // Pasted into the whole-text editor: a plain editor starts at the top.
                self.held = (0, super::large::HELD_MARGIN_LINES);
                self.held_dom_stale = true;
                self.example.clear();
                self.text_changed(ctx);
            }
            Msg::SetFrom(v) | Msg::SetTo(v) if !valid_version(&v) => return false,
            Msg::SetFrom(v) => {
                self.from = v;
                self.run_analysis();
                self.schedule_url(ctx);
            }
            Msg::SetTo(v) => {
                self.to = v;
                self.run_analysis();
                self.schedule_url(ctx);
            }
            Msg::GoModInput(t) => {
                self.gomod = t;
                self.schedule_analysis(ctx);
                self.schedule_url(ctx);
            }
            Msg::EnvInput(t) => {
                self.env = t;
                self.schedule_url(ctx);
            }
            Msg::SetMode(m) => {
                let old = self.mode;
                self.mode = m;
                self.popup = None;
                self.workshop_mode_changed(ctx, old);
                self.write_url();
            }
            Msg::Analyze => self.run_analysis(),
            Msg::Worker(WorkerEvent::Reply(Reply::Ready)) => {
                self.worker_timer = None;
                if let Backend::Starting(w) = std::mem::replace(&mut self.backend, Backend::Idle) {
                    self.backend = Backend::Ready(w);
                }
                // Requests sent while it started were queued by the client and are on their way.
                if !self.fresh() && self.in_flight.is_none() {
                    self.run_analysis();
                }
            }
            Msg::Worker(WorkerEvent::Reply(Reply::Done { id, mut analysis, millis, delta })) => {
                let mut sent = self.in_flight.take();
                if sent.as_ref().is_some_and(|(sent_id, _)| *sent_id == id) && !self.page.answered(id) {
                    self.worker_has = Some(id);
                }
                // Findings the reply takes from the analysis shown (`protocol::Delta`). Should
                // that fail (not the analysis the worker took them from), the text is asked
                // for again, and that request names the analysis shown.
                if let Some(delta) = delta {
                    let merged = match self.current.as_ref().filter(|c| c.id == delta.base) {
                        Some(base) => super::protocol::merge(&base.analysis.diagnostics, &mut analysis, &delta),
                        None => Err("not the analysis shown".into()),
                    };
                    if merged.is_err() {
                        sent = None;
                        self.queued = true;
                        self.req_id += 1;
                    }
                }
                match sent {
                    // The reply to the request in flight: show it, even if the text changed
                    // since (its marks are moved onto the live text; the newer text is sent
                    // next). Anything else is stale: dropped.
                    Some((sent_id, code)) if sent_id == id && self.current.as_ref().is_none_or(|c| c.id < id) => {
                        let on_page = self.page.answered(id);
                        self.accept(Current { code, analysis: *analysis, millis, id, on_page });
                    }
                    _ => {}
                }
                // (A guess of a text the editor never got, an input cancelled after its
                // `beforeinput`: the editor's text has no analysis and none is coming.)
                // (Under a new id: one not newer than the analysis shown would be dropped.)
                if self.queued || (self.in_flight.is_none() && !self.fresh()) {
                    self.queued = false;
                    self.run_analysis();
                }
            }
            Msg::Worker(WorkerEvent::Reply(Reply::Resend { id })) => {
                // The side that answered lacks the text an edit was of: the whole text goes next.
                if !self.page.answered(id) {
                    self.worker_has = None;
                }
                if self.in_flight.as_ref().is_some_and(|(sent, _)| *sent == id) {
                    self.in_flight = None;
                    // (This request is the latest text: nothing stays queued.)
                    self.queued = false;
                    self.run_analysis();
                }
                return false;
            }
            Msg::Worker(WorkerEvent::Reply(Reply::Failed { error, .. })) => {
                self.worker_failed(format!("it could not read a request ({error})"));
            }
            Msg::Worker(WorkerEvent::Failed(reason)) => self.worker_failed(reason),
            Msg::WorkerStartTimeout => {
                if matches!(self.backend, Backend::Starting(_)) {
                    self.worker_failed(format!("it did not start within {} s", WORKER_START_TIMEOUT_MS / 1000));
                }
            }
            Msg::Jump(idx) => {
                self.active = Some(idx);
                let Some(m) = self.marks.iter().find(|m| m.idx == idx).cloned() else {
                    self.status = "That finding is in text you have edited since; it will update in a moment.".into();
                    return true;
                };
                if self.plain() {
                    // Hold the finding's lines, then select it and scroll to it (`rendered`).
                    let li = LineIndex::new(&self.code);
                    let line = li.position(&self.code, m.start).line as usize - 1;
                    self.hold_around(ctx, li.line_count(), line, Some((m.start, m.end)), true);
                    return true;
                }
                if let Some(ta) = self.textarea() {
                    let li = LineIndex::new(&self.code);
                    let s = li.position(&self.code, m.start).utf16_offset;
                    let e = li.position(&self.code, m.end).utf16_offset;
                    let _ = ta.focus();
                    let _ = ta.set_selection_range(s, e);
                }
                // The mark may lie outside the drawn lines: scroll its line to the middle
                // of the container, draw that window, then place the popup (in `rendered`).
                if let Some(scroll) = self.editor_scroll() {
                    let line = LineIndex::new(&self.code).position(&self.code, m.start).line as f64 - 1.0;
                    let zoom = self.editor_zoom();
                    let view = scroll.client_height() as f64 / zoom;
                    let top = (EDITOR_PAD_PX + line * LINE_PX - view / 2.0 + LINE_PX / 2.0).max(0.0);
                    scroll.set_scroll_top((top * zoom) as i32);
                    self.view = (scroll.scroll_top() as f64 / zoom, view);
                }
                self.popup = None;
                self.pending_popup = Some(idx);
                self.keep_popup_until = dom::now_ms() + 600.0;
            }
            Msg::Hover(Some(idx)) => {
                self.hide_timer = None;
                if self.popup.is_some_and(|p| p.idx == idx) {
                    return false;
                }
                self.popup = self.popup_for(idx, false);
            }
            Msg::Hover(None) => {
                if self.popup.is_some_and(|p| !p.by_caret) && self.hide_timer.is_none() {
                    let link = ctx.link().clone();
                    self.hide_timer = Some(Timeout::new(300, move || link.send_message(Msg::HidePopup)));
                }
                return false;
            }
            Msg::Scrolled(top, height) => {
                // Unclamped windows (no line count): equal ones are equal once clamped too.
                let before = super::viewport::window(self.view.0, self.view.1, LINE_PX, EDITOR_PAD_PX, usize::MAX);
                self.view = (top, height);
                let after = super::viewport::window(top, height, LINE_PX, EDITOR_PAD_PX, usize::MAX);
                let hide = self.popup.is_some() && dom::now_ms() >= self.keep_popup_until;
                if hide {
                    self.popup = None;
                }
                return hide || before != after;
            }
            Msg::PlacePopup(p) => self.popup = Some(p),
            Msg::KeepPopup => {
                self.hide_timer = None;
                return false;
            }
            Msg::HidePopup => {
                self.hide_timer = None;
                self.popup = None;
            }
            Msg::Caret => {
                if self.plain() {
                    // The caret near an edge of the held lines (arrows, Page Down): hold
                    // the lines around it.
                    let li = LineIndex::new(&self.code);
                    let Some(sel) = self.held_selection_now(&li) else { return false };
                    let line = li.position(&self.code, sel.1).line as usize - 1;
                    return self.hold_around(ctx, li.line_count(), line, Some(sel), false);
                }
                let at = self.mark_at_caret();
                match at {
                    Some(idx) if self.popup.is_some_and(|p| p.idx == idx) => return false,
                    Some(idx) => {
                        self.active = Some(idx);
                        self.popup = self.popup_for(idx, true);
                    }
                    None if self.popup.is_some_and(|p| p.by_caret) => self.popup = None,
                    None => return false,
                }
            }
            Msg::BeforeInput { input_type, data, start, end } => {
                // (A text the page analyses itself is analysed when the input comes, in the same
                // task: a guess would only add an analysis of a text that may never come. The
                // key makes a text at most its data longer.)
                if !matches!(self.backend, Backend::Ready(_))
                    || self.on_page(self.code.len() + data.as_ref().map_or(0, |d| d.len()))
                    || self.in_flight.is_some()
                    || self.plain()
                    || self.read_only()
                    || !self.textarea_current()
                {
                    return false;
                }
                let (start, end) =
                    (sync::byte_offset(&self.code, start as usize), sync::byte_offset(&self.code, end as usize));
                let Some(code) = sync::predicted(&self.code, start, end, &input_type, data.as_deref())
                    .filter(|code| !self.on_page(code.len()))
                else {
                    return false;
                };
                self.req_id += 1;
                if self.send_request(code) {
                    self.guess = Some(self.req_id);
                }
                return false;
            }
            Msg::Preview(key) => self.preview = if self.preview == key { None } else { key },
            Msg::ApplyFix(idx) => {
                if !self.fresh() {
                    self.status = "The analysis is catching up with your edits; try again in a moment.".into();
                    return true;
                }
                let Some(fix) =
                    self.current.as_ref().and_then(|c| c.analysis.diagnostics.get(idx)).and_then(|d| d.fix.clone())
                else {
                    return false;
                };
                match apply_edits(&self.code, &fix.edits) {
                    Ok(text) => {
                        self.status = format!("Applied: {}. Undo restores the previous text.", fix.title);
                        self.replace_text(ctx, text, true);
                    }
                    Err(e) => self.status = format!("Could not apply \"{}\": {e}.", fix.title),
                }
            }
            Msg::ApplyAllSafe => {
                if !self.fresh() {
                    self.status = "The analysis is catching up with your edits; try again in a moment.".into();
                    return true;
                }
                let Some(cur) = &self.current else { return false };
                let fixes: Vec<_> = cur
                    .analysis
                    .diagnostics
                    .iter()
                    .filter_map(|d| d.fix.as_ref())
                    .filter(|f| f.applicability == Applicability::Safe)
                    .collect();
                let r = apply_fixes(&self.code, fixes);
                if r.applied > 0 {
                    self.status = format!(
                        "Applied {} safe fix{}{}. Undo restores the previous text.",
                        r.applied,
                        if r.applied == 1 { "" } else { "es" },
                        if r.skipped > 0 {
                            format!(" ({} skipped: they overlapped another fix)", r.skipped)
                        } else {
                            String::new()
                        }
                    );
                    self.replace_text(ctx, r.text, true);
                } else {
                    self.status = "No safe fix to apply.".into();
                }
            }
            Msg::Undo => {
                if let Some(prev) = self.undo.pop() {
                    self.status = "Undone: the text is back as it was.".into();
                    self.replace_text(ctx, prev, false);
                }
            }
            Msg::LoadExample(id) => {
                if let Some(ex) = examples::by_id(&id) {
                    self.example = ex.id.to_string();
                    self.from = ex.from.to_string();
                    self.to = ex.to.to_string();
                    self.mode = Mode::Code;
                    self.toolchain.clear();
                    self.file.clear();
                    self.status = format!("Loaded the example \"{}\". Undo brings your text back.", ex.label);
                    self.replace_text(ctx, ex.code.to_string(), true);
                }
            }
            Msg::ToggleTheme => {
                let current = dom::document()
                    .and_then(|d| d.document_element())
                    .and_then(|e| e.get_attribute("data-theme"))
                    .unwrap_or_else(|| if dom::prefers_dark() { "dark".into() } else { "light".into() });
                let next = if current == "dark" { "light" } else { "dark" };
                dom::set_theme_attr(Some(next));
                dom::save(THEME_KEY, next);
            }
            Msg::CopyLink => {
                self.write_url();
                if let Some(e) = &self.share_error {
                    self.status = e.clone();
                    return true;
                }
                let href = dom::href();
                let link = ctx.link().clone();
                match dom::window().map(|w| w.navigator().clipboard()) {
                    Some(cb) => {
                        let promise = cb.write_text(&href);
                        wasm_bindgen_futures_lite(promise, move |r| link.send_message(Msg::Copied(r)));
                    }
                    None => self.status = "Copying is not available here: copy the address bar instead.".into(),
                }
            }
            Msg::Copied(Ok(())) => self.status = "Link copied to the clipboard.".into(),
            Msg::Copied(Err(e)) => {
                self.status = format!("Could not copy ({e}): the link is in the address bar.");
            }
            Msg::WriteUrl => return self.url_timer_fired(ctx),
            Msg::FlushUrl => {
                if self.url_timer.take().is_some() {
                    self.write_url();
                }
                return false;
            }
            Msg::ShowAll => self.show_all = true,
            Msg::Activate(idx) => {
                if self.active == Some(idx) {
                    return false;
                }
                self.active = Some(idx);
            }
            Msg::HashChanged => match share::decode(&{
                self.url_hash = dom::location_hash();
                self.url_hash.clone()
            }) {
                Ok(Some(s)) if s != self.shared() => {
                    let code = s.code.clone().unwrap_or_else(|| examples::DEFAULT.code.to_string());
                    self.from = DEFAULT_FROM.into();
                    self.to = DEFAULT_TO.into();
                    self.gomod.clear();
                    self.env.clear();
                    self.toolchain.clear();
                    self.file.clear();
                    self.apply_state(Shared { code: None, ..s });
                    self.example =
                        examples::ALL.iter().find(|e| e.code == code).map(|e| e.id).unwrap_or("").to_string();
                    self.status = "Opened the link's code and versions. Undo brings your text back.".into();
                    self.replace_text(ctx, sync::textarea_text(code), true);
                }
                Ok(_) => return false,
                Err(reason) => self.notes.push(format!("This link could not be read: {reason}.")),
            },
            Msg::ClearPinned => {
                self.toolchain.clear();
                self.file.clear();
                self.run_analysis();
                self.schedule_url(ctx);
            }
            Msg::Workshop(m) => return self.workshop_update(ctx, m),
            Msg::DismissNote(i) => {
                if i < self.notes.len() {
                    self.notes.remove(i);
                }
            }
        }
        true
    }

    fn rendered(&mut self, ctx: &yew::Context<Self>, _first_render: bool) {
        self.held_dom_stale = false;
        self.sync_textarea();
        if let Some(idx) = self.pending_popup.take() {
            if let Some(p) = self.popup_for(idx, true) {
                ctx.link().send_message(Msg::PlacePopup(p));
            }
        }
        if !self.first_shown && self.current.is_some() {
            self.first_shown = true;
            // Cold load → first diagnostics in the DOM, for the browser tests and the curious.
            if let Some(root) = dom::document().and_then(|d| d.document_element()) {
                let _ = root.set_attribute("data-first-diagnostics-ms", &format!("{:.0}", dom::now_ms()));
            }
        }
    }

    fn view(&self, ctx: &yew::Context<Self>) -> Html {
        let link = ctx.link();
        let on_mode = |m: Mode| link.callback(move |_: MouseEvent| Msg::SetMode(m));
        let on_example = link.callback(|e: Event| {
            let sel: web_sys::HtmlSelectElement = e.target_unchecked_into();
            Msg::LoadExample(sel.value())
        });
        if self.embed.is_some() {
            return self.view_embed(ctx);
        }
        html! {
            <>
            <a class="skip" href="#code">{"Skip to the editor"}</a>
            <header class="topbar">
                <div class="brand">
                    <h1>{"gocompat"}</h1>
                    <p class="tagline">{"What breaks when a Go module moves to a newer Go version"}</p>
                </div>
                <a class="rules-link" id="rules-link" href="rules/index.html">{"Rules"}</a>
                <nav class="modes" aria-label="Mode">
                    <button type="button" id="mode-code" aria-pressed={(self.mode == Mode::Code).to_string()} onclick={on_mode(Mode::Code)}>{"Go code"}</button>
                    <button type="button" id="mode-env" aria-pressed={(self.mode == Mode::Env).to_string()} onclick={on_mode(Mode::Env)}>{"go env"}</button>
                    <button type="button" id="mode-workshop" aria-pressed={(self.mode == Mode::Workshop).to_string()} onclick={on_mode(Mode::Workshop)}>{"Workshop"}</button>
                </nav>
                <div class="actions">
                    <label class="example-pick" hidden={self.mode == Mode::Workshop}>
                        <span>{"Examples"}</span>
                        <select id="example" onchange={on_example}>
                            <option value="" selected={self.example.is_empty()}>{"Choose an example…"}</option>
                            {for examples::ALL.iter().map(|e| html! {
                                <option value={e.id} selected={self.example == e.id}>{e.label}</option>
                            })}
                        </select>
                    </label>
                    <button type="button" id="copy-link" onclick={link.callback(|_| Msg::CopyLink)}>{"Copy link"}</button>
                    <button type="button" id="theme-toggle" class="icon" onclick={link.callback(|_| Msg::ToggleTheme)}
                        aria-label="Switch between light and dark theme" title="Switch between light and dark theme">
                        <span aria-hidden="true" class="theme-icon"></span>
                    </button>
                </div>
            </header>
            <main id="main">
                {self.view_notes(ctx)}
                if self.mode != Mode::Workshop {
                    {self.view_versions(ctx)}
                }
                {match self.mode {
                    Mode::Code => self.view_code_mode(ctx),
                    Mode::Env => html! {
                        <super::env_view::EnvView text={AttrValue::from(self.env.clone())} from={AttrValue::from(self.from.clone())}
                            to={AttrValue::from(self.to.clone())} gomod={AttrValue::from(self.gomod.clone())} on_input={link.callback(Msg::EnvInput)} />
                    },
                    Mode::Workshop => self.view_workshop(ctx),
                }}
                <p id="status" class="status" role="status" aria-live="polite">{self.status.clone()}</p>
            </main>
            <footer class="footer">
                <p>{"Runs entirely in your browser: your code is never sent anywhere. Findings cite the Go release notes and docs on go.dev."}</p>
            </footer>
            </>
        }
    }
}

/// Awaits a JS promise without an async runtime: `then`/`catch` callbacks.
fn wasm_bindgen_futures_lite(promise: js_sys::Promise, done: impl FnOnce(Result<(), String>) + 'static) {
    use wasm_bindgen::closure::Closure;
    let done = Rc::new(Cell::new(Some(Box::new(done) as Box<dyn FnOnce(Result<(), String>)>)));
    let d1 = done.clone();
    let ok = Closure::once(move |_: wasm_bindgen::JsValue| {
        if let Some(f) = d1.take() {
            f(Ok(()))
        }
    });
    let err = Closure::once(move |e: wasm_bindgen::JsValue| {
        if let Some(f) = done.take() {
            let msg = e
                .dyn_ref::<js_sys::Error>()
                .map(|e| String::from(e.message()))
                .unwrap_or_else(|| "refused".to_string());
            f(Err(msg))
        }
    });
    let _ = promise.then2(&ok, &err);
    ok.forget();
    err.forget();
}
