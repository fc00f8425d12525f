use super::common::{self, describe, AddrKind, LoopKind};
use crate::analyzer::{Checker, NodeExt};
use crate::declare_rule;
use crate::diagnostic::Severity;
use tree_sitter::Node;

declare_rule! {
    /// ## What it does
    /// Finds loops whose header assigns variables declared elsewhere (`for i = 0; …; i++`,
    /// `for k, v = range m`, `for ; i < n; i++`) when a closure that outlives the iteration
    /// reads one of them, or `&v` of one is kept beyond the iteration.
    ///
    /// ## Why
    /// Go 1.22's per-iteration variables apply only to variables declared by the header
    /// with `:=`. Here the variable is shared under every go line, so the closures usually
    /// see its last value. After moving to go1.22 the bug stays, but `go vet`'s
    /// loopclosure check skips go1.22+ files (and golangci-lint disables it for go1.22+
    /// projects), so it is no longer reported.
    ///
    /// ## How to fix
    /// Declare the variable in the header (`for i := 0; …`) or copy it at the top of the body.
    ///
    /// ## Example
    /// ```go bad
    /// // gocompat: from=1.22 to=1.22
    /// package main
    ///
    /// func makeAll() []func() int {
    ///     var i int
    ///     var fns []func() int
    ///     for i = 0; i < 3; i++ {
    ///         fns = append(fns, func() int { return i })
    ///     }
    ///     return fns
    /// }
    /// ```
    ///
    /// Use instead:
    /// ```go good
    /// // gocompat: from=1.22 to=1.22 also=range-over-int-modernize
    /// package main
    ///
    /// func makeAll() []func() int {
    ///     var fns []func() int
    ///     for i := 0; i < 3; i++ {
    ///         fns = append(fns, func() int { return i })
    ///     }
    ///     return fns
    /// }
    /// ```
    pub static RULE = {
        id: "loopvar-header-assign-not-fixed",
        title: "Loop header uses `=` (variables declared outside) — Go 1.22 does not help",
        family: "loopvar",
        severity: Severity::LatentBug,
        versions: "any FV",
        sources: &[
            "https://go.dev/doc/go1.22#language",
            "https://go.dev/wiki/LoopvarExperiment",
            "https://pkg.go.dev/golang.org/x/tools/go/analysis/passes/loopclosure",
        ],
        kinds: &["for_statement"],
        check_node: Some(check),
        local: true,
    }
}

/// Whether the header of `for_stmt` may assign without declaring (a superset of the loops
/// the scan records with `declares == false` and variables): a range clause without `:=`,
/// or a three-clause header whose initializer is not a `:=` declaration.
fn may_assign(for_stmt: Node) -> bool {
    let mut cur = for_stmt.walk();
    let header =
        for_stmt.named_children(&mut cur).find(|n| n.kind_str() == "range_clause" || n.kind_str() == "for_clause");
    match header {
        Some(h) if h.kind_str() == "range_clause" => {
            let mut cur = h.walk();
            let declares = h.children(&mut cur).any(|k| k.kind_str() == ":=");
            !declares
        }
        Some(h) => h.field("initializer").is_none_or(|i| i.kind_str() != "short_var_declaration"),
        None => false,
    }
}

/// Called for every `for` statement; only a loop whose header may assign needs its nest
/// scanned (the scan of the outermost loop, shared with the other loopvar rules), and it
/// reports the findings of that loop alone. Most loops declare with `:=` and cost nothing.
fn check<'a>(c: &mut Checker<'a>, node: Node<'a>) {
    if !may_assign(node) {
        return;
    }
    let Some(scan) = common::scan(c, common::nest_root(c, node)) else { return };
    let this = Checker::span(node);
    for (li, l) in scan.loops.iter().enumerate() {
        if l.span != this || l.declares || l.vars.is_empty() || l.kind == LoopKind::Other {
            continue;
        }
        let mut found = Vec::new();
        for cap in scan.escaping_captures(li) {
            if !cap.read {
                continue;
            }
            let Some(esc) = scan.closures.get(cap.closure).and_then(|cl| cl.esc.clone()) else { continue };
            let (what, all) = describe(esc.kind);
            found.push((cap.first, cap.var, format!("{what} reads"), all.to_string()));
        }
        for u in scan.body_uses(li) {
            if u.addr.is_some_and(|(k, _)| k == AddrKind::Direct)
                && scan.value_escapes(u, l)
                && scan.escaping_closure(u, l).is_none()
            {
                found.push((u.addr.map(|a| a.1).unwrap_or(u.span), u.var, "`&` of".into(), "all such pointers".into()));
            }
        }
        let vet_note = if c.versions.file_from.version.at_least(22) || c.versions.file_to.version.at_least(22) {
            " go vet's loopclosure check skips files at go1.22 or later, so it no longer reports this."
        } else {
            ""
        };
        for (span, var, what, all) in found {
            let Some(v) = l.vars.get(var) else { continue };
            let name = &v.name;
            let shared = format!("{all} share one `{name}` and usually see its last value");
            let message = format!("{what} `{name}`, which the loop header assigns with `=`: under every go line {shared}; go1.22's per-iteration variables apply only to `:=` headers");
            let explanation = format!(
                "`{name}` is declared outside the loop and only assigned by its header, so the loop has no variable of its own: the Go 1.22 change does not apply (\"a complete no-op for loops with no `:=` in the loop header\").{vet_note} Declare the variable in the header (`for {name} := …`) if it is not needed after the loop, or copy it at the top of the body."
            );
            let mut d = c.diagnostic(span, message, explanation);
            d.sides = c.file_sides(&shared, &shared);
            if !scan.body_writes(li, var) {
                d.fix = common::copy_fix(
                    c,
                    &scan,
                    li,
                    var,
                    name,
                    "each closure or pointer then sees its own iteration's value instead of the shared variable",
                );
            }
            c.report(d);
        }
    }
}
