//! The go env view: paste `go env` output, see each setting resolved for both versions.
//!
//! The resolver itself is `gocompat::goenv` (another branch). This module is the seam: the
//! view only talks to [`EnvResolver`]. [`resolver`] returns `None` in this build, and the view
//! says so; wiring is one `impl EnvResolver for …` plus one line in [`resolver`].

use yew::prelude::*;

/// One resolved setting, ready to show.
#[derive(Debug, Clone, PartialEq)]
pub struct EnvRow {
    pub name: String,
    /// The value as pasted.
    pub value: String,
    /// What the setting does / how it differs between the versions.
    pub note: String,
    /// A severity key (`behavior-change`, `hint`, …) for colouring; empty for plain rows.
    pub severity: String,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct EnvReport {
    pub rows: Vec<EnvRow>,
    /// Things about the input itself ("Windows `set` format", unparsed lines, …).
    pub notes: Vec<String>,
}

/// What the view needs from a go env resolver.
pub trait EnvResolver {
    fn resolve(&self, env_text: &str, from: &str, to: &str) -> EnvReport;
}

/// The resolver compiled into this build, if any.
pub fn resolver() -> Option<Box<dyn EnvResolver>> {
    None
}

#[derive(Properties, PartialEq)]
pub struct EnvViewProps {
    pub text: AttrValue,
    pub from: AttrValue,
    pub to: AttrValue,
    pub on_input: Callback<String>,
}

#[function_component(EnvView)]
pub fn env_view(props: &EnvViewProps) -> Html {
    let on_input = {
        let cb = props.on_input.clone();
        Callback::from(move |e: InputEvent| {
            let ta: web_sys::HtmlTextAreaElement = e.target_unchecked_into();
            cb.emit(ta.value());
        })
    };
    let report = resolver().map(|r| r.resolve(&props.text, &props.from, &props.to));
    html! {
        <section class="env-view" aria-labelledby="env-heading">
            <h2 id="env-heading">{"go env"}</h2>
            <label for="env-input">{"Paste the output of "}<code>{"go env"}</code>{" (any format: KEY='v', KEY=\"v\", set KEY=v, or -json)"}</label>
            <textarea id="env-input" class="env-input" spellcheck="false" autocomplete="off"
                value={props.text.clone()} oninput={on_input} rows="14"
                placeholder={"GO111MODULE=''\nGOARCH='amd64'\nGODEBUG=''\nGOFLAGS=''\nGOTOOLCHAIN='auto'\nGOVERSION='go1.21.13'\n…"} />
            {match report {
                None => html! {
                    <p class="note" role="status" id="env-status">{"go env resolver not available in this build."}</p>
                },
                Some(rep) => html! {
                    <>
                    {for rep.notes.iter().map(|n| html! { <p class="note">{n.clone()}</p> })}
                    <table class="env-table">
                        <thead><tr><th scope="col">{"Setting"}</th><th scope="col">{"Value"}</th><th scope="col">{"Meaning"}</th></tr></thead>
                        <tbody>
                        {for rep.rows.iter().map(|r| html! {
                            <tr class={format!("sev-{}", r.severity)}><th scope="row"><code>{r.name.clone()}</code></th><td><code>{r.value.clone()}</code></td><td>{r.note.clone()}</td></tr>
                        })}
                        </tbody>
                    </table>
                    </>
                },
            }}
        </section>
    }
}
