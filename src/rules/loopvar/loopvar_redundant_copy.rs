use super::common::{self, whole_line, LoopKind};
use crate::analyzer::Checker;
use crate::declare_rule;
use crate::diagnostic::{Fix, Severity, TextEdit};
use tree_sitter::Node;

declare_rule! {
    /// ## What it does
    /// Finds `v := v` (or `k, v := k, v`) at the top level of a loop body, copying
    /// variables the header declares with `:=`, in a file whose Go version is go1.22 or
    /// later on both sides. Range loops: reported when the copy is the first statement or
    /// is never written afterwards. 3-clause loops: only when the copy is never written or
    /// address-taken afterwards (deleting `i := i` before `i++` would make the write steer
    /// the loop).
    ///
    /// ## Why
    /// From go1.22 each iteration already has its own variable, so the copy does nothing.
    /// Below go1.22 the copy is required: it is never reported there. The file version
    /// decides (go line and `//go:build`), not the toolchain.
    ///
    /// ## How to fix
    /// Delete the line (safe fix).
    ///
    /// ## Example
    /// ```go bad
    /// // gocompat: from=1.22 to=1.23
    /// package main
    ///
    /// func printers(names []string) []func() {
    ///     var fns []func()
    ///     for _, name := range names {
    ///         name := name
    ///         fns = append(fns, func() { println(name) })
    ///     }
    ///     return fns
    /// }
    /// ```
    ///
    /// Use instead:
    /// ```go good
    /// // gocompat: from=1.22 to=1.23
    /// package main
    ///
    /// func printers(names []string) []func() {
    ///     var fns []func()
    ///     for _, name := range names {
    ///         fns = append(fns, func() { println(name) })
    ///     }
    ///     return fns
    /// }
    /// ```
    pub static RULE = {
        id: "loopvar-redundant-copy",
        title: "`v := v` copy of a loop variable is redundant from go1.22",
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
    let v = c.versions;
    if !(v.file_from.version.at_least(22) && v.file_to.version.at_least(22)) {
        return;
    }
    // Only a loop whose body starts statements like `v := v` needs the nest's scan (shared
    // with the other loopvar rules); it reports its own copies.
    if !common::may_have_copy(c, node) {
        return;
    }
    let Some(scan) = common::scan(c, common::nest_root(c, node)) else { return };
    let this = Checker::span(node);
    for l in &scan.loops {
        if l.span != this || !l.declares {
            continue;
        }
        for copy in &l.copies {
            let deletable = match l.kind {
                LoopKind::Range => copy.first || !copy.written,
                _ => !copy.written,
            };
            if !deletable {
                continue;
            }
            let list = copy.names.join(", ");
            let stmt = c.src.get(copy.span.start..copy.span.end).unwrap_or("");
            let message = format!(
                "`{stmt}` is redundant: under {} each iteration already has its own `{list}`",
                v.file_to.version.language()
            );
            let explanation = format!(
                "From go1.22 a variable declared by a `for` header with `:=` is fresh in every iteration, so copying it at the top of the body changes nothing (this file is at {} and {}). Keep the copy while the module still supports go lines below 1.22.",
                v.file_from.describe(),
                v.file_to.describe()
            );
            let same = "redundant: each iteration already has its own variable";
            let mut d = c.diagnostic(copy.span, message, explanation);
            d.sides = c.file_sides(same, same);
            if let Some(line) = whole_line(c.src, copy.span) {
                d.fix = Some(Fix::safe(format!("Delete `{stmt}`"), vec![TextEdit::delete(line)]));
            }
            c.report(d);
        }
    }
}
