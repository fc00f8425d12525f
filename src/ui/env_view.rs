//! The go env view: paste `go env` output (any format), see every variable resolved against
//! the defaults of the detected version and OS, the problems with their fix commands, what
//! an upgrade changes, and the effective GODEBUG settings.
//!
//! The computation ([`super::env_model::compute`]) runs on the page, debounced by
//! [`DEBOUNCE_MS`]: a real `go env` paste is a few KB and resolves in well under a
//! millisecond, and the resolver reads at most `goenv::MAX_INPUT` (1 MB) of it. (Code
//! analysis, which can take long, is the worker's.) All pasted text is rendered as text
//! nodes, never as HTML.
//!
//! Stable hooks for tests: `#env-input`, `#env-table tr[data-var][data-status]`,
//! `#env-problems [data-check]`, `#env-format`, `#env-version`, `#godebug-table`, and
//! `#env-view[data-analyzed-len]` (UTF-16 length of the text the view shows results for).

use std::rc::Rc;

use gocompat::godebug::{Availability, Source};
use gocompat::goenv::{FixCommand, Severity, Status};
use yew::prelude::*;

use super::env_model::{EnvInputs, EnvModel, FromChoice};

pub const DEBOUNCE_MS: u32 = 100;

#[derive(Properties, PartialEq)]
pub struct EnvViewProps {
    pub text: AttrValue,
    pub from: AttrValue,
    pub to: AttrValue,
    /// The page's go.mod text (optional): used by the GOTOOLCHAIN checks and the GODEBUG table.
    #[prop_or_default]
    pub gomod: AttrValue,
    pub on_input: Callback<String>,
    /// Receives each new model (the workshop checks its env exercises against it).
    #[prop_or_default]
    pub on_model: Option<Callback<Rc<EnvModel>>>,
}

fn status_key(s: Status) -> &'static str {
    match s {
        Status::Default => "default",
        Status::Changed => "changed",
        Status::Derived => "derived",
        Status::Unknown => "unknown",
        Status::Invalid => "invalid",
    }
}

fn status_help(s: Status) -> &'static str {
    match s {
        Status::Default => "what the go command computes with nothing set",
        Status::Changed => "set by you (OS environment or go env -w)",
        Status::Derived => "follows from other settings, or computed by the go command",
        Status::Unknown => "not a variable the go command knows",
        Status::Invalid => "a value the go command rejects or ignores",
    }
}

/// Copies `text`: navigator.clipboard, else a hidden textarea and execCommand("copy").
fn copy_text(text: String, done: Callback<Result<(), String>>) {
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;
    let fallback = |text: &str| -> Result<(), String> {
        let doc = super::dom::document().ok_or("no document")?;
        let body = doc.body().ok_or("no body")?;
        let ta: web_sys::HtmlTextAreaElement =
            doc.create_element("textarea").map_err(|_| "no textarea")?.dyn_into().map_err(|_| "no textarea")?;
        ta.set_value(text);
        let _ = ta.set_attribute("readonly", "");
        let _ = ta.set_attribute("aria-hidden", "true");
        let _ = ta.style().set_property("position", "fixed");
        let _ = ta.style().set_property("opacity", "0");
        let _ = body.append_child(&ta);
        ta.select();
        let ok = doc.dyn_ref::<web_sys::HtmlDocument>().and_then(|d| d.exec_command("copy").ok()).unwrap_or(false);
        ta.remove();
        if ok {
            Ok(())
        } else {
            Err("the browser refused to copy; select the command and copy it by hand".into())
        }
    };
    let clip = super::dom::window().map(|w| w.navigator().clipboard());
    let Some(clip) = clip else {
        done.emit(fallback(&text));
        return;
    };
    let promise = clip.write_text(&text);
    let d1 = done.clone();
    let ok = Closure::once(move |_: wasm_bindgen::JsValue| d1.emit(Ok(())));
    let err = Closure::once(move |_: wasm_bindgen::JsValue| done.emit(fallback(&text)));
    let _ = promise.then2(&ok, &err);
    ok.forget();
    err.forget();
}

