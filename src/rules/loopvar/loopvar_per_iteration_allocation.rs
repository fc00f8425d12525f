use super::common::{self, crossing, is_hot, ranges_over_int, AddrKind, LoopKind};
use crate::analyzer::Checker;
use crate::declare_rule;
use crate::diagnostic::Severity;
use crate::span::Span;
use tree_sitter::Node;

declare_rule! {
    /// ## What it does
    /// When a module moves to go1.22, finds loops that look hot — nested in another loop,
    /// or a benchmark loop (`i < b.N`, `b.Loop()`) — whose `:=` variables are captured by a
    /// closure that outlives the iteration or whose address is kept beyond it.
    ///
    /// ## Why
    /// Such a variable becomes one variable per iteration, which may be heap-allocated in
    /// every iteration: "in some cases, an extra allocation will be added … In very hot
    /// loops, this might cause slowdowns" (LoopvarExperiment wiki). Escape analysis often
    /// keeps the copies on the stack; measure before changing anything.
    ///
    /// ## How to fix
    /// Check with `go build -gcflags=-d=loopvar=2` (prints `heap-allocated` or
    /// `stack-allocated` per changed loop) and allocation profiles. If sharing was intended,
    /// declare the variable before the loop.
    ///
    /// ## Example
    /// ```go bad
    /// // gocompat: from=1.21 to=1.22 also=loopvar-address-taken
    /// package main
    ///
    /// func grid(rows, cols int) [][]*int {
    ///     var out [][]*int
    ///     for r := 0; r < rows; r++ {
    ///         var row []*int
    ///         for c := 0; c < cols; c++ {
    ///             row = append(row, &c)
    ///         }
    ///         out = append(out, row)
    ///     }
    ///     return out
    /// }
    /// ```
    ///
    /// Use instead:
    /// ```go good
    /// // gocompat: from=1.21 to=1.22
    /// package main
    ///
    /// func grid(rows, cols int) [][]int {
    ///     var out [][]int
    ///     for r := 0; r < rows; r++ {
    ///         var row []int
    ///         for c := 0; c < cols; c++ {
    ///             row = append(row, c)
    ///         }
    ///         out = append(out, row)
    ///     }
    ///     return out
    /// }
    /// ```
    pub static RULE = {
        id: "loopvar-per-iteration-allocation",
        title: "Captured/address-taken loop variable may now allocate per iteration",
        family: "loopvar",
        severity: Severity::Hint,
        versions: "FV >= 1.22",
        sources: &["https://go.dev/wiki/LoopvarExperiment", "https://go.dev/doc/go1.22#language"],
        kinds: &["for_statement"],
        check_node: Some(check),
        local: true,
    }
}

fn check<'a>(c: &mut Checker<'a>, node: Node<'a>) {
    let Some(x) = crossing(c) else { return };
    if !x.old_is_from {
        return;
    }
    let Some(scan) = common::scan(c, node) else { return };
    let (old_v, new_v) = x.labels(c);
    for (li, l) in scan.declaring_loops() {
        let hot = is_hot(&scan, li) || {
            let mut p = l.parent;
            let mut bench = false;
            while let Some(pi) = p {
                bench |= scan.loops[pi].bench;
                p = scan.loops[pi].parent;
            }
            bench
        };
        if !hot {
            continue;
        }
        let mut names: Vec<&str> = Vec::new();
        for cap in scan.escaping_captures(li) {
            names.push(&l.vars[cap.var].name);
        }
        for u in scan.body_uses(li) {
            // Only `&v` itself: `&v.f` / `&v[i]` may not involve the variable at all.
            if u.addr.is_some_and(|a| a.0 == AddrKind::Direct) && scan.value_escapes(u, l) {
                names.push(&l.vars[u.var].name);
            }
        }
        names.sort();
        names.dedup();
        if names.is_empty() || (l.kind == LoopKind::Range && ranges_over_int(c, l)) {
            continue;
        }
        let list = names.iter().map(|n| format!("`{n}`")).collect::<Vec<_>>().join(", ");
        let why = if l.bench { "benchmark loop" } else { "nested loop" };
        let message = format!(
            "{why} whose {list} outlives the iteration: under {new_v} each iteration gets its own variable, which may be heap-allocated every time (under {old_v} one per loop)"
        );
        let explanation = "Go 1.22 makes loop variables that are captured by a closure or whose address is taken per-iteration. When they escape, each iteration may allocate; in hot loops this can show up in allocation profiles. Measure with `go build -gcflags=-d=loopvar=2` (prints heap-allocated or stack-allocated per loop) before changing code; if sharing one variable was intended, declare it before the loop.";
        let mut d = c.diagnostic(Span::new(l.keyword.start, l.header.end.max(l.keyword.end)), message, explanation);
        d.sides = x.sides(
            c,
            "one variable for the whole loop",
            "one variable per iteration (may be heap-allocated each time)",
        );
        c.report(d);
    }
}
