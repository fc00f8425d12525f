//! What the go env view shows, computed from the paste on the page (well under 1 ms for a
//! real paste; the resolver reads at most `goenv::MAX_INPUT`): the core's `goenv` report, the
//! upgrade comparison and the GODEBUG resolution. Pure: no DOM here (`tests/env_model.rs`
//! runs it natively).

use gocompat::godebug::{self, Inputs, Resolution};
use gocompat::goenv::{self, upgrade::Upgrade, Options, Report};
use gocompat::GoVersion;
use serde::{Deserialize, Serialize};

/// Where the upgrade's "from" version comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum FromChoice {
    /// The version detected in the paste.
    Detected,
    /// The page's From selector.
    Page,
}

/// The inputs of one computation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EnvInputs {
    pub text: String,
    pub from: String,
    pub to: String,
    pub gomod: String,
    pub from_choice: Option<FromChoice>,
}

/// A key of the pasted GODEBUG value that the GODEBUG table does not know.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ForeignKey {
    pub key: String,
    pub value: String,
    pub why: String,
}

#[derive(Serialize, Deserialize)]
pub struct EnvModel {
    pub inputs: EnvInputs,
    pub report: Report,
    /// The home directory behind the paste (`report.context.home`, which the report's
    /// serialized form leaves out).
    pub home: Option<String>,
    /// The upgrade comparison and whether its from-version was the detected one.
    pub upgrade: Option<(Upgrade, FromChoice)>,
    pub godebug: Option<Resolution>,
    /// The pasted GODEBUG value (None: the paste has no GODEBUG line).
    pub godebug_env: Option<String>,
    pub foreign_keys: Vec<ForeignKey>,
    /// The toolchain the GODEBUG table was resolved for, and why.
    pub toolchain: Option<(GoVersion, String)>,
    /// Names of variables some problem is about.
    pub problem_vars: Vec<String>,
    /// (line, text) of lines the parser did not recognise.
    pub unrecognised: Vec<(u32, String)>,
    /// Milliseconds the computation took.
    pub ms: f64,
}

fn minor_of(s: &str) -> Option<u32> {
    GoVersion::parse(s).ok().map(|v| v.minor)
}

/// The from-version used when the user has not chosen: the detected version if the page's
/// From is still the default and the paste says which version it is, else the page's From.
pub fn default_from_choice(page_from: &str, page_default_from: &str, report: &Report) -> FromChoice {
    let detected_known = report.inference.version_text.is_some() || !report.inference.minor.basis.contains("assumed");
    if page_from == page_default_from && detected_known {
        FromChoice::Detected
    } else {
        FromChoice::Page
    }
}

#[allow(dead_code)] // called by the worker only
pub fn compute(inputs: &EnvInputs, page_default_from: &str, now: impl Fn() -> f64) -> EnvModel {
    let t0 = now();
    let gomod = inputs.gomod.trim();
    let opts = Options { go_mod: (!gomod.is_empty()).then(|| inputs.gomod.clone()), ..Options::default() };
    let report = goenv::analyze_bytes(inputs.text.as_bytes(), &opts);
    let empty = inputs.text.trim().is_empty();

    let upgrade = if empty {
        None
    } else {
        let choice =
            inputs.from_choice.unwrap_or_else(|| default_from_choice(&inputs.from, page_default_from, &report));
        let from = match choice {
            FromChoice::Detected => Some(report.minor),
            FromChoice::Page => minor_of(&inputs.from),
        };
        let to = minor_of(&inputs.to).unwrap_or(22);
        from.map(|f| (goenv::upgrade::upgrade(f, to, Some(&report), &inputs.text, &opts), choice))
    };

    let godebug_env = report.get("GODEBUG").map(|v| v.value.clone());
    let (godebug, toolchain, foreign_keys) = if empty {
        (None, None, Vec::new())
    } else {
        let (tc, why) = match report.inference.version_text.as_deref().and_then(|t| {
            let t = t.trim();
            let t = t.strip_prefix("devel ").unwrap_or(t);
            GoVersion::parse(t.split_whitespace().next().unwrap_or("")).ok()
        }) {
            Some(v) if v.minor == report.minor => (v, format!("the paste's version ({v})")),
            _ => (GoVersion::lang(report.minor), format!("go1.{} ({})", report.minor, report.inference.minor.basis)),
        };
        let res = godebug::resolve(&Inputs {
            go_mod: opts.go_mod.clone(),
            env: godebug_env.clone().filter(|v| !v.is_empty()),
            toolchain: Some(tc),
            ..Inputs::default()
        });
        let mut foreign = Vec::new();
        if let Some(env) = godebug_env.as_deref() {
            for item in env.split(',').map(str::trim).filter(|s| !s.is_empty()) {
                let (k, v) = item.split_once('=').unwrap_or((item, ""));
                if res.settings.iter().any(|s| s.name == k) {
                    continue;
                }
                let why = if k == "stackguard" {
                    "No Go release has a stackguard GODEBUG key. The runtime ignores it, and the goroutine stack limit did not change in Go 1.22 (runtime/debug.SetMaxStack changes it).".to_string()
                } else if !item.contains('=') {
                    "Not a key=value pair: the runtime ignores it.".to_string()
                } else {
                    "Not in Go's GODEBUG settings table: unless it is one of the runtime's own debugging knobs (gctrace, madvdontneed, … documented in package runtime), it does nothing.".to_string()
                };
                foreign.push(ForeignKey { key: k.to_string(), value: v.to_string(), why });
            }
        }
        (Some(res), Some((tc, why)), foreign)
    };

    let mut problem_vars: Vec<String> = report.findings.iter().flat_map(|f| f.vars.iter().cloned()).collect();
    problem_vars.extend(report.vars.iter().filter(|v| v.status == goenv::Status::Invalid).map(|v| v.name.clone()));
    problem_vars.sort();
    problem_vars.dedup();

    let lines: Vec<&str> = inputs.text.lines().collect();
    let unrecognised = report
        .lines
        .iter()
        .filter(|l| matches!(l.kind, goenv::parse::LineKind::Unrecognised))
        .map(|l| {
            let t = lines.get(l.line.saturating_sub(1) as usize).copied().unwrap_or("");
            let mut s: String = t.chars().take(200).collect();
            if t.chars().count() > 200 {
                s.push('…');
            }
            (l.line, s)
        })
        .collect();

    EnvModel {
        inputs: inputs.clone(),
        home: report.context.home.clone(),
        report,
        upgrade,
        godebug,
        godebug_env,
        foreign_keys,
        toolchain,
        problem_vars,
        unrecognised,
        ms: now() - t0,
    }
}
