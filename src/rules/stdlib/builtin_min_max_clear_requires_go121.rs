//! Messages verified (GOTOOLCHAIN=local, private HOME/GOCACHE): module `go 1.20`,
//! `/usr/lib/go-1.23/bin/go build` → `built-in min requires go1.21 or later (-lang was set to
//! go1.20; check go.mod)`, `built-in max requires …`, `clear requires go1.21 or later (-lang was
//! set to go1.20; check go.mod)`; go1.22.12 and go1.21.13 say `min requires …` / `max requires …`
//! (no "built-in"). Module `go 1.21` + `//go:build go1.20` with go1.22.12: `min requires go1.21
//! or later (file declares //go:build go1.20)` (Go 1.23+ raise such a file to go1.21).
use super::resolve::{child, fld};
use crate::analyzer::Checker;
use crate::analyzer::NodeExt;
use crate::declare_rule;
use crate::diagnostic::Severity;
use tree_sitter::Node;

declare_rule! {
    /// ## What it does
    /// Finds calls of the builtins `min`, `max` and `clear` in a file whose Go version is
    /// below go1.21, unless the file declares its own function or variable of that name.
    ///
    /// ## Why
    /// The three builtins are a Go 1.21 language change. With an older go line the compiler
    /// rejects the call ("built-in min requires go1.21 or later").
    ///
    /// ## How to fix
    /// Raise the go.mod `go` line to 1.21 or later, or use a local helper.
    ///
    /// ## Example
    /// ```go bad
    /// // gocompat: from=1.20 to=1.20
    /// package main
    ///
    /// func smaller(a, b int) int {
    ///     return min(a, b)
    /// }
    /// ```
    ///
    /// Use instead:
    /// ```go good
    /// // gocompat: from=1.20 to=1.20
    /// package main
    ///
    /// func smaller(a, b int) int {
    ///     if a < b {
    ///         return a
    ///     }
    ///     return b
    /// }
    /// ```
    pub static RULE = {
        id: "builtin-min-max-clear-requires-go121",
        title: "`min`, `max`, `clear` builtins need go1.21",
        family: "stdlib",
        severity: Severity::Error,
        versions: "FV < 1.21",
        sources: &["https://go.dev/doc/go1.21#language", "https://go.dev/ref/spec#Min_and_max"],
        kinds: &["call_expression"],
        check_node: Some(check),
        local: true,
    }
}

/// Whether `top` contains the identifier `name` other than as the function of a call — a
/// declaration (`min := …`, `var min`, a parameter `min int`) or a value use, which means a
/// local `min` shadows the builtin. Comments and strings are not identifiers.
fn mentions_not_as_call(c: &Checker, top: Node, name: &str) -> bool {
    let mut cursor = top.walk();
    loop {
        let n = cursor.node();
        if n.kind_str() == "identifier" && c.text(n) == name {
            let is_callee =
                n.parent().is_some_and(|p| p.kind_str() == "call_expression" && child(p, &fld::FUNCTION) == Some(n));
            if !is_callee {
                return true;
            }
        }
        if cursor.goto_first_child() || cursor.goto_next_sibling() {
            continue;
        }
        loop {
            if !cursor.goto_parent() || cursor.node() == top {
                return false;
            }
            if cursor.goto_next_sibling() {
                break;
            }
        }
    }
}

fn check<'a>(c: &mut Checker<'a>, call: Node<'a>) {
    let Some(name) = c.callee(call).and_then(|f| f.ident) else { return };
    if !matches!(name, "min" | "max" | "clear") {
        return;
    }
    let [from, to] = c.versions.file_sides();
    let fails = [!from.version.at_least(21), !to.version.at_least(21)];
    if !fails[0] && !fails[1] {
        return;
    }
    if c.declares_top_level(name) {
        return;
    }
    // A local declaration (`max := 0`, a parameter `max int`) in the enclosing top-level
    // declaration shadows the builtin: prefer no finding.
    let mut top = call;
    while let Some(p) = top.parent() {
        if p.parent().is_none() {
            break;
        }
        top = p;
    }
    if mentions_not_as_call(c, top, name) {
        return;
    }
    let failing = if fails[0] { from } else { to };
    let fv = failing.version.language();
    let prefix = if name != "clear" && c.versions.toolchain.version.at_least(23) { "built-in " } else { "" };
    let why = if failing.source.starts_with("//go:build") {
        format!("(file declares //go:build {fv})")
    } else {
        format!("(-lang was set to {fv}; check go.mod)")
    };
    let message = format!("{prefix}{name} requires go1.21 or later {why}");
    let explanation = format!(
        "The builtins min, max and clear were added to the language in Go 1.21. The file's Go version is {}, so the compiler rejects this call. Raise the go.mod `go` line to 1.21 or later, or use a local helper function.",
        failing.describe()
    );
    let bad = format!("compile error: {name} requires go1.21");
    let ok = format!("compiles: the builtin {name}");
    let mut d = c.diagnostic(Checker::span(call), message, explanation);
    d.sides = c.file_sides(if fails[0] { &bad } else { &ok }, if fails[1] { &bad } else { &ok });
    c.report(d);
}
