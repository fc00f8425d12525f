//! `cargo bench --profile release-native --bench keystroke`: the worker's share of one
//! keystroke, natively. The file is the browser benchmark's (`scripts/bench-browser.mjs`):
//! the fixtures' Go code under one package clause, cut at 1,000 and 10,000 lines. One
//! character is typed at the end of the middle line, then deleted, over and over, as the
//! browser benchmark does; each edit is analysed with the worker's kept [`Reparser`] and
//! the reply is encoded as the worker encodes it (JSON: the findings the page does not hold
//! from the last reply, `protocol::diff`, and references to the others). Prints medians per phase. Each
//! incremental analysis (the worker's: [`Reparser::for_typing`], kept trees and local
//! findings) is checked equal to a fresh one.

#[allow(dead_code)]
#[path = "../src/ui/protocol.rs"]
mod protocol;

use gocompat::analyzer::{self, Reparser};
use gocompat::Context;
use std::path::Path;
use std::time::Instant;

/// The browser benchmark's `goFile(lines)`, line for line (`valid`: without the fixtures
/// of the syntax-error rule, whose broken code makes every edit a fresh parse and analysis).
fn go_file(lines: usize, valid: bool) -> String {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut rules: Vec<_> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).collect();
    rules.sort();
    let mut bodies = Vec::new();
    for rule in rules {
        if valid && rule.ends_with("syntax-error") {
            continue;
        }
        let mut files: Vec<_> = std::fs::read_dir(&rule)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|x| x == "go"))
            .collect();
        files.sort();
        for f in files {
            let text = std::fs::read_to_string(f).unwrap();
            let mut kept = Vec::new();
            let mut in_import = false;
            for l in text.split('\n') {
                if in_import {
                    in_import = !l.starts_with(')');
                    continue;
                }
                if l.starts_with("import (") {
                    in_import = true;
                    continue;
                }
                if ["package ", "import ", "//go:build", "// want", "//go:debug"].iter().any(|p| l.starts_with(p)) {
                    continue;
                }
                kept.push(l.to_string());
            }
            bodies.push(kept.join("\n"));
        }
    }
    let mut out: Vec<String> =
        ["package main", "", "import (", "\t\"fmt\"", "\t\"net/http\"", "\t\"sync\"", "\t\"time\"", ")", ""]
            .iter()
            .map(|s| s.to_string())
            .collect();
    // Whole fixture bodies only, up to `lines` lines (no function cut off at the end).
    for i in 0.. {
        let body: Vec<&str> = bodies[i % bodies.len()].split('\n').collect();
        if out.len() + body.len() > lines {
            break;
        }
        out.extend(body.iter().map(|l| l.to_string()));
    }
    out.join("\n") + "\n"
}

fn median(mut xs: Vec<f64>) -> f64 {
    xs.sort_by(f64::total_cmp);
    xs[(xs.len() - 1) / 2]
}

fn main() {
    let ctx = Context::default();
    let keys: usize = std::env::var("GOCOMPAT_BENCH_KEYS").ok().and_then(|s| s.parse().ok()).unwrap_or(40);
    println!("keystroke bench (native): one character typed/deleted mid-file, {keys} keys");
    // GOCOMPAT_BENCH_LINES=n: that size only (for a profiler).
    let sizes: Vec<usize> = match std::env::var("GOCOMPAT_BENCH_LINES").ok().and_then(|s| s.parse().ok()) {
        Some(n) => vec![n],
        None => vec![1000, 10000],
    };
    // GOCOMPAT_BENCH_INCREMENTAL=1: no fresh analyses (for a profiler).
    let only_incremental = std::env::var("GOCOMPAT_BENCH_INCREMENTAL").is_ok();
    for (lines, valid) in sizes.iter().flat_map(|&n| [(n, false), (n, true)]) {
        let base = go_file(lines, valid);
        let mid = base.split('\n').take(lines / 2).map(|l| l.len() + 1).sum::<usize>() - 1;
        let mut reparser = Reparser::for_typing();
        let first = analyzer::analyze_with(&base, &ctx, &mut reparser);
        let mut last = (base.clone(), first.diagnostics.clone());
        let (mut fresh, mut incr, mut json, mut bytes) = (Vec::new(), Vec::new(), Vec::new(), 0);
        for k in 0..keys {
            let text = if k % 2 == 0 { format!("{}x{}", &base[..mid], &base[mid..]) } else { base.clone() };
            let t = Instant::now();
            let a = analyzer::analyze_with(&text, &ctx, &mut reparser);
            incr.push(t.elapsed().as_secs_f64() * 1e3);
            let t = Instant::now();
            let (refs, new) = protocol::diff(&last.0, &last.1, &text, &a.diagnostics);
            let s = serde_json::to_string(&(refs, new)).unwrap();
            json.push(t.elapsed().as_secs_f64() * 1e3);
            bytes = s.len();
            last = (text.clone(), a.diagnostics.clone());
            if !only_incremental {
                let t = Instant::now();
                let b = analyzer::analyze(&text, &ctx);
                fresh.push(t.elapsed().as_secs_f64() * 1e3);
                assert_eq!(a, b, "incremental and fresh analyses differ");
            }
        }
        println!(
            "  {lines:>5} lines{} {:>7} B, {:>4} findings: fresh {:>7.2} ms, incremental {:>7.2} ms, reply (delta) {:>6.2} ms ({bytes} B JSON)",
            if valid { " (no syntax errors)" } else { "" },
            base.len(),
            first.diagnostics.len(),
            if fresh.is_empty() { f64::NAN } else { median(fresh) },
            median(incr),
            median(json),
        );
    }
}