#[function_component(EnvView)]
pub fn env_view(props: &EnvViewProps) -> Html {
    let from_choice = use_state(|| None::<FromChoice>);
    let inputs = EnvInputs {
        text: props.text.to_string(),
        from: props.from.to_string(),
        to: props.to.to_string(),
        gomod: props.gomod.to_string(),
        from_choice: *from_choice,
    };
    let model = use_state(|| None::<Rc<EnvModel>>);
    let changed_only = use_state(|| false);
    let problems_only = use_state(|| false);
    let copy_status = use_state(String::new);

    {
        let model = model.clone();
        use_effect_with(inputs.clone(), move |inputs| {
            let inputs = inputs.clone();
            let stale = model.as_ref().is_none_or(|m| m.inputs != inputs);
            // The first computation (a shared link) runs at once; typing is debounced.
            let delay = if model.is_none() { 0 } else { DEBOUNCE_MS };
            let timer = stale.then(|| {
                gloo_timers::callback::Timeout::new(delay, move || {
                    let now = || js_sys::Date::now();
                    model.set(Some(Rc::new(super::env_model::compute(&inputs, super::app::DEFAULT_FROM, now))));
                })
            });
            move || drop(timer)
        });
    }

    {
        let cb = props.on_model.clone();
        let current = (*model).clone();
        let key = current.as_ref().map(|m| Rc::as_ptr(m) as usize);
        use_effect_with(key, move |_| {
            if let (Some(cb), Some(m)) = (cb, current) {
                cb.emit(m);
            }
        });
    }

    let on_input = {
        let cb = props.on_input.clone();
        Callback::from(move |e: InputEvent| {
            let ta: web_sys::HtmlTextAreaElement = e.target_unchecked_into();
            cb.emit(ta.value());
        })
    };
    let pending = model.as_ref().is_none_or(|m| m.inputs != inputs);
    let analyzed_len = model.as_ref().map(|m| m.inputs.text.encode_utf16().count()).unwrap_or(0);
    let ms = model.as_ref().map(|m| format!("{:.1}", m.ms)).unwrap_or_default();

    let on_copy = {
        let copy_status = copy_status.clone();
        Callback::from(move |cmd: String| {
            let st = copy_status.clone();
            let shown = cmd.clone();
            copy_text(
                cmd,
                Callback::from(move |r: Result<(), String>| match r {
                    Ok(()) => st.set(format!("Copied: {shown}")),
                    Err(e) => st.set(format!("Could not copy: {e}")),
                }),
            );
        })
    };
    let toggle = |s: &UseStateHandle<bool>| {
        let s = s.clone();
        Callback::from(move |_: Event| s.set(!*s))
    };
    let on_from_choice = {
        let fc = from_choice.clone();
        Callback::from(move |e: Event| {
            let el: web_sys::HtmlSelectElement = e.target_unchecked_into();
            fc.set(Some(if el.value() == "page" { FromChoice::Page } else { FromChoice::Detected }));
        })
    };

    let body = match model.as_ref() {
        _ if props.text.trim().is_empty() => html! {
            <div class="env-empty">
                <p>{"Paste what "}<code>{"go env"}</code>{" prints (or "}<code>{"go env -json"}</code>{", "}<code>{"go env -changed"}</code>
                {", a Windows "}<code>{"set"}</code>{" listing). Every line is accounted for: each variable is compared with the default of the detected Go version and OS, problems come with the command that fixes them, and the GODEBUG value is resolved setting by setting."}</p>
            </div>
        },
        None => html! { <p class="note" role="status">{"Resolving…"}</p> },
        Some(m) => view_model(
            m,
            *changed_only,
            *problems_only,
            toggle(&changed_only),
            toggle(&problems_only),
            on_copy,
            on_from_choice,
        ),
    };

    html! {
        <section class="env-view" id="env-view" aria-labelledby="env-heading"
            data-analyzed-len={analyzed_len.to_string()} data-pending={pending.to_string()} data-ms={ms}>
            <h2 id="env-heading">{"go env"}</h2>
            <label for="env-input">{"Paste the output of "}<code>{"go env"}</code>{" (any format: KEY='v', KEY=\"v\", set KEY=v, or -json)"}</label>
            <textarea id="env-input" class="env-input" spellcheck="false" autocomplete="off"
                value={props.text.clone()} oninput={on_input} rows="12"
                placeholder={"GO111MODULE=''\nGOARCH='amd64'\nGODEBUG=''\nGOFLAGS=''\nGOTOOLCHAIN='auto'\nGOVERSION='go1.21.13'\n…"} />
            <p class="env-copy-status" id="env-copy-status" role="status" aria-live="polite">{(*copy_status).clone()}</p>
            {body}
        </section>
    }
}

