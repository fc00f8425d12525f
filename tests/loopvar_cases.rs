//! Oracle test for the loop-variable rules: every `data/knowledge/loopvar-cases/*.go`
//! is analysed with from=1.21 to=1.22, and a case must get a behaviour-change (or error)
//! finding exactly when `RESULTS.md` records different output under go 1.21 and go 1.22.
//! When a Go 1.22 toolchain is installed, a second test runs some fixture programs under
//! both go lines and checks that their output differs exactly when the analyzer flags them.
mod support;

use gocompat::{analyze, Context, GoVersion, Severity};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

fn cases_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("data/knowledge/loopvar-cases")
}

/// file name → (output under go 1.21, output under go 1.22), from RESULTS.md's recorded run.
fn recorded_outputs() -> BTreeMap<String, (String, String)> {
    let text = std::fs::read_to_string(cases_dir().join("RESULTS.md")).unwrap();
    let mut out: BTreeMap<String, (String, String)> = BTreeMap::new();
    let mut current: Option<(String, String)> = None;
    let mut in_block = false;
    for line in text.lines() {
        if line.starts_with("```") {
            in_block = !in_block;
            continue;
        }
        if !in_block {
            continue;
        }
        if let Some(rest) = line.strip_prefix("== ") {
            // "== 01_x.go  (go.mod: go 1.21)"
            let (file, lang) = rest.split_once("(go.mod: go ").expect("header");
            current = Some((file.trim().to_string(), lang.trim_end_matches(')').to_string()));
            continue;
        }
        if let Some((file, lang)) = &current {
            let e = out.entry(file.clone()).or_default();
            let slot = if lang == "1.21" { &mut e.0 } else { &mut e.1 };
            slot.push_str(line);
            slot.push('\n');
        }
    }
    out
}

fn flagged(src: &str, file: &str, from: u32, to: u32) -> Vec<String> {
    let ctx = Context {
        from: Some(GoVersion::lang(from)),
        to: Some(GoVersion::lang(to)),
        file_name: Some(file.to_string()),
        ..Context::default()
    };
    analyze(src, &ctx)
        .diagnostics
        .into_iter()
        .filter(|d| matches!(d.severity, Severity::BehaviorChange | Severity::Error))
        .map(|d| d.rule)
        .collect()
}

#[test]
fn cases_agree_with_recorded_go_output() {
    let recorded = recorded_outputs();
    assert!(recorded.len() >= 12, "RESULTS.md parse found {} cases", recorded.len());
    let mut failures = Vec::new();
    let mut report = Vec::new();
    for (file, (go121, go122)) in &recorded {
        let src = std::fs::read_to_string(cases_dir().join(file)).unwrap();
        let differs = go121 != go122;
        let rules = flagged(&src, file, 21, 22);
        let got = !rules.is_empty();
        report.push(format!("{file}: go output differs={differs} flagged={got} {rules:?}"));
        if got != differs {
            failures
                .push(format!("{file}: RESULTS.md output differs = {differs}, analyzer flagged = {got} ({rules:?})"));
        }
        // The copy in case 05 is redundant only when the old side is already go1.22+.
        let all: Vec<String> = analyze(
            &src,
            &Context {
                from: Some(GoVersion::lang(21)),
                to: Some(GoVersion::lang(22)),
                file_name: Some(file.clone()),
                ..Context::default()
            },
        )
        .diagnostics
        .into_iter()
        .map(|d| d.rule)
        .collect();
        if all.iter().any(|r| r == "loopvar-redundant-copy") {
            failures.push(format!("{file}: loopvar-redundant-copy reported although from=1.21"));
        }
    }
    let case05 = std::fs::read_to_string(cases_dir().join("05_redundant_copy.go")).unwrap();
    let a = analyze(
        &case05,
        &Context { from: Some(GoVersion::lang(22)), to: Some(GoVersion::lang(23)), ..Context::default() },
    );
    assert!(a.diagnostics.iter().any(|d| d.rule == "loopvar-redundant-copy"), "case 05 at go1.22: {:?}", a.diagnostics);
    println!("{}", report.join("\n"));
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
