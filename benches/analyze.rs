//! `cargo bench --bench analyze`: parse-only and full-analysis time over the Go 1.22
//! standard library tree (`/usr/share/go-1.22/src`, every `.go` file, testdata included),
//! with from=1.22 to=1.22 and go.mod `go 1.22`. Prints total bytes, both times (wall, and
//! process CPU time, which load on a shared machine does not inflate), their ratio (the
//! architecture budget is analysis <= 1.25 x parse) and MB/s. Single-threaded, each
//! phase run `GOCOMPAT_BENCH_ROUNDS` times (default 1), the best round reported.
//! `GOCOMPAT_BENCH_ONLY=parse|walk|full|none` runs one phase alone (`none`: only loading
//! the files), for `perf record` and for `scripts/bench-analyze.sh`, which counts each
//! phase's instructions (a figure the machine's load does not change);
//! `GOCOMPAT_BENCH_EVERY=N` keeps every Nth file (sorted by path) for tools that are slow.
//! Skips with a message when the tree is absent.

#[path = "../tests/support/corpus.rs"]
mod corpus;

use corpus::{go_files, ROOT};
use gocompat::{analyzer, Context, GoVersion};
use std::path::Path;
use std::time::{Duration, Instant};

/// CPU time of this process (user + system) from /proc/self/stat, in seconds; `None` off Linux.
/// The machine running the bench is shared, so wall time swings with load; CPU time does not.
fn cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    let rest = stat.rsplit_once(')')?.1;
    let f: Vec<&str> = rest.split_whitespace().collect();
    let utime: f64 = f.get(11)?.parse().ok()?;
    let stime: f64 = f.get(12)?.parse().ok()?;
    Some((utime + stime) / 100.0) // USER_HZ is 100 on Linux
}

/// Best wall and best CPU time over `rounds` runs of `f`.
fn best(rounds: usize, mut f: impl FnMut() -> usize) -> (Duration, Option<f64>, usize) {
    let mut best = Duration::MAX;
    let mut best_cpu: Option<f64> = None;
    let mut n = 0;
    for _ in 0..rounds {
        let c = cpu_seconds();
        let t = Instant::now();
        n = f();
        best = best.min(t.elapsed());
        if let (Some(a), Some(b)) = (c, cpu_seconds()) {
            best_cpu = Some(best_cpu.map_or(b - a, |x: f64| x.min(b - a)));
        }
    }
    (best, best_cpu, n)
}

/// `GOCOMPAT_BENCH_ONLY=digest`: every finding (rule, span, message, sides, fix: the
/// `Debug` form) over the tree under three version pairs, as a count and a hash per pair, so a
/// speed change can show that it changed no finding (compare the output before and after).
fn digest(files: &[(String, String)]) {
    use std::hash::{Hash, Hasher};
    for (from, to) in [(21, 22), (22, 22), (22, 24)] {
        let mut h = std::collections::hash_map::DefaultHasher::new();
        let mut n = 0;
        for (name, t) in files {
            let ctx = Context {
                go_mod: Some(format!("module std\n\ngo 1.{from}\n")),
                from: Some(GoVersion::lang(from)),
                to: Some(GoVersion::lang(to)),
                file_name: Some(name.clone()),
                ..Context::default()
            };
            let a = analyzer::analyze(t, &ctx);
            n += a.diagnostics.len();
            format!("{name}{:?}{:?}", a.diagnostics, a.notes).hash(&mut h);
        }
        println!("from 1.{from} to 1.{to}: {n} findings, digest {:016x}", h.finish());
    }
}