fn view_model(
    m: &EnvModel,
    changed_only: bool,
    problems_only: bool,
    on_changed: Callback<Event>,
    on_problems: Callback<Event>,
    on_copy: Callback<String>,
    on_from_choice: Callback<Event>,
) -> Html {
    html! {
        <>
        {view_summary(m)}
        {view_problems(m, &on_copy)}
        {view_table(m, changed_only, problems_only, on_changed, on_problems)}
        {view_upgrade(m, on_from_choice)}
        {view_godebug(m)}
        </>
    }
}

fn view_summary(m: &EnvModel) -> Html {
    let r = &m.report;
    let inf = &r.inference;
    let version = match &inf.version_text {
        Some(t) => format!("go1.{} ({t})", r.minor),
        None => format!("go1.{}", r.minor),
    };
    let range = if inf.range.0 < inf.range.1 {
        format!(" Consistent with go1.{} to go1.{}.", inf.range.0, inf.range.1)
    } else {
        String::new()
    };
    html! {
        <div class="env-summary">
            <dl class="env-facts">
                <div><dt>{"Format"}</dt><dd><span id="env-format">{r.format.clone()}</span></dd></div>
                <div><dt>{"Go version"}</dt><dd><span id="env-version" data-minor={r.minor.to_string()}>{version}</span>
                    <span class="basis">{format!("Based on: {}.{range}", inf.minor.basis)}</span></dd></div>
                <div><dt>{"OS / arch"}</dt><dd><span id="env-os">{format!("{}/{}", r.host_os, r.host_arch)}</span>
                    <span class="basis">{format!("Based on: {}; {}.", inf.host_os.basis, inf.host_arch.basis)}</span></dd></div>
                <div><dt>{"Home"}</dt><dd><span id="env-home">{m.home.clone().unwrap_or_else(|| "(not set)".into())}</span>
                    <span class="basis">{format!("Based on: {}.", inf.home.basis)}</span></dd></div>
            </dl>
            {for r.predicted_fatal.iter().map(|f| html! {
                <p class="env-fatal" role="alert"><strong>{"go env would fail: "}</strong>{f.clone()}</p>
            })}
            if !r.notes.is_empty() {
                <ul class="env-notes" id="env-notes" aria-label="Notes about the paste">
                    {for r.notes.iter().map(|n| html! { <li>{n.clone()}</li> })}
                </ul>
            }
            if !m.unrecognised.is_empty() {
                <div class="env-unrecognised" id="env-unrecognised">
                    <h3>{format!("Unrecognised lines ({})", m.unrecognised.len())}</h3>
                    <p class="hint">{"Not go env output as far as the resolver can tell; nothing else was dropped."}</p>
                    <ol>
                        {for m.unrecognised.iter().map(|(l, t)| html! {
                            <li data-line={l.to_string()}><span class="where">{format!("line {l}")}</span>{" "}<code>{t.clone()}</code></li>
                        })}
                    </ol>
                </div>
            }
        </div>
    }
}

