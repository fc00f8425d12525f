//! The workshop's markup: the lesson list, an exercise above the app's own editor and
//! findings (or the env view), and the myth-or-fact deck. Every text from the lessons and
//! seed-claims.md becomes text nodes (inline `code` as `<code>` elements), never HTML.

use super::super::app::{App, Msg};
use super::super::env_view::EnvView;
use super::check::Outcome;
use super::claims::{self, Verdict};
use super::lessons::{self, Exercise, Kind, LESSONS};
use super::{CheckState, Tab, WsMsg};
use yew::prelude::*;

/// Text with backquoted spans as `<code>` and `**` markers dropped; text nodes only.
pub fn md(s: &str) -> Html {
    super::super::panel::rich(&s.replace("**", ""))
}

fn ws(link: &yew::html::Scope<App>, m: impl Fn() -> WsMsg + 'static) -> Callback<MouseEvent> {
    link.callback(move |_: MouseEvent| Msg::Workshop(m()))
}

impl App {
    pub(crate) fn view_workshop(&self, ctx: &Context<Self>) -> Html {
        let link = ctx.link();
        let w = &self.workshop;
        let total = lessons::all_exercises().count();
        let done = lessons::all_exercises().filter(|(_, e)| w.progress.is_done(e.id)).count();
        let (right, answered) = w.score();
        html! {
            <section class="workshop" id="workshop" aria-labelledby="ws-heading">
                <div class="ws-bar">
                    <h2 id="ws-heading">{"Workshop"}</h2>
                    <div class="ws-tabs" role="group" aria-label="Workshop sections">
                        <button type="button" id="ws-tab-lessons" aria-pressed={(w.tab == Tab::Lessons).to_string()}
                            onclick={ws(link, || WsMsg::Tab(Tab::Lessons))}>{format!("Lessons ({done}/{total})")}</button>
                        <button type="button" id="ws-tab-myths" aria-pressed={(w.tab == Tab::Myths).to_string()}
                            onclick={ws(link, || WsMsg::Tab(Tab::Myths))}>
                            {if answered == 0 { "Myth or fact".to_string() } else { format!("Myth or fact ({right}/{answered} right)") }}
                        </button>
                    </div>
                    <div class="ws-tools">
                        <button type="button" id="ws-large" class="secondary" aria-pressed={w.progress.large.to_string()}
                            onclick={ws(link, || WsMsg::ToggleLarge)}>{"Large text"}</button>
                        <button type="button" id="ws-reset" class="secondary" onclick={ws(link, || WsMsg::Reset)}>{"Reset progress"}</button>
                    </div>
                </div>
                {for w.storage_note.as_ref().map(|n| html! { <p class="note warn" id="ws-storage-note">{n.clone()}</p> })}
                {match (w.tab, w.open) {
                    (Tab::Myths, _) => self.view_deck(ctx),
                    (Tab::Lessons, None) => self.view_lesson_list(ctx),
                    (Tab::Lessons, Some(ex)) => self.view_exercise(ctx, ex),
                }}
            </section>
        }
    }

    fn view_lesson_list(&self, ctx: &Context<Self>) -> Html {
        let link = ctx.link();
        html! {
            <nav class="ws-list" id="ws-list" aria-label="Lessons">
                <p class="hint">{"Each exercise gives you code (or go env output), a goal and hints. Check runs the analyzer on your text and says what is left. Progress stays in this browser."}</p>
                <ol class="ws-lessons">
                {for LESSONS.iter().map(|l| {
                    let done = l.exercises.iter().filter(|e| self.workshop.progress.is_done(e.id)).count();
                    html! {
                        <li class="ws-lesson" data-lesson={l.id}>
                            <h3>{l.title}<span class="ws-count">{format!(" {done}/{}", l.exercises.len())}</span></h3>
                            <p class="ws-intro">{md(l.intro)}</p>
                            <ol class="ws-exercises">
                            {for l.exercises.iter().map(|e| {
                                let passed = self.workshop.progress.is_done(e.id);
                                let id = e.id;
                                html! {
                                    <li>
                                        <button type="button" class="ws-open" id={format!("ws-ex-{}", e.id)} data-done={passed.to_string()}
                                            onclick={ws(link, move || WsMsg::Open(id))}>
                                            <span class="ws-tick" aria-hidden="true">{if passed { "✓" } else { "" }}</span>
                                            <span>{e.title}</span>
                                            <span class="sr-only">{if passed { " (passed)" } else { "" }}</span>
                                            <span class="ws-kind">{match e.kind { Kind::Code => format!("go {} → {}", e.from, e.to), Kind::Env => "go env".to_string() }}</span>
                                        </button>
                                    </li>
                                }
                            })}
                            </ol>
                        </li>
                    }
                })}
                </ol>
            </nav>
        }
    }

