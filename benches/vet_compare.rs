//! `cargo bench --profile release-native --bench vet_compare`: gocompat next to the real
//! `go vet` of Debian's Go 1.22 (`/usr/lib/go-1.22/bin/go`; `GOCOMPAT_VET_GO` picks another)
//! on the same files, for the vet analyzers our rules model:
//!
//! | vet analyzer | our rules |
//! |---|---|
//! | appends | vet-appends-no-values |
//! | defers | vet-defers-time-since |
//! | slog | vet-slog-key-value |
//! | directive | vet-go-debug-directive |
//! | loopclosure | loopvar-closure-capture, loopvar-header-assign-not-fixed |
//! | printf (non-constant format, go1.24+ vet only) | vet-printf-nonconstant-format |
//! | stdversion (go1.23+ vet only) | stdlib-symbol-newer-than-go-line |
//!
//! Two corpora: (1) the fixtures of those rules plus `tests/vet_agreement_data`, each file in
//! its own one-file module whose go line is the fixture's `to` version (at most the
//! toolchain's), except the loop-variable fixtures, whose module gets the `from` version:
//! Go 1.22's vet applies loopclosure only to files below go1.22; (2) a set of std
//! packages (`GOCOMPAT_VET_PKGS`, space-separated, to change it), analysed by us file by
//! file with from=to=the toolchain's version (std's go line) over exactly the files `go vet`
//! checks (`go list`: GoFiles, TestGoFiles, XTestGoFiles). Findings are matched by (file,
//! line, analyzer), loopclosure's by (file, variable) since vet reports every reference in a
//! closure and we the first, and counted per analyzer as
//! both / only vet / only us. Times: `go vet -json` per module or package (wall, after one
//! warm-up run so the build cache holds the dependencies' export data; includes the go
//! command's own start-up), per file; ours per file in-process (wall, single thread).
//!
//! The go command runs with GOTOOLCHAIN=local, private HOME/GOPATH/GOCACHE under a temporary
//! directory, GOPROXY=off, GOFLAGS=-mod=mod. Without the toolchain it prints a message.

#[path = "../tests/support/mod.rs"]
mod support;

use gocompat::{analyzer, Context, GoVersion, LineIndex};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

/// Our rule id → the vet analyzer it models.
fn analyzer_of(rule: &str) -> Option<&'static str> {
    Some(match rule {
        "vet-appends-no-values" => "appends",
        "vet-defers-time-since" => "defers",
        "vet-slog-key-value" => "slog",
        "vet-go-debug-directive" => "directive",
        "loopvar-closure-capture" | "loopvar-header-assign-not-fixed" => "loopclosure",
        "vet-printf-nonconstant-format" => "printf",
        "stdlib-symbol-newer-than-go-line" => "stdversion",
        _ => return None,
    })
}

const ANALYZERS: &[&str] = &["appends", "defers", "slog", "directive", "loopclosure", "printf", "stdversion"];

const FIXTURE_DIRS: &[&str] = &[
    "fixtures/vet-appends-no-values",
    "fixtures/vet-defers-time-since",
    "fixtures/vet-slog-key-value",
    "fixtures/vet-go-debug-directive",
    "fixtures/vet-printf-nonconstant-format",
    "fixtures/loopvar-closure-capture",
    "fixtures/loopvar-header-assign-not-fixed",
    "fixtures/stdlib-symbol-newer-than-go-line",
    "vet_agreement_data",
];

const STD_PKGS: &str = "fmt strings strconv sort bytes bufio errors os time sync context encoding/json net/url net/http log/slog go/parser go/types text/template regexp";

