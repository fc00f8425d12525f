//! Oracle for the compile-error rules of the `range` family (range-over-int-requires-go122,
//! range-over-func-requires-go123, generic-type-alias-requires-go124): every fixture that
//! imports only the standard library is built by the real toolchain its header names
//! (go1.21, go1.22 or go1.23 when installed), once per side with the side's go line in
//! go.mod, and the version errors Go prints must be exactly the "compile error:" texts our
//! findings give for that side, line by line. Skipped with a message when no toolchain is
//! installed.
mod support;

use gocompat::{analyze, GoVersion};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use support::gotool::{go_command, write_module};

const RULES: &[&str] =
    &["range-over-int-requires-go122", "range-over-func-requires-go123", "generic-type-alias-requires-go124"];

fn toolchain(v: GoVersion) -> Option<PathBuf> {
    let p = PathBuf::from(format!("/usr/lib/go-1.{}/bin/go", v.minor));
    p.exists().then_some(p)
}

/// The version errors of `go build` (line, message), or `None` when the build could not run.
fn build(go: &Path, dir: &Path, module: GoVersion, src: &str) -> Option<BTreeSet<(usize, String)>> {
    let _ = std::fs::remove_dir_all(dir.join("m"));
    let m = dir.join("m");
    write_module(&m, "m", &module.mod_string(), src).ok()?;
    let out =
        go_command(go, &m, dir).args(["build", "-o", "/dev/null", "."]).env_remove("GOEXPERIMENT").output().ok()?;
    let stderr = String::from_utf8_lossy(&out.stderr);
    if stderr.contains("go.mod requires go >=") {
        return None;
    }
    let mut errs = BTreeSet::new();
    for line in stderr.lines() {
        // ./main.go:10:17: message
        let Some(rest) = line.strip_prefix("./main.go:") else { continue };
        let mut parts = rest.splitn(3, ':');
        let (Some(l), Some(_col), Some(msg)) = (parts.next(), parts.next(), parts.next()) else { continue };
        let msg = msg.trim();
        let ours = msg.starts_with("cannot range over") || msg.starts_with("generic type");
        if ours {
            errs.insert((l.parse().ok()?, msg.to_string()));
        }
    }
    Some(errs)
}

#[test]
fn version_errors_match_real_compilers() {
    if ![21, 22, 23].iter().any(|m| toolchain(GoVersion::lang(*m)).is_some()) {
        println!("range_compile_oracle: SKIPPED, no Go toolchain in /usr/lib/go-1.*");
        return;
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let tmp = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("range-compile-oracle");
    let (mut builds, mut errors_seen, mut described_seen) = (0, 0, 0);
    let mut failures = Vec::new();
    for rule in RULES {
        let Ok(dir) = std::fs::read_dir(root.join(rule)) else { continue };
        let mut files: Vec<PathBuf> =
            dir.filter_map(|e| e.ok().map(|e| e.path())).filter(|p| p.extension().is_some_and(|x| x == "go")).collect();
        files.sort();
        for f in files {
            let src = std::fs::read_to_string(&f).unwrap();
            if src.contains("golang.org/") || src.contains("github.com/") || f.with_file_name("go.mod").exists() {
                continue;
            }
            let (ctx, _) = support::header(&src);
            if ctx.go_mod.is_some() {
                continue;
            }
            let a = analyze(&src, &ctx);
            let tc = a.versions.toolchain.version;
            let Some(go) = toolchain(tc) else { continue };
            let lines = gocompat::LineIndex::new(&src);
            for (k, module) in [a.versions.from.version, a.versions.to.version].into_iter().enumerate() {
                let Some(real) = build(&go, &tmp, module, &src) else { continue };
                builds += 1;
                errors_seen += real.len();
                let ours: BTreeSet<(usize, String)> = a
                    .diagnostics
                    .iter()
                    .filter(|d| RULES.contains(&d.rule.as_str()))
                    .filter_map(|d| {
                        let text = d.sides.get(k)?.behavior.strip_prefix("compile error: ")?;
                        Some((lines.position(&src, d.span.start).line as usize, text.to_string()))
                    })
                    .collect();
                // Our findings that describe instead of quoting (std iterator constructors,
                // whose type arguments a syntax tree does not give) must match some real
                // "cannot range over" error on their line; the rest must be equal.
                let described: BTreeSet<usize> = ours
                    .iter()
                    .filter(|(_, m)| m.starts_with("range over a function iterator"))
                    .map(|(l, _)| *l)
                    .collect();
                let ours: BTreeSet<(usize, String)> =
                    ours.into_iter().filter(|(l, _)| !described.contains(l)).collect();
                let real: BTreeSet<(usize, String)> = real
                    .into_iter()
                    .filter(|(l, m)| !(described.contains(l) && m.starts_with("cannot range over")))
                    .collect();
                described_seen += described.len();
                if real != ours {
                    failures.push(format!(
                        "{} with go{} and go.mod go {}:\n  real {real:?}\n  ours {ours:?}",
                        f.strip_prefix(&root).unwrap().display(),
                        tc.language().mod_string(),
                        module.mod_string()
                    ));
                }
            }
        }
    }
    println!(
        "range_compile_oracle: {builds} builds, {errors_seen} version errors ({described_seen} matched by line only), {} mismatches",
        failures.len()
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
