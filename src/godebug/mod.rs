//! The GODEBUG resolver: for a toolchain, a go.mod (or go.work), the `//go:debug` lines of
//! the main package and a `GODEBUG` environment value, every setting of
//! `data/knowledge/godebug.tsv` with its effective value and where it came from, the
//! go command's errors (its real texts), and the `DefaultGODEBUG` string exactly as
//! `go list -f '{{.DefaultGODEBUG}}'` prints it.
//!
//! Precedence (data/knowledge/godebug-history.md §1; `cmd/go/internal/load/godebug.go`):
//! table default of the go line (`Changed > N` gives `Old`) → go.mod/go.work `godebug`
//! (1.23+) → `//go:debug` (1.21+) → `default=goX.Y` replaces the go line used for the table
//! (1.23+) → the environment at run time. Facts follow the implementation, not the prose:
//! go lines below 1.20 are *documented* to behave as 1.20, but cmd/go uses the number as is,
//! so `netedns0` (Changed 19) reverts for go 1.16–1.18 (verified with go1.21–1.23).
//!
//! Checked against real toolchains by `tests/godebug_oracle.rs`.

pub mod directives;
pub mod table;

use crate::gomod::GoMod;
use crate::version::GoVersion;
pub use directives::{DirectiveProblem, FileDirectives};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
pub use table::{Setting, Status};

/// A Go source file of the main package (or of its tests).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SourceFile {
    /// As the go command prints it in errors (`./main.go`); a `_test.go` suffix makes it a test file.
    pub name: String,
    pub text: String,
}

/// Everything the resolver reads. All optional except the toolchain.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Inputs {
    pub go_mod: Option<String>,
    /// A go.work: workspace mode, its `go` and `godebug` lines replace go.mod's.
    pub go_work: Option<String>,
    pub files: Vec<SourceFile>,
    /// The `GODEBUG` environment value at run time.
    pub env: Option<String>,
    /// The toolchain (`go1.22.12`; without a patch level: the newest point release). Default:
    /// the newest version the data knows.
    pub toolchain: Option<GoVersion>,
    /// Resolve for the test binary (`go test`): `_test.go` directives count and the
    /// package need not be `main`.
    pub test: bool,
}

/// Where a value came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Source {
    /// Not set anywhere: the toolchain's built-in default (the current behaviour).
    BuiltIn,
    /// The table's old value because the go line (`version`) is older than `Changed`.
    GoLine { version: String, origin: String },
    /// The table's old value for the version named by `default=goX.Y`.
    DefaultKey { version: String, origin: String },
    /// A `godebug` line of go.mod (`work` = go.work).
    GoMod { line: u32, work: bool },
    /// A `//go:debug` line.
    Directive { file: String, line: u32 },
    /// The `GODEBUG` environment variable.
    Env,
}

impl std::fmt::Display for Source {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Source::BuiltIn => write!(f, "toolchain default"),
            Source::GoLine { version, origin } => write!(f, "go {version} ({origin})"),
            Source::DefaultKey { version, origin } => write!(f, "default={version} ({origin})"),
            Source::GoMod { line, work } => {
                write!(f, "{} godebug line {line}", if *work { "go.work" } else { "go.mod" })
            }
            Source::Directive { file, line } => write!(f, "//go:debug {file}:{line}"),
            Source::Env => write!(f, "GODEBUG environment"),
        }
    }
}

/// Whether the toolchain knows a setting.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Availability {
    Known,
    /// Added after this toolchain (or in a later point release).
    NotYet {
        introduced: Option<String>,
    },
    /// Removed in `removed`: the behaviour is always the new one.
    Removed {
        removed: String,
    },
}

/// One setting's effective value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SettingValue {
    pub name: String,
    pub package: String,
    pub availability: Availability,
    /// The effective value; `None` = the toolchain's built-in default.
    pub value: Option<String>,
    pub source: Source,
    /// The value compiled into the binary (its entry in DefaultGODEBUG), if any.
    pub compiled: Option<String>,
    /// Lower-precedence values that were overridden, in order of precedence (lowest first).
    pub overridden: Vec<(String, Source)>,
    pub description: String,
}

