//! Runs the real `go vet` of Go 1.22 (when `/usr/lib/go-1.22/bin/go` exists) on the fixtures
//! of the vet rules that model vet analyzers (appends, defers, slog, directive) and checks
//! that vet reports exactly the (line, column, message) findings our rules report, analysed
//! with that toolchain. Each fixture is copied into its own temporary module whose go line is
//! the fixture's `to` version (at most the toolchain's). Lines marked `// vet-only: reason` are
//! known misses (vet needs type information we lack): counted, not failed. When the package does not build
//! (invalid or repeated `//go:debug`), vet prints only the build errors, and those are compared
//! with our build-error findings instead. Fixtures marked `// vet-agreement: skip` are left
//! out, and those marked `// vet-agreement: from go1.N` for older toolchains. Without Go 1.22
//! the test prints a message and passes. `GOCOMPAT_VET_TOOLCHAINS=1.21,1.22,1.23` compares other installed
//! toolchains (`/usr/lib/go-1.N/bin/go`) too.
mod support;

use gocompat::{analyze, GoVersion, LineIndex};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;

/// Directories under tests/: the fixtures of the four rules, and extra agreement-only files.
const DIRS: &[&str] = &[
    "fixtures/vet-appends-no-values",
    "fixtures/vet-defers-time-since",
    "fixtures/vet-slog-key-value",
    "fixtures/vet-go-debug-directive",
    "vet_agreement_data",
];

/// Build errors of `//go:debug` lines: when the package does not build, vet prints only these.
fn is_build_error(msg: &str) -> bool {
    msg.starts_with("invalid //go:debug: ") || msg.starts_with("repeated //go:debug for ")
}

/// The messages of the four analyzers compared here, and the build errors.
fn is_compared(msg: &str) -> bool {
    is_build_error(msg)
        || msg == "append with no values"
        || msg == "call to time.Since is not deferred"
        || msg.starts_with("//go:debug directive only valid")
        || (msg.starts_with("call to slog.")
            && (msg.ends_with("missing a final value") || msg.ends_with("has a missing or misplaced value")))
        || msg.contains("should be a string or a slog.Attr")
        || msg.contains("should probably be a string or a slog.Attr")
}

type Finding = (u32, u32, String);

fn vet(
    go: &Path,
    dir: &Path,
    go_line: &str,
    name: &str,
    src: &str,
    scratch: &Path,
) -> Result<BTreeSet<Finding>, String> {
    std::fs::create_dir_all(dir).map_err(|e| e.to_string())?;
    std::fs::write(dir.join("go.mod"), format!("module example.com/m\n\ngo {go_line}\n")).map_err(|e| e.to_string())?;
    std::fs::write(dir.join(name), src).map_err(|e| e.to_string())?;
    let out = Command::new(go)
        .args(["vet", "."])
        .current_dir(dir)
        .env("GOTOOLCHAIN", "local")
        .env("GOFLAGS", "-mod=mod")
        .env("GOPROXY", "off")
        .env("HOME", scratch.join("home"))
        .env("GOPATH", scratch.join("gopath"))
        .env("GOCACHE", std::env::temp_dir().join("gocompat-vet-agreement-gocache"))
        .output()
        .map_err(|e| e.to_string())?;
    let stderr = String::from_utf8_lossy(&out.stderr);
    let mut found = BTreeSet::new();
    for line in stderr.lines() {
        // ./main.go:16:6: append with no values
        let Some(rest) = line.strip_prefix(&format!("./{name}:")) else { continue };
        let mut parts = rest.splitn(3, ':');
        let (Some(l), Some(c), Some(msg)) = (parts.next(), parts.next(), parts.next()) else { continue };
        let (Ok(l), Ok(c)) = (l.parse(), c.parse()) else { continue };
        let msg = msg.trim();
        if is_compared(msg) {
            found.insert((l, c, msg.to_string()));
        }
    }
    if stderr.contains("panic: ")
        || (!out.status.success() && found.is_empty() && !stderr.contains(&format!("./{name}:")))
    {
        return Err(format!("go vet failed:\n{stderr}"));
    }
    Ok(found)
}

#[test]
fn go_vet_reports_the_same_findings() {
    let list = std::env::var("GOCOMPAT_VET_TOOLCHAINS").unwrap_or_else(|_| "1.22".into());
    for t in list.split(',').map(str::trim).filter(|t| !t.is_empty()) {
        let minor: u32 = t.trim_start_matches("1.").parse().expect("GOCOMPAT_VET_TOOLCHAINS: 1.N,1.M");
        let go = PathBuf::from(format!("/usr/lib/go-1.{minor}/bin/go"));
        if !go.exists() {
            println!("SKIP: {} is not installed; the go vet agreement check did not run for it", go.display());
            continue;
        }
        agreement(&go, minor);
    }
}

