//! What changes in `go env` between two releases: variables introduced/printed, defaults
//! that change (computed by the simulator), behaviour notes (goenv-history.md), and which
//! checks start or stop firing on a given paste.

use super::{analyze, data, sim, Options, Report};
use crate::version::GoVersion;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Upgrade {
    pub from: u32,
    pub to: u32,
    /// (name, "introduced in go1.N" / "printed by go env from go1.N" / "no longer printed").
    pub variables: Vec<(String, String)>,
    /// (name, old default, new default).
    pub defaults: Vec<(String, String, String)>,
    /// (release, note) from goenv-history.md.
    pub behaviour: Vec<(u32, String)>,
    /// Check ids that start firing at `to`.
    pub checks_start: Vec<String>,
    /// Check ids that stop firing at `to`.
    pub checks_stop: Vec<String>,
}

/// `paste` may be empty (then only the version tables are compared).
pub fn upgrade(from: u32, to: u32, paste: Option<&Report>, input: &str, opts: &Options) -> Upgrade {
    let (lo, hi) = (from.min(to), from.max(to));
    let mut variables = Vec::new();
    for v in data::vars() {
        if let Some(i) = v.introduced {
            if i > lo && i <= hi {
                variables.push((v.name.clone(), format!("setting introduced in go1.{i}")));
                continue;
            }
        }
        if let Some(p) = v.printed {
            if p.lo > lo && p.lo <= hi {
                variables.push((v.name.clone(), format!("printed by go env from go1.{}", p.lo)));
            }
            if let Some(h) = p.hi {
                if h >= lo && h < hi {
                    variables.push((v.name.clone(), format!("no longer printed after go1.{h}")));
                }
            }
        }
    }
    let (os, arch, home, goroot) = match paste {
        Some(r) => (
            r.host_os.clone(),
            r.host_arch.clone(),
            r.context.home.clone().unwrap_or("/home/user".into()),
            r.context.goroot.clone(),
        ),
        None => ("linux".into(), "amd64".into(), "/home/user".into(), "/usr/local/go".into()),
    };
    let ctx_for = |m: u32| {
        let mut c = sim::Context::new(m, &os, &arch, Some(&home), &goroot);
        c.version = Some(format!("go1.{m}"));
        c.gomod_path = paste.and_then(|r| r.context.gomod_path.clone());
        c
    };
    let a = sim::simulate(&ctx_for(from), &sim::Settings::default());
    let b = sim::simulate(&ctx_for(to), &sim::Settings::default());
    let mut defaults = Vec::new();
    for e in &b.vars {
        if matches!(e.name.as_str(), "GOVERSION" | "GOGCCFLAGS") {
            continue;
        }
        match a.get(&e.name) {
            Some(old) if old != e.value => defaults.push((e.name.clone(), old.to_string(), e.value.clone())),
            Some(_) => {}
            None => defaults.push((e.name.clone(), "(not printed)".into(), e.value.clone())),
        }
    }
    // Arch-specific defaults for other GOARCH values (GOARM, GOARM64...).
    for goarch in ["arm", "arm64", "386", "riscv64", "ppc64le"] {
        let (ca, cb) = (ctx_for(from), ctx_for(to));
        let x = sim::arch_var(from, goarch, &ca);
        let y = sim::arch_var(to, goarch, &cb);
        match (x, y) {
            (Some((n1, d1)), Some((_, d2))) if d1 != d2 => {
                defaults.push((format!("{n1} (GOARCH={goarch})"), d1, d2));
            }
            (None, Some((n, d))) => defaults.push((format!("{n} (GOARCH={goarch})"), "(not printed)".into(), d)),
            _ => {}
        }
    }
    let mut behaviour = Vec::new();
    for (m, items) in data::history_sections() {
        if *m > lo && *m <= hi {
            for it in items {
                behaviour.push((*m, it.clone()));
            }
        }
    }
    let (mut checks_start, mut checks_stop) = (Vec::new(), Vec::new());
    if paste.is_some() {
        let with = |m: u32| {
            let mut o = opts.clone();
            o.go_version = Some(GoVersion::lang(m));
            let r = analyze(input, &o);
            let mut ids: Vec<String> =
                r.findings.iter().map(|f| format!("{} {} ({})", f.severity.key(), f.id, f.vars.join(","))).collect();
            ids.sort();
            ids.dedup();
            ids
        };
        let (fa, fb) = (with(from), with(to));
        checks_start = fb.iter().filter(|x| !fa.contains(x)).cloned().collect();
        checks_stop = fa.iter().filter(|x| !fb.contains(x)).cloned().collect();
    }
    Upgrade { from, to, variables, defaults, behaviour, checks_start, checks_stop }
}
