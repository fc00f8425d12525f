//! The `go env` resolver: parse a pasted `go env` (any format, never losing a line), infer
//! the Go version and platform, resolve every variable against what the go command would
//! compute by default for that version and OS, run checks, and compare two versions.
//!
//! Facts come from `data/knowledge/` (see [`data`]); the default computation mirrors the go
//! command's source (see [`sim`]). GODEBUG is only checked for key names here (the GODEBUG
//! resolver lives elsewhere).

pub mod catalog;
pub mod checks;
pub mod data;
pub mod infer;
pub mod parse;
pub mod sim;
pub mod upgrade;
pub mod validate;

use crate::version::GoVersion;
use serde::{Deserialize, Serialize};

pub use checks::{Finding, FixCommand, Severity};
pub use sim::{simulate, Context, EnvVar, Settings, SimOutput};

/// Largest input read (go env output is a few KB).
pub const MAX_INPUT: usize = 1 << 20;

#[derive(Debug, Clone, Default)]
pub struct Options {
    pub go_version: Option<GoVersion>,
    pub os: Option<String>,
    pub arch: Option<String>,
    pub home: Option<String>,
    pub goroot: Option<String>,
    /// go.mod text (for GOTOOLCHAIN/GOEXPERIMENT checks).
    pub go_mod: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    /// Equal to what the go command computes with nothing set.
    Default,
    /// Set by the user (OS environment or go env file): `go env -changed` lists it.
    Changed,
    /// Differs from the plain default only because another setting changed it (GOMODCACHE
    /// follows GOPATH, GONOPROXY follows GOPRIVATE, CGO_ENABLED=0 when cross-compiling), or
    /// computed by the go command and not settable (GOEXE, GOTOOLDIR, GOVERSION, GOMOD).
    Derived,
    /// Not a variable the go command knows.
    Unknown,
    /// A value the go command rejects or ignores.
    Invalid,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Resolved {
    pub name: String,
    pub value: String,
    pub line: u32,
    pub status: Status,
    /// What the go command computes for this version/OS with nothing set (None: unknown).
    pub default: Option<String>,
    pub meaning: String,
    pub introduced: String,
    pub history: String,
    /// Why the status (e.g. the invalid value's consequence).
    pub note: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Report {
    pub format: String,
    pub partial: bool,
    pub inference: infer::Inference,
    /// Resolution used (after overrides).
    pub minor: u32,
    pub host_os: String,
    pub host_arch: String,
    pub vars: Vec<Resolved>,
    /// Predicted `go env -changed` (go1.23 rules): (name, value).
    pub changed: Vec<(String, String)>,
    /// Variables `go env` prints for this version that the paste lacks.
    pub missing: Vec<String>,
    pub findings: Vec<Finding>,
    pub lines: Vec<parse::Line>,
    pub notes: Vec<String>,
    pub duplicates: Vec<(String, Vec<u32>)>,
    /// What a full `go env` would stop with, if the pasted settings are fatal.
    pub predicted_fatal: Option<String>,
    #[serde(skip)]
    pub context: Context,
}

impl Report {
    pub fn get(&self, name: &str) -> Option<&Resolved> {
        self.vars.iter().rev().find(|v| v.name == name)
    }
}

/// Derived (not settable) variables: computed by the go command.
pub fn is_derived(name: &str) -> bool {
    matches!(
        name,
        "GOEXE"
            | "GOHOSTARCH"
            | "GOHOSTOS"
            | "GOTOOLDIR"
            | "GOVERSION"
            | "GOMOD"
            | "GOWORK"
            | "GOGCCFLAGS"
            | "GOTELEMETRY"
            | "GOTELEMETRYDIR"
            | "GOROOT"
    )
}

/// Entry point for raw bytes: size limit, binary and encoding problems become notes.
pub fn analyze_bytes(bytes: &[u8], opts: &Options) -> Report {
    let mut pre_notes = Vec::new();
    let mut b = bytes;
    if b.len() > MAX_INPUT {
        let cut = b[..MAX_INPUT].iter().rposition(|c| *c == b'\n').map(|i| i + 1).unwrap_or(MAX_INPUT);
        pre_notes.push(format!(
            "input is {} bytes; go env output is a few kilobytes, so only the first {} bytes ({} lines) were read",
            bytes.len(),
            cut,
            b[..cut].iter().filter(|c| **c == b'\n').count()
        ));
        b = &b[..cut];
    }
    let ctrl = b.iter().filter(|c| (**c < 0x20 && !matches!(**c, b'\n' | b'\r' | b'\t')) || **c == 0x7f).count();
    if !b.is_empty() && ctrl * 20 > b.len() {
        pre_notes
            .push(format!("input looks binary ({ctrl} control bytes in {} bytes); it is not go env output", b.len()));
    }
    let text = String::from_utf8_lossy(b);
    if matches!(text, std::borrow::Cow::Owned(_)) {
        pre_notes.push("input is not valid UTF-8; invalid bytes were replaced with U+FFFD".into());
    }
    let mut r = analyze(&text, opts);
    pre_notes.append(&mut r.notes);
    r.notes = pre_notes;
    r
}

fn format_name(p: &parse::Parsed, partial: bool) -> String {
    use parse::Style::*;
    let mut counts: Vec<(parse::Style, usize)> = Vec::new();
    for v in &p.vars {
        match counts.iter_mut().find(|(s, _)| *s == v.style) {
            Some((_, c)) => *c += 1,
            None => counts.push((v.style, 1)),
        }
    }
    // Plan 9 single quotes look like Unix ones unless a doubled quote shows up.
    if counts.iter().any(|(s, _)| *s == Plan9) {
        if let Some(i) = counts.iter().position(|(s, _)| *s == UnixSingle) {
            let c = counts.remove(i).1;
            if let Some(x) = counts.iter_mut().find(|(s, _)| *s == Plan9) {
                x.1 += c;
            }
        }
    }
    if p.vars.iter().any(|v| v.name == "GOHOSTOS" && v.value == "plan9") {
        if let Some(i) = counts.iter().position(|(s, _)| *s == UnixSingle) {
            counts[i].0 = Plan9;
        }
    }
    counts.sort_by_key(|c| std::cmp::Reverse(c.1));
    let base = match counts.as_slice() {
        [] => "no variables found".to_string(),
        [(s, _)] => s.describe().to_string(),
        [(s, _), rest @ ..] => format!(
            "mixed: mostly {} (also {})",
            s.describe(),
            rest.iter().map(|(s, c)| format!("{c} × {}", s.describe())).collect::<Vec<_>>().join(", ")
        ),
    };
    let changed = p.commands.iter().any(|c| c.contains("-changed"));
    if changed {
        format!("{base}; go env -changed output")
    } else if partial {
        format!("{base}; partial listing (a subset of go env, e.g. go env -changed)")
    } else {
        base
    }
}

pub fn analyze(input: &str, opts: &Options) -> Report {
    let mut parsed = parse::parse(input);
    let newest = data::newest_minor();
    let mut inference = infer::infer(&parsed, newest);
    if let Some(v) = opts.go_version {
        inference.minor.basis =
            format!("given ({v}); the paste suggests go1.{}: {}", inference.minor.value, inference.minor.basis);
    }
    if let Some(o) = &opts.os {
        inference.host_os.basis = format!("given ({o})");
    }
    if let Some(a) = &opts.arch {
        inference.host_arch.basis = format!("given ({a})");
    }
    let minor = opts.go_version.map(|v| v.minor).unwrap_or(inference.minor.value);
    // Windows values are batch-escaped from go1.21.
    if minor >= 21 {
        for v in parsed.vars.iter_mut().filter(|v| v.style == parse::Style::Windows) {
            v.value = parse::windows_unescape(&v.raw);
        }
    }
    let host_os = opts.os.clone().unwrap_or(inference.host_os.value.clone());
    let host_arch = opts.arch.clone().unwrap_or(inference.host_arch.value.clone());
    let home_less = inference.home.basis.contains("HOME is not set");
    let home = opts.home.clone().or(inference.home.value.clone()).or_else(|| {
        // Unknown (e.g. a -changed paste): a placeholder keeps the defaults readable.
        (!home_less).then(|| if host_os == "windows" { "%USERPROFILE%".to_string() } else { "$HOME".to_string() })
    });
    let goroot = opts.goroot.clone().or(inference.goroot.clone()).unwrap_or_default();
    let mut ctx = Context::new(minor, &host_os, &host_arch, home.as_deref(), &goroot);
    ctx.version = match opts.go_version {
        Some(v) if v.patch.is_some() => Some(v.to_string()),
        Some(_) => None,
        None => inference.version_text.clone(),
    };
    let get = |n: &str| parsed.vars.iter().rev().find(|v| v.name == n).map(|v| v.value.clone());
    if let Some(m) = get("GOMOD").filter(|m| !m.is_empty() && m != "/dev/null" && m != "NUL") {
        ctx.gomod_path = Some(m);
    }
    if let Some(t) = get("GOTELEMETRY") {
        ctx.telemetry_mode = Some(t);
    }
    if let Some(g) = get("GCCGO").filter(|g| g != "gccgo" && (g.starts_with('/') || g.contains('\\'))) {
        ctx.gccgo_path = Some(g);
    }
    // Resolve each name once: the last occurrence wins (duplicates are reported as notes).
    let unique: Vec<&parse::Var> = {
        let mut seen = std::collections::HashSet::new();
        let mut u: Vec<&parse::Var> = parsed.vars.iter().rev().filter(|v| seen.insert(v.name.as_str())).collect();
        u.reverse();
        u
    };
    let base = simulate(&ctx, &Settings::default());
    // Feed the pasted values that differ from the default as settings: first the ones other
    // defaults depend on (GOOS/GOARCH → CC, CGO_ENABLED, GOEXE, the arch variable; GOPATH →
    // GOMODCACHE; GOPRIVATE → GONOPROXY/GONOSUMDB), then the rest against the adjusted defaults.
    const TIER1: &[&str] = &["GOOS", "GOARCH", "GOPATH", "GOPRIVATE", "GOENV", "GO111MODULE"];
    let mut fed = Settings::default();
    let mut tier_base = base.clone();
    for tier in 0..2 {
        if tier == 1 {
            tier_base = simulate(&ctx, &fed);
        }
        for v in unique.iter().copied() {
            if is_derived(&v.name) || data::var(&v.name).is_none() || TIER1.contains(&v.name.as_str()) != (tier == 0) {
                continue;
            }
            feed(&mut fed, v, tier_base.get(&v.name));
        }
    }
    let full = simulate(&ctx, &fed);
    let mut vars = Vec::new();
    for v in unique.iter().copied() {
        let info = data::var(&v.name);
        let d = base.get(&v.name).map(str::to_string);
        let fullv = full.vars.iter().find(|e| e.name == v.name);
        let no_home_cache = v.name == "GOCACHE" && v.value == "off" && d.as_deref() == Some("off");
        let invalid = if no_home_cache { None } else { invalid_reason(&v.name, &v.value, &ctx) };
        let (status, note) = if info.is_none() {
            (Status::Unknown, Some("not a variable the go command reads or prints".to_string()))
        } else if let Some(r) = invalid {
            (Status::Invalid, Some(r))
        } else if no_home_cache {
            (
                Status::Derived,
                Some("no home directory: the go command cannot locate a build cache (see goenv-no-home)".into()),
            )
        } else if d.as_deref() == Some(v.value.as_str()) {
            (Status::Default, None)
        } else if fullv.is_some_and(|e| e.changed) || fed.os_env.iter().any(|(n, _)| *n == v.name) {
            let cross =
                get("GOOS").is_some_and(|o| o != ctx.host_os) || get("GOARCH").is_some_and(|a| a != ctx.host_arch);
            if v.name == "CGO_ENABLED" && v.value == "0" && minor >= 20 && !cross {
                (
                    Status::Changed,
                    Some("set to 0, or CC is unset and no C compiler is in PATH (go1.20+ default)".into()),
                )
            } else {
                (Status::Changed, None)
            }
        } else if is_derived(&v.name) || d.is_none() {
            (Status::Derived, None)
        } else {
            (Status::Derived, Some("follows from other settings".into()))
        };
        let info_s = |f: fn(&data::VarInfo) -> String| info.map(f).unwrap_or_default();
        vars.push(Resolved {
            name: v.name.clone(),
            value: v.value.clone(),
            line: v.line,
            status,
            default: if v.name == "GOGCCFLAGS" || (v.name == "GOMOD") { None } else { d },
            meaning: info_s(|i| i.meaning()),
            introduced: info_s(|i| i.introduced_raw.clone()),
            history: info_s(|i| i.history.clone()),
            note,
        });
    }
    let changed: Vec<(String, String)> = full
        .vars
        .iter()
        .filter(|e| e.changed)
        .map(|e| {
            let pasted = parsed.vars.iter().rev().find(|v| v.name == e.name).map(|v| v.value.clone());
            (e.name.clone(), pasted.unwrap_or(e.value.clone()))
        })
        .collect();
    let missing: Vec<String> = if inference.partial || parsed.vars.is_empty() {
        Vec::new()
    } else {
        base.vars.iter().filter(|e| get(&e.name).is_none()).map(|e| e.name.clone()).collect()
    };
    let mut notes = std::mem::take(&mut parsed.notes);
    let arch_name = get("GOARCH").and_then(|a| sim::arch_var(minor, &a, &ctx)).map(|a| a.0);
    let quirk: Vec<&str> = fed
        .os_env
        .iter()
        .map(|(n, _)| n.as_str())
        .filter(|n| *n == "GOPATH" || *n == "CGO_ENABLED" || Some(*n) == arch_name)
        .collect();
    if minor >= 23 && !quirk.is_empty() {
        notes.push(format!(
            "{} differ from the default but are left out of the predicted `go env -changed`: set in the OS environment, go1.23 compares them with defaults that already include the OS environment, so -changed does not list them (set with `go env -w`, it does)",
            quirk.join(", ")
        ));
    }
    for (n, ls) in &parsed.duplicates {
        notes.push(format!(
            "{n} appears {} times (lines {}); the last one (line {}) is used",
            ls.len(),
            ls.iter().take(10).map(|l| l.to_string()).collect::<Vec<_>>().join(", ")
                + if ls.len() > 10 { ", …" } else { "" },
            ls.last().copied().unwrap_or(0)
        ));
    }
    if parsed.vars.is_empty() && !input.trim().is_empty() {
        notes.push("no go env variables found: paste the output of `go env` (or `go env -json`)".into());
    }
    let format = format_name(&parsed, inference.partial);
    let mut report = Report {
        format,
        partial: inference.partial,
        minor,
        host_os,
        host_arch,
        inference,
        vars,
        changed,
        missing,
        findings: Vec::new(),
        lines: parsed.lines.clone(),
        notes,
        duplicates: parsed.duplicates.clone(),
        predicted_fatal: full.fatal.clone(),
        context: ctx,
    };
    let gomod = opts.go_mod.as_deref().map(crate::gomod::GoMod::parse);
    report.findings = checks::run(&report, &parsed, gomod.as_ref());
    report
}

/// Why a value is invalid for the go command of `ctx.minor` (None when fine).
fn feed(fed: &mut Settings, v: &parse::Var, b: Option<&str>) {
    match v.name.as_str() {
        "GOENV" if v.value.is_empty() && b.is_some_and(|b| !b.is_empty()) => {
            fed.os_env.push(("GOENV".into(), "off".into()))
        }
        "GOCACHE" if v.value == "off" && b == Some("off") => {}
        _ if b != Some(v.value.as_str()) && !(b.is_none() && v.value.is_empty()) => {
            fed.os_env.push((v.name.clone(), v.value.clone()))
        }
        _ => {}
    }
}

pub fn invalid_reason(name: &str, v: &str, ctx: &Context) -> Option<String> {
    let m = ctx.minor;
    match name {
        "GO111MODULE" if !matches!(v, "" | "on" | "off" | "auto") => {
            Some(format!("every command fails: go: unknown environment setting GO111MODULE={v}"))
        }
        "GOTOOLCHAIN" if m >= 21 => validate::gotoolchain(v).err(),
        "GOEXPERIMENT" if m >= 17 => validate::goexperiment(v, m).map(|b| format!("go: unknown GOEXPERIMENT {b}")),
        "GOAMD64" | "GOARM" | "GOARM64" | "GO386" | "GOMIPS" | "GOMIPS64" | "GOPPC64" | "GORISCV64" | "GOWASM"
            if !v.is_empty() =>
        {
            validate::arch_value(name, v, m)
        }
        "CGO_ENABLED" if !matches!(v, "0" | "1") => {
            Some("only 0 and 1 are honoured; any other value is silently treated as unset".into())
        }
        "GOCACHE" if !v.is_empty() && v != "off" && !ctx.is_abs(v) => {
            Some("build cache is required, but could not be located: GOCACHE is not an absolute path".into())
        }
        "GOCACHE" if v == "off" && m >= 12 => {
            Some("the build cache is required since go1.12; builds fail (build cache is disabled by GOCACHE=off, but required as of Go 1.12)".into())
        }
        "GOPATH" => v
            .split(if ctx.host_os == "windows" { ';' } else { ':' })
            .find(|p| !p.is_empty() && (p.starts_with('~') || !ctx.is_abs(p)))
            .map(|p| {
                if p.starts_with('~') {
                    format!("go: GOPATH entry cannot start with shell metacharacter '~': {p:?}")
                } else {
                    format!("go: GOPATH entry is relative; must be absolute path: {p:?}.")
                }
            }),
        "GOMODCACHE" if !v.is_empty() && !ctx.is_abs(v) => {
            Some(format!("go: GOMODCACHE entry is relative; must be absolute path: {v:?}"))
        }
        "GOWORK" if !matches!(v, "" | "off" | "auto") && !ctx.is_abs(v) => {
            Some("go: invalid GOWORK: not an absolute path".into())
        }
        "GOTMPDIR" if !v.is_empty() && !ctx.is_abs(v) => Some("go: GOTMPDIR must be an absolute path".into()),
        _ => None,
    }
}

/// Plain-text rendering for the CLI.
pub fn render_text(r: &Report, verbose: bool) -> String {
    use std::fmt::Write;
    let mut o = String::new();
    let _ = writeln!(o, "format: {}", r.format);
    let _ = writeln!(o, "go version: go1.{} ({})", r.minor, r.inference.minor.basis);
    let _ = writeln!(
        o,
        "host: {}/{} ({}; {})",
        r.host_os, r.host_arch, r.inference.host_os.basis, r.inference.host_arch.basis
    );
    if let Some(h) = &r.context.home {
        let _ = writeln!(o, "home: {h} ({})", r.inference.home.basis);
    }
    for n in &r.notes {
        let _ = writeln!(o, "note: {n}");
    }
    if let Some(f) = &r.predicted_fatal {
        let _ = writeln!(o, "go env would fail: {}", f.replace('\n', " "));
    }
    let _ = writeln!(o);
    for v in &r.vars {
        if !verbose && (v.status == Status::Default || (v.status == Status::Derived && v.note.is_none())) {
            continue;
        }
        let st = match v.status {
            Status::Default => "default",
            Status::Changed => "changed",
            Status::Derived => "derived",
            Status::Unknown => "unknown",
            Status::Invalid => "INVALID",
        };
        let _ = write!(o, "{:<14} {:<8} {}={:?}", format!("line {}", v.line), st, v.name, v.value);
        if let Some(d) = &v.default {
            if d != &v.value {
                let _ = write!(o, "  (default {d:?})");
            }
        }
        let _ = writeln!(o);
        if let Some(n) = &v.note {
            let _ = writeln!(o, "{:<24}{n}", "");
        }
        if verbose && !v.meaning.is_empty() {
            let _ = writeln!(o, "{:<24}{}", "", v.meaning);
        }
    }
    if !r.missing.is_empty() {
        let _ = writeln!(o, "\nnot in the paste (go1.{} prints them): {}", r.minor, r.missing.join(" "));
    }
    let _ = writeln!(
        o,
        "\ngo env -changed would print ({} rules):",
        if r.minor >= 23 { format!("go1.{}", r.minor) } else { "go1.23".into() }
    );
    if r.changed.is_empty() {
        let _ = writeln!(o, "  (nothing)");
    }
    for (n, v) in &r.changed {
        let _ = writeln!(o, "  {n}={v:?}");
    }
    let _ = writeln!(o);
    for f in &r.findings {
        let line = f.line.map(|l| format!("line {l}: ")).unwrap_or_default();
        let _ = writeln!(o, "{line}{} [{}] {}", f.severity.key(), f.id, f.message);
        let _ = writeln!(o, "    why: {}", f.why);
        let _ = writeln!(o, "    do:  {}", f.action);
        if let Some(fx) = &f.fix {
            let _ = writeln!(o, "    fix: {}", fx.text());
        }
        let _ = writeln!(o, "    see: {}", f.source);
    }
    if r.findings.is_empty() {
        let _ = writeln!(o, "no problems found");
    }
    o
}
