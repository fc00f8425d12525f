use crate::analyzer::Checker;
use crate::analyzer::NodeExt;
use crate::declare_rule;
use crate::diagnostic::{Fix, Severity, TextEdit};
use crate::rules::runtime::common::{pkg_member, toolchain_sides, walk_subtree};
use tree_sitter::Node;

declare_rule! {
    /// ## What it does
    /// Finds `time.Since` calls evaluated when a `defer` statement runs: an argument of the
    /// deferred call (`defer log.Println(time.Since(start))`), nested deeper, or the deferred call
    /// itself. Calls inside a deferred function literal are fine.
    ///
    /// ## Why
    /// The arguments of a deferred call are evaluated at the `defer` statement, so the code
    /// measures almost nothing. Go 1.22's `go vet` reports it: `call to time.Since is not
    /// deferred` (defers analyzer).
    ///
    /// ## How to fix
    /// Wrap the call in a function literal: `defer func() { log.Println(time.Since(start)) }()`.
    ///
    /// ## Example
    /// ```go bad
    /// // gocompat: from=1.21 to=1.22
    /// package main
    ///
    /// import (
    ///     "log"
    ///     "time"
    /// )
    ///
    /// func handle() {
    ///     start := time.Now()
    ///     defer log.Printf("handled in %v", time.Since(start))
    /// }
    /// ```
    ///
    /// Use instead:
    /// ```go good
    /// // gocompat: from=1.21 to=1.22
    /// package main
    ///
    /// import (
    ///     "log"
    ///     "time"
    /// )
    ///
    /// func handle() {
    ///     start := time.Now()
    ///     defer func() { log.Printf("handled in %v", time.Since(start)) }()
    /// }
    /// ```
    pub static RULE = {
        id: "vet-defers-time-since",
        title: "`time.Since` evaluated when the `defer` statement runs",
        family: "vet",
        severity: Severity::BehaviorChange,
        versions: "TC >= 1.22",
        sources: &["https://go.dev/doc/go1.22#vet", "https://pkg.go.dev/golang.org/x/tools/go/analysis/passes/defers"],
        kinds: &["defer_statement"],
        check_node: Some(check),
        local: true,
    }
}

// Verified with go1.22.12 and go1.23.5: `defer fmt.Println(time.Since(start))` →
// `./main.go:14:20: call to time.Since is not deferred` (the position of the time.Since call).
fn check<'a>(c: &mut Checker<'a>, stmt: Node<'a>) {
    if !c.versions.toolchain.version.at_least(22) {
        return;
    }
    let Some(call) = stmt.named_children(&mut stmt.walk()).find(|n| n.kind_str() == "call_expression") else { return };
    let mut found = Vec::new();
    walk_subtree(call, |n| {
        if n.kind_str() == "func_literal" {
            return false;
        }
        if n.kind_str() == "call_expression"
            && n.field("function").and_then(|f| pkg_member(c, f, "time")) == Some("Since")
        {
            found.push(n);
        }
        true
    });
    for (i, since) in found.into_iter().enumerate() {
        let explanation = format!(
            "The arguments of a deferred call are evaluated when the defer statement executes, so {} measures the time up to the defer statement (about zero), not up to the function's return. Go 1.22's go vet reports this (defers analyzer; not in go test's default checks). Wrap the deferred call in a function literal.",
            c.text(since)
        );
        let mut d = c.diagnostic(Checker::span(since), "call to time.Since is not deferred", explanation);
        d.sides = toolchain_sides(c, 22, "same bug, go vet is silent", "go vet: call to time.Since is not deferred");
        if i == 0 {
            d.fix = Some(Fix::unsafe_(
                "Defer a function literal: `defer func() { … }()`",
                "time.Since (and the other arguments) are then evaluated when the function returns, which is the intended measurement but changes what is logged",
                vec![TextEdit::replace(Checker::span(call), format!("func() {{ {} }}()", c.text(call)))],
            ));
        }
        c.report(d);
    }
}