fn main() {
    let root = Path::new(ROOT);
    if !root.is_dir() {
        println!("analyze bench: {ROOT} not found: skipped");
        return;
    }
    let rounds: usize = std::env::var("GOCOMPAT_BENCH_ROUNDS").ok().and_then(|s| s.parse().ok()).unwrap_or(1).max(1);
    // GOCOMPAT_BENCH_EVERY=N: every Nth file only (a deterministic sample, for slow tools).
    let every: usize = std::env::var("GOCOMPAT_BENCH_EVERY").ok().and_then(|s| s.parse().ok()).unwrap_or(1).max(1);
    let files: Vec<(String, String)> = go_files(root)
        .into_iter()
        .step_by(every)
        .filter_map(|p| {
            let bytes = std::fs::read(&p).ok()?;
            let name = p.file_name()?.to_string_lossy().into_owned();
            Some((name, String::from_utf8_lossy(&bytes).into_owned()))
        })
        .collect();
    let total: usize = files.iter().map(|(_, t)| t.len()).sum();
    let ctx = Context {
        go_mod: Some("module std\n\ngo 1.22\n".into()),
        from: Some(GoVersion::lang(22)),
        to: Some(GoVersion::lang(22)),
        ..Context::default()
    };
    let parse_phase =
        || -> usize { files.iter().map(|(_, t)| analyzer::parse(t).root_node().descendant_count() as usize).sum() };
    // Parse plus one bare TreeCursor walk over every node (what the driver does before any
    // rule runs): separates the walk's cost from the rules'.
    let walk_phase = || -> usize {
        let mut n = 0usize;
        for (_, t) in &files {
            let tree = analyzer::parse(t);
            let mut c = tree.walk();
            'w: loop {
                n += c.node().kind_id() as usize & 1;
                if c.goto_first_child() || c.goto_next_sibling() {
                    continue;
                }
                loop {
                    if !c.goto_parent() {
                        break 'w;
                    }
                    if c.goto_next_sibling() {
                        break;
                    }
                }
            }
        }
        n
    };
    let full_phase = || -> usize {
        files
            .iter()
            .map(|(name, t)| {
                let mut c = ctx.clone();
                c.file_name = Some(name.clone());
                analyzer::analyze(t, &c).diagnostics.len()
            })
            .sum()
    };
    if std::env::var("GOCOMPAT_BENCH_ONLY").as_deref() == Ok("digest") {
        digest(&files);
        return;
    }
    if let Ok(only) = std::env::var("GOCOMPAT_BENCH_ONLY") {
        let phase: &dyn Fn() -> usize = match only.as_str() {
            "parse" => &parse_phase,
            "walk" => &walk_phase,
            "full" => &full_phase,
            "none" => &|| 0,
            other => {
                eprintln!("GOCOMPAT_BENCH_ONLY={other}: expected parse, walk, full or none");
                std::process::exit(2);
            }
        };
        let (wall, cpu, n) = best(rounds, phase);
        println!("{only} only: wall {:.3} s, cpu {:.2} s, result {n}", wall.as_secs_f64(), cpu.unwrap_or(f64::NAN));
        return;
    }
    let (parse, parse_cpu, nodes) = best(rounds, parse_phase);
    let (walk, walk_cpu, _) = best(rounds, walk_phase);
    let (full, full_cpu, findings) = best(rounds, full_phase);
    let mb = total as f64 / 1e6;
    println!("analyze bench over {ROOT} ({} rules, {rounds} round(s), best shown)", gocompat::rules::ALL.len());
    println!("  files                 {}", files.len());
    println!("  total bytes           {total} ({mb:.1} MB)");
    println!("  tree nodes            {nodes}");
    println!("  parse only            wall {:.3} s ({:.1} MB/s)", parse.as_secs_f64(), mb / parse.as_secs_f64());
    println!("  parse + bare walk     wall {:.3} s ({:.1} MB/s)", walk.as_secs_f64(), mb / walk.as_secs_f64());
    println!("  full analysis         wall {:.3} s ({:.1} MB/s)", full.as_secs_f64(), mb / full.as_secs_f64());
    println!("  ratio analysis/parse  wall {:.3}  (budget 1.25)", full.as_secs_f64() / parse.as_secs_f64());
    if let (Some(p), Some(f)) = (parse_cpu, full_cpu) {
        println!("  parse only            cpu  {p:.2} s ({:.1} MB/s)", mb / p);
        if let Some(w) = walk_cpu {
            println!("  parse + bare walk     cpu  {w:.2} s ({:.1} MB/s)", mb / w);
        }
        println!("  full analysis         cpu  {f:.2} s ({:.1} MB/s)", mb / f);
        println!("  ratio analysis/parse  cpu  {:.3}  (budget 1.25)", f / p);
    }
    println!("  findings              {findings}");
}
