//! Workshop mode: guided lessons (exercises checked against the app's current analysis or the
//! env view's report), progress in localStorage, a presenter (large-font) toggle, and the
//! myth-or-fact deck built from `data/knowledge/seed-claims.md`.
//!
//! * [`lessons`], [`check`], [`claims`], [`progress`]: pure, tested natively
//!   (`tests/workshop_lessons.rs`).
//! * This file: the workshop's state and messages, as an extension of [`App`] (the editor,
//!   the findings panel and the analysis scheduling are the app's own). No core computation
//!   happens here: Check reads the analysis the app receives (from the worker) and the env
//!   view's model.
//! * [`view`]: the markup.

pub mod check;
pub mod claims;
pub mod lessons;
pub mod progress;
mod view;

use super::app::{App, Mode};
use super::dom;
use super::env_model::EnvModel;
use check::{EnvFacts, Outcome};
use claims::{Claim, Verdict};
use lessons::{Exercise, Kind};
use progress::Progress;
use std::collections::HashMap;
use std::rc::Rc;

/// The attribute on `<html>` that turns on presenter mode (large fonts).
const PRESENTER_ATTR: &str = "data-presenter";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tab {
    Lessons,
    Myths,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CheckState {
    Idle,
    /// Check was pressed: waiting for the analysis (or env model) of the current text.
    Waiting,
    Done(Outcome),
}

/// The main views' state, put aside while the workshop uses the editor.
struct Stash {
    code: String,
    from: String,
    to: String,
    gomod: String,
    env: String,
    undo: Vec<String>,
}

pub enum WsMsg {
    Tab(Tab),
    Open(&'static str),
    List,
    Check,
    Hint,
    Solution,
    UseSolution,
    Restart,
    Next,
    Reset,
    ToggleLarge,
    EnvModel(Rc<EnvModel>),
    JumpLine(u32),
    Answer(Verdict),
    Card(usize),
    Live(&'static str),
}

pub struct Workshop {
    pub progress: Progress,
    pub tab: Tab,
    pub open: Option<&'static Exercise>,
    pub hints: usize,
    pub solution: bool,
    pub check: CheckState,
    /// The latest env view report and the text it is for.
    env: Option<(String, EnvFacts)>,
    stash: Option<Stash>,
    /// The learner's text per exercise (this page load only): (code or env, go.mod).
    drafts: HashMap<&'static str, (String, String)>,
    pub deck: Vec<Claim>,
    pub card: usize,
    /// The stored progress could not be read: say so once.
    pub storage_note: Option<String>,
}

fn known_ids() -> Vec<&'static str> {
    lessons::all_exercises().map(|(_, e)| e.id).collect()
}

const VERDICT_KEYS: &[&str] = &["myth", "fact", "partly"];

impl Workshop {
    /// Reads the stored progress (validated: never fails) and applies the presenter toggle.
    pub fn load() -> Workshop {
        let deck = claims::parse(claims::SEED_CLAIMS);
        let letters: Vec<&str> = deck.iter().map(|c| c.letter.as_str()).collect();
        let raw = dom::load(progress::KEY);
        let progress = Progress::load(raw.as_deref(), &known_ids(), &letters, VERDICT_KEYS);
        let storage_note = raw
            .filter(|r| !r.is_empty() && progress == Progress::default() && r.trim() != Progress::default().save())
            .map(|_| "The saved workshop progress in this browser could not be read; starting afresh.".to_string());
        set_presenter(progress.large);
        let card = deck.iter().position(|c| progress.answer(&c.letter).is_none()).unwrap_or(0);
        Workshop {
            progress,
            tab: Tab::Lessons,
            open: None,
            hints: 0,
            solution: false,
            check: CheckState::Idle,
            env: None,
            stash: None,
            drafts: HashMap::new(),
            deck,
            card,
            storage_note,
        }
    }

    fn save(&self) {
        dom::save(progress::KEY, &self.progress.save());
    }

    pub fn score(&self) -> (usize, usize) {
        let answered: Vec<_> =
            self.deck.iter().filter_map(|c| self.progress.answer(&c.letter).map(|a| (a, c.verdict))).collect();
        (answered.iter().filter(|(a, v)| *a == v.key()).count(), answered.len())
    }
}

fn set_presenter(on: bool) {
    let Some(root) = dom::document().and_then(|d| d.document_element()) else { return };
    let _ = if on { root.set_attribute(PRESENTER_ATTR, "on") } else { root.remove_attribute(PRESENTER_ATTR) };
}

impl App {
    /// Called by the app when the mode changes: entering the workshop puts the main views'
    /// text aside (and brings back the open exercise); leaving restores it.
    pub(super) fn workshop_mode_changed(&mut self, ctx: &yew::Context<Self>, old: Mode) {
        let entering = self.mode == Mode::Workshop && old != Mode::Workshop;
        let leaving = self.mode != Mode::Workshop && old == Mode::Workshop;
        if entering {
            self.workshop.stash = Some(Stash {
                code: self.code.clone(),
                from: self.from.clone(),
                to: self.to.clone(),
                gomod: self.gomod.clone(),
                env: self.env.clone(),
                undo: std::mem::take(&mut self.undo),
            });
            if let Some(ex) = self.workshop.open {
                self.load_exercise(ctx, ex);
            }
        } else if leaving {
            self.keep_draft();
            if let Some(s) = self.workshop.stash.take() {
                self.from = s.from;
                self.to = s.to;
                self.gomod = s.gomod;
                self.env = s.env;
                self.replace_text(ctx, s.code, false);
                self.undo = s.undo;
            }
        }
    }

    /// Called by the app when it accepts an analysis: a pending Check is answered.
    pub(super) fn workshop_analysis_arrived(&mut self) {
        if self.mode != Mode::Workshop || self.workshop.check != CheckState::Waiting {
            return;
        }
        let Some(ex) = self.workshop.open.filter(|e| e.kind == Kind::Code) else { return };
        if !self.fresh() {
            return;
        }
        let Some(cur) = &self.current else { return };
        let outcome = check::check_code(ex, &cur.code, &self.gomod, &cur.analysis);
        self.finish_check(ex, outcome);
    }

    fn finish_check(&mut self, ex: &'static Exercise, outcome: Outcome) {
        if outcome.passed {
            let first = self.workshop.progress.mark_done(ex.id);
            if first {
                self.workshop.save();
            }
            self.status = format!("Passed: {}.", ex.title);
        } else {
            self.status = format!(
                "Not yet: {} thing{} left.",
                outcome.left.len(),
                if outcome.left.len() == 1 { "" } else { "s" }
            );
        }
        self.workshop.check = CheckState::Done(outcome);
    }

    fn keep_draft(&mut self) {
        if let Some(ex) = self.workshop.open {
            let text = match ex.kind {
                Kind::Code => self.code.clone(),
                Kind::Env => self.env.clone(),
            };
            self.workshop.drafts.insert(ex.id, (text, self.gomod.clone()));
        }
    }

    fn load_exercise(&mut self, ctx: &yew::Context<Self>, ex: &'static Exercise) {
        let (text, gomod) =
            self.workshop.drafts.get(ex.id).cloned().unwrap_or_else(|| (ex.start.to_string(), ex.gomod.to_string()));
        self.from = ex.from.to_string();
        self.to = ex.to.to_string();
        self.gomod = gomod;
        self.undo.clear();
        match ex.kind {
            Kind::Code => self.replace_text(ctx, text, false),
            Kind::Env => {
                self.env = text;
                self.workshop.env = None;
            }
        }
    }

    fn open_exercise(&mut self, ctx: &yew::Context<Self>, ex: &'static Exercise) {
        self.keep_draft();
        self.workshop.open = Some(ex);
        self.workshop.hints = 0;
        self.workshop.solution = false;
        self.workshop.check = CheckState::Idle;
        self.workshop.tab = Tab::Lessons;
        self.load_exercise(ctx, ex);
        self.status = format!("Opened the exercise \"{}\".", ex.title);
        focus_after_render("ws-title".into());
    }

    /// Handles a workshop message; returns whether to re-render.
    pub(super) fn workshop_update(&mut self, ctx: &yew::Context<Self>, msg: WsMsg) -> bool {
        match msg {
            WsMsg::Tab(t) => self.workshop.tab = t,
            WsMsg::Open(id) => {
                if let Some((_, ex)) = lessons::exercise(id) {
                    self.open_exercise(ctx, ex);
                }
            }
            WsMsg::List => {
                if let Some(ex) = self.workshop.open {
                    focus_after_render(format!("ws-ex-{}", ex.id));
                }
                self.keep_draft();
                self.workshop.open = None;
                self.workshop.check = CheckState::Idle;
            }
            WsMsg::Check => {
                let Some(ex) = self.workshop.open else { return false };
                self.workshop.check = CheckState::Waiting;
                match ex.kind {
                    Kind::Code => {
                        // A fresh analysis of exactly this text, versions and go.mod; the
                        // answer comes through `workshop_analysis_arrived`.
                        self.run_analysis();
                    }
                    Kind::Env => {
                        // The env view's model of this very text, if it has one; else the
                        // answer comes with its next model (`WsMsg::EnvModel`).
                        let outcome = match &self.workshop.env {
                            Some((text, facts)) if *text == self.env => Some(check::check_env(ex, facts)),
                            _ => None,
                        };
                        if let Some(o) = outcome {
                            self.finish_check(ex, o);
                        }
                    }
                }
            }
            WsMsg::Hint => {
                if let Some(ex) = self.workshop.open {
                    self.workshop.hints = (self.workshop.hints + 1).min(ex.hints.len());
                }
            }
            WsMsg::Solution => self.workshop.solution = true,
            WsMsg::UseSolution => {
                let Some(ex) = self.workshop.open else { return false };
                self.gomod = ex.solution_gomod.unwrap_or(ex.gomod).to_string();
                self.workshop.check = CheckState::Idle;
                match ex.kind {
                    Kind::Code => self.replace_text(ctx, ex.solution.to_string(), true),
                    Kind::Env => self.env = ex.solution.to_string(),
                }
                self.status = "The reference solution is in the editor. Press Check to confirm it.".into();
            }
            WsMsg::Restart => {
                let Some(ex) = self.workshop.open else { return false };
                self.workshop.drafts.remove(ex.id);
                self.workshop.check = CheckState::Idle;
                self.load_exercise(ctx, ex);
                self.status = "The exercise is back at its starting text.".into();
            }
            WsMsg::Next => {
                let next = self.workshop.open.and_then(|e| lessons::next_after(e.id));
                match next {
                    Some(ex) => self.open_exercise(ctx, ex),
                    None => {
                        self.keep_draft();
                        self.workshop.open = None;
                        self.workshop.tab = Tab::Myths;
                        self.status = "That was the last exercise. Try the myth-or-fact deck.".into();
                    }
                }
            }
            WsMsg::Reset => {
                let large = self.workshop.progress.large;
                self.workshop.progress = Progress { large, ..Progress::default() };
                self.workshop.storage_note = None;
                self.workshop.save();
                self.workshop.card = 0;
                self.status = "Workshop progress reset.".into();
            }
            WsMsg::ToggleLarge => {
                self.workshop.progress.large = !self.workshop.progress.large;
                set_presenter(self.workshop.progress.large);
                self.workshop.save();
            }
            WsMsg::EnvModel(m) => {
                let facts = EnvFacts::from_report(&m.report);
                let waiting = self.workshop.check == CheckState::Waiting;
                let outcome = match self.workshop.open.filter(|e| e.kind == Kind::Env) {
                    Some(ex) if waiting && m.inputs.text == self.env => Some((ex, check::check_env(ex, &facts))),
                    _ => None,
                };
                self.workshop.env = Some((m.inputs.text.clone(), facts));
                match outcome {
                    Some((ex, o)) => self.finish_check(ex, o),
                    None => return false,
                }
            }
            WsMsg::JumpLine(line) => {
                self.jump_to_line(line);
                return false;
            }
            WsMsg::Answer(v) => {
                if let Some(c) = self.workshop.deck.get(self.workshop.card) {
                    let letter = c.letter.clone();
                    let right = v == c.verdict;
                    self.workshop.progress.set_answer(&letter, v.key());
                    self.workshop.save();
                    self.status = format!(
                        "Claim ({letter}): {}. The verdict is {}.",
                        if right { "right" } else { "not quite" },
                        c.verdict.label()
                    );
                }
            }
            WsMsg::Card(i) => {
                if i < self.workshop.deck.len() {
                    self.workshop.card = i;
                }
            }
            WsMsg::Live(letter) => {
                let Some(live) = claims::live(letter) else { return false };
                // Leave the workshop (restoring the main views), then show the example.
                let old = self.mode;
                self.mode = Mode::Env;
                self.workshop_mode_changed(ctx, old);
                self.env = live.env.to_string();
                self.status = format!(
                    "Claim ({letter}): the example is in the go env view. The Workshop button brings you back to the deck."
                );
            }
        }
        true
    }

    fn jump_to_line(&self, line: u32) {
        let is_env = self.workshop.open.is_some_and(|e| e.kind == Kind::Env);
        let (text, ta) = if is_env {
            let ta = dom::document()
                .and_then(|d| d.get_element_by_id("env-input"))
                .and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlTextAreaElement>(e).ok());
            (&self.env, ta)
        } else {
            (&self.code, self.textarea.cast::<web_sys::HtmlTextAreaElement>())
        };
        let Some(ta) = ta else { return };
        let Some((start, end)) = line_range_utf16(text, line) else { return };
        let _ = ta.focus();
        let _ = ta.set_selection_range(start, end);
        if !is_env {
            // The editor's container scrolls (the textarea is as tall as its text).
            if let Some(scroll) =
                dom::document().and_then(|d| d.query_selector(".workshop .editor-scroll").ok().flatten())
            {
                scroll.set_scroll_top(((line.saturating_sub(4)) * 21) as i32);
            }
        }
    }
}

/// Moves the keyboard focus to the element `id` once the next render has put it in place
/// (the button that was pressed may be gone).
fn focus_after_render(id: String) {
    gloo_timers::callback::Timeout::new(0, move || {
        let el = dom::document()
            .and_then(|d| d.get_element_by_id(&id))
            .and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok());
        if let Some(el) = el {
            let _ = el.focus();
        }
    })
    .forget();
}

/// UTF-16 offsets of the start and end of 1-based `line` in `text`.
fn line_range_utf16(text: &str, line: u32) -> Option<(u32, u32)> {
    let mut start = 0u32;
    for (i, l) in text.split('\n').enumerate() {
        let len = l.encode_utf16().count() as u32;
        if i as u32 + 1 == line {
            return Some((start, start + len));
        }
        start += len + 1;
    }
    None
}