    fn view_exercise(&self, ctx: &Context<Self>, ex: &'static Exercise) -> Html {
        let link = ctx.link();
        let w = &self.workshop;
        let (lesson, _) = lessons::exercise(ex.id).unwrap_or((&LESSONS[0], ex));
        let pos = lesson.exercises.iter().position(|e| e.id == ex.id).unwrap_or(0) + 1;
        let passed = w.progress.is_done(ex.id);
        let all_hints = w.hints >= ex.hints.len();
        let on_gomod = link.callback(|e: InputEvent| {
            Msg::GoModInput(e.target_unchecked_into::<web_sys::HtmlTextAreaElement>().value())
        });
        let versions = if ex.kind == Kind::Code {
            format!("go.mod go line: go {} → go {}", ex.from, ex.to)
        } else {
            format!("Upgrade compared: go {} → go {}", ex.from, ex.to)
        };
        html! {
            <>
            <article class="ws-exercise" id="ws-exercise" data-exercise={ex.id} data-kind={if ex.kind == Kind::Code { "code" } else { "env" }}>
                <div class="ws-ex-head">
                    <button type="button" class="link" id="ws-back" onclick={ws(link, || WsMsg::List)}>{"← All lessons"}</button>
                    <span class="ws-where">{format!("{} · exercise {pos} of {}", lesson.title, lesson.exercises.len())}</span>
                    {for passed.then(|| html! { <span class="ws-passed-badge" id="ws-passed-badge">{"✓ passed"}</span> })}
                </div>
                <h3 id="ws-title" tabindex="-1">{ex.title}</h3>
                <p class="ws-versions">{versions}</p>
                <p class="ws-goal" id="ws-goal"><strong>{"Goal: "}</strong>{md(ex.goal)}</p>
                <div class="ws-actions">
                    <button type="button" id="ws-check" onclick={ws(link, || WsMsg::Check)}>{"Check"}</button>
                    <button type="button" class="secondary" id="ws-hint" disabled={all_hints} onclick={ws(link, || WsMsg::Hint)}>
                        {if w.hints == 0 { "Hint".to_string() } else { format!("Next hint ({}/{})", w.hints, ex.hints.len()) }}
                    </button>
                    <button type="button" class="secondary" id="ws-solution" disabled={!all_hints || w.solution}
                        title={(!all_hints).then_some("Available after the hints")} onclick={ws(link, || WsMsg::Solution)}>{"Show solution"}</button>
                    <button type="button" class="secondary" id="ws-restart" onclick={ws(link, || WsMsg::Restart)}>{"Start over"}</button>
                    <button type="button" class="secondary" id="ws-next" onclick={ws(link, || WsMsg::Next)}>{"Next exercise →"}</button>
                </div>
                {self.view_result(ctx, ex)}
                if w.hints > 0 {
                    <ol class="ws-hints" id="ws-hints" aria-label="Hints">
                        {for ex.hints.iter().take(w.hints).map(|h| html! { <li>{md(h)}</li> })}
                    </ol>
                }
                if w.solution {
                    <div class="ws-solution" id="ws-solution-box">
                        <p><strong>{"Reference solution"}</strong>{" "}
                            <button type="button" class="link" id="ws-use-solution" onclick={ws(link, || WsMsg::UseSolution)}>{"Put it in the editor"}</button></p>
                        {for ex.solution_gomod.map(|g| html! { <pre class="ws-code" aria-label="go.mod of the solution">{g}</pre> })}
                        <pre class="ws-code">{ex.solution}</pre>
                    </div>
                }
                <p class="source"><a href={ex.source} target="_blank" rel="noopener noreferrer">{ex.source}</a></p>
            </article>
            if ex.kind == Kind::Code && !ex.gomod.is_empty() {
                <div class="ws-gomod">
                    <label for="ws-gomod">{"go.mod"}</label>
                    <textarea id="ws-gomod" rows="5" spellcheck="false" autocomplete="off" value={self.gomod.clone()} oninput={on_gomod} />
                </div>
            }
            {match ex.kind {
                Kind::Code => self.view_code_mode(ctx),
                Kind::Env => html! {
                    <EnvView text={AttrValue::from(self.env.clone())} from={AttrValue::from(self.from.clone())}
                        to={AttrValue::from(self.to.clone())} gomod={AttrValue::from(self.gomod.clone())}
                        on_input={link.callback(Msg::EnvInput)}
                        on_model={link.callback(|m| Msg::Workshop(WsMsg::EnvModel(m)))} />
                },
            }}
            </>
        }
    }

