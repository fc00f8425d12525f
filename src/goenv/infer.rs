//! Inferring the Go version, OS/arch, HOME and GOROOT behind a paste, with the evidence.

use super::data;
use super::parse::{Parsed, Style};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Inferred<T> {
    pub value: T,
    /// What the inference was based on.
    pub basis: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Inference {
    /// Go minor version (22 = go1.22).
    pub minor: Inferred<u32>,
    /// Full version text when known (`go1.22.12`).
    pub version_text: Option<String>,
    /// Range of releases consistent with the paste (lo, hi).
    pub range: (u32, u32),
    pub host_os: Inferred<String>,
    pub host_arch: Inferred<String>,
    pub home: Inferred<Option<String>>,
    pub goroot: Option<String>,
    /// The paste is a partial listing (`go env -changed` or a subset).
    pub partial: bool,
}

fn get<'a>(p: &'a Parsed, name: &str) -> Option<&'a str> {
    p.vars.iter().rev().find(|v| v.name == name).map(|v| v.value.as_str())
}

/// `go1.22.12`, `devel go1.23-abc` → 22.
fn minor_of(text: &str) -> Option<u32> {
    let i = text.find("go1.")?;
    data::leading_minor(&text[i..])
}

pub fn is_partial(p: &Parsed) -> bool {
    if p.commands.iter().any(|c| c.contains("-changed")) {
        return true;
    }
    let core = ["GOROOT", "GOHOSTOS", "GOTOOLDIR", "GOARCH", "GOOS"];
    !p.vars.is_empty() && core.iter().filter(|n| get(p, n).is_some()).count() < 3
}