fn sev_class(s: Severity) -> &'static str {
    match s {
        Severity::Error => "sev-error",
        Severity::Warning => "sev-behavior-change",
        Severity::Info => "sev-hint",
    }
}

fn view_problems(m: &EnvModel, on_copy: &Callback<String>) -> Html {
    let f = &m.report.findings;
    let count = |s: Severity| f.iter().filter(|x| x.severity == s).count();
    let plural = |n: usize, w: &str| if n == 1 { format!("{n} {w}") } else { format!("{n} {w}s") };
    let summary = if f.is_empty() {
        "No problems found.".to_string()
    } else {
        format!(
            "{}: {}, {}, {}.",
            plural(f.len(), "problem"),
            plural(count(Severity::Error), "error"),
            plural(count(Severity::Warning), "warning"),
            plural(count(Severity::Info), "note")
        )
    };
    html! {
        <section class="env-problems" aria-labelledby="env-problems-h">
            <h3 id="env-problems-h">{"Problems"}</h3>
            <p id="env-problem-count" class="env-count" role="status" aria-live="polite" data-count={f.len().to_string()}>{summary}</p>
            <ul id="env-problems">
                {for f.iter().map(|x| {
                    let fix = x.fix.as_ref().map(|fx| {
                        let (label, title) = match fx {
                            FixCommand::GoEnvW(_) => ("Fix", "sets it in the go env file"),
                            FixCommand::GoEnvU(_) => ("Fix", "removes it from the go env file"),
                            FixCommand::OsEnv(_) => ("In the OS environment", "go env -w cannot change this: change the shell profile, CI or Dockerfile"),
                        };
                        let cmd = fx.text().to_string();
                        let onclick = { let c = on_copy.clone(); let cmd = cmd.clone(); Callback::from(move |_: MouseEvent| c.emit(cmd.clone())) };
                        html! {
                            <div class="env-fix">
                                <span class="fix-kind" title={title}>{label}</span>
                                <code class="env-fix-cmd">{cmd.clone()}</code>
                                <button type="button" class="env-copy" onclick={onclick} aria-label={format!("Copy the command {cmd}")}>{"Copy"}</button>
                            </div>
                        }
                    });
                    html! {
                        <li class={classes!("env-problem", sev_class(x.severity))} data-check={x.id} data-severity={x.severity.key()}>
                            <div class="env-problem-head">
                                <span class="sev-badge">{x.severity.key()}</span>
                                <span class="where">{x.line.map(|l| format!("line {l}")).unwrap_or_default()}</span>
                                <code class="rule">{x.id}</code>
                            </div>
                            <p class="msg">{inline_md(&x.message)}</p>
                            <p class="why"><span class="lbl">{"Why: "}</span>{inline_md(&x.why)}</p>
                            <p class="do"><span class="lbl">{"What to do: "}</span>{inline_md(&x.action)}</p>
                            {for fix}
                            <p class="source"><a href={x.source} target="_blank" rel="noopener noreferrer">{x.source}</a></p>
                        </li>
                    }
                })}
            </ul>
        </section>
    }
}