/// (file name, where, analyzer): `where` is the line, except for loopclosure: the variable
/// (vet reports every reference in a closure, we report the first one per closure).
type Key = (String, String, &'static str);

/// The loop variable named by a loopclosure finding: vet's "loop variable x captured by func
/// literal", or the first identifier in backquotes of ours.
fn loop_var(analyzer: &str, msg: &str) -> Option<String> {
    if analyzer != "loopclosure" {
        return None;
    }
    if let Some(rest) = msg.strip_prefix("loop variable ") {
        return rest.split_whitespace().next().map(str::to_string);
    }
    let ident = |t: &&str| !t.is_empty() && t.chars().all(|c| c.is_alphanumeric() || c == '_');
    msg.split('`').skip(1).step_by(2).find(ident).map(str::to_string)
}

struct Vet {
    go: PathBuf,
    state: PathBuf,
}

impl Vet {
    fn cmd(&self, dir: &Path) -> Command {
        let mut cmd = support::gotool::go_command(&self.go, dir, &self.state);
        cmd.env("GOCACHE", self.state.join("gocache"));
        cmd
    }

    /// `go vet -json args` in `dir`: the findings of the compared analyzers (deduplicated over
    /// the package's test variants), or the build errors when it did not type-check.
    fn run(&self, dir: &Path, args: &[&str]) -> (Result<BTreeSet<Key>, String>, Duration) {
        let t = Instant::now();
        let out = self.cmd(dir).arg("vet").arg("-json").args(args).output();
        let took = t.elapsed();
        let out = match out {
            Ok(o) => o,
            Err(e) => return (Err(e.to_string()), took),
        };
        let stderr = String::from_utf8_lossy(&out.stderr);
        // `# pkg` lines, then one JSON object per package; errors otherwise.
        let json: String = stderr.lines().filter(|l| !l.starts_with('#')).collect::<Vec<_>>().join("\n");
        let mut found = BTreeSet::new();
        let mut parsed_any = false;
        for v in serde_json::Deserializer::from_str(&json).into_iter::<serde_json::Value>() {
            let Ok(v) = v else { break };
            parsed_any = true;
            let Some(pkgs) = v.as_object() else { continue };
            for analyzers in pkgs.values().filter_map(|a| a.as_object()) {
                for (name, diags) in analyzers {
                    let Some(&a) = ANALYZERS.iter().find(|a| **a == name) else { continue };
                    for d in diags.as_array().into_iter().flatten() {
                        let posn = d.get("posn").and_then(|p| p.as_str()).unwrap_or("");
                        // /dir/file.go:12:3
                        let mut it = posn.rsplitn(3, ':');
                        let (_, Some(line), Some(file)) = (it.next(), it.next(), it.next()) else { continue };
                        let file =
                            Path::new(file).file_name().map(|f| f.to_string_lossy().into_owned()).unwrap_or_default();
                        let msg = d.get("message").and_then(|m| m.as_str()).unwrap_or("");
                        if let Ok(line) = line.parse::<u32>() {
                            found.insert((file, loop_var(a, msg).unwrap_or_else(|| line.to_string()), a));
                        }
                    }
                }
            }
        }
        if !parsed_any && !stderr.trim().is_empty() {
            let first = stderr.lines().find(|l| !l.starts_with('#')).unwrap_or("").to_string();
            return (Err(first), took);
        }
        (Ok(found), took)
    }
}

/// Our findings of the compared rules in one file, and the analysis time.
fn ours(name: &str, src: &str, ctx: &Context) -> (BTreeSet<Key>, Duration) {
    let t = Instant::now();
    let a = analyzer::analyze(src, ctx);
    let took = t.elapsed();
    let li = LineIndex::new(src);
    let keys = a
        .diagnostics
        .iter()
        .filter_map(|d| {
            let an = analyzer_of(&d.rule)?;
            let at = loop_var(an, &d.message).unwrap_or_else(|| li.position(src, d.span.start).line.to_string());
            Some((name.to_string(), at, an))
        })
        .collect();
    (keys, took)
}

#[derive(Default)]
struct Tally {
    both: usize,
    only_vet: usize,
    only_us: usize,
}

fn tally(t: &mut BTreeMap<&'static str, Tally>, vet: &BTreeSet<Key>, us: &BTreeSet<Key>) {
    for k in vet.union(us) {
        let e = t.entry(k.2).or_default();
        match (vet.contains(k), us.contains(k)) {
            (true, true) => e.both += 1,
            (true, false) => e.only_vet += 1,
            _ => e.only_us += 1,
        }
    }
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

fn main() {
    let go = PathBuf::from(std::env::var("GOCOMPAT_VET_GO").unwrap_or_else(|_| "/usr/lib/go-1.22/bin/go".into()));
    if !go.exists() {
        println!("vet_compare: {} not found: skipped", go.display());
        return;
    }
    let state = std::env::temp_dir().join(format!("gocompat-vet-compare-{}", std::process::id()));
    let vet = Vet { go: go.clone(), state: state.clone() };
    let version = vet
        .cmd(&std::env::temp_dir())
        .arg("version")
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
        .unwrap_or_default();
    let tc: u32 = version
        .split_whitespace()
        .nth(2)
        .and_then(|v| v.strip_prefix("go1."))
        .and_then(|v| v.split('.').next())
        .and_then(|v| v.parse().ok())
        .unwrap_or(22);
    println!("gocompat vs {version} ({})", go.display());
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests");

    // --- 1. fixtures, one module per file ---
    let mut fx: BTreeMap<&'static str, Tally> = BTreeMap::new();
    let (mut vet_times, mut our_times) = (Vec::new(), Vec::new());
    let mut not_built = Vec::new();
    let mut warmed = false;
    println!("\nfixtures (one module per file; vet = `go vet -json .` wall ms, ours = analysis us)");
    println!("  {:<62} {:>6} {:>8} {:>8} {:>4} {:>4} {:>4}", "file", "go", "vet ms", "ours us", "vet", "us", "both");
    for (i, d) in FIXTURE_DIRS.iter().enumerate() {
        let Ok(rd) = std::fs::read_dir(root.join(d)) else { continue };
        let mut files: Vec<PathBuf> =
            rd.flatten().map(|e| e.path()).filter(|p| p.extension().is_some_and(|x| x == "go")).collect();
        files.sort();
        for (j, f) in files.iter().enumerate() {
            let Ok(src) = std::fs::read_to_string(f) else { continue };
            let (mut ctx, _) = support::header(&src);
            // The module's go line: the fixture's `to` version, except for the loop-variable
            // fixtures: their hazard is in the old version (`from`), the only one in which
            // vet's loopclosure looks at a file.
            let to = ctx.to.unwrap_or(GoVersion::lang(22)).language();
            let line =
                if d.starts_with("fixtures/loopvar-") { ctx.from.map_or(to, |f| f.language().min(to)) } else { to };
            let go_line = if line.minor > tc { GoVersion::lang(tc) } else { line };
            ctx.toolchain = Some(GoVersion::lang(tc));
            let fname = f.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
            let name = ctx.file_name.clone().unwrap_or_else(|| fname.clone());
            ctx.file_name = Some(name.clone());
            let dir = state.join(format!("fx-{i}-{j}"));
            let write = std::fs::create_dir_all(&dir)
                .and_then(|_| {
                    std::fs::write(dir.join("go.mod"), format!("module example.com/m\n\ngo {}\n", go_line.mod_string()))
                })
                .and_then(|_| std::fs::write(dir.join(&name), &src));
            if write.is_err() {
                continue;
            }
            if !warmed {
                // The first vet builds the std dependencies' export data into the cache.
                let _ = vet.run(&dir, &["."]);
                warmed = true;
            }
            let (theirs, vt) = vet.run(&dir, &["."]);
            let (us, ut) = ours(&name, &src, &ctx);
            let rel = format!("{d}/{fname}");
            match theirs {
                Ok(theirs) => {
                    let both = theirs.intersection(&us).count();
                    println!(
                        "  {rel:<62} {:>6} {:>8.0} {:>8.0} {:>4} {:>4} {:>4}",
                        go_line.mod_string(),
                        ms(vt),
                        ut.as_secs_f64() * 1e6,
                        theirs.len(),
                        us.len(),
                        both
                    );
                    for k in theirs.symmetric_difference(&us) {
                        let who = if theirs.contains(k) { "only vet" } else { "only us" };
                        println!("      {who}: {}:{} {}", k.0, k.1, k.2);
                    }
                    tally(&mut fx, &theirs, &us);
                    vet_times.push(vt);
                    our_times.push(ut);
                }
                Err(e) => {
                    println!(
                        "  {rel:<62} {:>6}  vet: does not build ({})",
                        go_line.mod_string(),
                        e.chars().take(60).collect::<String>()
                    );
                    not_built.push(rel);
                }
            }
        }
    }

    // --- 2. std packages ---
    let pkgs = std::env::var("GOCOMPAT_VET_PKGS").unwrap_or_else(|_| STD_PKGS.into());
    let work = state.join("std");
    let _ = std::fs::create_dir_all(&work);
    let mut sd: BTreeMap<&'static str, Tally> = BTreeMap::new();
    let (mut std_vet, mut std_ours, mut std_files, mut std_bytes) = (Duration::ZERO, Duration::ZERO, 0usize, 0usize);
    println!("\nstd packages (vet = `go vet -json PKG` wall, ours = every file vet checks, from=to=go1.{tc})");
    println!(
        "  {:<16} {:>6} {:>9} {:>9} {:>10} {:>10} {:>4} {:>4} {:>4}",
        "package", "files", "vet ms", "ours ms", "vet ms/f", "ours us/f", "vet", "us", "both"
    );
    for pkg in pkgs.split_whitespace() {
        let list = vet
            .cmd(&work)
            .args(["list", "-f", "{{.Dir}}\n{{range .GoFiles}}{{.}} {{end}}{{range .TestGoFiles}}{{.}} {{end}}{{range .XTestGoFiles}}{{.}} {{end}}", pkg])
            .output();
        let Ok(list) = list else { continue };
        let text = String::from_utf8_lossy(&list.stdout).into_owned();
        let mut lines = text.lines();
        let (Some(dir), Some(names)) = (lines.next(), lines.next()) else {
            println!("  {pkg:<16} go list failed");
            continue;
        };
        let _ = vet.run(&work, &[pkg]); // warm-up: dependencies' export data
        let (theirs, vt) = vet.run(&work, &[pkg]);
        let theirs = match theirs {
            Ok(t) => t,
            Err(e) => {
                println!("  {pkg:<16} vet failed: {e}");
                continue;
            }
        };
        let mut us = BTreeSet::new();
        let mut ut = Duration::ZERO;
        let mut n = 0;
        for name in names.split_whitespace() {
            let Ok(src) = std::fs::read_to_string(Path::new(dir).join(name)) else { continue };
            // std's own go line is its toolchain's version.
            let ctx = Context {
                go_mod: Some(format!("module std\n\ngo 1.{tc}\n")),
                from: Some(GoVersion::lang(tc)),
                to: Some(GoVersion::lang(tc)),
                toolchain: Some(GoVersion::lang(tc)),
                file_name: Some(name.to_string()),
            };
            let (k, t) = ours(name, &src, &ctx);
            us.extend(k);
            ut += t;
            n += 1;
            std_bytes += src.len();
        }
        let both = theirs.intersection(&us).count();
        println!(
            "  {pkg:<16} {n:>6} {:>9.0} {:>9.1} {:>10.1} {:>10.0} {:>4} {:>4} {both:>4}",
            ms(vt),
            ms(ut),
            ms(vt) / n.max(1) as f64,
            ut.as_secs_f64() * 1e6 / n.max(1) as f64,
            theirs.len(),
            us.len()
        );
        for k in theirs.symmetric_difference(&us) {
            let who = if theirs.contains(k) { "only vet" } else { "only us" };
            println!("      {who}: {pkg} {}:{} {}", k.0, k.1, k.2);
        }
        tally(&mut sd, &theirs, &us);
        std_vet += vt;
        std_ours += ut;
        std_files += n;
    }
    let _ = std::fs::remove_dir_all(&state);

    // --- summary ---
    let median = |v: &mut Vec<Duration>| {
        v.sort();
        v.get(v.len() / 2).copied().unwrap_or_default()
    };
    println!("\nagreement per analyzer (matched by file, line, analyzer; loopclosure by file, variable)");
    println!("  {:<12} {:>22}   {:>22}", "", "fixtures", "std packages");
    println!(
        "  {:<12} {:>6} {:>8} {:>7}   {:>6} {:>8} {:>7}",
        "analyzer", "both", "only vet", "only us", "both", "only vet", "only us"
    );
    for a in ANALYZERS {
        let f = fx.get(a);
        let s = sd.get(a);
        let g = |t: Option<&Tally>| t.map_or((0, 0, 0), |t| (t.both, t.only_vet, t.only_us));
        let (f, s) = (g(f), g(s));
        let note = match *a {
            "printf" if tc < 24 => "  (vet's non-constant format check is go1.24+: not in this vet)",
            "stdversion" if tc < 23 => "  (stdversion is go1.23+: not in this vet)",
            "loopclosure" if tc >= 22 => "  (go1.22+ vet checks only files below go1.22)",
            _ => "",
        };
        println!("  {a:<12} {:>6} {:>8} {:>7}   {:>6} {:>8} {:>7}{note}", f.0, f.1, f.2, s.0, s.1, s.2);
    }
    let fx_n = vet_times.len();
    println!("\ntime per file");
    println!(
        "  fixtures     {fx_n} files ({} did not build for vet): go vet median {:.0} ms/file; gocompat median {:.0} us/file",
        not_built.len(),
        ms(median(&mut vet_times)),
        median(&mut our_times).as_secs_f64() * 1e6
    );
    println!(
        "  std packages {std_files} files, {:.1} MB: go vet {:.1} s total = {:.1} ms/file; gocompat {:.2} s = {:.0} us/file ({:.1} MB/s); ratio {:.0}x",
        std_bytes as f64 / 1e6,
        std_vet.as_secs_f64(),
        ms(std_vet) / std_files.max(1) as f64,
        std_ours.as_secs_f64(),
        std_ours.as_secs_f64() * 1e6 / std_files.max(1) as f64,
        std_bytes as f64 / 1e6 / std_ours.as_secs_f64().max(1e-9),
        std_vet.as_secs_f64() / std_ours.as_secs_f64().max(1e-9)
    );
}
