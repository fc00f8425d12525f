//! Facts: go/types creates `*types.Alias` when GODEBUG gotypesalias=1 (/usr/share/go-1.22/src/go/
//! types/check.go `enableAlias: gotypesalias.Value() == "1"`); default 0 for main modules at
//! go1.22, 1 from go1.23 (godebug.tsv changed_in 23); removed in Go 1.27 (always on; godebug.tsv).
use super::resolve::called_pkg_func;
use super::resolve::{child, fld};
use crate::analyzer::Checker;
use crate::analyzer::NodeExt;
use crate::declare_rule;
use crate::diagnostic::{Severity, SideBehavior};
use tree_sitter::Node;

declare_rule! {
    /// ## What it does
    /// Finds type switches and type assertions on a `go/types` type with cases such as
    /// `*types.Named` or `*types.Basic` but no `*types.Alias` case and no `types.Unalias`
    /// call before them.
    ///
    /// ## Why
    /// With GODEBUG `gotypesalias=1` — the default for main modules at go1.23 or later, and
    /// always from Go 1.27 — go/types represents an alias such as `type A = pkg.T` as a
    /// `*types.Alias` node. A switch that does not expect it falls to its default branch
    /// (go1.22 release notes: "Alias types may break existing type switches that do not know
    /// to check for them").
    ///
    /// ## How to fix
    /// Switch on `types.Unalias(t)` (Go 1.22), or add a `*types.Alias` case.
    ///
    /// ## Example
    /// ```go bad
    /// // gocompat: from=1.22 to=1.23
    /// package main
    ///
    /// import "go/types"
    ///
    /// func isNamed(t types.Type) bool {
    ///     switch t.(type) {
    ///     case *types.Named:
    ///         return true
    ///     }
    ///     return false
    /// }
    /// ```
    ///
    /// Use instead:
    /// ```go good
    /// // gocompat: from=1.22 to=1.23
    /// package main
    ///
    /// import "go/types"
    ///
    /// func isNamed(t types.Type) bool {
    ///     switch types.Unalias(t).(type) {
    ///     case *types.Named:
    ///         return true
    ///     }
    ///     return false
    /// }
    /// ```
    pub static RULE = {
        id: "gotypes-alias-nodes",
        title: "go/types may return `*types.Alias`",
        family: "stdlib",
        severity: Severity::BehaviorChange,
        versions: "MV >= 1.23 or TC >= 1.27 (tools)",
        godebug: Some(("gotypesalias", "0", Some("removed in Go 1.27"))),
        sources: &["https://go.dev/doc/go1.23", "https://go.dev/doc/go1.22", "https://go.dev/blog/alias-names"],
        kinds: &["type_switch_statement", "type_assertion_expression"],
        check_node: Some(check),
        local: true,
    }
}

/// go/types types that an alias can stand for (and that a switch may test).
const ALIASABLE: &[&str] = &["Named", "Basic", "Pointer", "Slice", "Array", "Map", "Chan", "Struct", "Interface"];

/// `*types.X` for the go/types import: Some(X).
fn gotypes_case<'a>(c: &Checker<'a>, ty: Node<'a>) -> Option<&'a str> {
    let q = if ty.kind_str() == "pointer_type" { ty.named_child(0)? } else { return None };
    if q.kind_str() != "qualified_type" {
        return None;
    }
    let pkg = c.text(child(q, &fld::PACKAGE)?);
    (c.facts.import_path(pkg) == Some("go/types")).then(|| c.text(child(q, &fld::NAME).unwrap_or(q)))
}

/// `x.Underlying()` never returns an alias; `types.Unalias(x)` removes them.
fn unaliased<'a>(c: &Checker<'a>, value: Node<'a>) -> bool {
    if value.kind_str() != "call_expression" {
        return false;
    }
    if called_pkg_func(c, value).is_some_and(|r| r.path == "go/types" && r.name == "Unalias") {
        return true;
    }
    value.field("function").and_then(|f| child(f, &fld::FIELD)).is_some_and(|f| c.text(f) == "Underlying")
}

fn enclosing_function_mentions_unalias(c: &Checker, node: Node) -> bool {
    let mut n = node.parent();
    while let Some(p) = n {
        if matches!(p.kind_str(), "function_declaration" | "method_declaration") {
            return c.text(p).contains("Unalias(");
        }
        n = p.parent();
    }
    false
}

fn check<'a>(c: &mut Checker<'a>, node: Node<'a>) {
    if c.facts.local_name("go/types").is_none() {
        return;
    }
    let (value, cases): (Option<Node>, Vec<&str>) = if node.kind_str() == "type_switch_statement" {
        let mut names = Vec::new();
        let mut cur = node.walk();
        for tc in node.named_children(&mut cur) {
            if tc.kind_str() != "type_case" {
                continue;
            }
            let mut c2 = tc.walk();
            for ty in tc.children_by_field_name("type", &mut c2) {
                if let Some(n) = gotypes_case(c, ty) {
                    names.push(n);
                }
            }
        }
        (node.field("value"), names)
    } else {
        let ty = node.field("type");
        (child(node, &fld::OPERAND), ty.and_then(|t| gotypes_case(c, t)).into_iter().collect())
    };
    let Some(value) = value else { return };
    if cases.contains(&"Alias") || !cases.iter().any(|n| ALIASABLE.contains(n)) || unaliased(c, value) {
        return;
    }
    if enclosing_function_mentions_unalias(c, node) {
        return;
    }
    // Whether go/types creates Alias nodes, per main-module side.
    let tc = c.versions.toolchain.version;
    let override_ = c.facts.godebug_override("gotypesalias", c.gomod);
    let on = |mv: u32| {
        if !tc.at_least(22) {
            false
        } else if tc.at_least(27) {
            true
        } else if let Some((v, _)) = &override_ {
            v == "1"
        } else {
            tc.at_least(23) && mv >= 23
        }
    };
    let [from, to] = c.versions.main_sides();
    let s = [on(from.version.minor), on(to.version.minor)];
    if !s[0] && !s[1] {
        return;
    }
    let listed: Vec<String> = cases.iter().map(|n| format!("*types.{n}")).collect();
    let what = if node.kind_str() == "type_switch_statement" { "type switch" } else { "type assertion" };
    let outcome = if what == "type switch" { "takes the default path" } else { "fails the assertion" };
    let message = format!(
        "{what} on {} tests {} but not *types.Alias: with gotypesalias=1 an alias type {outcome}",
        c.text(value),
        listed.join(", ")
    );
    let explanation = format!(
        "With GODEBUG gotypesalias=1 — the default when the main module's go line is 1.23 or later, and always from Go 1.27, which removed the setting — go/types represents alias declarations (type A = T) as *types.Alias nodes. This {what} does not handle them, so for an alias it {}. Use types.Unalias({}) (Go 1.22) to look through aliases, or add a *types.Alias case.",
        if what == "type switch" { "falls to the default branch" } else { "fails" },
        c.text(value)
    );
    let yes = "go/types creates *types.Alias: aliases miss these cases";
    let no = "no *types.Alias nodes (gotypesalias=0): aliases resolve to their target";
    let mut d = c.diagnostic(Checker::span(node), message, explanation);
    d.sides = vec![
        SideBehavior { version: from.describe(), behavior: (if s[0] { yes } else { no }).to_string() },
        SideBehavior { version: to.describe(), behavior: (if s[1] { yes } else { no }).to_string() },
    ];
    c.report(d);
}
