//! `cargo bench --bench scaling`: whether analysis time grows linearly with the size of a
//! file whose parts refer to each other (not a budget, a guard against quadratic lookups).
//! A generated routes file of N handlers: a package-level `var mux = http.NewServeMux()`,
//! N top-level handler functions, N package-level slices, and one `register()` with N
//! `mux.HandleFunc` calls and N `range` loops over those slices; every registration and
//! range resolves a name at file scope. Prints the best wall time of 5 runs at N and 10N and
//! the ratio of the two per byte (1.0 = linear).

use gocompat::{analyzer, Context, GoVersion};
use std::time::{Duration, Instant};

fn routes_file(n: usize) -> String {
    let mut s = String::from("package main\n\nimport \"net/http\"\n\nvar mux = http.NewServeMux()\n\n");
    for i in 0..n {
        s.push_str(&format!("var items{i} = []int{{{i}, {}}}\n\n", i + 1));
        s.push_str(&format!(
            "func handle{i}(w http.ResponseWriter, r *http.Request) {{\n\tw.Write([]byte(\"{i}\"))\n}}\n\n"
        ));
    }
    s.push_str("func register() {\n");
    for i in 0..n {
        s.push_str(&format!("\tmux.HandleFunc(\"GET /items/{i}/{{id}}\", handle{i})\n"));
        s.push_str(&format!("\tfor _, v := range items{i} {{\n\t\tgo func() {{ _ = v }}()\n\t}}\n"));
    }
    s.push_str("}\n\nfunc main() {\n\tregister()\n\thttp.ListenAndServe(\":8080\", mux)\n}\n");
    s
}

fn best(text: &str, ctx: &Context) -> (Duration, usize) {
    let mut best = Duration::MAX;
    let mut n = 0;
    for _ in 0..5 {
        let t = Instant::now();
        n = analyzer::analyze(text, ctx).diagnostics.len();
        best = best.min(t.elapsed());
    }
    (best, n)
}

fn main() {
    let ctx = Context { from: Some(GoVersion::lang(21)), to: Some(GoVersion::lang(22)), ..Default::default() };
    // GOCOMPAT_SCALING_N=n: one analysis of the file for n handlers (for a profiler).
    if let Some(n) = std::env::var("GOCOMPAT_SCALING_N").ok().and_then(|v| v.parse().ok()) {
        let t = Instant::now();
        let found = analyzer::analyze(&routes_file(n), &ctx).diagnostics.len();
        println!("N={n}: {:.2} ms, {found} findings", t.elapsed().as_secs_f64() * 1e3);
        return;
    }
    let small = routes_file(300);
    let large = routes_file(3000);
    let (ts, ns) = best(&small, &ctx);
    let (tl, nl) = best(&large, &ctx);
    let per_byte = |t: Duration, s: &str| t.as_secs_f64() / s.len() as f64;
    println!("scaling bench: generated routes file (handlers, registrations, ranges resolved at file scope)");
    println!(
        "  N=300   {:>8} B  {:>4} lines  {:>8.2} ms  {ns} findings",
        small.len(),
        small.lines().count(),
        ts.as_secs_f64() * 1e3
    );
    println!(
        "  N=3000  {:>8} B  {:>4} lines  {:>8.2} ms  {nl} findings",
        large.len(),
        large.lines().count(),
        tl.as_secs_f64() * 1e3
    );
    println!("  time per byte, 10N / N: {:.2} (1.0 = linear)", per_byte(tl, &large) / per_byte(ts, &small));
}