pub fn infer(p: &Parsed, newest: u32) -> Inference {
    let partial = is_partial(p);
    // ---- version ----
    let mut lo = data::OLDEST;
    let mut hi = newest;
    let mut why: Vec<String> = Vec::new();
    let bump_lo = |lo: &mut u32, v: u32, reason: String, why: &mut Vec<String>| {
        if v > *lo {
            *lo = v;
            why.push(reason);
        }
    };
    let cut_hi = |hi: &mut u32, v: u32, reason: String, why: &mut Vec<String>| {
        if v < *hi {
            *hi = v;
            why.push(reason);
        }
    };
    for v in &p.vars {
        let Some(info) = data::var(&v.name) else { continue };
        if let Some(r) = info.printed {
            bump_lo(&mut lo, r.lo, format!("{} is printed since go1.{}", v.name, r.lo), &mut why);
            if let Some(h) = r.hi {
                cut_hi(&mut hi, h, format!("{} is printed only up to go1.{h}", v.name), &mut why);
            }
        }
    }
    if !partial {
        let mut by_lo: Vec<&data::VarInfo> = data::vars().iter().collect();
        by_lo.sort_by_key(|v| v.printed.map(|p| p.lo).unwrap_or(0));
        for info in by_lo {
            let Some(r) = info.printed else { continue };
            if info.only_for_arch.is_some() || r.lo <= data::OLDEST || p.vars.is_empty() {
                continue;
            }
            if get(p, &info.name).is_none() && r.lo <= hi && r.lo > lo {
                cut_hi(&mut hi, r.lo - 1, format!("{} (printed since go1.{}) is absent", info.name, r.lo), &mut why);
            }
        }
    }
    if partial && p.commands.iter().any(|c| c.contains("-changed")) {
        bump_lo(&mut lo, 23, "`go env -changed` exists since go1.23".into(), &mut why);
    } else if partial && !p.vars.is_empty() && p.vars.iter().all(|v| !v.value.is_empty()) {
        // A subset with only non-empty values: most likely `go env -changed` (go1.23+).
        bump_lo(&mut lo, 23, "a subset of non-empty settings looks like `go env -changed` (go1.23+)".into(), &mut why);
    }
    let styles: Vec<Style> = p.vars.iter().map(|v| v.style).collect();
    let single = styles.iter().filter(|s| **s == Style::UnixSingle).count();
    let double = styles.iter().filter(|s| **s == Style::UnixDouble).count();
    if single > double {
        bump_lo(&mut lo, 21, "single-quoted values (go1.21+ shellQuote)".into(), &mut why);
    } else if double > single {
        cut_hi(&mut hi, 20, "double-quoted values (go1.20 and older)".into(), &mut why);
    }
    match get(p, "CGO_CFLAGS") {
        Some("-g -O2") => cut_hi(&mut hi, 19, "CGO_CFLAGS=\"-g -O2\" (default before go1.20)".into(), &mut why),
        Some("-O2 -g") => bump_lo(&mut lo, 20, "CGO_CFLAGS='-O2 -g' (default since go1.20)".into(), &mut why),
        _ => {}
    }
    if let Some(a) = get(p, "GOARM") {
        if a.contains(',') {
            bump_lo(&mut lo, 22, "GOARM has a float suffix (go1.22+)".into(), &mut why);
        }
    }
    let (minor, basis, text) = if let Some(gv) = get(p, "GOVERSION").and_then(|t| minor_of(t).map(|m| (t, m))) {
        (gv.1, format!("GOVERSION={}", gv.0), Some(gv.0.trim().to_string()))
    } else if let Some((t, _, _, ln)) = &p.go_version_line {
        match minor_of(t) {
            Some(m) => (m, format!("`go version` output on line {ln}"), Some(t.clone())),
            None => (hi, "assumed".into(), None),
        }
    } else if p.vars.is_empty() {
        (newest, format!("nothing to go on; assumed go1.{newest}"), None)
    } else if lo > hi {
        (lo, format!("conflicting evidence ({}); using go1.{lo}", why.join("; ")), None)
    } else {
        let span = if lo == hi { format!("go1.{lo}") } else { format!("go1.{lo}–go1.{hi}, assumed go1.{hi}") };
        (hi, format!("{span}: {}", if why.is_empty() { "no evidence".into() } else { why.join("; ") }), None)
    };
    // ---- OS / arch ----
    let windows_style =
        styles.iter().filter(|s| **s == Style::Windows).count() > styles.len() / 2 && !styles.is_empty();
    let paths: Vec<&str> =
        ["GOPATH", "GOCACHE", "GOROOT", "GOENV", "GOMODCACHE"].iter().filter_map(|n| get(p, n)).collect();
    let (host_os, os_basis) = if let Some(o) = get(p, "GOHOSTOS") {
        (o.to_string(), "GOHOSTOS".to_string())
    } else if let Some((_, o, _, ln)) = &p.go_version_line {
        (o.clone(), format!("`go version` output on line {ln}"))
    } else if windows_style || paths.iter().any(|x| x.get(1..3) == Some(":\\")) {
        ("windows".into(), "`set NAME=value` lines / drive-letter paths".into())
    } else if paths.iter().any(|x| x.starts_with("/Users/") || x.contains("/Library/")) {
        ("darwin".into(), "macOS path shapes (/Users/…, ~/Library/…)".into())
    } else if let Some(o) = get(p, "GOOS") {
        (o.to_string(), "GOOS (GOHOSTOS absent)".into())
    } else if paths.iter().any(|x| x.starts_with("/home/") || x.contains("/.cache/") || x.starts_with("/root")) {
        ("linux".into(), "Linux path shapes (/home/…, ~/.cache)".into())
    } else {
        ("linux".into(), "assumed (no GOHOSTOS, GOOS or path evidence)".into())
    };
    let (host_arch, arch_basis) = if let Some(a) = get(p, "GOHOSTARCH") {
        (a.to_string(), "GOHOSTARCH".to_string())
    } else if let Some((_, _, a, ln)) = &p.go_version_line {
        (a.clone(), format!("`go version` output on line {ln}"))
    } else if let Some(a) = get(p, "GOARCH") {
        (a.to_string(), "GOARCH (GOHOSTARCH absent)".into())
    } else if get(p, "GOAMD64").is_some() {
        ("amd64".into(), "GOAMD64 present".into())
    } else if get(p, "GOARM64").is_some() {
        ("arm64".into(), "GOARM64 present".into())
    } else {
        ("amd64".into(), "assumed".into())
    };
    // ---- HOME ----
    let (sep, suffixes): (char, Vec<(&str, Vec<&str>)>) = match host_os.as_str() {
        "windows" => (
            '\\',
            vec![
                ("GOPATH", vec!["go"]),
                ("GOMODCACHE", vec!["go", "pkg", "mod"]),
                ("GOCACHE", vec!["AppData", "Local", "go-build"]),
                ("GOENV", vec!["AppData", "Roaming", "go", "env"]),
            ],
        ),
        "darwin" | "ios" => (
            '/',
            vec![
                ("GOPATH", vec!["go"]),
                ("GOMODCACHE", vec!["go", "pkg", "mod"]),
                ("GOCACHE", vec!["Library", "Caches", "go-build"]),
                ("GOENV", vec!["Library", "Application Support", "go", "env"]),
            ],
        ),
        _ => (
            '/',
            vec![
                ("GOPATH", vec!["go"]),
                ("GOMODCACHE", vec!["go", "pkg", "mod"]),
                ("GOCACHE", vec![".cache", "go-build"]),
                ("GOENV", vec![".config", "go", "env"]),
                ("GOTELEMETRYDIR", vec![".config", "go", "telemetry"]),
            ],
        ),
    };
    let mut home: Inferred<Option<String>> =
        Inferred { value: None, basis: "no default-shaped path in the paste".into() };
    for (name, parts) in &suffixes {
        if let Some(v) = get(p, name) {
            let suffix: String = parts.iter().map(|x| format!("{sep}{x}")).collect();
            if let Some(h) = v.strip_suffix(&suffix) {
                if !h.is_empty() {
                    home = Inferred { value: Some(h.to_string()), basis: format!("{name}={v} has the default shape") };
                    break;
                }
            }
        }
    }
    if home.value.is_none()
        && get(p, "GOCACHE") == Some("off")
        && get(p, "GOPATH").is_some_and(str::is_empty)
        && get(p, "GOENV").is_some_and(str::is_empty)
    {
        home.basis = "GOCACHE=off with empty GOPATH and GOENV: HOME is not set".into();
    }
    Inference {
        minor: Inferred { value: minor.clamp(data::OLDEST, newest.max(minor)), basis },
        version_text: text,
        range: (lo, hi),
        host_os: Inferred { value: host_os, basis: os_basis },
        host_arch: Inferred { value: host_arch, basis: arch_basis },
        home,
        goroot: get(p, "GOROOT").map(str::to_string),
        partial,
    }
}
