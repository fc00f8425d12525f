//! Pattern as in x/tools gopls/internal/analysis/modernize `minmax` (rules.md §J; peer-analyzers.md):
//! if/else assigning the smaller or larger operand, and the `x := b; if a < b { x = a }` form.
//! Floating-point operands are not equivalent (NaN, -0.0), so the fix is offered as unsafe.
use crate::analyzer::Checker;
use crate::analyzer::NodeExt;
use crate::declare_rule;
use crate::diagnostic::{Fix, Severity, TextEdit};
use crate::span::Span;
use tree_sitter::Node;

declare_rule! {
    /// ## What it does
    /// Finds `if a < b { x = a } else { x = b }` (and `x := b; if a < b { x = a }`) in files at
    /// go1.21 or later, which the builtins `min` and `max` express directly.
    ///
    /// ## Why
    /// Go 1.21 added the builtins `min` and `max`. They are shorter and clearer. For integers
    /// and strings they are equivalent; for floating-point values they are not (a NaN operand
    /// makes `min`/`max` return NaN), which is why gopls' modernizer skips floats.
    ///
    /// ## How to fix
    /// `x = min(a, b)`.
    ///
    /// ## Example
    /// ```go bad
    /// // gocompat: from=1.21 to=1.22
    /// package main
    ///
    /// func clamp(a, b int) int {
    ///     var x int
    ///     if a < b {
    ///         x = a
    ///     } else {
    ///         x = b
    ///     }
    ///     return x
    /// }
    /// ```
    ///
    /// Use instead:
    /// ```go good
    /// // gocompat: from=1.21 to=1.22
    /// package main
    ///
    /// func clamp(a, b int) int {
    ///     x := min(a, b)
    ///     return x
    /// }
    /// ```
    pub static RULE = {
        id: "modernize-minmax-builtins",
        title: "if/else min/max can use the builtins",
        family: "stdlib",
        severity: Severity::Hint,
        versions: "FV >= 1.21",
        sources: &["https://go.dev/doc/go1.21#language", "https://pkg.go.dev/golang.org/x/tools/gopls/internal/analysis/modernize"],
        kinds: &["if_statement"],
        check_node: Some(check),
        local: true,
    }
}

/// The single statement of a block (comments aside), if it has exactly one.
fn only_statement(block: Node) -> Option<Node> {
    let mut cur = block.walk();
    let list = block.named_children(&mut cur).find(|n| n.kind_str() == "statement_list")?;
    let mut cur2 = list.walk();
    let stmts: Vec<Node> = list.named_children(&mut cur2).filter(|n| n.kind_str() != "comment").collect();
    match stmts.as_slice() {
        [one] => Some(*one),
        _ => None,
    }
}

/// `x = v` with one operand on each side: (x, v) texts.
fn simple_assign<'a>(c: &Checker<'a>, stmt: Node<'a>, ops: &[&str]) -> Option<(&'a str, &'a str)> {
    if !matches!(stmt.kind_str(), "assignment_statement" | "short_var_declaration") {
        return None;
    }
    let op = stmt.field("operator").map(|o| c.text(o));
    let op = op.or_else(|| {
        let mut cur = stmt.walk();
        let found = stmt.children(&mut cur).find(|k| !k.is_named()).map(|k| c.text(k));
        found
    })?;
    if !ops.contains(&op) {
        return None;
    }
    let left = stmt.field("left")?;
    let right = stmt.field("right")?;
    if left.named_child_count() != 1 || right.named_child_count() != 1 {
        return None;
    }
    Some((c.text(left.named_child(0)?), c.text(right.named_child(0)?)))
}

/// A plain operand we can repeat in `min(a, b)` without changing evaluation.
fn plain(n: Node) -> bool {
    matches!(n.kind_str(), "identifier" | "int_literal" | "selector_expression" | "interpreted_string_literal")
}

fn check<'a>(c: &mut Checker<'a>, stmt: Node<'a>) {
    let [from, to] = c.versions.file_sides();
    if !to.version.at_least(21) || stmt.field("initializer").is_some() {
        return;
    }
    let Some(cond) = stmt.field("condition").filter(|n| n.kind_str() == "binary_expression") else {
        return;
    };
    // The operator first: most conditions (`err != nil`) stop here, before two more lookups.
    let Some(op) = cond.field("operator").map(|o| c.text(o)) else { return };
    if !matches!(op, "<" | "<=" | ">" | ">=") {
        return;
    }
    let (Some(l), Some(r)) = (cond.field("left"), cond.field("right")) else { return };
    if !plain(l) || !plain(r) {
        return;
    }
    let (lt, rt) = (c.text(l), c.text(r));
    if lt == rt || l.kind_str() == "interpreted_string_literal" && r.kind_str() == "interpreted_string_literal" {
        return;
    }
    let Some(then) = stmt.field("consequence").and_then(only_statement) else { return };
    let Some((x, then_val)) = simple_assign(c, then, &["="]) else { return };
    if x == lt || x == rt {
        return;
    }
    // (the statements replaced, the assigned value in the "true" branch, the other value, decl op)
    let (span_start, other, decl) = match stmt.field("alternative") {
        Some(alt) => {
            if alt.kind_str() != "block" {
                return;
            }
            let Some(e) = only_statement(alt) else { return };
            let Some((x2, else_val)) = simple_assign(c, e, &["="]) else { return };
            if x2 != x {
                return;
            }
            (stmt.start_byte(), else_val, "=")
        }
        None => {
            // x := b (or x = b) just before: `x := b; if a < b { x = a }`
            let mut prev = stmt.prev_named_sibling();
            while let Some(p) = prev.filter(|p| p.kind_str() == "comment") {
                prev = p.prev_named_sibling();
            }
            let Some(prev) = prev else { return };
            let Some((x0, init)) = simple_assign(c, prev, &["=", ":="]) else { return };
            if x0 != x {
                return;
            }
            let op0 = if prev.kind_str() == "short_var_declaration" { ":=" } else { "=" };
            (prev.start_byte(), init, op0)
        }
    };
    let picks_left = if then_val == lt && other == rt {
        true
    } else if then_val == rt && other == lt {
        false
    } else {
        return;
    };
    // a < b picking a is min; a > b picking a is max.
    let func = match (op.starts_with('<'), picks_left) {
        (true, true) | (false, false) => "min",
        _ => "max",
    };
    if c.declares_top_level(func) {
        return;
    }
    let replacement = format!("{x} {decl} {func}({lt}, {rt})");
    let message = format!("this if statement computes {x} {decl} {func}({lt}, {rt}); use the builtin {func} (Go 1.21)");
    let explanation = format!(
        "Go 1.21 added the builtins min and max. {x} {decl} {func}({lt}, {rt}) says the same for integers and strings. For floating-point operands it is not the same: {func} returns NaN if either operand is NaN and treats -0.0 as less than 0.0, while the comparison treats them as equal."
    );
    let mut d = c.diagnostic(Checker::span(stmt), message, explanation);
    d.sides = c.file_sides(
        if from.version.at_least(21) { "builtin available" } else { "builtin min/max not available before go1.21" },
        "builtin available",
    );
    let edit = TextEdit::replace(Span::new(span_start, stmt.end_byte()), replacement.clone());
    d.fix = Some(Fix::unsafe_(
        format!("Replace with `{replacement}`"),
        "differs for floating-point operands (NaN, -0.0); the operand types are not visible to a syntax-only check",
        vec![edit],
    ));
    c.report(d);
}
