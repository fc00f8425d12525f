use super::common;
use crate::analyzer::Checker;
use crate::declare_rule;
use crate::diagnostic::Severity;
use tree_sitter::Node;

declare_rule! {
    /// ## What it does
    /// Finds `p = &i` in a 3-clause loop (`for i := 0; …; i++`) where `p` is declared
    /// before the loop and named again after it.
    ///
    /// ## Why
    /// Before Go 1.22 `p` points to the one loop variable, which the final post statement
    /// has already advanced (typically to the loop bound). From go1.22 the post statement
    /// runs on a fresh copy, so the last iteration's variable keeps the last value the body
    /// saw. When the loop ends with `break` the post statement does not run and both agree.
    /// (Naming `i` itself after the loop is a compile error in every version.)
    ///
    /// ## How to fix
    /// Keep the value, not the address: `last = i` into an `int` declared before the loop.
    ///
    /// ## Example
    /// ```go bad
    /// // gocompat: from=1.21 to=1.22
    /// package main
    ///
    /// func lastIndex(n int) int {
    ///     var last *int
    ///     for i := 0; i < n; i++ {
    ///         last = &i
    ///     }
    ///     return *last
    /// }
    /// ```
    ///
    /// Use instead:
    /// ```go good
    /// // gocompat: from=1.21 to=1.22
    /// package main
    ///
    /// func lastIndex(n int) int {
    ///     last := -1
    ///     for i := 0; i < n; i++ {
    ///         last = i
    ///     }
    ///     return last
    /// }
    /// ```
    pub static RULE = {
        id: "loopvar-pointer-outlives-loop",
        title: "Pointer to a 3-clause loop variable read after the loop",
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
        for u in scan.body_uses(li) {
            if !scan.pointer_outlives(c, u) {
                continue;
            }
            let (Some((_, span)), Some(target)) = (u.addr, u.esc.as_ref().and_then(|e| e.target.clone())) else {
                continue;
            };
            let Some(var) = l.vars.get(u.var) else { continue };
            let name = &var.name;
            let old = format!("`{target}` points to the one shared `{name}`, which the final post statement has already advanced (the value that ended the loop)");
            let new = format!(
                "`{target}` points to the last iteration's own `{name}`, which keeps the last value the body saw"
            );
            let has_break = l.body.is_some_and(|b| {
                common::word_positions(c.src.get(b.start..b.end).unwrap_or(""), "break").next().is_some()
            });
            let message = if has_break {
                format!("possible: `{target}` keeps `&{name}` and is used after the loop; if the loop ends through its condition (not `break`), under {old_v} {old}; under {new_v} {new}")
            } else {
                format!(
                    "`{target}` keeps `&{name}` and is used after the loop: under {old_v} {old}; under {new_v} {new}"
                )
            };
            let explanation = format!(
                "From go1.22 each iteration of a 3-clause loop has its own `{name}`, and the post statement runs on the next iteration's fresh copy. A pointer taken in the last iteration therefore no longer sees the post statement's final update. If the loop always ends with `break`, the post statement does not run and both go lines agree. Keep the value instead of the address (`{target} = {name}` into a plain variable)."
            );
            c.report(x.diagnostic(c, span, message, explanation, &old, &new));
        }
    }
}
