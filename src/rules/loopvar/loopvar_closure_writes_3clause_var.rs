use super::common::{self, describe, LoopKind};
use crate::analyzer::Checker;
use crate::declare_rule;
use crate::diagnostic::Severity;
use tree_sitter::Node;

declare_rule! {
    /// ## What it does
    /// Finds closures that assign to (or increment) the variable of a 3-clause loop
    /// (`for i := 0; …; i++`) and outlive the iteration (the same escape test as
    /// loopvar-closure-capture). A closure called during its own iteration is not reported:
    /// its writes still steer the loop under both semantics.
    ///
    /// ## Why
    /// Before Go 1.22 a stored closure writes the one loop counter: calling it later changes
    /// what the other closures see (and, during the loop, how the loop proceeds). From go1.22
    /// the closure owns its iteration's copy; after that iteration ends, its writes affect
    /// neither the loop nor the other closures.
    ///
    /// ## How to fix
    /// If sharing is intended, declare the counter before the loop
    /// (`i := 0; for ; i < n; i++ {…}`); otherwise keep per-closure state explicitly.
    ///
    /// ## Example
    /// ```go bad
    /// // gocompat: from=1.21 to=1.22
    /// package main
    ///
    /// func counters() []func() int {
    ///     var bump []func() int
    ///     for i := 0; i < 3; i++ {
    ///         bump = append(bump, func() int { i += 10; return i })
    ///     }
    ///     return bump
    /// }
    /// ```
    ///
    /// Use instead:
    /// ```go good
    /// // gocompat: from=1.21 to=1.22
    /// package main
    ///
    /// func counters() []func() int {
    ///     var bump []func() int
    ///     for i := 0; i < 3; i++ {
    ///         n := i
    ///         bump = append(bump, func() int { n += 10; return n })
    ///     }
    ///     return bump
    /// }
    /// ```
    pub static RULE = {
        id: "loopvar-closure-writes-3clause-var",
        title: "Escaping closure assigns to a 3-clause loop variable",
        family: "loopvar",
        severity: Severity::BehaviorChange,
        versions: "FV < 1.22 vs FV >= 1.22",
        sources: &["https://go.dev/ref/spec#For_clause", "https://go.dev/doc/go1.22#language"],
        kinds: &["for_statement"],
        check_node: Some(check),
        local: true,
    }
}

fn check<'a>(c: &mut Checker<'a>, node: Node<'a>) {
    let Some((x, scan, old_v, new_v)) = common::start(c, node) else { return };
    for (li, l) in scan.loops.iter().enumerate() {
        if l.kind != LoopKind::ThreeClause || !l.declares {
            continue;
        }
        for cap in scan.escaping_captures(li) {
            if !cap.write {
                continue;
            }
            let Some(esc) = scan.closures.get(cap.closure).and_then(|cl| cl.esc.clone()) else { continue };
            let Some(var) = l.vars.get(cap.var) else { continue };
            let name = &var.name;
            let (what, all) = describe(esc.kind);
            let old = format!("{all} write the one loop variable `{name}`: each sees the others' writes, and writes made during the loop change how it proceeds");
            let new = format!("after its iteration each closure writes its own copy of `{name}`, which no longer affects the loop or the other closures");
            let message = format!("{what} assigns to loop variable `{name}`: under {old_v} {old}; under {new_v} {new}");
            let explanation = format!(
                "Go 1.22 gives each iteration of a 3-clause loop its own `{name}`, copied into the next iteration's variable before the post statement runs. Writes made during an iteration still steer the loop, but a closure that outlives its iteration keeps writing a variable the loop no longer uses. Under {old_v} the closures share one counter. If sharing is intended, declare `{name}` before the loop; otherwise give each closure its own variable."
            );
            c.report(x.diagnostic(c, cap.first, message, explanation, &old, &new));
        }
    }
}
