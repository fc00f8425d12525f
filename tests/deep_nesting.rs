//! Pathological nesting: the analysis completes, says what it skipped, and a deep chain of
//! `range n` loops (each needing identifier resolution upward) no longer costs O(depth²) per
//! loop. Timings live in benches; these tests assert behaviour.
use gocompat::{analyze, Context, GoVersion};

fn ctx() -> Context {
    Context { from: Some(GoVersion::lang(21)), ..Context::default() }
}

#[test]
fn deep_range_loops_are_resolved_through_the_walk_stack() {
    let n = 150;
    let mut s = String::from("package main\n\nfunc f(n int) {\n");
    for i in 0..n {
        s.push_str(&format!("for i{i} := range n {{\n"));
    }
    s.push_str("println(0)\n");
    s.push_str(&"}\n".repeat(n));
    s.push_str("}\n");
    let a = analyze(&s, &ctx());
    let found = a.diagnostics.iter().filter(|d| d.rule == "range-over-int-requires-go122").count();
    assert_eq!(found, n, "every loop's `n` resolves to the int parameter");
}

#[test]
fn nesting_past_the_rule_depth_is_said_in_a_note() {
    let src = format!("package main\n\nvar x = {}1{}\n", "(".repeat(100_000), ")".repeat(100_000));
    let a = analyze(&src, &ctx());
    assert!(a.notes.iter().any(|n| n.contains("nests deeper than")), "{:?}", a.notes);
    let blocks = format!("package main\n\nfunc main() {}{}\n", "{".repeat(50_000), "}".repeat(50_000));
    let b = analyze(&blocks, &ctx());
    assert!(b.notes.iter().any(|n| n.contains("nests deeper than")), "{:?}", b.notes);
}