fn view_table(
    m: &EnvModel,
    changed_only: bool,
    problems_only: bool,
    on_changed: Callback<Event>,
    on_problems: Callback<Event>,
) -> Html {
    let r = &m.report;
    let rows: Vec<_> = r
        .vars
        .iter()
        .filter(|v| !changed_only || !matches!(v.status, Status::Default | Status::Derived) || v.note.is_some())
        .filter(|v| !problems_only || m.problem_vars.contains(&v.name))
        .collect();
    let default_head = format!("Default (go1.{}, {})", r.minor, r.host_os);
    html! {
        <section class="env-vars" aria-labelledby="env-vars-h">
            <div class="env-vars-head">
                <h3 id="env-vars-h">{format!("Variables ({} of {})", rows.len(), r.vars.len())}</h3>
                <div class="env-filters" role="group" aria-label="Filter the variables">
                    <label><input type="checkbox" id="env-changed-only" checked={changed_only} onchange={on_changed} />{" Changed only"}</label>
                    <label><input type="checkbox" id="env-problems-only" checked={problems_only} onchange={on_problems} />{" Problems only"}</label>
                </div>
            </div>
            <div class="env-table-wrap">
            <table class="env-table" id="env-table">
                <caption class="sr-only">{"Each pasted variable with its value, default, status, meaning and the release that introduced it"}</caption>
                <thead><tr>
                    <th scope="col">{"Variable"}</th><th scope="col">{"Value"}</th><th scope="col">{default_head}</th>
                    <th scope="col">{"Status"}</th><th scope="col">{"Meaning"}</th><th scope="col">{"Since"}</th>
                </tr></thead>
                <tbody>
                {for rows.iter().map(|v| {
                    let st = status_key(v.status);
                    let problem = m.problem_vars.contains(&v.name);
                    let default = match &v.default {
                        Some(d) if d == &v.value => html! { <span class="same">{"same"}</span> },
                        Some(d) if d.is_empty() => html! { <span class="empty-val">{"(empty)"}</span> },
                        Some(d) => html! { <code>{d.clone()}</code> },
                        None => html! { <span class="muted">{"—"}</span> },
                    };
                    html! {
                        <tr data-var={v.name.clone()} data-status={st} data-problem={problem.to_string()} class={classes!(problem.then_some("has-problem"))}>
                            <th scope="row"><code>{v.name.clone()}</code><span class="where">{format!(" line {}", v.line)}</span></th>
                            <td class="val">{if v.value.is_empty() { html!{ <span class="empty-val">{"(empty)"}</span> } } else { html!{ <code>{v.value.clone()}</code> } }}</td>
                            <td class="val">{default}</td>
                            <td><span class={classes!("chip", format!("chip-{st}"))} title={status_help(v.status)}>{st}</span></td>
                            <td class="meaning">{v.meaning.clone()}
                                {for v.note.iter().map(|n| html! { <span class="env-note">{n.clone()}</span> })}</td>
                            <td class="since">{v.introduced.clone()}</td>
                        </tr>
                    }
                })}
                </tbody>
            </table>
            </div>
            if rows.is_empty() && !r.vars.is_empty() {
                <p class="empty">{"No variable matches the filters."}</p>
            }
            if !r.missing.is_empty() {
                <p class="hint" id="env-missing">{format!("Not in the paste (go1.{} prints them): {}", r.minor, r.missing.join(" "))}</p>
            }
            <p class="hint" id="env-changed">{
                if r.changed.is_empty() { "go env -changed would print nothing.".to_string() }
                else { format!("go env -changed would print: {}", r.changed.iter().map(|(n, v)| format!("{n}={v:?}")).collect::<Vec<_>>().join("  ")) }
            }</p>
        </section>
    }
}