fn agreement(go: &Path, tc: u32) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests");
    let scratch: PathBuf = std::env::temp_dir().join(format!("gocompat-vet-agreement-{}-{tc}", std::process::id()));
    let mut rows = Vec::new();
    let (mut agree, mut total, mut misses) = (0usize, 0usize, 0usize);
    let mut failures = Vec::new();
    for d in DIRS {
        let mut files: Vec<PathBuf> = std::fs::read_dir(root.join(d))
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|x| x == "go"))
            .collect();
        files.sort();
        for (i, f) in files.iter().enumerate() {
            let src = std::fs::read_to_string(f).unwrap();
            let rel = format!("{d}/{}", f.file_name().unwrap().to_string_lossy());
            if src.contains("// vet-agreement: skip") {
                rows.push(format!("{rel:<55} skipped (marked)"));
                continue;
            }
            // `// vet-agreement: from go1.N`: older go commands cannot handle the file.
            if let Some(min) = src.split("// vet-agreement: from go1.").nth(1) {
                let min: u32 =
                    min.split(|c: char| !c.is_ascii_digit()).next().and_then(|m| m.parse().ok()).unwrap_or(0);
                if tc < min {
                    rows.push(format!("{rel:<55} skipped (needs go1.{min})"));
                    continue;
                }
            }
            let (mut ctx, _) = support::header(&src);
            let to = ctx.to.unwrap_or(GoVersion::lang(22)).language();
            let go_line = if to.minor > tc { GoVersion::lang(tc) } else { to };
            ctx.toolchain = Some(GoVersion::lang(tc));
            let name = ctx.file_name.clone().unwrap_or_else(|| f.file_name().unwrap().to_string_lossy().into_owned());
            ctx.file_name = Some(name.clone());
            let a = analyze(&src, &ctx);
            let li = LineIndex::new(&src);
            let ours: BTreeSet<Finding> = a
                .diagnostics
                .iter()
                .filter(|d| is_compared(&d.message))
                .map(|d| {
                    let p = li.position(&src, d.span.start);
                    (p.line, p.column, d.message.clone())
                })
                .collect();
            let dir = scratch.join(format!("{d}-{i}"));
            let theirs = match vet(go, &dir, &go_line.mod_string(), &name, &src, &scratch) {
                Ok(t) => t,
                Err(e) => {
                    failures.push(format!("{rel}: {e}"));
                    continue;
                }
            };
            // A package that does not build gets no analyzer output: compare the build errors.
            let ours: BTreeSet<Finding> = if theirs.iter().any(|(_, _, m)| is_build_error(m)) {
                ours.into_iter().filter(|(_, _, m)| is_build_error(m)).collect()
            } else {
                ours.into_iter().filter(|(_, _, m)| !is_build_error(m)).collect()
            };
            // Lines marked `// vet-only: reason` are known misses (vet needs types we lack).
            let lines: Vec<&str> = src.lines().collect();
            let marked = |l: u32| lines.get(l as usize - 1).is_some_and(|t| t.contains("// vet-only: "));
            let known_misses = theirs.iter().filter(|(l, _, _)| marked(*l)).count();
            let theirs: BTreeSet<Finding> = theirs.into_iter().filter(|(l, _, _)| !marked(*l)).collect();
            let both = ours.intersection(&theirs).count();
            agree += both;
            total += ours.union(&theirs).count() + known_misses;
            misses += known_misses;
            rows.push(format!(
                "{rel:<55} go {:<5} vet {:>2}  ours {:>2}  both {:>2}  known misses {known_misses}",
                go_line.mod_string(),
                theirs.len() + known_misses,
                ours.len(),
                both
            ));
            if ours != theirs {
                let only_vet: Vec<_> = theirs.difference(&ours).collect();
                let only_ours: Vec<_> = ours.difference(&theirs).collect();
                failures.push(format!("{rel}: only vet {only_vet:?}; only ours {only_ours:?}"));
            }
        }
    }
    let _ = std::fs::remove_dir_all(&scratch);
    println!("go vet (go1.{tc}, {}) agreement on the vet fixtures:", go.display());
    for r in &rows {
        println!("  {r}");
    }
    println!(
        "  findings in agreement: {agree} of {total} (union of vet's and ours); {misses} known misses (vet-only, marked)"
    );
    assert!(failures.is_empty(), "disagreements with go vet of go1.{tc}:\n{}", failures.join("\n"));
}
