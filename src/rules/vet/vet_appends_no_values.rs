use crate::analyzer::Checker;
use crate::declare_rule;
use crate::diagnostic::{Fix, Severity, TextEdit};
use crate::rules::runtime::common::{call_args, toolchain_sides};
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
        check_node: Some(check),
    }
}

// Verified with go1.22.12: `go vet` on `s = append(s)` prints `./main.go:16:6: append with no values`
// (the position of the call); go1.21.13's vet has no appends analyzer.
fn check(c: &mut Checker, call: Node) {
    let Some(f) = call.child_by_field_name("function") else { return };
    if f.kind() != "identifier" || c.text(f) != "append" || !c.versions.toolchain.version.at_least(22) {
        return;
    }
    let args = call_args(call);
    if args.len() != 1 || args[0].kind() == "variadic_argument" || declares_append(c) {
        return;
    }
    let explanation = "`append(s)` appends nothing and returns s unchanged; most likely the values to append were forgotten. From Go 1.22 `go vet` reports it (appends analyzer), failing CI that runs vet. Add the intended values, or replace the call by its argument.";
    let mut d = c.diagnostic(Checker::span(call), "append with no values", explanation);
    d.sides = toolchain_sides(c, 22, "go vet is silent", "go vet: append with no values");
    let arg = c.text(args[0]).to_string();
    d.fix = Some(Fix::safe(
        format!("Replace `append({arg})` by `{arg}`"),
        vec![TextEdit::replace(Checker::span(call), arg)],
    ));
    c.report(d);
}

/// A file that declares its own `append` (shadowing the builtin).
fn declares_append(c: &Checker) -> bool {
    c.src.contains("func append(")
}