fn view_upgrade(m: &EnvModel, on_from_choice: Callback<Event>) -> Html {
    let Some((u, choice)) = &m.upgrade else { return html! {} };
    let same = u.from == u.to;
    html! {
        <section class="env-upgrade" id="env-upgrade" aria-labelledby="env-upgrade-h">
            <h3 id="env-upgrade-h">{format!("Upgrade go1.{} → go1.{}", u.from, u.to)}</h3>
            <p class="env-upgrade-pick">
                <label for="env-upgrade-from">{"Compare from "}</label>
                <select id="env-upgrade-from" onchange={on_from_choice}>
                    <option value="detected" selected={*choice == FromChoice::Detected}>{format!("the detected version (go1.{})", m.report.minor)}</option>
                    <option value="page" selected={*choice == FromChoice::Page}>{format!("the page's From (go{})", m.inputs.from)}</option>
                </select>
                {format!(" to the page's To (go{}).", m.inputs.to)}
            </p>
            if same {
                <p class="hint">{format!("Both sides are go1.{}: choose a newer To version at the top of the page (or compare from the page's From) to see what an upgrade changes.", u.to)}</p>
            } else if u.to < u.from {
                <p class="hint">{"This is a downgrade: the lists below read from the newer version back."}</p>
            }
            if !u.variables.is_empty() {
                <h4>{"Variables"}</h4>
                <ul>{for u.variables.iter().map(|(n, w)| html! { <li><code>{n.clone()}</code>{": "}{w.clone()}</li> })}</ul>
            }
            if !u.defaults.is_empty() {
                <h4>{"Defaults that change"}</h4>
                <table class="env-table env-defaults">
                    <thead><tr><th scope="col">{"Variable"}</th><th scope="col">{format!("go1.{}", u.from)}</th><th scope="col">{format!("go1.{}", u.to)}</th></tr></thead>
                    <tbody>{for u.defaults.iter().map(|(n, a, b)| html! {
                        <tr><th scope="row"><code>{n.clone()}</code></th><td class="val"><code>{a.clone()}</code></td><td class="val"><code>{b.clone()}</code></td></tr>
                    })}</tbody>
                </table>
            }
            if !u.behaviour.is_empty() {
                <h4>{"Behaviour changes"}</h4>
                <ul>{for u.behaviour.iter().map(|(v, b)| html! { <li><span class="where">{format!("go1.{v}")}</span>{" "}{inline_md(b)}</li> })}</ul>
            }
            if !u.checks_start.is_empty() || !u.checks_stop.is_empty() {
                <h4>{"On this paste"}</h4>
                <ul>
                    {for u.checks_start.iter().map(|c| html! { <li>{"Starts firing: "}<code>{c.clone()}</code></li> })}
                    {for u.checks_stop.iter().map(|c| html! { <li>{"Stops firing: "}<code>{c.clone()}</code></li> })}
                </ul>
            }
            if !same && u.variables.is_empty() && u.defaults.is_empty() && u.behaviour.is_empty() && u.checks_start.is_empty() && u.checks_stop.is_empty() {
                <p class="hint">{"Nothing in go env changes between these versions."}</p>
            }
        </section>
    }
}

/// Text with `code` spans as `<code>` elements and `**` emphasis markers dropped: every
/// piece is a text node (never parsed as HTML).
fn inline_md(s: &str) -> Html {
    let s = s.replace("**", "");
    html! {
        <>{for s.split('`').enumerate().map(|(i, part)| {
            if i % 2 == 1 { html! { <code>{part.to_string()}</code> } } else { html! { {part.to_string()} } }
        })}</>
    }
}

fn source_text(s: &Source) -> String {
    match s {
        Source::BuiltIn => "toolchain default".into(),
        other => other.to_string(),
    }
}

