use super::common::{call_args, called_pkg_func, enclosing_decl, toolchain_sides, unparen, word_occurrences};
use crate::analyzer::Checker;
use crate::analyzer::NodeExt;
use crate::declare_rule;
use crate::diagnostic::Severity;
use tree_sitter::Node;

declare_rule! {
    /// ## What it does
    /// Finds `slices.Delete`, `DeleteFunc`, `Compact`, `CompactFunc` and `Replace` calls whose
    /// result is discarded, or assigned to another variable while the original slice is used
    /// afterwards in the same function.
    ///
    /// ## Why
    /// Go 1.22: "Functions that shrink the size of a slice (Delete, DeleteFunc, Compact,
    /// CompactFunc, and Replace) now zero the elements between the new length and the old
    /// length" (release notes, slices). Code that keeps using the original slice sees zero values
    /// (nil pointers, empty strings) where it used to see stale elements. The change follows the
    /// toolchain.
    ///
    /// ## How to fix
    /// Use only the returned slice (`s = slices.Delete(s, i, j)`); copy what you still need
    /// before deleting.
    ///
    /// ## Example
    /// ```go bad
    /// // gocompat: from=1.21 to=1.22
    /// package main
    ///
    /// import "slices"
    ///
    /// func drop(users []string, i int) []string {
    ///     kept := slices.Delete(users, i, i+1)
    ///     last := users[len(users)-1]
    ///     return append(kept, last)
    /// }
    /// ```
    ///
    /// Use instead:
    /// ```go good
    /// // gocompat: from=1.21 to=1.22
    /// package main
    ///
    /// import "slices"
    ///
    /// func drop(users []string, i int) []string {
    ///     users = slices.Delete(users, i, i+1)
    ///     return users
    /// }
    /// ```
    pub static RULE = {
        id: "slices-shrinkers-zero-tail",
        title: "`slices.Delete/DeleteFunc/Compact/CompactFunc/Replace` zero the vacated tail",
        family: "runtime",
        severity: Severity::BehaviorChange,
        versions: "TC >= 1.22",
        sources: &["https://go.dev/doc/go1.22#slices", "https://pkg.go.dev/slices#Delete"],
        kinds: &["call_expression"],
        check_node: Some(check),
        local: true,
    }
}

const SHRINKERS: &[&str] = &["Delete", "DeleteFunc", "Compact", "CompactFunc", "Replace"];

// Verified with `go run` of tests/fixtures/slices-shrinkers-zero-tail/bad.go: go1.21.13 prints
// the stale tail (`a c c`); go1.22.12 crashes with a nil pointer dereference on the zeroed
// `*job` element.
fn check<'a>(c: &mut Checker<'a>, call: Node<'a>) {
    let Some(f) = called_pkg_func(c, call, "slices") else { return };
    if !SHRINKERS.contains(&f) {
        return;
    }
    let args = call_args(call);
    let Some(first) = args.first().map(|a| unparen(*a)) else { return };
    if !matches!(first.kind_str(), "identifier" | "selector_expression") {
        return;
    }
    let x = c.text(first);
    let Some(parent) = call.parent() else { return };
    let problem = match parent.kind_str() {
        "expression_statement" => format!(
            "the result of slices.{f} is discarded: {x} keeps its length, and from Go 1.22 its vacated tail is zeroed"
        ),
        "expression_list" => {
            let Some(stmt) = parent.parent() else { return };
            if !matches!(stmt.kind_str(), "short_var_declaration" | "assignment_statement")
                || stmt.field("right") != Some(parent)
            {
                return;
            }
            let Some(left) = stmt.field("left") else { return };
            let idx = {
                let mut cur = parent.walk();
                let i = parent.named_children(&mut cur).position(|n| n == call);
                i
            };
            let Some(y) = idx.and_then(|i| left.named_child(i as u32)) else { return };
            if c.text(y) == x || !used_after(c, call, x) {
                return;
            }
            format!(
                "{x} is used after slices.{f} returned the shorter {}: from Go 1.22 the elements of {x} between the new and the old length are zeroed",
                c.text(y)
            )
        }
        _ => return,
    };
    if !c.versions.toolchain.version.at_least(22) {
        return;
    }
    let explanation = format!(
        "Since Go 1.22, slices.{f} zeroes the elements between the new and the old length of the slice it was given. The original slice {x} shares its array with the result, so reading {x} beyond the new length now yields zero values (nil, \"\", 0) instead of the old, shifted elements; a nil pointer there crashes the program. Use only the returned slice, and copy what you need before deleting."
    );
    let mut d = c.diagnostic(Checker::span(call), problem, explanation);
    d.sides = toolchain_sides(c, 22, "the vacated tail keeps stale (shifted) elements", "the vacated tail is zeroed");
    c.report(d);
}

/// Whether `x` is mentioned after `call` in the same top-level declaration.
fn used_after(c: &Checker, call: Node, x: &str) -> bool {
    let scope = enclosing_decl(call);
    let (from, to) = (call.end_byte(), scope.end_byte());
    let Some(rest) = c.src.get(from..to) else { return false };
    word_occurrences(rest, x).any(|i| {
        // `x = ...` reassigns rather than reads.
        let after = rest[i + x.len()..].trim_start();
        !after.starts_with('=') || after.starts_with("==")
    })
}
