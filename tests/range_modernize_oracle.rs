//! Oracle for range-over-int-modernize: applying every safe fix to the rule's `bad.go`
//! fixture must give a program that the real Go 1.22 compiles and that prints exactly
//! what the original prints. Skipped, with a message, when go1.22 is not installed.
mod support;

use gocompat::{analyze, apply_fixes, Applicability};
use std::path::{Path, PathBuf};
use support::gotool::{go_command, stdout_or_stderr, write_module};

fn go_run(go: &Path, dir: &Path, src: &str) -> Result<String, String> {
    write_module(dir, "oracle", "1.22", src).map_err(|e| e.to_string())?;
    let tmp = dir.parent().unwrap_or(dir);
    stdout_or_stderr(go_command(go, dir, tmp).args(["run", "."]))
}

#[test]
fn safe_fixes_keep_output() {
    let go = Path::new("/usr/lib/go-1.22/bin/go");
    if !go.exists() {
        println!("range_modernize_oracle: SKIPPED, {} not found", go.display());
        return;
    }
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/range-over-int-modernize/bad.go");
    let src = std::fs::read_to_string(&path).unwrap();
    let (ctx, _) = support::header(&src);
    let a = analyze(&src, &ctx);
    let fixes: Vec<_> = a
        .diagnostics
        .iter()
        .filter(|d| d.rule == "range-over-int-modernize")
        .filter_map(|d| d.fix.as_ref())
        .filter(|f| f.applicability == Applicability::Safe)
        .collect();
    assert!(fixes.len() >= 4, "expected safe fixes in bad.go");
    let fixed = apply_fixes(&src, fixes);
    let tmp = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("range-modernize-oracle");
    let before = go_run(go, &tmp.join("before"), &src).expect("original compiles");
    let after = go_run(go, &tmp.join("after"), &fixed.text)
        .unwrap_or_else(|e| panic!("fixed program fails: {e}\n{}", fixed.text));
    assert_eq!(before, after, "output changed by the fixes:\n{}", fixed.text);
    println!("range_modernize_oracle: {} fixes applied, same output under go1.22", fixed.applied);
}