/// An error the go command (or the runtime) reports, with its real text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GoError {
    pub origin: ErrorOrigin,
    /// The message as the go command prints it, e.g. `go.mod:6: unknown godebug "x"` or
    /// `./main.go:1:1: invalid //go:debug: unknown //go:debug setting "x"`.
    pub message: String,
    /// Whether the go command stops before building (go.mod errors): no DefaultGODEBUG then.
    pub fatal: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ErrorOrigin {
    GoMod,
    GoWork,
    Directive,
    Env,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Resolution {
    pub toolchain: GoVersion,
    /// The go version the table defaults come from, after `default=`, and where it came from.
    pub base: Option<(String, Source)>,
    /// `go list -f '{{.DefaultGODEBUG}}'`; `None` when the go command fails (fatal error) or
    /// the toolchain predates go1.21. Empty for a non-main package.
    pub default_godebug: Option<String>,
    pub settings: Vec<SettingValue>,
    pub errors: Vec<GoError>,
    pub notes: Vec<String>,
}

impl Resolution {
    /// The errors as the go command prints them on stderr (build errors after `# pkg`).
    pub fn error_text(&self) -> String {
        self.errors.iter().map(|e| e.message.clone()).collect::<Vec<_>>().join("\n")
    }
}

/// The default toolchain: the newest version the data knows.
pub fn newest_toolchain() -> GoVersion {
    GoVersion::lang(table::newest_minor())
}

/// Lines of `godebug` directives in a go.mod/go.work text: (line, starts a block).
fn godebug_directive_lines(text: &str) -> Vec<(u32, bool)> {
    let mut out = Vec::new();
    let mut in_block = false;
    for (i, raw) in text.lines().enumerate() {
        let line = raw.split("//").next().unwrap_or("").trim();
        if in_block {
            if line == ")" {
                in_block = false;
            }
            continue;
        }
        let mut words = line.split_whitespace();
        let verb = words.next();
        let rest: Vec<_> = words.collect();
        if rest == ["("] {
            in_block = true;
        }
        if verb == Some("godebug") {
            out.push((i as u32 + 1, rest == ["("]));
        }
    }
    out
}

/// Runs the go command's algorithm for `inputs`.
pub fn resolve(inputs: &Inputs) -> Resolution {
    let tc = inputs.toolchain.unwrap_or_else(newest_toolchain);
    let mut errors = Vec::new();
    let mut notes = Vec::new();
    let gomod = inputs.go_mod.as_deref().map(GoMod::parse);
    let gowork = inputs.go_work.as_deref().map(GoMod::parse);
    let directives_on = tc.minor >= table::GODEBUG_DIRECTIVES_SINCE;
    if tc.minor >= table::REMOVED_TABLE_SINCE {
        notes.push(format!(
            "{tc}: the handling of removed settings (accepted at their final value, an error at their old value) follows Go's master branch before the go1.{} release and was not checked against a released toolchain.",
            table::REMOVED_TABLE_SINCE
        ));
    }
    if !directives_on {
        notes.push(format!(
            "{tc} predates go1.21: there are no go-line GODEBUG defaults and //go:debug lines are plain comments; only the GODEBUG environment variable counts."
        ));
    }

    // The module (or workspace) file that decides: go line and godebug lines.
    let (main_file, main_text, work) = match (&gowork, &inputs.go_work) {
        (Some(w), Some(t)) => (Some(w), Some(t.as_str()), true),
        _ => (gomod.as_ref(), inputs.go_mod.as_deref(), false),
    };
    let fname = if work { "go.work" } else { "go.mod" };
    let origin = if work { ErrorOrigin::GoWork } else { ErrorOrigin::GoMod };

    // go.mod problems, in the go command's order; the first kind found stops it:
    // parse errors (godebug before 1.23), then a go line newer than the toolchain, then the
    // godebug checks (1.23+).
    let go_line: Option<(String, u32)> = main_file.and_then(|m| m.go.as_ref()).map(|g| (g.value.mod_string(), g.line));
    let mut mod_godebugs: Vec<(String, String, u32)> = Vec::new();
    if let (Some(m), Some(text)) = (main_file, main_text) {
        let lines = godebug_directive_lines(text);
        let too_new = m.go.as_ref().filter(|g| directives_on && g.value > local(tc));
        if tc.minor < table::GOMOD_GODEBUG_SINCE && !lines.is_empty() {
            // The modfile parser refuses the directive (go1.19 prints the absolute path).
            let msgs: Vec<String> = lines
                .iter()
                .map(|(l, block)| {
                    if *block {
                        format!("{fname}:{l}: unknown block type: godebug")
                    } else {
                        format!("{fname}:{l}: unknown directive: godebug")
                    }
                })
                .collect();
            let message = if work {
                format!("go: reading go.work: {}", msgs.join("\n"))
            } else {
                format!("go: errors parsing go.mod:\n{}", msgs.join("\n"))
            };
            errors.push(GoError { origin, message, fatal: true });
        } else if let Some(g) = too_new {
            errors.push(GoError {
                origin,
                message: format!(
                    "go: {fname} requires go >= {} (running go {}; GOTOOLCHAIN=local)",
                    g.value.mod_string(),
                    tc.mod_string()
                ),
                fatal: true,
            });
        } else if tc.minor >= table::GOMOD_GODEBUG_SINCE {
            for g in &m.godebug {
                let (k, v) = &g.value;
                match directives::check_godebug("godebug", k, v, tc) {
                    Ok(()) => mod_godebugs.push((k.clone(), v.clone(), g.line)),
                    Err(e) => {
                        errors.push(GoError {
                            origin,
                            message: format!("go: error loading {fname}:\n{fname}:{}: {e}", g.line),
                            fatal: true,
                        });
                        if work {
                            break; // go.work stops at its first bad godebug line
                        }
                    }
                }
            }
        }
    }
    if work && gomod.as_ref().is_some_and(|m| !m.godebug.is_empty()) {
        if tc.minor < table::GOMOD_GODEBUG_SINCE {
            // The module's go.mod is parsed too, and its godebug lines are refused.
            if !errors.iter().any(|e| e.fatal) {
                let dir = inputs.go_work.as_deref().and_then(first_use_dir).unwrap_or_else(|| ".".into());
                let path = if dir == "." { "go.mod".to_string() } else { format!("{dir}/go.mod") };
                let msgs: Vec<String> = godebug_directive_lines(inputs.go_mod.as_deref().unwrap_or(""))
                    .iter()
                    .map(|(l, block)| {
                        let what = if *block { "unknown block type" } else { "unknown directive" };
                        format!("{path}:{l}: {what}: godebug")
                    })
                    .collect();
                errors.push(GoError {
                    origin: ErrorOrigin::GoMod,
                    message: format!(
                        "go: cannot load module {dir} listed in go.work file: errors parsing {path}:\n{}",
                        msgs.join("\n")
                    ),
                    fatal: true,
                });
            }
        } else {
            notes.push(
                "In workspace mode the godebug lines of go.mod are ignored (not even checked); go.work's count.".into(),
            );
        }
    }
    if work && gowork.as_ref().is_some_and(|w| w.go.is_none()) {
        notes.push("go.work has no go line: go 1.18 is assumed, and the go command refuses modules that require go 1.21 or later (\"go.work implicitly requires go 1.18; to update it: go work use\").".into());
    }

    // Files: directives of the package, sorted by name like the go command reads them.
    let mut files: Vec<(&str, FileDirectives)> =
        inputs.files.iter().map(|f| (f.name.as_str(), directives::scan(&f.text))).collect();
    files.sort_by(|a, b| base_name(a.0).cmp(base_name(b.0)));
    let is_test = |n: &str| n.ends_with("_test.go");
    let pkg_files: Vec<(&str, &FileDirectives)> =
        files.iter().filter(|(n, _)| !is_test(n)).map(|(n, f)| (*n, f)).collect();
    if directives_on {
        for p in directives::check_directives(&pkg_files, tc) {
            if p.message == directives::CMD_GO_CRASH {
                notes.push(format!(
                    "{}:{}:{}: this repeated //go:debug key makes {tc}'s go build crash (a cmd/go bug in checkDirectives, fixed in go1.23); remove the duplicate line.",
                    p.file, p.line, p.column
                ));
            }
            errors.push(GoError { origin: ErrorOrigin::Directive, message: p.render(), fatal: false });
        }
    }
    let package = pkg_files.iter().find_map(|(_, f)| f.package.clone());
    for (n, f) in &files {
        for l in &f.misplaced_go_debug {
            notes.push(format!(
                "{n}:{l}: //go:debug after the package clause is ignored (go vet reports it as misplaced)."
            ));
        }
    }
    // Without files the main package is assumed (only go.mod / environment given).
    let applies = inputs.test || inputs.files.is_empty() || package.as_deref() == Some("main");
    if !inputs.files.is_empty() && !applies && directives_on {
        let any = files.iter().any(|(_, f)| f.directives.iter().any(|d| d.text.starts_with("//go:debug")));
        notes.push(format!(
            "package {} is not main: DefaultGODEBUG is empty{}; GODEBUG defaults come from the main package of the program.",
            package.as_deref().unwrap_or("(none)"),
            if any { " and its //go:debug lines have no effect (they are still checked by go build)" } else { "" }
        ));
    }

    // The //go:debug entries that count (ParseGoDebug succeeds), in go command order.
    let mut dir_godebugs: Vec<(String, String, String, u32)> = Vec::new();
    if directives_on && applies {
        let lists: Vec<&(&str, FileDirectives)> = if inputs.test {
            // directives, testDirectives, xtestDirectives (load/test.go): non-test files, then
            // in-package _test.go files, then those of the external `_test` package.
            let xtest = |f: &FileDirectives| f.package.as_deref().is_some_and(|p| p.ends_with("_test"));
            files
                .iter()
                .filter(|(n, _)| !is_test(n))
                .chain(files.iter().filter(|(n, f)| is_test(n) && !xtest(f)))
                .chain(files.iter().filter(|(n, f)| is_test(n) && xtest(f)))
                .collect()
        } else {
            files.iter().filter(|(n, _)| !is_test(n)).collect()
        };
        for (n, f) in lists {
            for d in &f.directives {
                if let Ok(Some((k, v))) = directives::parse_go_debug(&d.text, tc) {
                    dir_godebugs.push((k, v, n.to_string(), d.line));
                }
            }
        }
    }

    // The base go version.
    let (mut base_version, mut base_source) = match &go_line {
        Some((v, l)) => (v.clone(), Source::GoLine { version: v.clone(), origin: format!("{fname} line {l}") }),
        None if main_file.is_some() => (
            if work { "1.18".to_string() } else { "1.16".to_string() },
            Source::GoLine {
                version: if work { "1.18" } else { "1.16" }.into(),
                origin: format!("{fname} has no go line"),
            },
        ),
        None => (
            tc.mod_string(),
            Source::GoLine { version: tc.mod_string(), origin: "no go.mod: the toolchain's own version".into() },
        ),
    };
    if go_line.is_none() && main_file.is_some() && !work {
        notes.push("go.mod has no go line: go 1.16 is assumed (with -mod=mod the go command writes its own version into go.mod first).".into());
    }

    // The explicit map m: go.mod/go.work godebug, then //go:debug lines (1.23+: both; 1.21/1.22: only directives).
    let mut m: BTreeMap<String, (String, Source)> = BTreeMap::new();
    let mut overridden: BTreeMap<String, Vec<(String, Source)>> = BTreeMap::new();
    let mut put = |m: &mut BTreeMap<String, (String, Source)>, k: &str, v: &str, s: Source| {
        if let Some(prev) = m.insert(k.to_string(), (v.to_string(), s)) {
            overridden.entry(k.to_string()).or_default().push(prev);
        }
    };
    for (k, v, l) in &mod_godebugs {
        put(&mut m, k, v, Source::GoMod { line: *l, work });
    }
    for (k, v, f, l) in &dir_godebugs {
        put(&mut m, k, v, Source::Directive { file: f.clone(), line: *l });
    }
    if tc.minor >= table::GOMOD_GODEBUG_SINCE {
        if let Some((v, s)) = m.remove("default") {
            let t = v.strip_prefix("go").unwrap_or(&v);
            if GoVersion::parse(t).is_ok() {
                base_source = Source::DefaultKey { version: v.clone(), origin: s.to_string() };
                base_version = t.to_string();
            }
        }
    }

    let tbl = table::table_for(tc);
    let defaults = if directives_on { table::defaults_for_go_line(&tbl, &base_version) } else { None };
    if directives_on && defaults.is_none() {
        notes.push(format!(
            "go {base_version} is not of the form 1.N or 1.N.P: the go command applies no go-line defaults for it (only explicit settings)."
        ));
    }
    if let Some(min) = GoVersion::parse(&base_version).ok().filter(|v| v.minor < 20) {
        notes.push(format!(
            "doc/godebug.md says go lines older than 1.20 behave as 1.20; cmd/go actually uses go {} as is, which only matters for netedns0 (Changed 19).",
            min.mod_string()
        ));
    }
    let defaults: BTreeMap<String, String> = defaults.unwrap_or_default().into_iter().collect();

    // DefaultGODEBUG.
    let fatal = errors.iter().any(|e| e.fatal);
    let default_godebug = if !directives_on || fatal {
        None
    } else if !applies {
        Some(String::new())
    } else {
        let mut all: BTreeMap<&str, &str> = defaults.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
        for (k, (v, _)) in &m {
            all.insert(k, v);
        }
        Some(all.iter().map(|(k, v)| format!("{k}={v}")).collect::<Vec<_>>().join(","))
    };

    // Environment: key=value pairs, later wins, unknown keys ignored by the runtime.
    let mut env: BTreeMap<String, String> = BTreeMap::new();
    if let Some(e) = &inputs.env {
        for part in e.split(',') {
            let Some((k, v)) = part.split_once('=') else { continue };
            env.insert(k.to_string(), v.to_string());
        }
        for (k, v) in &env {
            match table::setting(k) {
                Some(s) if s.removed_for(tc) && *v == s.old_value => errors.push(GoError {
                    origin: ErrorOrigin::Env,
                    message: format!(
                        "removed GODEBUG {k:?} set to old value {v:?} in environment (https://go.dev/doc/godebug#go-1{})",
                        s.removed_in.map(|r| r.minor).unwrap_or(0)
                    ),
                    fatal: true,
                }),
                Some(s) if s.known_to(tc) => {}
                Some(_) => notes.push(format!("GODEBUG={k}={v}: {tc} does not know {k}; the runtime ignores it.")),
                None => notes.push(format!(
                    "GODEBUG={k}={v}: not in the GODEBUG settings table; the runtime ignores unknown keys unless it is a runtime debugging knob (see runtime package docs)."
                )),
            }
        }
    }

    let settings = table::settings()
        .iter()
        .map(|s| {
            let availability = if s.known_to(tc) {
                Availability::Known
            } else if s.removed_in.is_some_and(|r| tc.minor >= r.minor) {
                Availability::Removed { removed: s.removed_in.map(|r| r.to_string()).unwrap_or_default() }
            } else {
                Availability::NotYet { introduced: s.introduced_in.map(|v| v.to_string()) }
            };
            let mut chain: Vec<(String, Source)> = Vec::new();
            if applies {
                if let Some(v) = defaults.get(&s.name) {
                    chain.push((v.clone(), base_source.clone()));
                }
                chain.extend(overridden.get(&s.name).cloned().unwrap_or_default());
                if let Some((v, src)) = m.get(&s.name) {
                    chain.push((v.clone(), src.clone()));
                }
            }
            let compiled = if default_godebug.is_some() && applies {
                m.get(&s.name).map(|(v, _)| v.clone()).or_else(|| defaults.get(&s.name).cloned())
            } else {
                None
            };
            if availability == Availability::Known {
                if let Some(v) = env.get(&s.name) {
                    chain.push((v.clone(), Source::Env));
                }
            }
            let (value, source) = match chain.pop() {
                Some((v, src)) => (Some(v), src),
                None => (None, Source::BuiltIn),
            };
            SettingValue {
                name: s.name.clone(),
                package: s.package.clone(),
                availability,
                value,
                source,
                compiled,
                overridden: chain,
                description: s.description.clone(),
            }
        })
        .collect();

    Resolution { toolchain: tc, base: Some((base_version, base_source)), default_godebug, settings, errors, notes }
}

/// The first `use` directory of a go.work, cleaned as the go command prints it (`./a` → `a`).
fn first_use_dir(work: &str) -> Option<String> {
    let mut in_block = false;
    for raw in work.lines() {
        let line = raw.split("//").next().unwrap_or("").trim();
        let entry = if in_block {
            if line == ")" {
                in_block = false;
                continue;
            }
            line
        } else if let Some(rest) = line.strip_prefix("use") {
            let rest = rest.trim();
            if rest == "(" {
                in_block = true;
                continue;
            }
            if rest.is_empty() || !line[3..].starts_with([' ', '\t']) {
                continue;
            }
            rest
        } else {
            continue;
        };
        if entry.is_empty() {
            continue;
        }
        let d = entry.trim_matches('"').trim_end_matches('/');
        let d = d.strip_prefix("./").unwrap_or(d);
        return Some(if d.is_empty() { ".".into() } else { d.to_string() });
    }
    None
}

fn base_name(p: &str) -> &str {
    p.rsplit(['/', '\\']).next().unwrap_or(p)
}

fn local(tc: GoVersion) -> GoVersion {
    if tc.patch.is_none() && tc.pre.is_none() {
        GoVersion { patch: Some(u32::MAX), ..tc }
    } else {
        tc
    }
}

/// How a setting differs between two go lines.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DiffKind {
    /// The go-line default differs (table `Changed` between the two lines).
    DefaultChanged,
    /// Added between the two versions (a toolchain of the older version does not know it).
    Introduced,
    /// Removed between the two versions.
    Removed,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DiffEntry {
    pub name: String,
    pub kind: DiffKind,
    /// The go-line default under each go line (`None` = the current behaviour).
    pub from: Option<String>,
    pub to: Option<String>,
    pub description: String,
}

/// What moving a module's go line from `a` to `b` changes: settings whose go-line default
/// differs (`changed_in` in (a, b]) and settings introduced or removed between them.
/// Uses the newest facts (godebug.tsv), so settings removed later still show.
pub fn diff_go_lines(a: GoVersion, b: GoVersion) -> Vec<DiffEntry> {
    let (lo, hi) = if a.minor <= b.minor { (a.minor, b.minor) } else { (b.minor, a.minor) };
    let forward = a.minor <= b.minor;
    let mut out = Vec::new();
    for s in table::settings() {
        let old = |n: u32| s.changed_in.filter(|c| n < *c).map(|_| s.old_value.clone());
        if s.changed_in.is_some_and(|c| lo < c && c <= hi) {
            out.push(DiffEntry {
                name: s.name.clone(),
                kind: DiffKind::DefaultChanged,
                from: old(a.minor),
                to: old(b.minor),
                description: s.description.clone(),
            });
        } else if s.introduced_in.is_some_and(|i| lo < i.minor && i.minor <= hi) {
            out.push(DiffEntry {
                name: s.name.clone(),
                kind: if forward { DiffKind::Introduced } else { DiffKind::Removed },
                from: None,
                to: None,
                description: s.description.clone(),
            });
        }
        if s.removed_in.is_some_and(|r| lo < r.minor && r.minor <= hi) {
            out.push(DiffEntry {
                name: s.name.clone(),
                kind: if forward { DiffKind::Removed } else { DiffKind::Introduced },
                from: None,
                to: None,
                description: s.description.clone(),
            });
        }
    }
    out
}

/// The table as text (the CLI's output).
pub fn render_text(r: &Resolution) -> String {
    let mut s = String::new();
    s.push_str(&format!("toolchain: {}\n", r.toolchain));
    if let Some((v, src)) = &r.base {
        s.push_str(&format!("go version for defaults: {v} (from {src})\n"));
    }
    match &r.default_godebug {
        Some(d) => s.push_str(&format!("DefaultGODEBUG: {d}\n")),
        None => s.push_str("DefaultGODEBUG: (none: the go command fails or predates go1.21)\n"),
    }
    for e in &r.errors {
        s.push_str(&format!("error: {}\n", e.message.replace('\n', "\n       ")));
    }
    for n in &r.notes {
        s.push_str(&format!("note: {n}\n"));
    }
    s.push('\n');
    let w = r.settings.iter().map(|x| x.name.len()).max().unwrap_or(8).max(8);
    s.push_str(&format!("{:<w$}  {:<10}  {:<14}  SOURCE\n", "SETTING", "VALUE", "STATUS"));
    for x in &r.settings {
        let status = match &x.availability {
            Availability::Known => "known".to_string(),
            Availability::NotYet { introduced } => format!("new in {}", introduced.as_deref().unwrap_or("?")),
            Availability::Removed { removed } => format!("removed {removed}"),
        };
        let value = x.value.clone().unwrap_or_else(|| "-".into());
        let mut src = x.source.to_string();
        if !x.overridden.is_empty() {
            let o: Vec<_> = x.overridden.iter().map(|(v, s)| format!("{v} from {s}")).collect();
            src.push_str(&format!("; overrides {}", o.join(", ")));
        }
        s.push_str(&format!("{:<w$}  {:<10}  {:<14}  {}\n", x.name, value, status, src));
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(s: &str) -> GoVersion {
        GoVersion::parse(s).unwrap()
    }

    fn run(go_mod: &str, main: &str, tc: &str) -> Resolution {
        resolve(&Inputs {
            go_mod: Some(go_mod.into()),
            files: vec![SourceFile { name: "./main.go".into(), text: main.into() }],
            toolchain: Some(v(tc)),
            ..Inputs::default()
        })
    }

    #[test]
    fn verified_examples_of_godebug_history() {
        let main = "package main\nfunc main(){}\n";
        assert_eq!(run("module m\ngo 1.20\n", main, "1.21.13").default_godebug.as_deref(), Some("panicnil=1"));
        assert_eq!(
            run("module m\ngo 1.16\n", main, "1.21.13").default_godebug.as_deref(),
            Some("netedns0=0,panicnil=1")
        );
        assert_eq!(
            run("module m\ngo 1.21\n", main, "1.22.12").default_godebug.as_deref(),
            Some("httplaxcontentlength=1,httpmuxgo121=1,tls10server=1,tlsrsakex=1,tlsunsafeekm=1")
        );
        let d = "//go:debug panicnil=1\n//go:debug httpmuxgo121=0\npackage main\nfunc main(){}\n";
        assert_eq!(
            run("module m\ngo 1.22\n", d, "1.22.12").default_godebug.as_deref(),
            Some("httpmuxgo121=0,panicnil=1")
        );
        assert_eq!(
            run("module m\ngo 1.22\n", main, "1.23.5").default_godebug.as_deref(),
            Some("asynctimerchan=1,gotypesalias=0,httpservecontentkeepheaders=1,tls3des=1,tlskyber=0,x509keypairleaf=0,x509negativeserial=1")
        );
    }

    #[test]
    fn precedence_and_sources() {
        let r = resolve(&Inputs {
            go_mod: Some("module m\ngo 1.21\ngodebug (\n\tpanicnil=0\n\thttpmuxgo121=0\n)\n".into()),
            files: vec![SourceFile { name: "./main.go".into(), text: "//go:debug panicnil=1\npackage main\n".into() }],
            env: Some("panicnil=0,nosuch=1".into()),
            toolchain: Some(v("1.23.5")),
            ..Inputs::default()
        });
        assert!(r.errors.is_empty(), "{:?}", r.errors);
        let p = r.settings.iter().find(|s| s.name == "panicnil").unwrap();
        assert_eq!((p.value.as_deref(), &p.source), (Some("0"), &Source::Env));
        assert_eq!(p.compiled.as_deref(), Some("1"));
        assert_eq!(p.overridden.len(), 2);
        let h = r.settings.iter().find(|s| s.name == "httpmuxgo121").unwrap();
        assert_eq!((h.value.as_deref(), &h.source), (Some("0"), &Source::GoMod { line: 5, work: false }));
        let t = r.settings.iter().find(|s| s.name == "tls10server").unwrap();
        assert!(matches!(t.source, Source::GoLine { .. }));
        assert!(r.notes.iter().any(|n| n.contains("nosuch")));
    }

    #[test]
    fn errors_use_the_go_commands_text() {
        let r = run("module m\ngo 1.23\ngodebug nosuchsetting=1\n", "package main\n", "1.23.5");
        assert_eq!(r.error_text(), "go: error loading go.mod:\ngo.mod:3: unknown godebug \"nosuchsetting\"");
        assert_eq!(r.default_godebug, None);
        let r = run("module m\ngo 1.21\ngodebug (\n a=1\n)\n", "package main\n", "1.22.12");
        assert_eq!(r.error_text(), "go: errors parsing go.mod:\ngo.mod:3: unknown block type: godebug");
        let r = run("module m\ngo 1.22\n", "//go:debug nosuchsetting=1\npackage main\n", "1.22.12");
        assert_eq!(r.error_text(), "./main.go:1:1: invalid //go:debug: unknown //go:debug setting \"nosuchsetting\"");
        let r = run("module m\ngo 1.23\n", "package main\n", "1.22.12");
        assert_eq!(r.error_text(), "go: go.mod requires go >= 1.23 (running go 1.22.12; GOTOOLCHAIN=local)");
    }

    #[test]
    fn default_key_replaces_the_go_line() {
        let r = run("module m\ngo 1.23\ngodebug default=go1.21\n", "package main\n", "1.23.5");
        let d = r.default_godebug.unwrap();
        assert!(d.contains("httpmuxgo121=1") && d.contains("winsymlink=0"), "{d}");
        assert!(!d.contains("default"));
    }

    #[test]
    fn diff_1_21_to_1_22() {
        let d = diff_go_lines(v("1.21"), v("1.22"));
        let names: Vec<_> = d.iter().map(|e| (e.name.as_str(), &e.kind)).collect();
        for n in ["httplaxcontentlength", "httpmuxgo121", "tls10server", "tlsrsakex", "tlsunsafeekm"] {
            assert!(names.contains(&(n, &DiffKind::DefaultChanged)), "{n}: {names:?}");
        }
        assert!(names.contains(&("gotypesalias", &DiffKind::Introduced)));
        let h = d.iter().find(|e| e.name == "httpmuxgo121").unwrap();
        assert_eq!((h.from.as_deref(), h.to.as_deref()), (Some("1"), None));
    }
}
