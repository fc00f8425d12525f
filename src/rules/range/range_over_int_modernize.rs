use super::int_evidence::int_evidence;
use crate::analyzer::Checker;
use crate::declare_rule;
use crate::diagnostic::{Fix, Severity, TextEdit};
use crate::rules::mux::registrations::resolve;
use tree_sitter::Node;

declare_rule! {
    /// ## What it does
    /// Finds counting loops `for i := 0; i < n; i++` that can be written `for i := range n`
    /// (or `for range n` when `i` is not used) in a file whose Go version is go1.22 or later
    /// on both sides of the chosen versions.
    ///
    /// ## Why
    /// Range over an integer (Go 1.22) says "n times" directly. The rewrite is only
    /// equivalent when the body never assigns, increments or takes the address of `i`
    /// (a range loop ignores such writes), and `n` is loop-invariant (range evaluates it
    /// once, a three-clause loop on every iteration): a constant, or a local variable —
    /// or `len` of a local slice, array or string — that the body does not assign or take
    /// the address of. The finding is only made, and the fix only offered, when all of this
    /// is visible in the code; `n` must visibly be an integer.
    ///
    /// ## Example
    /// ```go bad
    /// // gocompat: from=1.22 to=1.22
    /// package main
    ///
    /// func main() {
    ///     items := []string{"a", "b"}
    ///     for i := 0; i < len(items); i++ {
    ///         println(i, items[i])
    ///     }
    /// }
    /// ```
    ///
    /// Use instead:
    /// ```go good
    /// // gocompat: from=1.22 to=1.22
    /// package main
    ///
    /// func main() {
    ///     items := []string{"a", "b"}
    ///     for i := range len(items) {
    ///         println(i, items[i])
    ///     }
    /// }
    /// ```
    pub static RULE = {
        id: "range-over-int-modernize",
        title: "3-clause counting loop can become `for i := range n`",
        family: "range",
        severity: Severity::Hint,
        versions: "FV >= 1.22",
        sources: &["https://go.dev/doc/go1.22#language", "https://go.dev/ref/spec#For_range", "https://pkg.go.dev/golang.org/x/tools/go/analysis/passes/modernize"],
        kinds: &["for_clause"],
        check_node: Some(check),
    }
}

/// Ways an identifier named `name` is written, re-declared or address-taken under `root`.
fn written(c: &Checker, root: Node, name: &str) -> bool {
    let mut stack = vec![root];
    let mut steps = 0usize;
    while let Some(n) = stack.pop() {
        steps += 1;
        if steps > 20_000 {
            return true;
        }
        if n.kind() == "identifier" && c.text(n) == name {
            let Some(p) = n.parent() else { continue };
            match p.kind() {
                "inc_statement" | "dec_statement" => return true,
                "unary_expression" if p.child(0).is_some_and(|o| c.text(o) == "&") => return true,
                "expression_list" => {
                    if let Some(g) = p.parent() {
                        let is_left = g.child_by_field_name("left") == Some(p);
                        if is_left
                            && matches!(g.kind(), "assignment_statement" | "short_var_declaration" | "range_clause")
                        {
                            return true;
                        }
                    }
                }
                "assignment_statement" => {
                    if p.child_by_field_name("left") == Some(n) {
                        return true;
                    }
                }
                // Re-declarations that shadow: parameters, var specs.
                "parameter_declaration" | "var_spec" | "const_spec" => return true,
                _ => {}
            }
        }
        let mut cur = n.walk();
        stack.extend(n.named_children(&mut cur));
    }
    false
}

/// Whether the body writes an element of `name` as a map (`m[k] = v`, `delete(m, k)`):
/// that would change `len(m)`.
fn map_writes(c: &Checker, root: Node, name: &str) -> bool {
    let t = c.text(root);
    t.contains(&format!("delete({name}")) || t.contains(&format!("{name}[")) && t.contains('=')
}

fn is_sequence_decl(c: &Checker, ident: Node) -> bool {
    let Some(d) = resolve(c, ident) else { return false };
    if let Some(ty) = d.ty {
        let t = c.text(ty).trim();
        return t.starts_with('[') || t == "string";
    }
    let Some(v) = d.value else { return false };
    let t = c.text(v).trim_start();
    match v.kind() {
        "composite_literal" => t.starts_with('['),
        "interpreted_string_literal" | "raw_string_literal" => true,
        "call_expression" => t.starts_with("make([]"),
        _ => false,
    }
}

