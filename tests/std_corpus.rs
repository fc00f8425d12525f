//! The analyzer over every `.go` file of the Go 1.22 standard library tree
//! (`/usr/share/go-1.22/src`, testdata included: some files there are invalid on purpose,
//! which is fine as long as nothing panics), with from=1.22 to=1.22 and go.mod `go 1.22`.
//!
//! Asserts: no panic (each file runs under `catch_unwind`; the failing files are named).
//! Prints: per-rule finding counts and 3 sample findings per rule (`file:line: message`)
//! so false positives can be inspected. Skips with a message when the tree is absent.
//!
//! Files are spread over the available cores (scoped threads) so the run stays short.

mod support;

use gocompat::{analyzer, Context, GoVersion, LineIndex};
use std::collections::BTreeMap;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use support::corpus::{go_files, ROOT};

#[derive(Default)]
struct Totals {
    files: usize,
    bytes: usize,
    /// Findings per rule: (outside testdata, inside testdata).
    counts: BTreeMap<String, (usize, usize)>,
    /// Up to 3 samples per rule from outside testdata, then up to 3 from inside.
    samples: BTreeMap<String, (Vec<String>, Vec<String>)>,
    panics: Vec<String>,
}

#[test]
fn std_corpus_analyzes_without_panics() {
    let root = Path::new(ROOT);
    if !root.is_dir() {
        println!("std_corpus: {ROOT} not found: skipped");
        return;
    }
    let files = go_files(root);
    let ctx_base = Context {
        go_mod: Some("module std\n\ngo 1.22\n".into()),
        from: Some(GoVersion::lang(22)),
        to: Some(GoVersion::lang(22)),
        ..Context::default()
    };
    // Silence the default panic message per file; panics are collected and reported below.
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(|_| {}));
    let start = std::time::Instant::now();
    let next = AtomicUsize::new(0);
    let totals = Mutex::new(Totals::default());
    let threads = std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1).clamp(1, 4);
    std::thread::scope(|s| {
        for _ in 0..threads {
            s.spawn(|| {
                let mut local = Totals::default();
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(path) = files.get(i) else { break };
                    let rel = path.strip_prefix(root).unwrap_or(path).display().to_string();
                    let Ok(bytes) = std::fs::read(path) else { continue };
                    local.files += 1;
                    local.bytes += bytes.len();
                    let mut ctx = ctx_base.clone();
                    ctx.file_name = path.file_name().map(|n| n.to_string_lossy().into_owned());
                    match catch_unwind(AssertUnwindSafe(|| analyzer::analyze_bytes(&bytes, &ctx))) {
                        Err(e) => {
                            let msg = e
                                .downcast_ref::<String>()
                                .cloned()
                                .or_else(|| e.downcast_ref::<&str>().map(|s| s.to_string()))
                                .unwrap_or_default();
                            local.panics.push(format!("{rel}: {msg}"));
                        }
                        Ok((text, a)) => {
                            if a.diagnostics.is_empty() {
                                continue;
                            }
                            let idx = LineIndex::new(&text);
                            let testdata = rel.contains("testdata/");
                            for d in &a.diagnostics {
                                let c = local.counts.entry(d.rule.clone()).or_default();
                                let s = local.samples.entry(d.rule.clone()).or_default();
                                let (n, samples) = if testdata { (&mut c.1, &mut s.1) } else { (&mut c.0, &mut s.0) };
                                *n += 1;
                                if samples.len() < 3 {
                                    let line = idx.position(&text, d.span.start).line;
                                    samples.push(format!("{rel}:{line}: {}", d.message));
                                }
                            }
                        }
                    }
                }
                let mut t = totals.lock().unwrap_or_else(|e| e.into_inner());
                t.files += local.files;
                t.bytes += local.bytes;
                t.panics.extend(local.panics);
                for (k, (a, b)) in local.counts {
                    let c = t.counts.entry(k).or_default();
                    c.0 += a;
                    c.1 += b;
                }
                for (k, (a, b)) in local.samples {
                    let s = t.samples.entry(k).or_default();
                    s.0.extend(a);
                    s.1.extend(b);
                }
            });
        }
    });
    std::panic::set_hook(hook);
    let t = totals.into_inner().unwrap_or_else(|e| e.into_inner());
    println!(
        "std_corpus: {} files, {:.1} MB in {:.2?} ({threads} threads)",
        t.files,
        t.bytes as f64 / 1e6,
        start.elapsed()
    );
    let rules = gocompat::rules::ALL.len();
    println!("std_corpus: {rules} rules; findings per rule (total = outside testdata + in testdata):");
    for (rule, (outside, inside)) in &t.counts {
        println!("  {rule:<45} {} = {outside} + {inside}", outside + inside);
        // Samples outside testdata first: those are the likely false positives.
        let (mut a, mut b) = t.samples[rule].clone();
        a.sort();
        b.sort();
        for s in a.iter().chain(b.iter()).take(3) {
            println!("      {s}");
        }
    }
    if t.counts.is_empty() {
        println!("  (no findings)");
    }
    let mut panics = t.panics;
    panics.sort();
    assert!(panics.is_empty(), "the analyzer panicked on {} files:\n{}", panics.len(), panics.join("\n"));
}