    fn view_result(&self, ctx: &Context<Self>, ex: &Exercise) -> Html {
        let link = ctx.link();
        let body = match &self.workshop.check {
            CheckState::Idle => html! {},
            CheckState::Waiting => html! { <p class="ws-checking">{"Checking…"}</p> },
            CheckState::Done(Outcome { passed: true, .. }) => html! {
                <p class="ws-pass"><strong>{"Passed."}</strong>{" Every part of the goal is met."}
                    {for lessons::next_after(ex.id).map(|n| html! { <>{" Next: "}{n.title}{"."}</> })}</p>
            },
            CheckState::Done(Outcome { left, .. }) => html! {
                <>
                <p class="ws-fail"><strong>{"Not yet."}</strong>{format!(" {} thing{} left:", left.len(), if left.len() == 1 { "" } else { "s" })}</p>
                <ul class="ws-left" id="ws-left">
                    {for left.iter().map(|l| html! {
                        <li data-rule={l.rule.clone()} data-line={l.line.map(|n| n.to_string())}>
                            {match l.line {
                                Some(n) => html! {
                                    <button type="button" class="link ws-line" onclick={ws(link, move || WsMsg::JumpLine(n))}
                                        aria-label={format!("Go to line {n}")}>{format!("line {n}")}</button>
                                },
                                None => html! {},
                            }}
                            {for l.rule.as_ref().map(|r| html! { <>{" "}<code class="rule">{r.clone()}</code></> })}
                            {" "}<span class="ws-left-text">{md(&l.text)}</span>
                        </li>
                    })}
                </ul>
                </>
            },
        };
        let state = match &self.workshop.check {
            CheckState::Idle => "idle",
            CheckState::Waiting => "waiting",
            CheckState::Done(o) if o.passed => "passed",
            CheckState::Done(_) => "failed",
        };
        html! {
            <div class="ws-result" id="ws-result" data-state={state} role="status" aria-live="polite">{body}</div>
        }
    }

    fn view_deck(&self, ctx: &Context<Self>) -> Html {
        let link = ctx.link();
        let w = &self.workshop;
        let Some(c) = w.deck.get(w.card) else {
            return html! { <p class="note">{"The claims could not be read."}</p> };
        };
        let n = w.deck.len();
        let i = w.card;
        let answer = w.progress.answer(&c.letter).and_then(Verdict::from_key);
        let choice = |v: Verdict, id: &'static str| {
            html! {
                <button type="button" id={id} class={classes!("ws-choice", format!("v-{}", v.key()))}
                    aria-pressed={(answer == Some(v)).to_string()} onclick={ws(link, move || WsMsg::Answer(v))}>{v.label()}</button>
            }
        };
        let (right, answered) = w.score();
        html! {
            <div class="ws-deck" id="ws-deck">
                <p class="hint">{"Claims from popular articles about Go upgrades, each checked against Go's release notes, docs and source (data/knowledge/seed-claims.md). Decide, then see the evidence."}</p>
                <article class="ws-card" id="ws-card" data-letter={c.letter.clone()} aria-labelledby="ws-claim">
                    <p class="ws-card-count">{format!("Claim ({}) · {} of {n}", c.letter, i + 1)}</p>
                    <p class="ws-claim" id="ws-claim">{md(&c.text)}</p>
                    <div class="ws-choices" role="group" aria-label="Your answer">
                        {choice(Verdict::False, "ws-myth")}
                        {choice(Verdict::True, "ws-fact")}
                        {choice(Verdict::Partly, "ws-partly")}
                    </div>
                    {for answer.map(|a| {
                        let ok = a == c.verdict;
                        html! {
                            <div class={classes!("ws-verdict", format!("v-{}", c.verdict.key()))} id="ws-verdict" data-verdict={c.verdict.key()}>
                                <p class="ws-verdict-head"><strong>{c.verdict.label()}</strong>
                                    {for (!c.qualifier.is_empty()).then(|| html! { <>{" "}{c.qualifier.clone()}</> })}
                                    <span class={classes!("ws-you", if ok { "right" } else { "wrong" })}>
                                        {if ok { " · you were right".to_string() } else { format!(" · you said {}", a.label().to_lowercase()) }}
                                    </span>
                                </p>
                                <ul class="ws-evidence" id="ws-evidence">
                                    {for c.evidence.iter().map(|e| html! { <li>{md(e)}</li> })}
                                </ul>
                                <p class="hint ws-legend">{"RN 1.X: the Go 1.X release notes (go.dev/doc/go1.X). [verified]: reproduced by running a real Go toolchain. Source files are Go's own, for the release named."}</p>
                                {for claims::live(&c.letter).map(|l| {
                                    let letter = l.letter;
                                    html! {
                                        <p><button type="button" id="ws-live" onclick={ws(link, move || WsMsg::Live(letter))}>{l.label}</button>
                                        <span class="hint">{" See what the go env view says about it."}</span></p>
                                    }
                                })}
                            </div>
                        }
                    })}
                    <div class="ws-card-nav">
                        <button type="button" class="secondary" id="ws-prev" disabled={i == 0} onclick={ws(link, move || WsMsg::Card(i.saturating_sub(1)))}>{"← Previous"}</button>
                        <span class="ws-score" id="ws-score">{format!("Score: {right} of {answered} answered")}</span>
                        <button type="button" class="secondary" id="ws-next-card" disabled={i + 1 >= n} onclick={ws(link, move || WsMsg::Card(i + 1))}>{"Next →"}</button>
                    </div>
                </article>
            </div>
        }
    }
}
