//! Checks on a resolved `go env`: each finding has an id, a severity, what/why/what to do,
//! a go.dev source and a fix command. Facts: goenv-vars.tsv, goenv-history.md,
//! seed-claims.md (myths are named and corrected, never repeated as Go behaviour).

use super::parse::{LineKind, Parsed};
use super::{data, validate, Report, Status};
use crate::gomod::GoMod;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
    Info,
}

impl Severity {
    pub fn key(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", tag = "kind", content = "command")]
pub enum FixCommand {
    /// `go env -w NAME=value`
    GoEnvW(String),
    /// `go env -u NAME`
    GoEnvU(String),
    /// Something to change in the OS environment (go env -w cannot set it).
    OsEnv(String),
}

impl FixCommand {
    pub fn text(&self) -> &str {
        match self {
            FixCommand::GoEnvW(s) | FixCommand::GoEnvU(s) | FixCommand::OsEnv(s) => s,
        }
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Finding {
    #[serde(deserialize_with = "static_str")]
    pub id: StaticStr,
    pub severity: Severity,
    pub vars: Vec<String>,
    pub line: Option<u32>,
    /// What is wrong.
    pub message: String,
    /// Why it matters in this version.
    pub why: String,
    /// What to do.
    pub action: String,
    #[serde(deserialize_with = "static_str")]
    pub source: StaticStr,
    pub fix: Option<FixCommand>,
}

/// `&'static str` under another name: serde's derive would otherwise make `Finding`
/// deserializable only from `'static` input (it treats a `&str` field as borrowed).
pub type StaticStr = &'static str;

/// Deserializes a check id or source link (the web app receives reports from its worker):
/// each distinct text is leaked once and reused, so memory stays bounded by the number of
/// distinct ids and links (a few dozen), however many reports arrive.
fn static_str<'de, D: serde::Deserializer<'de>>(d: D) -> Result<&'static str, D::Error> {
    use std::sync::Mutex;
    static SEEN: Mutex<Vec<&'static str>> = Mutex::new(Vec::new());
    let s = String::deserialize(d)?;
    let mut seen = SEEN.lock().unwrap_or_else(|e| e.into_inner());
    if let Some(&known) = seen.iter().find(|k| **k == s) {
        return Ok(known);
    }
    let leaked: &'static str = Box::leak(s.into_boxed_str());
    seen.push(leaked);
    Ok(leaked)
}

struct Ctx<'a> {
    r: &'a Report,
    p: &'a Parsed,
    gomod: Option<&'a GoMod>,
    out: Vec<Finding>,
}

/// Quote a value for a POSIX shell (or leave it bare on Windows).
fn q(r: &Report, v: &str) -> String {
    if r.host_os == "windows" || v.bytes().all(|b| b.is_ascii_alphanumeric() || b"-_./,:=+@".contains(&b)) {
        v.to_string()
    } else {
        format!("'{}'", v.replace('\'', "'\\''"))
    }
}

impl<'a> Ctx<'a> {
    fn val(&self, n: &str) -> Option<&'a str> {
        self.r.get(n).map(|v| v.value.as_str())
    }
    fn line(&self, n: &str) -> Option<u32> {
        self.r.get(n).map(|v| v.line)
    }
    #[allow(clippy::too_many_arguments)]
    fn add(
        &mut self,
        id: &'static str,
        severity: Severity,
        vars: &[&str],
        message: String,
        why: String,
        action: String,
        source: &'static str,
        fix: Option<FixCommand>,
    ) {
        let line = vars.iter().find_map(|v| self.line(v));
        self.out.push(Finding {
            id,
            severity,
            vars: vars.iter().map(|s| s.to_string()).collect(),
            line,
            message,
            why,
            action,
            source,
            fix,
        });
    }
    fn w(&self, name: &str, v: &str) -> Option<FixCommand> {
        Some(FixCommand::GoEnvW(format!("go env -w {name}={}", q(self.r, v))))
    }
    fn u(&self, name: &str) -> Option<FixCommand> {
        Some(FixCommand::GoEnvU(format!("go env -u {name}")))
    }
    fn m(&self) -> u32 {
        self.r.minor
    }
}

const OS_NOTE: &str = "If it is set in the OS environment (shell profile, CI, Dockerfile), change it there: `go env -w`/`-u` only edit the go env file, and the OS environment wins.";

pub fn run(r: &Report, p: &Parsed, gomod: Option<&GoMod>) -> Vec<Finding> {
    let mut c = Ctx { r, p, gomod, out: Vec::new() };
    sumdb(&mut c);
    goflags(&mut c);
    goinsecure(&mut c);
    goproxy(&mut c);
    go_env_file(&mut c);
    go111module(&mut c);
    gocache_home(&mut c);
    gopath(&mut c);
    goroot(&mut c);
    gotoolchain(&mut c);
    goexperiment(&mut c);
    godebug(&mut c);
    arch(&mut c);
    cgo(&mut c);
    platform(&mut c);
    myths(&mut c);
    go_messages(&mut c);
    let mut out = c.out;
    out.sort_by_key(|f| (f.severity, f.line.unwrap_or(u32::MAX)));
    out
}

fn sumdb(c: &mut Ctx) {
    if c.val("GOSUMDB") == Some("off") {
        let priv_ = c.val("GOPRIVATE").unwrap_or("");
        c.add(
            "goenv-gosumdb-off",
            Severity::Warning,
            &["GOSUMDB"],
            "GOSUMDB=off turns off checksum-database verification for every module.".into(),
            "Modules downloaded for the first time (no go.sum line yet) are then accepted without checking them against sum.golang.org, so a tampered or re-tagged version goes unnoticed. Toolchain downloads (golang.org/toolchain) still require the checksum database.".into(),
            format!(
                "Remove it and list only private module paths in GOPRIVATE (or GONOSUMDB){}. {OS_NOTE}",
                if priv_.is_empty() { String::new() } else { format!(" — GOPRIVATE is already {priv_:?}") }
            ),
            "https://go.dev/ref/mod#checksum-database",
            c.u("GOSUMDB"),
        );
    }
    if let Some(v) = c.val("GONOSUMDB").filter(|v| !v.is_empty()) {
        if c.r.get("GONOSUMDB").is_some_and(|x| x.status == Status::Changed) {
            let broad = broad_patterns(v);
            let sev = if broad.is_empty() { Severity::Info } else { Severity::Warning };
            c.add(
                "goenv-gonosumdb",
                sev,
                &["GONOSUMDB"],
                if broad.is_empty() {
                    format!("GONOSUMDB={v}: these module paths are not checked against the checksum database.")
                } else {
                    format!("GONOSUMDB={v} includes broad patterns ({}) that skip checksum verification for public modules too.", broad.join(", "))
                },
                "GONOSUMDB patterns are path prefixes (path.Match globs per path element); a match skips sum.golang.org for that module. Its default is GOPRIVATE.".into(),
                "Keep only private path prefixes (e.g. example.com/internal). If GOPRIVATE already lists them, GONOSUMDB is not needed.".into(),
                "https://go.dev/ref/mod#private-modules",
                if c.val("GOPRIVATE") == Some(v) { c.u("GONOSUMDB") } else { None },
            );
        }
    }
}

/// Patterns matching (nearly) everything: `*`, `*.*`, a bare host like `github.com`.
fn broad_patterns(v: &str) -> Vec<String> {
    v.split(',')
        .map(str::trim)
        .filter(|p| {
            matches!(
                *p,
                "*" | "*.*"
                    | "*/*"
                    | "github.com"
                    | "gitlab.com"
                    | "golang.org"
                    | "go.googlesource.com"
                    | "bitbucket.org"
            )
        })
        .map(str::to_string)
        .collect()
}

fn goflags(c: &mut Ctx) {
    let Some(v) = c.val("GOFLAGS") else { return };
    let flags: Vec<&str> = v.split_whitespace().collect();
    if flags.iter().any(|f| *f == "-insecure" || f.starts_with("-insecure=")) {
        let rest: Vec<&str> = flags.iter().copied().filter(|f| !f.starts_with("-insecure")).collect();
        let m = c.m();
        c.add(
            "goenv-goflags-insecure",
            if m >= 17 { Severity::Error } else { Severity::Warning },
            &["GOFLAGS"],
            "GOFLAGS contains -insecure.".into(),
            if m >= 17 {
                "`go get -insecure` was removed in go1.17 (deprecated in go1.16): with it in GOFLAGS every `go get` fails with `go: -insecure flag is no longer supported; use GOINSECURE instead` (verified go1.19–go1.23); other commands ignore it.".into()
            } else {
                "`go get -insecure` allowed plain-HTTP fetches and skipped checksum checks for every module; it is deprecated in go1.16 and removed in go1.17.".into()
            },
            "Drop it; list the hosts that need plain HTTP in GOINSECURE, and private paths in GOPRIVATE/GONOSUMDB.".into(),
            "https://go.dev/doc/go1.17#go-get",
            if rest.is_empty() { c.u("GOFLAGS") } else { c.w("GOFLAGS", &rest.join(" ")) },
        );
    }
    for f in &flags {
        if f.contains("-d=experiments") {
            c.add(
                "goenv-myth-experiments-debug-flag",
                Severity::Error,
                &["GOFLAGS"],
                format!("GOFLAGS contains {f}, which is not a compiler setting."),
                "The compiler has no `experiments` debug key: go1.22 says `invalid value \"experiments=on\" for flag -d: unknown debug key experiments`. Experiments are chosen only with the GOEXPERIMENT environment variable at build time (a popular article claims otherwise).".into(),
                "Remove it; set GOEXPERIMENT=<name> instead if you really need a toolchain experiment.".into(),
                "https://pkg.go.dev/internal/goexperiment",
                None,
            );
        }
    }
}

fn goinsecure(c: &mut Ctx) {
    let Some(v) = c.val("GOINSECURE").filter(|v| !v.is_empty()) else { return };
    let broad = broad_patterns(v);
    let wild: Vec<&str> = v.split(',').map(str::trim).filter(|p| p.contains('*')).collect();
    c.add(
        "goenv-goinsecure",
        if broad.is_empty() { Severity::Info } else { Severity::Warning },
        &["GOINSECURE"],
        if broad.is_empty() {
            format!("GOINSECURE={v}: modules matching these patterns may be fetched over plain HTTP or with unverified certificates{}.", if wild.is_empty() { String::new() } else { format!(" (wildcards: {})", wild.join(", ")) })
        } else {
            format!("GOINSECURE={v} matches public hosts ({}): their modules may be fetched without TLS.", broad.join(", "))
        },
        "GOINSECURE only affects direct fetches (it does not turn off the checksum database). Each comma-separated entry is a glob matched against module path prefixes, so `*` matches every first path element.".into(),
        "Limit it to the exact internal hosts that lack HTTPS (e.g. git.corp.example).".into(),
        "https://go.dev/ref/mod#environment-variables",
        None,
    );
}

fn goproxy(c: &mut Ctx) {
    let Some(v) = c.val("GOPROXY") else { return };
    let m = c.m();
    let entries = validate::goproxy_entries(v);
    if v.trim().is_empty() {
        if m >= 21 {
            // reported by goenv-go-env-missing when GOSUMDB/GOTOOLCHAIN are empty too
            if c.val("GOSUMDB").is_some_and(|s| !s.is_empty()) {
                c.add(
                    "goenv-goproxy-empty",
                    Severity::Error,
                    &["GOPROXY"],
                    "GOPROXY is empty.".into(),
                    "Since go1.21 the default comes from $GOROOT/go.env; an empty value means it was removed there or overridden with an empty line in the go env file. Module downloads fail with `GOPROXY list is not the empty string, but contains no entries`.".into(),
                    "Restore the default.".into(),
                    "https://go.dev/ref/mod#environment-variables",
                    c.w("GOPROXY", "https://proxy.golang.org,direct"),
                );
            }
        } else if m <= 12 {
            c.add(
                "goenv-goproxy-empty",
                Severity::Info,
                &["GOPROXY"],
                "GOPROXY is empty: modules are fetched directly from version control.".into(),
                "Before go1.13 there was no default proxy.".into(),
                "Nothing to do; go1.13+ defaults to https://proxy.golang.org,direct.".into(),
                "https://go.dev/doc/go1.13#modules",
                None,
            );
        }
        return;
    }
    if entries.first().is_some_and(|e| e.0 == "off") {
        c.add(
            "goenv-goproxy-off",
            Severity::Info,
            &["GOPROXY"],
            "GOPROXY=off: the go command may not download any module.".into(),
            "Builds work only with modules already in the module cache or vendor directory; anything missing fails with `module lookup disabled by GOPROXY=off`.".into(),
            "Fine for hermetic/offline builds; otherwise restore the default.".into(),
            "https://go.dev/ref/mod#environment-variables",
            c.u("GOPROXY"),
        );
    } else if entries.len() == 1 && entries[0].0 == "direct" {
        c.add(
            "goenv-goproxy-direct",
            Severity::Info,
            &["GOPROXY"],
            "GOPROXY=direct: every module is fetched from its version-control host, bypassing any module proxy.".into(),
            "Fetches need git/hg and network access to every host, are slower, and fail when a repository disappears. Checksums are still verified by GOSUMDB.".into(),
            "For private modules, keep the default proxy and set GOPRIVATE instead.".into(),
            "https://go.dev/ref/mod#environment-variables",
            c.u("GOPROXY"),
        );
    }
    for (e, _) in &entries {
        if e == "off" || e == "direct" {
            continue;
        }
        if let Some((scheme, _)) = e.split_once("://") {
            if scheme == "http" {
                c.add(
                    "goenv-goproxy-http",
                    Severity::Warning,
                    &["GOPROXY"],
                    format!("GOPROXY entry {e} uses plain HTTP."),
                    "Module zips and lists travel unencrypted; go.sum and the checksum database still detect tampering of known versions, but new versions of modules excluded by GONOSUMDB/GOPRIVATE are trusted blindly.".into(),
                    "Use https:// for the proxy.".into(),
                    "https://go.dev/ref/mod#goproxy-protocol",
                    None,
                );
            } else if !matches!(scheme, "https" | "file") {
                c.add(
                    "goenv-goproxy-scheme",
                    Severity::Error,
                    &["GOPROXY"],
                    format!("GOPROXY entry {e} has an unsupported scheme."),
                    format!("Downloads fail: `invalid proxy URL scheme (must be https, http, file): {e}`."),
                    "Use an https:// URL.".into(),
                    "https://go.dev/ref/mod#goproxy-protocol",
                    None,
                );
            }
        } else {
            // bare host: the go command assumes https://
        }
    }
    if v.contains('|') {
        if m < 15 {
            c.add(
                "goenv-goproxy-pipe",
                Severity::Error,
                &["GOPROXY"],
                "GOPROXY uses `|`, which go1.14 and older do not understand.".into(),
                "The `|` separator (fall back on any error) was added in go1.15; older go commands treat the whole text as one proxy URL.".into(),
                "Use `,` or upgrade Go.".into(),
                "https://go.dev/doc/go1.15#go-command",
                None,
            );
        } else {
            c.add(
                "goenv-goproxy-pipe",
                Severity::Info,
                &["GOPROXY"],
                "GOPROXY uses `|`: the next entry is tried after ANY error of the previous one.".into(),
                "With `,` the go command falls back only on 404/410 answers; with `|` also on timeouts and 5xx/auth errors, which can hide an outage of a private proxy by silently going to the next source.".into(),
                "Keep `|` only where falling back on errors is intended.".into(),
                "https://go.dev/ref/mod#goproxy-protocol",
                None,
            );
        }
    }
    if let Some(i) = entries.iter().position(|e| e.0 == "off" || e.0 == "direct") {
        if i + 1 < entries.len() {
            let tail: Vec<&str> = entries[i + 1..].iter().map(|e| e.0.as_str()).collect();
            c.add(
                "goenv-goproxy-unreachable",
                Severity::Warning,
                &["GOPROXY"],
                format!("GOPROXY entries after `{}` are never used: {}.", entries[i].0, tail.join(", ")),
                "`direct` and `off` end the list: the go command never falls back from them.".into(),
                "Put proxies before `direct`.".into(),
                "https://go.dev/ref/mod#environment-variables",
                None,
            );
        }
    }
}

fn go_env_file(c: &mut Ctx) {
    if c.m() < 21 || c.r.partial {
        return;
    }
    let empty: Vec<&str> =
        ["GOPROXY", "GOSUMDB", "GOTOOLCHAIN"].into_iter().filter(|n| c.val(n).is_some_and(str::is_empty)).collect();
    if empty.len() >= 2 || (empty.len() == 1 && empty[0] != "GOPROXY") {
        let goroot = c.val("GOROOT").unwrap_or("$GOROOT");
        c.add(
            "goenv-go-env-missing",
            Severity::Error,
            &empty,
            format!("{} empty: $GOROOT/go.env ({goroot}/go.env) is missing or stripped.", empty.join(", ") + if empty.len() == 1 { " is" } else { " are" }),
            "Since go1.21 the defaults GOPROXY=https://proxy.golang.org,direct, GOSUMDB=sum.golang.org and GOTOOLCHAIN=auto live in $GOROOT/go.env. Without them downloads fail (`GOPROXY list is not the empty string, but contains no entries`), checksum lookups fail (`missing GOSUMDB`) and GOTOOLCHAIN behaves as local.".into(),
            "Reinstall Go so that go.env is present, or set the values in the go env file.".into(),
            "https://go.dev/doc/toolchain#config",
            Some(FixCommand::GoEnvW(format!(
                "go env -w {}",
                empty
                    .iter()
                    .map(|n| {
                        let d = super::sim::GO_ENV_FILE.iter().find(|(k, _)| k == n).map(|(_, v)| *v).unwrap_or("");
                        format!("{n}={d}")
                    })
                    .collect::<Vec<_>>()
                    .join(" ")
            ))),
        );
    }
}

fn go111module(c: &mut Ctx) {
    let Some(v) = c.val("GO111MODULE") else { return };
    let m = c.m();
    match v {
        "" => {}
        "on" if m >= 16 => c.add(
            "goenv-go111module-redundant",
            Severity::Info,
            &["GO111MODULE"],
            "GO111MODULE=on is the default since go1.16.".into(),
            "Module mode is on when GO111MODULE is empty (go1.16 release notes).".into(),
            "Remove it to keep the environment minimal.".into(),
            "https://go.dev/doc/go1.16#modules",
            c.u("GO111MODULE"),
        ),
        "on" => {}
        "off" => c.add(
            "goenv-go111module-off",
            if m >= 22 { Severity::Warning } else { Severity::Info },
            &["GO111MODULE"],
            "GO111MODULE=off: the go command runs in legacy GOPATH mode and ignores go.mod.".into(),
            if m >= 22 {
                "Since go1.22 `go get` is not supported in GOPATH mode (`go: modules disabled by GO111MODULE=off; see 'go help modules'`); go build and go test still work for GOPATH programs.".into()
            } else {
                "Dependencies come from GOPATH/src without versions or checksums; go1.22 removes `go get` in this mode.".into()
            },
            format!("Move the code to a module (go mod init) and remove the setting. {OS_NOTE}"),
            "https://go.dev/doc/go1.22#go-command",
            c.u("GO111MODULE"),
        ),
        "auto" => c.add(
            "goenv-go111module-auto",
            Severity::Info,
            &["GO111MODULE"],
            "GO111MODULE=auto: module mode only when a go.mod is found (current or a parent directory).".into(),
            if m >= 16 {
                "The default has been `on` since go1.16; `auto` restores the old behaviour, so commands run outside a module use GOPATH mode.".into()
            } else if m >= 13 {
                "This is the default before go1.16.".into()
            } else {
                "This is the default; in go1.11/1.12 it also ignores go.mod files inside GOPATH/src.".into()
            },
            "Remove it unless you still build GOPATH-mode code.".into(),
            "https://go.dev/doc/go1.16#modules",
            c.u("GO111MODULE"),
        ),
        other => c.add(
            "goenv-go111module-invalid",
            Severity::Error,
            &["GO111MODULE"],
            format!("GO111MODULE={other} is not a valid value."),
            format!("Every go command fails with `go: unknown environment setting GO111MODULE={other}`. Valid values: on, off, auto, or empty (= on since go1.16)."),
            format!("Unset it. {OS_NOTE}"),
            "https://go.dev/ref/mod#mod-commands",
            c.u("GO111MODULE"),
        ),
    }
}

fn gocache_home(c: &mut Ctx) {
    let cache = c.val("GOCACHE");
    let no_home =
        cache == Some("off") && c.val("GOPATH").is_some_and(str::is_empty) && c.val("GOENV").is_none_or(str::is_empty);
    if no_home {
        c.add(
            "goenv-no-home",
            Severity::Error,
            &["GOCACHE", "GOPATH", "GOENV"],
            "HOME is not set (GOCACHE=off, GOPATH and GOENV empty): typical of minimal containers and CI runners.".into(),
            "The go command derives GOPATH, GOMODCACHE, GOCACHE and the go env file from the home directory. Without it builds fail with `build cache is required, but could not be located: GOCACHE is not defined and neither $XDG_CACHE_HOME nor $HOME are defined` (go1.21+ also fails `go env`), and module commands cannot find a module cache.".into(),
            "Set HOME, or set GOCACHE and GOPATH explicitly in the OS environment (`go env -w` cannot help: without HOME there is no go env file).".into(),
            "https://pkg.go.dev/cmd/go#hdr-Build_and_test_caching",
            Some(FixCommand::OsEnv("export HOME=/root   # or: export GOCACHE=/tmp/go-cache GOPATH=/go".into())),
        );
        return;
    }
    if cache == Some("off") && c.m() >= 12 {
        c.add(
            "goenv-gocache-off",
            Severity::Error,
            &["GOCACHE"],
            "GOCACHE=off.".into(),
            "The build cache is required since go1.12: builds fail with `build cache is disabled by GOCACHE=off, but required as of Go 1.12`. `go env` also prints off when GOCACHE is set to a relative path (`GOCACHE is not an absolute path`).".into(),
            format!("Unset GOCACHE (default: the user cache dir + /go-build) or give an absolute path. {OS_NOTE}"),
            "https://go.dev/doc/go1.12#gocache",
            c.u("GOCACHE"),
        );
    } else if let Some(v) = cache.filter(|v| !v.is_empty() && *v != "off" && !c.r.context.is_abs(v)) {
        c.add(
            "goenv-gocache-relative",
            Severity::Error,
            &["GOCACHE"],
            format!("GOCACHE={v} is a relative path."),
            "Builds fail: `build cache is required, but could not be located: GOCACHE is not an absolute path`.".into(),
            "Use an absolute path or unset it.".into(),
            "https://pkg.go.dev/cmd/go#hdr-Build_and_test_caching",
            c.u("GOCACHE"),
        );
    }
}

fn gopath(c: &mut Ctx) {
    let Some(v) = c.val("GOPATH") else { return };
    let r = c.r;
    let sep = if r.host_os == "windows" { ';' } else { ':' };
    let home_go = r.context.home.as_ref().map(|h| r.context.join(h, &["go"]));
    for p in v.split(sep).filter(|p| !p.is_empty()) {
        if p.starts_with('~') {
            c.add(
                "goenv-gopath-tilde",
                Severity::Error,
                &["GOPATH"],
                format!("GOPATH entry {p} starts with `~`."),
                format!("The shell did not expand it (it was quoted or set with go env -w); every command fails with `go: GOPATH entry cannot start with shell metacharacter '~': {p:?}`."),
                "Use the absolute path.".into(),
                "https://pkg.go.dev/cmd/go#hdr-GOPATH_environment_variable",
                match &home_go {
                    Some(h) => c.w("GOPATH", h),
                    None => c.u("GOPATH"),
                },
            );
        } else if !r.context.is_abs(p) {
            c.add(
                "goenv-gopath-relative",
                Severity::Error,
                &["GOPATH"],
                format!("GOPATH entry {p} is relative."),
                format!("Every command fails: `go: GOPATH entry is relative; must be absolute path: {p:?}.`"),
                "Use an absolute path or unset GOPATH (default: $HOME/go).".into(),
                "https://pkg.go.dev/cmd/go#hdr-GOPATH_environment_variable",
                c.u("GOPATH"),
            );
        }
    }
    if let Some(root) = c.val("GOROOT").filter(|g| !g.is_empty()) {
        if v.trim_end_matches(['/', '\\']) == root.trim_end_matches(['/', '\\']) {
            c.add(
                "goenv-gopath-goroot",
                Severity::Warning,
                &["GOPATH", "GOROOT"],
                "GOPATH is the same directory as GOROOT.".into(),
                format!("The go command prints `warning: GOPATH set to GOROOT ({v}) has no effect` and behaves as if GOPATH were unset; module downloads and `go install` would otherwise write into the Go installation."),
                "Unset GOPATH (default: $HOME/go).".into(),
                "https://pkg.go.dev/cmd/go#hdr-GOPATH_environment_variable",
                c.u("GOPATH"),
            );
        }
    }
}

fn goroot(c: &mut Ctx) {
    let Some(v) = c.val("GOROOT") else { return };
    if v.is_empty() {
        c.add(
            "goenv-goroot-missing",
            Severity::Error,
            &["GOROOT"],
            "GOROOT is empty: the go command could not locate its own installation.".into(),
            "Without GOROOT the standard library and tools cannot be found; $GOROOT/go.env defaults are also missing.".into(),
            "Reinstall Go, or run the go binary from its installation's bin directory; do not copy the go binary elsewhere.".into(),
            "https://go.dev/doc/install",
            None,
        );
    } else if v.contains("golang.org/toolchain@") {
        c.add(
            "goenv-goroot-toolchain-module",
            Severity::Info,
            &["GOROOT"],
            format!("GOROOT is a downloaded toolchain module ({v})."),
            "The local go command switched to a newer toolchain because of GOTOOLCHAIN and the go/toolchain line of go.mod/go.work. Setting GOROOT (or GOPATH/PATH) to this directory pins a module-cache path that `go clean -modcache` deletes.".into(),
            "Do not set GOROOT to it; let GOTOOLCHAIN select the toolchain, or install that Go version.".into(),
            "https://go.dev/doc/toolchain",
            c.u("GOROOT"),
        );
    }
}

fn gotoolchain(c: &mut Ctx) {
    let m = c.m();
    let Some(v) = c.val("GOTOOLCHAIN") else { return };
    if m < 21 {
        return;
    }
    if let Err(e) = validate::gotoolchain(v) {
        c.add(
            "goenv-gotoolchain-invalid",
            Severity::Error,
            &["GOTOOLCHAIN"],
            format!("GOTOOLCHAIN={v} is not valid."),
            format!("Every go command fails: `{e}`. Valid: local, auto, path, go1.N.P, or go1.N.P+auto / +path."),
            format!("Fix or unset it. {OS_NOTE}"),
            "https://go.dev/doc/toolchain#select",
            c.u("GOTOOLCHAIN"),
        );
        return;
    }
    let need = c.gomod.and_then(|g| g.go.as_ref()).map(|g| g.value);
    let running = c
        .val("GOVERSION")
        .and_then(|s| crate::version::GoVersion::parse(s.split_whitespace().next().unwrap_or("")).ok());
    let (min, suffix) = v.split_once('+').unwrap_or((v, ""));
    let local_only = (min == "local" && suffix.is_empty()) || (min != "auto" && min != "path" && suffix.is_empty());
    let switching = !local_only && min != "path" && suffix != "path";
    if let (Some(need), Some(have), true) = (need, running, switching) {
        if need > have && (min == "auto" || validate::toolchain_version(min).is_none_or(|v| v < need)) {
            let offline = c.val("GOPROXY").is_some_and(|p| p.trim() == "off" || p.trim().is_empty());
            c.add(
                "goenv-gotoolchain-switch",
                if offline { Severity::Error } else { Severity::Info },
                &["GOTOOLCHAIN"],
                format!("go.mod requires go {} but the running toolchain is {have}: the go command will download and run a newer toolchain.", need.mod_string()),
                if offline {
                    "Toolchains are downloaded as modules (golang.org/toolchain) through GOPROXY, which is off or empty here, so every command in this module fails.".to_string()
                } else {
                    "With GOTOOLCHAIN=auto the go line is a minimum: the toolchain is fetched through GOPROXY and always verified against the checksum database, even with GOSUMDB=off or GONOSUMDB.".to_string()
                },
                "Install the required Go version locally to avoid the download, or lower the go line if the module does not need it.".into(),
                "https://go.dev/doc/toolchain#download",
                None,
            );
        }
    }
    if let (Some(need), true) = (need, local_only) {
        let have = if min == "local" { running } else { validate::toolchain_version(min) };
        if let Some(have) = have {
            if need > have {
                c.add(
                    "goenv-gotoolchain-too-old",
                    Severity::Error,
                    &["GOTOOLCHAIN"],
                    format!("GOTOOLCHAIN={v} but go.mod requires go {}.", need.mod_string()),
                    format!(
                        "With GOTOOLCHAIN={v} the go command will not switch toolchains, so module commands fail: `go: go.mod requires go >= {} (running go {}; GOTOOLCHAIN={v})`.",
                        need.mod_string(),
                        have.mod_string()
                    ),
                    "Install a newer Go, or allow switching (GOTOOLCHAIN=auto, the default).".into(),
                    "https://go.dev/doc/toolchain#select",
                    c.u("GOTOOLCHAIN"),
                );
            }
        }
    }
}

fn goexperiment(c: &mut Ctx) {
    let m = c.m();
    let Some(v) = c.val("GOEXPERIMENT").filter(|v| !v.is_empty()) else { return };
    if m < 17 {
        return;
    }
    if let Some(bad) = validate::goexperiment(v, m) {
        let known_in: Vec<String> = data::experiments()
            .iter()
            .filter(|(n, _)| *n == bad)
            .map(|(_, r)| match r.hi {
                Some(h) if h == r.lo => format!("go1.{}", r.lo),
                Some(h) => format!("go1.{}–go1.{h}", r.lo),
                None => format!("go1.{}+", r.lo),
            })
            .collect();
        c.add(
            "goenv-goexperiment-unknown",
            Severity::Error,
            &["GOEXPERIMENT"],
            format!("GOEXPERIMENT contains {bad:?}, which go1.{m} does not know."),
            format!(
                "Every go command, including go env, fails: `go: unknown GOEXPERIMENT {bad}` (a leading `no` is stripped before the lookup). {}",
                if known_in.is_empty() { "It is not an experiment in any release covered.".to_string() } else { format!("It exists in {}.", known_in.join(", ")) }
            ),
            format!("Remove it. {OS_NOTE}"),
            "https://pkg.go.dev/internal/goexperiment",
            c.u("GOEXPERIMENT"),
        );
    }
    if v.split(',').any(|x| x.trim() == "loopvar") {
        let modv = c.gomod.and_then(|g| g.go.as_ref()).map(|g| g.value.minor);
        let (sev, msg) = match modv {
            Some(g) if g >= 22 => (Severity::Info, format!("GOEXPERIMENT=loopvar is moot: go.mod declares go 1.{g}, and per-iteration loop variables are the language semantics from go 1.22.")),
            _ if m >= 22 => (Severity::Info, "GOEXPERIMENT=loopvar only matters for modules that declare go < 1.22; from go 1.22 per-iteration loop variables are the language default.".to_string()),
            _ => (Severity::Info, "GOEXPERIMENT=loopvar previews go1.22's per-iteration loop variables for every package built.".to_string()),
        };
        c.add(
            "goenv-goexperiment-loopvar",
            sev,
            &["GOEXPERIMENT"],
            msg,
            "The experiment (go1.21+) applies the go1.22 loop semantics regardless of the go.mod go line; from go1.22 the semantics follow each module's go line.".into(),
            "To adopt the new semantics for good, raise the go line to 1.22 and drop the experiment.".into(),
            "https://go.dev/wiki/LoopvarExperiment",
            None,
        );
    }
}

fn godebug(c: &mut Ctx) {
    let Some(v) = c.val("GODEBUG").filter(|v| !v.is_empty()) else { return };
    let settings = data::godebug_settings();
    let runtime = data::godebug_runtime_keys();
    for item in v.split(',') {
        let key = item.split_once('=').map(|x| x.0).unwrap_or(item).trim();
        if key.is_empty() {
            continue;
        }
        if key == "stackguard" {
            c.add(
                "goenv-godebug-stackguard",
                Severity::Warning,
                &["GODEBUG"],
                "GODEBUG=stackguard=… is not a Go setting and does nothing.".into(),
                "A popular article claims Go 1.22 changed the goroutine stack limit and that stackguard restores it; both are false. There is no stackguard key in any Go release (the runtime silently ignores unknown GODEBUG keys; in a //go:debug line it is a build error), and the 1 GB (64-bit) maximum stack is unchanged. To change the limit use runtime/debug.SetMaxStack.".into(),
                "Remove it from GODEBUG (it is read from the OS environment only).".into(),
                "https://go.dev/doc/godebug",
                Some(FixCommand::OsEnv(format!("export GODEBUG={}", q(c.r, &without_key(v, key))))),
            );
            continue;
        }
        if settings.iter().any(|s| s.0 == key) || runtime.iter().any(|s| s.0 == key) {
            if let Some(s) = settings.iter().find(|s| s.0 == key && s.1 == "removed") {
                c.add(
                    "goenv-godebug-removed",
                    Severity::Warning,
                    &["GODEBUG"],
                    format!("GODEBUG key {key} was removed in Go {}.", s.3),
                    "Removed settings are ignored by newer releases (tip makes an old value fatal at program start)."
                        .into(),
                    "Stop relying on it.".into(),
                    "https://go.dev/doc/godebug",
                    None,
                );
            }
            continue;
        }
        c.add(
            "goenv-godebug-unknown-key",
            Severity::Warning,
            &["GODEBUG"],
            format!("GODEBUG key {key:?} is not a known Go setting."),
            "It is neither a compatibility setting (internal/godebugs table) nor a runtime debug variable; the runtime silently ignores unknown keys, so it has no effect.".into(),
            "Check the spelling against go.dev/doc/godebug or remove it.".into(),
            "https://go.dev/doc/godebug",
            Some(FixCommand::OsEnv(format!("export GODEBUG={}", q(c.r, &without_key(v, key))))),
        );
    }
}

fn without_key(v: &str, key: &str) -> String {
    v.split(',').filter(|i| i.split_once('=').map(|x| x.0).unwrap_or(i).trim() != key).collect::<Vec<_>>().join(",")
}

fn arch(c: &mut Ctx) {
    let m = c.m();
    for name in ["GOAMD64", "GOARM", "GOARM64", "GO386", "GOMIPS", "GOMIPS64", "GOPPC64", "GORISCV64", "GOWASM"] {
        let Some(v) = c.val(name).filter(|v| !v.is_empty()) else { continue };
        if let Some(e) = validate::arch_value(name, v, m) {
            let masked = m >= 23 && matches!(name, "GOAMD64" | "GOARM");
            c.add(
                "goenv-arch-invalid",
                Severity::Error,
                &[name],
                format!("{name}={v} is not a valid value."),
                if name == "GO386" {
                    format!("`go env` accepts it, but compiling fails: `{e}` (387 support ended with go1.15).")
                } else if masked {
                    format!("go1.22 reports `{e}`. go1.23 does not: buildcfg's GOARM64 check overwrites the error, so the go command accepts it and only a real compile fails.")
                } else {
                    format!("The go command fails: `{e}`.")
                },
                "Use a valid value or unset it.".into(),
                if name == "GOARM" { "https://go.dev/wiki/GoArm" } else { "https://go.dev/wiki/MinimumRequirements" },
                c.u(name),
            );
        } else if name == "GOAMD64" && v != "v1" {
            c.add(
                "goenv-goamd64-level",
                Severity::Info,
                &[name],
                format!("GOAMD64={v}: binaries require an x86-64-{v} CPU."),
                "Programs built this way refuse to start on older CPUs (some cloud/virtual CPUs lack v3 features)."
                    .into(),
                "Keep it only if every target machine supports that level.".into(),
                "https://go.dev/wiki/MinimumRequirements#amd64",
                None,
            );
        }
    }
}

fn cgo(c: &mut Ctx) {
    let Some(v) = c.val("CGO_ENABLED") else { return };
    let m = c.m();
    if !matches!(v, "0" | "1") {
        c.add(
            "goenv-cgo-enabled-invalid",
            Severity::Warning,
            &["CGO_ENABLED"],
            format!("CGO_ENABLED={v} is ignored."),
            "Only 0 and 1 are honoured; any other value is silently treated as unset, so the default rules decide."
                .into(),
            "Use 0 or 1.".into(),
            "https://pkg.go.dev/cmd/cgo",
            c.u("CGO_ENABLED"),
        );
        return;
    }
    if v != "0" {
        return;
    }
    let cross = c.val("GOOS").is_some_and(|o| o != c.r.host_os) || c.val("GOARCH").is_some_and(|a| a != c.r.host_arch);
    let cc_set = c.r.get("CC").is_some_and(|x| x.status == Status::Changed);
    let why = if cross {
        "Cross-compiling (GOOS/GOARCH differ from the host) turns cgo off by default.".to_string()
    } else if m >= 20 && !cc_set {
        "Either it was set to 0, or (go1.20+) CC is unset and the default C compiler is not in PATH, which turns cgo off by default.".to_string()
    } else {
        "It was set to 0.".to_string()
    };
    c.add(
        "goenv-cgo-disabled",
        Severity::Info,
        &["CGO_ENABLED"],
        "CGO_ENABLED=0: cgo is off.".into(),
        format!("{why} Files that import \"C\" are excluded from the build, so packages that need cgo fail to build; net and os/user use their pure-Go implementations."),
        "Install a C compiler (or set CC) and CGO_ENABLED=1 if you need cgo; otherwise nothing to do.".into(),
        "https://go.dev/doc/go1.20#cgo",
        None,
    );
}

fn platform(c: &mut Ctx) {
    let m = c.m();
    let (Some(goos), Some(goarch)) = (c.val("GOOS"), c.val("GOARCH")) else { return };
    if data::dist_covered(m) && !data::pair_supported(goos, goarch, m) && !goos.is_empty() && !goarch.is_empty() {
        c.add(
            "goenv-unsupported-platform",
            Severity::Error,
            &["GOOS", "GOARCH"],
            format!("{goos}/{goarch} is not a platform go1.{m} supports."),
            format!("`go env` and builds fail: `go: unsupported GOOS/GOARCH pair {goos}/{goarch}` (`go tool dist list` shows the valid pairs)."),
            "Fix the spelling or unset GOOS/GOARCH.".into(),
            "https://go.dev/doc/install/source#environment",
            None,
        );
    }
}

/// Myths from seed-claims.md that a paste can show (commands or comments pasted along).
fn myths(c: &mut Ctx) {
    let texts: Vec<(u32, String)> =
        c.p.lines
            .iter()
            .filter_map(|l| match &l.kind {
                LineKind::Prompt { command } => Some((l.line, command.clone())),
                _ => None,
            })
            .chain(c.p.notes.iter().filter_map(|n| {
                let r = n.strip_prefix("unrecognised line ")?;
                let (ln, t) = r.split_once(": ")?;
                Some((ln.parse().ok()?, t.to_string()))
            }))
            .chain(c.p.other_text.iter().cloned())
            .collect();
    for (ln, t) in texts {
        let mut add = |id: &'static str, msg: String, why: &str, action: &str, src: &'static str| {
            c.out.push(Finding {
                id,
                severity: Severity::Warning,
                vars: vec![],
                line: Some(ln),
                message: msg,
                why: why.to_string(),
                action: action.to_string(),
                source: src,
                fix: None,
            })
        };
        if t.contains("-modcache=off") {
            add("goenv-myth-modcache-off", format!("`{t}` is not a valid command."), "-modcache is a boolean flag: go1.22 prints `invalid boolean value \"off\" for -modcache: parse error` and cleans nothing.", "Use `go clean -cache` and/or `go clean -modcache`.", "https://pkg.go.dev/cmd/go#hdr-Remove_object_files_and_cached_files");
        }
        if t.contains("-d=experiments") {
            add("goenv-myth-experiments-debug-flag", format!("`{t}`: the compiler has no `experiments` debug key."), "go1.22: `invalid value \"experiments=on\" for flag -d: unknown debug key experiments`. Experiments are selected only with GOEXPERIMENT.", "Use GOEXPERIMENT=<name>.", "https://pkg.go.dev/internal/goexperiment");
        }
        if t.contains("//go:experimental") {
            add("goenv-myth-go-experimental", "There is no //go:experimental directive.".into(), "The string does not occur in the Go tree; code can test experiments with goexperiment.<name> build tags.", "Use GOEXPERIMENT at build time and //go:build goexperiment.<name> in code.", "https://pkg.go.dev/internal/goexperiment");
        }
        if t.contains("-vettool=$(which go tool vet)") || t.contains("-vettool=`which go tool vet`") {
            add("goenv-myth-vettool", format!("`{t}` points -vettool at the go command itself."), "`which go tool vet` looks up programs named go, tool and vet; go vet then fails with `go: can't execute .../go -flags`.", "Plain `go vet` already runs vet; -vettool is for separate analyzer binaries (e.g. $(which shadow)).", "https://pkg.go.dev/cmd/go#hdr-Report_likely_mistakes_in_packages");
        }
        if t.contains("{{.GoVersion}}") && t.contains("go list") {
            add("goenv-myth-list-goversion", format!("`{t}`: packages have no GoVersion field."), "go list fails with `can't evaluate field GoVersion in type *load.PackagePublic`; the field is on the module.", "Use '{{.ImportPath}} {{with .Module}}{{.GoVersion}}{{end}}'.", "https://pkg.go.dev/cmd/go#hdr-List_packages_or_modules");
        }
        if t.contains("initModFlag") {
            add("goenv-myth-initmodflag", "initModFlag() does not exist in the go command.".into(), "GO111MODULE defaulting to on in go1.16 is true (RN 1.16), but the logic is `case \"on\", \"\": mustUseModules = true` in modload.Init (src/cmd/go/internal/modload/init.go, commit b4ea672009); there is no initModFlag and no load/init.go.", "Cite modload.Init in src/cmd/go/internal/modload/init.go.", "https://go.dev/doc/go1.16#modules");
        }
        let lower = t.to_ascii_lowercase();
        if (lower.contains("gocache") || lower.contains("gomodcache"))
            && lower.contains("read-only")
            && (lower.contains("shareable") || lower.contains("layer"))
        {
            add("goenv-myth-shareable-cache", "There is no \"shareable read-only cache layer\" in Go 1.21+.".into(), "The build cache is a plain directory the go command writes (cache/default.go); the module cache is made read-only on disk against accidental edits (-modcacherw since 1.14 turns that off). The only shared-cache feature is GOCACHEPROG (experiment from 1.21, generally available in 1.24).", "Use GOCACHEPROG for a shared build cache.", "https://pkg.go.dev/cmd/go#hdr-Build_and_test_caching");
        }
        if t.contains("stackguard") {
            add("goenv-godebug-stackguard", "stackguard is not a GODEBUG setting.".into(), "There is no stackguard key in any Go release; the runtime ignores unknown GODEBUG keys and the 1 GB maximum stack did not change in go1.22. runtime/debug.SetMaxStack changes the limit.", "Remove it.", "https://go.dev/doc/godebug");
        }
    }
}

/// Error lines of the go command pasted along with (or instead of) go env output.
fn go_messages(c: &mut Ctx) {
    // (text prefix, variable, explanation, what to do, source)
    const KNOWN: &[(&str, &str, &str, &str, &str)] = &[
        ("go: unknown environment setting GO111MODULE=", "GO111MODULE", "GO111MODULE accepts only on, off, auto or empty; any other value stops every command.", "Unset GO111MODULE (go env -u GO111MODULE, or remove it from the OS environment).", "https://go.dev/ref/mod#mod-commands"),
        ("go: unknown GOEXPERIMENT ", "GOEXPERIMENT", "GOEXPERIMENT names an experiment this toolchain does not have (the `no` prefix is stripped before the lookup, so `nosuch` is reported as `such`).", "Remove the name from GOEXPERIMENT.", "https://pkg.go.dev/internal/goexperiment"),
        ("go: GOPATH entry is relative", "GOPATH", "Every GOPATH list entry must be an absolute path.", "Set an absolute GOPATH or unset it (default $HOME/go).", "https://pkg.go.dev/cmd/go#hdr-GOPATH_environment_variable"),
        ("go: GOPATH entry cannot start with shell metacharacter", "GOPATH", "A literal `~` was not expanded by a shell.", "Use the absolute path.", "https://pkg.go.dev/cmd/go#hdr-GOPATH_environment_variable"),
        ("go: invalid GOTOOLCHAIN", "GOTOOLCHAIN", "GOTOOLCHAIN must be local, auto, path, go1.N.P or go1.N.P+auto/+path.", "Fix or unset GOTOOLCHAIN.", "https://go.dev/doc/toolchain#select"),
        ("build cache is required, but could not be located", "GOCACHE", "The build cache directory cannot be determined: GOCACHE is relative, or HOME/XDG_CACHE_HOME are unset.", "Set HOME, or an absolute GOCACHE in the OS environment.", "https://pkg.go.dev/cmd/go#hdr-Build_and_test_caching"),
        ("build cache is disabled by GOCACHE=off", "GOCACHE", "GOCACHE=off has been rejected since go1.12.", "Unset GOCACHE.", "https://go.dev/doc/go1.12#gocache"),
        ("go: unsupported GOOS/GOARCH pair", "GOOS", "GOOS/GOARCH name a platform this toolchain cannot build for (`go tool dist list`).", "Fix or unset GOOS/GOARCH.", "https://go.dev/doc/install/source#environment"),
        ("GOPROXY list is not the empty string, but contains no entries", "GOPROXY", "GOPROXY is empty — on go1.21+ usually because $GOROOT/go.env is missing.", "go env -w GOPROXY=https://proxy.golang.org,direct (or reinstall Go).", "https://go.dev/doc/toolchain#config"),
        ("go: modules disabled by GO111MODULE=off", "GO111MODULE", "go1.22+ does not support `go get` in GOPATH mode.", "Unset GO111MODULE and use modules.", "https://go.dev/doc/go1.22#go-command"),
        ("go: -insecure flag is no longer supported", "GOFLAGS", "`go get -insecure` was removed in go1.17; GOFLAGS (or the command line) still passes it.", "Remove -insecure; use GOINSECURE/GOPRIVATE.", "https://go.dev/doc/go1.17#go-get"),
        ("go: invalid GOAMD64", "GOAMD64", "GOAMD64 must be v1, v2, v3 or v4.", "Fix or unset GOAMD64.", "https://go.dev/wiki/MinimumRequirements#amd64"),
        ("go: cannot find GOROOT directory", "GOROOT", "GOROOT points to a directory that does not exist; when it comes from the go env file every command fails, including `go env -u GOROOT`.", "Edit the go env file (see GOENV) or run with GOENV=off, then remove GOROOT.", "https://go.dev/doc/install"),
    ];
    let msgs: Vec<(u32, String)> = c.p.go_messages.clone();
    for (ln, text) in msgs {
        if let Some((_, var, why, action, src)) = KNOWN.iter().find(|k| text.starts_with(k.0)) {
            c.out.push(Finding {
                id: "goenv-go-error",
                severity: Severity::Error,
                vars: vec![var.to_string()],
                line: Some(ln),
                message: format!("The paste contains a go command error: {text}"),
                why: why.to_string(),
                action: action.to_string(),
                source: src,
                fix: None,
            });
        } else if let Some(rest) = text.strip_prefix("go: go.mod requires go >= ") {
            c.out.push(Finding {
                id: "goenv-go-error",
                severity: Severity::Error,
                vars: vec!["GOTOOLCHAIN".into()],
                line: Some(ln),
                message: format!("The paste contains a go command error: {text}"),
                why: format!(
                    "go.mod requires go >= {rest}; the running toolchain is older and GOTOOLCHAIN forbids switching."
                ),
                action: "Install a newer Go or allow switching (GOTOOLCHAIN=auto).".into(),
                source: "https://go.dev/doc/toolchain#select",
                fix: Some(FixCommand::GoEnvU("go env -u GOTOOLCHAIN".into())),
            });
        }
    }
}
