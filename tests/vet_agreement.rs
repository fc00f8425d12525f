//! Runs the real `go vet` of Go 1.22 (when `/usr/lib/go-1.22/bin/go` exists) on the fixtures
//! of the vet rules that model vet analyzers (appends, defers, slog, directive) and checks
//! that vet reports exactly the (line, column, message) findings our rules report. Each
//! fixture is copied into its own temporary module whose go line is the fixture's `to`
//! version (at most 1.22). Fixtures marked `// vet-agreement: skip` (build errors) are left
//! out. Without Go 1.22 the test prints a message and passes.
mod support;

use gocompat::{analyze, GoVersion, LineIndex};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;

const GO: &str = "/usr/lib/go-1.22/bin/go";
const DIRS: &[&str] =
    &["vet-appends-no-values", "vet-defers-time-since", "vet-slog-key-value", "vet-go-debug-directive"];

/// The messages of the four analyzers compared here.
fn is_compared(msg: &str) -> bool {
    msg == "append with no values"
        || msg == "call to time.Since is not deferred"
        || msg.starts_with("//go:debug directive only valid")
        || (msg.starts_with("call to slog.")
            && (msg.ends_with("missing a final value") || msg.ends_with("has a missing or misplaced value")))
        || msg.contains("should be a string or a slog.Attr")
        || msg.contains("should probably be a string or a slog.Attr")
}

type Finding = (u32, u32, String);

fn vet(dir: &Path, go_line: &str, name: &str, src: &str, scratch: &Path) -> Result<BTreeSet<Finding>, String> {
    std::fs::create_dir_all(dir).map_err(|e| e.to_string())?;
    std::fs::write(dir.join("go.mod"), format!("module example.com/m\n\ngo {go_line}\n")).map_err(|e| e.to_string())?;
    std::fs::write(dir.join(name), src).map_err(|e| e.to_string())?;
    let out = Command::new(GO)
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
    if !out.status.success() && found.is_empty() && stderr.contains("go:") && !stderr.contains(&format!("./{name}:")) {
        return Err(format!("go vet failed:\n{stderr}"));
    }
    Ok(found)
}

#[test]
fn go_vet_1_22_reports_the_same_findings() {
    if !Path::new(GO).exists() {
        println!("SKIP: {GO} is not installed; the go vet agreement check did not run");
        return;
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let scratch: PathBuf = std::env::temp_dir().join(format!("gocompat-vet-agreement-{}", std::process::id()));
    let mut rows = Vec::new();
    let (mut agree, mut total) = (0usize, 0usize);
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
                rows.push(format!("{rel:<55} skipped (marked: build error)"));
                continue;
            }
            let (mut ctx, _) = support::header(&src);
            let to = ctx.to.unwrap_or(GoVersion::lang(22)).language();
            let go_line = if to.minor > 22 { GoVersion::lang(22) } else { to };
            ctx.toolchain = Some(GoVersion::parse("1.22").unwrap());
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
            let theirs = match vet(&dir, &go_line.mod_string(), &name, &src, &scratch) {
                Ok(t) => t,
                Err(e) => {
                    failures.push(format!("{rel}: {e}"));
                    continue;
                }
            };
            let both = ours.intersection(&theirs).count();
            agree += both;
            total += ours.union(&theirs).count();
            rows.push(format!(
                "{rel:<55} go {:<5} vet {:>2}  ours {:>2}  both {:>2}",
                go_line.mod_string(),
                theirs.len(),
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
    println!("go vet (go1.22) agreement on the vet fixtures:");
    for r in &rows {
        println!("  {r}");
    }
    println!("  findings in agreement: {agree} of {total} (union of vet's and ours)");
    assert!(failures.is_empty(), "disagreements with go vet:\n{}", failures.join("\n"));
}