/// Whether `n` is loop-invariant for this body (see the doc).
fn invariant(c: &Checker, n: Node, body: Node) -> bool {
    match n.kind() {
        "int_literal" => true,
        "identifier" => {
            let Some(d) = resolve(c, n) else { return false };
            let is_const = d.name.parent().is_some_and(|p| p.kind() == "const_spec");
            if is_const {
                return true;
            }
            // A local variable or parameter, not written in the body.
            let local = {
                let mut p = d.name.parent();
                let mut inside = false;
                while let Some(x) = p {
                    if matches!(x.kind(), "function_declaration" | "method_declaration" | "func_literal") {
                        inside = true;
                        break;
                    }
                    p = x.parent();
                }
                inside
            };
            local && !written(c, body, c.text(n))
        }
        "call_expression" => {
            let Some(f) = n.child_by_field_name("function") else { return false };
            let Some(args) = n.child_by_field_name("arguments") else { return false };
            if c.text(f) != "len" || args.named_child_count() != 1 {
                return false;
            }
            let Some(s) = args.named_child(0) else { return false };
            s.kind() == "identifier"
                && is_sequence_decl(c, s)
                && invariant(c, s, body)
                && !map_writes(c, body, c.text(s))
        }
        "parenthesized_expression" => n.named_child(0).is_some_and(|x| invariant(c, x, body)),
        _ => false,
    }
}

fn mentions(c: &Checker, root: Node, name: &str) -> bool {
    let mut stack = vec![root];
    while let Some(n) = stack.pop() {
        if n.kind() == "identifier" && c.text(n) == name {
            return true;
        }
        let mut cur = n.walk();
        stack.extend(n.named_children(&mut cur));
    }
    false
}

fn check(c: &mut Checker, clause: Node) {
    let [from, to] = c.versions.file_sides().map(|s| s.clone());
    // A modernization for code that is already on go1.22 on both sides (during an upgrade
    // from an older go line the rewrite would not compile on the "from" side).
    if !from.version.at_least(22) || !to.version.at_least(22) {
        return;
    }
    let Some(for_stmt) = clause.parent() else { return };
    let Some(body) = for_stmt.child_by_field_name("body") else { return };
    // i := 0
    let Some(init) = clause.child_by_field_name("initializer") else { return };
    if init.kind() != "short_var_declaration" {
        return;
    }
    let (Some(left), Some(right)) = (init.child_by_field_name("left"), init.child_by_field_name("right")) else {
        return;
    };
    if left.named_child_count() != 1 || right.named_child_count() != 1 {
        return;
    }
    let (Some(var), Some(zero)) = (left.named_child(0), right.named_child(0)) else { return };
    if var.kind() != "identifier" || zero.kind() != "int_literal" || c.text(zero) != "0" {
        return;
    }
    let i = c.text(var);
    if i == "_" {
        return;
    }
    // i < N
    let Some(cond) = clause.child_by_field_name("condition") else { return };
    if cond.kind() != "binary_expression" {
        return;
    }
    let (Some(op), Some(cl), Some(n)) =
        (cond.child_by_field_name("operator"), cond.child_by_field_name("left"), cond.child_by_field_name("right"))
    else {
        return;
    };
    if c.text(op) != "<" || cl.kind() != "identifier" || c.text(cl) != i {
        return;
    }
    // i++ or i += 1
    let Some(update) = clause.child_by_field_name("update") else { return };
    let ok_update = match update.kind() {
        "inc_statement" => update.named_child(0).is_some_and(|x| c.text(x) == i),
        "assignment_statement" => {
            let l = update.child_by_field_name("left").map(|x| c.text(x));
            let r = update.child_by_field_name("right").map(|x| c.text(x));
            let o = update.child_by_field_name("operator").map(|x| c.text(x));
            l == Some(i) && r == Some("1") && o == Some("+=")
        }
        _ => false,
    };
    if !ok_update {
        return;
    }
    // N is an integer (untyped integer constants and int-typed values keep i an int).
    let Some(ev) = int_evidence(c, n) else { return };
    if ev.ty.as_deref().is_some_and(|t| t != "int") {
        return;
    }
    if written(c, body, i) || mentions(c, n, i) || !invariant(c, n, body) {
        return;
    }
    let n_text = c.text(n);
    let used = mentions(c, body, i);
    let header = if used { format!("{i} := range {n_text}") } else { format!("range {n_text}") };
    let edit = TextEdit::replace(Checker::span(clause), header.clone());
    let title = format!("Rewrite as `for {header}`");
    let fix = Fix::safe(title, vec![edit]);
    let mut d = c.diagnostic(
        Checker::span(clause),
        format!("this counting loop can be written `for {header}`"),
        format!(
            "With a file version of go1.22 or later ({}) a loop can range over an integer. The body never writes `{i}` and `{n_text}` is loop-invariant, so `for {header}` runs the same iterations.",
            to.describe()
        ),
    );
    d.fix = Some(fix);
    c.report(d);
}