fn view_godebug(m: &EnvModel) -> Html {
    let Some(res) = &m.godebug else { return html! {} };
    let tc = m.toolchain.as_ref().map(|(_, why)| why.clone()).unwrap_or_default();
    let gomod = if m.inputs.gomod.trim().is_empty() { "no go.mod on the page" } else { "the page's go.mod" };
    let env = match m.godebug_env.as_deref() {
        None => "the paste has no GODEBUG line".to_string(),
        Some("") => "GODEBUG is empty in the paste".to_string(),
        Some(v) => format!("GODEBUG={v} from the paste"),
    };
    let mut settings: Vec<_> = res.settings.iter().collect();
    // Settings not at the toolchain default first, the ones this toolchain lacks last.
    settings.sort_by_key(|s| match (&s.source, &s.availability) {
        (_, Availability::NotYet { .. }) => 3,
        (_, Availability::Removed { .. }) => 2,
        (Source::BuiltIn, _) => 1,
        _ => 0,
    });
    let non_default = settings.iter().filter(|s| !matches!(s.source, Source::BuiltIn)).count();
    html! {
        <section class="env-godebug" id="env-godebug" aria-labelledby="env-godebug-h">
            <h3 id="env-godebug-h">{"GODEBUG"}</h3>
            <p class="hint">{format!("Resolved for the toolchain {tc}, with {gomod} and {env}.")}</p>
            <p>{"DefaultGODEBUG: "}{match &res.default_godebug {
                Some(d) if d.is_empty() => html! { <span class="empty-val">{"(empty)"}</span> },
                Some(d) => html! { <code id="godebug-default">{d.clone()}</code> },
                None => html! { <span class="muted">{"none (the go command fails, or the toolchain predates go1.21)"}</span> },
            }}</p>
            if !m.foreign_keys.is_empty() {
                <ul class="godebug-foreign" id="godebug-foreign">
                    {for m.foreign_keys.iter().map(|k| html! {
                        <li data-key={k.key.clone()}><strong><code>{if k.value.is_empty() { k.key.clone() } else { format!("{}={}", k.key, k.value) }}</code>{" is not a Go setting. "}</strong>{k.why.clone()}</li>
                    })}
                </ul>
            }
            if !res.errors.is_empty() {
                <ul class="godebug-errors">{for res.errors.iter().map(|e| html! { <li class="sev-error"><code>{e.message.clone()}</code></li> })}</ul>
            }
            if !res.notes.is_empty() {
                <details class="godebug-notes"><summary>{format!("Notes ({})", res.notes.len())}</summary>
                    <ul>{for res.notes.iter().map(|n| html! { <li>{n.clone()}</li> })}</ul>
                </details>
            }
            <p class="hint">{format!("{} of {} settings differ from the toolchain default; they are listed first.", non_default, settings.len())}</p>
            <div class="env-table-wrap godebug-wrap">
            <table class="env-table" id="godebug-table">
                <caption class="sr-only">{"Each GODEBUG setting's effective value and where it came from"}</caption>
                <thead><tr><th scope="col">{"Setting"}</th><th scope="col">{"Effective value"}</th><th scope="col">{"Where it came from"}</th><th scope="col">{"Meaning"}</th></tr></thead>
                <tbody>
                {for settings.iter().map(|s| {
                    let avail = match &s.availability {
                        Availability::Known => None,
                        Availability::NotYet { introduced } => Some(format!("not in this toolchain (added in {})", introduced.as_deref().unwrap_or("a later release"))),
                        Availability::Removed { removed } => Some(format!("removed in {removed}: always the new behaviour")),
                    };
                    let mut src = source_text(&s.source);
                    if !s.overridden.is_empty() {
                        src.push_str(&format!("; overrides {}", s.overridden.iter().map(|(v, o)| format!("{v} from {}", source_text(o))).collect::<Vec<_>>().join(", ")));
                    }
                    let builtin = matches!(s.source, Source::BuiltIn);
                    let absent = matches!(s.availability, Availability::NotYet { .. });
                    html! {
                        <tr data-setting={s.name.clone()} data-builtin={builtin.to_string()} class={classes!((!builtin).then_some("set"), absent.then_some("absent"))}>
                            <th scope="row"><code>{s.name.clone()}</code></th>
                            <td class="val">{match &s.value {
                                Some(v) => html!{ <code>{v.clone()}</code> },
                                None if absent => html!{ <span class="muted">{"—"}</span> },
                                None => html!{ <span class="muted">{"built-in default"}</span> },
                            }}</td>
                            <td>{if absent { html!{} } else { html!{ {src} } }}{for avail.map(|a| html! { <span class="env-note">{a}</span> })}</td>
                            <td class="meaning">{s.description.clone()}</td>
                        </tr>
                    }
                })}
                </tbody>
            </table>
            </div>
        </section>
    }
}
