use crate::analyzer::Checker;
use crate::analyzer::NodeExt;
use crate::declare_rule;
use crate::diagnostic::{Fix, Severity, TextEdit};
use crate::rules::runtime::common::{call_args, enclosing_decl, toolchain_sides, word_occurrences};
use crate::span::Span;
use tree_sitter::Node;

declare_rule! {
    /// ## What it does
    /// Finds `append(s)`: a call of the builtin `append` with the slice and no values.
    ///
    /// ## Why
    /// Go 1.22's `go vet` has a new `appends` analyzer that reports `append with no values`.
    /// Such a call returns `s` unchanged; usually the values were forgotten. `go vet` fails
    /// on it from Go 1.22 on (`go test` does not run this analyzer by default).
    ///
    /// ## How to fix
    /// Add the values that were meant to be appended, or drop the call.
    ///
    /// ## Example
    /// ```go bad
    /// // gocompat: from=1.21 to=1.22
    /// package main
    ///
    /// func collect(dst []string, name string) []string {
    ///     dst = append(dst)
    ///     return dst
    /// }
    /// ```
    ///
    /// Use instead:
    /// ```go good
    /// // gocompat: from=1.21 to=1.22
    /// package main
    ///
    /// func collect(dst []string, name string) []string {
    ///     dst = append(dst, name)
    ///     return dst
    /// }
    /// ```
    pub static RULE = {
        id: "vet-appends-no-values",
        title: "`append` with only the slice argument",
        family: "vet",
        severity: Severity::Hint,
        versions: "TC >= 1.22",
        sources: &["https://go.dev/doc/go1.22#vet", "https://pkg.go.dev/golang.org/x/tools/go/analysis/passes/appends"],
        kinds: &["call_expression"],
        check_node: Some(check),        local: true,
    }
}

// Verified with go1.22.12: `go vet` on `s = append(s)` prints `./main.go:16:6: append with no values`
// (the position of the call); go1.21.13's vet has no appends analyzer.
fn check<'a>(c: &mut Checker<'a>, call: Node<'a>) {
    if c.callee(call).and_then(|f| f.ident) != Some("append") || !c.versions.toolchain.version.at_least(22) {
        return;
    }
    let args = call_args(call);
    if args.len() != 1 || args[0].kind_str() == "variadic_argument" || declares_append(c) {
        return;
    }
    let explanation = "`append(s)` appends nothing and returns s unchanged; most likely the values to append were forgotten. From Go 1.22 `go vet` reports it (appends analyzer), failing CI that runs vet (go test's default vet checks leave it out). Add the intended values, or drop the call.";
    let mut d = c.diagnostic(Checker::span(call), "append with no values", explanation);
    d.sides = toolchain_sides(c, 22, "go vet is silent", "go vet: append with no values");
    d.fix = fix(c, call, args[0]);
    c.report(d);
}

/// `s = append(s)` → delete the statement (replacing the call would leave `s = s`, which vet's
/// assign analyzer reports as a self-assignment); otherwise `append(x)` → `x`.
fn fix(c: &Checker, call: Node, arg: Node) -> Option<Fix> {
    let arg_text = c.text(arg);
    let stmt = call.parent().filter(|p| p.kind_str() == "expression_list").and_then(|p| p.parent());
    if let Some(stmt) = stmt.filter(|s| s.kind_str() == "assignment_statement") {
        let left = stmt.field("left")?;
        let right = stmt.field("right")?;
        if left.named_child_count() == 1 && right.named_child_count() == 1 && c.text(left) == arg_text {
            let edit = TextEdit::delete(statement_span(c, stmt));
            let title = format!("Delete `{}` (it changes nothing)", c.text(stmt));
            // A variable whose only other mention is its declaration would become unused.
            let scope = c.text(enclosing_decl(stmt));
            let used_elsewhere = word_occurrences(scope, arg_text).count() >= 4;
            return Some(if left.named_child(0)?.kind_str() != "identifier" {
                Fix::unsafe_(
                    title,
                    "the deleted statement also evaluated its operands, which could panic (a nil pointer)",
                    vec![edit],
                )
            } else if used_elsewhere {
                Fix::safe(title, vec![edit])
            } else {
                Fix::unsafe_(
                    title,
                    "if this was the variable's only use, the compiler then reports it as declared and not used",
                    vec![edit],
                )
            });
        }
    }
    Some(Fix::safe(
        format!("Replace `append({arg_text})` by `{arg_text}`"),
        vec![TextEdit::replace(Checker::span(call), arg_text)],
    ))
}

/// The statement's whole line when it is alone on it, else the statement.
fn statement_span(c: &Checker, stmt: Node) -> Span {
    let (start, end) = (stmt.start_byte(), stmt.end_byte());
    let line_start = c.src[..start].rfind('\n').map(|i| i + 1).unwrap_or(0);
    let line_end = c.src[end..].find('\n').map(|i| end + i + 1).unwrap_or(c.src.len());
    let before = &c.src[line_start..start];
    let after = &c.src[end..line_end];
    if before.trim().is_empty() && after.trim().is_empty() {
        Span::new(line_start, line_end)
    } else {
        Span::new(start, end)
    }
}

/// A file that declares its own `append` (shadowing the builtin): a top-level function,
/// so its signature is in the text visible from every function.
fn declares_append(c: &Checker) -> bool {
    c.visible_contains("func append(")
}
